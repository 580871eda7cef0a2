//! Per-sentence reading, shared by every language: place lists, person names and title
//! runs, found on the tokens the language's lexicon has marked.
//!
//! Each finder walks the sentence's tokens once (looking a bounded number of tokens left or
//! right), so a sentence costs time linear in its length.

use super::lexicon::{Body, Language, Term};
use super::names;
use super::tokens::{Token, TokenKind};
use crate::model::{AreaLevel, Role};

/// A place named in the text (a commune in a list, a ward after its level word).
#[derive(Debug, Clone)]
pub struct PlaceName {
    pub canonical: String,
    pub original: String,
    pub span: (usize, usize),
    pub level: Option<AreaLevel>,
}

/// A list of places after a level word ("with 5 communes: A, B, C, D and E").
#[derive(Debug, Clone)]
pub struct PlaceList {
    pub level: AreaLevel,
    pub places: Vec<PlaceName>,
    /// The number the text announces ("5 communes"), to check the list against.
    pub announced: Option<u32>,
    pub first_token: usize,
}

/// What an article says besides its text that can confirm one reading of a transliterated
/// name: the Latin words of its address (news sites write the headline into it:
/// `…/ong-dong-van-thanh-duoc-bau-…`), as runs of two to four words.
#[derive(Debug, Default)]
pub struct NameContext {
    runs: std::collections::HashSet<String>,
}

impl NameContext {
    pub fn new(url: Option<&str>) -> NameContext {
        let path = url
            .map(|u| u.split_once("://").map_or(u, |(_, rest)| rest))
            .and_then(|rest| rest.split_once('/'))
            .map_or("", |(_, path)| path);
        let words: Vec<String> = path
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(super::lexicon::fold_lower)
            .collect();
        let mut runs = std::collections::HashSet::new();
        for n in 2..=4 {
            for run in words.windows(n) {
                runs.insert(run.join(" "));
            }
        }
        NameContext { runs }
    }

    /// True when the address spells this lowercase Latin name.
    pub fn confirms(&self, latin: &str) -> bool {
        self.runs.contains(latin)
    }
}

/// A person name found in a sentence.
#[derive(Debug, Clone)]
pub struct NameMention {
    pub canonical: String,
    pub original: String,
    pub span: (usize, usize),
    pub tokens: (usize, usize),
    pub rule: &'static str,
    pub confidence: u8,
}

/// One title of a title run: a role in a body at a level, perhaps of a named place.
#[derive(Debug, Clone, Default)]
pub struct TitleSpec {
    pub role: Option<Role>,
    pub bodies: Vec<Body>,
    pub level: Option<AreaLevel>,
    pub place: Option<PlaceName>,
    /// A department's own name as written ("Department of Home Affairs").
    pub name: Option<String>,
    /// Whether the text says the title begins, ends or ended before the article.
    pub change: Option<Change>,
}

/// What the text says happens to a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Elected, appointed, assigned to it: held from the article's event date.
    Begins,
    /// Relieved of it, retired from it: held until the article's event date.
    Ends,
    /// "former": not held now, since a date the article does not give.
    Former,
}

/// A run of titles with the tokens it covers.
#[derive(Debug, Clone)]
pub struct TitleRun {
    pub titles: Vec<TitleSpec>,
    pub tokens: (usize, usize),
}

pub fn term_of(tokens: &[Token], i: usize) -> Option<Term> {
    tokens.get(i).and_then(|t| t.term).map(|(term, _)| term)
}

/// For every token, the index of the token starting the phrase that covers it.
pub fn phrase_starts(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut starts = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if let Some((_, len)) = tokens[i].term {
            for s in starts.iter_mut().skip(i).take(len) {
                *s = Some(i);
            }
            i += len.max(1);
        } else {
            i += 1;
        }
    }
    starts
}

fn is_sep(t: &Token) -> bool {
    matches!(t.punct(), Some(',' | '،'))
}

fn is_hard_stop(t: &Token) -> bool {
    matches!(
        t.punct(),
        Some(';' | '؛' | ':' | '(' | ')' | '.' | '"' | '“' | '”' | '«' | '»' | '!' | '?' | '؟')
    )
}

/// A word that could be one syllable of a Vietnamese name or place, in the language's
/// script; with its Latin reading.
pub fn syllable(_text: &str, t: &Token, _language: &Language) -> Option<String> {
    if !t.is_word() {
        return None;
    }
    if t.in_term && !matches!(t.term, Some((Term::Month(_), 1))) {
        return None;
    }
    t.reading.clone()
}

