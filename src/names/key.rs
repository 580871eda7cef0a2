//! Comparison keys for personal names across scripts and spellings.
//!
//! A [`NameKey`] holds two keys per syllable:
//!
//! - the *strict* key: Latin, lowercase, diacritics folded (`Nguyễn` = `Nguyen` =
//!   `NGUYEN`), German `tsch` read as `ch`; an Arabic name's strict key is its
//!   romanization. Two Latin names are the same name only if their strict keys are equal.
//! - the *loose* key: the name as Arabic script can write it, with the distinctions Arabic
//!   translations blur collapsed: `th`/`t`, `ng` written نغ or نج, `ph`/`v`/`f`, `s`/`x`,
//!   `c`/`k`/`q`, `b`/`p`, `d`/`đ`, initial `nh`/`n`, final `ch`/`c`, every `o/ô/ơ/u/ư`
//!   (و), every `e/ê/i/y` (ي), `ie`/`ia`/`i`, doubled letters. Latin syllables get it
//!   through their usual Arabic spelling, Arabic words directly, so a Latin name and its
//!   Arabic renderings have equal loose keys (`Thang`, ثانغ, تانغ → `tang`).
//!
//! What the keys cannot tell apart, by design: across scripts, names that differ only in
//! a blurred distinction (`Van`/`Phan`, `Duong`/`Dung`, `Tho`/`Thu`, `Tuan`/`Toan`,
//! `Tien`/`Tin`); in Latin, names that differ only in diacritics (`Lê`/`Lế`). What they
//! keep apart: every other difference in any syllable (`Quyet`/`Quoc`, `An`/`Anh`: Arabic
//! writes final `nh` as ه), and a different number of syllables. A key only proposes
//! candidates; `resolve` decides with context.

use crate::text;

use super::romanize::romanize_word;
use super::syllables::primary_rendering;

/// True when `text` contains a character of the Arabic blocks (letters, marks, digits,
/// punctuation).
pub fn in_arabic_block(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
    })
}

/// True when `text` contains a letter of the Arabic script.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            && c.is_alphabetic()
    })
}

/// How two names compare, from their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// Equal strict keys: the same name, up to case and diacritics.
    Same,
    /// Equal loose keys and at least one name in Arabic script: the same name as far as
    /// Arabic writing can tell.
    Compatible,
    /// Two Latin names with equal loose keys but different letters (`Thang`/`Tang`): a
    /// misspelling or a different person; never enough alone.
    Variant,
    /// Different names.
    Different,
}

/// The syllables of a key, held as one string joined by [`SEPARATOR`] (which no text
/// of a name holds): half a million names cost one allocation each instead of one per
/// syllable and list. Equal, ordered and hashed as the list of syllables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Syllables {
    text: String,
    count: u32,
}

impl Syllables {
    /// The syllables given, in order.
    pub fn of<'s>(syllables: impl IntoIterator<Item = &'s str>) -> Syllables {
        let mut all = Syllables::default();
        for syllable in syllables {
            all.push(syllable);
        }
        all.text.shrink_to_fit();
        all
    }

    fn push(&mut self, syllable: &str) {
        if self.count > 0 {
            self.text.push(SEPARATOR);
        }
        // A control character is no letter: a syllable never holds one, and this keeps
        // the list whole whatever it holds.
        self.text
            .extend(syllable.chars().filter(|&c| c != SEPARATOR));
        self.count += 1;
    }

    pub fn len(&self) -> usize {
        self.count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (self.count > 0)
            .then(|| self.text.split(SEPARATOR))
            .into_iter()
            .flatten()
    }

    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    pub fn last(&self) -> Option<&str> {
        self.iter().last()
    }

    /// The syllables joined by spaces.
    pub fn joined(&self) -> String {
        self.text.replace(SEPARATOR, " ")
    }
}

/// What joins the syllables of [`Syllables`]: the ASCII unit separator.
const SEPARATOR: char = '\u{1f}';

impl PartialOrd for Syllables {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Syllables {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.iter().cmp(other.iter())
    }
}

/// The keys of one name, syllable by syllable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameKey {
    pub strict: Syllables,
    pub loose: Syllables,
    /// The name was written in Arabic script.
    pub arabic: bool,
}

impl NameKey {
    /// Compares two names. Names with different numbers of syllables are [`NameMatch::Different`].
    pub fn compare(&self, other: &NameKey) -> NameMatch {
        if self.strict.len() != other.strict.len() || self.strict.is_empty() {
            NameMatch::Different
        } else if self.strict == other.strict {
            NameMatch::Same
        } else if self.loose == other.loose {
            if self.arabic || other.arabic {
                NameMatch::Compatible
            } else {
                NameMatch::Variant
            }
        } else {
            NameMatch::Different
        }
    }

    /// The key candidates are indexed by: loose surname and loose last syllable.
    pub fn blocking(&self) -> String {
        match (self.loose.first(), self.loose.last()) {
            (Some(first), Some(last)) => format!("{first}|{last}"),
            _ => String::new(),
        }
    }

