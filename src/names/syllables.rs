//! The syllable table: Vietnamese name syllables and how machine translation writes them
//! in Arabic script. The one table extraction, ids and resolution read names with.
//!
//! Three ranked lists of Latin syllables (diacritics folded) say how common a syllable
//! is in each place of a name: [`SURNAMES`] (the first word of a person's name),
//! [`GIVEN`] (middle and given syllables) and [`PLACES`] (syllables of commune, ward and
//! province names; every province's own syllables are added after them). A rule set
//! ([`renderings`]) spells each syllable the ways Arabic translations do: `th` as ث or ت,
//! `ng` as نغ or نج, `ch` as تش, `qu` as كو, `x` as ش, `ph` and `v` as ف, `ie` as يا, ي
//! or يي (تيان, كين, نغييم). Generating the spellings instead of listing them keeps the
//! lists readable and makes every syllable recognized in all of its spellings.
//!
//! Arabic writes `o/ô/ơ/u/ư` all as و and `e/ê/i/y` all as ي, so one spelling often
//! stands for several syllables (دونغ is `Duong`, `Dong` and `Dung`; فان is `Phan` and
//! `Van`). [`readings`] gives them all, ordered for the slot the word stands in:
//!
//! 1. a syllable of the slot's own list before one that is not (the first word of a name
//!    is a surname when it can be one: فان there is `Phan`);
//! 2. a syllable written in its usual spelling before one that reaches the same letters
//!    only through a variant (تان is `Tan` before it is `Thanh`, usually ثانه);
//! 3. the more common syllable of the slot first, by the slot's list;
//! 4. then by the other lists, then alphabetically, so that the order is total.
//!
//! # Where the order comes from
//!
//! Never from the articles this project reads. The surname order is the published
//! frequency ranking of Vietnamese family names as the Wikipedia article "Vietnamese
//! name" reports it (Nguyễn ≈ 38%, Trần 11%, Lê 9.5%, Phạm 7.1%, Hoàng/Huỳnh 5.1%,
//! Phan 4.5%, Vũ/Võ 3.9%, Đặng 2.1%, Bùi 2%, Đỗ 1.4%, Hồ 1.3%, Ngô 1.3%, Dương 1%,
//! Lý 0.5%); the rarer surnames after Lý have no published shares we know of and follow
//! in the order of our general knowledge of how often they are met. The middle and given
//! syllables follow the usual descriptions of Vietnamese naming (the middle syllables Văn
//! and Thị first, then Hữu, Đức, Minh, Thanh, Quốc, Ngọc, Xuân, Công, Quang, Hồng, …;
//! then the given names most often listed as the most common: Anh, Minh, Hùng, Dũng,
//! Tuấn, Hải, Hương, Linh, Hà, …), again from general knowledge of published name
//! statistics, not from a count of our own. Place syllables follow the same kind of
//! knowledge of Vietnamese toponymy (the auspicious Sino-Vietnamese words Tân, An, Phú,
//! Bình, Hòa, Thành, Long, Đông, … that most commune names are made of). Past the head
//! of each list, where no ranking is known, syllables are listed alphabetically.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Surnames, most frequent first (see the module documentation for the source). Đồng is
/// left out: rare as a surname and among the commonest place syllables, a first word
/// `Dong` is far likelier a place (Đông Sơn), and the list is what extraction takes for
/// evidence of a name. It stays a reading of every spelling of it, so context can still
/// choose it.
pub const SURNAMES: &[&str] = &[
    // The published ranking.
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
    "ngo", "duong", "ly", // Rarer surnames, by general knowledge.
    "dao", "doan", "vuong", "trinh", "truong", "lam", "phung", "mai", "to", "ha", "ta", "cao",
    "luong", "dinh", "quach", "luu", "thai", "chu", "lai", "giap", "la", "kieu", "luc", "mac",
    "dam", "tang", "chau", "khuc", "nong", "lo", "hua", "kim", "vi", "ton", "tieu", "thach",
    "trieu", "au", "nghiem", "khong", "ong", "ung", "lu", "khuat", "ninh", "tong",
    // No ranking known: alphabetical.
    "an", "bach", "banh", "dau", "diep", "giang", "han", "hau", "hoa", "lang", "lieu", "ma", "nhu",
    "quan", "son", "tat", "thieu", "tiet", "van", "y", "yen",
];

