//! The graph as RDF statements, shared by the N-Triples and Turtle writers.
//!
//! Terms come from the W3C Organization Ontology (`org:Post`, `org:heldBy`, `org:postIn`,
//! `org:Membership`, `org:memberDuring`, `org:headOf`, `org:subOrganizationOf`), the
//! Popolo classes (`foaf:Person`, `person:Person`), SKOS labels, OWL-Time intervals and
//! PROV provenance; what they lack is in govgraph's own vocabulary `urn:govgraph:vocab:`.
//!
//! - An entity `kind:slug` is the IRI `urn:govgraph:kind:slug`. Its canonical name is
//!   `skos:prefLabel` (and `foaf:name` for people); every alias is a `skos:altLabel` tagged
//!   with its language (`"هوانغ فان نغييم"@ar`, `"Hoàng Văn Nghiêm"@vi`).
//! - Every relation is a direct statement (`gg:holds`, `gg:leads`, …, plus the ontology's
//!   own where one exists) and a node `urn:govgraph:relation:<kind>/<from>/<to>/<dates>` (an
//!   `rdf:Statement`, and an `org:Membership` for posts held, memberships, leadership and
//!   accompanying) that carries its dates (`org:memberDuring` a `time:Interval` with
//!   beginning, end, or the reported date `time:inside` it) and its evidence: one
//!   `prov:Entity` per quote, `prov:wasQuotedFrom` the source, the quote as `prov:value`
//!   tagged with the source's language, and how it was found.
//! - Dates are typed `xsd:gYear`, `xsd:gYearMonth` or `xsd:date` as precise as given.

use std::collections::BTreeMap;

use super::flat::relation_id;
use crate::model::{
    Document, Entity, EntityId, EntityKind, Lang, Method, PartialDate, Relation, RelationKind,
};

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const FOAF: &str = "http://xmlns.com/foaf/0.1/";
pub const PERSON: &str = "http://www.w3.org/ns/person#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const TIME: &str = "http://www.w3.org/2006/time#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const GG: &str = "urn:govgraph:vocab:";

/// The prefixes Turtle declares, in this order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", RDF),
    ("xsd", XSD),
    ("org", ORG),
    ("foaf", FOAF),
    ("person", PERSON),
    ("skos", SKOS),
    ("time", TIME),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("gg", GG),
];

/// An object: an IRI or a literal with a language tag or a datatype IRI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    Iri(String),
    Literal {
        text: String,
        lang: Option<&'static str>,
        datatype: Option<String>,
    },
}

/// Statements grouped by subject, subjects in the order first seen.
#[derive(Debug, Default)]
pub struct Statements {
    pub subjects: Vec<(String, Vec<(String, Object)>)>,
    index: BTreeMap<String, usize>,
}

impl Statements {
    fn add(&mut self, subject: &str, predicate: String, object: Object) {
        let i = match self.index.get(subject) {
            Some(i) => *i,
            None => {
                self.subjects.push((subject.to_string(), Vec::new()));
                self.index
                    .insert(subject.to_string(), self.subjects.len() - 1);
                self.subjects.len() - 1
            }
        };
        self.subjects[i].1.push((predicate, object));
    }
}

fn iri(text: impl Into<String>) -> Object {
    Object::Iri(text.into())
}

fn plain(text: &str) -> Object {
    Object::Literal {
        text: text.to_string(),
        lang: None,
        datatype: None,
    }
}

fn tagged(text: &str, lang: Lang) -> Object {
    Object::Literal {
        text: text.to_string(),
        lang: Some(lang.code()),
        datatype: None,
    }
}

fn integer(n: impl ToString) -> Object {
    Object::Literal {
        text: n.to_string(),
        lang: None,
        datatype: Some(format!("{XSD}integer")),
    }
}

/// A date typed as precisely as it is known.
pub fn date(date: PartialDate) -> Object {
    let datatype = match (date.month, date.day) {
        (Some(_), Some(_)) => "date",
        (Some(_), None) => "gYearMonth",
        _ => "gYear",
    };
    Object::Literal {
        text: date.to_string(),
        lang: None,
        datatype: Some(format!("{XSD}{datatype}")),
    }
}

/// The OWL-Time property that gives an instant's position at this date's precision.
fn in_xsd(date: PartialDate) -> String {
    let name = match (date.month, date.day) {
        (Some(_), Some(_)) => "inXSDDate",
        (Some(_), None) => "inXSDgYearMonth",
        _ => "inXSDgYear",
    };
    format!("{TIME}{name}")
}

/// An entity's IRI.
pub fn entity_iri(id: &EntityId) -> String {
    format!("urn:govgraph:{id}")
}

/// A web address made safe for an IRI: characters IRIs forbid are percent-encoded.
pub fn web_iri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if (c as u32) <= 0x20 || "<>\"{}|^`\\".contains(c) || c == '\u{7F}' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn gg(local: &str) -> String {
    format!("{GG}{local}")
}