/// Reads a place name of one to four syllables starting at token `i`; returns it and the
/// index after it. List items may carry the language's conjunction prefix (Arabic `و`) on
/// their first word.
pub fn place_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    language: &Language,
) -> Option<(PlaceName, usize)> {
    place_within(text, tokens, i, tokens.len(), language)
}

/// [`place_at`] reading no token at or after `limit`. A place of two syllables or more is
/// cut short where a person name (surname and two syllables) begins: in
/// "ward Bach Mai Tran Quyet Thang" the ward is "Bach Mai".
pub fn place_within(
    text: &str,
    tokens: &[Token],
    i: usize,
    limit: usize,
    language: &Language,
) -> Option<(PlaceName, usize)> {
    let mut parts = Vec::new();
    let mut j = i;
    while j < limit.min(tokens.len()) && parts.len() < 4 {
        if parts.len() >= 2 && name_follows(text, tokens, j, language) {
            break;
        }
        if j > i && starts_new_item(text, &tokens[j], language) {
            break;
        }
        match syllable(text, &tokens[j], language) {
            Some(s) => parts.push(s),
            None => break,
        }
        j += 1;
    }
    if parts.is_empty() {
        return None;
    }
    let mut start = tokens[i].start;
    let raw = tokens[i].text(text);
    if let Some(and) = read_without_and(raw, language) {
        // The syllable was read without its conjunction.
        start += and.len_utf8();
    }
    let end = tokens[j - 1].end;
    if language.romanize_name.is_some()
        && let Some(name) = province_reading(text, &tokens[i..j], language)
    {
        parts = vec![name];
    }
    Some((
        PlaceName {
            canonical: parts.join(" "),
            original: text[start..end].to_string(),
            span: (start, end),
            level: None,
        },
        j,
    ))
}

