//! Text normalization shared by lookup, extraction and resolution.
//!
//! Two operations: [`fold`] strips Latin diacritics (Vietnamese tone and vowel marks,
//! German umlauts) and [`search_key`] builds the case- and diacritic-insensitive key that
//! names are looked up by, in any script.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Removes diacritics from Latin letters: `Trần Quyết Thắng` → `Tran Quyet Thang`,
/// `Đoàn` → `Doan`. Letters of other scripts pass through unchanged (Arabic marks are
/// also combining and are dropped, which is what lookup wants).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            'ß' => 's',
            _ => c,
        })
        .collect()
}

/// The key a name is looked up by: diacritics folded, lowercase, Arabic letter variants
/// unified (hamza forms of alif, alif maqsura, taa marbuta, tatweel), Eastern Arabic
/// digits as ASCII, runs of space and punctuation collapsed to one space.
pub fn search_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in fold(text).chars().flat_map(char::to_lowercase) {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ـ' => continue,
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push(c);
        } else {
            pending_space = true;
        }
    }
    key
}

/// Replaces Eastern Arabic (and Persian) digits with ASCII digits, keeping byte lengths
/// out of the picture: callers that need spans work on the original text.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_vietnamese_and_german_marks() {
        assert_eq!(fold("Trần Quyết Thắng"), "Tran Quyet Thang");
        assert_eq!(fold("Đoàn Thị Hậu"), "Doan Thi Hau");
        assert_eq!(fold("Politbüro"), "Politburo");
    }

    #[test]
    fn search_key_ignores_case_diacritics_and_punctuation() {
        assert_eq!(search_key("  Lê Tiến   CHÂU, "), "le tien chau");
        assert_eq!(search_key("Le Tien Chau"), search_key("lê tiến châu"));
        assert_eq!(search_key("أمين"), search_key("امين"));
        assert_eq!(search_key("٢٠٢٤"), "2024");
    }
}
