//! Relations: typed, dated, sourced edges between entities.
//!
//! A relation is a record, not a bare edge: besides its two ends it carries the dates it
//! holds for and the evidence (source plus quoted sentence) it was taken from. Which kinds
//! of entity may stand at either end is fixed here, in [`RelationKind::allows`].

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::entity::{Classification, Entity, Kind};
use super::id::EntityId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub from: EntityId,
    pub to: EntityId,
    /// The date the fact was reported true (usually its article's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_vec"
    )]
    pub evidence: Vec<Evidence>,
}

impl Relation {
    /// What identifies a relation: two records with the same key state the same fact.
    pub fn key(&self) -> RelationKey<'_> {
        (
            self.kind, &self.from, &self.to, self.as_of, self.start, self.end,
        )
    }

    /// [`Relation::key`] owned, for a map that holds the relations it keys.
    pub fn owned_key(&self) -> OwnedRelationKey {
        (
            self.kind,
            self.from.clone(),
            self.to.clone(),
            self.as_of,
            self.start,
            self.end,
        )
    }
}

pub type OwnedRelationKey = (
    RelationKind,
    EntityId,
    EntityId,
    Option<PartialDate>,
    Option<PartialDate>,
    Option<PartialDate>,
);

pub type RelationKey<'a> = (
    RelationKind,
    &'a EntityId,
    &'a EntityId,
    Option<PartialDate>,
    Option<PartialDate>,
    Option<PartialDate>,
);

/// Where a fact comes from: a source, the words quoted from it, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub source: EntityId,
    /// Shared text: one quote is often the evidence of several facts.
    pub quote: std::sync::Arc<str>,
    /// Byte range of the quote in the source's text, when a program found it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    #[serde(default, skip_serializing_if = "Method::is_curated")]
    pub method: Method,
}

/// How a fact was established.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Method {
    /// Written by a person reading the article.
    #[default]
    Curated,
    /// Found by a rule of `govgraph extract`; confidence is a percentage.
    Extracted { rule: String, confidence: u8 },
}

impl Method {
    pub fn is_curated(&self) -> bool {
        matches!(self, Method::Curated)
    }
}

macro_rules! relation_kinds {
    ($($variant:ident => $text:literal : [$($from:ident),+] -> [$($to:ident),+] , $doc:literal;)+) => {
        /// The kinds of relation, each with the entity kinds allowed at its ends.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RelationKind { $(#[doc = $doc] $variant),+ }

        impl RelationKind {
            pub const ALL: &'static [RelationKind] = &[$(RelationKind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(RelationKind::$variant => $text),+ }
            }

            /// Entity kinds allowed at the `from` end.
            pub fn from_kinds(self) -> &'static [Kind] {
                match self { $(RelationKind::$variant => &[$(Kind::$from),+]),+ }
            }

            /// Entity kinds allowed at the `to` end.
            pub fn to_kinds(self) -> &'static [Kind] {
                match self { $(RelationKind::$variant => &[$(Kind::$to),+]),+ }
            }
        }
    };
}

relation_kinds! {
    Holds => "holds": [Person] -> [Post], "A person holds a post.";
    PostOf => "post_of": [Post] -> [Organization], "A post belongs to an organization.";
    MemberOf => "member_of": [Person] -> [Organization, WorkingGroup], "A person is a member without a titled post.";
    PartOf => "part_of": [Organization] -> [Organization], "A body is part of a parent body.";
    Leads => "leads": [Person] -> [WorkingGroup, Organization], "A person leads a working group, delegation or steering committee.";
    Accompanied => "accompanied": [Person] -> [WorkingGroup], "An official went along with a working group.";
    WorksWith => "works_with": [WorkingGroup] -> [Area], "A working group works with a commune or ward.";
    Inspected => "inspected": [WorkingGroup] -> [Area], "A working group inspected a place on site.";
    Within => "within": [Area, Organization, Event] -> [Area], "Something lies within an area.";
    Became => "became": [Area] -> [Area], "An area became another in a reorganization (old commune to new commune, old district or province to new province).";
    EstablishedBy => "established_by": [WorkingGroup] -> [Organization], "A working group was set up by a body.";
    Chaired => "chaired": [Person] -> [Event], "A person chaired a meeting.";
    Attended => "attended": [Person] -> [Event], "A person attended a meeting.";
    TookPart => "took_part": [Organization, WorkingGroup, Area] -> [Event], "A body or place took part in a meeting.";
}

/// Organization classifications a person can `lead` (the others have posts instead).
pub const LEADABLE: &[Classification] = &[
    Classification::NationalAssemblyDelegation,
    Classification::SteeringCommittee,
    Classification::Commission,
    Classification::Other,
];

impl RelationKind {
    /// Why `entity` cannot stand at the `from` end of this relation, if it cannot.
    pub fn check_from(self, entity: &Entity) -> Option<String> {
        check_end(self, "from", self.from_kinds(), entity)
    }

    /// Why `entity` cannot stand at the `to` end of this relation, if it cannot.
    pub fn check_to(self, entity: &Entity) -> Option<String> {
        if let Some(message) = check_end(self, "to", self.to_kinds(), entity) {
            return Some(message);
        }
        if self == RelationKind::Leads
            && let Some(c) = entity.classification()
            && !LEADABLE.contains(&c)
        {
            return Some(format!(
                "`{}` is a {c}, which is led through a post (`holds`), not `leads`",
                entity.id
            ));
        }
        None
    }
}

fn check_end(kind: RelationKind, end: &str, allowed: &[Kind], entity: &Entity) -> Option<String> {
    if allowed.contains(&entity.kind()) {
        return None;
    }
    let expected: Vec<_> = allowed.iter().map(|k| k.as_str()).collect();
    Some(format!(
        "`{}` cannot be the `{end}` of `{kind}`: it is of kind {}, expected {}",
        entity.id,
        entity.kind(),
        expected.join(" or ")
    ))
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