/// `working_group` → `workingGroup` for property names, `WorkingGroup` for classes.
fn camel(snake: &str, upper_first: bool) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').enumerate() {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            if i > 0 || upper_first {
                out.push(first.to_ascii_uppercase());
            } else {
                out.push(first);
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

/// The statements of the whole document.
pub fn statements(document: &Document) -> Statements {
    let by_id: BTreeMap<&EntityId, &Entity> =
        document.entities.iter().map(|e| (&e.id, e)).collect();
    let mut out = Statements::default();
    let a = format!("{RDF}type");
    for entity in &document.entities {
        let s = entity_iri(&entity.id);
        let class = match &entity.kind {
            EntityKind::Person => {
                out.add(&s, a.clone(), iri(format!("{FOAF}Person")));
                format!("{PERSON}Person")
            }
            EntityKind::Post { .. } => format!("{ORG}Post"),
            EntityKind::Organization { .. } => format!("{ORG}Organization"),
            EntityKind::WorkingGroup { .. } => {
                out.add(&s, a.clone(), iri(format!("{ORG}Organization")));
                gg("WorkingGroup")
            }
            EntityKind::Area { .. } => {
                out.add(&s, a.clone(), iri(format!("{DCTERMS}Location")));
                gg("Area")
            }
            EntityKind::Event { .. } => {
                out.add(&s, a.clone(), iri(format!("{PROV}Activity")));
                gg("Event")
            }
            EntityKind::Source { .. } => {
                out.add(&s, a.clone(), iri(format!("{PROV}Entity")));
                gg("Source")
            }
        };
        out.add(&s, a.clone(), iri(class));
        out.add(&s, format!("{SKOS}prefLabel"), plain(&entity.name));
        if entity.kind() == crate::model::Kind::Person {
            out.add(&s, format!("{FOAF}name"), plain(&entity.name));
        }
        for alias in &entity.aliases {
            out.add(
                &s,
                format!("{SKOS}altLabel"),
                tagged(&alias.text, alias.lang),
            );
        }
        match &entity.kind {
            EntityKind::Person => {}
            EntityKind::Post { role } => {
                out.add(&s, format!("{ORG}role"), iri(gg(&format!("role/{role}"))));
            }
            EntityKind::Organization { classification } => out.add(
                &s,
                format!("{ORG}classification"),
                iri(gg(&format!("classification/{classification}"))),
            ),
            EntityKind::WorkingGroup { number } => {
                if let Some(n) = number {
                    out.add(&s, gg("number"), integer(n));
                }
            }
            EntityKind::Area { level, .. } => {
                out.add(&s, gg("level"), iri(gg(&format!("level/{level}"))))
            }
            EntityKind::Event { date: d } => {
                if let Some(d) = d {
                    out.add(&s, format!("{DCTERMS}date"), date(*d));
                }
            }
            EntityKind::Source {
                url,
                lang,
                date: d,
                translation_of,
            } => {
                out.add(&s, format!("{DCTERMS}source"), iri(web_iri(url)));
                out.add(&s, format!("{DCTERMS}language"), plain(lang.code()));
                if let Some(d) = d {
                    out.add(&s, format!("{DCTERMS}date"), date(*d));
                }
                if let Some(original) = translation_of {
                    out.add(&s, gg("translationOf"), iri(entity_iri(original)));
                    out.add(
                        &s,
                        format!("{PROV}wasDerivedFrom"),
                        iri(entity_iri(original)),
                    );
                }
            }
        }
        if let Some(note) = &entity.note {
            out.add(&s, format!("{SKOS}note"), plain(note));
        }
    }
    let post_org: BTreeMap<&EntityId, &EntityId> = document
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::PostOf)
        .map(|r| (&r.from, &r.to))
        .collect();
    for relation in &document.relations {
        relation_statements(relation, &by_id, &post_org, &mut out);
    }
    out
}

