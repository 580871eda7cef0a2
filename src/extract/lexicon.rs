//! The shape of a language's lexicon: phrases mapped to the [`Term`] they mean, compiled
//! once into a token-sequence matcher.
//!
//! A lexicon is data: each language module lists `(phrase, term)` pairs and says how one of
//! its words is reduced to a matching key ([`Language::keys`]). Nothing here knows any
//! particular language.

use std::collections::HashMap;

use crate::model::{AreaLevel, Lang, Role};

/// The bodies titles name, before they are tied to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Body {
    CentralCommittee,
    Politburo,
    NationalAssembly,
    /// A delegation; with `NationalAssembly` nearby it is the province's NA delegation.
    Delegation,
    NaDelegation,
    /// A Party Committee of some level ("Provincial Party Committee", "Stadtparteikomitee").
    PartyCommittee,
    /// The word "Party" alone ("Provincial Party Secretary", "للحزب الإقليمي").
    Party,
    /// "standing committee" / "standing board" whose parent body follows or precedes.
    Standing,
    PartyStandingCommittee,
    PeoplesCouncil,
    PeoplesCouncilStandingBoard,
    PeoplesCommittee,
    FatherlandFront,
    OrganizationCommission,
    MassMobilizationCommission,
    PropagandaCommission,
    InspectionCommission,
    PartyOffice,
    SteeringCommittee,
    /// The Party's Propaganda and Mass Mobilization Commission (the two merged in 2025).
    PropagandaMassMobilizationCommission,
    /// The Party Central Committee's Secretariat.
    Secretariat,
    /// A department (Sở) of the People's Committee; its name follows in the text
    /// ("Department of Home Affairs"), see [`TitleSpec::name`](super::scan::TitleSpec).
    Department,
    /// "office" alone; with the People's Committee or the Party it is that body's office.
    Office,
    PeoplesCommitteeOffice,
}

/// What a lexicon phrase means to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// "comrade", "comrades", "Genosse", "الرفيق".
    Comrade,
    /// "led by", "headed by", "بقيادة": the person after leads the group in the sentence.
    LedBy,
    /// "chaired by", "برئاسة": leads a group, or chairs the meeting when there is no group.
    ChairedBy,
    /// "chaired", "presided over", "ترأس": the chair is the nearest person.
    ChairVerb,
    /// "co-chaired": every person of its subject (or, with none before it, after it)
    /// chairs the meeting.
    CoChair,
    /// "attended", "حضر", "nahmen … teil".
    Attend,
    /// "accompanied by", "برفقة", "begleitet": the persons after it (or, with none after
    /// it, before it) accompany the working group the paragraph is about.
    Accompany,
    /// "includes", "members of", "gehören", "تضم": with a working group in the sentence,
    /// the persons after it are the group's members.
    Members,
    /// "inspected", "visited", "تفقد": the places after it were inspected, not worked with.
    Inspect,
    /// "said", "stated", "requested": its subject is a person.
    Speech,
    Role(Role),
    /// A word that is a role and a body at once ("Parteisekretär", "Party Secretary").
    RoleBody(Role, Body),
    Body(Body),
    /// A level adjective or noun: "provincial", "city", "commune", "wards", "الإقليمية".
    Level(AreaLevel),
    /// Words that may sit inside a title run without meaning anything ("of", "the", "des").
    Link,
    /// "and", "und": separates items of a list or titles of a run.
    And,
    /// "working group", "Arbeitsgruppe", "مجموعة العمل".
    Group,
    /// "No.", "Nr.", "رقم": announces a group number.
    Number,
    /// "meeting", "conference", "session".
    Meeting,
    /// "following" in "the following communes".
    Following,
    /// Words that end a list of places or a name ("on", "about", "على").
    Stop,
    /// A month name, 1-12.
    Month(u8),
    /// A word before a date written in numbers ("ngày", "sáng" in "sáng 12/1").
    DateWord,
    /// "led", "headed" as an active verb: its subject leads the group after it.
    LeadVerb,
    /// "worked with", "had a working session with": its subject visits the places after
    /// it, heading a delegation even when the sentence names none.
    WorksWithVerb,
    /// "was elected", "appointed", "to hold the position of", "zum": the titles after it
    /// begin on the article's event date.
    Begins,
    /// "relieved of", "retired from", "Abberufung": the titles after it end on the
    /// article's event date.
    Ends,
    /// "former", "ehemalige", "السابق": the title after it is not held now.
    Former,
    /// "acting", "amtierende": the title after it is held in an acting capacity.
    Acting,
    /// "nhiệm kỳ", "khóa", "pour le mandat", "für die Amtszeit": the term of office, with
    /// the years or ordinal beside it, said inside a run of titles and passed over.
    Tenure,
}

