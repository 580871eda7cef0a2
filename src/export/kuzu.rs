//! Kuzu (and its fork Ladybug): one CSV node table per entity kind, one CSV relationship
//! table per relation kind and end-kind pair, and `load.cypher`, which creates the schema
//! and copies every table in.
//!
//! Node tables are named after the kind (`Person`, `Post`, `WorkingGroup`, …) with primary
//! key `id`; relationship tables after the relation (`Holds`, `Leads`, `WorksWith`, …), one
//! table per relation with one `FROM … TO …` pair per end kinds seen. Columns are the flat
//! attributes of [`super::flat`]; the relation's evidence is its `sources`, `source_urls`,
//! `quotes` and `methods` columns. Load with the script's folder as working directory.

use std::collections::{BTreeMap, BTreeSet};

use super::Bundle;
use super::csv::row;
use super::flat::{self, Type};
use crate::model::{Document, EntityId, Kind, RelationKind};

/// `working_group` → `WorkingGroup`.
pub fn table_name(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn column_type(kind: Type) -> &'static str {
    match kind {
        Type::Text => "STRING",
        Type::Integer => "INT64",
    }
}

/// The node columns of each kind present in `document`: the flat keys any entity of that
/// kind uses, in [`flat::ENTITY_KEYS`] order then the `names_<lang>` columns.
pub fn node_columns(document: &Document) -> BTreeMap<Kind, Vec<(String, Type)>> {
    let mut used: BTreeMap<Kind, BTreeSet<String>> = BTreeMap::new();
    for entity in &document.entities {
        let keys = used.entry(entity.kind()).or_default();
        keys.extend(flat::entity(entity).into_iter().map(|(k, _)| k));
    }
    used.into_iter()
        .map(|(kind, keys)| {
            let mut columns: Vec<(String, Type)> = flat::ENTITY_KEYS
                .iter()
                .filter(|(k, _)| keys.contains(*k))
                .map(|(k, t)| (k.to_string(), *t))
                .collect();
            columns.extend(
                keys.iter()
                    .filter(|k| k.starts_with("names_"))
                    .map(|k| (k.clone(), Type::Text)),
            );
            (kind, columns)
        })
        .collect()
}

/// The file name of a node table (`person.csv`) and of a relationship table
/// (`within-area-area.csv`).
fn node_file(kind: Kind) -> String {
    format!("{}.csv", kind.as_str().replace('_', "-"))
}

fn rel_file(kind: RelationKind, from: Kind, to: Kind) -> String {
    format!(
        "{}-{}-{}.csv",
        kind.as_str().replace('_', "-"),
        from.as_str().replace('_', "-"),
        to.as_str().replace('_', "-")
    )
}

/// The Kuzu bundle: node and relationship CSV tables plus `load.cypher`.
pub fn bundle(document: &Document) -> Bundle {
    let kinds: BTreeMap<&EntityId, Kind> = document
        .entities
        .iter()
        .map(|e| (&e.id, e.kind()))
        .collect();
    let urls = flat::source_urls(document);
    let columns = node_columns(document);
    let mut bundle = Bundle::default();
    let mut script = String::from(
        "// Creates the govgraph schema and loads every table; run from this folder.\n",
    );
    for (kind, cols) in &columns {
        let mut fields = vec!["id STRING PRIMARY KEY".to_string()];
        fields.extend(
            cols.iter()
                .map(|(c, t)| format!("`{c}` {}", column_type(*t))),
        );
        script.push_str(&format!(
            "CREATE NODE TABLE {}({});\n",
            table_name(kind.as_str()),
            fields.join(", ")
        ));
        let mut table = Vec::new();
        let mut header = vec!["id".to_string()];
        header.extend(cols.iter().map(|(c, _)| c.clone()));
        row(&mut table, &header);
        for entity in document.entities.iter().filter(|e| e.kind() == *kind) {
            let values: BTreeMap<String, String> = flat::entity(entity)
                .into_iter()
                .map(|(k, v)| (k, v.text()))
                .collect();
            let mut line = vec![entity.id.to_string()];
            line.extend(
                cols.iter()
                    .map(|(c, _)| values.get(c).cloned().unwrap_or_default()),
            );
            row(&mut table, &line);
        }
        bundle.files.insert(node_file(*kind), table);
    }
    // Relationship tables: one per relation kind, one CSV per pair of end kinds.
    let mut rel_tables: BTreeMap<RelationKind, BTreeMap<(Kind, Kind), Vec<u8>>> = BTreeMap::new();
    let rel_columns: Vec<&str> = flat::RELATION_KEYS
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != "relation")
        .collect();
    for relation in &document.relations {
        let (Some(from), Some(to)) = (kinds.get(&relation.from), kinds.get(&relation.to)) else {
            continue;
        };
        let table = rel_tables
            .entry(relation.kind)
            .or_default()
            .entry((*from, *to))
            .or_insert_with(|| {
                let mut table = Vec::new();
                let mut header = vec!["from", "to"];
                header.extend(&rel_columns);
                row(&mut table, &header);
                table
            });
        let values: BTreeMap<String, String> = flat::relation(relation, &urls)
            .into_iter()
            .map(|(k, v)| (k, v.text()))
            .collect();
        let mut line = vec![relation.from.to_string(), relation.to.to_string()];
        line.extend(
            rel_columns
                .iter()
                .map(|c| values.get(*c).cloned().unwrap_or_default()),
        );
        row(table, &line);
    }
    let properties: Vec<String> = rel_columns
        .iter()
        .map(|c| format!("`{c}` STRING"))
        .collect();
    for (kind, pairs) in &rel_tables {
        let ends: Vec<String> = pairs
            .keys()
            .map(|(from, to)| {
                format!(
                    "FROM {} TO {}",
                    table_name(from.as_str()),
                    table_name(to.as_str())
                )
            })
            .collect();
        script.push_str(&format!(
            "CREATE REL TABLE {}({}, {});\n",
            table_name(kind.as_str()),
            ends.join(", "),
            properties.join(", ")
        ));
    }
    for kind in columns.keys() {
        script.push_str(&format!(
            "COPY {} FROM '{}' (HEADER=true, PARALLEL=false);\n",
            table_name(kind.as_str()),
            node_file(*kind)
        ));
    }
    for (kind, pairs) in rel_tables {
        for ((from, to), table) in pairs {
            let file = rel_file(kind, from, to);
            script.push_str(&format!(
                "COPY {} FROM '{file}' (from='{}', to='{}', HEADER=true, PARALLEL=false);\n",
                table_name(kind.as_str()),
                table_name(from.as_str()),
                table_name(to.as_str())
            ));
            bundle.files.insert(file, table);
        }
    }
    bundle
        .files
        .insert("load.cypher".into(), script.into_bytes());
    bundle
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_names_are_camel_case_kinds() {
        assert_eq!(super::table_name("working_group"), "WorkingGroup");
        assert_eq!(super::table_name("holds"), "Holds");
        assert_eq!(super::table_name("established_by"), "EstablishedBy");
    }
}
