//! Articles without front matter ("bulk" articles, as scraped): decides their language
//! (`extract::detect_lang`), date (read from the text) and source (a `source:` line, else the
//! file name), falling back to the folder defaults `build --lang/--date/--area`, and notes per
//! article what it could not decide. It sits in `cmd`, above `load` and `extract`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::article::Article;
use crate::load::InputFile;
use crate::model::{Lang, PartialDate};

/// Folder defaults for articles without front matter.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub lang: Option<Lang>,
    pub date: Option<PartialDate>,
    pub area: Option<String>,
}

/// Parses a `--lang` code.
pub fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| format!("--lang {code}: expected one of ar, de, en, fr, vi"))
}

/// Fills bulk articles and keeps, per file, what could not be decided.
pub struct Filler {
    pub defaults: Defaults,
    pub undecided: RefCell<BTreeMap<String, Vec<String>>>,
}

impl Filler {
    pub fn fill(&self, file: &InputFile, article: &mut Article) -> Result<(), String> {
        let name = file
            .path
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_string();
        let mut notes = Vec::new();
        let lang = match crate::extract::detect_lang(&article.body) {
            Some(lang) => lang,
            None => match self.defaults.lang {
                Some(lang) => {
                    notes.push(format!("language not detected; --lang {}", lang.code()));
                    lang
                }
                None => {
                    return Err(
                        "article has no front matter and its language is not detected: \
                         give `--lang` or a front matter"
                            .to_string(),
                    );
                }
            },
        };
        article.lang = Some(lang);
        article.url = Some(match source_line(&article.body) {
            Some(url) => url,
            None => {
                notes.push("no `source:` line; source is the file name".to_string());
                name.clone()
            }
        });
        article.date = read_date(&article.body).or_else(|| {
            match self.defaults.date {
                Some(d) => notes.push(format!("no date in the text; --date {d}")),
                None => notes.push("no date in the text and no --date: undated".to_string()),
            }
            self.defaults.date
        });
        if article.area.is_none() {
            article.area = self.defaults.area.clone();
        }
        if !notes.is_empty() {
            self.undecided.borrow_mut().insert(name, notes);
        }
        Ok(())
    }
}

/// The value of a `source:` line among the first lines of the text.
fn source_line(body: &str) -> Option<String> {
    body.lines().take(5).find_map(|line| {
        let rest = line.trim().strip_prefix("source:")?.trim();
        (!rest.is_empty()).then(|| rest.to_string())
    })
}

/// Month words of the five languages that write month names (Vietnamese writes
/// `tháng 8`, handled as a number), lowercase, January first.
const MONTHS: &[[&str; 12]] = &[
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// The first full date the text writes: `2025-08-04`, `4/8/2025`, `4.8.2025`, `4-8-2025`,
/// `ngày 4 tháng 8 năm 2025`, `4 August 2025`, `August 4, 2025`, `4. August 2025`,
/// `4 août 2025`, `4 أغسطس 2025`. Linear in the text.
pub fn read_date(text: &str) -> Option<PartialDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(20_000)
        .map(|w| w.trim_end_matches(['.', ';', ':', ')']).to_lowercase())
        .collect();
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches('.').trim_end_matches("er");
        (!w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let month = |w: &str| MONTHS.iter().find_map(|m| m.iter().position(|x| *x == w));
    let make = |y: u32, m: u32, d: u32| -> Option<PartialDate> {
        let y = u16::try_from(y).ok()?;
        let m = u8::try_from(m).ok()?;
        let d = u8::try_from(d).ok()?;
        ((1000..=2999).contains(&y)
            && (1..=12).contains(&m)
            && d >= 1
            && d <= crate::model::days_in_month(y, m))
        .then_some(PartialDate {
            year: y,
            month: Some(m),
            day: Some(d),
        })
    };
    for (i, w) in words.iter().enumerate() {
        let at = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        // Numbers joined by `-`, `/` or `.`: year first or last.
        let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
        if parts.len() == 3
            && let (Some(a), Some(b), Some(c)) = (num(parts[0]), num(parts[1]), num(parts[2]))
        {
            let found = if parts[0].len() == 4 {
                make(a, b, c)
            } else if parts[2].len() == 4 {
                make(c, b, a)
            } else {
                None
            };
            if found.is_some() {
                return found;
            }
        }
        // ngày 4 tháng 8 năm 2025
        if w == "ngày"
            && at(2) == "tháng"
            && at(4) == "năm"
            && let (Some(d), Some(m), Some(y)) = (num(at(1)), num(at(3)), num(at(5)))
            && let Some(found) = make(y, m, d)
        {
            return Some(found);
        }
        // 4 August 2025, 4. August 2025, 1er juillet 2025
        if let (Some(d), Some(m), Some(y)) = (num(w), month(at(1)), num(at(2)))
            && let Some(found) = make(y, m as u32 + 1, d)
        {
            return Some(found);
        }
        // August 4, 2025
        if let (Some(m), Some(d), Some(y)) = (month(w), num(at(1)), num(at(2)))
            && let Some(found) = make(y, m as u32 + 1, d)
        {
            return Some(found);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::read_date;

    fn ymd(text: &str) -> Option<String> {
        read_date(text).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_common_shapes_of_five_languages() {
        assert_eq!(
            ymd("Posted 2024-03-09 by staff").as_deref(),
            Some("2024-03-09")
        );
        assert_eq!(
            ymd("Hà Nội, ngày 5 tháng 11 năm 2023, ông").as_deref(),
            Some("2023-11-05")
        );
        assert_eq!(ymd("Hôm nay 7/2/2022 tỉnh").as_deref(), Some("2022-02-07"));
        assert_eq!(ymd("Am 3. März 2021 wurde").as_deref(), Some("2021-03-03"));
        assert_eq!(
            ymd("Le 1er juillet 2020, le").as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(ymd("On June 30, 2019 the").as_deref(), Some("2019-06-30"));
        assert_eq!(ymd("في 12 أغسطس 2018 عقد").as_deref(), Some("2018-08-12"));
        assert_eq!(ymd("31/2/2020 and 10.10.10"), None);
        assert_eq!(ymd("no date here at all"), None);
    }
}
