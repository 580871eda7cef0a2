//! Entities and relations as flat, ordered attribute lists for the graph formats.
//!
//! networkx, GraphML, GEXF and the CSV tables want scalar attributes, not nested objects: an
//! entity's kind-specific fields become columns (`role`, `classification`, `level`, …), its
//! aliases one column per language (`names_ar`, `names_de`, …, each spelling once, joined by
//! `; `), and a relation's evidence its sources, quotes and methods. Every list is sorted,
//! so the same document always flattens to the same attributes.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Document, Entity, EntityId, EntityKind, Method, PartialDate, Relation};

/// What an attribute holds; formats that declare types (GraphML, GEXF, Kuzu) use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Type {
    Text,
    Integer,
}

/// An attribute's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Integer(i64),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Integer(n) => n.to_string(),
        }
    }
}

/// Joins the parts of a list-valued attribute.
pub const SEPARATOR: &str = "; ";

/// The entity attributes every format writes, in this order, before the `names_<lang>`
/// columns. `id` and `kind` are always present; the others only where they apply.
pub const ENTITY_KEYS: &[(&str, Type)] = &[
    ("kind", Type::Text),
    ("name", Type::Text),
    ("role", Type::Text),
    ("classification", Type::Text),
    ("number", Type::Integer),
    ("level", Type::Text),
    ("date", Type::Text),
    ("url", Type::Text),
    ("lang", Type::Text),
    ("translation_of", Type::Text),
    ("note", Type::Text),
];

/// The relation attributes every format writes, in this order.
pub const RELATION_KEYS: &[(&str, Type)] = &[
    ("relation", Type::Text),
    ("as_of", Type::Text),
    ("start", Type::Text),
    ("end", Type::Text),
    ("sources", Type::Text),
    ("source_urls", Type::Text),
    ("quotes", Type::Text),
    ("methods", Type::Text),
];

/// An entity's attributes (without its id), in [`ENTITY_KEYS`] order then `names_<lang>`
/// by language code.
pub fn entity(entity: &Entity) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut text = |key: &str, value: String| out.push((key.to_string(), Value::Text(value)));
    text("kind", entity.kind().as_str().to_string());
    text("name", entity.name.clone());
    let mut number = None;
    match &entity.kind {
        EntityKind::Person => {}
        EntityKind::Post { role } => text("role", role.as_str().to_string()),
        EntityKind::Organization { classification } => {
            text("classification", classification.as_str().to_string())
        }
        EntityKind::WorkingGroup { number: n } => number = *n,
        EntityKind::Area { level, .. } => text("level", level.as_str().to_string()),
        EntityKind::Event { date } => {
            if let Some(date) = date {
                text("date", date.to_string());
            }
        }
        EntityKind::Source {
            url,
            lang,
            date,
            translation_of,
        } => {
            if let Some(date) = date {
                text("date", date.to_string());
            }
            text("url", url.clone());
            text("lang", lang.code().to_string());
            if let Some(original) = translation_of {
                text("translation_of", original.to_string());
            }
        }
    }
    if let Some(note) = &entity.note {
        text("note", note.clone());
    }
    if let Some(n) = number {
        out.push(("number".to_string(), Value::Integer(i64::from(n))));
    }
    let order = |key: &str| ENTITY_KEYS.iter().position(|(k, _)| *k == key);
    out.sort_by_key(|(key, _)| order(key));
    for (lang, names) in names_by_lang(entity) {
        out.push((
            format!("names_{lang}"),
            Value::Text(names.into_iter().collect::<Vec<_>>().join(SEPARATOR)),
        ));
    }
    out
}

/// Every spelling of an entity's aliases, by language code, each once and sorted.
pub fn names_by_lang(entity: &Entity) -> BTreeMap<&'static str, BTreeSet<&str>> {
    let mut names: BTreeMap<&'static str, BTreeSet<&str>> = BTreeMap::new();
    for alias in &entity.aliases {
        names
            .entry(alias.lang.code())
            .or_default()
            .insert(alias.text.as_str());
    }
    names
}

