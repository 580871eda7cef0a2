//! CSV: RFC 4180 rows for every table-shaped export, and the spreadsheet tables of the
//! `csv` bundle (`people.csv`, `posts-held.csv`, `groups.csv`).
//!
//! Spreadsheet tables begin with a UTF-8 byte-order mark so that spreadsheet programs read
//! Vietnamese diacritics and Arabic script as UTF-8; the Kuzu and Neo4j tables do not.

use std::collections::{BTreeMap, BTreeSet};

use super::Bundle;
use super::flat::{self, SEPARATOR};
use crate::model::{
    Document, Entity, EntityId, EntityKind, Kind, PartialDate, Relation, RelationKind,
};

/// `field` quoted when it holds a comma, a quote, a newline or surrounding spaces.
pub fn field(field: &str) -> String {
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Appends one CSV row (CRLF-free: rows end in `\n`).
pub fn row<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S]) {
    let line: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    out.extend_from_slice(line.join(",").as_bytes());
    out.push(b'\n');
}

const BOM: &[u8] = "\u{FEFF}".as_bytes();

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The spreadsheet tables.
pub fn bundle(document: &Document) -> Bundle {
    let by_id: BTreeMap<&EntityId, &Entity> =
        document.entities.iter().map(|e| (&e.id, e)).collect();
    let urls = flat::source_urls(document);
    let name = |id: &EntityId| by_id.get(id).map_or(String::new(), |e| e.name.clone());
    let langs: BTreeSet<&str> = document
        .entities
        .iter()
        .flat_map(|e| e.aliases.iter().map(|a| a.lang.code()))
        .collect();
    let evidence = |r: &Relation| {
        let sources: BTreeSet<&str> = r.evidence.iter().map(|e| e.source.as_str()).collect();
        let links: BTreeSet<&str> = r
            .evidence
            .iter()
            .filter_map(|e| urls.get(&e.source).copied())
            .collect();
        let quotes: Vec<&str> = r.evidence.iter().map(|e| &*e.quote).collect();
        [
            sources.into_iter().collect::<Vec<_>>().join(SEPARATOR),
            links.into_iter().collect::<Vec<_>>().join(SEPARATOR),
            quotes.join(" | "),
        ]
    };

    let mut people = BOM.to_vec();
    let mut header = vec!["person_id".to_string(), "name".to_string()];
    header.extend(langs.iter().map(|l| format!("names_{l}")));
    header.push("note".to_string());
    row(&mut people, &header);
    for person in document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
    {
        let names = flat::names_by_lang(person);
        let mut line = vec![person.id.to_string(), person.name.clone()];
        for lang in &langs {
            line.push(names.get(lang).map_or(String::new(), |set| {
                set.iter().copied().collect::<Vec<_>>().join(SEPARATOR)
            }));
        }
        line.push(person.note.clone().unwrap_or_default());
        row(&mut people, &line);
    }

    // The organization each post belongs to.
    let post_org: BTreeMap<&EntityId, &EntityId> = document
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::PostOf)
        .map(|r| (&r.from, &r.to))
        .collect();
    let mut posts = BOM.to_vec();
    row(
        &mut posts,
        &[
            "person_id",
            "person",
            "relation",
            "post_id",
            "post",
            "role",
            "organization_id",
            "organization",
            "as_of",
            "start",
            "end",
            "sources",
            "source_urls",
            "quotes",
        ],
    );
    for r in &document.relations {
        let (post, organization) = match r.kind {
            RelationKind::Holds => (Some(&r.to), post_org.get(&r.to).copied()),
            RelationKind::MemberOf | RelationKind::Leads | RelationKind::Accompanied => {
                (None, Some(&r.to))
            }
            _ => continue,
        };
        let role = match post.and_then(|p| by_id.get(p)).map(|e| &e.kind) {
            Some(EntityKind::Post { role }) => role.as_str().to_string(),
            _ => r.kind.as_str().to_string(),
        };
        let mut line = vec![
            r.from.to_string(),
            name(&r.from),
            r.kind.as_str().to_string(),
            post.map(|p| p.to_string()).unwrap_or_default(),
            post.map(&name).unwrap_or_default(),
            role,
            organization.map(|o| o.to_string()).unwrap_or_default(),
            organization.map(&name).unwrap_or_default(),
            date(r.as_of),
            date(r.start),
            date(r.end),
        ];
        line.extend(evidence(r));
        row(&mut posts, &line);
    }

    let mut from: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    let mut to: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    for r in &document.relations {
        from.entry(&r.from).or_default().push(r);
        to.entry(&r.to).or_default().push(r);
    }
    let mut groups = BOM.to_vec();
    row(
        &mut groups,
        &[
            "group_id",
            "group",
            "number",
            "established_by",
            "leaders",
            "relation",
            "area_id",
            "area",
            "level",
            "as_of",
            "sources",
            "source_urls",
            "quotes",
        ],
    );
    for group in document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::WorkingGroup)
    {
        let number = match group.kind {
            EntityKind::WorkingGroup { number: Some(n) } => n.to_string(),
            _ => String::new(),
        };
        let ends = |kind: RelationKind, outgoing: bool| -> Vec<&Relation> {
            let at = if outgoing { &from } else { &to };
            at.get(&group.id)
                .into_iter()
                .flatten()
                .copied()
                .filter(|r| r.kind == kind)
                .collect()
        };
        let established: BTreeSet<String> = ends(RelationKind::EstablishedBy, true)
            .iter()
            .map(|r| name(&r.to))
            .collect();
        let leaders: BTreeSet<String> = ends(RelationKind::Leads, false)
            .iter()
            .map(|r| name(&r.from))
            .collect();
        let join = |set: BTreeSet<String>| set.into_iter().collect::<Vec<_>>().join(SEPARATOR);
        let head = [
            group.id.to_string(),
            group.name.clone(),
            number,
            join(established),
            join(leaders),
        ];
        let mut areas = ends(RelationKind::WorksWith, true);
        areas.extend(ends(RelationKind::Inspected, true));
        if areas.is_empty() {
            let mut line = head.to_vec();
            line.extend(std::iter::repeat_n(String::new(), 8));
            row(&mut groups, &line);
        }
        for r in areas {
            let level = match by_id.get(&r.to).map(|e| &e.kind) {
                Some(EntityKind::Area { level, .. }) => level.as_str().to_string(),
                _ => String::new(),
            };
            let mut line = head.to_vec();
            line.extend([
                r.kind.as_str().to_string(),
                r.to.to_string(),
                name(&r.to),
                level,
                date(r.as_of),
            ]);
            line.extend(evidence(r));
            row(&mut groups, &line);
        }
    }

    let mut bundle = Bundle::default();
    bundle.files.insert("people.csv".into(), people);
    bundle.files.insert("posts-held.csv".into(), posts);
    bundle.files.insert("groups.csv".into(), groups);
    bundle
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_with_separators_quotes_or_newlines_are_quoted() {
        assert_eq!(super::field("plain"), "plain");
        assert_eq!(super::field("a, b"), "\"a, b\"");
        assert_eq!(super::field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::field("two\nlines"), "\"two\nlines\"");
        assert_eq!(super::field("هوانغ فان نغييم"), "هوانغ فان نغييم");
    }
}
