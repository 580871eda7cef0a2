//! The syllable table: Vietnamese name syllables and how machine translation writes them
//! in Arabic script.
//!
//! The table is a list of Latin syllables (diacritics folded), most frequent first, and a
//! rule set ([`renderings`]) that spells a syllable the ways Arabic translations do:
//! `th` as ث or ت, `ng` as نغ or نج, `ch` as تش, `qu` as كو, `x` as ش, `ph` and `v` as ف,
//! `ie` as يا, ي or يي (تيان, كين, نغييم). Generating the renderings instead of listing
//! them keeps the table readable and makes every listed syllable recognized in all of
//! its spellings. Where two syllables share a spelling (فان is both `Van` and `Phan`),
//! the earlier one in its list wins; surnames have their own list, consulted first for
//! the first word of a name.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Surnames, most frequent first.
pub const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "mai", "doan", "giap", "phung", "la", "ha", "dinh", "luong",
    "trinh", "ta", "cao", "lam", "chu", "tong", "thai", "quach", "luu", "trieu", "lai", "kieu",
    "dao", "khuc", "ton", "tieu", "thach", "mac", "nong", "lu", "kim", "vi", "hua", "vuong", "dam",
    "tang", "au", "an", "lo", "lieu", "nghiem", "khong", "chau", "giang", "hoa", "lang", "quan",
    "thieu", "luc", "ung", "yen",
];

/// Middle and given syllables (and a few place syllables), most frequent first.
pub const SYLLABLES: &[&str] = &[
    // Middle syllables.
    "van", "thi", "duc", "thanh", "quang", "xuan", "hoang", "tien", "viet", "minh", "hong", "huu",
    "ngoc", "cong", "dinh", "trung", "quoc", "kim", "dang", "ba", "dac", "manh", "tuan", "anh",
    "tho", "thu", // Given syllables.
    "thang", "chau", "nghiem", "hau", "hoi", "bac", "huyen", "lap", "tan", "tung", "thieu", "toan",
    "kien", "tuat", "an", "binh", "chi", "chinh", "cuong", "dung", "dat", "dai", "diep", "dieu",
    "dong", "du", "duy", "gia", "giang", "ha", "hai", "han", "hang", "hanh", "hao", "hien", "hieu",
    "hoa", "hoai", "hoan", "hue", "hung", "huong", "huy", "khai", "khang", "khanh", "khoa", "khoi",
    "kiet", "lam", "lan", "lien", "linh", "loc", "loi", "long", "luan", "luong", "ly", "mai", "my",
    "nam", "nga", "ngan", "nghia", "nguyet", "nhan", "nhat", "nhu", "nhung", "ninh", "phat",
    "phong", "phu", "phuc", "phuong", "quan", "quy", "quyen", "quyet", "quynh", "sang", "son",
    "tai", "tam", "than", "thao", "thiet", "thinh", "thoa", "thong", "thuan", "thuy", "tin",
    "tinh", "trang", "tri", "trieu", "trinh", "trong", "truc", "truong", "tu", "tue", "tuong",
    "tuyen", "tuyet", "uyen", "vinh", "vu", "vuong", "yen", "bang", "bao", "bich", "cam", "canh",
    "cat", "chien", "chung", "cu", "cuc", "dan", "danh", "dao", "dien", "diem", "doan", "duyen",
    "giao", "hop", "huan", "hy", "kha", "khiem", "khue", "lai", "lang", "le", "lieu", "loan",
    "luyen", "mien", "mo", "nghi", "nguyen", "nhi", "nho", "nhuan", "oanh", "phi", "sau", "sinh",
    "suong", "tao", "the", "thien", "thoai", "thuc", "tiep", "to", "trac", "tram", "tuc", "uy",
    "vy", "xuyen", "bay", "be", "boi", "cau", "chuong", "diep", "dinh", "duan", "em", "gam", "ham",
    "hiep", "hinh", "hoach", "hon", "huan", "huong", "ke", "khuong", "kinh", "lac", "lich", "lo",
    "loi", "luat", "mao", "man", "mung", "my", "nang", "ngan", "nghe", "nhien", "nhuong", "pho",
    "quyen", "sam", "sen", "si", "sy", "tam", "thach", "tham", "thiep", "thoi", "thom", "thuong",
    "tiem", "toai", "toan", "tong", "tra", "tuan", "tuoi", "ut", "uoc", "vang", "ve", "vien",
    "vuong", "xoan", "y", "yet",
    // Place syllables that extraction romanizes with the same function.
    "bach", "kinh", "quan", "lao", "cai", "bien", "ben", "gio", "tay", "tuyen", "nang", "kon",
    "tum", "dak", "lak", "nong", "phuoc", "thuan", "hau", "soc", "trang", "ca", "mau", "bac",
    "lieu", "kien", "tra", "long",
];

