//! Popolo JSON: `persons`, `organizations`, `posts`, `memberships`, `areas` and `events`.
//!
//! Names in every script are `other_names` (`{"name", "lang", "source"}`); a membership is a
//! post held (`post_id`, `role` of the post), a membership without a post, a working group's
//! leadership (`role: "leader"`) or an official accompanying a group; dates are
//! `start_date`/`end_date` where known and `as_of` (the date reported) otherwise; evidence
//! is each object's `sources` (`{"url", "note": quote}`). Working groups are organizations
//! (`classification: "working_group"`, `parent_id`: the body that set them up) listing the
//! areas they work with (`works_with`, `inspected`); events list who chaired and attended.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use crate::model::{Document, Entity, EntityId, EntityKind, PartialDate, Relation, RelationKind};

fn other_names(entity: &Entity) -> Value {
    Value::Array(
        entity
            .aliases
            .iter()
            .map(|a| {
                let mut name = Map::new();
                name.insert("name".into(), json!(a.text));
                name.insert("lang".into(), json!(a.lang.code()));
                if let Some(source) = &a.source {
                    name.insert("source".into(), json!(source.as_str()));
                }
                Value::Object(name)
            })
            .collect(),
    )
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(value) = value {
        map.insert(key.into(), Value::String(value));
    }
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Writes `document` as Popolo JSON, ending in a newline.
pub fn write(document: &Document, out: &mut impl Write) -> std::io::Result<()> {
    let by_id: BTreeMap<&EntityId, &Entity> =
        document.entities.iter().map(|e| (&e.id, e)).collect();
    let urls = super::flat::source_urls(document);
    let sources = |r: &Relation| -> Value {
        Value::Array(
            r.evidence
                .iter()
                .map(|e| {
                    json!({
                        "url": urls.get(&e.source).copied().unwrap_or(""),
                        "source": e.source.as_str(),
                        "note": e.quote,
                    })
                })
                .collect(),
        )
    };
    let mut from: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    let mut to: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    for r in &document.relations {
        from.entry(&r.from).or_default().push(r);
        to.entry(&r.to).or_default().push(r);
    }
    let first = |map: &BTreeMap<&EntityId, Vec<&Relation>>, id: &EntityId, kind: RelationKind| {
        map.get(id)
            .into_iter()
            .flatten()
            .find(|r| r.kind == kind)
            .map(|r| {
                if r.from == *id {
                    r.to.to_string()
                } else {
                    r.from.to_string()
                }
            })
    };
    let [
        mut persons,
        mut organizations,
        mut posts,
        mut areas,
        mut events,
        mut source_list,
    ] = std::array::from_fn::<Vec<Value>, 6, _>(|_| Vec::new());
    for entity in &document.entities {
        let mut object = Map::new();
        object.insert("id".into(), json!(entity.id.as_str()));
        let name_key = if entity.kind() == crate::model::Kind::Post {
            "label"
        } else {
            "name"
        };
        object.insert(name_key.into(), json!(entity.name));
        if !entity.aliases.is_empty() {
            let key = if name_key == "label" {
                "other_labels"
            } else {
                "other_names"
            };
            object.insert(key.into(), other_names(entity));
        }
        put(&mut object, "note", entity.note.clone());
        let id = &entity.id;
        match &entity.kind {
            EntityKind::Person => persons.push(Value::Object(object)),
            EntityKind::Post { role } => {
                object.insert("role".into(), json!(role.as_str()));
                put(
                    &mut object,
                    "organization_id",
                    first(&from, id, RelationKind::PostOf),
                );
                posts.push(Value::Object(object));
            }
            EntityKind::Organization { classification } => {
                object.insert("classification".into(), json!(classification.as_str()));
                put(
                    &mut object,
                    "parent_id",
                    first(&from, id, RelationKind::PartOf),
                );
                put(
                    &mut object,
                    "area_id",
                    first(&from, id, RelationKind::Within),
                );
                organizations.push(Value::Object(object));
            }
            EntityKind::WorkingGroup { number } => {
                object.insert("classification".into(), json!("working_group"));
                if let Some(n) = number {
                    object.insert("number".into(), json!(n));
                }
                put(
                    &mut object,
                    "parent_id",
                    first(&from, id, RelationKind::EstablishedBy),
                );
                for kind in [RelationKind::WorksWith, RelationKind::Inspected] {
                    let list: Vec<Value> = from
                        .get(id)
                        .into_iter()
                        .flatten()
                        .filter(|r| r.kind == kind)
                        .map(|r| {
                            let mut link = Map::new();
                            link.insert("area_id".into(), json!(r.to.as_str()));
                            put(&mut link, "as_of", date(r.as_of));
                            link.insert("sources".into(), sources(r));
                            Value::Object(link)
                        })
                        .collect();
                    if !list.is_empty() {
                        object.insert(kind.as_str().into(), Value::Array(list));
                    }
                }
                organizations.push(Value::Object(object));
            }
            EntityKind::Area { level, .. } => {
                object.insert("classification".into(), json!(level.as_str()));
                put(
                    &mut object,
                    "parent_id",
                    first(&from, id, RelationKind::Within),
                );
                areas.push(Value::Object(object));
            }
            EntityKind::Event { date: d } => {
                object.insert("classification".into(), json!("meeting"));
                put(&mut object, "start_date", date(*d));
                put(
                    &mut object,
                    "area_id",
                    first(&from, id, RelationKind::Within),
                );
                let mut people = Vec::new();
                let mut bodies = Vec::new();
                for r in to.get(id).into_iter().flatten() {
                    let mut link = Map::new();
                    let list = match r.kind {
                        RelationKind::Chaired | RelationKind::Attended => {
                            link.insert("person_id".into(), json!(r.from.as_str()));
                            &mut people
                        }
                        RelationKind::TookPart => {
                            link.insert("participant_id".into(), json!(r.from.as_str()));
                            &mut bodies
                        }
                        _ => continue,
                    };
                    link.insert("role".into(), json!(r.kind.as_str()));
                    put(&mut link, "as_of", date(r.as_of));
                    link.insert("sources".into(), sources(r));
                    list.push(Value::Object(link));
                }
                if !people.is_empty() {
                    object.insert("attendees".into(), Value::Array(people));
                }
                if !bodies.is_empty() {
                    object.insert("participants".into(), Value::Array(bodies));
                }
                events.push(Value::Object(object));
            }
            EntityKind::Source {
                url,
                lang,
                date: d,
                translation_of,
            } => {
                object.insert("url".into(), json!(url));
                object.insert("lang".into(), json!(lang.code()));
                put(&mut object, "date", date(*d));
                put(
                    &mut object,
                    "translation_of",
                    translation_of.as_ref().map(|t| t.to_string()),
                );
                source_list.push(Value::Object(object));
            }
        }
    }
    let mut memberships = Vec::new();
    for r in &document.relations {
        let (organization, post, role) = match r.kind {
            RelationKind::Holds => {
                let role = match by_id.get(&r.to).map(|e| &e.kind) {
                    Some(EntityKind::Post { role }) => role.as_str(),
                    _ => "holder",
                };
                (
                    first(&from, &r.to, RelationKind::PostOf),
                    Some(r.to.to_string()),
                    role,
                )
            }
            RelationKind::MemberOf => (Some(r.to.to_string()), None, "member"),
            RelationKind::Leads => (Some(r.to.to_string()), None, "leader"),
            RelationKind::Accompanied => (Some(r.to.to_string()), None, "accompanying"),
            _ => continue,
        };
        let mut membership = Map::new();
        membership.insert(
            "id".into(),
            json!(format!("membership:{}", super::flat::relation_id(r))),
        );
        membership.insert("person_id".into(), json!(r.from.as_str()));
        put(&mut membership, "organization_id", organization);
        put(&mut membership, "post_id", post);
        membership.insert("role".into(), json!(role));
        put(&mut membership, "start_date", date(r.start));
        put(&mut membership, "end_date", date(r.end));
        put(&mut membership, "as_of", date(r.as_of));
        membership.insert("sources".into(), sources(r));
        memberships.push(Value::Object(membership));
    }
    let popolo = json!({
        "persons": persons,
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "areas": areas,
        "events": events,
        "sources": source_list,
    });
    serde_json::to_writer_pretty(&mut *out, &popolo)?;
    out.write_all(b"\n")
}