/// A list item that the syllable reading stops at, but the gazetteer knows: two to four
/// words (one may be a lexicon word, "Bà" of "Bà Điểm") that are the name of a commune,
/// ward or district. Latin-script languages only (a transliteration is read through the
/// gazetteer once the article is placed, `places::code_local_areas`).
fn known_place_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    language: &Language,
) -> Option<(PlaceName, usize)> {
    if language.romanize_name.is_some() {
        return None;
    }
    let g = crate::gazetteer::Gazetteer::embedded();
    let words = tokens[i..]
        .iter()
        .take(4)
        .take_while(|t| t.is_word())
        .count();
    (2..=words).rev().find_map(|n| {
        let (start, end) = (tokens[i].start, tokens[i + n - 1].end);
        let key = crate::text::search_key(&text[start..end]);
        let known = g.named(&key).iter().any(|&u| {
            matches!(
                g.unit(u).level,
                crate::gazetteer::Level::Commune | crate::gazetteer::Level::District
            )
        });
        known.then(|| {
            let canonical = tokens[i..i + n]
                .iter()
                .map(|t| {
                    let word = crate::text::fold(t.text(text));
                    let mut chars = word.chars();
                    chars.next().map_or(String::new(), |c| {
                        c.to_uppercase()
                            .chain(chars.flat_map(char::to_lowercase))
                            .collect()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
            (
                PlaceName {
                    canonical,
                    original: text[start..end].to_string(),
                    span: (start, end),
                    level: None,
                },
                i + n,
            )
        })
    })
}

/// The language's conjunction prefix when `raw` reads as a syllable only without it.
fn read_without_and(raw: &str, language: &Language) -> Option<char> {
    let and = language.and_prefix?;
    (raw.starts_with(and) && (language.readings)(raw).is_empty()).then_some(and)
}

/// A word read only after dropping the language's conjunction prefix (Arabic `و`): it
/// begins a new item ("A وB"), so it cannot continue a name or a place.
fn starts_new_item(text: &str, t: &Token, language: &Language) -> bool {
    t.reading.is_some() && read_without_and(t.text(text), language).is_some()
}

/// The province a transliterated place name can be read as, trying every reading of its
/// words (`هاي فونج` is `Hai Phong`, though `فونج` alone reads `Phung` first).
fn province_reading(text: &str, words: &[Token], language: &Language) -> Option<String> {
    if words.len() > names::PROVINCE_MAX_WORDS {
        return None;
    }
    let mut combos: Vec<String> = vec![String::new()];
    for (k, t) in words.iter().enumerate() {
        let raw = t.text(text);
        let mut found = (language.readings)(raw);
        if found.is_empty()
            && k == 0
            && let Some(and) = language.and_prefix
        {
            found = (language.readings)(raw.strip_prefix(and).unwrap_or(raw));
        }
        if found.is_empty() {
            return None;
        }
        combos = combos
            .iter()
            .flat_map(|c| found.iter().map(move |r| format!("{c}{r} ")))
            .take(256)
            .collect();
    }
    combos
        .iter()
        .find_map(|c| names::province_by_key(c.trim()))
        .map(|(name, _)| name.to_string())
}

fn name_follows(text: &str, tokens: &[Token], j: usize, language: &Language) -> bool {
    let surname =
        syllable(text, &tokens[j], language).is_some_and(|s| names::is_surname(&s.to_lowercase()));
    surname
        && (1..=2).all(|k| {
            tokens
                .get(j + k)
                .is_some_and(|t| syllable(text, t, language).is_some())
        })
}

/// Places written next to a level word: after it (`حي دونج كينه`, `Stadt Hai Phong`,
/// `xã Tân Lập`) and, where the language allows it, before it (`Dong Kinh ward`).
pub fn level_places(
    text: &str,
    tokens: &[Token],
    language: &Language,
) -> Vec<(PlaceName, (usize, usize))> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((Term::Level(level), len)) = tokens[i].term else {
            i += 1;
            continue;
        };
        let mut after = i + len;
        if language.level_link && matches!(term_of(tokens, after), Some(Term::Link)) {
            after += 1;
        }
        if let Some((mut place, next)) = place_at(text, tokens, after, language) {
            place.level = Some(level);
            out.push((place, (after, next)));
            i = next;
            continue;
        }
        // "Tỉnh ủy Thái Nguyên", "Comité provincial du Parti de Vinh Long": the level's
        // body (and links), then the name of a province.
        if language.place_after_body && matches!(level, AreaLevel::Province | AreaLevel::City) {
            let mut k = i + len;
            while let Some(Term::Body(_) | Term::Link) = term_of(tokens, k) {
                k += tokens[k].term.map_or(1, |(_, l)| l);
            }
            if k > i + len
                && let Some((mut place, next)) = place_at(text, tokens, k, language)
                && super::names::province_by_key(&crate::text::search_key(&place.canonical))
                    .is_some()
            {
                place.level = Some(level);
                out.push((place, (k, next)));
                i = next;
                continue;
            }
        }
        // "Provinzparteikomitees von Quang Tri", "Provincial Party Committee of Quang Tri":
        // the level's body, a link word, then the name of a province.
        if language.level_link && matches!(level, AreaLevel::Province | AreaLevel::City) {
            let mut k = i + len;
            while let Some(Term::Body(_)) = term_of(tokens, k) {
                k += tokens[k].term.map_or(1, |(_, l)| l);
            }
            let skipped_body = k > i + len;
            let mut links = 0;
            while matches!(term_of(tokens, k), Some(Term::Link)) && links < 2 {
                k += 1;
                links += 1;
            }
            if skipped_body
                && links > 0
                && let Some((mut place, next)) = place_at(text, tokens, k, language)
                && super::names::province_by_key(&crate::text::search_key(&place.canonical))
                    .is_some()
            {
                place.level = Some(level);
                out.push((place, (k, next)));
                i = next;
                continue;
            }
        }
        i += len;
    }
    // "der Volksrat von Hanoi", "the People's Council of Hanoi": a province after a body
    // and a glue word.
    for i in 1..tokens.len() {
        if !language.level_link
            || tokens[i].term.is_some()
            || !matches!(term_of_covering(tokens, i - 1), Some(Term::Link))
        {
            continue;
        }
        let mut b = i - 1;
        while b > 0 && matches!(term_of_covering(tokens, b), Some(Term::Link)) && i - b < 3 {
            b -= 1;
        }
        if !matches!(term_of_covering(tokens, b), Some(Term::Body(_))) {
            continue;
        }
        if let Some((mut place, next)) = place_at(text, tokens, i, language)
            && let Some((_, level)) =
                names::province_by_key(&crate::text::search_key(&place.canonical))
            && !out
                .iter()
                .any(|(p, _): &(PlaceName, _)| p.span == place.span)
        {
            place.level = Some(level);
            out.push((place, (i, next)));
        }
    }
    if language.places_before_level {
        let mut i = 0;
        while i < tokens.len() {
            match place_at(text, tokens, i, language) {
                Some((mut place, next)) => {
                    if let Some(Term::Level(level)) = term_of(tokens, next) {
                        place.level = Some(level);
                        out.push((place, (i, next)));
                    }
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Finds lists of communes or wards: a level word (optionally after a count, followed by
/// `following` or `:`) and then names separated by commas and `and`; or names each
/// followed by their level word ("Dong Kinh ward and Ky Lua ward").
pub fn place_lists(text: &str, tokens: &[Token], language: &Language) -> Vec<PlaceList> {
    let mut lists = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let level = match term_of(tokens, i) {
            Some(Term::Level(l @ (AreaLevel::Commune | AreaLevel::Ward))) => l,
            _ => {
                i += 1;
                continue;
            }
        };
        let announced = i.checked_sub(1).and_then(|p| match tokens[p].kind {
            TokenKind::Number(n) => Some(n),
            _ => None,
        });
        let len = tokens[i].term.map_or(1, |(_, l)| l);
        let mut j = i + len;
        // `the following communes:`, `communes: communes A, …`, `the communes of`
        loop {
            match tokens.get(j) {
                Some(t) if matches!(t.punct(), Some(':')) => j += 1,
                // `3 بلديات هي: A، B` ("3 communes, which are: A, B"): one word between
                // the level word and the colon that opens the list.
                Some(t)
                    if j == i + len
                        && t.is_word()
                        && t.term.is_none()
                        && matches!(tokens.get(j + 1).and_then(|n| n.punct()), Some(':')) =>
                {
                    j += 2
                }
                // `3 communes, namely A, B and C`
                Some(t)
                    if matches!(t.punct(), Some(','))
                        && matches!(term_of(tokens, j + 1), Some(Term::Following)) =>
                {
                    j += 1
                }
                Some(t) if matches!(t.term, Some((Term::Following | Term::Link, _))) => {
                    j += t.term.map_or(1, |(_, l)| l)
                }
                Some(t) if t.term == tokens[i].term => j += len,
                _ => break,
            }
        }
        let mut places = Vec::new();
        while let Some((mut place, next)) = place_at(text, tokens, j, language)
            .or_else(|| known_place_at(text, tokens, j, language))
        {
            place.level = Some(level);
            places.push(place);
            j = next;
            // separators: `,` `، و` `and` `, and`
            let mut k = j;
            let mut saw_sep = tokens
                .get(j)
                .is_some_and(|t| starts_new_item(text, t, language));
            while let Some(t) = tokens.get(k) {
                if is_sep(t) || matches!(t.term, Some((Term::And, _))) {
                    saw_sep = true;
                    k += t.term.map_or(1, |(_, l)| l);
                } else if matches!(t.term, Some((Term::Level(l), _)) if l == level)
                    // "các phường: A, B, xã C": another local level continues the list.
                    || matches!(t.term, Some((Term::Level(AreaLevel::Commune | AreaLevel::Ward), _))
                        if saw_sep)
                    // "les communes de A et de B": a link word after the separator.
                    || (saw_sep && matches!(t.term, Some((Term::Link, _))))
                {
                    k += t.term.map_or(1, |(_, l)| l);
                } else {
                    break;
                }
            }
            if !saw_sep {
                break;
            }
            j = k;
        }
        if !places.is_empty() {
            lists.push(PlaceList {
                level,
                places,
                announced,
                first_token: i,
            });
            i = j;
        } else {
            i += len;
        }
    }
    if language.places_before_level {
        lists.extend(places_before_level(text, tokens, language));
    }
    lists
}

/// "Dong Kinh ward and Ky Lua ward", "Tam Thanh commune": names before their level.
fn places_before_level(text: &str, tokens: &[Token], language: &Language) -> Vec<PlaceList> {
    let mut out: Vec<PlaceList> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((place, next)) = place_at(text, tokens, i, language) else {
            i += 1;
            continue;
        };
        match term_of(tokens, next) {
            Some(Term::Level(level @ (AreaLevel::Commune | AreaLevel::Ward))) => {
                let mut place = place;
                place.level = Some(level);
                // Names listed with one level word each join the list before them.
                let joins = out.last().is_some_and(|l| {
                    l.level == level
                        && tokens[l.first_token..i]
                            .iter()
                            .rev()
                            .take(3)
                            .any(|t| is_sep(t) || matches!(t.term, Some((Term::And, _))))
                });
                if joins && let Some(last) = out.last_mut() {
                    last.places.push(place);
                } else {
                    out.push(PlaceList {
                        level,
                        places: vec![place],
                        announced: None,
                        first_token: i,
                    });
                }
                i = next + 1;
            }
            _ => match joined_before_level(text, tokens, i, language) {
                Some((list, end)) => {
                    out.push(list);
                    i = end;
                }
                None => i = next,
            },
        }
    }
    out
}

/// "Ia Grai and Ia O communes", "A, B and C wards": names joined by "and" or commas
/// before one (plural) level word, all of that level. Not after a title or "comrade",
/// where the first name is a person's ("Chairman Nguyen Van A and Ia O commune").
fn joined_before_level(
    text: &str,
    tokens: &[Token],
    i: usize,
    language: &Language,
) -> Option<(PlaceList, usize)> {
    if i.checked_sub(1).is_some_and(|p| {
        matches!(
            term_of_covering(tokens, p),
            Some(Term::Role(_) | Term::RoleBody(..) | Term::Body(_) | Term::Comrade)
        )
    }) {
        return None;
    }
    let mut places = Vec::new();
    let mut j = i;
    while places.len() < 8 {
        let (place, next) = place_at(text, tokens, j, language)?;
        places.push(place);
        if let Some(Term::Level(level @ (AreaLevel::Commune | AreaLevel::Ward))) =
            term_of(tokens, next)
        {
            if places.len() < 2 {
                return None;
            }
            for place in &mut places {
                place.level = Some(level);
            }
            let list = PlaceList {
                level,
                places,
                announced: None,
                first_token: i,
            };
            return Some((list, next + 1));
        }
        let mut k = next;
        while tokens
            .get(k)
            .is_some_and(|t| is_sep(t) || matches!(t.term, Some((Term::And, _))))
        {
            k += tokens[k].term.map_or(1, |(_, l)| l);
        }
        if k == next {
            return None;
        }
        j = k;
    }
    None
}

/// Finds person names: a surname and one to three more syllables, in a context that
/// marks a person (after "comrade", "led by", a title; before a title run or a speech
/// verb), or of three syllables or more anywhere. `taken[i]` marks tokens already read
/// as places.
/// Later mentions by honorific and given name alone ("ông Nghị", "Mr. Thang"): the token
/// of the given name and its folded lowercase reading.
pub fn honorific_given(text: &str, tokens: &[Token], language: &Language) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some((Term::Comrade, len)) = t.term else {
            continue;
        };
        let g = i + len;
        let given = tokens.get(g).and_then(|t| syllable(text, t, language));
        let more = tokens
            .get(g + 1)
            .is_some_and(|t| syllable(text, t, language).is_some());
        if let Some(given) = given
            && !more
        {
            out.push((g, given.to_lowercase()));
        }
    }
    out
}

pub fn names(
    text: &str,
    tokens: &[Token],
    taken: &[bool],
    language: &Language,
    context: &NameContext,
) -> Vec<NameMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let Some(mention) = name_at(text, tokens, taken, i, language, context) else {
            i += 1;
            continue;
        };
        i = mention.tokens.1;
        out.push(mention);
    }
    out
}

fn name_at(
    text: &str,
    tokens: &[Token],
    taken: &[bool],
    i: usize,
    language: &Language,
    context: &NameContext,
) -> Option<NameMention> {
    let t = &tokens[i];
    let raw = t.text(text);
    syllable(text, t, language)?;
    let pick = |word: &str| {
        (language.readings)(word)
            .into_iter()
            .find(|r| names::is_surname(r))
            .map(|r| super::lexicon::capitalize(&r))
    };
    let (surname, strip_and) = match pick(raw) {
        Some(s) => (s, false),
        None => (pick(raw.strip_prefix(language.and_prefix?)?)?, true),
    };
    let mut parts = vec![surname];
    let mut j = i + 1;
    while j < tokens.len() && parts.len() < 4 && !taken[j] {
        if starts_new_item(text, &tokens[j], language) {
            break;
        }
        match syllable(text, &tokens[j], language) {
            Some(s) => parts.push(s),
            None => break,
        }
        j += 1;
    }
    if parts.len() < 2 {
        return None;
    }
    // Places named after people: a level word right before or after the name.
    let level_before = i
        .checked_sub(1)
        .is_some_and(|p| matches!(term_of_covering(tokens, p), Some(Term::Level(_))))
        && !matches!(
            term_of_covering(tokens, i.wrapping_sub(1)),
            Some(Term::Level(AreaLevel::Province | AreaLevel::City))
        );
    let level_after = matches!(term_of(tokens, j), Some(Term::Level(_)));
    let canonical = parts.join(" ");
    if level_before
        || level_after
        || names::province_by_key(&crate::text::search_key(&canonical)).is_some()
    {
        return None;
    }
    let start = match language.and_prefix {
        Some(and) if strip_and => t.start + and.len_utf8(),
        _ => t.start,
    };
    let end = tokens[j - 1].end;
    // Transliterated names take the language's name romanizer so that ids agree with
    // `resolve`; the syllable readings only decided where the name is.
    let canonical = match language.romanize_name {
        Some(romanize) => {
            let romanized = romanize(&text[start..end], &|latin| context.confirms(latin));
            if romanized.split_whitespace().count() == parts.len() {
                romanized
            } else {
                canonical
            }
        }
        None => canonical,
    };
    let (rule, confidence) = if let Some(rule) = trigger(tokens, i, j) {
        (rule, 90)
    } else if parts.len() >= language.bare_name_syllables && female_middle(&canonical) {
        ("name-middle", 75)
    } else if parts.len() >= language.bare_name_syllables {
        ("name-shape", 65)
    } else {
        return None;
    };
    Some(NameMention {
        canonical,
        original: text[start..end].to_string(),
        span: (start, end),
        tokens: (i, j),
        rule,
        confidence,
    })
}

/// A surname, the middle syllable Thị and a given name: Thị marks a woman's name and
/// names no place, so the name is a person's even with nothing else saying so.
fn female_middle(canonical: &str) -> bool {
    let words: Vec<String> = canonical
        .split_whitespace()
        .map(super::lexicon::fold_lower)
        .collect();
    words.len() >= 3 && words[1] == "thi" && names::is_surname(&words[0])
}

/// The term of the phrase covering token `i` (not only starting at it).
fn term_of_covering(tokens: &[Token], i: usize) -> Option<Term> {
    if i >= tokens.len() {
        return None;
    }
    (0..=i).rev().take(8).find_map(|s| match tokens[s].term {
        Some((term, len)) if s + len > i => Some(term),
        _ => None,
    })
}

/// What marks the words `i..j` as a person, if anything.
fn trigger(tokens: &[Token], i: usize, j: usize) -> Option<&'static str> {
    // Look left past `:` and `,`.
    let mut p = i;
    while p > 0 && p + 3 > i && matches!(tokens[p - 1].punct(), Some(':' | ',' | '،' | '.')) {
        p -= 1;
    }
    if p > 0 {
        if matches!(tokens[p - 1].punct(), Some(';' | '؛')) {
            return Some("name-in-list");
        }
        // "Head of Working Group No. 2 Tran Thi B": right after a group's number.
        if matches!(tokens[p - 1].kind, TokenKind::Number(_))
            && (p.saturating_sub(3)..p - 1).any(|k| {
                matches!(
                    term_of_covering(tokens, k),
                    Some(Term::Number | Term::Group)
                )
            })
        {
            return Some("group-head-name");
        }
        match term_of_covering(tokens, p - 1) {
            Some(Term::Comrade) => return Some("comrade-name"),
            Some(Term::LedBy | Term::ChairedBy) => return Some("led-by-name"),
            Some(Term::Accompany | Term::Attend) => return Some("attendee-name"),
            Some(Term::Role(_) | Term::RoleBody(..) | Term::Body(_) | Term::Level(_)) => {
                return Some("title-name");
            }
            Some(Term::ChairVerb | Term::CoChair | Term::Speech) => return Some("speaker-name"),
            _ => {}
        }
    }
    // Look right: `, Title` or a speech verb.
    let mut n = j;
    while n < tokens.len() && matches!(tokens[n].punct(), Some(',' | '،')) {
        n += 1;
    }
    match term_of(tokens, n) {
        Some(Term::Role(_) | Term::RoleBody(..)) => Some("name-title"),
        Some(Term::Level(_) | Term::Body(_)) if n > j => Some("name-title"),
        Some(Term::Speech | Term::ChairVerb | Term::CoChair | Term::Attend) => Some("name-speech"),
        _ => None,
    }
}

/// Accepts the title run that starts at `start` (after a name) and returns it, or `None`
/// when no role is in it. Stops before `limit`.
pub fn title_run(
    text: &str,
    tokens: &[Token],
    start: usize,
    limit: usize,
    language: &Language,
) -> Option<TitleRun> {
    let mut titles: Vec<TitleSpec> = Vec::new();
    let mut current = TitleSpec::default();
    let mut last_good = None;
    let mut j = start;
    let mut after_level = false;
    while j < limit {
        let t = &tokens[j];
        // "… du Parti de Vinh Long (nouveau) pour le mandat": an aside of one or two plain
        // words in parentheses does not end the run.
        if t.punct() == Some('(')
            && let Some(close) =
                (j + 2..(j + 4).min(limit)).find(|&k| tokens[k].punct() == Some(')'))
            && tokens[j + 1..close]
                .iter()
                .all(|w| w.is_word() && w.term.is_none())
        {
            j = close + 1;
            continue;
        }
        if is_hard_stop(t) {
            break;
        }
        if is_sep(t) {
            push_title(&mut titles, &mut current);
            after_level = false;
            j += 1;
            continue;
        }
        match t.term {
            Some((term, len)) => {
                match term {
                    Term::Role(role) => {
                        if current.role.is_some() {
                            push_title(&mut titles, &mut current);
                        }
                        current.role = Some(role);
                    }
                    Term::RoleBody(role, body) => {
                        if current.role.is_some() {
                            push_title(&mut titles, &mut current);
                        }
                        current.role = Some(role);
                        current.bodies.push(body);
                    }
                    Term::Body(body) => current.bodies.push(body),
                    Term::Level(level) => {
                        if current.level.is_none() || current.place.is_none() {
                            current.level = Some(level);
                        }
                    }
                    Term::Link | Term::Acting => {}
                    // "… Tỉnh ủy nhiệm kỳ 2020-2025, …", "… pour le mandat 2025-2030":
                    // the term and its years are passed over.
                    Term::Tenure => {
                        j = past_tenure(text, tokens, j + len, limit);
                        last_good = Some(j);
                        continue;
                    }
                    // "former Chair", "الرئيس السابق": the title it stands next to.
                    Term::Former => current.change = Some(Change::Former),
                    Term::And => push_title(&mut titles, &mut current),
                    _ => break,
                }
                // "Tỉnh ủy Tuyên Quang": a body said with its level may take the place.
                // "Comité du Parti de la province de Son La": link words keep it open.
                after_level = matches!(term, Term::Level(_))
                    || (language.place_after_body
                        && (matches!(term, Term::Body(_))
                            || (after_level && matches!(term, Term::Link))));
                if !matches!(term, Term::Link | Term::And) {
                    last_good = Some(j + len);
                }
                if term == Term::Body(Body::Department)
                    && current.name.is_none()
                    && let Some(next) = department_name(text, tokens, j + len, limit, language)
                {
                    current.name = Some(text[t.start..tokens[next - 1].end].to_string());
                    last_good = Some(next);
                    j = next;
                    continue;
                }
                j += len;
            }
            // "de la XVe législature", "the 2020-2025 term": years or an ordinal before
            // the term word.
            None if let Some(next) = tenure_ahead(text, tokens, j, limit) => {
                j = past_tenure(text, tokens, next, limit);
                last_good = Some(j);
            }
            None => {
                // A place name right after a level word (`لمدينة هاي فونج`, `Stadt Hai Phong`)
                // or right before one (`Dong Kinh ward`).
                let Some((place, next)) = place_within(text, tokens, j, limit, language) else {
                    break;
                };
                let before_level = matches!(term_of(tokens, next), Some(Term::Level(_)));
                // "Secretary of the Party Committee of Hanoi": a province named after a
                // body and its glue word.
                let after_body = j > start
                    && matches!(term_of_covering(tokens, j - 1), Some(Term::Link))
                    && names::province_by_key(&crate::text::search_key(&place.canonical)).is_some();
                if !(after_level || before_level || after_body) {
                    break;
                }
                if current.place.is_none() {
                    current.place = Some(place);
                }
                last_good = Some(next);
                j = next;
                after_level = false;
            }
        }
    }
    push_title(&mut titles, &mut current);
    let end = last_good?;
    titles.retain(|t| t.role.is_some());
    // "Secretary of the Party Committee and Chair of the People's Council of X ward": a
    // level or place said once at the end of the run holds for the titles before it.
    for k in (0..titles.len().saturating_sub(1)).rev() {
        if titles[k].level.is_none() && titles[k].place.is_none() {
            let (level, place) = (titles[k + 1].level, titles[k + 1].place.clone());
            titles[k].level = level;
            titles[k].place = place;
        }
    }
    (!titles.is_empty()).then_some(TitleRun {
        titles,
        tokens: (start, end),
    })
}

/// A number, a dash or a Roman ordinal ("2020", "–", "XVII", "XVe"): what stands beside a
/// term of office.
fn tenure_part(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Number(_) => true,
        TokenKind::Punct(c) => matches!(c, '-' | '–' | '—' | '/'),
        TokenKind::Word => {
            let w = t.text(text);
            let w = w
                .strip_suffix("ème")
                .or_else(|| w.strip_suffix('e'))
                .unwrap_or(w);
            !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        }
    }
}

