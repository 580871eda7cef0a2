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

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::graph::{Adjacency, Graph, MAX_RELATIONS, NameIndex, NameOrder};
use crate::model::{
    Alias, AreaLevel, Classification, Degrees, Entity, EntityId, EntityKind, Evidence, FastMap,
    Kind, Lang, Method, PartialDate, Relation, RelationKind, Role, days_in_month,
};
use crate::pages::huge_vec;

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 16] = b"govgraph-snap\0v3";
/// The file name `build` writes the snapshot under.
pub const FILE_NAME: &str = "graph.snapshot";
/// Bumped whenever the body's layout changes.
pub const SCHEMA: u32 = 4;

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
    Encoded::of(graph).write_to(stamp, out)
}

/// The encoded graph, before the stamp that says what it was built from: made while the
/// files the stamp names are still being written (`build` does both at once).
pub struct Encoded(Vec<u8>);

impl Encoded {
    pub fn of(graph: &Graph) -> Encoded {
        Encoded(encode_body(graph))
    }

    /// The whole snapshot: header, `stamp` and this body.
    pub fn write_to(&self, stamp: &Stamp, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let stamp_bytes = postcard::to_stdvec(stamp).expect("a stamp serializes");
        let body = &self.0;
        let mut checksum = ContentHasher::default();
        checksum.update(&stamp_bytes);
        checksum.update(body);
        out.write_all(MAGIC)?;
        out.write_all(&(stamp_bytes.len() as u64).to_le_bytes())?;
        out.write_all(&(body.len() as u64).to_le_bytes())?;
        out.write_all(&checksum.finish().to_le_bytes())?;
        out.write_all(&stamp_bytes)?;
        out.write_all(body)
    }
}

/// True when `bytes` begin with the snapshot magic (they may still be damaged).
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The stamp and body of a snapshot whose header and lengths were checked, and the
/// checksum it records (checked by the caller).
fn sections(bytes: &[u8]) -> Result<(&[u8], &[u8], u128), SnapshotError> {
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
    let (stamp, body) = bytes[HEADER..].split_at(stamp_len as usize);
    Ok((stamp, body, checksum))
}

/// The bytes a snapshot is opened from: read into memory, or a file the caller mapped (and
/// keeps unchanged while the graph opened from it lives).
pub enum Bytes {
    Owned(Vec<u8>),
    Mapped(Box<dyn std::ops::Deref<Target = [u8]> + Send + Sync>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(bytes) => bytes,
            Bytes::Mapped(bytes) => bytes,
        }
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes::Owned(bytes)
    }
}

/// A snapshot whose header was checked and whose stamp was read; its graph is opened
/// only when asked, so a stale snapshot costs no more than its header. The checksum is
/// checked with the graph (on another core than the body's checks) or by
/// [`Opened::intact`]: a stamp is trusted only to say that a snapshot is stale.
pub struct Opened {
    pub stamp: Stamp,
    bytes: Bytes,
    /// Where the body starts in `bytes`.
    body: usize,
    checksum: u128,
}

impl Opened {
    /// Checks the checksum alone: whether the stamp read is the one written.
    pub fn intact(&self) -> Result<(), SnapshotError> {
        intact(&self.bytes, self.checksum)
    }

    /// The graph, opened lazily: every index, tag, date and order that a question relies
    /// on is checked now, with integer comparisons and no allocation per entity; names
    /// and entities are decoded when something asks for them.
    pub fn graph(self) -> Result<Graph, SnapshotError> {
        open_body(self.bytes, self.body, self.checksum)
    }
}

/// Checks a snapshot's header and reads its stamp. Takes the file's bytes: the graph
/// opened from them keeps them and reads its strings and tables in place.
pub fn open(bytes: impl Into<Bytes>) -> Result<Opened, SnapshotError> {
    let bytes = bytes.into();
    let (stamp, body, checksum) = sections(&bytes)?;
    let stamp = postcard::from_bytes(stamp).map_err(|e| {
        // A stamp that does not decode is damage when the checksum says so.
        intact(&bytes, checksum)
            .err()
            .unwrap_or_else(|| SnapshotError::Corrupt(format!("stamp: {e}")))
    })?;
    let body = bytes.len() - body.len();
    Ok(Opened {
        stamp,
        bytes,
        body,
        checksum,
    })
}

/// Whether a whole snapshot's `bytes` have the checksum its header records.
fn intact(bytes: &[u8], checksum: u128) -> Result<(), SnapshotError> {
    if content_hash(&bytes[HEADER..]) == checksum {
        Ok(())
    } else {
        Err(SnapshotError::Checksum)
    }
}

