//! FollowTheMoney JSON lines, for the OpenSanctions tooling: one entity a line, as
//! `{"id", "schema", "properties": {name: [values]}}`.
//!
//! People are `Person` (every spelling in `name`/`alias`, the posts they hold in `position`,
//! topic `role.pep` when they hold a post or lead a group); posts are `Position` (with
//! their `organization` and the `subnationalArea` it lies in); organizations and working
//! groups are `PublicBody` (`parent`: the body they belong to or that set them up); a post
//! held is an `Occupancy` (`holder`, `post`, `date` as reported, `startDate`/`endDate`); a
//! membership, a group's leadership or an official accompanying it is a `Membership`;
//! meetings are `Event`s (`involved`: chairs and attendees). Every entity carries the
//! `sourceUrl` of the articles it comes from; occupancies and memberships also quote them
//! in `description`. Ids are govgraph's made FollowTheMoney-safe by [`ftm_id`]
//! (`person.le-tien-chau`; relations `occupancy.`/`membership.` plus the relation's id).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde_json::{Value, json};

use super::flat::relation_id;
use crate::model::{Document, Entity, EntityId, EntityKind, Kind, Relation, RelationKind};

type Properties = BTreeMap<&'static str, BTreeSet<String>>;

/// A FollowTheMoney id (letters, digits, `.` and `-`, beginning and ending in a letter or
/// digit, at most 200 characters): `person:le-tien-chau` → `person.le-tien-chau`, a
/// relation id's `/` and `:` become `.`. A longer id keeps its first 180 characters and
/// ends in a hash of the whole.
pub fn ftm_id(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '.'
            }
        })
        .collect();
    let trimmed = mapped.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if trimmed.len() <= 200 {
        return trimmed.to_string();
    }
    // FNV-1a, 64 bits: stable across runs and platforms.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}.{hash:016x}", &trimmed[..180])
}

