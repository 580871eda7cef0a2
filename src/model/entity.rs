//! Entities: people, posts, organizations, working groups, areas, events and sources.
//!
//! An entity is a plain record: a stable id, a canonical Latin-script name, the aliases it
//! was seen under (each with its language and source) and the data particular to its kind.
//! Nothing here checks references between entities; that is `load::validate`'s job.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::id::EntityId;

/// One node of the knowledge graph as it is written in a records file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: EntityId,
    /// Canonical name: Latin script, English words for bodies and posts.
    pub name: String,
    pub kind: EntityKind,
    /// Every other spelling the entity was seen under, in every script.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_vec"
    )]
    pub aliases: Vec<Alias>,
    /// A curator's remark, e.g. how an article's year was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The kind of an entity together with the data only that kind has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EntityKind {
    Person,
    /// An office that exists independently of its holder.
    Post {
        role: Role,
    },
    Organization {
        classification: Classification,
    },
    WorkingGroup {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<u32>,
    },
    Area {
        level: AreaLevel,
        /// The gazetteer unit this area is: its official code (`vn-06385`; `vn-old-…` for a
        /// unit before 2025-07-01). Curated records may give it; `gazetteer::enrich` fills it
        /// for the areas it can place, with the fields below.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        /// The first and last day the unit existed (2025-07-01, 2025-06-30).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<PartialDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<PartialDate>,
        /// Its coordinates in degrees (WGS 84), from the gazetteer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lat: Option<Degrees>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lon: Option<Degrees>,
    },
    Event {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<PartialDate>,
    },
    /// An article: where it was published, in which language, and when.
    Source {
        url: String,
        lang: Lang,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<PartialDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        translation_of: Option<EntityId>,
    },
}

/// The kind of an entity without its data: what relation rules and id prefixes speak of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Person,
    Post,
    Organization,
    WorkingGroup,
    Area,
    Event,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Person,
        Kind::Post,
        Kind::Organization,
        Kind::WorkingGroup,
        Kind::Area,
        Kind::Event,
        Kind::Source,
    ];

    /// The prefix every id of this kind starts with (`person:le-tien-chau`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Post => "post",
            Kind::Organization => "org",
            Kind::WorkingGroup => "group",
            Kind::Area => "area",
            Kind::Event => "event",
            Kind::Source => "source",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Post => "post",
            Kind::Organization => "organization",
            Kind::WorkingGroup => "working_group",
            Kind::Area => "area",
            Kind::Event => "event",
            Kind::Source => "source",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A latitude or longitude in degrees. Compared bit for bit, so an entity stays `Eq`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Degrees(pub f64);

impl PartialEq for Degrees {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Degrees {}

impl EntityKind {
    /// An area of `level` that is no gazetteer unit (yet).
    pub fn area(level: AreaLevel) -> EntityKind {
        EntityKind::Area {
            level,
            code: None,
            valid_from: None,
            valid_until: None,
            lat: None,
            lon: None,
        }
    }

    pub fn tag(&self) -> Kind {
        match self {
            EntityKind::Person => Kind::Person,
            EntityKind::Post { .. } => Kind::Post,
            EntityKind::Organization { .. } => Kind::Organization,
            EntityKind::WorkingGroup { .. } => Kind::WorkingGroup,
            EntityKind::Area { .. } => Kind::Area,
            EntityKind::Event { .. } => Kind::Event,
            EntityKind::Source { .. } => Kind::Source,
        }
    }
}

impl Entity {
    pub fn kind(&self) -> Kind {
        self.kind.tag()
    }

    pub fn role(&self) -> Option<Role> {
        match self.kind {
            EntityKind::Post { role } => Some(role),
            _ => None,
        }
    }

    pub fn classification(&self) -> Option<Classification> {
        match self.kind {
            EntityKind::Organization { classification } => Some(classification),
            _ => None,
        }
    }
}

/// A name an entity was seen under, with the language of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    pub text: String,
    pub lang: Lang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EntityId>,
}

/// The languages govgraph reads and records names in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Ar,
    De,
    En,
    Fr,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::Ar, Lang::De, Lang::En, Lang::Fr, Lang::Vi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::De => "de",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Vi => "vi",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case word used in records and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The canonical English role of a post.
    Role {
        Secretary => "secretary",
        StandingDeputySecretary => "standing_deputy_secretary",
        DeputySecretary => "deputy_secretary",
        Member => "member",
        Chair => "chair",
        StandingViceChair => "standing_vice_chair",
        ViceChair => "vice_chair",
        Head => "head",
        StandingDeputyHead => "standing_deputy_head",
        DeputyHead => "deputy_head",
        Director => "director",
        DeputyDirector => "deputy_director",
        Deputy => "deputy",
        Chief => "chief",
        GeneralSecretary => "general_secretary",
    }
}

impl Role {
    /// Roles that one person at a time holds in a body (a council has one chair).
    pub fn is_single_holder(self) -> bool {
        matches!(
            self,
            Role::Secretary
                | Role::StandingDeputySecretary
                | Role::Chair
                | Role::StandingViceChair
                | Role::Head
                | Role::StandingDeputyHead
                | Role::Director
                | Role::Chief
                | Role::GeneralSecretary
        )
    }
}

vocabulary! {
    /// What sort of body an organization is.
    Classification {
        Party => "party",
        CentralCommittee => "central_committee",
        Politburo => "politburo",
        PartyCommittee => "party_committee",
        StandingCommittee => "standing_committee",
        StandingBoard => "standing_board",
        PeoplesCouncil => "peoples_council",
        PeoplesCommittee => "peoples_committee",
        FatherlandFront => "fatherland_front",
        NationalAssembly => "national_assembly",
        NationalAssemblyDelegation => "national_assembly_delegation",
        Commission => "commission",
        SteeringCommittee => "steering_committee",
        Office => "office",
        Department => "department",
        Other => "other",
    }
}

vocabulary! {
    /// Administrative level of an area.
    AreaLevel {
        Country => "country",
        Province => "province",
        City => "city",
        District => "district",
        Town => "town",
        Commune => "commune",
        Ward => "ward",
    }
}
