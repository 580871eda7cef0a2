//! What resolution did and why: which mentions became which person, and which candidate
//! pairs were kept apart.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::EntityId;

/// The account of one resolution run, sorted by entity id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub people: Vec<PersonReport>,
    pub candidates: Vec<Candidate>,
    /// Judgements that name unknown ids or contradict each other.
    pub problems: Vec<String>,
    /// Extracted places and bodies joined to the curated entity they name.
    pub joined: Vec<super::Joined>,
}

/// One resolved person: the mentions it was made of and the links that joined them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonReport {
    pub id: EntityId,
    pub name: String,
    pub mentions: Vec<MentionReport>,
    pub links: Vec<Link>,
}

/// A person entity as one document gave it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MentionReport {
    /// `curated` or the label of the extracted document.
    pub document: String,
    pub id: EntityId,
    pub name: String,
    pub sources: Vec<EntityId>,
}

/// Why two mentions were joined.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Link {
    pub a: String,
    pub b: String,
    pub reason: String,
}

/// Two resolved people whose names match, kept apart: why, how close they came, and what
/// would decide them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Candidate {
    pub a: EntityId,
    pub b: EntityId,
    pub a_name: String,
    pub b_name: String,
    /// Each person's posts with dates, as the articles give them.
    pub a_posts: String,
    pub b_posts: String,
    /// 0 (decided by curated data) to 5 (could be either): higher came closer.
    pub closeness: u8,
    pub reason: String,
    /// What would decide the pair: a fact to look for, or a judgement to write.
    pub decide: String,
}

impl Report {
    /// Sorts people by id, candidates closest first (then by ids), problems by text.
    pub fn sort(&mut self) {
        self.people.sort_by(|a, b| a.id.cmp(&b.id));
        self.candidates.sort_by(|x, y| {
            y.closeness
                .cmp(&x.closeness)
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
                .then_with(|| x.cmp(y))
        });
        self.problems.sort();
    }

    /// The report of one person, if resolution produced it.
    pub fn person(&self, id: &EntityId) -> Option<&PersonReport> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// Candidates that involve `id`.
    pub fn candidates_of<'a>(&'a self, id: &'a EntityId) -> impl Iterator<Item = &'a Candidate> {
        self.candidates
            .iter()
            .filter(move |c| &c.a == id || &c.b == id)
    }

    /// A plain-text table: merged people (with more than one mention), then candidates,
    /// then problems.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let merged: Vec<_> = self
            .people
            .iter()
            .filter(|p| p.mentions.len() > 1)
            .collect();
        let _ = writeln!(
            out,
            "{} people, {} from more than one mention, {} candidates kept apart",
            self.people.len(),
            merged.len(),
            self.candidates.len()
        );
        for person in merged {
            out.push_str(&person.to_table());
        }
        for candidate in &self.candidates {
            out.push_str(&candidate.to_table());
        }
        for joined in &self.joined {
            let _ = writeln!(
                out,
                "joined   {} ({}) into {}: same spelling `{}`, same place",
                joined.from, joined.document, joined.into, joined.spelling
            );
        }
        for problem in &self.problems {
            let _ = writeln!(out, "problem: {problem}");
        }
        out
    }
}

/// What `build` prints about people kept apart: how many same-name pairs, then each,
/// closest first (at most [`SHOWN_IN_BUILD`]; `govgraph resolve` lists them all).
pub fn kept_apart_summary(report: &Report) -> String {
    let mut out = String::new();
    if report.candidates.is_empty() {
        out.push_str("no same-name people kept apart\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{} same-name pairs kept apart, closest first (`govgraph resolve --explain NAME` for each):",
        report.candidates.len()
    );
    for candidate in report.candidates.iter().take(SHOWN_IN_BUILD) {
        out.push_str(&candidate.to_table());
    }
    if report.candidates.len() > SHOWN_IN_BUILD {
        let _ = writeln!(
            out,
            "... and {} more (`govgraph resolve`)",
            report.candidates.len() - SHOWN_IN_BUILD
        );
    }
    out
}

/// How many kept-apart pairs `build` prints.
pub const SHOWN_IN_BUILD: usize = 20;

impl PersonReport {
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}  {}", self.id, self.name);
        for mention in &self.mentions {
            let sources: Vec<&str> = mention.sources.iter().map(|s| s.as_str()).collect();
            let _ = writeln!(
                out,
                "  mention  {}  {}  [{}]  {}",
                mention.document,
                mention.id,
                mention.name,
                sources.join(", ")
            );
        }
        for link in &self.links {
            let _ = writeln!(out, "  joined   {} + {}: {}", link.a, link.b, link.reason);
        }
        out
    }
}

impl Candidate {
    pub fn to_table(&self) -> String {
        format!(
            "kept apart (closeness {}/5) {} [{}] / {} [{}]: {}\n    {}: {}\n    {}: {}\n    would decide: {}\n",
            self.closeness,
            self.a,
            self.a_name,
            self.b,
            self.b_name,
            self.reason,
            self.a,
            self.a_posts,
            self.b,
            self.b_posts,
            self.decide
        )
    }
}