/// Adds one value. FollowTheMoney holds names and other short strings on one line, so
/// runs of whitespace in them (a line break in a name) become one space, as its own
/// cleaning would make them; `description` and `notes` keep theirs.
fn add(properties: &mut Properties, key: &'static str, value: impl Into<String>) {
    let value = value.into();
    let value = if matches!(key, "description" | "notes") {
        value
    } else {
        value.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if !value.is_empty() {
        properties.entry(key).or_default().insert(value);
    }
}

fn line(
    out: &mut impl Write,
    id: &str,
    schema: &str,
    properties: Properties,
) -> std::io::Result<()> {
    let properties: serde_json::Map<String, Value> = properties
        .into_iter()
        .map(|(k, v)| (k.to_string(), json!(v.into_iter().collect::<Vec<_>>())))
        .collect();
    let id = ftm_id(id);
    serde_json::to_writer(
        &mut *out,
        &json!({"id": id, "schema": schema, "properties": properties}),
    )?;
    out.write_all(b"\n")
}

/// Writes `document` as FollowTheMoney JSON lines.
pub fn write(document: &Document, out: &mut impl Write) -> std::io::Result<()> {
    let by_id: BTreeMap<&EntityId, &Entity> =
        document.entities.iter().map(|e| (&e.id, e)).collect();
    let urls = super::flat::source_urls(document);
    let mut from: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    let mut to: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    for r in &document.relations {
        from.entry(&r.from).or_default().push(r);
        to.entry(&r.to).or_default().push(r);
    }
    fn at<'d>(
        map: &BTreeMap<&'d EntityId, Vec<&'d Relation>>,
        id: &EntityId,
        kind: RelationKind,
    ) -> Vec<&'d EntityId> {
        map.get(id)
            .into_iter()
            .flatten()
            .filter(|r| r.kind == kind)
            .map(|r| if r.from == *id { &r.to } else { &r.from })
            .collect()
    }
    let evidence_urls = |r: &Relation, properties: &mut Properties| {
        for e in &r.evidence {
            if let Some(url) = urls.get(&e.source) {
                add(properties, "sourceUrl", *url);
            }
        }
    };
    let name_of = |id: &EntityId| by_id.get(id).map_or(String::new(), |e| e.name.clone());
    // Where an organization lies, by name, climbing `part_of` until an area is found.
    let area_of = |org: &EntityId| -> Vec<String> {
        let mut current = vec![org];
        let mut seen = BTreeSet::new();
        while let Some(id) = current.pop() {
            if !seen.insert(id) {
                continue;
            }
            let areas = at(&from, id, RelationKind::Within);
            if !areas.is_empty() {
                return areas.into_iter().map(name_of).collect();
            }
            current.extend(at(&from, id, RelationKind::PartOf));
        }
        Vec::new()
    };
    for entity in &document.entities {
        let id = &entity.id;
        let mut properties = Properties::new();
        add(&mut properties, "name", entity.name.clone());
        for alias in &entity.aliases {
            if alias.text != entity.name {
                add(&mut properties, "alias", alias.text.clone());
            }
            if let Some(url) = alias.source.as_ref().and_then(|s| urls.get(s)) {
                add(&mut properties, "sourceUrl", *url);
            }
        }
        if let Some(note) = &entity.note {
            add(&mut properties, "notes", note.clone());
        }
        for r in from.get(id).into_iter().chain(to.get(id)).flatten() {
            evidence_urls(r, &mut properties);
        }
        let schema = match &entity.kind {
            EntityKind::Person => {
                add(&mut properties, "country", "vn");
                let posts = at(&from, id, RelationKind::Holds);
                for post in &posts {
                    add(&mut properties, "position", name_of(post));
                }
                if !posts.is_empty() || !at(&from, id, RelationKind::Leads).is_empty() {
                    add(&mut properties, "topics", "role.pep");
                }
                "Person"
            }
            EntityKind::Post { .. } => {
                add(&mut properties, "country", "vn");
                for org in at(&from, id, RelationKind::PostOf) {
                    add(&mut properties, "organization", ftm_id(org.as_str()));
                    for area in area_of(org) {
                        add(&mut properties, "subnationalArea", area);
                    }
                }
                "Position"
            }
            EntityKind::Organization { classification } => {
                add(&mut properties, "country", "vn");
                add(&mut properties, "classification", classification.as_str());
                for parent in at(&from, id, RelationKind::PartOf) {
                    add(&mut properties, "parent", ftm_id(parent.as_str()));
                }
                "PublicBody"
            }
            EntityKind::WorkingGroup { .. } => {
                add(&mut properties, "country", "vn");
                add(&mut properties, "classification", "working_group");
                for parent in at(&from, id, RelationKind::EstablishedBy) {
                    add(&mut properties, "parent", ftm_id(parent.as_str()));
                }
                "PublicBody"
            }
            EntityKind::Event { date } => {
                add(&mut properties, "country", "vn");
                if let Some(date) = date {
                    add(&mut properties, "date", date.to_string());
                }
                for kind in [RelationKind::Chaired, RelationKind::Attended] {
                    for person in at(&to, id, kind) {
                        add(&mut properties, "involved", ftm_id(person.as_str()));
                    }
                }
                for body in at(&to, id, RelationKind::TookPart) {
                    if by_id.get(body).is_some_and(|e| e.kind() != Kind::Area) {
                        add(&mut properties, "organizer", ftm_id(body.as_str()));
                    }
                }
                for area in at(&from, id, RelationKind::Within) {
                    add(&mut properties, "location", name_of(area));
                }
                "Event"
            }
            // Places and articles are not FollowTheMoney entities here: places are named on
            // positions and events, articles are every entity's `sourceUrl`.
            EntityKind::Area { .. } | EntityKind::Source { .. } => continue,
        };
        line(out, id.as_str(), schema, properties)?;
    }
    for r in &document.relations {
        let (schema, prefix) = match r.kind {
            RelationKind::Holds => ("Occupancy", "occupancy"),
            RelationKind::MemberOf | RelationKind::Leads | RelationKind::Accompanied => {
                ("Membership", "membership")
            }
            _ => continue,
        };
        let mut properties = Properties::new();
        if schema == "Occupancy" {
            add(&mut properties, "holder", ftm_id(r.from.as_str()));
            add(&mut properties, "post", ftm_id(r.to.as_str()));
        } else {
            add(&mut properties, "member", ftm_id(r.from.as_str()));
            add(&mut properties, "organization", ftm_id(r.to.as_str()));
            let role = match r.kind {
                RelationKind::Leads => "leader",
                RelationKind::Accompanied => "accompanying official",
                _ => "member",
            };
            add(&mut properties, "role", role);
        }
        for (key, date) in [
            ("date", r.as_of),
            ("startDate", r.start),
            ("endDate", r.end),
        ] {
            if let Some(date) = date {
                add(&mut properties, key, date.to_string());
            }
        }
        evidence_urls(r, &mut properties);
        for e in &r.evidence {
            add(&mut properties, "description", e.quote.to_string());
        }
        line(
            out,
            &format!("{prefix}:{}", relation_id(r)),
            schema,
            properties,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_become_followthemoney_ids() {
        assert_eq!(super::ftm_id("person:le-tien-chau"), "person.le-tien-chau");
        assert_eq!(
            super::ftm_id("occupancy:holds/person:a/post:b/2025-08/-/-"),
            "occupancy.holds.person.a.post.b.2025-08"
        );
        let long = format!("membership:{}", "x".repeat(300));
        let id = super::ftm_id(&long);
        assert_eq!(id.len(), 197);
        assert_ne!(id, super::ftm_id(&format!("{long}y")));
    }
}