    /// The whole loose key as one string (syllables joined by spaces).
    pub fn loose_text(&self) -> String {
        self.loose.joined()
    }
}

/// The keys of a name in any script. Total: an empty or letterless name gives empty keys,
/// which match nothing.
pub fn name_key(name: &str) -> NameKey {
    let arabic = has_arabic(name);
    let mut strict = Syllables::default();
    let mut loose = Syllables::default();
    let words = name.split(|c: char| c.is_whitespace() || c == '-');
    for word in words.filter(|w| w.chars().any(char::is_alphanumeric)) {
        if has_arabic(word) {
            let first = strict.is_empty();
            let latin = romanize_word(word, first).to_lowercase();
            if latin.is_empty() {
                continue;
            }
            strict.push(&latin);
            loose.push(&skeleton(&arabic_letters(word)));
        } else {
            let latin = latin_syllable(word);
            if latin.is_empty() {
                continue;
            }
            loose.push(&loose_syllable_key(&latin));
            strict.push(&latin);
        }
    }
    strict.text.shrink_to_fit();
    loose.text.shrink_to_fit();
    NameKey {
        strict,
        loose,
        arabic,
    }
}

/// The blocking key of a name (see [`NameKey::blocking`]).
pub fn blocking_key(name: &str) -> String {
    name_key(name).blocking()
}

