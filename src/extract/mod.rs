//! Extraction: article text in, a records document with sourced facts out.
//!
//! [`extract`] is pure and infallible: any `&str` gives a [`Document`] (perhaps only the
//! source entity) plus [`Diagnostic`]s. The pipeline is shared by every language:
//! sentences → tokens marked with the language's lexicon ([`lexicon`]) → place lists,
//! person names and title runs ([`scan`]) → posts, working groups, meetings and
//! title-alone references ([`assemble`]). A language is one module holding its lexicon
//! (`ar`, `de`, `en`); adding one is adding a module and a line in [`LANGUAGES`].

pub mod ar;
mod assemble;
pub mod de;
pub mod en;
pub mod lexicon;
pub mod names;
pub mod scan;
pub mod sites;
pub mod tokens;

use std::sync::LazyLock;

pub use sites::{Site, SiteTable};

use crate::model::{Document, EntityId, Lang, PartialDate};
use lexicon::{Language, Matcher};

/// Every language extraction reads, with its compiled lexicon.
pub static LANGUAGES: &[&Language] = &[&ar::LANGUAGE, &de::LANGUAGE, &en::LANGUAGE];

static MATCHERS: LazyLock<Vec<Matcher>> =
    LazyLock::new(|| LANGUAGES.iter().map(|l| Matcher::new(l)).collect());

/// What the caller knows about the text besides the text itself.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language; detected from the script and common words when `None`.
    pub lang: Option<Lang>,
    /// The id of the source entity every fact cites (`source:003-lang-son-ar`).
    pub source: EntityId,
    pub url: Option<String>,
    /// The article's date: the `as_of` of every fact and the year of meeting dates.
    pub date: Option<PartialDate>,
    /// The place the article is about, where the text does not say it.
    pub area: Option<String>,
    pub title: Option<String>,
    pub translation_of: Option<EntityId>,
    pub sites: SiteTable,
}

impl Options {
    pub fn new(source: EntityId) -> Options {
        Options {
            lang: None,
            source,
            url: None,
            date: None,
            area: None,
            title: None,
            translation_of: None,
            sites: SiteTable::builtin(),
        }
    }
}

/// Something extraction noticed and could not use, at a byte span of the input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub span: Option<(usize, usize)>,
    pub message: String,
}

/// The result of [`extract`]: the facts found and what went wrong on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// The language the text was read as.
    pub lang: Lang,
}

/// Reads one article's text (its body, or the whole file: spans are offsets into `text`
/// either way) and returns the records a careful reader would write. Never fails, never
/// panics; time is linear in the length of `text`.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let mut diagnostics = Vec::new();
    let lang = options.lang.unwrap_or_else(|| {
        let detected = detect_lang(text);
        if detected.is_none() && !text.trim().is_empty() {
            diagnostics.push(Diagnostic {
                span: None,
                message: "could not tell the language; read as English".into(),
            });
        }
        detected.unwrap_or(Lang::En)
    });
    let index = LANGUAGES.iter().position(|l| l.lang == lang);
    let (language, matcher) = match index {
        Some(i) => (LANGUAGES[i], &MATCHERS[i]),
        None => {
            diagnostics.push(Diagnostic {
                span: None,
                message: format!("no lexicon for language `{lang}`; read as English"),
            });
            let i = LANGUAGES.len() - 1;
            (LANGUAGES[i], &MATCHERS[i])
        }
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if control > 0 && control * 20 > text.chars().count().max(1) {
        diagnostics.push(Diagnostic {
            span: None,
            message: format!("text looks binary ({control} control characters)"),
        });
    }
    let (mut document, found) = assemble::assemble(text, options, language, matcher);
    diagnostics.extend(found);
    document.sort();
    diagnostics.sort();
    Extraction {
        document,
        diagnostics,
        lang,
    }
}

/// The options for one article file: its source id from the file stem, and its front
/// matter (`source`, `lang`, `date`, `area`, `title`, `translation_of`). Returns the body
/// offset too.
pub fn options_for_article(stem: &str, text: &str, sites: &SiteTable) -> (Options, usize) {
    let (front, _problems) = crate::article::parse(text);
    let mut options = Options::new(crate::article::source_id_for_stem(stem));
    options.lang = front.lang;
    options.url = front.url;
    options.date = front.date;
    options.area = front.area;
    options.title = front.title;
    options.translation_of = front.translation_of;
    options.sites = sites.clone();
    (options, front.body_offset)
}

/// The text with its front matter blanked byte for byte (newlines kept), so that spans
/// point into the whole file while the front matter is not read as article text.
pub fn mask_front_matter(text: &str, body_offset: usize) -> String {
    let end = body_offset.min(text.len());
    let head: String = text.as_bytes()[..end]
        .iter()
        .map(|&b| if b == b'\n' { '\n' } else { ' ' })
        .collect();
    head + &text[end..]
}

/// Extracts one article file as `build` does: source id `source:<stem>`, options from
/// its front matter, spans into the whole file.
pub fn extract_article(stem: &str, text: &str, sites: &SiteTable) -> Extraction {
    let (options, body_offset) = options_for_article(stem, text, sites);
    extract(&mask_front_matter(text, body_offset), &options)
}

/// Tells Arabic, German and English apart by script and common words; `None` when the
/// text has no letters to go by.
pub fn detect_lang(text: &str) -> Option<Lang> {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    for c in text.chars().take(200_000) {
        if ('\u{0600}'..='\u{06ff}').contains(&c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        return None;
    }
    if arabic > latin {
        return Some(Lang::Ar);
    }
    let mut german = 0;
    let mut english = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .take(50_000)
        .filter(|w| !w.is_empty())
    {
        match word.to_lowercase().as_str() {
            "der" | "die" | "und" | "des" | "das" | "den" | "mit" | "ist" | "nicht" | "auf"
            | "sich" | "sowie" => german += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "with" | "on" | "for" | "that"
            | "were" => english += 1,
            w if w.contains(['ä', 'ö', 'ü', 'ß']) => german += 1,
            _ => {}
        }
    }
    Some(if german > english { Lang::De } else { Lang::En })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod generalization_tests;
