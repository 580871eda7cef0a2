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

use crate::graph::{Graph, MAX_RELATIONS, NameIndex, NameOrder, RelationSource};
use crate::model::{
    Alias, AreaLevel, Classification, Degrees, Entity, EntityId, EntityKind, Evidence, Kind, Lang,
    Method, PartialDate, Relation, RelationKind, Role, days_in_month,
};

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 16] = b"govgraph-snap\0v2";
/// The file name `build` writes the snapshot under.
pub const FILE_NAME: &str = "graph.snapshot";
/// Bumped whenever the body's layout changes.
pub const SCHEMA: u32 = 3;

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

/// A fast, non-cryptographic 128-bit content hash: four independent lanes over 64-bit
/// words (each step `(lane ^ word) * odd constant`, rotated: a bijection of the lane, so
/// changing any one word always changes the result), then the length and a final mix. For
/// change detection, not for security; several GB/s, so checking a snapshot of hundreds of
/// MB costs milliseconds.
pub fn content_hash(bytes: &[u8]) -> u128 {
    let mut hasher = ContentHasher::default();
    hasher.update(bytes);
    hasher.finish()
}

const K: [u64; 4] = [
    0x9e37_79b9_7f4a_7c15,
    0xc2b2_ae3d_27d4_eb4f,
    0x1656_67b1_9e37_79f9,
    0x27d4_eb2f_1656_67c5,
];

fn step(lane: u64, word: u64, k: u64) -> u64 {
    (lane ^ word).wrapping_mul(k).rotate_left(29)
}

fn word(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("8 bytes"))
}

/// [`content_hash`] of bytes given in pieces (a file as it is written): the same value as
/// the hash of the pieces joined.
#[derive(Clone)]
pub struct ContentHasher {
    lanes: [u64; 4],
    /// Bytes of an unfinished 32-byte block.
    pending: [u8; 32],
    pending_len: usize,
    len: u64,
}

impl Default for ContentHasher {
    fn default() -> Self {
        ContentHasher {
            lanes: [
                0x6c62_272e_07bb_0142,
                0x62b8_2175_6295_c58d,
                0xcbf2_9ce4_8422_2325,
                0x8422_2325_cbf2_9ce4,
            ],
            pending: [0; 32],
            pending_len: 0,
            len: 0,
        }
    }
}