/// Consonant onsets, longest first, with their Arabic spellings (the usual one first).
const ONSETS: &[(&str, &[&str])] = &[
    ("ngh", &["نغ", "نج"]),
    ("ng", &["نغ", "نج"]),
    ("nh", &["نه", "ن"]),
    ("ph", &["ف"]),
    ("th", &["ث", "ت"]),
    ("tr", &["تر"]),
    ("ch", &["تش"]),
    ("kh", &["خ"]),
    ("gh", &["غ"]),
    ("gi", &["جي"]),
    ("qu", &["كو"]),
    ("b", &["ب"]),
    ("c", &["ك"]),
    ("d", &["د"]),
    ("f", &["ف"]),
    ("g", &["غ", "ج"]),
    ("h", &["ه"]),
    ("j", &["ج"]),
    ("k", &["ك"]),
    ("l", &["ل"]),
    ("m", &["م"]),
    ("n", &["ن"]),
    ("p", &["ب"]),
    ("r", &["ر"]),
    ("s", &["س", "ش"]),
    ("t", &["ت"]),
    ("v", &["ف"]),
    ("w", &["و"]),
    ("x", &["ش", "س"]),
    ("z", &["ز"]),
];

/// Final consonants with their Arabic spellings.
const CODAS: &[(&str, &[&str])] = &[
    ("ng", &["نغ", "نج"]),
    ("nh", &["نه"]),
    ("ch", &["خ", "تش", "ك"]),
    ("c", &["ك"]),
    ("m", &["م"]),
    ("n", &["ن"]),
    ("p", &["ب"]),
    ("t", &["ت"]),
];