/// Middle and given syllables, most frequent first (see the module documentation).
pub const GIVEN: &[&str] = &[
    // Middle syllables.
    "van", "thi", "huu", "duc", "minh", "thanh", "quoc", "ngoc", "xuan", "cong", "quang", "hong",
    "dinh", "kim", "trung", "tien", "viet", "manh", "dang", "ba", "gia", "bao", "hoang",
    // Given syllables.
    "anh", "hung", "dung", "tuan", "hai", "huong", "linh", "ha", "lan", "hoa", "nam", "son", "long",
    "hieu", "huy", "cuong", "thang", "tu", "phuong", "hang", "hanh", "nga", "mai", "hien", "yen",
    "thao", "thu", "trang", "thuy", "binh", "toan", "khanh", "vinh", "phuc", "loc", "tam", "thinh",
    "phong", "tai", "dat", "duy", "khoa", "kien", "luan", "nghia", "nhan", "phat", "quan", "quy",
    "sang", "tan", "thai", "thien", "thong", "tri", "truong", "tung", "vu",
    // No ranking known: alphabetical.
    "an", "bac", "bach", "ban", "bang", "bay", "be", "bich", "bien", "boi", "buu", "cam", "can",
    "canh", "cat", "cau", "cham", "chanh", "chau", "chi", "chien", "chinh", "chung", "chuong",
    "cu", "cuc", "cuu", "dac", "dai", "dam", "dan", "danh", "dao", "diem", "dien", "diep", "dieu",
    "doan", "doanh", "dong", "du", "duan", "duyen", "em", "gam", "giang", "giao", "ham", "han",
    "hao", "hau", "hiep", "hinh", "hoach", "hoai", "hoan", "hoi", "hon", "hop", "huan", "hue",
    "huyen", "hy", "ke", "kha", "khac", "khai", "khang", "khiem", "khoi", "khue", "khuong",
    "khuyen", "kiet", "kinh", "ky", "lac", "lai", "lam", "lang", "lap", "le", "lich", "lien",
    "lieu", "loan", "loi", "luat", "luong", "luyen", "ly", "man", "mao", "mau", "mien", "mo",
    "mung", "muoi", "my", "nang", "ngan", "nghe", "nghi", "nghiem", "ngu", "nguyen", "nguyet",
    "nha", "nhac", "nhat", "nhi", "nhiem", "nhien", "nho", "nhu", "nhuan", "nhung", "nhuong",
    "niem", "ninh", "oanh", "pha", "phi", "pho", "phu", "que", "quyen", "quyet", "quynh", "sa",
    "sam", "sau", "sen", "si", "sinh", "suong", "sy", "tao", "tham", "than", "the", "thiep",
    "thiet", "thieu", "tho", "thoa", "thoai", "thoi", "thom", "thuan", "thuat", "thuc", "thuong",
    "tiem", "tiep", "tin", "tinh", "to", "toai", "tong", "tra", "trac", "tram", "trieu", "trinh",
    "trong", "truc", "tuat", "tuc", "tue", "tuoi", "tuong", "tuyen", "tuyet", "uoc", "ut", "uy",
    "uyen", "vang", "ve", "vien", "vuong", "vy", "xoan", "xuyen", "y", "yet",
];

/// Syllables of commune, ward and province names, most frequent first (see the module
/// documentation). The syllables of every province's name are added after them.
pub const PLACES: &[&str] = &[
    "tan", "an", "phu", "binh", "hoa", "thanh", "long", "dong", "son", "hung", "thinh", "phuoc",
    "my", "loc", "thuan", "trung", "ha", "xuan", "quang", "nam", "tay", "bac", "vinh", "hai",
    "lap", "minh", "hiep", "yen", "phong", "thach", "cam", "thuy", "lam", "giang", "kim", "tien",
    "hop", "nghia", "thong", "dai", "tam", "duc", "quy", "linh", "khanh", "cat", "dien", "cau",
    "ben", "ba", "luong", "ninh", "lac", "hau", "le", "hong", "viet", "thai", "chau", "quan",
    "cua", "lo", "hue", "xa", "mai", // No ranking known: alphabetical.
    "gio", "he", "khe", "lua", "moc", "na",
];

/// The syllables of every province's name, as places.
fn province_syllables() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (name, _, others) in super::provinces::PROVINCES {
        for spelling in std::iter::once(name).chain(others.iter()) {
            for word in spelling.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.is_empty() {
                    continue;
                }
                let lower = word.to_ascii_lowercase();
                if let Some(known) = PLACES
                    .iter()
                    .chain(GIVEN)
                    .chain(SURNAMES)
                    .find(|s| **s == lower)
                {
                    out.push(known);
                } else {
                    out.push(Box::leak(lower.into_boxed_str()));
                }
            }
        }
    }
    out
}

