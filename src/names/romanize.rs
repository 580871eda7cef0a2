//! Romanization of Vietnamese names written in Arabic script.
//!
//! Machine translation into Arabic spells each Vietnamese syllable with Arabic letters,
//! dropping tones and most vowel distinctions. This module reverses that, word by word:
//! a word found in the syllable table (`syllables.rs`, in all its generated spellings)
//! becomes that syllable; any other word is transliterated letter by letter into a
//! plausible Vietnamese syllable (ث → th, نغ/نج → ng, تش → ch, كو → qu, ش → x, ف → ph,
//! final خ → ch, ه after ن → nh, vowel letters by their combination). The result is
//! capitalized Latin without diacritics: لي تيان تشاو → `Le Tien Chau`.
//!
//! It is not a translation: it cannot restore tones or tell `o` from `u` where Arabic
//! writes both as و (ثو is `Tho` or `Thu`); the table's order picks the more frequent.

use crate::text;

use super::key::in_arabic_block;
use super::syllables::tables;

/// Romanizes a name written in Arabic script, word by word, capitalizing each syllable:
/// `تران كويت ثانغ` → `Tran Quyet Thang`. Words that are not Arabic pass through with
/// their diacritics folded; the first word is looked up among surnames first.
/// Deterministic, and total: any input gives a string, never a panic.
pub fn romanize_arabic(name: &str) -> String {
    let mut words = Vec::new();
    for (i, word) in name.split_whitespace().enumerate() {
        if in_arabic_block(word) {
            let latin = romanize_word(word, i == 0);
            if !latin.is_empty() {
                words.push(latin);
            }
        } else {
            words.push(text::fold(word));
        }
    }
    words.join(" ")
}

/// Romanizes one Arabic-script word; `surname` says it is the first word of a name (فان is
/// then `Phan`, not `Van`). Returns an empty string for a word without letters.
pub fn romanize_word(word: &str, surname: bool) -> String {
    let key: String = text::search_key(word)
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    let tables = tables();
    let found = if surname {
        tables
            .surnames
            .get(&key)
            .or_else(|| tables.syllables.get(&key))
    } else {
        tables.syllables.get(&key)
    };
    let latin = match found {
        Some(syllable) => syllable.to_string(),
        None => transliterate(&key),
    };
    capitalize(&latin)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ئ' | 'ؤ')
}

/// Letter-level transliteration of a normalized Arabic word into a plausible Vietnamese
/// syllable, for words the table does not know.
fn transliterate(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if is_vowel_letter(c) {
            let start = i;
            while i < chars.len() && is_vowel_letter(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let coda_follows = i < chars.len();
            let after_q = out.ends_with('q');
            out.push_str(vowels(&run, start == 0, coda_follows, after_q));
            continue;
        }
        let (latin, width) = match (c, next) {
            ('ت', Some('ش')) => ("ch", 2),
            ('ن', Some('غ' | 'ج')) => ("ng", 2),
            ('ن', Some('ه')) if i > 0 => ("nh", 2),
            ('ك', Some('و')) if i == 0 => ("q", 1),
            ('ج', Some('ي')) if i == 0 => ("gi", 2),
            ('خ', None) => ("ch", 1),
            _ => (consonant(c), 1),
        };
        out.push_str(latin);
        i += width;
    }
    vietnamese_spelling(&out)
}

fn consonant(c: char) -> &'static str {
    match c {
        'ب' | 'پ' => "b",
        'ت' | 'ط' => "t",
        'ث' => "th",
        'ج' | 'غ' | 'گ' => "g",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ذ' | 'ض' | 'ظ' | 'ز' => "d",
        'ر' => "r",
        'س' | 'ص' => "s",
        'ش' => "x",
        'ف' | 'ڤ' => "ph",
        'ق' | 'ك' => "c",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'چ' => "ch",
        c if c.is_ascii_alphanumeric() => {
            // Digits or Latin letters inside an Arabic word: keep them.
            const ASCII: [&str; 128] = ascii_table();
            ASCII[c as usize]
        }
        _ => "",
    }
}

const fn ascii_table() -> [&'static str; 128] {
    const LETTERS: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    let mut table = [""; 128];
    let mut i = 0;
    while i < 26 {
        table[b'a' as usize + i] = LETTERS[i];
        table[b'A' as usize + i] = LETTERS[i];
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        table[b'0' as usize + d] = LETTERS[26 + d];
        d += 1;
    }
    table
}