/// The stamp and graph of a snapshot, every part checked now, including what
/// [`Opened::graph`] leaves for later (the name index and the name order).
pub fn decode(bytes: &[u8]) -> Result<(Stamp, Graph), SnapshotError> {
    let opened = open(bytes.to_vec())?;
    let stamp = opened.stamp.clone();
    let graph = opened.graph()?;
    graph.check_lazy_parts().map_err(corrupt)?;
    Ok((stamp, graph))
}

// ---- the body ----

type Date = (u16, u8, u8);

/// The body. Small tables are postcard records; the big per-entity and per-relation
/// arrays, the string table and the name index are byte blobs of little-endian `u32`
/// words (or single bytes), read in place: opening a million-entity snapshot checks them
/// with integer comparisons and decodes an entity only when a question asks for it.
#[derive(Serialize, Deserialize)]
struct Body<'a> {
    /// Every string once, concatenated (UTF-8); string `i` ends at word `i` of
    /// `string_ends`.
    #[serde(borrow)]
    strings: &'a [u8],
    #[serde(borrow)]
    string_ends: &'a [u8],
    /// Per entity, in id order: the string index of its id and of its name (words), its
    /// kind tag and one argument byte (role, classification or area level; else 0).
    #[serde(borrow)]
    entity_ids: &'a [u8],
    #[serde(borrow)]
    entity_names: &'a [u8],
    #[serde(borrow)]
    entity_kinds: &'a [u8],
    /// What the columns above do not hold, for the few entities that have more: sorted
    /// by entity index.
    details: Vec<SDetail>,
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
    names_text: &'a [u8],
    #[serde(borrow)]
    names_ends: &'a [u8],
    #[serde(borrow)]
    names_entities: &'a [u8],
    /// Entity indices sorted by (name, index).
    #[serde(borrow)]
    by_name: &'a [u8],
}

/// An entity's data beyond its id, name, kind tag and argument byte.
#[derive(Serialize, Deserialize)]
struct SDetail {
    entity: u32,
    extra: Option<SExtra>,
    aliases: Vec<(u32, u8, Option<u32>)>,
    note: Option<u32>,
}

