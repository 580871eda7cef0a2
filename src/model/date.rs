//! Partial calendar dates (`2025`, `2025-08`, `2025-08-04`) as the articles give them.
//!
//! A fact is true *as of* a date; articles often give only a month or a year, so the
//! model never invents the missing parts. Dates serialize as their ISO text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Gregorian date of which the month and day may be unknown.
///
/// Ordering is chronological, with a less precise date sorting before every more
/// precise date that it contains (`2025` < `2025-01` < `2025-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a text is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed date `{text}`: {reason}")]
pub struct DateError {
    pub text: String,
    pub reason: &'static str,
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// True when `other` falls inside the span this date denotes (`2025-08` contains
    /// `2025-08-04`; a day contains only itself).
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && self.month.is_none_or(|m| other.month == Some(m))
            && self.day.is_none_or(|d| other.day == Some(d))
    }

    /// The first day this date can denote, used to compare dates of unequal precision.
    pub fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can denote.
    pub fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1-12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |reason| DateError {
            text: text.to_string(),
            reason,
        };
        let mut parts = text.split('-');
        let number = |part: Option<&str>, width: usize| -> Result<Option<u16>, DateError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| err("not a number"))?))
                }
                Some(_) => Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD")),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(|| err("empty"))?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        if year == 0 {
            return Err(err("year 0 does not exist"));
        }
        let month = month.map(|m| m as u8);
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(err("month out of range 01-12"));
        }
        let day = day.map(|d| d as u8);
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(err("day out of range for its month"));
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision_and_prints_it_back() {
        for text in ["2025", "2025-08", "2025-08-04", "2024-02-29"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let cases = [
            ("2025-13", "month out of range 01-12"),
            ("2025-02-29", "day out of range for its month"),
            ("2025-8-4", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("20250804", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2025-08-04-01", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ];
        for (text, reason) in cases {
            let err = text.parse::<PartialDate>().unwrap_err();
            assert_eq!(err.reason, reason, "{text}");
        }
    }

    #[test]
    fn orders_chronologically_and_contains_finer_dates() {
        let y: PartialDate = "2025".parse().unwrap();
        let m: PartialDate = "2025-08".parse().unwrap();
        let d: PartialDate = "2025-08-04".parse().unwrap();
        assert!(y < m && m < d);
        assert!(y.contains(&d) && m.contains(&d) && !d.contains(&m));
        assert_eq!(m.latest(), (2025, 8, 31));
    }
}
