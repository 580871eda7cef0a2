//! Dates written in a sentence, in the shapes the language lists ([`DateShape`]): a day
//! and a month word ("20 August", "le 1er juillet", "20. August"), or day and month as
//! numbers after a date word ("ngày 12/1/2025", "sáng 9-4"). The year is the text's when
//! it gives one, else the article's.

use super::lexicon::{DateShape, Language, Term};
use super::tokens::{Token, TokenKind};
use crate::model::PartialDate;

/// The first date the sentence writes, if the article's year is known or the text gives
/// its own.
pub fn sentence_date(
    tokens: &[Token],
    article: Option<PartialDate>,
    language: &Language,
) -> Option<PartialDate> {
    let article_year = article.map(|d| d.year);
    for (i, t) in tokens.iter().enumerate() {
        let found = match t.term {
            Some((Term::Month(month), _)) => month_word(tokens, i, month, language)
                .and_then(|day| Some((article_year?, month, day))),
            Some((Term::DateWord, len)) if language.dates.contains(&DateShape::NumericDayMonth) => {
                numeric(tokens, i + len)
                    .and_then(|(day, month, year)| Some((year.or(article_year)?, month, day)))
            }
            _ => None,
        };
        if let Some((year, month, day)) = found
            && day <= crate::model::days_in_month(year, month)
        {
            return Some(PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            });
        }
    }
    None
}

fn day_number(tokens: &[Token], j: usize) -> Option<u8> {
    match tokens.get(j) {
        Some(t) => match t.kind {
            TokenKind::Number(n) if (1..=31).contains(&n) => Some(n as u8),
            // French "1er", "2e": an ordinal day.
            TokenKind::Word => {
                let digits = t.key.trim_end_matches(|c: char| c.is_alphabetic());
                let suffix = &t.key[digits.len()..];
                match (digits.parse::<u8>(), suffix) {
                    (Ok(n), "er" | "re" | "e") if (1..=31).contains(&n) => Some(n),
                    _ => None,
                }
            }
            TokenKind::Number(_) | TokenKind::Punct(_) => None,
        },
        None => None,
    }
}

/// The day written next to the month word at `i`.
fn month_word(tokens: &[Token], i: usize, _month: u8, language: &Language) -> Option<u8> {
    let before = i.checked_sub(1).and_then(|j| day_number(tokens, j));
    let dotted = || {
        if !language.dates.contains(&DateShape::DayDotMonthWord) {
            return None;
        }
        i.checked_sub(2)
            .filter(|&j| tokens[j + 1].punct() == Some('.'))
            .and_then(|j| day_number(tokens, j))
    };
    let after = || {
        let next = tokens.get(i + 1)?;
        match next.kind {
            TokenKind::Number(n) if (1..=31).contains(&n) => Some(n as u8),
            _ => None,
        }
    };
    if !language.dates.contains(&DateShape::DayMonthWord) {
        return dotted();
    }
    before.or_else(dotted).or_else(after)
}

/// Day, month and perhaps year written as numbers from token `j`: `12/1`, `9-4`,
/// `12/1/2025`.
fn numeric(tokens: &[Token], j: usize) -> Option<(u8, u8, Option<u16>)> {
    let number = |k: usize| match tokens.get(k).map(|t| t.kind) {
        Some(TokenKind::Number(n)) => Some(n),
        _ => None,
    };
    let sep = |k: usize| matches!(tokens.get(k).and_then(Token::punct), Some('/' | '-' | '.'));
    let day = number(j)?;
    if !sep(j + 1) {
        return None;
    }
    let month = number(j + 2)?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let year = (sep(j + 3))
        .then(|| number(j + 4))
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
        .map(|y| y as u16);
    Some((day as u8, month as u8, year))
}

/// The first full date the text writes as numbers, day first (`16/07/2025`, `9-4-2024`,
/// `1.7.2025`) or year first (`2025-07-16`): the article's date when the caller gives
/// none. A date glued to the word before it ("…Quang16/07/2025", as page furniture
/// prints it) still counts. One pass over the bytes.
pub fn text_date(text: &str) -> Option<PartialDate> {
    let b = text.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut parts = Vec::with_capacity(3);
        let mut k = i;
        let mut sep = None;
        loop {
            let n = digits_at(k);
            if n == 0 || n > 4 {
                break;
            }
            parts.push((&text[k..k + n], n));
            k += n;
            if parts.len() == 3 {
                break;
            }
            match (b.get(k), sep) {
                (Some(&c), None) if matches!(c, b'/' | b'-' | b'.') => sep = Some(c),
                (Some(&c), Some(s)) if c == s => {}
                _ => break,
            }
            k += 1;
        }
        if parts.len() == 3
            && !b.get(k).is_some_and(u8::is_ascii_digit)
            && let Some(date) = full_date(&parts)
        {
            return Some(date);
        }
        // Skip the whole digit run: a date starts at the first digit of a number.
        i += digits_at(i).max(1);
    }
    None
}

fn full_date(parts: &[(&str, usize)]) -> Option<PartialDate> {
    let n = |k: usize| parts[k].0.parse::<u16>().ok();
    let (year, month, day) = match (parts[0].1, parts[1].1, parts[2].1) {
        (4, 1..=2, 1..=2) => (n(0)?, n(1)?, n(2)?),
        (1..=2, 1..=2, 4) => (n(2)?, n(1)?, n(0)?),
        _ => return None,
    };
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    ((1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= crate::model::days_in_month(year, month))
    .then_some(PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    })
}

#[cfg(test)]
mod tests {
    use super::text_date;

    fn ymd(text: &str) -> Option<String> {
        text_date(text).map(|d| d.to_string())
    }

    #[test]
    fn the_first_numeric_full_date_dates_the_text() {
        assert_eq!(
            ymd("Báo Bắc Kạn12/08/2025 Sáng nay, hội nghị"),
            Some("2025-08-12".into())
        );
        assert_eq!(
            ymd("term 2020-2025, 31.100 members, on 3-9-2024"),
            Some("2024-09-03".into())
        );
        assert_eq!(ymd("posted 2024-11-05 09:00"), Some("2024-11-05".into()));
        assert_eq!(ymd("ngày 31/2/2025 và 12/13/2025"), None);
        assert_eq!(ymd("decision 1260/QD-TTg, 112/05/2025"), None);
        assert_eq!(ymd(""), None);
    }
}