/// The data of a kind that one byte does not hold.
#[derive(Serialize, Deserialize)]
enum SExtra {
    /// A working group's number.
    Number(u32),
    /// An area's gazetteer code, validity and coordinates (`EntityKind::Area`).
    Place(SPlace),
    /// An event's date.
    Date(Date),
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

/// Word `i` of a blob of little-endian words.
fn word_at(blob: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(blob[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

struct Strings<'g> {
    index: FastMap<&'g str, u32>,
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

/// An entity's kind tag and argument byte, and the data they do not hold.
fn encode_kind<'g>(kind: &'g EntityKind, strings: &mut Strings<'g>) -> ([u8; 2], Option<SExtra>) {
    let tag = position(&Kind::ALL, &kind.tag());
    match kind {
        EntityKind::Person => ([tag, 0], None),
        EntityKind::Post { role } => ([tag, position(Role::ALL, role)], None),
        EntityKind::Organization { classification } => {
            ([tag, position(Classification::ALL, classification)], None)
        }
        EntityKind::WorkingGroup { number } => ([tag, 0], number.map(SExtra::Number)),
        EntityKind::Area {
            level,
            code,
            valid_from,
            valid_until,
            lat,
            lon,
        } => (
            [tag, position(AreaLevel::ALL, level)],
            (code.is_some()
                || lat.is_some()
                || lon.is_some()
                || valid_from.is_some()
                || valid_until.is_some())
            .then(|| {
                SExtra::Place(SPlace {
                    code: code.as_deref().map(|c| strings.of(c)),
                    valid_from: date(valid_from),
                    valid_until: date(valid_until),
                    lat: lat.map(|d| d.0),
                    lon: lon.map(|d| d.0),
                })
            }),
        ),
        EntityKind::Event { date: d } => ([tag, 0], date(d).map(SExtra::Date)),
        EntityKind::Source {
            url,
            lang,
            date: d,
            translation_of,
        } => (
            [tag, 0],
            Some(SExtra::Source {
                url: strings.of(url),
                lang: position(&Lang::ALL, lang),
                date: date(d),
                translation_of: translation_of.as_ref().map(|t| strings.of(t.as_str())),
            }),
        ),
    }
}

fn encode_body(graph: &Graph) -> Vec<u8> {
    let entities_in = graph.entities();
    let mut strings = Strings {
        index: FastMap::default(),
        text: String::new(),
        ends: Vec::new(),
    };
    let n = entities_in.len();
    let (mut ids, mut names, mut kinds_out) = (
        Vec::with_capacity(4 * n),
        Vec::with_capacity(4 * n),
        Vec::with_capacity(2 * n),
    );
    let mut details = Vec::new();
    // Names first, in name order: what reads names in that order (the name order's check,
    // member tables sorted by name) then walks the string table front to back.
    for &i in &graph.name_order().by_name {
        strings.of(&entities_in[i as usize].name);
    }
    for (i, e) in entities_in.iter().enumerate() {
        put(&mut ids, strings.of(e.id.as_str()));
        put(&mut names, strings.of(&e.name));
        let (bytes, extra) = encode_kind(&e.kind, &mut strings);
        kinds_out.extend_from_slice(&bytes);
        if extra.is_some() || !e.aliases.is_empty() || e.note.is_some() {
            details.push(SDetail {
                entity: i as u32,
                extra,
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
            });
        }
    }
    let document = graph.document();
    let m = document.relations.len();
    let mut evidence_index: FastMap<&Evidence, u32> = FastMap::default();
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
    let names_index = graph.names();
    let body = Body {
        strings: strings.text.as_bytes(),
        string_ends: &strings.ends,
        entity_ids: &ids,
        entity_names: &names,
        entity_kinds: &kinds_out,
        details,
        evidence,
        relation_kinds: &kinds,
        relation_ends: &ends,
        relation_dates: &dates,
        evidence_ends: &evidence_ends,
        evidence_refs: &refs,
        names_text: names_index.text.as_bytes(),
        names_ends: &blob(names_index.ends.iter().copied()),
        names_entities: &blob(names_index.entities.iter().copied()),
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

/// The number of little-endian words in a blob, or an error when its length is not a
/// whole number of words.
fn word_count(blob: &[u8], what: &str) -> Result<usize, SnapshotError> {
    if !blob.len().is_multiple_of(4) {
        return Err(corrupt(format!(
            "{what}: {} bytes is not whole words",
            blob.len()
        )));
    }
    Ok(blob.len() / 4)
}

/// The words of a blob, copied out.
fn words(blob: &[u8], what: &str) -> Result<Vec<u32>, String> {
    word_count(blob, what).map_err(|e| e.to_string())?;
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

/// The string table seen in place: text checked as UTF-8 and every end checked (rising,
/// within the text, on a character boundary) once, so every string between two ends is
/// UTF-8 and a lookup is a slice (its UTF-8 check a few instructions for a name).
#[derive(Clone, Copy)]
struct StringTable<'a> {
    text: &'a [u8],
    ends: &'a [u8],
}

impl<'a> StringTable<'a> {
    /// Checks that the ends are whole words, ascending, and each within the text where a
    /// character starts (the text's UTF-8 is checked by the caller).
    fn check_ends(&self) -> Result<(), SnapshotError> {
        let count = word_count(self.ends, "string table")?;
        let text = self.text;
        let mut start = 0;
        for i in 0..count {
            let end = word_at(self.ends, i) as usize;
            if end < start || end > text.len() || (end < text.len() && (text[end] as i8) < -0x40) {
                return Err(corrupt(format!("string {i} is out of bounds")));
            }
            start = end;
        }
        Ok(())
    }

    fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// String `i` (below [`StringTable::len`]).
    fn at(&self, i: u32) -> &'a str {
        std::str::from_utf8(self.bytes_at(i)).expect("a string between checked ends is UTF-8")
    }

    /// The bytes of string `i` (below [`StringTable::len`]): UTF-8, and ordered as the
    /// strings are, without their UTF-8 check.
    fn bytes_at(&self, i: u32) -> &'a [u8] {
        let i = i as usize;
        let start = if i == 0 { 0 } else { word_at(self.ends, i - 1) };
        &self.text[start as usize..word_at(self.ends, i) as usize]
    }

    fn check(&self, i: u32) -> Result<(), SnapshotError> {
        if (i as usize) < self.len() {
            Ok(())
        } else {
            Err(corrupt(format!("string {i} is out of range")))
        }
    }
}

/// How many entities are decoded together when one is asked for by reference.
const CHUNK: usize = 32;

/// A graph's entities and relation details as a snapshot holds them: the file's bytes,
/// with ranges for the tables read in place, all checked on open
/// ([`Opened::graph`]), so every accessor here is infallible. Entities are decoded when
/// asked for: one at a time ([`Lazy::decode_entity`]), a chunk at a time by reference
/// ([`Lazy::entity_at`]), or all at once ([`Lazy::entities`], for exports).
pub(crate) struct Lazy {
    bytes: Bytes,
    places: Places,
    details: Vec<SDetail>,
    evidence: Vec<SEvidence>,
    chunks: Vec<OnceLock<Box<[Entity]>>>,
    all: OnceLock<Vec<Entity>>,
}

/// Where the tables read in place are, in a snapshot's bytes.
struct Places {
    /// The string table's text (checked UTF-8 on open).
    text: Range<usize>,
    string_ends: Range<usize>,
    ids: Range<usize>,
    names: Range<usize>,
    kinds: Range<usize>,
    dates: Range<usize>,
    evidence_ends: Range<usize>,
    evidence_refs: Range<usize>,
    names_text: Range<usize>,
    names_ends: Range<usize>,
    names_entities: Range<usize>,
}

impl Lazy {
    fn strings(&self) -> StringTable<'_> {
        StringTable {
            text: &self.bytes[self.places.text.clone()],
            ends: &self.bytes[self.places.string_ends.clone()],
        }
    }

    fn column(&self, range: &Range<usize>, i: usize) -> u32 {
        word_at(&self.bytes[range.clone()], i)
    }

    /// The number of entities.
    pub(crate) fn len(&self) -> usize {
        self.places.ids.len() / 4
    }

    pub(crate) fn id(&self, i: usize) -> &str {
        self.strings().at(self.column(&self.places.ids, i))
    }

    pub(crate) fn name(&self, i: usize) -> &str {
        self.strings().at(self.column(&self.places.names, i))
    }

    /// The string index of entity `i`'s name: equal names, equal indices.
    pub(crate) fn name_string(&self, i: usize) -> u32 {
        self.column(&self.places.names, i)
    }

    /// The bytes of string `s` (UTF-8; below the string count, as every name's index is),
    /// without their UTF-8 check.
    pub(crate) fn string_bytes(&self, s: u32) -> &[u8] {
        self.strings().bytes_at(s)
    }

    fn kind_bytes(&self, i: usize) -> (u8, u8) {
        let at = self.places.kinds.start + 2 * i;
        (self.bytes[at], self.bytes[at + 1])
    }

    pub(crate) fn kind(&self, i: usize) -> Kind {
        Kind::ALL[self.kind_bytes(i).0 as usize]
    }

    pub(crate) fn role(&self, i: usize) -> Option<Role> {
        match self.kind_bytes(i) {
            (tag, arg) if Kind::ALL[tag as usize] == Kind::Post => Some(Role::ALL[arg as usize]),
            _ => None,
        }
    }

    fn detail(&self, i: usize) -> Option<&SDetail> {
        self.details
            .binary_search_by_key(&(i as u32), |d| d.entity)
            .ok()
            .map(|k| &self.details[k])
    }

    /// Entity `i` (below [`Lazy::len`]), decoded now.
    pub(crate) fn decode_entity(&self, i: usize) -> Entity {
        let strings = self.strings();
        let text = |s: u32| strings.at(s).to_string();
        let id = |s: u32| EntityId(Arc::from(strings.at(s)));
        let date = |d: Option<Date>| undate(d).expect("checked on open");
        let detail = self.detail(i);
        let extra = detail.and_then(|d| d.extra.as_ref());
        let (tag, arg) = self.kind_bytes(i);
        let kind = match (Kind::ALL[tag as usize], extra) {
            (Kind::Person, _) => EntityKind::Person,
            (Kind::Post, _) => EntityKind::Post {
                role: Role::ALL[arg as usize],
            },
            (Kind::Organization, _) => EntityKind::Organization {
                classification: Classification::ALL[arg as usize],
            },
            (Kind::WorkingGroup, extra) => EntityKind::WorkingGroup {
                number: match extra {
                    Some(SExtra::Number(n)) => Some(*n),
                    _ => None,
                },
            },
            (Kind::Area, Some(SExtra::Place(p))) => EntityKind::Area {
                level: AreaLevel::ALL[arg as usize],
                code: p.code.map(text),
                valid_from: date(p.valid_from),
                valid_until: date(p.valid_until),
                lat: p.lat.map(Degrees),
                lon: p.lon.map(Degrees),
            },
            (Kind::Area, _) => EntityKind::area(AreaLevel::ALL[arg as usize]),
            (Kind::Event, extra) => EntityKind::Event {
                date: match extra {
                    Some(SExtra::Date(d)) => date(Some(*d)),
                    _ => None,
                },
            },
            (
                Kind::Source,
                Some(SExtra::Source {
                    url,
                    lang,
                    date: d,
                    translation_of,
                }),
            ) => EntityKind::Source {
                url: text(*url),
                lang: Lang::ALL[*lang as usize],
                date: date(*d),
                translation_of: translation_of.map(id),
            },
            (Kind::Source, _) => unreachable!("every source has its details (checked on open)"),
        };
        Entity {
            id: id(self.column(&self.places.ids, i)),
            name: text(self.column(&self.places.names, i)),
            kind,
            aliases: detail.map_or_else(Vec::new, |d| {
                d.aliases
                    .iter()
                    .map(|&(t, lang, source)| Alias {
                        text: text(t),
                        lang: Lang::ALL[lang as usize],
                        source: source.map(id),
                    })
                    .collect()
            }),
            note: detail.and_then(|d| d.note).map(text),
        }
    }

    /// Entity `i` by reference: from the whole list when it was decoded, else from its
    /// chunk (decoded the first time one of its entities is asked for).
    pub(crate) fn entity_at(&self, i: usize) -> &Entity {
        if let Some(all) = self.all.get() {
            return &all[i];
        }
        let chunk = self.chunks[i / CHUNK].get_or_init(|| {
            let first = i / CHUNK * CHUNK;
            (first..(first + CHUNK).min(self.len()))
                .map(|k| self.decode_entity(k))
                .collect()
        });
        &chunk[i % CHUNK]
    }

    /// Every entity, decoded on every core the first time it is asked.
    pub(crate) fn entities(&self) -> &[Entity] {
        self.all.get_or_init(|| {
            (0..self.len())
                .into_par_iter()
                .map(|i| self.decode_entity(i))
                .collect()
        })
    }

    pub(crate) fn is_decoded(&self) -> bool {
        self.all.get().is_some()
    }

    /// Relation `j` of `kind` between entities `(from, to)`; `id` gives entity `i`'s id
    /// (shared with the graph's copy).
    pub(crate) fn relation(
        &self,
        j: usize,
        kind: RelationKind,
        (from, to): (usize, usize),
        id: &dyn Fn(usize) -> EntityId,
    ) -> Relation {
        let strings = self.strings();
        let date = |k: usize| {
            undate(unpack(self.column(&self.places.dates, 3 * j + k))).expect("checked on open")
        };
        let first = if j == 0 {
            0
        } else {
            self.column(&self.places.evidence_ends, j - 1)
        };
        let last = self.column(&self.places.evidence_ends, j);
        let evidence = (first..last)
            .map(|r| {
                let e =
                    &self.evidence[self.column(&self.places.evidence_refs, r as usize) as usize];
                Evidence {
                    source: id(e.source as usize),
                    quote: strings.at(e.quote).into(),
                    span: e.span.map(|(a, b)| (a as usize, b as usize)),
                    method: match e.method {
                        None => Method::Curated,
                        Some((rule, confidence)) => Method::Extracted {
                            rule: strings.at(rule).to_string(),
                            confidence,
                        },
                    },
                }
            })
            .collect();
        Relation {
            kind,
            from: id(from),
            to: id(to),
            as_of: date(0),
            start: date(1),
            end: date(2),
            evidence,
        }
    }

    /// The stored name index, checked (copied out of the file).
    pub(crate) fn name_index(&self) -> Result<NameIndex, String> {
        let text = std::str::from_utf8(&self.bytes[self.places.names_text.clone()])
            .map_err(|_| "the name index is not UTF-8".to_string())?;
        NameIndex::from_parts(
            text.to_string(),
            words(&self.bytes[self.places.names_ends.clone()], "name index")?,
            words(
                &self.bytes[self.places.names_entities.clone()],
                "name index",
            )?,
            self.len(),
        )
    }

    /// The name order, from the string indices of the names: the encoder stores the
    /// names first, in name order, each once, so when strings `0..k` (`k` one past the
    /// highest name index) are strictly ascending, ordering entities by the index of their
    /// name orders them by name. That is checked here (one pass over those strings, front
    /// to back) and the order made by a counting sort: no string is compared out of order.
    /// An error when the strings are not so stored (a foreign file): the caller sorts.
    pub(crate) fn name_order(&self) -> Result<NameOrder, String> {
        let names = words(&self.bytes[self.places.names.clone()], "entity names")?;
        let k = names.iter().max().map_or(0, |&m| m as usize + 1);
        let strings = self.strings();
        if k > strings.len() {
            return Err("a name is beyond the string table".into());
        }
        if (1..k)
            .into_par_iter()
            .any(|s| strings.bytes_at(s as u32 - 1) >= strings.bytes_at(s as u32))
        {
            return Err("the names are not stored in name order".into());
        }
        let mut starts = vec![0u32; k + 1];
        for &s in &names {
            starts[s as usize + 1] += 1;
        }
        for s in 0..k {
            starts[s + 1] += starts[s];
        }
        let mut by_name = vec![0u32; names.len()];
        let mut position = vec![0u32; names.len()];
        for (i, &s) in names.iter().enumerate() {
            let p = starts[s as usize];
            starts[s as usize] += 1;
            by_name[p as usize] = i as u32;
            position[i] = p;
        }
        Ok(NameOrder {
            by_name,
            position,
            rank: names,
        })
    }
}

/// Opens a snapshot body: checks every table that questions read (string table, entity
/// columns and details, evidence, relation arrays and their order), copies the relation
/// kinds and ends into the graph's compressed rows, and keeps the rest in place. The
/// name index and name order are checked when first used (or by [`decode`]).
///
/// Two chains of independent work run at once, one on a thread of its own: the relation
/// kinds and ends decoded, their compressed rows built and the string table's UTF-8
/// checked there; the checksum, the entity checks and the relation dates, order and
/// evidence here. Neither trusts the other (each bounds-checks what it reads), and
/// errors are reported in a fixed order (checksum first), so a damaged file gives the
/// same error every time.
fn open_body(bytes: Bytes, at: usize, checksum: u128) -> Result<Graph, SnapshotError> {
    let (checked, whole) = {
        let bytes = &bytes[..];
        let whole = || intact(bytes, checksum);
        match postcard::from_bytes::<Body<'_>>(&bytes[at..]) {
            Ok(body) => check_body(bytes, body, whole),
            Err(e) => (Err(corrupt(format!("body: {e}"))), whole()),
        }
    };
    whole?;
    let Checked {
        places,
        details,
        evidence,
        kinds,
        ends,
        adjacency,
    } = checked?;
    let n = places.ids.len() / 4;
    let lazy = Lazy {
        bytes,
        places,
        details,
        evidence,
        chunks: (0..n.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect(),
        all: OnceLock::new(),
    };
    Ok(Graph::from_snapshot(lazy, kinds, ends, adjacency))
}

/// What [`check_body`] found: where the tables are, the decoded small tables and the
/// relation arrays the graph keeps.
struct Checked {
    places: Places,
    details: Vec<SDetail>,
    evidence: Vec<SEvidence>,
    kinds: Vec<RelationKind>,
    ends: Vec<(u32, u32)>,
    adjacency: Adjacency,
}

/// The checks of [`open_body`], and what `intact` (the checksum, run alongside) found.
fn check_body(
    bytes: &[u8],
    body: Body<'_>,
    intact: impl FnOnce() -> Result<(), SnapshotError>,
) -> (Result<Checked, SnapshotError>, Result<(), SnapshotError>) {
    let lengths = check_lengths(&body);
    let (n, m) = match lengths {
        Ok(counts) => counts,
        Err(err) => return (Err(err), intact()),
    };
    let strings = StringTable {
        text: body.strings,
        ends: body.string_ends,
    };
    // The string ends first: the entity checks read strings between them.
    if let Err(err) = strings.check_ends() {
        return (Err(err), intact());
    }
    let (side, here, intact) = std::thread::scope(|scope| {
        let side = scope.spawn(|| {
            let relations = relation_rows(&body, n, m);
            let text = std::str::from_utf8(body.strings)
                .map(|_| ())
                .map_err(|_| corrupt("the string table is not UTF-8"));
            (relations, text)
        });
        let intact = intact();
        let here = check_entities(&body, &strings, n).and_then(|()| check_relations(&body, m));
        let side = side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (side, here, intact)
    });
    let (relations, text) = side;
    let checked = text
        .and(here)
        .and(relations)
        .map(|(kinds, ends, adjacency)| {
            let base = bytes.as_ptr() as usize;
            let range = |part: &[u8]| {
                let start = part.as_ptr() as usize - base;
                start..start + part.len()
            };
            let places = Places {
                text: range(body.strings),
                string_ends: range(body.string_ends),
                ids: range(body.entity_ids),
                names: range(body.entity_names),
                kinds: range(body.entity_kinds),
                dates: range(body.relation_dates),
                evidence_ends: range(body.evidence_ends),
                evidence_refs: range(body.evidence_refs),
                names_text: range(body.names_text),
                names_ends: range(body.names_ends),
                names_entities: range(body.names_entities),
            };
            Checked {
                places,
                details: body.details,
                evidence: body.evidence,
                kinds,
                ends,
                adjacency,
            }
        });
    (checked, intact)
}

/// The entity and relation counts, once every column has the length they imply.
fn check_lengths(body: &Body<'_>) -> Result<(usize, usize), SnapshotError> {
    let n = word_count(body.entity_ids, "entity ids")?;
    if n > u32::MAX as usize
        || word_count(body.entity_names, "entity names")? != n
        || body.entity_kinds.len() != 2 * n
    {
        return Err(corrupt("entity columns differ in length"));
    }
    let m = body.relation_kinds.len();
    if m > MAX_RELATIONS {
        return Err(corrupt(format!("{m} relations")));
    }
    if word_count(body.relation_ends, "relation ends")? != 2 * m
        || word_count(body.relation_dates, "relation dates")? != 3 * m
        || word_count(body.evidence_ends, "evidence ends")? != m
    {
        return Err(corrupt("relation arrays differ in length"));
    }
    word_count(body.evidence_refs, "evidence references")?;
    Ok((n, m))
}

/// The entity columns (`n` entities), details and evidence.
fn check_entities(
    body: &Body<'_>,
    strings: &StringTable<'_>,
    n: usize,
) -> Result<(), SnapshotError> {
    let kind_of = |i: usize| Kind::ALL[body.entity_kinds[2 * i] as usize];
    for i in 0..n {
        strings.check(word_at(body.entity_ids, i))?;
        strings.check(word_at(body.entity_names, i))?;
        let (tag, arg) = (body.entity_kinds[2 * i], body.entity_kinds[2 * i + 1]);
        let args = match pick(&Kind::ALL, tag, "entity kind")? {
            Kind::Post => Role::ALL.len(),
            Kind::Organization => Classification::ALL.len(),
            Kind::Area => AreaLevel::ALL.len(),
            _ => 1,
        };
        if arg as usize >= args {
            return Err(corrupt(format!("entity {i} has kind argument {arg}")));
        }
    }
    let id = |i: usize| strings.bytes_at(word_at(body.entity_ids, i));
    if let Some(i) = (1..n).find(|&i| id(i - 1) >= id(i)) {
        return Err(corrupt(format!("entity {i} is out of order")));
    }
    let mut previous: Option<u32> = None;
    let mut sources = 0usize;
    for d in &body.details {
        if previous.is_some_and(|p| p >= d.entity) || d.entity as usize >= n {
            return Err(corrupt(format!("details of entity {} misplaced", d.entity)));
        }
        previous = Some(d.entity);
        let kind = kind_of(d.entity as usize);
        match (&d.extra, kind) {
            (None, Kind::Source) => return Err(corrupt(format!("source {} has no url", d.entity))),
            (None, _) | (Some(SExtra::Number(_)), Kind::WorkingGroup) => {}
            (Some(SExtra::Place(p)), Kind::Area) => {
                if let Some(c) = p.code {
                    strings.check(c)?;
                }
                undate(p.valid_from)?;
                undate(p.valid_until)?;
            }
            (Some(SExtra::Date(date)), Kind::Event) => {
                undate(Some(*date))?;
            }
            (
                Some(SExtra::Source {
                    url,
                    lang,
                    date,
                    translation_of,
                }),
                Kind::Source,
            ) => {
                sources += 1;
                strings.check(*url)?;
                pick(&Lang::ALL, *lang, "language")?;
                undate(*date)?;
                if let Some(t) = translation_of {
                    strings.check(*t)?;
                }
            }
            _ => {
                return Err(corrupt(format!(
                    "entity {} has details of another kind",
                    d.entity
                )));
            }
        }
        for &(t, lang, source) in &d.aliases {
            strings.check(t)?;
            pick(&Lang::ALL, lang, "language")?;
            if let Some(s) = source {
                strings.check(s)?;
            }
        }
        if let Some(note) = d.note {
            strings.check(note)?;
        }
    }
    if sources != (0..n).filter(|&i| kind_of(i) == Kind::Source).count() {
        return Err(corrupt("a source has no url"));
    }
    for (k, e) in body.evidence.iter().enumerate() {
        if e.source as usize >= n || kind_of(e.source as usize) != Kind::Source {
            return Err(corrupt(format!("evidence {k} cites entity {}", e.source)));
        }
        strings.check(e.quote)?;
        if let Some((rule, _)) = e.method {
            strings.check(rule)?;
        }
        if let Some((a, b)) = e.span {
            usize::try_from(a).map_err(corrupt)?;
            usize::try_from(b).map_err(corrupt)?;
        }
    }
    Ok(())
}

/// The relation kinds and ends decoded (ends below the entity count `n`) and their
/// compressed rows built.
type Relations = (Vec<RelationKind>, Vec<(u32, u32)>, Adjacency);

fn relation_rows(body: &Body<'_>, n: usize, m: usize) -> Result<Relations, SnapshotError> {
    let mut kinds = huge_vec(m);
    for &k in body.relation_kinds {
        kinds.push(pick(RelationKind::ALL, k, "relation kind")?);
    }
    let mut ends: Vec<(u32, u32)> = huge_vec(m);
    ends.extend(
        body.relation_ends[..8 * m]
            .chunks_exact(8)
            .map(|w| (word_at(w, 0), word_at(w, 1))),
    );
    if let Some(j) = ends
        .iter()
        .position(|&(a, b)| a as usize >= n || b as usize >= n)
    {
        return Err(corrupt(format!("relation {j} names an entity beyond {n}")));
    }
    let adjacency = Adjacency::of(n, &ends);
    Ok((kinds, ends, adjacency))
}

/// The `m` relations' dates, their order and their evidence references, read in place.
fn check_relations(body: &Body<'_>, m: usize) -> Result<(), SnapshotError> {
    let dates = body.relation_dates;
    let (evidence_ends, evidence_refs) = (body.evidence_ends, body.evidence_refs);
    let refs = evidence_refs.len() / 4;
    if let Some(k) = (0..3 * m).find(|&k| undate(unpack(word_at(dates, k))).is_err()) {
        return Err(undate(unpack(word_at(dates, k))).expect_err("found above"));
    }
    // Entity indices order as ids do (entities are strictly sorted), kind tags as kinds and
    // packed words as dates: the integer key orders as the relation key.
    let ends = body.relation_ends;
    let key = |j: usize| {
        (
            body.relation_kinds[j],
            (word_at(ends, 2 * j), word_at(ends, 2 * j + 1)),
            (
                word_at(dates, 3 * j),
                word_at(dates, 3 * j + 1),
                word_at(dates, 3 * j + 2),
            ),
        )
    };
    if let Some(j) = (1..m).find(|&j| key(j - 1) > key(j)) {
        return Err(corrupt(format!("relation {j} is out of order")));
    }
    let mut first = 0u32;
    for j in 0..m {
        let end = word_at(evidence_ends, j);
        if end < first || end as usize > refs {
            return Err(corrupt(format!("relation {j}'s evidence is out of bounds")));
        }
        first = end;
    }
    if first as usize != refs {
        return Err(corrupt("evidence references no relation covers"));
    }
    match (0..refs).find(|&k| word_at(evidence_refs, k) as usize >= body.evidence.len()) {
        Some(k) => Err(corrupt(format!("evidence reference {k} is out of range"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {

    use super::*;

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
        crate::graph::committed()
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
    fn a_lazily_opened_snapshot_reads_what_was_built() {
        let built = graph();
        let lazy = open(encode(&built, &stamp())).unwrap().graph().unwrap();
        let n = built.entity_count();
        assert_eq!(lazy.entity_count(), n);
        // Entity by entity, before anything decodes them all: accessors read in place,
        // copies decode one, references decode a chunk.
        for i in (0..n).rev() {
            let e = &built.entities()[i];
            assert_eq!(lazy.id_at(i), e.id.as_str());
            assert_eq!(lazy.name_at(i), e.name);
            assert_eq!(lazy.kind_at(i), e.kind());
            assert_eq!(lazy.role_at(i), e.role());
            assert_eq!(&*lazy.entity_copy(i), e);
            assert_eq!(lazy.entity_at(i), e);
            assert_eq!(lazy.index_of(&e.id), Some(i));
        }
        assert_eq!(lazy.index_of(&EntityId::new("person:nobody")), None);
        for j in 0..built.relation_count() {
            assert_eq!(*lazy.relation(j), *built.relation(j));
        }
        assert_eq!(lazy.name_order(), built.name_order());
        assert_eq!(lazy.names(), built.names());
        assert_eq!(lazy.document(), built.document());
    }

    #[test]
    fn a_name_order_that_is_not_sorted_or_not_a_permutation_is_refused() {
        let names = ["b", "a", "a"];
        let name = |i: usize| names[i];
        let order = NameOrder::from_sorted(vec![1, 2, 0], name).unwrap();
        assert_eq!(order.position, vec![2, 0, 1]);
        assert_eq!(order.rank, vec![1, 0, 0]);
        for wrong in [vec![2, 1, 0], vec![1, 1, 0], vec![1, 2, 3], vec![0, 1, 2]] {
            assert!(
                NameOrder::from_sorted(wrong.clone(), name).is_err(),
                "{wrong:?}"
            );
        }
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

    /// A postcard varint at `bytes[at..]`: its value and where what follows starts.
    fn varint(bytes: &[u8], mut at: usize) -> (usize, usize) {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let b = bytes[at];
            at += 1;
            value |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return (value, at);
            }
        }
    }

    #[test]
    fn names_stored_out_of_order_are_sorted_never_trusted() {
        // Swap the first bytes of two neighbouring names of the string table (both ASCII,
        // different) and re-seal: the file opens, but the name order cannot come from the
        // string indices, so it is sorted from the names; a full decode refuses it.
        let built = graph();
        let mut bytes = encode(&built, &stamp());
        let stamp_len = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
        let (text_len, text) = varint(&bytes, HEADER + stamp_len);
        let (ends_len, ends_at) = varint(&bytes, text + text_len);
        let end = |i: usize| word_at(&bytes[ends_at..ends_at + ends_len], i) as usize;
        let names = built.entity_count();
        let i = (1..names - 1)
            .find(|&i| {
                let (a, b) = (bytes[text + end(i - 1)], bytes[text + end(i)]);
                a.is_ascii() && b.is_ascii() && a < b
            })
            .expect("two names that differ in their first byte");
        let (a, b) = (text + end(i - 1), text + end(i));
        bytes.swap(a, b);
        let checksum = content_hash(&bytes[HEADER..]);
        bytes[32..48].copy_from_slice(&checksum.to_le_bytes());
        let lazy = open(bytes.clone()).unwrap().graph().unwrap();
        let order = lazy.name_order();
        let names_in_order: Vec<&str> = order
            .by_name
            .iter()
            .map(|&e| lazy.name_at(e as usize))
            .collect();
        assert!(names_in_order.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*order, NameOrder::of(&lazy));
        assert!(decode(&bytes).is_err());
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
