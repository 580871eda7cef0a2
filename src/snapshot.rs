//! The binary snapshot of a built graph: what `build` writes beside `graph.json` so that
//! questions load the graph in a fraction of a second instead of re-reading the records.
//!
//! RON stays the format people edit; the snapshot is the format programs reload, and it is
//! never trusted blindly. Layout (little-endian):
//!
//! ```text
//! magic (16 bytes) | stamp length u64 | body length u64 | checksum u128 | stamp | body
//! ```
//!
//! The checksum ([`content_hash`]) covers stamp and body, so a truncated or altered file is
//! refused before anything is decoded. The [`Stamp`] records the program that wrote the
//! snapshot and the content hash of every input (the data directory's files) and output
//! (`graph.json`, `graph.ron`); callers compare it with what they have and rebuild on any
//! difference. The body is postcard: every string once in a table, entities and relations
//! by integer index, each distinct evidence (source, quote, span, rule) once in a table
//! that relations point into, and the name index as it lives in memory. Decoding checks
//! every index, enum tag, date, order and the name index, so even a file with a valid
//! checksum but foreign contents is an error, never a panic or a wrong graph.
//!
//! Pure: `cmd` reads and writes the files.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::graph::{Graph, NameIndex};
use crate::model::{
    Alias, AreaLevel, Classification, Degrees, Document, Entity, EntityId, EntityKind, Evidence,
    Lang, Method, PartialDate, Relation, RelationKind, Role, days_in_month,
};

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 16] = b"govgraph-snap\0v1";
/// The file name `build` writes the snapshot under.
pub const FILE_NAME: &str = "graph.snapshot";
/// Bumped whenever the body's layout changes.
pub const SCHEMA: u32 = 2;

const HEADER: usize = 16 + 8 + 8 + 16;

/// What a snapshot was made from, and by which program.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The writing program: version, snapshot schema and a hash of its executable.
    pub program: String,
    /// Input file (relative to the data directory) → content hash, sorted by name.
    pub inputs: Vec<(String, u128)>,
    /// Output file name → content hash, sorted by name.
    pub outputs: Vec<(String, u128)>,
}

/// Why bytes are not a snapshot this program can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("not a govgraph snapshot (its first bytes are not the snapshot magic)")]
    Foreign,
    #[error("truncated snapshot: {found} bytes where the header announces {expected}")]
    Truncated { expected: u64, found: u64 },
    #[error("damaged snapshot: its checksum does not match its contents")]
    Checksum,
    #[error("damaged snapshot: {0}")]
    Corrupt(String),
}

/// A fast, non-cryptographic 128-bit content hash (FNV-1a over 64-bit words, then the
/// length): any change of one word changes it. For change detection, not for security.
pub fn content_hash(bytes: &[u8]) -> u128 {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("chunks of 8"));
        hash = (hash ^ u128::from(word)).wrapping_mul(PRIME);
    }
    for &byte in words.remainder() {
        hash = (hash ^ u128::from(byte)).wrapping_mul(PRIME);
    }
    hash = (hash ^ bytes.len() as u128).wrapping_mul(PRIME);
    hash ^ (hash >> 64)
}

/// Writes `graph` with `stamp`. Deterministic: the same graph and stamp give the same bytes.
pub fn encode(graph: &Graph, stamp: &Stamp) -> Vec<u8> {
    let stamp_bytes = postcard::to_stdvec(stamp).expect("a stamp serializes");
    let body = encode_body(graph);
    let mut checked = stamp_bytes;
    let stamp_len = checked.len();
    checked.extend_from_slice(&body);
    let mut out = Vec::with_capacity(HEADER + checked.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(stamp_len as u64).to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&content_hash(&checked).to_le_bytes());
    out.extend_from_slice(&checked);
    out
}

/// True when `bytes` begin with the snapshot magic (they may still be damaged).
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The stamp and body of a checked snapshot.
fn sections(bytes: &[u8]) -> Result<(&[u8], &[u8]), SnapshotError> {
    if !is_snapshot(bytes) {
        return Err(SnapshotError::Foreign);
    }
    if bytes.len() < HEADER {
        return Err(SnapshotError::Truncated {
            expected: HEADER as u64,
            found: bytes.len() as u64,
        });
    }
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let (stamp_len, body_len) = (word(16), word(24));
    let checksum = u128::from_le_bytes(bytes[32..48].try_into().expect("16 bytes"));
    let expected = (HEADER as u64)
        .checked_add(stamp_len)
        .and_then(|n| n.checked_add(body_len))
        .ok_or_else(|| SnapshotError::Corrupt("section lengths overflow".into()))?;
    if expected != bytes.len() as u64 {
        return Err(SnapshotError::Truncated {
            expected,
            found: bytes.len() as u64,
        });
    }
    let checked = &bytes[HEADER..];
    if content_hash(checked) != checksum {
        return Err(SnapshotError::Checksum);
    }
    Ok(checked.split_at(stamp_len as usize))
}

