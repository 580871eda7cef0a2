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
use super::syllables::{Slot, readings};

/// Romanizes a name written in Arabic script, word by word, capitalizing each syllable:
/// `تران كويت ثانغ` → `Tran Quyet Thang`. Words that are not Arabic pass through with
/// their diacritics folded; the first word is read as a surname, the others as middle and
/// given syllables. Deterministic, and total: any input gives a string, never a panic.
pub fn romanize_arabic(name: &str) -> String {
    romanize_arabic_with(name, |_| false)
}

/// [`romanize_arabic`], preferring the readings the article's context confirms: of every
/// way to read the name's words (each word's readings in their ranked order), the first
/// whose lowercase Latin form `confirmed` accepts (for example because the article's
/// address spells it: `.../ong-dong-van-thanh-...` for دونغ فان ثانه, which alone reads
/// `Duong Van Thanh`, Dương being the commoner surname); without one, the ranked reading.
pub fn romanize_arabic_with(name: &str, confirmed: impl Fn(&str) -> bool) -> String {
    // At most this many combinations are tried, so a long name costs a bounded time.
    const MAX_COMBINATIONS: usize = 64;
    // Each word's readings, and whether it is Arabic (then capitalized).
    let mut choices: Vec<(Vec<String>, bool)> = Vec::new();
    for word in name.split_whitespace() {
        if !in_arabic_block(word) {
            choices.push((vec![text::fold(word)], false));
            continue;
        }
        let slot = if choices.is_empty() {
            Slot::Surname
        } else {
            Slot::Given
        };
        let found = arabic_readings(word, slot);
        if !found.is_empty() {
            choices.push((found.iter().map(|s| s.to_string()).collect(), true));
        } else {
            let latin = transliterate(&arabic_key(word));
            if !latin.is_empty() {
                choices.push((vec![latin], true));
            }
        }
    }
    let mut combos: Vec<Vec<&str>> = vec![Vec::new()];
    for (options, _) in &choices {
        combos = combos
            .iter()
            .flat_map(|c| {
                options.iter().map(move |o| {
                    let mut c = c.clone();
                    c.push(o.as_str());
                    c
                })
            })
            .take(MAX_COMBINATIONS)
            .collect();
    }
    let chosen = combos
        .iter()
        .find(|c| c.len() > 1 && confirmed(&c.join(" ").to_lowercase()))
        .unwrap_or(&combos[0]);
    chosen
        .iter()
        .zip(&choices)
        .map(|(w, (_, arabic))| match arabic {
            true => capitalize(w),
            false => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn arabic_key(word: &str) -> String {
    text::search_key(word)
        .chars()
        .filter(|c| *c != ' ')
        .collect()
}

/// The Latin syllables one Arabic-script word may spell, ranked for where it stands in a
/// name or place (`syllables.rs`); empty when the table knows none.
pub fn arabic_readings(word: &str, slot: Slot) -> &'static [&'static str] {
    readings(&arabic_key(word), slot)
}

/// Romanizes one Arabic-script word; `surname` says it is the first word of a name (فان is
/// then `Phan`, not `Van`). Returns an empty string for a word without letters.
pub fn romanize_word(word: &str, surname: bool) -> String {
    let slot = if surname { Slot::Surname } else { Slot::Given };
    let latin = match arabic_readings(word, slot).first() {
        Some(syllable) => syllable.to_string(),
        None => transliterate(&arabic_key(word)),
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
    fn romanizes_names_by_the_general_ranking() {
        let cases = [
            ("لي تيان تشاو", "Le Tien Chau"),
            ("تران كويت ثانج", "Tran Quyet Thang"),
            ("تران كويت ثانغ", "Tran Quyet Thang"),
            ("تران كويت تانغ", "Tran Quyet Thang"),
            ("هوانغ فان نغييم", "Hoang Van Nghiem"),
            // هاو is Hào, Hảo or Hậu, none known to be commoner: alphabetical.
            ("دوآن ثي هاو", "Doan Thi Hao"),
            ("نجوين", "Nguyen"),
            // فونج is Vương or Phùng, هوي Huy or Hội: the commoner of each.
            ("فونج كوانج هوي", "Vuong Quang Huy"),
            ("جياب ثي باك", "Giap Thi Bac"),
            ("دونج شوان هوين", "Duong Xuan Huyen"),
            ("فام فان لاب", "Pham Van Lap"),
            ("بوي دوك كوانج", "Bui Duc Quang"),
            // ثو is Thu or Thọ; Thu is the common given name.
            ("نجوين دوك ثو", "Nguyen Duc Thu"),
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
    fn context_picks_among_the_readings() {
        // دونغ is Dương as a surname unless the context spells Đồng.
        assert_eq!(romanize_arabic("دونغ فان ثانه"), "Duong Van Thanh");
        let slug = |n: &str| "ong dong van thanh duoc bau".contains(n);
        assert_eq!(
            romanize_arabic_with("دونغ فان ثانه", slug),
            "Dong Van Thanh"
        );
        assert_eq!(
            romanize_arabic_with("فونج كوانج هوي", |n| n == "phung quang hoi"),
            "Phung Quang Hoi"
        );
        // Context that spells no reading changes nothing.
        assert_eq!(
            romanize_arabic_with("دونغ فان ثانه", |n| n == "tran van ba"),
            "Duong Van Thanh"
        );
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
        assert_eq!(romanize_word("خواك", false), "Khoac");
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
