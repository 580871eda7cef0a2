//! Extracted documents merged in bounded memory: one entity per id (the first kept, aliases
//! joined) and one relation per key (evidence joined, sorted and deduplicated), in the one
//! order of [`Document::sort`].
//!
//! Each added document becomes a sorted *run*: compact JSON lines, its entities by id, then
//! one line per piece of evidence (the relation with that evidence alone) by key and
//! evidence. Runs are held as bytes, not as records, so the many small allocations of the
//! records found so far do not crowd the allocator while later parts are read (that made
//! extraction time per MB grow with the length of the text). A merger made with
//! [`Merger::spilling`] writes its runs to files in a folder of its own once they pass a
//! size, so memory stays bounded whatever the output's size; the folder is removed when
//! the merger is dropped, on every path. The end is a k-way merge of the runs, collected
//! into a [`Document`] or streamed to the RON or JSON writer ([`Merger::write`]): the same
//! bytes either way.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Document, Entity, EntityId, Relation};

/// In-memory bytes of runs past which a spilling merger writes them to a file (64 MiB).
pub const SPILL_BYTES: usize = 64 << 20;

/// Spill files past which they are merged into one, so the final merge opens few files.
const MAX_FILES: usize = 32;

/// One line of a run.
#[derive(Debug, Serialize, Deserialize)]
enum Item {
    Entity(Entity),
    /// A relation with at most one piece of evidence.
    Relation(Relation),
}

fn item_cmp(a: &Item, b: &Item) -> Ordering {
    match (a, b) {
        (Item::Entity(a), Item::Entity(b)) => a.id.cmp(&b.id),
        (Item::Entity(_), Item::Relation(_)) => Ordering::Less,
        (Item::Relation(_), Item::Entity(_)) => Ordering::Greater,
        (Item::Relation(a), Item::Relation(b)) => relation_cmp(a, b),
    }
}

fn relation_cmp(a: &Relation, b: &Relation) -> Ordering {
    a.key()
        .cmp(&b.key())
        .then_with(|| a.evidence.first().cmp(&b.evidence.first()))
}

enum Run {
    Memory(Vec<u8>),
    File(PathBuf),
}

/// A folder of spill files, removed with everything in it when dropped.
struct Spill {
    dir: PathBuf,
    limit: usize,
    next: usize,
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Documents merged into one (see the module notes).
#[derive(Default)]
pub struct Merger {
    runs: Vec<Run>,
    memory: usize,
    spill: Option<Spill>,
}

impl Merger {
    /// A merger that writes its runs to files in `dir` (created now, and removed with its
    /// files when the merger is dropped) once they hold more than `limit` bytes.
    pub fn spilling(dir: PathBuf, limit: usize) -> io::Result<Merger> {
        fs::create_dir(&dir)?;
        Ok(Merger {
            runs: Vec::new(),
            memory: 0,
            spill: Some(Spill {
                dir,
                limit,
                next: 0,
            }),
        })
    }

    /// Adds a document's records after those added before (whose entities win on a
    /// shared id).
    pub fn add(&mut self, document: Document) -> io::Result<()> {
        let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
        for e in document.entities {
            match entities.get_mut(&e.id) {
                Some(first) => first.aliases.extend(e.aliases),
                None => {
                    entities.insert(e.id.clone(), e);
                }
            }
        }
        let mut relations = Vec::new();
        for mut r in document.relations {
            let evidence = std::mem::take(&mut r.evidence);
            if evidence.is_empty() {
                relations.push(r);
                continue;
            }
            for one in evidence {
                let mut single = r.clone();
                single.evidence.push(one);
                relations.push(single);
            }
        }
        relations.sort_by(relation_cmp);
        relations.dedup_by(|a, b| relation_cmp(a, b) == Ordering::Equal);
        let mut bytes = Vec::new();
        for mut e in entities.into_values() {
            e.aliases.sort();
            e.aliases.dedup();
            put(&mut bytes, &Item::Entity(e))?;
        }
        for r in relations {
            put(&mut bytes, &Item::Relation(r))?;
        }
        self.memory += bytes.len();
        self.runs.push(Run::Memory(bytes));
        if let Some(spill) = &self.spill
            && self.memory > spill.limit
        {
            let files = self
                .runs
                .iter()
                .filter(|r| matches!(r, Run::File(_)))
                .count();
            // The runs in memory always follow the files; all of them are merged when the
            // files are many, else only those in memory.
            let from = if files >= MAX_FILES { 0 } else { files };
            self.spill_from(from)?;
        }
        Ok(())
    }