/// The token after the years or ordinal that follow a term word at `j`.
fn past_tenure(text: &str, tokens: &[Token], mut j: usize, limit: usize) -> usize {
    for _ in 0..6 {
        if j < limit && tenure_part(text, &tokens[j]) {
            j += 1;
        }
    }
    j
}

/// When the years or ordinal at `j` come before a term word ("2020-2025 term", "XVe
/// législature"), the token after that word.
fn tenure_ahead(text: &str, tokens: &[Token], j: usize, limit: usize) -> Option<usize> {
    let mut k = j;
    while k < limit && k < j + 4 && tenure_part(text, &tokens[k]) {
        k += 1;
    }
    match tokens.get(k).and_then(|t| t.term) {
        Some((Term::Tenure, len)) if k > j && k < limit => Some(k + len),
        _ => None,
    }
}

/// The end of a department's name after its word ("Department of Home Affairs",
/// "Abteilung für Bildung und Ausbildung"): glue, then capitalized words the lexicon
/// does not know, joined by "and" or commas; never the name of a person.
fn department_name(
    text: &str,
    tokens: &[Token],
    start: usize,
    limit: usize,
    language: &Language,
) -> Option<usize> {
    let mut j = start;
    while j < limit && matches!(term_of(tokens, j), Some(Term::Link)) {
        j += tokens[j].term.map_or(1, |(_, l)| l);
    }
    if j == start {
        return None;
    }
    let capital = |t: &Token| {
        t.is_word() && !t.in_term && t.text(text).chars().next().is_some_and(char::is_uppercase)
    };
    let mut end = None;
    while j < limit {
        let t = &tokens[j];
        if capital(t) && !name_follows(text, tokens, j, language) {
            j += 1;
            end = Some(j);
            continue;
        }
        let joins = is_sep(t) || matches!(t.term, Some((Term::And, _)));
        if joins && end.is_some() {
            let next = j + t.term.map_or(1, |(_, l)| l);
            if next < limit && capital(&tokens[next]) && !name_follows(text, tokens, next, language)
            {
                j = next;
                continue;
            }
        }
        break;
    }
    end
}