/// A snapshot whose header and checksum were checked and whose stamp was read; its graph
/// is decoded only when asked, so a stale snapshot costs no more than its checksum.
pub struct Opened<'a> {
    pub stamp: Stamp,
    body: &'a [u8],
}

impl Opened<'_> {
    /// The graph; every part is checked.
    pub fn graph(&self) -> Result<Graph, SnapshotError> {
        let body: Body<'_> = postcard::from_bytes(self.body)
            .map_err(|e| SnapshotError::Corrupt(format!("body: {e}")))?;
        decode_body(body)
    }
}

/// Checks a snapshot's header and checksum and reads its stamp.
pub fn open(bytes: &[u8]) -> Result<Opened<'_>, SnapshotError> {
    let (stamp, body) = sections(bytes)?;
    let stamp =
        postcard::from_bytes(stamp).map_err(|e| SnapshotError::Corrupt(format!("stamp: {e}")))?;
    Ok(Opened { stamp, body })
}

/// The stamp and graph of a snapshot; every part is checked.
pub fn decode(bytes: &[u8]) -> Result<(Stamp, Graph), SnapshotError> {
    let opened = open(bytes)?;
    let graph = opened.graph()?;
    Ok((opened.stamp, graph))
}

// ---- the body ----

type Date = (u16, u8, u8);

#[derive(Serialize, Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    strings: Vec<&'a str>,
    entities: Vec<SEntity>,
    evidence: Vec<SEvidence>,
    relations: Vec<SRelation>,
    names_text: &'a str,
    names_ends: Vec<u32>,
    names_entities: Vec<u32>,
}

#[derive(Serialize, Deserialize)]
struct SEntity {
    id: u32,
    name: u32,
    kind: SKind,
    aliases: Vec<(u32, u8, Option<u32>)>,
    note: Option<u32>,
}

#[derive(Serialize, Deserialize)]
enum SKind {
    Person,
    Post(u8),
    Organization(u8),
    WorkingGroup(Option<u32>),
    /// Level, then the gazetteer code, validity and coordinates (`EntityKind::Area`).
    Area(u8, Option<SPlace>),
    Event(Option<Date>),
    Source {
        url: u32,
        lang: u8,
        date: Option<Date>,
        translation_of: Option<u32>,
    },
}

#[derive(Serialize, Deserialize)]
struct SPlace {
    code: Option<u32>,
    valid_from: Option<Date>,
    valid_until: Option<Date>,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct SEvidence {
    source: u32,
    quote: u32,
    span: Option<(u64, u64)>,
    /// Extracted: rule (string index) and confidence; curated when absent.
    method: Option<(u32, u8)>,
}

#[derive(Serialize, Deserialize)]
struct SRelation {
    kind: u8,
    from: u32,
    to: u32,
    as_of: Option<Date>,
    start: Option<Date>,
    end: Option<Date>,
    evidence: Vec<u32>,
}

fn position<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter()
        .position(|v| v == value)
        .expect("every value is in its ALL list") as u8
}

fn date(d: &Option<PartialDate>) -> Option<Date> {
    d.map(|d| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
}

struct Strings<'g> {
    index: HashMap<&'g str, u32>,
    table: Vec<&'g str>,
}

impl<'g> Strings<'g> {
    fn of(&mut self, text: &'g str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.table.len() as u32;
        self.table.push(text);
        self.index.insert(text, i);
        i
    }
}