    /// Merges the runs from index `from` on into one file run in their place.
    fn spill_from(&mut self, from: usize) -> io::Result<()> {
        let Some(spill) = &mut self.spill else {
            return Ok(());
        };
        let path = spill.dir.join(format!("run-{}", spill.next));
        spill.next += 1;
        let runs: Vec<Run> = self.runs.drain(from..).collect();
        let mut out = BufWriter::new(fs::File::create_new(&path)?);
        let mut merge = Merge::new(&runs)?;
        while let Some(item) = merge.next()? {
            put(&mut out, &item)?;
        }
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        drop(merge);
        for run in runs {
            if let Run::File(old) = run {
                fs::remove_file(old)?;
            }
        }
        self.runs.push(Run::File(path));
        self.memory = 0;
        Ok(())
    }

    /// The merged document, sorted.
    pub fn into_document(self) -> io::Result<Document> {
        let mut merge = Merge::new(&self.runs)?;
        let mut document = Document::default();
        while let Some(item) = merge.next()? {
            match item {
                Item::Entity(e) => document.entities.push(e),
                Item::Relation(r) => match document.relations.last_mut() {
                    Some(last) if last.key() == r.key() => last.evidence.extend(r.evidence),
                    _ => document.relations.push(r),
                },
            }
        }
        Ok(document)
    }

    /// Writes the merged document as [`crate::export::write_records`] writes it (pretty
    /// JSON when `json`, else pretty RON; a final newline), holding one record at a time.
    pub fn write(self, json: bool, out: &mut dyn Write) -> io::Result<()> {
        let merge = Merge::new(&self.runs)?;
        let stream = Stream(RefCell::new(Peeked {
            merge,
            next: None,
            error: None,
        }));
        let written = if json {
            serde_json::to_writer_pretty(&mut *out, &stream).map_err(io::Error::other)
        } else {
            ron::Options::default()
                .to_io_writer_pretty(&mut *out, &stream, crate::export::ron_config())
                .map_err(io::Error::other)
        };
        if let Some(error) = stream.0.into_inner().error {
            return Err(error);
        }
        written?;
        out.write_all(b"\n")
    }
}

fn put(out: &mut impl Write, item: &Item) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.write_all(b"\n")
}

/// The next item of one run, and which run it came from (earlier runs first on a tie).
struct Head {
    item: Item,
    run: usize,
}

impl Ord for Head {
    fn cmp(&self, other: &Head) -> Ordering {
        // Reversed: the heap's greatest is the least item.
        item_cmp(&other.item, &self.item).then_with(|| other.run.cmp(&self.run))
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

/// The k-way merge of runs: entities joined by id, identical evidence lines once.
struct Merge<'a> {
    readers: Vec<Box<dyn BufRead + 'a>>,
    heap: BinaryHeap<Head>,
    line: String,
}

impl<'a> Merge<'a> {
    fn new(runs: &'a [Run]) -> io::Result<Merge<'a>> {
        let mut merge = Merge {
            readers: Vec::with_capacity(runs.len()),
            heap: BinaryHeap::with_capacity(runs.len()),
            line: String::new(),
        };
        for run in runs {
            let reader: Box<dyn BufRead + 'a> = match run {
                Run::Memory(bytes) => Box::new(&bytes[..]),
                Run::File(path) => Box::new(BufReader::new(fs::File::open(path)?)),
            };
            merge.readers.push(reader);
            merge.refill(merge.readers.len() - 1)?;
        }
        Ok(merge)
    }