/// A run of Arabic vowel letters as a Vietnamese vowel nucleus.
fn vowels(run: &str, initial: bool, coda_follows: bool, after_q: bool) -> &'static str {
    match run {
        "ا" => "a",
        "و" if after_q => "u",
        "و" if initial => "u",
        "و" => {
            if coda_follows {
                "u"
            } else {
                "o"
            }
        }
        "ي" | "ى" if initial => "y",
        "ي" | "ى" => "i",
        "اي" => "ai",
        "او" => "au",
        "وا" if after_q => "ua",
        "وا" => "oa",
        "وي" if coda_follows => "uye",
        "وي" if after_q => "uy",
        "وي" => "ui",
        "يا" if coda_follows => "ie",
        "يا" => "ia",
        "يي" => "ie",
        "يو" if coda_follows => "iu",
        "يو" => "ieu",
        "واي" => "oai",
        "ويا" => "uya",
        "ويي" => "uye",
        "وو" => "uo",
        "ئ" => "y",
        "ؤ" => "o",
        _ => {
            // Longer runs: keep the first two letters' reading, which is what a syllable
            // can hold.
            let mut chars = run.chars();
            match (chars.next(), chars.next()) {
                (Some('ا'), _) => "a",
                (Some('و'), _) => "u",
                _ => "i",
            }
        }
    }
}

/// Vietnamese spelling conventions: `k` before e/i/y, `c` elsewhere, `gh`/`ngh` before e/i.
fn vietnamese_spelling(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len() + 2);
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let front = matches!(next, Some(b'e' | b'i' | b'y'));
        match b {
            b'c' if front => out.push('k'),
            b'k' if matches!(next, Some(b'a' | b'o' | b'u')) => out.push('c'),
            b'g' if front && (i == 0 || bytes[i - 1] == b'n') => out.push_str("gh"),
            _ => out.push(b as char),
        }
    }
    if let Some(rest) = out.strip_prefix('q')
        && !rest.starts_with('u')
    {
        out = format!("qu{rest}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_the_names_of_the_samples() {
        let cases = [
            ("لي تيان تشاو", "Le Tien Chau"),
            ("تران كويت ثانج", "Tran Quyet Thang"),
            ("تران كويت ثانغ", "Tran Quyet Thang"),
            ("تران كويت تانغ", "Tran Quyet Thang"),
            ("هوانغ فان نغييم", "Hoang Van Nghiem"),
            ("دوآن ثي هاو", "Doan Thi Hau"),
            ("نجوين", "Nguyen"),
            ("فونج كوانج هوي", "Phung Quang Hoi"),
            ("جياب ثي باك", "Giap Thi Bac"),
            ("دونج شوان هوين", "Duong Xuan Huyen"),
            ("فام فان لاب", "Pham Van Lap"),
            ("بوي دوك كوانج", "Bui Duc Quang"),
            ("نجوين دوك ثو", "Nguyen Duc Tho"),
            ("لا ثانه تان", "La Thanh Tan"),
            ("ماي فان توات", "Mai Van Tuat"),
            ("دو فيت آنه", "Do Viet Anh"),
            ("هو تيان ثيو", "Ho Tien Thieu"),
            ("نجوين هوانج تونج", "Nguyen Hoang Tung"),
            ("هوانغ فان كين", "Hoang Van Kien"),
        ];
        for (arabic, latin) in cases {
            assert_eq!(romanize_arabic(arabic), latin, "{arabic}");
        }
    }

    #[test]
    fn the_first_word_prefers_surnames() {
        assert_eq!(romanize_arabic("فان فان"), "Phan Van");
    }

    #[test]
    fn unknown_words_become_plausible_syllables() {
        // Not in the table: spelled letter by letter with Vietnamese conventions.
        assert_eq!(romanize_word("ثوونغ", false), "Thuong");
        assert_eq!(romanize_word("نغيت", false), "Nghit");
        assert_eq!(romanize_word("كوير", false), "Quyer");
        assert_eq!(romanize_word("خوات", false), "Khoat");
        assert_eq!(romanize_word("ساخ", false), "Sach");
    }

    #[test]
    fn non_arabic_passes_through_folded_and_nothing_panics() {
        assert_eq!(romanize_arabic("Trần Quyết Thắng"), "Tran Quyet Thang");
        assert_eq!(romanize_arabic(""), "");
        assert_eq!(romanize_arabic("  ،؛ "), "");
        for odd in [
            "ـــ",
            "٢٠٢٤",
            "ء",
            "ﻻ",
            "a\u{64b}b",
            "x\u{0}y",
            "🙂 تران",
            "ؤئ",
            "كو",
        ] {
            let _ = romanize_arabic(odd);
        }
        assert_eq!(romanize_arabic("٢٠٢٤"), "2024");
    }
}
