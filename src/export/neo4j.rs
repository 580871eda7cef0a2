//! Neo4j: CSV tables with `neo4j-admin database import` headers, the import command
//! (`import.sh`), and `load.cypher`, which creates the same graph in a running database.
//!
//! One node table per entity kind (`nodes-person.csv`, header `id:ID,name,…,:LABEL`, label
//! `Person`, `WorkingGroup`, …) and one relationship table per relation kind
//! (`rels-holds.csv`, header `:START_ID,:END_ID,:TYPE,…`, type `HOLDS`, `WORKS_WITH`, …),
//! with the flat attributes of [`super::flat`] as properties.

use std::collections::BTreeMap;

use super::Bundle;
use super::csv::row;
use super::flat::{self, Type};
use super::kuzu::{node_columns, table_name};
use crate::model::{Document, RelationKind};

/// `text` as a single-quoted Cypher string.
pub fn cypher_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn rel_type(kind: RelationKind) -> String {
    kind.as_str().to_ascii_uppercase()
}

/// The Neo4j bundle.
pub fn bundle(document: &Document) -> Bundle {
    let urls = flat::source_urls(document);
    let columns = node_columns(document);
    let mut bundle = Bundle::default();
    let mut cypher = String::from(
        "// Creates the govgraph graph in an empty Neo4j database (cypher-shell -f load.cypher).\n",
    );
    let mut command = String::from(
        "#!/bin/sh\n# Imports the govgraph tables into a new, stopped Neo4j database named govgraph.\nset -e\ncd \"$(dirname \"$0\")\"\nneo4j-admin database import full --multiline-fields=true --array-delimiter='|'",
    );
    for (kind, cols) in &columns {
        let label = table_name(kind.as_str());
        cypher.push_str(&format!(
            "CREATE CONSTRAINT {}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;\n",
            kind.as_str()
        ));
        let mut header = vec!["id:ID".to_string()];
        header.extend(cols.iter().map(|(c, t)| match t {
            Type::Text => c.clone(),
            Type::Integer => format!("{c}:long"),
        }));
        header.push(":LABEL".to_string());
        let mut table = Vec::new();
        row(&mut table, &header);
        let file = format!("nodes-{}.csv", kind.as_str().replace('_', "-"));
        for entity in document.entities.iter().filter(|e| e.kind() == *kind) {
            let flat = flat::entity(entity);
            let values: BTreeMap<&str, String> =
                flat.iter().map(|(k, v)| (k.as_str(), v.text())).collect();
            let mut line = vec![entity.id.to_string()];
            line.extend(
                cols.iter()
                    .map(|(c, _)| values.get(c.as_str()).cloned().unwrap_or_default()),
            );
            line.push(label.clone());
            row(&mut table, &line);
            let mut properties = vec![format!("id: {}", cypher_string(entity.id.as_str()))];
            properties.extend(flat.iter().map(|(k, v)| match v {
                flat::Value::Integer(n) => format!("{k}: {n}"),
                flat::Value::Text(t) => format!("{k}: {}", cypher_string(t)),
            }));
            cypher.push_str(&format!(
                "CREATE (:{label} {{{}}});\n",
                properties.join(", ")
            ));
        }
        command.push_str(&format!(" \\\n  --nodes={file}"));
        bundle.files.insert(file, table);
    }
    let kinds: BTreeMap<_, _> = document
        .entities
        .iter()
        .map(|e| (&e.id, e.kind()))
        .collect();
    let columns: Vec<&str> = flat::RELATION_KEYS
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != "relation")
        .collect();
    let mut tables: BTreeMap<RelationKind, Vec<u8>> = BTreeMap::new();
    for relation in &document.relations {
        let table = tables.entry(relation.kind).or_insert_with(|| {
            let mut table = Vec::new();
            let mut header = vec![":START_ID", ":END_ID", ":TYPE"];
            header.extend(&columns);
            row(&mut table, &header);
            table
        });
        let flat: Vec<(String, flat::Value)> = flat::relation(relation, &urls)
            .into_iter()
            .filter(|(k, _)| k != "relation")
            .collect();
        let values: BTreeMap<&str, String> =
            flat.iter().map(|(k, v)| (k.as_str(), v.text())).collect();
        let mut line = vec![
            relation.from.to_string(),
            relation.to.to_string(),
            rel_type(relation.kind),
        ];
        line.extend(
            columns
                .iter()
                .map(|c| values.get(c).cloned().unwrap_or_default()),
        );
        row(table, &line);
        let (Some(from), Some(to)) = (kinds.get(&relation.from), kinds.get(&relation.to)) else {
            continue;
        };
        let properties: Vec<String> = flat
            .iter()
            .map(|(k, v)| format!("{k}: {}", cypher_string(&v.text())))
            .collect();
        let properties = if properties.is_empty() {
            String::new()
        } else {
            format!(" {{{}}}", properties.join(", "))
        };
        cypher.push_str(&format!(
            "MATCH (a:{} {{id: {}}}), (b:{} {{id: {}}}) CREATE (a)-[:{}{properties}]->(b);\n",
            table_name(from.as_str()),
            cypher_string(relation.from.as_str()),
            table_name(to.as_str()),
            cypher_string(relation.to.as_str()),
            rel_type(relation.kind),
        ));
    }
    for (kind, table) in tables {
        let file = format!("rels-{}.csv", kind.as_str().replace('_', "-"));
        command.push_str(&format!(" \\\n  --relationships={file}"));
        bundle.files.insert(file, table);
    }
    command.push_str(" \\\n  govgraph\n");
    bundle
        .files
        .insert("import.sh".into(), command.into_bytes());
    bundle
        .files
        .insert("load.cypher".into(), cypher.into_bytes());
    bundle
}

