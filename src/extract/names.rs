//! Language-independent knowledge about Vietnamese names and places.
//!
//! A person name is recognized by its structure: a Vietnamese surname followed by one to
//! three syllables. Nothing here lists any particular person. The province list is a
//! gazetteer of the country's provinces and centrally-run cities (before and after the
//! 2025 merger), used to tell places from people and to find an article's province.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::AreaLevel;

/// Vietnamese surnames, ASCII-folded and lowercase.
pub const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "mai", "doan", "giap", "phung", "la", "ha", "dinh", "luong",
    "trinh", "ta", "cao", "lam", "chu", "trieu", "quach", "thai", "kieu", "khuat", "nong", "hua",
    "lo", "lu", "vi", "luc", "tong", "thach", "au", "nghiem", "dam", "dao", "lai", "luu", "mac",
    "ung", "ong", "khong", "tang", "kim", "van", "tat", "vuong", "han", "diep", "quan", "to",
    "hoa", "ninh", "son", "tiet", "thieu", "dau", "y", "ma", "hau", "nhu", "truong", "ton", "tieu",
    "khuc", "banh", "bach", "lieu", "chau",
];

pub fn is_surname(folded_lower: &str) -> bool {
    SURNAMES.contains(&folded_lower)
}

/// True when `word` (folded, lowercase, ASCII) can be one Vietnamese syllable: letters
/// only, at most seven, none of `f j w z`, and a vowel in it.
pub fn is_latin_syllable(word: &str) -> bool {
    let n = word.len();
    (1..=7).contains(&n)
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !word.bytes().any(|b| matches!(b, b'f' | b'j' | b'w' | b'z'))
        && word
            .bytes()
            .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
        && !word.ends_with('s')
        || (n == 2 && word == "vu")
}

/// Provinces and centrally-run cities: canonical name, level and other spellings.
pub const PROVINCES: &[(&str, AreaLevel, &[&str])] = &[
    ("Hanoi", AreaLevel::City, &["Ha Noi"]),
    (
        "Ho Chi Minh City",
        AreaLevel::City,
        &["Ho Chi Minh", "Saigon"],
    ),
    ("Hai Phong", AreaLevel::City, &["Haiphong"]),
    ("Da Nang", AreaLevel::City, &["Danang"]),
    ("Can Tho", AreaLevel::City, &[]),
    ("Hue", AreaLevel::City, &["Thua Thien Hue"]),
    ("An Giang", AreaLevel::Province, &[]),
    (
        "Ba Ria Vung Tau",
        AreaLevel::Province,
        &["Ba Ria - Vung Tau"],
    ),
    ("Bac Giang", AreaLevel::Province, &[]),
    ("Bac Kan", AreaLevel::Province, &[]),
    ("Bac Lieu", AreaLevel::Province, &[]),
    ("Bac Ninh", AreaLevel::Province, &[]),
    ("Ben Tre", AreaLevel::Province, &[]),
    ("Binh Dinh", AreaLevel::Province, &[]),
    ("Binh Duong", AreaLevel::Province, &[]),
    ("Binh Phuoc", AreaLevel::Province, &[]),
    ("Binh Thuan", AreaLevel::Province, &[]),
    ("Ca Mau", AreaLevel::Province, &[]),
    ("Cao Bang", AreaLevel::Province, &[]),
    ("Dak Lak", AreaLevel::Province, &["Dac Lac", "Daklak"]),
    ("Dak Nong", AreaLevel::Province, &[]),
    ("Dien Bien", AreaLevel::Province, &[]),
    ("Dong Nai", AreaLevel::Province, &[]),
    ("Dong Thap", AreaLevel::Province, &[]),
    ("Gia Lai", AreaLevel::Province, &[]),
    ("Ha Giang", AreaLevel::Province, &[]),
    ("Ha Nam", AreaLevel::Province, &[]),
    ("Ha Tinh", AreaLevel::Province, &[]),
    ("Hai Duong", AreaLevel::Province, &[]),
    ("Hau Giang", AreaLevel::Province, &[]),
    ("Hoa Binh", AreaLevel::Province, &[]),
    ("Hung Yen", AreaLevel::Province, &[]),
    ("Khanh Hoa", AreaLevel::Province, &[]),
    ("Kien Giang", AreaLevel::Province, &[]),
    ("Kon Tum", AreaLevel::Province, &[]),
    ("Lai Chau", AreaLevel::Province, &[]),
    ("Lam Dong", AreaLevel::Province, &[]),
    ("Lang Son", AreaLevel::Province, &[]),
    ("Lao Cai", AreaLevel::Province, &[]),
    ("Long An", AreaLevel::Province, &[]),
    ("Nam Dinh", AreaLevel::Province, &[]),
    ("Nghe An", AreaLevel::Province, &[]),
    ("Ninh Binh", AreaLevel::Province, &[]),
    ("Ninh Thuan", AreaLevel::Province, &[]),
    ("Phu Tho", AreaLevel::Province, &[]),
    ("Phu Yen", AreaLevel::Province, &[]),
    ("Quang Binh", AreaLevel::Province, &[]),
    ("Quang Nam", AreaLevel::Province, &[]),
    ("Quang Ngai", AreaLevel::Province, &[]),
    ("Quang Ninh", AreaLevel::Province, &[]),
    ("Quang Tri", AreaLevel::Province, &[]),
    ("Soc Trang", AreaLevel::Province, &[]),
    ("Son La", AreaLevel::Province, &[]),
    ("Tay Ninh", AreaLevel::Province, &[]),
    ("Thai Binh", AreaLevel::Province, &[]),
    ("Thai Nguyen", AreaLevel::Province, &[]),
    ("Thanh Hoa", AreaLevel::Province, &[]),
    ("Tien Giang", AreaLevel::Province, &[]),
    ("Tra Vinh", AreaLevel::Province, &[]),
    ("Tuyen Quang", AreaLevel::Province, &[]),
    ("Vinh Long", AreaLevel::Province, &[]),
    ("Vinh Phuc", AreaLevel::Province, &[]),
    ("Yen Bai", AreaLevel::Province, &[]),
];

/// Province search keys without spaces → canonical name and level, built once.
static PROVINCE_KEYS: LazyLock<HashMap<String, (&'static str, AreaLevel)>> = LazyLock::new(|| {
    let squash = |s: &str| crate::text::search_key(s).replace(' ', "");
    let mut keys = HashMap::new();
    for (name, level, others) in PROVINCES {
        for spelling in std::iter::once(name).chain(others.iter()) {
            keys.entry(squash(spelling)).or_insert((*name, *level));
        }
    }
    keys
});

/// The province whose name (or other spelling) has this search key.
pub fn province_by_key(key: &str) -> Option<(&'static str, AreaLevel)> {
    PROVINCE_KEYS.get(&key.replace(' ', "")).copied()
}

/// Longest number of words a province name has.
pub const PROVINCE_MAX_WORDS: usize = 4;
