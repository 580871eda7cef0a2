//! The graph as the records people edit (RON) and programs read (JSON): pretty, sorted,
//! byte-identical to what `ron` and `serde_json` write for the whole document, yet made a
//! batch of records at a time on every core and written as it is made, never held whole.

use std::io::Write;

use serde::Serialize;

use crate::model::Document;

use super::ron_line;

pub(crate) fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .depth_limit(2)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The document as pretty RON: two-space indents, `Some` left implicit, a final newline.
pub fn to_ron(document: &Document) -> String {
    let mut text = ron::ser::to_string_pretty(document, ron_config())
        .expect("documents contain only strings, numbers and enums, which RON can write");
    text.push('\n');
    text
}

/// [`to_ron`] or [`to_json`] (`json`) written to `out` as it is made, never held whole.
pub fn write_records(document: &Document, json: bool, out: &mut dyn Write) -> std::io::Result<()> {
    if json {
        write_json(document, out)?;
    } else {
        write_ron(document, out)?;
    }
    out.write_all(b"\n")
}

/// What `ron`'s pretty printer writes for `document` with [`ron_config`]: below the depth
/// limit each entity and relation is one line, which [`ron_line`] writes as `ron` would
/// (and `ron` itself writes any record of a shape `ron_line` leaves to it).
fn write_ron(document: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    if document.entities.is_empty() || document.relations.is_empty() {
        return ron::Options::default()
            .to_io_writer_pretty(&mut *out, document, ron_config())
            .map_err(std::io::Error::other);
    }
    out.write_all(RON_HEADER.as_bytes())?;
    out.write_all(b"(\n  entities: [\n")?;
    in_batches(&document.entities, out, ron_lines)?;
    out.write_all(b"  ],\n  relations: [\n")?;
    in_batches(&document.relations, out, ron_lines)?;
    out.write_all(b"  ],\n)")
}

/// What `ron` writes first for [`ron_config`]'s extensions, the whole file's or one line's.
const RON_HEADER: &str = "#![enable(implicit_some)]\n";

/// `items` as lines of a list two levels deep: indented, each followed by a comma.
fn ron_lines<T: Serialize>(_: usize, items: &[T]) -> std::io::Result<Vec<u8>> {
    let mut text = String::new();
    for item in items {
        text.push_str("    ");
        if ron_line::write(item, &mut text).is_err() {
            let line = ron::ser::to_string_pretty(item, ron_config().depth_limit(0))
                .map_err(std::io::Error::other)?;
            text.push_str(line.strip_prefix(RON_HEADER).unwrap_or(&line));
        }
        text.push_str(",\n");
    }
    Ok(text.into_bytes())
}

/// What `serde_json`'s pretty printer writes for `document`: each entity and relation is
/// written on its own and indented two levels. A JSON string holds no raw line break, so
/// every line break of a record's text starts a line that takes the indent.
fn write_json(document: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    if document.entities.is_empty() || document.relations.is_empty() {
        return serde_json::to_writer_pretty(&mut *out, document).map_err(std::io::Error::other);
    }
    out.write_all(b"{\n  \"entities\": [\n")?;
    in_batches(&document.entities, out, json_lines)?;
    out.write_all(b"\n  ],\n  \"relations\": [\n")?;
    in_batches(&document.relations, out, json_lines)?;
    out.write_all(b"\n  ]\n}")
}

/// `items`, the first at `index` of their list, as members of a list two levels deep:
/// indented, a comma and line break before all but the list's first.
fn json_lines<T: Serialize>(index: usize, items: &[T]) -> std::io::Result<Vec<u8>> {
    const INDENT: &[u8] = b"    ";
    let mut text = Vec::new();
    let mut item = Vec::new();
    for (i, value) in items.iter().enumerate() {
        if index + i > 0 {
            text.extend_from_slice(b",\n");
        }
        item.clear();
        serde_json::to_writer_pretty(&mut item, value)?;
        for (n, line) in item.split(|&b| b == b'\n').enumerate() {
            if n > 0 {
                text.push(b'\n');
            }
            text.extend_from_slice(INDENT);
            text.extend_from_slice(line);
        }
    }
    Ok(text)
}

/// `write(index, chunk)` for bounded chunks of `items` on every core, written to `out` in
/// order, a bounded batch of chunks at a time.
fn in_batches<T: Sync>(
    items: &[T],
    out: &mut dyn Write,
    write: impl Fn(usize, &[T]) -> std::io::Result<Vec<u8>> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    for (b, batch) in items.chunks(CHUNK * 16).enumerate() {
        let texts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| write(b * CHUNK * 16 + c * CHUNK, chunk))
            .collect();
        for text in texts {
            out.write_all(&text?)?;
        }
    }
    Ok(())
}

