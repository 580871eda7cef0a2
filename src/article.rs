//! Articles: UTF-8 text with an optional front matter block that says where it came from.
//!
//! ```text
//! ---
//! source: https://baolangson.vn/...
//! lang: ar
//! date: 2025-08-04
//! area: Lang Son
//! translation_of: 004-hai-phong-de
//! ---
//! body…
//! ```
//!
//! Parsing is pure: it takes the text and returns the fields plus problems with their byte
//! offsets. `load` turns an article into a `source` entity; `extract` reads its body.

use crate::model::{EntityId, Lang, PartialDate, slugify};

/// The front matter fields and the body of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub url: Option<String>,
    pub lang: Option<Lang>,
    pub date: Option<PartialDate>,
    /// The place the article is about, where its text does not name it.
    pub area: Option<String>,
    /// The article this one translates: a source id or an article file stem.
    pub translation_of: Option<EntityId>,
    /// Byte offset of the `translation_of` value in the whole text, for messages.
    pub translation_of_offset: usize,
    pub title: Option<String>,
    /// How the curator decided the date or anything else worth knowing.
    pub note: Option<String>,
    /// The keys the front matter set, valid or not, in order.
    pub keys: Vec<String>,
    pub body: String,
    /// Byte offset of the body in the whole text, so spans can point into the file.
    pub body_offset: usize,
}

/// A problem in a front matter, at a byte offset of the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterProblem {
    pub offset: usize,
    pub message: String,
}

/// The keys a front matter may have.
pub const KEYS: &[&str] = &[
    "source",
    "lang",
    "date",
    "area",
    "translation_of",
    "title",
    "note",
];

/// The source id of an article file: `source:` and the slug of its file stem.
pub fn source_id_for_stem(stem: &str) -> EntityId {
    EntityId::new(format!("source:{}", slugify(stem)))
}

/// Splits `text` into front matter and body. Text without a leading `---` line is all body.
/// A problem in one line does not stop the others from being read.
pub fn parse(text: &str) -> (Article, Vec<FrontMatterProblem>) {
    let mut article = Article::default();
    let mut problems = Vec::new();
    let text_without_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_without_bom.len();
    let Some(rest) = text_without_bom
        .strip_prefix("---\n")
        .or_else(|| text_without_bom.strip_prefix("---\r\n"))
    else {
        article.body = text_without_bom.to_string();
        article.body_offset = bom;
        return (article, problems);
    };
    let mut offset = text.len() - rest.len();
    let mut closed = false;
    for line in rest.split_inclusive('\n') {
        let line_offset = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content == "---" {
            closed = true;
            break;
        }
        let content = strip_comment(content);
        if content.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = content.split_once(':') else {
            problems.push(FrontMatterProblem {
                offset: line_offset,
                message: format!("front matter line `{}` is not `key: value`", content.trim()),
            });
            continue;
        };
        let key = key.trim();
        let after_colon = content.len() - value.len();
        let value_offset = line_offset + after_colon + (value.len() - value.trim_start().len());
        let value = value.trim().to_string();
        if article.keys.iter().any(|k| k == key) {
            problems.push(FrontMatterProblem {
                offset: line_offset + content.find(key).unwrap_or(0),
                message: format!("front matter key `{key}` is set twice"),
            });
            continue;
        }
        article.keys.push(key.to_string());
        let mut problem = |message: String| {
            problems.push(FrontMatterProblem {
                offset: value_offset,
                message,
            });
        };
        match key {
            "source" => article.url = Some(value),
            "lang" => match Lang::from_code(&value) {
                Some(lang) => article.lang = Some(lang),
                None => problem(format!(
                    "unknown language `{value}` (known: {})",
                    Lang::ALL.map(|l| l.code()).join(", ")
                )),
            },
            "date" => match value.parse() {
                Ok(date) => article.date = Some(date),
                Err(err) => problem(err.to_string()),
            },
            "area" => article.area = Some(value),
            "translation_of" => {
                article.translation_of_offset = value_offset;
                article.translation_of = Some(if value.starts_with("source:") {
                    EntityId::new(value)
                } else {
                    source_id_for_stem(&value)
                })
            }
            "title" => article.title = Some(value),
            "note" => article.note = Some(value),
            _ => problem(format!(
                "unknown front matter key `{key}` (known: {})",
                KEYS.join(", ")
            )),
        }
    }
    if !closed {
        problems.push(FrontMatterProblem {
            offset: bom,
            message: "front matter opened with `---` is never closed".to_string(),
        });
    }
    article.body = text[offset..].to_string();
    article.body_offset = offset;
    (article, problems)
}

/// Drops a trailing ` # comment`; a `#` inside a word (a URL fragment) is kept.
fn strip_comment(line: &str) -> &str {
    match line.find(" #").or_else(|| line.find("\t#")) {
        Some(i) => &line[..i],
        None if line.trim_start().starts_with('#') => "",
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_keeps_body_offset() {
        let text = "---\nsource: https://baolangson.vn/a#b\nlang: ar\ndate: 2025-08-04  # year from context\narea: Lang Son\ntranslation_of: 004-x\n---\nنص";
        let (article, problems) = parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(article.url.as_deref(), Some("https://baolangson.vn/a#b"));
        assert_eq!(article.lang, Some(Lang::Ar));
        assert_eq!(article.date.unwrap().to_string(), "2025-08-04");
        assert_eq!(article.translation_of, Some(EntityId::new("source:004-x")));
        assert_eq!(&text[article.body_offset..], "نص");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let (article, problems) = parse("Hanoi, 3 May");
        assert!(problems.is_empty());
        assert_eq!(article.body, "Hanoi, 3 May");
        assert_eq!(article.url, None);
    }

    #[test]
    fn reports_each_bad_line_at_its_offset() {
        let text = "---\nlang: xx\ndate: 2025-13\ncolour: red\n---\n";
        let (_, problems) = parse(text);
        let messages: Vec<_> = problems
            .iter()
            .map(|p| (p.offset, p.message.as_str()))
            .collect();
        assert_eq!(
            messages[0],
            (10, "unknown language `xx` (known: ar, de, en, fr, vi)")
        );
        assert_eq!(
            messages[1].1,
            "malformed date `2025-13`: month out of range 01-12"
        );
        assert!(
            messages[2]
                .1
                .starts_with("unknown front matter key `colour`")
        );
    }

    #[test]
    fn value_positions_point_at_the_value_and_keys_are_set_once() {
        // `la` occurs inside `lang` too: the position must be the value's, not the key's.
        let text = "---\nsource: x\nlang: la\ndate: 2025\ndate: 2024\n---\n";
        let (article, problems) = parse(text);
        assert_eq!(problems[0].offset, text.find(" la\n").unwrap() + 1);
        assert_eq!(problems[1].message, "front matter key `date` is set twice");
        assert_eq!(problems[1].offset, text.rfind("date").unwrap());
        assert_eq!(article.date.unwrap().to_string(), "2025");
    }

    #[test]
    fn unclosed_front_matter_is_a_problem() {
        let (_, problems) = parse("---\nlang: ar\n");
        assert_eq!(
            problems[0].message,
            "front matter opened with `---` is never closed"
        );
    }
}