fn encode_body(graph: &Graph) -> Vec<u8> {
    let document = graph.document();
    let mut strings = Strings {
        index: HashMap::new(),
        table: Vec::new(),
    };
    let entities: Vec<SEntity> = document
        .entities
        .iter()
        .map(|e| SEntity {
            id: strings.of(e.id.as_str()),
            name: strings.of(&e.name),
            kind: match &e.kind {
                EntityKind::Person => SKind::Person,
                EntityKind::Post { role } => SKind::Post(position(Role::ALL, role)),
                EntityKind::Organization { classification } => {
                    SKind::Organization(position(Classification::ALL, classification))
                }
                EntityKind::WorkingGroup { number } => SKind::WorkingGroup(*number),
                EntityKind::Area {
                    level,
                    code,
                    valid_from,
                    valid_until,
                    lat,
                    lon,
                } => SKind::Area(
                    position(AreaLevel::ALL, level),
                    (code.is_some()
                        || lat.is_some()
                        || valid_from.is_some()
                        || valid_until.is_some())
                    .then(|| SPlace {
                        code: code.as_deref().map(|c| strings.of(c)),
                        valid_from: date(valid_from),
                        valid_until: date(valid_until),
                        lat: lat.map(|d| d.0),
                        lon: lon.map(|d| d.0),
                    }),
                ),
                EntityKind::Event { date: d } => SKind::Event(date(d)),
                EntityKind::Source {
                    url,
                    lang,
                    date: d,
                    translation_of,
                } => SKind::Source {
                    url: strings.of(url),
                    lang: position(&Lang::ALL, lang),
                    date: date(d),
                    translation_of: translation_of.as_ref().map(|t| strings.of(t.as_str())),
                },
            },
            aliases: e
                .aliases
                .iter()
                .map(|a| {
                    (
                        strings.of(&a.text),
                        position(&Lang::ALL, &a.lang),
                        a.source.as_ref().map(|s| strings.of(s.as_str())),
                    )
                })
                .collect(),
            note: e.note.as_deref().map(|n| strings.of(n)),
        })
        .collect();
    let mut evidence_index: HashMap<&Evidence, u32> = HashMap::new();
    let mut evidence = Vec::new();
    let mut relations = Vec::with_capacity(document.relations.len());
    for r in &document.relations {
        let mut refs = Vec::with_capacity(r.evidence.len());
        for e in &r.evidence {
            let i = match evidence_index.get(e) {
                Some(&i) => i,
                None => {
                    let i = evidence.len() as u32;
                    evidence.push(SEvidence {
                        source: strings.of(e.source.as_str()),
                        quote: strings.of(&e.quote),
                        span: e.span.map(|(a, b)| (a as u64, b as u64)),
                        method: match &e.method {
                            Method::Curated => None,
                            Method::Extracted { rule, confidence } => {
                                Some((strings.of(rule), *confidence))
                            }
                        },
                    });
                    evidence_index.insert(e, i);
                    i
                }
            };
            refs.push(i);
        }
        let index = |id: &EntityId| {
            graph
                .index_of(id)
                .expect("a graph's relations reference its entities") as u32
        };
        relations.push(SRelation {
            kind: position(RelationKind::ALL, &r.kind),
            from: index(&r.from),
            to: index(&r.to),
            as_of: date(&r.as_of),
            start: date(&r.start),
            end: date(&r.end),
            evidence: refs,
        });
    }
    let names = graph.names();
    let body = Body {
        strings: strings.table,
        entities,
        evidence,
        relations,
        names_text: &names.text,
        names_ends: names.ends.clone(),
        names_entities: names.entities.clone(),
    };
    postcard::to_stdvec(&body).expect("a snapshot body serializes")
}

fn corrupt(what: impl fmt::Display) -> SnapshotError {
    SnapshotError::Corrupt(what.to_string())
}

fn pick<T: Copy>(all: &[T], tag: u8, what: &str) -> Result<T, SnapshotError> {
    all.get(tag as usize)
        .copied()
        .ok_or_else(|| corrupt(format!("unknown {what} {tag}")))
}

/// A date as the parser would accept it (year 1-9999, month 1-12, a day of that month;
/// 0 for an absent month or day), or an error.
fn undate(d: Option<Date>) -> Result<Option<PartialDate>, SnapshotError> {
    let Some((year, month, day)) = d else {
        return Ok(None);
    };
    let valid = (1..=9999).contains(&year)
        && match (month, day) {
            (0, 0) => true,
            (1..=12, 0) => true,
            (1..=12, d) => d <= days_in_month(year, month),
            _ => false,
        };
    if !valid {
        return Err(corrupt(format!("date {year}-{month}-{day}")));
    }
    Ok(Some(PartialDate {
        year,
        month: (month != 0).then_some(month),
        day: (day != 0).then_some(day),
    }))
}

