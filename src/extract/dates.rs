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