/// Consonant onsets, longest first, with their Arabic spellings: the usual one first,
/// then the others the loose name key (`key.rs`) reads alike; last, spellings seen in
/// translations that the key keeps apart (ش for `ch`, ك for `kh`), used for reading only.
const ONSETS: &[(&str, &[&str], &[&str])] = &[
    ("ngh", &["نغ", "نج"], &[]),
    ("ng", &["نغ", "نج"], &[]),
    ("nh", &["نه", "ن"], &["ني"]),
    ("ph", &["ف"], &[]),
    ("th", &["ث", "ت"], &[]),
    ("tr", &["تر"], &[]),
    ("ch", &["تش"], &["ش"]),
    ("kh", &["خ"], &["ك"]),
    ("gh", &["غ"], &["ج"]),
    ("gi", &["جي"], &["ج", "غي"]),
    ("qu", &["كو"], &[]),
    ("b", &["ب"], &[]),
    ("c", &["ك"], &[]),
    ("d", &["د"], &[]),
    ("f", &["ف"], &[]),
    ("g", &["غ", "ج"], &[]),
    ("h", &["ه"], &["ح"]),
    ("j", &["ج"], &[]),
    ("k", &["ك"], &[]),
    ("l", &["ل"], &[]),
    ("m", &["م"], &[]),
    ("n", &["ن"], &[]),
    ("p", &["ب"], &[]),
    ("r", &["ر"], &[]),
    ("s", &["س", "ش"], &[]),
    ("t", &["ت"], &[]),
    ("v", &["ف"], &[]),
    ("w", &["و"], &[]),
    ("x", &["ش", "س"], &[]),
    ("z", &["ز"], &[]),
];

/// Final consonants with their Arabic spellings, in the same two tiers as [`ONSETS`].
const CODAS: &[(&str, &[&str], &[&str])] = &[
    ("ng", &["نغ", "نج"], &[]),
    ("nh", &["نه"], &["ن", "ينه"]),
    ("ch", &["خ", "تش", "ك"], &[]),
    ("c", &["ك"], &[]),
    ("m", &["م"], &[]),
    ("n", &["ن"], &[]),
    ("p", &["ب"], &[]),
    ("t", &["ت"], &[]),
];

/// Vowel nuclei with their Arabic spellings, in the same two tiers as [`ONSETS`]. Arabic
/// has three vowel letters, so `o/ô/ơ/u/ư` all become و and `e/ê/i/y` all become ي.
const NUCLEI: &[(&str, &[&str], &[&str])] = &[
    ("uye", &["وي", "ويي"], &[]),
    ("uya", &["ويا"], &[]),
    ("oai", &["واي"], &[]),
    ("oay", &["واي"], &[]),
    ("uay", &["واي"], &[]),
    ("uoi", &["وي"], &["ويا"]),
    ("uou", &["و"], &[]),
    ("ieu", &["يو"], &["ييو"]),
    ("yeu", &["يو"], &["ييو"]),
    ("uyu", &["ويو"], &[]),
    ("ai", &["اي"], &[]),
    ("ay", &["اي"], &[]),
    ("ao", &["او"], &[]),
    ("au", &["او"], &[]),
    ("ia", &["يا"], &["ي"]),
    ("ie", &["يا", "ي", "يي"], &[]),
    ("ye", &["ي", "يي", "يا"], &[]),
    ("iu", &["يو"], &["ييو"]),
    ("eo", &["يو"], &[]),
    ("eu", &["يو"], &[]),
    ("oa", &["وا"], &[]),
    ("oe", &["وي"], &[]),
    ("oi", &["وي"], &["ويا"]),
    ("ua", &["وا"], &["و"]),
    ("ue", &["وي"], &[]),
    ("ui", &["وي"], &["ويا"]),
    ("uo", &["و"], &["وو"]),
    ("uy", &["وي"], &["ويا"]),
    ("uu", &["و"], &["وو"]),
    ("a", &["ا"], &[]),
    ("e", &["ي"], &[]),
    ("i", &["ي"], &[]),
    ("y", &["ي"], &[]),
    ("o", &["و"], &[]),
    ("u", &["و"], &[]),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Splits a folded lowercase Latin syllable into onset, nucleus and coda. `None` when it
/// is not shaped like a Vietnamese syllable (then callers spell it letter by letter).
fn split(syllable: &str) -> Option<(&str, &str, &str)> {
    let mut onset = "";
    for (text, _, _) in ONSETS {
        if let Some(rest) = syllable.strip_prefix(text)
            && rest.starts_with(is_vowel)
        {
            onset = text;
            break;
        }
    }
    let rest = &syllable[onset.len()..];
    let mut coda = "";
    for (text, _, _) in CODAS {
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

/// The spellings of `key` in `table`; with `all`, the reading-only ones after them.
fn lookup(
    table: &[(&str, &'static [&'static str], &'static [&'static str])],
    key: &str,
    all: bool,
) -> Option<Vec<&'static str>> {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, usual, seen)| {
            let mut out = usual.to_vec();
            if all {
                out.extend_from_slice(seen);
            }
            out
        })
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