fn decode_body(body: Body<'_>) -> Result<Graph, SnapshotError> {
    let strings = &body.strings;
    let text = |i: u32| -> Result<&str, SnapshotError> {
        strings
            .get(i as usize)
            .copied()
            .ok_or_else(|| corrupt(format!("string {i} is out of range")))
    };
    // One shared id per string, so relation ends and sources share their entity's id.
    let mut ids: Vec<Option<Arc<str>>> = vec![None; strings.len()];
    let mut id = |i: u32| -> Result<EntityId, SnapshotError> {
        let t = text(i)?;
        let slot = &mut ids[i as usize];
        Ok(EntityId(slot.get_or_insert_with(|| Arc::from(t)).clone()))
    };
    let mut entities = Vec::with_capacity(body.entities.len());
    for e in &body.entities {
        let kind = match &e.kind {
            SKind::Person => EntityKind::Person,
            SKind::Post(r) => EntityKind::Post {
                role: pick(Role::ALL, *r, "role")?,
            },
            SKind::Organization(c) => EntityKind::Organization {
                classification: pick(Classification::ALL, *c, "classification")?,
            },
            SKind::WorkingGroup(number) => EntityKind::WorkingGroup { number: *number },
            SKind::Area(l, place) => {
                let level = pick(AreaLevel::ALL, *l, "area level")?;
                match place {
                    None => EntityKind::area(level),
                    Some(p) => EntityKind::Area {
                        level,
                        code: p.code.map(|c| text(c).map(str::to_string)).transpose()?,
                        valid_from: undate(p.valid_from)?,
                        valid_until: undate(p.valid_until)?,
                        lat: p.lat.map(Degrees),
                        lon: p.lon.map(Degrees),
                    },
                }
            }
            SKind::Event(d) => EntityKind::Event { date: undate(*d)? },
            SKind::Source {
                url,
                lang,
                date: d,
                translation_of,
            } => EntityKind::Source {
                url: text(*url)?.to_string(),
                lang: pick(&Lang::ALL, *lang, "language")?,
                date: undate(*d)?,
                translation_of: translation_of.map(&mut id).transpose()?,
            },
        };
        let mut aliases = Vec::with_capacity(e.aliases.len());
        for &(t, lang, source) in &e.aliases {
            aliases.push(Alias {
                text: text(t)?.to_string(),
                lang: pick(&Lang::ALL, lang, "language")?,
                source: source.map(&mut id).transpose()?,
            });
        }
        entities.push(Entity {
            id: id(e.id)?,
            name: text(e.name)?.to_string(),
            kind,
            aliases,
            note: e.note.map(|n| text(n).map(str::to_string)).transpose()?,
        });
    }
    if let Some(w) = entities.windows(2).position(|w| w[0].id >= w[1].id) {
        return Err(corrupt(format!("entity {} is out of order", w + 1)));
    }
    let mut evidence = Vec::with_capacity(body.evidence.len());
    for e in &body.evidence {
        let span = match e.span {
            Some((a, b)) => Some((
                usize::try_from(a).map_err(corrupt)?,
                usize::try_from(b).map_err(corrupt)?,
            )),
            None => None,
        };
        evidence.push(Evidence {
            source: id(e.source)?,
            quote: text(e.quote)?.to_string(),
            span,
            method: match e.method {
                None => Method::Curated,
                Some((rule, confidence)) => Method::Extracted {
                    rule: text(rule)?.to_string(),
                    confidence,
                },
            },
        });
    }
    let n = entities.len();
    // The bulk of the work: one relation per index, independent of the others, so it runs
    // on every core; the result is in index order whatever the thread count.
    let relations: Vec<Relation> = body
        .relations
        .par_iter()
        .enumerate()
        .map(|(j, r)| {
            let end = |i: u32| -> Result<EntityId, SnapshotError> {
                entities
                    .get(i as usize)
                    .map(|e| e.id.clone())
                    .ok_or_else(|| corrupt(format!("relation {j} names entity {i} of {n}")))
            };
            let mut found = Vec::with_capacity(r.evidence.len());
            for &k in &r.evidence {
                let e = evidence
                    .get(k as usize)
                    .ok_or_else(|| corrupt(format!("relation {j} names evidence {k}")))?;
                found.push(e.clone());
            }
            Ok(Relation {
                kind: pick(RelationKind::ALL, r.kind, "relation kind")?,
                from: end(r.from)?,
                to: end(r.to)?,
                as_of: undate(r.as_of)?,
                start: undate(r.start)?,
                end: undate(r.end)?,
                evidence: found,
            })
        })
        .collect::<Result<_, SnapshotError>>()?;
    // Entity indices order as ids do (entities are strictly sorted), kind tags as kinds and
    // (year, month or 0, day or 0) as dates: the integer key orders as the relation key.
    let key = |r: &SRelation| (r.kind, r.from, r.to, r.as_of, r.start, r.end);
    if let Some(w) = body
        .relations
        .windows(2)
        .position(|w| key(&w[0]) > key(&w[1]))
    {
        return Err(corrupt(format!("relation {} is out of order", w + 1)));
    }
    let names = NameIndex::from_parts(
        body.names_text.to_string(),
        body.names_ends,
        body.names_entities,
        n,
    )
    .map_err(corrupt)?;
    let ends: Vec<(u32, u32)> = body.relations.iter().map(|r| (r.from, r.to)).collect();
    Ok(Graph::from_sorted(
        Document {
            entities,
            relations,
        },
        names,
        &ends,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{InputFile, validate};

    fn graph() -> Graph {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/graph.ron"),
        )
        .expect("the committed graph");
        let files = [InputFile {
            path: "graph.ron".into(),
            text,
        }];
        Graph::new(validate(&files, &[]).expect("valid").document).expect("consistent")
    }

    fn stamp() -> Stamp {
        Stamp {
            program: "test".into(),
            inputs: vec![("records/a.ron".into(), 7)],
            outputs: vec![("graph.json".into(), 9)],
        }
    }

    #[test]
    fn a_snapshot_round_trips_to_the_same_graph_and_stamp() {
        let graph = graph();
        let bytes = encode(&graph, &stamp());
        let (read, again) = decode(&bytes).expect("decodes");
        assert_eq!(read, stamp());
        assert_eq!(again.document(), graph.document());
        assert_eq!(again.names(), graph.names());
        assert_eq!(encode(&again, &stamp()), bytes, "encoding is deterministic");
        // Relation ends share their entity's id text.
        let r = &again.document().relations[0];
        let from = again.entity(&r.from).unwrap();
        assert!(from.id.shares(&r.from));
    }

    #[test]
    fn foreign_truncated_and_altered_bytes_are_refused() {
        let bytes = encode(&graph(), &stamp());
        assert_eq!(
            decode(b"(entities: [])").err(),
            Some(SnapshotError::Foreign)
        );
        for len in [0, 10, HEADER - 1, HEADER, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                decode(&bytes[..len]).is_err(),
                "a snapshot cut at {len} bytes was accepted"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            decode(&longer),
            Err(SnapshotError::Truncated { .. })
        ));
        // Flip bytes all over the file (a cheap deterministic fuzz): never a panic, never
        // accepted.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut altered = bytes.clone();
            let at = (seed as usize) % altered.len();
            altered[at] ^= 1 << (seed >> 61);
            assert!(
                decode(&altered).is_err(),
                "a snapshot with byte {at} altered"
            );
        }
    }

    #[test]
    fn a_body_with_a_valid_checksum_but_bad_contents_is_an_error() {
        // Re-seal altered bodies with a fresh checksum: the decoder's own checks must catch
        // what the checksum no longer does.
        let bytes = encode(&graph(), &stamp());
        let stamp_len = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut refused = 0;
        for _ in 0..300 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut altered = bytes.clone();
            let at = HEADER + stamp_len + (seed as usize) % (bytes.len() - HEADER - stamp_len);
            altered[at] = (seed >> 56) as u8;
            let checksum = content_hash(&altered[HEADER..]);
            altered[32..48].copy_from_slice(&checksum.to_le_bytes());
            match decode(&altered) {
                Err(_) => refused += 1,
                // A change that still decodes must decode to a graph that is internally
                // consistent: every relation end is an entity.
                Ok((_, g)) => {
                    for r in &g.document().relations {
                        assert!(g.entity(&r.from).is_some() && g.entity(&r.to).is_some());
                    }
                }
            }
        }
        assert!(refused > 0, "no altered body was refused");
    }

    #[test]
    fn the_content_hash_sees_every_byte_and_the_length() {
        let a = content_hash(b"records/a.ron: one");
        assert_ne!(a, content_hash(b"records/a.ron: onf"));
        assert_ne!(content_hash(b""), content_hash(b"\0"));
        assert_ne!(content_hash(b"12345678"), content_hash(b"123456789"));
        assert_eq!(a, content_hash(b"records/a.ron: one"));
    }
}
