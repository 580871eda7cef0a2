//! Extraction: article text in, a records document with sourced facts out.
//!
//! [`extract`] is pure and infallible: any `&str` gives a [`Document`] (perhaps only the
//! source entity) plus [`Diagnostic`]s. The pipeline is shared by every language:
//! sentences → tokens marked with the language's lexicon ([`lexicon`]) → place lists,
//! person names and title runs ([`scan`]) → posts, working groups, meetings and
//! title-alone references ([`assemble`]). A language is one module holding a
//! [`lexicon::Language`]: its lexicon, clitics and elisions, abbreviations, stopwords for
//! detection, date shapes, title order and name-shape rules. The shared pipeline names no
//! language; adding one is adding a module and a line in [`LANGUAGES`].

pub mod ar;
mod assemble;
mod dates;
pub mod de;
pub mod en;
pub mod fr;
pub mod lexicon;
pub mod merge;
pub mod names;
pub mod places;
pub mod scan;
pub mod sites;
pub mod tokens;
pub mod vi;

use std::sync::LazyLock;

pub(crate) use assemble::{UNPLACED_NAME, is_unplaced_body, placed_post};
pub use merge::Merger;
pub use sites::{Site, SiteTable};

use crate::model::{Document, EntityId, Lang, PartialDate};
use lexicon::{Language, Matcher, Script};

/// Every language extraction reads, with its compiled lexicon.
pub static LANGUAGES: &[&Language] = &[
    &ar::LANGUAGE,
    &de::LANGUAGE,
    &en::LANGUAGE,
    &fr::LANGUAGE,
    &vi::LANGUAGE,
];

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
    /// Places the article by the communes and wards it names when the text, `area` and site
    /// leave the province unknown (`places.rs`); `None` skips it.
    pub places: Option<&'static places::PlaceIndex<'static>>,
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
            places: None,
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
    let long = text.len() > MAX_PART;
    let mut merged = Merger::default();
    let mut whole = Document::default();
    let (diagnostics, lang) = extract_parts(text, options, &mut |part| {
        if long {
            merged
                .add(part)
                .expect("a merger in memory writes to and reads from its own bytes");
        } else {
            whole = part;
        }
    });
    let mut document = if long {
        merged
            .into_document()
            .expect("a merger in memory writes to and reads from its own bytes")
    } else {
        whole
    };
    document.sort();
    Extraction {
        document,
        diagnostics,
        lang,
    }
}

/// [`extract`] without the merge: gives `each` the records of each part of `text` in
/// order (one document for a text of at most [`MAX_PART`] bytes; spans already point into
/// `text`, events of later parts numbered apart) and returns the diagnostics, sorted, and
/// the language read. Merging the parts with a [`Merger`] gives [`extract`]'s document; a
/// spilling merger does it in bounded memory.
pub fn extract_parts(
    text: &str,
    options: &Options,
    each: &mut dyn FnMut(Document),
) -> (Vec<Diagnostic>, Lang) {
    let mut diagnostics = Vec::new();
    let lang = match options.lang {
        Some(lang) => lang,
        None => match detect(text) {
            Detected::Lang(lang) => lang,
            Detected::Empty => Lang::En,
            Detected::Unsure => {
                diagnostics.push(Diagnostic {
                    span: None,
                    message: "could not tell the language; read as English".into(),
                });
                Lang::En
            }
            Detected::UnknownScript => {
                diagnostics.push(Diagnostic {
                    span: None,
                    message: format!(
                        "the text is in a script extraction does not read (it reads {}); \
                         no facts taken",
                        language_list()
                    ),
                });
                return unread(options, diagnostics, Lang::En, each);
            }
        },
    };
    let Some(index) = LANGUAGES.iter().position(|l| l.lang == lang) else {
        diagnostics.push(Diagnostic {
            span: None,
            message: format!(
                "no lexicon for language `{lang}` (extraction reads {}); no facts taken",
                language_list()
            ),
        });
        return unread(options, diagnostics, lang, each);
    };
    let (language, matcher) = (LANGUAGES[index], &MATCHERS[index]);
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
    if text.len() <= MAX_PART {
        let (document, found) = assemble::assemble(text, options, language, matcher);
        diagnostics.extend(found);
        each(document);
    } else {
        // A text longer than any article is read in parts, one at a time, so that the
        // sentences, tokens and mentions of one part are all that is held at once.
        for (k, (start, end)) in parts(text).into_iter().enumerate() {
            let (mut part, found) =
                assemble::assemble(&text[start..end], options, language, matcher);
            shift_part(&mut part, start, k);
            each(part);
            diagnostics.extend(found.into_iter().map(|d| Diagnostic {
                span: d.span.map(|(a, b)| (a + start, b + start)),
                message: d.message,
            }));
        }
    }
    diagnostics.sort();
    diagnostics.dedup();
    (diagnostics, lang)
}

