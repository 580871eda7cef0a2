//! The country's provinces and centrally-run cities (before and after the 2025 merger),
//! with their other spellings: used to tell places from people, to find an article's
//! province, and to read every province's syllables as places (`syllables.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::AreaLevel;

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