fn push_title(titles: &mut Vec<TitleSpec>, current: &mut TitleSpec) {
    let spec = std::mem::take(current);
    if spec.role.is_none() && !titles.is_empty() {
        // "Chair of the People's Council and (of the) People's Committee": bodies after
        // `and` without a role of their own belong to the title before.
        if let Some(last) = titles.last_mut() {
            last.bodies.extend(spec.bodies);
            if last.name.is_none() {
                last.name = spec.name;
            }
            if last.level.is_none() {
                last.level = spec.level;
            }
            // A place said with another level word ("…Commission of the Provincial
            // Party Committee, supervising wards X and Y") is not the title's place.
            if last.place.is_none() && (last.level.is_none() || last.level == spec.level) {
                last.place = spec.place;
            }
        }
        return;
    }
    if spec.role.is_some() || !spec.bodies.is_empty() {
        titles.push(spec);
    }
}

/// The title run that ends right before token `end` (a name after its titles:
/// "Secretary of the Provincial Party Committee Nguyen Van A"). `floor` is the first
/// token it may use.
pub fn title_run_before(
    text: &str,
    tokens: &[Token],
    starts: &[Option<usize>],
    end: usize,
    floor: usize,
    language: &Language,
) -> Option<TitleRun> {
    let mut e = end;
    // "the Party Secretary of the Province, Comrade X": the title before "comrade".
    if e > floor
        && let Some(first) = starts[e - 1]
        && first >= floor
        && matches!(term_of(tokens, first), Some(Term::Comrade))
    {
        e = first;
    }
    if e > floor && is_sep(&tokens[e - 1]) {
        e -= 1;
    }
    // Walk left over title words, separators and place names.
    let mut s = e;
    while s > floor {
        let p = s - 1;
        let t = &tokens[p];
        if let Some(first) = starts[p] {
            match tokens[first].term.map(|(term, _)| term) {
                Some(
                    Term::Role(_)
                    | Term::RoleBody(..)
                    | Term::Body(_)
                    | Term::Level(_)
                    | Term::Link
                    | Term::And,
                ) if first >= floor => {
                    s = first;
                    continue;
                }
                _ => break,
            }
        }
        if is_sep(t) || syllable(text, t, language).is_some() {
            s = p;
            continue;
        }
        break;
    }
    // The run must start at a title word: drop leading glue, separators and names.
    while s < e
        && !matches!(
            term_of(tokens, s),
            Some(Term::Role(_) | Term::RoleBody(..) | Term::Body(_) | Term::Level(_))
        )
    {
        s += 1;
    }
    if s >= e {
        return None;
    }
    let run = title_run(text, tokens, s, e, language)?;
    (run.tokens.1 == e).then_some(run)
}