/// The longest text read in one piece, in bytes (128 KiB). Longer texts (few news articles
/// are) are
/// read in parts cut at a paragraph break, else a line break, else a sentence end, else
/// white space: what links sentences (the article's place when the text gives it, later
/// mentions by title alone, the date carried forward) does not reach across parts, and the
/// memory extraction needs is that of one part plus the records found.
pub const MAX_PART: usize = 1 << 17;

/// The byte ranges of the parts of `text`, each at most [`MAX_PART`] long (but for a
/// character that does not fit), in order, covering it. Linear in the length of `text`.
fn parts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > MAX_PART {
        let mut limit = start + MAX_PART;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        // The last separator in the window's second half, so that every part is long.
        let mut half = window.len() / 2;
        while !window.is_char_boundary(half) {
            half += 1;
        }
        let tail = &window[half..];
        let cut = tail
            .rfind("\n\n")
            .map(|i| i + 2)
            .or_else(|| tail.rfind('\n').map(|i| i + 1))
            .or_else(|| tail.rfind(". ").map(|i| i + 2))
            .or_else(|| {
                tail.rfind(char::is_whitespace)
                    .map(|i| i + tail[i..].chars().next().map_or(1, char::len_utf8))
            })
            .map_or(window.len(), |i| half + i);
        out.push((start, start + cut));
        start += cut;
    }
    out.push((start, text.len()));
    out
}

/// Makes the records of part `k` (0-based) of a long text, extracted from the part alone,
/// point into the whole text: spans shifted by the part's `start`, and the events of later
/// parts numbered apart (`event:…-meeting` of part 3 becomes `event:…-meeting-part3`), since
/// each part numbers its meetings from one.
fn shift_part(part: &mut Document, start: usize, k: usize) {
    let renamed = |id: &EntityId| -> Option<EntityId> {
        (k > 0 && id.prefix_kind() == Some(crate::model::Kind::Event))
            .then(|| EntityId::new(format!("{id}-part{}", k + 1)))
    };
    for entity in &mut part.entities {
        if let Some(id) = renamed(&entity.id) {
            entity.id = id;
        }
    }
    for relation in &mut part.relations {
        for end in [&mut relation.from, &mut relation.to] {
            if let Some(id) = renamed(end) {
                *end = id;
            }
        }
        for evidence in &mut relation.evidence {
            evidence.span = evidence.span.map(|(a, b)| (a + start, b + start));
        }
    }
}