    fn refill(&mut self, run: usize) -> io::Result<()> {
        self.line.clear();
        if self.readers[run].read_line(&mut self.line)? > 0 {
            let item = serde_json::from_str(&self.line)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            self.heap.push(Head { item, run });
        }
        Ok(())
    }

    fn pop(&mut self) -> io::Result<Option<Item>> {
        let Some(head) = self.heap.pop() else {
            return Ok(None);
        };
        self.refill(head.run)?;
        Ok(Some(head.item))
    }

    fn next(&mut self) -> io::Result<Option<Item>> {
        let Some(mut item) = self.pop()? else {
            return Ok(None);
        };
        while let Some(top) = self.heap.peek()
            && item_cmp(&top.item, &item) == Ordering::Equal
        {
            if let (Some(Item::Entity(later)), Item::Entity(first)) = (self.pop()?, &mut item) {
                first.aliases.extend(later.aliases);
            }
        }
        if let Item::Entity(e) = &mut item {
            e.aliases.sort();
            e.aliases.dedup();
        }
        Ok(Some(item))
    }
}

/// The merge with one item looked ahead, and the first read error (serde's errors carry
/// only a message).
struct Peeked<'a> {
    merge: Merge<'a>,
    next: Option<Item>,
    error: Option<io::Error>,
}

impl Peeked<'_> {
    fn peek<E: serde::ser::Error>(&mut self) -> Result<Option<&Item>, E> {
        if self.next.is_none() {
            match self.merge.next() {
                Ok(item) => self.next = item,
                Err(error) => {
                    let message = error.to_string();
                    self.error = Some(error);
                    return Err(E::custom(message));
                }
            }
        }
        Ok(self.next.as_ref())
    }

    /// The next item if `take` accepts it.
    fn take_if<E: serde::ser::Error>(
        &mut self,
        take: impl FnOnce(&Item) -> bool,
    ) -> Result<Option<Item>, E> {
        Ok(match self.peek()? {
            Some(item) if take(item) => self.next.take(),
            _ => None,
        })
    }
}

/// The merged document as `Document`'s derived `Serialize` writes it.
struct Stream<'a>(RefCell<Peeked<'a>>);

impl Serialize for Stream<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut document = serializer.serialize_struct("Document", 2)?;
        document.serialize_field("entities", &Entities(&self.0))?;
        document.serialize_field("relations", &Relations(&self.0))?;
        document.end()
    }
}

struct Entities<'s, 'a>(&'s RefCell<Peeked<'a>>);

impl Serialize for Entities<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut peeked = self.0.borrow_mut();
        let any = matches!(peeked.peek()?, Some(Item::Entity(_)));
        // The length only tells the writers whether the list is empty.
        let mut seq = serializer.serialize_seq(Some(usize::from(any)))?;
        while let Some(Item::Entity(e)) = peeked.take_if(|i| matches!(i, Item::Entity(_)))? {
            seq.serialize_element(&e)?;
        }
        seq.end()
    }
}

struct Relations<'s, 'a>(&'s RefCell<Peeked<'a>>);

impl Serialize for Relations<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut peeked = self.0.borrow_mut();
        let any = peeked.peek()?.is_some();
        let mut seq = serializer.serialize_seq(Some(usize::from(any)))?;
        while let Some(Item::Relation(mut head)) = peeked.take_if(|_| true)? {
            // A key's line without evidence sorts first; it adds nothing when the key has
            // evidence.
            if head.evidence.is_empty()
                && let Some(Item::Relation(next)) =
                    peeked.take_if(|i| matches!(i, Item::Relation(r) if r.key() == head.key()))?
            {
                head = next;
            }
            let group = Group {
                head,
                rest: RefCell::new(&mut *peeked),
            };
            seq.serialize_element(&group)?;
        }
        seq.end()
    }
}

