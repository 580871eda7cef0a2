//! N-Triples: one statement a line, full IRIs, from the statements of [`super::rdf`].

use std::io::Write;

use super::rdf::{self, Object, escape_literal};
use crate::model::Document;

/// One object as N-Triples (and Turtle) write it in full.
pub fn object(object: &Object) -> String {
    match object {
        Object::Iri(iri) => format!("<{iri}>"),
        Object::Literal {
            text,
            lang,
            datatype,
        } => {
            let mut out = format!("\"{}\"", escape_literal(text));
            if let Some(lang) = lang {
                out.push('@');
                out.push_str(lang);
            } else if let Some(datatype) = datatype {
                out.push_str(&format!("^^<{datatype}>"));
            }
            out
        }
    }
}

/// Writes `document` as N-Triples.
pub fn write(document: &Document, out: &mut impl Write) -> std::io::Result<()> {
    for (subject, pairs) in rdf::statements(document).subjects {
        for (predicate, o) in pairs {
            writeln!(out, "<{subject}> <{predicate}> {} .", object(&o))?;
        }
    }
    Ok(())
}