fn relation_statements(
    relation: &Relation,
    by_id: &BTreeMap<&EntityId, &Entity>,
    post_org: &BTreeMap<&EntityId, &EntityId>,
    out: &mut Statements,
) {
    let a = format!("{RDF}type");
    let from = entity_iri(&relation.from);
    let to = entity_iri(&relation.to);
    let predicate = gg(&camel(relation.kind.as_str(), false));
    out.add(&from, predicate.clone(), iri(&to));
    match relation.kind {
        RelationKind::Holds => {
            out.add(&from, format!("{ORG}holds"), iri(&to));
            out.add(&to, format!("{ORG}heldBy"), iri(&from));
        }
        RelationKind::PostOf => out.add(&from, format!("{ORG}postIn"), iri(&to)),
        RelationKind::PartOf => out.add(&from, format!("{ORG}subOrganizationOf"), iri(&to)),
        RelationKind::MemberOf => out.add(&from, format!("{ORG}memberOf"), iri(&to)),
        RelationKind::Leads => out.add(&from, format!("{ORG}headOf"), iri(&to)),
        _ => {}
    }
    let r = format!("urn:govgraph:relation:{}", relation_id(relation));
    out.add(&r, a.clone(), iri(format!("{RDF}Statement")));
    out.add(&r, format!("{RDF}subject"), iri(&from));
    out.add(&r, format!("{RDF}predicate"), iri(&predicate));
    out.add(&r, format!("{RDF}object"), iri(&to));
    // Memberships: who, in which organization, in which role.
    let membership = match relation.kind {
        RelationKind::Holds => {
            let role = match by_id.get(&relation.to).map(|e| &e.kind) {
                Some(EntityKind::Post { role }) => role.as_str(),
                _ => "holder",
            };
            Some((post_org.get(&relation.to).copied(), role))
        }
        RelationKind::MemberOf => Some((Some(&relation.to), "member")),
        RelationKind::Leads => Some((Some(&relation.to), "leader")),
        RelationKind::Accompanied => Some((Some(&relation.to), "accompanying")),
        _ => None,
    };
    if let Some((organization, role)) = membership {
        out.add(&r, a.clone(), iri(format!("{ORG}Membership")));
        out.add(&r, format!("{ORG}member"), iri(&from));
        if let Some(organization) = organization {
            out.add(
                &r,
                format!("{ORG}organization"),
                iri(entity_iri(organization)),
            );
        }
        out.add(&r, format!("{ORG}role"), iri(gg(&format!("role/{role}"))));
        if relation.kind == RelationKind::Holds {
            out.add(&r, gg("post"), iri(&to));
        }
        if relation.as_of.is_some() || relation.start.is_some() || relation.end.is_some() {
            let during = format!("{r}#during");
            out.add(&r, format!("{ORG}memberDuring"), iri(&during));
            out.add(&during, a.clone(), iri(format!("{TIME}Interval")));
            for (name, property, d) in [
                ("start", "hasBeginning", relation.start),
                ("end", "hasEnd", relation.end),
                ("as-of", "inside", relation.as_of),
            ] {
                if let Some(d) = d {
                    let instant = format!("{r}#{name}");
                    out.add(&during, format!("{TIME}{property}"), iri(&instant));
                    out.add(&instant, a.clone(), iri(format!("{TIME}Instant")));
                    out.add(&instant, in_xsd(d), date(d));
                }
            }
        }
    }
    for (property, d) in [
        ("asOf", relation.as_of),
        ("start", relation.start),
        ("end", relation.end),
    ] {
        if let Some(d) = d {
            out.add(&r, gg(property), date(d));
        }
    }
    for (k, evidence) in relation.evidence.iter().enumerate() {
        let e = format!("{r}#evidence-{}", k + 1);
        out.add(&r, format!("{PROV}wasDerivedFrom"), iri(&e));
        out.add(&e, a.clone(), iri(format!("{PROV}Entity")));
        out.add(
            &e,
            format!("{PROV}wasQuotedFrom"),
            iri(entity_iri(&evidence.source)),
        );
        let lang = match by_id.get(&evidence.source).map(|e| &e.kind) {
            Some(EntityKind::Source { lang, .. }) => Some(*lang),
            _ => None,
        };
        out.add(
            &e,
            format!("{PROV}value"),
            match lang {
                Some(lang) => tagged(&evidence.quote, lang),
                None => plain(&evidence.quote),
            },
        );
        if let Some((start, end)) = evidence.span {
            out.add(&e, gg("spanStart"), integer(start));
            out.add(&e, gg("spanEnd"), integer(end));
        }
        match &evidence.method {
            Method::Curated => out.add(&e, gg("method"), plain("curated")),
            Method::Extracted { rule, confidence } => {
                out.add(&e, gg("method"), plain("extracted"));
                out.add(&e, gg("rule"), plain(rule));
                out.add(&e, gg("confidence"), integer(confidence));
            }
        }
    }
}

/// `text` as the body of a double-quoted N-Triples or Turtle string.
pub fn escape_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_typed_as_precisely_as_known() {
        let typed = |text: &str| match date(text.parse().unwrap()) {
            Object::Literal { datatype, .. } => datatype.unwrap().replace(XSD, ""),
            other => panic!("{other:?}"),
        };
        assert_eq!(typed("2025"), "gYear");
        assert_eq!(typed("2025-08"), "gYearMonth");
        assert_eq!(typed("2025-08-04"), "date");
    }

    #[test]
    fn web_addresses_and_literals_are_escaped() {
        assert_eq!(web_iri("https://a.vn/x y<z>"), "https://a.vn/x%20y%3Cz%3E");
        assert_eq!(escape_literal("say \"hi\"\\\n"), "say \\\"hi\\\"\\\\\\n");
        assert_eq!(camel("established_by", false), "establishedBy");
    }
}