/// Vowel nuclei with their Arabic spellings. Arabic has three vowel letters, so
/// `o/ô/ơ/u/ư` all become و and `e/ê/i/y` all become ي.
const NUCLEI: &[(&str, &[&str])] = &[
    ("uye", &["وي", "ويي"]),
    ("uya", &["ويا"]),
    ("oai", &["واي"]),
    ("oay", &["واي"]),
    ("uay", &["واي"]),
    ("uoi", &["وي"]),
    ("uou", &["و"]),
    ("ieu", &["يو"]),
    ("yeu", &["يو"]),
    ("ai", &["اي"]),
    ("ay", &["اي"]),
    ("ao", &["او"]),
    ("au", &["او"]),
    ("ia", &["يا"]),
    ("ie", &["يا", "ي", "يي"]),
    ("ye", &["ي", "يي", "يا"]),
    ("iu", &["يو"]),
    ("eo", &["يو"]),
    ("eu", &["يو"]),
    ("oa", &["وا"]),
    ("oe", &["وي"]),
    ("oi", &["وي"]),
    ("ua", &["وا"]),
    ("ue", &["وي"]),
    ("ui", &["وي"]),
    ("uo", &["و"]),
    ("uy", &["وي"]),
    ("uu", &["و"]),
    ("a", &["ا"]),
    ("e", &["ي"]),
    ("i", &["ي"]),
    ("y", &["ي"]),
    ("o", &["و"]),
    ("u", &["و"]),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Splits a folded lowercase Latin syllable into onset, nucleus and coda. `None` when it
/// is not shaped like a Vietnamese syllable (then callers spell it letter by letter).
fn split(syllable: &str) -> Option<(&str, &str, &str)> {
    let mut onset = "";
    for (text, _) in ONSETS {
        if let Some(rest) = syllable.strip_prefix(text)
            && rest.starts_with(is_vowel)
        {
            onset = text;
            break;
        }
    }
    let rest = &syllable[onset.len()..];
    let mut coda = "";
    for (text, _) in CODAS {
        if let Some(head) = rest.strip_suffix(text)
            && head.ends_with(is_vowel)
        {
            coda = text;
            break;
        }
    }
    let nucleus = &rest[..rest.len() - coda.len()];
    if nucleus.is_empty() || !nucleus.chars().all(is_vowel) {
        return None;
    }
    Some((onset, nucleus, coda))
}

fn lookup<'a>(table: &'a [(&str, &'a [&str])], key: &str) -> Option<&'a [&'a str]> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn letter(c: char) -> &'static str {
    match c {
        'a' => "ا",
        'e' | 'i' | 'y' => "ي",
        'o' | 'u' | 'w' => "و",
        'b' | 'p' => "ب",
        'c' | 'k' | 'q' => "ك",
        'd' => "د",
        'f' | 'v' => "ف",
        'g' => "غ",
        'h' => "ه",
        'j' => "ج",
        'l' => "ل",
        'm' => "م",
        'n' => "ن",
        'r' => "ر",
        's' => "س",
        't' => "ت",
        'x' => "ش",
        'z' => "ز",
        _ => "",
    }
}

fn nucleus_spellings(nucleus: &str) -> Vec<String> {
    match lookup(NUCLEI, nucleus) {
        Some(spellings) => spellings.iter().map(|s| s.to_string()).collect(),
        None => vec![nucleus.chars().map(letter).collect()],
    }
}

/// The Arabic spellings of a folded lowercase Latin syllable, the usual one first.
/// Deterministic; a syllable not shaped like a Vietnamese one is spelled letter by letter.
pub fn renderings(syllable: &str) -> Vec<String> {
    let Some((onset, nucleus, coda)) = split(syllable) else {
        return vec![syllable.chars().map(letter).collect()];
    };
    let onsets: Vec<String> = if onset.is_empty() {
        vec![String::new()]
    } else {
        lookup(ONSETS, onset)
            .unwrap_or(&[])
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let mut nuclei = nucleus_spellings(nucleus);
    if onset.is_empty() {
        // A vowel-initial word is written with a leading alif (آن, انه) or, before و and
        // ي, sometimes with one and sometimes without.
        nuclei = nuclei
            .into_iter()
            .flat_map(|n| {
                if n.starts_with('ا') {
                    vec![format!("آ{}", &n['ا'.len_utf8()..]), n]
                } else {
                    vec![format!("ا{n}"), n]
                }
            })
            .collect();
    }
    let codas: Vec<&str> = if coda.is_empty() {
        vec![""]
    } else {
        lookup(CODAS, coda).unwrap_or(&[""]).to_vec()
    };
    let mut out = Vec::new();
    for o in &onsets {
        for n in &nuclei {
            for c in &codas {
                let spelled = format!("{o}{n}{c}");
                if !out.contains(&spelled) {
                    out.push(spelled);
                }
            }
        }
    }
    out
}

/// The usual Arabic spelling of a folded lowercase Latin syllable.
pub fn primary_rendering(syllable: &str) -> String {
    renderings(syllable).swap_remove(0)
}

/// Normalized Arabic spelling → Latin syllable, for surnames and for other syllables.
pub struct Tables {
    pub surnames: HashMap<String, &'static str>,
    pub syllables: HashMap<String, &'static str>,
}

/// The lookup tables, built once. Only lookups are done on these maps (never iteration),
/// so hash order cannot reach any output.
pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        surnames: build(SURNAMES),
        syllables: build(SYLLABLES),
    })
}

fn build(list: &[&'static str]) -> HashMap<String, &'static str> {
    let mut map = HashMap::new();
    // Usual spellings of every syllable first, so that a variant of one syllable never
    // hides the usual spelling of another (تان is `Tan`, not `Than` written with ت).
    for syllable in list {
        let key = crate::text::search_key(&primary_rendering(syllable));
        map.entry(key).or_insert(*syllable);
    }
    for syllable in list {
        for spelled in renderings(syllable) {
            map.entry(crate::text::search_key(&spelled))
                .or_insert(*syllable);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderings_include_the_spellings_seen_in_the_samples() {
        let seen = [
            ("nguyen", "نجوين"),
            ("nguyen", "نغوين"),
            ("hoang", "هوانغ"),
            ("hoang", "هوانج"),
            ("duong", "دونج"),
            ("doan", "دوان"),
            ("giap", "جياب"),
            ("thang", "ثانج"),
            ("thang", "ثانغ"),
            ("thang", "تانغ"),
            ("quyet", "كويت"),
            ("chau", "تشاو"),
            ("tien", "تيان"),
            ("kien", "كين"),
            ("nghiem", "نغييم"),
            ("xuan", "شوان"),
            ("thanh", "ثانه"),
            ("anh", "انه"),
            ("bach", "باخ"),
        ];
        for (latin, arabic) in seen {
            let all: Vec<String> = renderings(latin)
                .iter()
                .map(|r| crate::text::search_key(r))
                .collect();
            assert!(all.contains(&arabic.to_string()), "{latin}: {all:?}");
        }
    }

    #[test]
    fn splits_vietnamese_syllables() {
        assert_eq!(split("nguyen"), Some(("ng", "uye", "n")));
        assert_eq!(split("quyet"), Some(("qu", "ye", "t")));
        assert_eq!(split("giap"), Some(("gi", "a", "p")));
        assert_eq!(split("anh"), Some(("", "a", "nh")));
        assert_eq!(split("schmidt"), None);
    }
}