impl ContentHasher {
    fn block(lanes: &mut [u64; 4], block: &[u8]) {
        for (i, lane) in lanes.iter_mut().enumerate() {
            *lane = step(*lane, word(&block[8 * i..8 * i + 8]), K[i]);
        }
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (32 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            Self::block(&mut self.lanes, &block);
            self.pending_len = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            Self::block(&mut self.lanes, block);
        }
        let rest = blocks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    pub fn finish(&self) -> u128 {
        let mut lanes = self.lanes;
        let rest = &self.pending[..self.pending_len];
        let mut words = rest.chunks_exact(8);
        for w in &mut words {
            lanes[0] = step(lanes[0], word(w), K[0]);
        }
        for &byte in words.remainder() {
            lanes[1] = step(lanes[1], u64::from(byte), K[1]);
        }
        lanes[2] = step(lanes[2], self.len, K[2]);
        let mix = |mut x: u64| {
            x ^= x >> 33;
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            x ^ (x >> 33)
        };
        let high = mix(lanes[0] ^ mix(lanes[1]).rotate_left(17));
        let low = mix(lanes[2] ^ mix(lanes[3]).rotate_left(41) ^ high);
        (u128::from(high) << 64) | u128::from(low)
    }
}

/// A writer that passes bytes on and hashes them ([`content_hash`] of all it wrote).
pub struct Hashing<W> {
    pub inner: W,
    pub hasher: ContentHasher,
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `graph` with `stamp`. Deterministic: the same graph and stamp give the same bytes.
pub fn encode(graph: &Graph, stamp: &Stamp) -> Vec<u8> {
    let mut out = Vec::new();
    encode_to(graph, stamp, &mut out).expect("writing to memory cannot fail");
    out
}

/// [`encode`] written to `out`: header, stamp and body, the body made once and not copied.
pub fn encode_to(
    graph: &Graph,
    stamp: &Stamp,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let stamp_bytes = postcard::to_stdvec(stamp).expect("a stamp serializes");
    let body = encode_body(graph);
    let mut checksum = ContentHasher::default();
    checksum.update(&stamp_bytes);
    checksum.update(&body);
    out.write_all(MAGIC)?;
    out.write_all(&(stamp_bytes.len() as u64).to_le_bytes())?;
    out.write_all(&(body.len() as u64).to_le_bytes())?;
    out.write_all(&checksum.finish().to_le_bytes())?;
    out.write_all(&stamp_bytes)?;
    out.write_all(&body)
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

/// The body. Small tables are postcard records; the big per-relation arrays, the string
/// table and the name index are byte blobs of little-endian `u32` words (one copy out of
/// the file, no per-element decoding), so opening a million-relation snapshot is a few
/// memory copies and integer checks.
#[derive(Serialize, Deserialize)]
struct Body<'a> {
    /// Every string once, concatenated; string `i` ends at word `i` of `string_ends`.
    #[serde(borrow)]
    strings: &'a str,
    #[serde(borrow)]
    string_ends: &'a [u8],
    entities: Vec<SEntity>,
    evidence: Vec<SEvidence>,
    /// Per relation: kind tag (one byte), from and to (two words), as_of, start and end
    /// (three packed dates, 0 for none), where its evidence references end (one word).
    #[serde(borrow)]
    relation_kinds: &'a [u8],
    #[serde(borrow)]
    relation_ends: &'a [u8],
    #[serde(borrow)]
    relation_dates: &'a [u8],
    #[serde(borrow)]
    evidence_ends: &'a [u8],
    /// Evidence table indices, relation after relation.
    #[serde(borrow)]
    evidence_refs: &'a [u8],
    #[serde(borrow)]
    names_text: &'a str,
    #[serde(borrow)]
    names_ends: &'a [u8],
    #[serde(borrow)]
    names_entities: &'a [u8],
    /// Entity indices sorted by (name, index).
    #[serde(borrow)]
    by_name: &'a [u8],
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

#[derive(Clone, Serialize, Deserialize)]
struct SEvidence {
    /// Entity index of the source.
    source: u32,
    quote: u32,
    span: Option<(u64, u64)>,
    /// Extracted: rule (string index) and confidence; curated when absent.
    method: Option<(u32, u8)>,
}

fn position<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter()
        .position(|v| v == value)
        .expect("every value is in its ALL list") as u8
}

fn date(d: &Option<PartialDate>) -> Option<Date> {
    d.map(|d| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
}

/// A date as one word: 0 for none, else `year << 16 | month << 8 | day` (0 for an absent
/// month or day). Words order as the dates do.
fn pack(d: &Option<PartialDate>) -> u32 {
    date(d).map_or(0, |(y, m, d)| {
        (u32::from(y) << 16) | (u32::from(m) << 8) | u32::from(d)
    })
}

fn unpack(word: u32) -> Option<Date> {
    (word != 0).then_some(((word >> 16) as u16, (word >> 8) as u8, word as u8))
}

fn put(blob: &mut Vec<u8>, word: u32) {
    blob.extend_from_slice(&word.to_le_bytes());
}

fn blob(words: impl IntoIterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for word in words {
        put(&mut out, word);
    }
    out
}

struct Strings<'g> {
    index: HashMap<&'g str, u32>,
    text: String,
    ends: Vec<u8>,
}

impl<'g> Strings<'g> {
    fn of(&mut self, text: &'g str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.index.len() as u32;
        self.text.push_str(text);
        put(&mut self.ends, self.text.len() as u32);
        self.index.insert(text, i);
        i
    }
}

fn encode_body(graph: &Graph) -> Vec<u8> {
    let entities_in = graph.entities();
    let mut strings = Strings {
        index: HashMap::new(),
        text: String::new(),
        ends: Vec::new(),
    };
    let entities: Vec<SEntity> = entities_in
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
    let document = graph.document();
    let m = document.relations.len();
    let mut evidence_index: HashMap<&Evidence, u32> = HashMap::new();
    let mut evidence = Vec::new();
    let mut kinds = Vec::with_capacity(m);
    let mut ends = Vec::with_capacity(8 * m);
    let mut dates = Vec::with_capacity(12 * m);
    let mut evidence_ends = Vec::with_capacity(4 * m);
    let mut refs = Vec::with_capacity(4 * m);
    let mut ref_count = 0u32;
    for (j, r) in document.relations.iter().enumerate() {
        for e in &r.evidence {
            let i = match evidence_index.get(e) {
                Some(&i) => i,
                None => {
                    let i = evidence.len() as u32;
                    evidence.push(SEvidence {
                        source: graph
                            .index_of(&e.source)
                            .expect("a graph's evidence cites its sources")
                            as u32,
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
            put(&mut refs, i);
            ref_count += 1;
        }
        put(&mut evidence_ends, ref_count);
        kinds.push(position(RelationKind::ALL, &r.kind));
        let (from, to) = graph.relation_ends(j);
        put(&mut ends, from as u32);
        put(&mut ends, to as u32);
        for d in [&r.as_of, &r.start, &r.end] {
            put(&mut dates, pack(d));
        }
    }
    let names = graph.names();
    let body = Body {
        strings: &strings.text,
        string_ends: &strings.ends,
        entities,
        evidence,
        relation_kinds: &kinds,
        relation_ends: &ends,
        relation_dates: &dates,
        evidence_ends: &evidence_ends,
        evidence_refs: &refs,
        names_text: &names.text,
        names_ends: &blob(names.ends.iter().copied()),
        names_entities: &blob(names.entities.iter().copied()),
        by_name: &blob(graph.name_order().by_name.iter().copied()),
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

/// The little-endian words of a blob, or an error when its length is not a whole number
/// of words.
fn words(blob: &[u8], what: &str) -> Result<Vec<u32>, SnapshotError> {
    if !blob.len().is_multiple_of(4) {
        return Err(corrupt(format!(
            "{what}: {} bytes is not whole words",
            blob.len()
        )));
    }
    Ok(blob
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect())
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

/// The string table: checked once (every end rises, within the text, on a character
/// boundary), so every lookup after that is a slice.
struct StringTable {
    text: String,
    ends: Vec<u32>,
}

impl StringTable {
    fn new(text: &str, ends: &[u8]) -> Result<Self, SnapshotError> {
        let ends = words(ends, "string table")?;
        let mut start = 0u32;
        for (i, &end) in ends.iter().enumerate() {
            if end < start || !text.is_char_boundary(end as usize) {
                return Err(corrupt(format!("string {i} is out of bounds")));
            }
            start = end;
        }
        Ok(StringTable {
            text: text.to_string(),
            ends,
        })
    }

    fn get(&self, i: u32) -> Result<&str, SnapshotError> {
        let i = i as usize;
        let end = *self
            .ends
            .get(i)
            .ok_or_else(|| corrupt(format!("string {i} is out of range")))?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Ok(&self.text[start as usize..end as usize])
    }
}

/// A snapshot's relations, decoded one at a time when a question asks for one. Every
/// word was checked when the snapshot was opened.
struct Relations {
    strings: StringTable,
    evidence: Vec<SEvidence>,
    dates: Vec<u32>,
    evidence_ends: Vec<u32>,
    evidence_refs: Vec<u32>,
}

impl RelationSource for Relations {
    fn relation(
        &self,
        j: usize,
        kind: RelationKind,
        (from, to): (usize, usize),
        entities: &[Entity],
    ) -> Relation {
        let date = |k: usize| undate(unpack(self.dates[3 * j + k])).expect("checked on open");
        let first = if j == 0 { 0 } else { self.evidence_ends[j - 1] };
        let evidence = self.evidence_refs[first as usize..self.evidence_ends[j] as usize]
            .iter()
            .map(|&k| {
                let e = &self.evidence[k as usize];
                let text = |i: u32| self.strings.get(i).expect("checked on open").to_string();
                Evidence {
                    source: entities[e.source as usize].id.clone(),
                    quote: text(e.quote),
                    span: e.span.map(|(a, b)| (a as usize, b as usize)),
                    method: match e.method {
                        None => Method::Curated,
                        Some((rule, confidence)) => Method::Extracted {
                            rule: text(rule),
                            confidence,
                        },
                    },
                }
            })
            .collect();
        Relation {
            kind,
            from: entities[from].id.clone(),
            to: entities[to].id.clone(),
            as_of: date(0),
            start: date(1),
            end: date(2),
            evidence,
        }
    }
}

/// The entities, decoded on every core (collected in index order). An alias source or a
/// translation names a source by its id text, which gets its own copy.
fn decode_entities(
    strings: &StringTable,
    records: &[SEntity],
) -> Result<Vec<Entity>, SnapshotError> {
    let text = |i: u32| strings.get(i);
    let id = |i: u32| -> Result<EntityId, SnapshotError> { Ok(EntityId(Arc::from(text(i)?))) };
    let entities: Vec<Entity> = records
        .par_iter()
        .map(|e| {
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
                    translation_of: translation_of.map(id).transpose()?,
                },
            };
            let mut aliases = Vec::with_capacity(e.aliases.len());
            for &(t, lang, source) in &e.aliases {
                aliases.push(Alias {
                    text: text(t)?.to_string(),
                    lang: pick(&Lang::ALL, lang, "language")?,
                    source: source.map(id).transpose()?,
                });
            }
            Ok(Entity {
                id: id(e.id)?,
                name: text(e.name)?.to_string(),
                kind,
                aliases,
                note: e.note.map(|n| text(n).map(str::to_string)).transpose()?,
            })
        })
        .collect::<Result<_, SnapshotError>>()?;
    if let Some(w) = entities
        .par_windows(2)
        .position_first(|w| w[0].id >= w[1].id)
    {
        return Err(corrupt(format!("entity {} is out of order", w + 1)));
    }
    Ok(entities)
}

fn decode_body(body: Body<'_>) -> Result<Graph, SnapshotError> {
    let strings = StringTable::new(body.strings, body.string_ends)?;
    let entities = decode_entities(&strings, &body.entities)?;
    let n = entities.len();
    for (k, e) in body.evidence.iter().enumerate() {
        let source = entities
            .get(e.source as usize)
            .ok_or_else(|| corrupt(format!("evidence {k} names entity {}", e.source)))?;
        if source.kind() != Kind::Source {
            return Err(corrupt(format!("evidence {k} cites `{}`", source.id)));
        }
        strings.get(e.quote)?;
        if let Some((rule, _)) = e.method {
            strings.get(rule)?;
        }
        if let Some((a, b)) = e.span {
            usize::try_from(a).map_err(corrupt)?;
            usize::try_from(b).map_err(corrupt)?;
        }
    }
    let m = body.relation_kinds.len();
    if m > MAX_RELATIONS {
        return Err(corrupt(format!("{m} relations")));
    }
    let kinds = body
        .relation_kinds
        .iter()
        .map(|&k| pick(RelationKind::ALL, k, "relation kind"))
        .collect::<Result<Vec<_>, _>>()?;
    let end_words = words(body.relation_ends, "relation ends")?;
    let dates = words(body.relation_dates, "relation dates")?;
    let evidence_ends = words(body.evidence_ends, "evidence ends")?;
    let evidence_refs = words(body.evidence_refs, "evidence references")?;
    if end_words.len() != 2 * m || dates.len() != 3 * m || evidence_ends.len() != m {
        return Err(corrupt("relation arrays differ in length"));
    }
    let ends: Vec<(u32, u32)> = end_words.chunks_exact(2).map(|w| (w[0], w[1])).collect();
    drop(end_words);
    if let Some(j) = ends
        .iter()
        .position(|&(a, b)| a as usize >= n || b as usize >= n)
    {
        return Err(corrupt(format!("relation {j} names an entity beyond {n}")));
    }
    dates
        .par_iter()
        .try_for_each(|&d| undate(unpack(d)).map(|_| ()))?;
    let mut first = 0u32;
    for (j, &end) in evidence_ends.iter().enumerate() {
        if end < first || end as usize > evidence_refs.len() {
            return Err(corrupt(format!("relation {j}'s evidence is out of bounds")));
        }
        first = end;
    }
    if first as usize != evidence_refs.len() {
        return Err(corrupt("evidence references no relation covers"));
    }
    if let Some(k) = evidence_refs
        .iter()
        .position(|&k| k as usize >= body.evidence.len())
    {
        return Err(corrupt(format!("evidence reference {k} is out of range")));
    }
    // Entity indices order as ids do (entities are strictly sorted), kind tags as kinds and
    // packed words as dates: the integer key orders as the relation key.
    let key = |j: usize| {
        (
            body.relation_kinds[j],
            ends[j],
            (dates[3 * j], dates[3 * j + 1], dates[3 * j + 2]),
        )
    };
    if let Some(j) = (1..m).into_par_iter().find_first(|&j| key(j - 1) > key(j)) {
        return Err(corrupt(format!("relation {j} is out of order")));
    }
    let names = NameIndex::from_parts(
        body.names_text.to_string(),
        words(body.names_ends, "name index")?,
        words(body.names_entities, "name index")?,
        n,
    )
    .map_err(corrupt)?;
    let by_name = words(body.by_name, "name order")?;
    if by_name.len() != n {
        return Err(corrupt("the name order does not list every entity"));
    }
    let mut seen = vec![false; n];
    for &i in &by_name {
        match seen.get_mut(i as usize) {
            Some(slot) if !*slot => *slot = true,
            _ => return Err(corrupt(format!("the name order lists entity {i} wrongly"))),
        }
    }
    drop(seen);
    let name_key = |i: u32| (entities[i as usize].name.as_str(), i);
    if by_name
        .par_windows(2)
        .any(|w| name_key(w[0]) >= name_key(w[1]))
    {
        return Err(corrupt("the name order is out of order"));
    }
    let name_order = NameOrder::from_sorted(&entities, by_name);
    let relations = Relations {
        strings,
        evidence: body.evidence,
        dates,
        evidence_ends,
        evidence_refs,
    };
    Ok(Graph::from_snapshot(
        entities,
        kinds,
        ends,
        names,
        Some(name_order),
        Box::new(relations),
    ))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::load::{InputFile, validate};

    #[test]
    fn content_hash_in_pieces_is_the_hash_of_the_whole() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for len in [0, 1, 7, 8, 31, 32, 33, 100, 1000] {
            let whole = content_hash(&bytes[..len]);
            for cut in [1, 3, 8, 31, 32, 64] {
                let mut hasher = ContentHasher::default();
                for piece in bytes[..len].chunks(cut) {
                    hasher.update(piece);
                }
                assert_eq!(hasher.finish(), whole, "len {len}, pieces of {cut}");
            }
        }
    }

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