/// How a language's script writes person names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Arabic,
}

/// Where a language writes a person's titles relative to the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleOrder {
    /// Before ("Secretary Nguyen Van A") and after ("Nguyen Van A, Secretary").
    Both,
    /// Only after the name.
    After,
    /// Only before the name.
    Before,
}

/// The shapes a language writes a day and month in. The year is the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateShape {
    /// A month word with its day before or after it: "20 August", "August 20",
    /// "le 1er juillet".
    DayMonthWord,
    /// A day with a dot before the month word: "20. August".
    DayDotMonthWord,
    /// Day and month as numbers after a date word ([`Term::DateWord`]): "ngày 12/1",
    /// "sáng 9-4", "ngày 12/1/2025".
    NumericDayMonth,
}

/// Romanizes a whole name, preferring a reading the second argument confirms.
pub type RomanizeName = fn(&str, &dyn Fn(&str) -> bool) -> String;

/// One language: its lexicon and everything else the shared pipeline needs to know about
/// it. The pipeline (`tokens`, `scan`, `assemble`) reads only these fields.
pub struct Language {
    pub lang: Lang,
    pub script: Script,
    /// Reviewable phrase list: the phrase's words are reduced by [`Language::keys`].
    pub phrases: &'static [(&'static str, Term)],
    /// Reduces one written word to the keys lexicon phrases are matched on (usually one;
    /// German compounds give two: `Stadtparteikomitees` → `stadt`, `parteikomitees`).
    /// Clitics written onto a word (Arabic `و`, `ال`, `ب`, `ل`) are stripped here.
    pub keys: fn(&str) -> Vec<String>,
    /// Elided words written onto the next one with an apostrophe (French `d'`, `l'`,
    /// `qu'`), lowercase without the apostrophe: the tokenizer splits them off.
    pub elisions: &'static [&'static str],
    /// A conjunction written onto the next word (Arabic `و`): a word that reads as a
    /// syllable only without it begins a new item of a list.
    pub and_prefix: Option<char>,
    /// The Latin readings of one written word as a syllable of a Vietnamese name, most
    /// likely first; empty when the word cannot be one.
    pub readings: fn(&str) -> Vec<String>,
    /// The Latin form of a whole name in this script, when names are transliterated
    /// (Arabic), preferring a reading the second argument confirms (the article's context);
    /// `None` when the written form is already Latin.
    pub romanize_name: Option<RomanizeName>,
    /// Words a `.` after them does not end a sentence at ("No", "Mr").
    pub abbreviations: &'static [&'static str],
    /// A number of one or two digits followed by `.` is an ordinal, not a sentence end
    /// ("am 3. Juli").
    pub ordinal_dot: bool,
    /// Common words that tell this language from others of its script.
    pub stopwords: &'static [&'static str],
    /// Letters only this language (of those of its script) uses, also evidence for it.
    pub marks: &'static [char],
    pub dates: &'static [DateShape],
    pub titles: TitleOrder,
    /// Places may stand before their level word ("Dong Kinh ward"), not only after it.
    pub places_before_level: bool,
    /// A link word may stand between a level or body and its place ("ward of X",
    /// "Provincial Party Committee of Quang Tri").
    pub level_link: bool,
    /// The fewest syllables a name needs to be taken for a person with nothing in the
    /// sentence marking it as one. Where capitals mark titles, bodies and places too
    /// (Vietnamese), a capitalized run is weak evidence and this is high.
    pub bare_name_syllables: usize,
    /// Phrases whose words each mean a term of their own ("tỉnh ủy": the provincial level,
    /// then the Party Committee), matched like [`Language::phrases`].
    pub compounds: &'static [(&'static str, &'static [Term])],
    /// The key a lexicon key has in a text written without diacritics, where keys keep
    /// them (Vietnamese): phrases match both forms.
    pub plain_key: Option<fn(&str) -> String>,
    /// A place may follow a body said with its level ("Tỉnh ủy Tuyên Quang").
    pub place_after_body: bool,
}