/// The spellings of a nucleus, each with how far it is from the usual one.
fn nucleus_spellings(nucleus: &str, initial: bool, all: bool) -> Vec<(String, usize)> {
    let spellings: Vec<String> = match lookup(NUCLEI, nucleus, all) {
        Some(spellings) => spellings.iter().map(|s| s.to_string()).collect(),
        None => vec![nucleus.chars().map(letter).collect()],
    };
    let spellings = spellings.into_iter().enumerate();
    if !initial {
        return spellings.map(|(d, s)| (s, d)).collect();
    }
    // A vowel-initial word is written with a leading alif (آن, انه) or, before و and ي,
    // sometimes with one and sometimes without; a bare و only in the usual spelling, so
    // that a variant never reads the conjunction و as a vowel (ويين is `and Yen`).
    spellings
        .flat_map(|(d, n)| {
            if n.starts_with('ا') {
                vec![(format!("آ{}", &n['ا'.len_utf8()..]), d), (n, d)]
            } else if d == 0 || !n.starts_with('و') {
                vec![(format!("ا{n}"), d), (n, d + 1)]
            } else {
                vec![(format!("ا{n}"), d)]
            }
        })
        .collect()
}

/// The Arabic spellings of a folded lowercase Latin syllable, each with how far it is
/// from the usual spelling (0 for the usual one, which comes first); with `all`, the
/// reading-only spellings too. Deterministic; a syllable not shaped like a Vietnamese one
/// is spelled letter by letter.
fn ranked_renderings(syllable: &str, all: bool) -> Vec<(String, usize)> {
    let Some((onset, nucleus, coda)) = split(syllable) else {
        return vec![(syllable.chars().map(letter).collect(), 0)];
    };
    let part = |table, latin: &str| match latin.is_empty() {
        true => vec![""],
        false => lookup(table, latin, all).unwrap_or_else(|| vec![""]),
    };
    let (onsets, codas) = (part(ONSETS, onset), part(CODAS, coda));
    let nuclei = nucleus_spellings(nucleus, onset.is_empty(), all);
    let mut out: Vec<(String, usize)> = Vec::new();
    for (a, o) in onsets.iter().enumerate() {
        for (n, b) in &nuclei {
            for (c, k) in codas.iter().enumerate() {
                let spelled = format!("{o}{n}{k}");
                let distance = a + b + c;
                match out.iter_mut().find(|(s, _)| *s == spelled) {
                    Some(seen) => seen.1 = seen.1.min(distance),
                    None => out.push((spelled, distance)),
                }
            }
        }
    }
    out.sort_by_key(|(_, d)| *d);
    out
}

/// The Arabic spellings of a folded lowercase Latin syllable that the loose name key reads
/// alike, the usual one first.
pub fn renderings(syllable: &str) -> Vec<String> {
    ranked_renderings(syllable, false)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// The usual Arabic spelling of a folded lowercase Latin syllable.
pub fn primary_rendering(syllable: &str) -> String {
    renderings(syllable).swap_remove(0)
}

/// Where a syllable stands: it decides which list ranks its readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The first word of a person's name.
    Surname,
    /// A middle or given syllable of a person's name.
    Given,
    /// A syllable of a place's name.
    Place,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::Surname, Slot::Given, Slot::Place];

    fn index(self) -> usize {
        self as usize
    }

    /// The lists that rank a syllable the slot's own list lacks, in order. Places are
    /// named with the same Sino-Vietnamese words as given names, seldom with surnames.
    fn fallbacks(self) -> [Slot; 2] {
        match self {
            Slot::Surname => [Slot::Given, Slot::Place],
            Slot::Given => [Slot::Place, Slot::Surname],
            Slot::Place => [Slot::Given, Slot::Surname],
        }
    }
}