/// The codes of the languages extraction reads: `ar, de, en`.
fn language_list() -> String {
    LANGUAGES
        .iter()
        .map(|l| l.lang.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The result for a text extraction cannot read: the source entity and the diagnostics.
fn unread(
    options: &Options,
    mut diagnostics: Vec<Diagnostic>,
    lang: Lang,
    each: &mut dyn FnMut(Document),
) -> (Vec<Diagnostic>, Lang) {
    let mut document = Document::default();
    document.entities.push(crate::model::Entity {
        id: options.source.clone(),
        name: options.title.clone().unwrap_or_else(|| {
            options
                .source
                .as_str()
                .trim_start_matches("source:")
                .to_string()
        }),
        kind: crate::model::EntityKind::Source {
            url: options.url.clone().unwrap_or_default(),
            lang,
            date: options.date,
            translation_of: options.translation_of.clone(),
        },
        aliases: Vec::new(),
        note: None,
    });
    each(document);
    diagnostics.sort();
    (diagnostics, lang)
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
    options.places = Some(places::PlaceIndex::embedded());
    (options, front.body_offset)
}

/// The text with its front matter blanked byte for byte (newlines kept), so that spans
/// point into the whole file while the front matter is not read as article text.
pub fn mask_front_matter(text: &str, body_offset: usize) -> String {
    mask_front_matter_owned(text.to_owned(), body_offset)
}

/// [`mask_front_matter`] on a text the caller gives up, done in place, so a large
/// article is never held twice.
pub fn mask_front_matter_owned(text: String, body_offset: usize) -> String {
    let end = body_offset.min(text.len());
    let mut bytes = text.into_bytes();
    for b in &mut bytes[..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    // The head is now ASCII; the body is untouched, so the text stays UTF-8 unless the
    // offset fell inside a character, whose leftover bytes are then replaced.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Extracts one article file as `build` does: source id `source:<stem>`, options from
/// its front matter, spans into the whole file.
pub fn extract_article(stem: &str, text: &str, sites: &SiteTable) -> Extraction {
    let (options, body_offset) = options_for_article(stem, text, sites);
    extract(&mask_front_matter(text, body_offset), &options)
}

/// What the letters of a text say about its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    Lang(Lang),
    /// Letters, but of a script no language of [`LANGUAGES`] is written in.
    UnknownScript,
    /// Letters of a known script, but none of its languages' common words.
    Unsure,
    /// No letters at all.
    Empty,
}

fn script_of(c: char) -> Option<Script> {
    if ('\u{0600}'..='\u{06ff}').contains(&c) {
        Some(Script::Arabic)
    } else if c.is_ascii_alphabetic()
        || ('\u{00c0}'..='\u{024f}').contains(&c)
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
    {
        Some(Script::Latin)
    } else {
        None
    }
}

/// Tells the languages of [`LANGUAGES`] apart: by script first, then, among the
/// languages of the script, by their common words and the letters only they use.
pub fn detect(text: &str) -> Detected {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    let mut other = 0usize;
    for c in text.chars().take(200_000) {
        match script_of(c) {
            Some(Script::Arabic) => arabic += 1,
            Some(Script::Latin) => latin += 1,
            None if c.is_alphabetic() => other += 1,
            None => {}
        }
    }
    if arabic == 0 && latin == 0 {
        return if other == 0 {
            Detected::Empty
        } else {
            Detected::UnknownScript
        };
    }
    if other > arabic + latin {
        return Detected::UnknownScript;
    }
    let script = if arabic > latin {
        Script::Arabic
    } else {
        Script::Latin
    };
    let candidates: Vec<&Language> = LANGUAGES
        .iter()
        .copied()
        .filter(|l| l.script == script)
        .collect();
    if candidates.len() == 1 {
        return Detected::Lang(candidates[0].lang);
    }
    let mut scores = vec![0usize; candidates.len()];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .take(50_000)
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        for (language, score) in candidates.iter().zip(scores.iter_mut()) {
            if language.stopwords.contains(&lower.as_str()) || lower.contains(language.marks) {
                *score += 1;
            }
        }
    }
    // The last of equal scores wins, so that the order of `LANGUAGES` decides ties.
    match scores.iter().enumerate().max_by_key(|(_, s)| **s) {
        Some((i, s)) if *s > 0 => Detected::Lang(candidates[i].lang),
        _ => Detected::Unsure,
    }
}

/// The language [`detect`] finds, if it finds one.
pub fn detect_lang(text: &str) -> Option<Lang> {
    match detect(text) {
        Detected::Lang(lang) => Some(lang),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod generalization_tests;

#[cfg(test)]
mod vi_fr_tests;

#[cfg(test)]
mod placing_tests;
#[cfg(test)]
mod realnews_tests;

#[cfg(test)]
mod part_tests {
    use super::*;

    fn paragraph(i: usize) -> String {
        format!(
            "On {} June, comrade Le Van Binh{i}, Secretary of the Tan Son Provincial Party \
             Committee, chaired the meeting of the Standing Committee.\n\nResidents said the \
             offices answer within the week.\n\n",
            i % 28 + 1
        )
    }

    #[test]
    fn a_long_text_is_read_in_bounded_parts_whose_spans_point_into_the_whole_text() {
        let text: String = (0..4000).map(paragraph).collect();
        assert!(text.len() > 2 * MAX_PART);
        let cuts = parts(&text);
        assert!(cuts.len() >= 3);
        assert_eq!(cuts[0].0, 0);
        assert_eq!(cuts.last().unwrap().1, text.len());
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        for &(a, b) in &cuts {
            assert!(b - a <= MAX_PART && b - a > MAX_PART / 2 || b == text.len());
            assert!(
                a == 0 || text[..a].ends_with("\n\n"),
                "cut at a paragraph break"
            );
        }
        let mut options = Options::new(EntityId::new("source:long"));
        options.lang = Some(Lang::En);
        let extraction = extract(&text, &options);
        let mut last_part = 0;
        for relation in &extraction.document.relations {
            for evidence in &relation.evidence {
                let (a, b) = evidence.span.expect("extracted evidence has a span");
                assert!(text[a..b].contains("Secretary of the Tan Son"));
                let part = cuts.iter().position(|&(s, e)| s <= a && b <= e).unwrap();
                last_part = last_part.max(part);
            }
        }
        assert_eq!(
            last_part,
            cuts.len() - 1,
            "facts of the last part are found"
        );
        // Each part numbers its meetings from one; the parts' meetings stay apart.
        let events: Vec<&str> = extraction
            .document
            .entities
            .iter()
            .map(|e| e.id.as_str())
            .filter(|id| id.starts_with("event:"))
            .collect();
        assert!(events.contains(&"event:long-meeting"));
        assert!(events.contains(&"event:long-meeting-part2"));
        let ids: std::collections::BTreeSet<_> = events.iter().collect();
        assert_eq!(ids.len(), events.len());
    }

    #[test]
    fn a_text_without_separators_is_cut_at_character_boundaries() {
        let text = "é".repeat(MAX_PART);
        let cuts = parts(&text);
        assert_eq!(cuts.len(), 2);
        assert!(
            cuts.iter()
                .all(|&(a, b)| text.is_char_boundary(a) && text.is_char_boundary(b))
        );
    }
}