/// A Latin word as a strict syllable key: folded, lowercase, letters and digits only,
/// German `tsch` as `ch`.
fn latin_syllable(word: &str) -> String {
    let folded: String = text::fold(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .collect();
    folded.replace("tsch", "ch")
}

/// The loose key of one folded lowercase Latin syllable: its usual Arabic spelling, with
/// the distinctions Arabic blurs collapsed.
pub fn loose_syllable_key(latin: &str) -> String {
    skeleton(&arabic_letters(&primary_rendering(latin)))
}

fn arabic_letters(word: &str) -> String {
    text::search_key(word)
        .chars()
        .filter(|c| *c != ' ')
        .collect()
}

/// An Arabic-script word (already normalized by `search_key`) as an ASCII skeleton in
/// which confusable spellings coincide.
fn skeleton(arabic: &str) -> String {
    let chars: Vec<char> = arabic.chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let last = i + 1 == chars.len();
        let (letter, width) = match (c, next) {
            // A leading alif before و or ي only carries the vowel.
            ('ا', Some('و' | 'ي')) if i == 0 => ("", 1),
            ('ت', Some('ش')) if i + 2 == chars.len() => ("k", 2),
            ('ت', Some('ش')) => ("c", 2),
            ('ن', Some('ه')) if i == 0 => ("n", 2),
            ('خ', _) if last => ("k", 1),
            ('خ', _) => ("x", 1),
            ('ا', _) => ("a", 1),
            ('و' | 'ؤ', _) => ("u", 1),
            ('ي' | 'ى' | 'ئ', _) => ("i", 1),
            ('ب' | 'پ', _) => ("b", 1),
            ('ت' | 'ث' | 'ط', _) => ("t", 1),
            ('ج' | 'غ' | 'گ', _) => ("g", 1),
            ('ح' | 'ه', _) => ("h", 1),
            ('د' | 'ذ' | 'ض' | 'ظ' | 'ز', _) => ("d", 1),
            ('ر', _) => ("r", 1),
            ('س' | 'ص' | 'ش', _) => ("s", 1),
            ('ف' | 'ڤ', _) => ("f", 1),
            ('ق' | 'ك', _) => ("k", 1),
            ('ل', _) => ("l", 1),
            ('م', _) => ("m", 1),
            ('ن', _) => ("n", 1),
            ('چ', _) => ("c", 1),
            (c, _) if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                i += 1;
                continue;
            }
            _ => ("", 1),
        };
        out.push_str(letter);
        i += width;
    }
    let mut collapsed = String::with_capacity(out.len());
    for c in out.chars() {
        if !collapsed.ends_with(c) {
            collapsed.push(c);
        }
    }
    collapsed.replace("ia", "i")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_compare_and_order_as_their_lists() {
        let of = |list: &[&str]| Syllables::of(list.iter().copied());
        let lists: [&[&str]; 7] = [
            &[],
            &[""],
            &["a"],
            &["a", ""],
            &["a", "b"],
            &["ab"],
            &["a b", "c"],
        ];
        for a in lists {
            let x = of(a);
            assert_eq!(x.len(), a.len());
            assert_eq!(x.iter().collect::<Vec<_>>(), a.to_vec());
            assert_eq!(
                (x.first(), x.last()),
                (a.first().copied(), a.last().copied())
            );
            assert_eq!(x.joined(), a.join(" "));
            for b in lists {
                let y = of(b);
                assert_eq!(x == y, a == b, "{a:?} {b:?}");
                assert_eq!(x.cmp(&y), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    fn same_person(names: &[&str]) {
        let keys: Vec<NameKey> = names.iter().map(|n| name_key(n)).collect();
        for (name, key) in names.iter().zip(&keys) {
            assert_eq!(key.loose, keys[0].loose, "{name} vs {}", names[0]);
            assert_eq!(key.blocking(), keys[0].blocking(), "{name}");
            assert!(
                matches!(
                    key.compare(&keys[0]),
                    NameMatch::Same | NameMatch::Compatible
                ),
                "{name} vs {}: {:?}",
                names[0],
                key.compare(&keys[0])
            );
        }
    }

    fn different_people(a: &str, b: &str) {
        assert_eq!(
            name_key(a).compare(&name_key(b)),
            NameMatch::Different,
            "{a} vs {b}"
        );
    }

    #[test]
    fn one_person_in_many_spellings_has_one_key() {
        same_person(&[
            "Trần Quyết Thắng",
            "Tran Quyet Thang",
            "TRAN QUYET THANG",
            "تران كويت ثانج",
            "تران كويت ثانغ",
            "تران كويت تانغ",
        ]);
        same_person(&[
            "Lê Tiến Châu",
            "Le Tien Chau",
            "لي تيان تشاو",
            "Le Tien Tschau",
        ]);
        same_person(&[
            "Nguyễn Đức Thọ",
            "Nguyen Duc Tho",
            "نجوين دوك ثو",
            "نغوين دوك ثو",
        ]);
        same_person(&[
            "Hoàng Văn Nghiêm",
            "Hoang Van Nghiem",
            "هوانغ فان نغييم",
            "هوانج فان نغييم",
        ]);
        same_person(&["Đoàn Thị Hậu", "Doan Thi Hau", "دوآن ثي هاو", "دوان ثى هاو"]);
        same_person(&[
            "Dương Xuân Huyên",
            "Duong Xuan Huyen",
            "دونج شوان هوين",
            "دونغ شوان هوين",
        ]);
        same_person(&["Giáp Thị Bắc", "Giap Thi Bac", "جياب ثي باك"]);
        same_person(&["Đỗ Việt Anh", "Do Viet Anh", "دو فيت آنه", "دو فيت انه"]);
        // A syllable the table does not know still matches its Latin spelling.
        same_person(&["Nguyễn Văn Thưởng", "نجوين فان ثوونغ", "نجوين فان تونغ"]);
    }

    #[test]
    fn latin_names_differing_only_in_diacritics_are_the_same_name() {
        assert_eq!(
            name_key("Nguyên Văn An").compare(&name_key("Nguyen Van An")),
            NameMatch::Same
        );
    }

    #[test]
    fn different_middle_or_given_syllables_stay_different() {
        different_people("Tran Quyet Thang", "Tran Quoc Thang");
        different_people("تران كويت ثانغ", "Tran Quoc Thang");
        different_people("Nguyen Van An", "Nguyen Van Anh");
        different_people("نجوين فان آن", "Nguyen Van Anh");
        different_people("Le Tien Chau", "Le Tien Chinh");
        different_people("Nguyen Duc Tho", "Nguyen Duc Tho Anh");
        different_people("Pham Van Lap", "Pham Van Lam");
        different_people("", "");
    }

    #[test]
    fn what_arabic_cannot_tell_apart_is_compatible_not_same() {
        // فان is both Van and Phan; ثو both Tho and Thu.
        assert_eq!(
            name_key("فان فان لاب").compare(&name_key("Van Van Lap")),
            NameMatch::Compatible
        );
        assert_eq!(
            name_key("نجوين دوك ثو").compare(&name_key("Nguyen Duc Tho")),
            NameMatch::Compatible
        );
        // In Latin the two are different names, though they share a loose key.
        assert_eq!(
            name_key("Nguyen Duc Tho").compare(&name_key("Nguyen Duc Thu")),
            NameMatch::Variant
        );
        assert_eq!(
            name_key("Tran Quyet Thang").compare(&name_key("Tran Quyet Tang")),
            NameMatch::Variant
        );
    }

    #[test]
    fn blocking_key_is_surname_and_given_syllable() {
        assert_eq!(blocking_key("Trần Quyết Thắng"), "tran|tang");
        assert_eq!(blocking_key("تران كويت تانغ"), "tran|tang");
        assert_eq!(blocking_key("Tran Quoc Thang"), "tran|tang");
        assert_eq!(blocking_key(""), "");
    }

    #[test]
    fn every_arabic_spelling_of_a_table_syllable_has_its_loose_key() {
        use super::super::syllables::{all_syllables, renderings};
        let mut bad = Vec::new();
        for syllable in all_syllables() {
            let key = loose_syllable_key(syllable);
            for spelled in renderings(syllable) {
                if skeleton(&arabic_letters(&spelled)) != key {
                    bad.push(format!(
                        "{syllable}: {spelled} {}",
                        skeleton(&arabic_letters(&spelled))
                    ));
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn has_arabic_sees_letters_only() {
        assert!(has_arabic("لي"));
        assert!(!has_arabic("Le ٢٠٢٤ ،"));
    }
}