impl Language {
    /// The defaults a language module overrides (`..Language::BASE`): a Latin-script
    /// language with no clitics, no compounds, titles on both sides of a name.
    pub const BASE: Language = Language {
        lang: Lang::En,
        script: Script::Latin,
        phrases: &[],
        keys: |w| vec![fold_lower(w)],
        elisions: &[],
        and_prefix: None,
        readings: latin_readings,
        romanize_name: None,
        abbreviations: &[],
        ordinal_dot: false,
        stopwords: &[],
        marks: &[],
        dates: &[DateShape::DayMonthWord],
        titles: TitleOrder::Both,
        places_before_level: false,
        level_link: false,
        bare_name_syllables: 3,
        compounds: &[],
        plain_key: None,
        place_after_body: false,
    };
}

/// Lowercase with diacritics folded; ASCII words skip Unicode normalization.
pub fn fold_lower(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        crate::text::fold(word).to_lowercase()
    }
}

/// The word with its first letter in upper case.
pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The reading of a Latin-script word as a name syllable: a capitalized word of
/// Vietnamese syllable shape, folded to lowercase (`Nguyễn` → `nguyen`).
pub fn latin_readings(word: &str) -> Vec<String> {
    let Some(first) = word.chars().next() else {
        return Vec::new();
    };
    if !first.is_uppercase() || word.len() > 16 {
        return Vec::new();
    }
    // Upper case throughout is an abbreviation or a numeral ("HĐND", "XVe"), not a name.
    if word.chars().nth(1).is_some_and(char::is_uppercase) {
        return Vec::new();
    }
    let folded = fold_lower(word);
    if super::names::is_latin_syllable(&folded) {
        vec![folded]
    } else {
        Vec::new()
    }
}

/// A lexicon compiled for matching: phrases grouped by their first key, longest first.
/// Each phrase means one term over all its words, or (a compound) one term per word.
pub struct Matcher {
    /// Phrases by their first key, longest first; `true` marks a phrase as a text without
    /// diacritics writes it, which only such a sentence is read with.
    by_first: HashMap<String, Vec<(Vec<String>, Meaning, bool)>>,
}

/// What a matched phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Whole(Term),
    /// One term per word ("tỉnh ủy": a level, then a body).
    Each(&'static [Term]),
}

impl Matcher {
    pub fn new(language: &Language) -> Matcher {
        let mut by_first: HashMap<String, Vec<(Vec<String>, Meaning, bool)>> = HashMap::new();
        let whole = language
            .phrases
            .iter()
            .map(|(p, t)| (*p, Meaning::Whole(*t)));
        let each = language
            .compounds
            .iter()
            .map(|(p, t)| (*p, Meaning::Each(t)));
        for (phrase, meaning) in whole.chain(each) {
            let keys: Vec<String> = phrase
                .split_whitespace()
                .flat_map(|w| match super::tokens::elision_end(w, language) {
                    Some(cut) => vec![&w[..cut], &w[cut..]],
                    None => vec![w],
                })
                .flat_map(|w| (language.keys)(w))
                .collect();
            if let Meaning::Each(terms) = meaning
                && terms.len() != keys.len()
            {
                continue;
            }
            let mut variants = vec![(keys.clone(), false)];
            // The phrase as a text without diacritics writes it.
            if let Some(plain) = language.plain_key {
                let plain: Vec<String> = keys.iter().map(|k| plain(k)).collect();
                if plain != keys {
                    variants.push((plain, true));
                }
            }
            for (keys, plain_only) in variants {
                if let Some(first) = keys.first() {
                    let list = by_first.entry(first.clone()).or_default();
                    match list.iter_mut().find(|(k, ..)| *k == keys) {
                        // A phrase written as it is also a phrase's plain spelling: always read.
                        Some(entry) => entry.2 &= plain_only,
                        None => list.push((keys, meaning, plain_only)),
                    }
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        Matcher { by_first }
    }

    /// The longest phrase starting at `keys[0]`: what it means and how many keys it spans.
    /// `plain`: the sentence is written without diacritics, so a word without marks may be
    /// a marked lexicon word (`quan` is `quận` only there; beside marked words it is `quan`).
    pub fn longest(&self, keys: &[&str], plain: bool) -> Option<(Meaning, usize)> {
        let first = keys.first()?;
        let candidates = self.by_first.get(*first)?;
        candidates
            .iter()
            .find(|(phrase, _, plain_only)| {
                (plain || !plain_only)
                    && phrase.len() <= keys.len()
                    && phrase.iter().zip(keys).all(|(p, k)| p == k)
            })
            .map(|(phrase, meaning, _)| (*meaning, phrase.len()))
    }

    /// True when `key` begins any phrase (used to tell lexicon words from names).
    pub fn knows(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }
}
