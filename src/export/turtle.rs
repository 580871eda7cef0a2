//! Turtle: the statements of [`super::rdf`] grouped by subject, vocabulary terms written
//! with the prefixes of [`super::rdf::PREFIXES`], entity IRIs in full.

use std::io::Write;

use super::ntriples;
use super::rdf::{self, Object, PREFIXES, escape_literal};
use crate::model::Document;

/// `iri` as `prefix:local` when a prefix covers it and the rest is a plain name.
fn compact(iri: &str) -> String {
    for (prefix, namespace) in PREFIXES {
        if let Some(local) = iri.strip_prefix(namespace) {
            let plain = local
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if plain {
                return format!("{prefix}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

fn object(object: &Object) -> String {
    match object {
        Object::Iri(iri) => compact(iri),
        Object::Literal {
            text,
            lang: None,
            datatype: Some(datatype),
        } => format!("\"{}\"^^{}", escape_literal(text), compact(datatype)),
        other => ntriples::object(other),
    }
}

/// Writes `document` as Turtle.
pub fn write(document: &Document, out: &mut impl Write) -> std::io::Result<()> {
    for (prefix, namespace) in PREFIXES {
        writeln!(out, "@prefix {prefix}: <{namespace}> .")?;
    }
    for (subject, pairs) in rdf::statements(document).subjects {
        writeln!(out)?;
        writeln!(out, "{}", compact(&subject))?;
        let last = pairs.len().saturating_sub(1);
        for (i, (predicate, o)) in pairs.iter().enumerate() {
            let predicate = if predicate == &format!("{}type", rdf::RDF) {
                "a".to_string()
            } else {
                compact(predicate)
            };
            let end = if i == last { " ." } else { " ;" };
            writeln!(out, "    {predicate} {}{end}", object(o))?;
        }
    }
    Ok(())
}