/// One relation whose evidence after the first is read from the merge as it is written.
struct Group<'p, 'a> {
    head: Relation,
    rest: RefCell<&'p mut Peeked<'a>>,
}

impl Serialize for Group<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Field for field what `Relation`'s derived `Serialize` writes.
        let r = &self.head;
        let fields = 3
            + usize::from(r.as_of.is_some())
            + usize::from(r.start.is_some())
            + usize::from(r.end.is_some())
            + usize::from(!r.evidence.is_empty());
        let mut s = serializer.serialize_struct("Relation", fields)?;
        s.serialize_field("kind", &r.kind)?;
        s.serialize_field("from", &r.from)?;
        s.serialize_field("to", &r.to)?;
        for (name, date) in [("as_of", &r.as_of), ("start", &r.start), ("end", &r.end)] {
            match date {
                Some(_) => s.serialize_field(name, date)?,
                None => s.skip_field(name)?,
            }
        }
        if r.evidence.is_empty() {
            s.skip_field("evidence")?;
        } else {
            s.serialize_field("evidence", &EvidenceList(self))?;
        }
        s.end()
    }
}

struct EvidenceList<'g, 'p, 'a>(&'g Group<'p, 'a>);

impl Serialize for EvidenceList<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = &self.0.head;
        let mut rest = self.0.rest.borrow_mut();
        let mut seq = serializer.serialize_seq(Some(1))?;
        for e in &head.evidence {
            seq.serialize_element(e)?;
        }
        while let Some(Item::Relation(r)) =
            rest.take_if(|i| matches!(i, Item::Relation(r) if r.key() == head.key()))?
        {
            for e in &r.evidence {
                seq.serialize_element(e)?;
            }
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{MAX_PART, Options, extract_parts};
    use crate::model::{EntityId, Lang};

    /// What merging means, written the plain way: every document's entities with the
    /// first of an id kept and aliases joined, every relation's evidence joined by key,
    /// then the canonical sort.
    fn reference(documents: &[Document]) -> Document {
        let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
        let mut relations: Vec<Relation> = Vec::new();
        for d in documents {
            for e in &d.entities {
                match entities.get_mut(&e.id) {
                    Some(first) => first.aliases.extend(e.aliases.clone()),
                    None => {
                        entities.insert(e.id.clone(), e.clone());
                    }
                }
            }
            for r in &d.relations {
                match relations.iter_mut().find(|x| x.key() == r.key()) {
                    Some(x) => x.evidence.extend(r.evidence.clone()),
                    None => relations.push(r.clone()),
                }
            }
        }
        let mut document = Document {
            entities: entities.into_values().collect(),
            relations,
        };
        document.sort();
        document
    }

    /// The parts of several long texts in every language, as `extract FILE...` gives them.
    fn parts_of_long_texts() -> Vec<Document> {
        static PARTS: std::sync::OnceLock<Vec<Document>> = std::sync::OnceLock::new();
        PARTS.get_or_init(read_parts).clone()
    }

    fn read_parts() -> Vec<Document> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
        let mut documents = Vec::new();
        for (file, lang) in [
            ("en-quang-ninh.txt", Lang::En),
            ("vi-yen-bai-groups.txt", Lang::Vi),
            ("de-can-tho.txt", Lang::De),
            ("fr-yen-bai-delegations.txt", Lang::Fr),
            ("ar-nghe-an.txt", Lang::Ar),
        ] {
            let unit = std::fs::read_to_string(format!("{dir}/{file}")).unwrap() + "\n";
            let text = unit.repeat(2 * MAX_PART / unit.len() + 2);
            let mut options = Options::new(EntityId::new("source:long"));
            options.lang = Some(lang);
            options.area = Some("Quang Ninh".into());
            extract_parts(&text, &options, &mut |part| documents.push(part));
        }
        documents
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("govgraph-merge-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn merged_runs_are_the_plain_merge_in_memory_and_spilled() {
        let parts = parts_of_long_texts();
        assert!(parts.len() > 2 * 5, "every text is read in several parts");
        // Three times over, as three files with the same text would be.
        let documents: Vec<Document> = parts
            .iter()
            .cycle()
            .take(3 * parts.len())
            .cloned()
            .collect();
        assert!(documents.iter().any(|d| d.relations.len() > 3));
        let expected = reference(&documents);
        let repeated = expected
            .relations
            .iter()
            .map(|r| r.evidence.len())
            .max()
            .unwrap();
        assert!(
            repeated > 4,
            "the parts repeat facts, so evidence is joined"
        );
        let mut memory = Merger::default();
        // A limit of one byte spills at every document and merges the files past the
        // most kept apart, so every path of the merge is taken.
        let dir = scratch("spill");
        let mut spilled = Merger::spilling(dir.clone(), 1).unwrap();
        for d in &documents {
            memory.add(d.clone()).unwrap();
            spilled.add(d.clone()).unwrap();
        }
        assert!(fs::read_dir(&dir).unwrap().count() >= 1);
        assert!(
            documents.len() > MAX_FILES,
            "the files are merged at least once"
        );
        assert_eq!(memory.into_document().unwrap(), expected);
        assert_eq!(spilled.into_document().unwrap(), expected);
        assert!(!dir.exists(), "the spill folder goes with the merger");
    }

    #[test]
    fn streamed_records_are_the_bytes_of_the_whole_document() {
        let documents = parts_of_long_texts();
        let expected = reference(&documents);
        for json in [false, true] {
            let mut whole = Vec::new();
            crate::export::write_records(&expected, json, &mut whole).unwrap();
            for limit in [1, 1 << 16, usize::MAX] {
                let dir = scratch(&format!("stream-{json}-{limit}"));
                let mut merger = Merger::spilling(dir.clone(), limit).unwrap();
                for d in &documents {
                    merger.add(d.clone()).unwrap();
                }
                let mut streamed = Vec::new();
                merger.write(json, &mut streamed).unwrap();
                assert!(
                    streamed == whole,
                    "json {json}, limit {limit}: streamed output differs"
                );
                assert!(!dir.exists());
            }
        }
    }

    #[test]
    fn empty_lists_and_relations_without_evidence_are_written_as_the_document_writes_them() {
        let source = Document {
            entities: parts_of_long_texts()[0].entities[..1].to_vec(),
            relations: Vec::new(),
        };
        let mut bare = parts_of_long_texts()[0].relations[0].clone();
        bare.evidence.clear();
        let with_bare = Document {
            entities: Vec::new(),
            relations: vec![bare],
        };
        for documents in [
            vec![],
            vec![source.clone()],
            vec![with_bare.clone()],
            vec![with_bare, parts_of_long_texts()[0].clone()],
        ] {
            let expected = reference(&documents);
            for json in [false, true] {
                let mut whole = Vec::new();
                crate::export::write_records(&expected, json, &mut whole).unwrap();
                let mut merger = Merger::default();
                for d in &documents {
                    merger.add(d.clone()).unwrap();
                }
                let mut streamed = Vec::new();
                merger.write(json, &mut streamed).unwrap();
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(whole).unwrap()
                );
            }
        }
    }

    #[test]
    fn a_spill_file_that_cannot_be_read_back_is_an_error_not_a_panic() {
        let dir = scratch("broken");
        let mut merger = Merger::spilling(dir.clone(), 1).unwrap();
        merger.add(parts_of_long_texts()[0].clone()).unwrap();
        let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        fs::write(&file, "not a record\n").unwrap();
        let mut out = Vec::new();
        let error = merger.write(false, &mut out).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(!dir.exists());
    }
}