/// Normalized Arabic spelling → its readings, one ordered list per [`Slot`].
struct Table {
    readings: HashMap<String, [Vec<&'static str>; 3]>,
}

/// The table, built once. Only lookups are done on its map (never iteration), so hash
/// order cannot reach any output.
static TABLE: LazyLock<Table> = LazyLock::new(build);

fn rank(list: &[&str], syllable: &str) -> usize {
    list.iter()
        .position(|s| *s == syllable)
        .unwrap_or(usize::MAX)
}

fn build() -> Table {
    let provinces = province_syllables();
    let places: Vec<&'static str> = PLACES.iter().copied().chain(provinces).collect();
    let lists: [&[&'static str]; 3] = [SURNAMES, GIVEN, &places];
    // Every syllable once, with its spellings.
    let mut spelled: HashMap<String, Vec<(&'static str, usize)>> = HashMap::new();
    let mut seen: Vec<&'static str> = Vec::new();
    for syllable in lists.iter().flat_map(|l| l.iter()) {
        if seen.contains(syllable) {
            continue;
        }
        seen.push(syllable);
        for (spelling, distance) in ranked_renderings(syllable, true) {
            let key = crate::text::search_key(&spelling);
            if key.is_empty() || key.contains(' ') {
                continue;
            }
            spelled.entry(key).or_default().push((syllable, distance));
        }
    }
    let readings = spelled
        .into_iter()
        .map(|(key, found)| {
            let ordered = Slot::ALL.map(|slot| {
                let own = lists[slot.index()];
                let mut found = found.clone();
                found.sort_by_key(|&(s, d)| {
                    let others: Vec<usize> = slot
                        .fallbacks()
                        .iter()
                        .map(|o| rank(lists[o.index()], s))
                        .collect();
                    let own_rank = rank(own, s);
                    (own_rank == usize::MAX, d, own_rank, others, s)
                });
                found.into_iter().map(|(s, _)| s).collect()
            });
            (key, ordered)
        })
        .collect();
    Table { readings }
}

/// The Latin syllables a normalized Arabic word (see [`crate::text::search_key`], spaces
/// removed) may spell, ordered for `slot` (see the module documentation); empty when it
/// spells none.
pub fn readings(key: &str, slot: Slot) -> &'static [&'static str] {
    TABLE
        .readings
        .get(key)
        .map(|r| r[slot.index()].as_slice())
        .unwrap_or(&[])
}

/// True when `syllable` (folded, lowercase) is a Vietnamese surname.
pub fn is_surname(syllable: &str) -> bool {
    SURNAMES.contains(&syllable)
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

#[cfg(test)]
/// Every syllable the table knows: the three lists without repeats, in list order.
pub fn all_syllables() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for s in SURNAMES.iter().chain(GIVEN).chain(PLACES) {
        if !out.contains(s) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(arabic: &str) -> String {
        crate::text::search_key(arabic).replace(' ', "")
    }

    #[test]
    fn renderings_include_the_spellings_translations_use() {
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

    #[test]
    fn one_spelling_gives_every_reading_ranked_by_slot() {
        // دونغ spells Duong, Dong and Dung alike: Dương is the common surname, Dũng the
        // common given name, Đông the common place syllable.
        for slot in Slot::ALL {
            let all = readings(&key("دونغ"), slot);
            for s in ["duong", "dong", "dung"] {
                assert!(all.contains(&s), "{slot:?}: {all:?}");
            }
        }
        assert_eq!(readings(&key("دونغ"), Slot::Surname)[0], "duong");
        assert_eq!(readings(&key("دونغ"), Slot::Given)[0], "dung");
        assert_eq!(readings(&key("دونغ"), Slot::Place)[0], "dong");
        // فان: Phan as a surname, Văn in the middle of a name.
        assert_eq!(readings(&key("فان"), Slot::Surname)[0], "phan");
        assert_eq!(readings(&key("فان"), Slot::Given)[0], "van");
        assert!(readings(&key("كتاب"), Slot::Given).is_empty());
    }

    #[test]
    fn the_usual_spelling_wins_over_a_variant() {
        // تان is the usual spelling of Tan; Thanh reaches it only with ت for th and ن
        // for nh.
        assert_eq!(readings(&key("تان"), Slot::Given)[0], "tan");
        assert_eq!(readings(&key("ثانه"), Slot::Given)[0], "thanh");
    }

    #[test]
    fn every_province_syllable_is_a_place_reading() {
        for (name, _, _) in super::super::provinces::PROVINCES {
            for word in name.split(' ') {
                let latin = word.to_ascii_lowercase();
                let arabic = primary_rendering(&latin);
                let found = readings(&key(&arabic), Slot::Place);
                assert!(found.contains(&latin.as_str()), "{name}: {latin} {found:?}");
            }
        }
    }

    #[test]
    fn the_lists_hold_no_repeats_within_themselves() {
        for list in [SURNAMES, GIVEN, PLACES] {
            for (i, s) in list.iter().enumerate() {
                assert!(!list[..i].contains(s), "{s} repeated");
            }
        }
    }
}