/// A relation's attributes, in [`RELATION_KEYS`] order; `urls` maps source ids to addresses.
pub fn relation(relation: &Relation, urls: &BTreeMap<&EntityId, &str>) -> Vec<(String, Value)> {
    let mut out = vec![(
        "relation".to_string(),
        Value::Text(relation.kind.as_str().to_string()),
    )];
    for (key, date) in [
        ("as_of", relation.as_of),
        ("start", relation.start),
        ("end", relation.end),
    ] {
        if let Some(date) = date {
            out.push((key.to_string(), Value::Text(date.to_string())));
        }
    }
    if !relation.evidence.is_empty() {
        let sources: BTreeSet<&str> = relation
            .evidence
            .iter()
            .map(|e| e.source.as_str())
            .collect();
        let source_urls: BTreeSet<&str> = relation
            .evidence
            .iter()
            .filter_map(|e| urls.get(&e.source).copied())
            .collect();
        let quotes: Vec<&str> = relation.evidence.iter().map(|e| &*e.quote).collect();
        let methods: BTreeSet<String> = relation
            .evidence
            .iter()
            .map(|e| method(&e.method))
            .collect();
        let join = |set: Vec<&str>| set.join(SEPARATOR);
        out.push((
            "sources".to_string(),
            Value::Text(join(sources.into_iter().collect())),
        ));
        if !source_urls.is_empty() {
            out.push((
                "source_urls".to_string(),
                Value::Text(join(source_urls.into_iter().collect())),
            ));
        }
        out.push(("quotes".to_string(), Value::Text(quotes.join(" | "))));
        out.push((
            "methods".to_string(),
            Value::Text(methods.into_iter().collect::<Vec<_>>().join(SEPARATOR)),
        ));
    }
    out
}

/// `curated`, or `extracted:RULE:CONFIDENCE`.
pub fn method(method: &Method) -> String {
    match method {
        Method::Curated => "curated".to_string(),
        Method::Extracted { rule, confidence } => format!("extracted:{rule}:{confidence}"),
    }
}

/// Every source's address, by source id.
pub fn source_urls(document: &Document) -> BTreeMap<&EntityId, &str> {
    document
        .entities
        .iter()
        .filter_map(|e| match &e.kind {
            EntityKind::Source { url, .. } => Some((&e.id, url.as_str())),
            _ => None,
        })
        .collect()
}

/// The `names_<lang>` keys any entity of `document` uses, sorted.
pub fn name_keys(document: &Document) -> BTreeSet<String> {
    document
        .entities
        .iter()
        .flat_map(|e| e.aliases.iter().map(|a| format!("names_{}", a.lang.code())))
        .collect()
}

/// A relation's stable text id: kind, ends and dates (`-` where absent), unique in a
/// validated document because these make up the relation's key.
pub fn relation_id(relation: &Relation) -> String {
    let date = |d: Option<PartialDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    format!(
        "{}/{}/{}/{}/{}/{}",
        relation.kind.as_str(),
        relation.from,
        relation.to,
        date(relation.as_of),
        date(relation.start),
        date(relation.end)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alias, Evidence, Lang, RelationKind, Role};

    #[test]
    fn an_entity_flattens_to_scalars_with_every_spelling_by_language() {
        let entity = Entity {
            id: EntityId::new("post:x-secretary"),
            name: "Secretary of X".into(),
            kind: EntityKind::Post {
                role: Role::Secretary,
            },
            aliases: vec![
                Alias {
                    text: "سكرتير".into(),
                    lang: Lang::Ar,
                    source: None,
                },
                Alias {
                    text: "Sekretär".into(),
                    lang: Lang::De,
                    source: None,
                },
                Alias {
                    text: "أمين".into(),
                    lang: Lang::Ar,
                    source: None,
                },
            ],
            note: None,
        };
        assert_eq!(
            entity_text(&entity),
            pairs(&[
                ("kind", "post"),
                ("name", "Secretary of X"),
                ("role", "secretary"),
                ("names_ar", "أمين; سكرتير"),
                ("names_de", "Sekretär"),
            ])
        );
    }

    fn entity_text(entity: &Entity) -> Vec<(String, String)> {
        super::entity(entity)
            .into_iter()
            .map(|(k, v)| (k, v.text()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_relation_keeps_its_dates_sources_quotes_and_methods() {
        let relation = Relation {
            kind: RelationKind::Holds,
            from: EntityId::new("person:a"),
            to: EntityId::new("post:b"),
            as_of: Some("2025-08".parse().unwrap()),
            start: None,
            end: None,
            evidence: vec![
                Evidence {
                    source: EntityId::new("source:s"),
                    quote: "first".into(),
                    span: None,
                    method: Method::Curated,
                },
                Evidence {
                    source: EntityId::new("source:s"),
                    quote: "second".into(),
                    span: Some((1, 2)),
                    method: Method::Extracted {
                        rule: "en.r".into(),
                        confidence: 80,
                    },
                },
            ],
        };
        let id = EntityId::new("source:s");
        let urls = BTreeMap::from([(&id, "https://example.org/a")]);
        let flat: Vec<(String, String)> = super::relation(&relation, &urls)
            .into_iter()
            .map(|(k, v)| (k, v.text()))
            .collect();
        let expected = [
            ("relation", "holds"),
            ("as_of", "2025-08"),
            ("sources", "source:s"),
            ("source_urls", "https://example.org/a"),
            ("quotes", "first | second"),
            ("methods", "curated; extracted:en.r:80"),
        ];
        assert_eq!(flat, pairs(&expected));
        assert_eq!(relation_id(&relation), "holds/person:a/post:b/2025-08/-/-");
    }
}
