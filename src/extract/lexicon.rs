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
}

/// How a language's script writes person names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Arabic,
}

/// One language: its lexicon and the few functions that differ between scripts.
pub struct Language {
    pub lang: Lang,
    pub script: Script,
    /// Reviewable phrase list: the phrase's words are reduced by [`Language::keys`].
    pub phrases: &'static [(&'static str, Term)],
    /// Reduces one written word to the keys lexicon phrases are matched on (usually one;
    /// German compounds give two: `Stadtparteikomitees` → `stadt`, `parteikomitees`).
    pub keys: fn(&str) -> Vec<String>,
    /// The Latin spelling of one word of a Vietnamese name written in this script, if the
    /// word can be one (Arabic script only; Latin names keep their form).
    pub romanize: Option<fn(&str) -> Option<String>>,
}

/// A lexicon compiled for matching: phrases grouped by their first key, longest first.
pub struct Matcher {
    by_first: HashMap<String, Vec<(Vec<String>, Term)>>,
}

impl Matcher {
    pub fn new(language: &Language) -> Matcher {
        let mut by_first: HashMap<String, Vec<(Vec<String>, Term)>> = HashMap::new();
        for (phrase, term) in language.phrases {
            let keys: Vec<String> = phrase
                .split_whitespace()
                .flat_map(|w| (language.keys)(w))
                .collect();
            if let Some(first) = keys.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((keys, *term));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        Matcher { by_first }
    }

    /// The longest phrase starting at `keys[0]`: its term and how many keys it spans.
    pub fn longest(&self, keys: &[&str]) -> Option<(Term, usize)> {
        let first = keys.first()?;
        let candidates = self.by_first.get(*first)?;
        candidates
            .iter()
            .find(|(phrase, _)| {
                phrase.len() <= keys.len() && phrase.iter().zip(keys).all(|(p, k)| p == k)
            })
            .map(|(phrase, term)| (*term, phrase.len()))
    }

    /// True when `key` begins any phrase (used to tell lexicon words from names).
    pub fn knows(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }
}