/// The document as pretty JSON with a final newline.
pub fn to_json(document: &Document) -> String {
    let mut text = serde_json::to_string_pretty(document)
        .expect("documents contain only strings, numbers and enums, which JSON can write");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both files as written record by record, and as `ron` and `serde_json` write them whole.
    fn both(document: &Document) -> [(String, String); 2] {
        [false, true].map(|json| {
            let mut out = Vec::new();
            write_records(document, json, &mut out).unwrap();
            let whole = if json {
                to_json(document)
            } else {
                to_ron(document)
            };
            (String::from_utf8(out).unwrap(), whole)
        })
    }

    fn assert_same(document: &Document) {
        for (made, whole) in both(document) {
            assert!(
                made == whole,
                "records written one by one differ from the whole"
            );
        }
    }

    #[test]
    fn records_written_one_by_one_are_what_ron_and_json_write_whole() {
        // The committed graph has every entity kind, aliases, notes, dates, spans and
        // extracted evidence in five scripts.
        let graph = crate::graph::committed();
        let document = graph.document();
        assert!(document.entities.len() > 100 && document.relations.len() > 100);
        assert_same(document);
        // And with an empty list on either side (written whole).
        for (entities, relations) in [(true, false), (false, true), (false, false)] {
            let part = Document {
                entities: if entities {
                    document.entities.clone()
                } else {
                    Vec::new()
                },
                relations: if relations {
                    document.relations.clone()
                } else {
                    Vec::new()
                },
            };
            assert_same(&part);
        }
        // More records than one batch.
        let mut many = document.clone();
        while many.relations.len() < 70_000 {
            many.relations.extend_from_slice(&document.relations);
        }
        assert_same(&many);
    }

    #[test]
    fn strings_of_every_kind_of_character_are_escaped_as_ron_and_json_escape_them() {
        // Every character below U+0800 (controls, quotes, backslash, DEL, Latin, combining
        // marks, Greek, Cyrillic, Hebrew, Arabic and its vowel marks), then a stride through
        // the rest of Unicode (format marks, private use, unassigned, astral planes).
        let chars: Vec<char> = (0..0x800)
            .chain((0x800..=0x10FFFF).step_by(37))
            .filter_map(char::from_u32)
            .collect();
        let mut document = crate::graph::committed().document().clone();
        let texts: Vec<String> = chars.chunks(50).map(|c| c.iter().collect()).collect();
        assert!(texts.len() > 500);
        for (entity, text) in document.entities.iter_mut().zip(texts.iter().cycle()) {
            entity.name = text.clone();
            entity.note = Some(format!("{text}'\"\\{text}"));
        }
        for (relation, text) in document
            .relations
            .iter_mut()
            .zip(texts.iter().rev().cycle())
        {
            for evidence in &mut relation.evidence {
                evidence.quote = text.as_str().into();
            }
        }
        assert_same(&document);
    }

    /// Shapes records do not have, line by line as `ron` writes them.
    #[derive(Serialize)]
    struct Shapes {
        nested: Option<Option<u8>>,
        deeper: Option<Option<Option<bool>>>,
        some: Option<Option<i64>>,
        pair: (u8, char, char),
        map: std::collections::BTreeMap<String, Vec<f64>>,
        wrapped: Wrapped,
        unit: (),
        variants: Vec<Variant>,
    }

    #[derive(Serialize)]
    struct Wrapped(String);

    #[derive(Serialize)]
    enum Variant {
        Plain,
        New(u32),
        Tuple(u8, Option<u8>),
        Fields { a: i8, b: Option<Wrapped> },
    }

    #[test]
    fn the_line_writer_writes_every_other_shape_as_ron_does_or_leaves_it_to_ron() {
        let config = ron_config().depth_limit(0);
        let shapes = Shapes {
            nested: Some(None),
            deeper: Some(Some(None)),
            some: Some(Some(-3)),
            pair: (7, '\'', '\\'),
            map: [
                ("a\"b".to_string(), vec![1.5, f64::NAN, -f64::NAN, 1e300]),
                ("c".to_string(), vec![]),
            ]
            .into(),
            wrapped: Wrapped("w".into()),
            unit: (),
            variants: vec![
                Variant::Plain,
                Variant::New(4),
                Variant::Tuple(1, None),
                Variant::Fields {
                    a: -1,
                    b: Some(Wrapped("x".into())),
                },
            ],
        };
        let ron = ron::ser::to_string_pretty(&shapes, config.clone()).unwrap();
        let mut line = String::new();
        ron_line::write(&shapes, &mut line).unwrap();
        assert_eq!(line, ron.strip_prefix(RON_HEADER).unwrap());
        // Bytes and names `ron` spells otherwise are left to it, the output untouched.
        line = "kept".to_string();
        assert!(ron_line::write(&serde_bytes_like(), &mut line).is_err());
        #[derive(Serialize)]
        #[allow(non_camel_case_types)]
        enum Word {
            r#true,
        }
        assert!(ron_line::write(&vec![Word::r#true], &mut line).is_err());
        assert_eq!(line, "kept");
    }

    /// A value serde writes as bytes.
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"ab")
            }
        }
        (1u8, Bytes)
    }
}