#[cfg(test)]
mod tests {
    use crate::model::Document;

    fn small() -> Document {
        let text = r#"(
            entities: [
                (id: "person:a", name: "Le Van A", kind: person, aliases: [(text: "لي فان آ", lang: ar)]),
                (id: "post:b-chair", name: "Chair of B", kind: post(role: chair)),
                (id: "group:g-1", name: "Group 1", kind: working_group(number: 1)),
                (id: "source:s", name: "s", kind: source(url: "https://example.org/s", lang: ar)),
            ],
            relations: [
                (kind: holds, from: "person:a", to: "post:b-chair", as_of: "2025-08", evidence: [(source: "source:s", quote: "it's \"him\"")]),
                (kind: leads, from: "person:a", to: "group:g-1"),
            ],
        )"#;
        let mut document: Document = crate::load::ron_options().from_str(text).unwrap();
        document.sort();
        document
    }

    #[test]
    fn tables_have_import_headers_and_the_command_names_every_table() {
        let bundle = super::bundle(&small());
        let text = |name: &str| String::from_utf8(bundle.files[name].clone()).unwrap();
        let people = text("nodes-person.csv");
        assert_eq!(
            people.lines().next(),
            Some("id:ID,kind,name,names_ar,:LABEL")
        );
        assert!(people.contains("person:a,person,Le Van A,لي فان آ,Person"));
        let groups = text("nodes-working-group.csv");
        assert!(
            groups.starts_with("id:ID,kind,name,number:long,:LABEL\n"),
            "{groups}"
        );
        let holds = text("rels-holds.csv");
        assert!(
            holds.starts_with(":START_ID,:END_ID,:TYPE,as_of,"),
            "{holds}"
        );
        assert!(holds.contains("person:a,post:b-chair,HOLDS,2025-08,"));
        let command = text("import.sh");
        for name in bundle.files.keys().filter(|n| n.ends_with(".csv")) {
            assert!(
                command.contains(&format!("={name}")),
                "import.sh lacks {name}"
            );
        }
        let cypher = text("load.cypher");
        assert!(cypher.contains("CREATE (:Person {id: 'person:a', kind: 'person', name: 'Le Van A', names_ar: 'لي فان آ'});"));
        assert!(cypher.contains("quotes: 'it\\'s \"him\"'"), "{cypher}");
        assert!(cypher.contains("MATCH (a:Person {id: 'person:a'}), (b:WorkingGroup {id: 'group:g-1'}) CREATE (a)-[:LEADS]->(b);"));
    }

    #[test]
    fn cypher_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(super::cypher_string("it's a\\b\nc"), "'it\\'s a\\\\b\\nc'");
        assert_eq!(
            super::cypher_string("Hoàng Văn Nghiêm"),
            "'Hoàng Văn Nghiêm'"
        );
    }
}
