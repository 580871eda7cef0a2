//! Checks a set of parsed records files and articles and merges them into one document.
//!
//! Pure: it takes texts and returns a [`Dataset`] or every problem found, each with its
//! file, line and column. Work is O(n) hash lookups in the number of records: ids go into
//! a `HashMap` once and every reference is one lookup. Memory is the documents and little
//! more: equal ids share one allocation, a file is scanned for record positions only when
//! one of its records has a problem, and duplicate facts are found through a sorted list
//! of key hashes.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::article::{self, Article};
use crate::error::{LineIndex, Position, Problem, ProblemKind};
use crate::model::{Document, Entity, EntityId, EntityKind, FastMap, FastSet, Kind, RelationKind};

use super::layout::{self, Node};

/// A file's path (as it should appear in messages) and its text.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: String,
    pub text: String,
}

/// Everything loaded from a data directory: the merged, sorted document and the articles
/// its sources were read from.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub document: Document,
    pub articles: BTreeMap<EntityId, LoadedArticle>,
    /// Curated `same` / `not_same` decisions for entity resolution (`judgements.ron`).
    pub judgements: Vec<super::Judgement>,
    /// The directory's own `sites.ron`, when it has one.
    pub sites: Option<crate::extract::SiteTable>,
}

#[derive(Debug, Clone)]
pub struct LoadedArticle {
    pub path: String,
    /// The file stem, from which the source id is made.
    pub stem: String,
    /// The whole file, front matter included: extraction spans point into it.
    pub text: String,
    pub article: Article,
}

/// Relation kinds whose curated records may go without evidence: the standing structure
/// of government (a ward lies in its province, a standing committee is part of its party
/// committee) is general knowledge, not something one article states.
pub const STRUCTURAL: &[RelationKind] = &[
    RelationKind::Within,
    RelationKind::PartOf,
    RelationKind::Became,
];

/// One step from a node to a part of it.
#[derive(Clone, Copy)]
enum Step {
    Field(&'static str),
    Item(usize),
}

/// Which list of a records file a record is in.
#[derive(Clone, Copy)]
enum List {
    Entities,
    Relations,
}

impl List {
    fn name(self) -> &'static str {
        match self {
            List::Entities => "entities",
            List::Relations => "relations",
        }
    }
}

/// A parsed records file. Where its records stand in the text (a scan of the whole text)
/// and its line starts are found only when a message needs a position, so a file without
/// problems costs its document and nothing more.
struct Parsed<'a> {
    file: &'a InputFile,
    document: Document,
    layout: OnceCell<Node>,
    lines: OnceCell<LineIndex>,
}

impl<'a> Parsed<'a> {
    fn new(file: &'a InputFile, document: Document) -> Self {
        Parsed {
            file,
            document,
            layout: OnceCell::new(),
            lines: OnceCell::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.file.text))
    }

    /// Record `item` of `list`, then `path` from it; where a step finds nothing, the
    /// deepest node found (the whole file when the record itself is not found).
    fn node(&self, list: List, item: usize, path: &[Step]) -> &Node {
        let root = self.layout.get_or_init(|| layout::scan(&self.file.text));
        let mut node = root
            .field(list.name())
            .and_then(|records| records.item(item))
            .unwrap_or(root);
        for step in path {
            let next = match *step {
                Step::Field(name) => node.field(name),
                Step::Item(i) => node.item(i),
            };
            match next {
                Some(child) => node = child,
                None => break,
            }
        }
        node
    }

    /// A problem at `path` of record `item` of `list`.
    fn problem(&self, list: List, item: usize, path: &[Step], message: String) -> Problem {
        let kind = if message.contains("duplicate") {
            ProblemKind::Duplicate
        } else if message.contains("unknown entity") || message.contains("of kind") {
            ProblemKind::Reference
        } else {
            ProblemKind::Value
        };
        let node = self.node(list, item, path);
        Problem::in_text(
            self.file.path.clone(),
            self.lines(),
            &self.file.text,
            (node.start, node.end),
            kind,
            message,
        )
    }
}

/// Where a record was first defined, rendered as `path:line:col` only when a message
/// names it: an article (its start), an entity (its id) or a relation.
#[derive(Clone, Copy)]
enum Place<'a> {
    Article(&'a InputFile),
    Entity(&'a Parsed<'a>, usize),
    Relation(&'a Parsed<'a>, usize),
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (parsed, node) = match *self {
            Place::Article(file) => return write!(f, "{}:{}", file.path, Position::START),
            Place::Entity(parsed, i) => (parsed, parsed.node(List::Entities, i, &[ID])),
            Place::Relation(parsed, i) => (parsed, parsed.node(List::Relations, i, &[])),
        };
        let at = parsed.lines().position(&parsed.file.text, node.start);
        write!(f, "{}:{at}", parsed.file.path)
    }
}

const ID: Step = Step::Field("id");

/// What pass 1 knows of an id: the kind it names, where it was first defined and, unless
/// it is the id of an article that made no source entity, the entity.
#[derive(Clone, Copy)]
struct Slot<'a> {
    kind: Kind,
    place: Place<'a>,
    entity: Option<&'a Entity>,
}

/// Every id of `document` (entities, relation ends, evidence sources) and every quote made
/// to share one allocation with the equal ones met before, through `seen`: a million
/// relations then hold their ends and quotes as reference counts instead of a copy each.
fn share_ids(document: &mut Document, seen: &mut Seen) {
    let mut share = |id: &mut EntityId| match seen.ids.get(id) {
        Some(first) => *id = first.clone(),
        None => {
            seen.ids.insert(id.clone());
        }
    };
    for entity in &mut document.entities {
        share(&mut entity.id);
    }
    for relation in &mut document.relations {
        share(&mut relation.from);
        share(&mut relation.to);
        for evidence in &mut relation.evidence {
            share(&mut evidence.source);
        }
    }
    for evidence in document.relations.iter_mut().flat_map(|r| &mut r.evidence) {
        match seen.quotes.get(&evidence.quote) {
            Some(first) => evidence.quote = first.clone(),
            None => {
                seen.quotes.insert(evidence.quote.clone());
            }
        }
    }
}

/// The ids and quotes met so far ([`share_ids`]).
#[derive(Default)]
struct Seen {
    ids: FastSet<EntityId>,
    quotes: FastSet<std::sync::Arc<str>>,
}

/// Parses one records file (RON, or JSON when its path ends in `.json`).
pub fn parse_document(file: &InputFile) -> Result<Document, Problem> {
    if file.path.ends_with(".json") {
        return serde_json::from_str(&file.text).map_err(|err| {
            let at = Position {
                line: err.line().max(1),
                col: err.column().max(1),
            };
            let message = err
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string();
            Problem::at(file.path.clone(), at, ProblemKind::Syntax, message)
        });
    }
    ron_options()
        .from_str(&file.text)
        .map_err(|err| ron_problem(file, &err))
}

/// A `ron` error as a problem over the span `ron` reports, with the source line.
pub(super) fn ron_problem(file: &InputFile, err: &ron::error::SpannedError) -> Problem {
    let start = Position {
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
    };
    let end = Position {
        line: err.span.end.line.max(1),
        col: err.span.end.col.max(1),
    };
    // `ron` reports trailing junk where the document ended; the junk starts later.
    let (start, end) = if matches!(err.code, ron::Error::TrailingCharacters) {
        let lines = LineIndex::new(&file.text);
        let line_start: usize = file
            .text
            .split_inclusive('\n')
            .take(start.line - 1)
            .map(str::len)
            .sum();
        let offset = file.text[line_start.min(file.text.len())..]
            .char_indices()
            .nth(start.col - 1)
            .map_or(file.text.len(), |(i, _)| line_start + i);
        let junk = file.text[offset..]
            .find(|c: char| !c.is_whitespace())
            .map_or(file.text.len(), |i| offset + i);
        let at = lines.position(&file.text, junk);
        (at, at)
    } else {
        (start, end)
    };
    let source_line = file.text.lines().nth(start.line - 1).map(str::to_string);
    Problem {
        path: file.path.clone(),
        start,
        end: end.max(start),
        kind: ProblemKind::Syntax,
        message: lowercase_first(&err.code.to_string()),
        source_line,
    }
}

/// The RON dialect of records files: `Some(x)` may be written as `x`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Validates records files and articles together and merges them into one dataset.
pub fn validate(records: &[InputFile], articles: &[InputFile]) -> Result<Dataset, Vec<Problem>> {
    validate_filling(records, articles, &|_, _| {
        Err("article front matter lacks `source`, `lang`, `date`".to_string())
    })
}

/// Decides the fields of an article that has no front matter at all, or says why it cannot.
/// It lives above `load` (in `cmd`), so `load` needs nothing from `extract`.
pub type Fill<'a> = &'a dyn Fn(&InputFile, &mut Article) -> Result<(), String>;

/// [`validate`], with `fill` deciding the fields of articles without front matter. Front
/// matter that is present but incomplete or broken stays an error.
pub fn validate_filling(
    records: &[InputFile],
    articles: &[InputFile],
    fill: Fill<'_>,
) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut dataset = Dataset::default();

    // Articles become source entities; they are checked like any other record.
    let mut article_entities: Vec<(Entity, &InputFile)> = Vec::new();
    // Every article's source id and the file it came from: two files may not share one,
    // and an article whose front matter is broken still claims its id, so references to
    // it are not reported a second time as unknown.
    let mut source_files: BTreeMap<EntityId, &InputFile> = BTreeMap::new();
    for file in articles {
        let (mut article, front_problems) = article::parse(&file.text);
        let lines = LineIndex::new(&file.text);
        for p in front_problems {
            problems.push(at_offset(file, &lines, p.offset, p.message));
        }
        let stem = file_stem(&file.path);
        let id = article::source_id_for_stem(stem);
        if id.as_str() == "source:" {
            problems.push(Problem::at(
                file.path.clone(),
                Position::START,
                ProblemKind::Value,
                format!(
                    "file name `{stem}` gives no source id: name an article with Latin letters or digits"
                ),
            ));
            continue;
        }
        if let Some(first) = source_files.get(&id) {
            problems.push(Problem::at(
                file.path.clone(),
                Position::START,
                ProblemKind::Duplicate,
                format!(
                    "source id `{id}` of this file is also the id of {}; rename one",
                    first.path
                ),
            ));
            continue;
        }
        source_files.insert(id.clone(), file);
        // Keys that are present but invalid were reported above; here only absent ones.
        let missing: Vec<&str> = ["source", "lang", "date"]
            .into_iter()
            .filter(|key| !article.keys.iter().any(|k| k == key))
            .collect();
        let bare =
            article.keys.is_empty() && !file.text.trim_start_matches('\u{feff}').starts_with("---");
        if bare {
            if let Err(message) = fill(file, &mut article) {
                problems.push(at_offset(file, &lines, 0, message));
                continue;
            }
        } else if !missing.is_empty() {
            problems.push(at_offset(
                file,
                &lines,
                0,
                format!("article front matter lacks `{}`", missing.join("`, `")),
            ));
            continue;
        }
        let (Some(url), Some(lang)) = (article.url.clone(), article.lang) else {
            continue;
        };
        let entity = Entity {
            id: id.clone(),
            name: article.title.clone().unwrap_or_else(|| stem.to_string()),
            kind: EntityKind::Source {
                url,
                lang,
                date: article.date,
                translation_of: article.translation_of.clone(),
            },
            aliases: Vec::new(),
            note: article.note.clone(),
        };
        article_entities.push((entity, file));
        dataset.articles.insert(
            id,
            LoadedArticle {
                path: file.path.clone(),
                stem: stem.to_string(),
                text: file.text.clone(),
                article,
            },
        );
    }

    // Files are parsed on every core, each sharing its repeated ids; then ids are shared
    // across files, one file at a time.
    let results: Vec<Result<Document, Problem>> = records
        .par_iter()
        .map(|file| {
            parse_document(file).map(|mut document| {
                share_ids(&mut document, &mut Seen::default());
                document
            })
        })
        .collect();
    let mut seen = Seen::default();
    let mut parsed = Vec::new();
    for (file, result) in records.iter().zip(results) {
        match result {
            Ok(mut document) => {
                share_ids(&mut document, &mut seen);
                parsed.push(Parsed::new(file, document));
            }
            Err(problem) => problems.push(problem),
        }
    }
    drop(seen);

    // Pass 1: every entity id, once.
    let entity_count: usize = parsed.iter().map(|p| p.document.entities.len()).sum();
    let mut index: FastMap<&EntityId, Slot<'_>> =
        FastMap::with_capacity_and_hasher(source_files.len() + entity_count, Default::default());
    for (id, file) in &source_files {
        let slot = Slot {
            kind: Kind::Source,
            place: Place::Article(file),
            entity: None,
        };
        index.insert(id, slot);
    }
    for (entity, file) in &article_entities {
        let slot = Slot {
            kind: Kind::Source,
            place: Place::Article(file),
            entity: Some(entity),
        };
        index.insert(&entity.id, slot);
    }
    for p in &parsed {
        for (i, entity) in p.document.entities.iter().enumerate() {
            if let Some(first) = index.get(&entity.id) {
                problems.push(p.problem(
                    List::Entities,
                    i,
                    &[ID],
                    format!(
                        "duplicate id `{}` (first defined at {})",
                        entity.id, first.place
                    ),
                ));
                continue;
            }
            let slot = Slot {
                kind: entity.kind(),
                place: Place::Entity(p, i),
                entity: Some(entity),
            };
            index.insert(&entity.id, slot);
        }
    }

    // Pass 2: each entity on its own, and every reference it makes.
    let kind_of = |id: &EntityId| index.get(id).map(|slot| slot.kind);
    let check_source_ref = |id: &EntityId, what: &str| -> Option<String> {
        match kind_of(id) {
            None => Some(format!("{what} refers to unknown entity `{id}`")),
            Some(Kind::Source) => None,
            Some(kind) => Some(format!("{what} `{id}` is of kind {kind}, expected source")),
        }
    };
    let next = translations(&article_entities);
    for (entity, file) in &article_entities {
        let EntityKind::Source {
            translation_of: Some(other),
            ..
        } = &entity.kind
        else {
            continue;
        };
        let offset = dataset
            .articles
            .get(&entity.id)
            .map_or(0, |a| a.article.translation_of_offset);
        let message = if *other == entity.id {
            Some(format!("article `{other}` is its own translation"))
        } else if let Some(message) = check_source_ref(other, "translation_of") {
            Some(message)
        } else {
            translation_cycle(&next, &entity.id)
        };
        if let Some(message) = message {
            problems.push(at_offset(
                file,
                &LineIndex::new(&file.text),
                offset,
                message,
            ));
        }
    }
    use Step::{Field, Item};
    for p in &parsed {
        for (i, entity) in p.document.entities.iter().enumerate() {
            let problem = |path: &[Step], message| p.problem(List::Entities, i, path, message);
            if let Some(message) = entity.id.problem() {
                problems.push(problem(&[ID], message));
            } else if entity.id.prefix_kind() != Some(entity.kind()) {
                problems.push(problem(
                    &[ID],
                    format!(
                        "id `{}` of a {} must start with `{}:`",
                        entity.id,
                        entity.kind(),
                        entity.kind().id_prefix()
                    ),
                ));
            }
            if entity.name.trim().is_empty() {
                problems.push(problem(&[Field("name")], "empty name".to_string()));
            }
            for (j, alias) in entity.aliases.iter().enumerate() {
                if alias.text.trim().is_empty() {
                    problems.push(problem(
                        &[Field("aliases"), Item(j)],
                        "empty alias text".to_string(),
                    ));
                }
                if let Some(source) = &alias.source
                    && let Some(message) = check_source_ref(source, "alias source")
                {
                    problems.push(problem(
                        &[Field("aliases"), Item(j), Field("source")],
                        message,
                    ));
                }
            }
            if let EntityKind::Source {
                translation_of: Some(other),
                ..
            } = &entity.kind
                && let Some(message) = check_source_ref(other, "translation_of")
            {
                problems.push(problem(&[Field("kind"), Field("translation_of")], message));
            }
            if let EntityKind::Area {
                code: Some(code),
                level,
                ..
            } = &entity.kind
                && let Some(message) = crate::gazetteer::check_code(
                    crate::gazetteer::Gazetteer::embedded(),
                    code,
                    *level,
                )
            {
                problems.push(problem(&[Field("kind"), Field("code")], message));
            }
        }
    }

    // Pass 3: relations. Entities are complete now, so ends can be checked by kind.
    let entity_of = |id: &EntityId| index.get(id).and_then(|slot| slot.entity);
    let squeezed_bodies: BTreeMap<&EntityId, String> = dataset
        .articles
        .iter()
        .map(|(id, loaded)| (id, squeeze(&loaded.article.body)))
        .collect();
    for p in &parsed {
        for (i, relation) in p.document.relations.iter().enumerate() {
            let problem = |path: &[Step], message| p.problem(List::Relations, i, path, message);
            let from = entity_of(&relation.from);
            let to = entity_of(&relation.to);
            if from.is_none() {
                problems.push(problem(
                    &[Field("from")],
                    format!("unknown entity `{}`", relation.from),
                ));
            }
            if to.is_none() {
                problems.push(problem(
                    &[Field("to")],
                    format!("unknown entity `{}`", relation.to),
                ));
            }
            if let Some(message) = from.and_then(|e| relation.kind.check_from(e)) {
                problems.push(problem(&[Field("from")], message));
            }
            if let Some(message) = to.and_then(|e| relation.kind.check_to(e)) {
                problems.push(problem(&[Field("to")], message));
            }
            if let (Some(start), Some(end)) = (relation.start, relation.end)
                && start.earliest() > end.latest()
            {
                problems.push(problem(
                    &[Field("end")],
                    format!("`end` {end} is before `start` {start}"),
                ));
            }
            if relation.evidence.is_empty() && !STRUCTURAL.contains(&relation.kind) {
                problems.push(problem(
                    &[],
                    format!(
                        "`{}` relation from `{}` to `{}` has no evidence",
                        relation.kind, relation.from, relation.to
                    ),
                ));
            }
            for (j, evidence) in relation.evidence.iter().enumerate() {
                let at = |field| [Field("evidence"), Item(j), Field(field)];
                if let Some(message) = check_source_ref(&evidence.source, "evidence source") {
                    problems.push(problem(&at("source"), message));
                    continue;
                }
                if evidence.quote.trim().is_empty() {
                    problems.push(problem(&at("quote"), "empty quote".into()));
                } else if let Some(body) = squeezed_bodies.get(&evidence.source)
                    && !body.contains(&squeeze(&evidence.quote))
                {
                    let loaded = &dataset.articles[&evidence.source];
                    problems.push(problem(
                        &at("quote"),
                        format!(
                            "quote not found in the text of `{}` ({})",
                            evidence.source, loaded.path
                        ),
                    ));
                }
            }
        }
    }
    duplicate_relations(&parsed, &mut problems);

    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    // No id is defined twice now: the entities are the articles' and the files', moved.
    drop(index);
    let relation_count = parsed.iter().map(|p| p.document.relations.len()).sum();
    let mut entities = Vec::with_capacity(article_entities.len() + entity_count);
    let mut relations = Vec::with_capacity(relation_count);
    entities.extend(article_entities.into_iter().map(|(entity, _)| entity));
    for p in parsed {
        entities.extend(p.document.entities);
        relations.extend(p.document.relations);
    }
    dataset.document = Document {
        entities,
        relations,
    };
    dataset.document.sort();
    Ok(dataset)
}

/// A problem for every relation that states a fact an earlier record stated already (same
/// key), naming where that first one is. Keys are compared through a 64-bit hash first, so
/// a million relations cost a sorted list of integers, not a map of keys.
fn duplicate_relations(parsed: &[Parsed<'_>], problems: &mut Vec<Problem>) {
    let mut hashed: Vec<(u64, u32, u32)> = Vec::new();
    for (f, p) in parsed.iter().enumerate() {
        for (i, relation) in p.document.relations.iter().enumerate() {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            relation.key().hash(&mut hasher);
            hashed.push((hasher.finish(), f as u32, i as u32));
        }
    }
    hashed.sort_unstable();
    let relation = |&(_, f, i): &(u64, u32, u32)| (&parsed[f as usize], i as usize);
    for group in hashed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        // In file order; each record is a duplicate of the first earlier one with its key.
        for (n, later) in group.iter().enumerate() {
            let (p, i) = relation(later);
            let key = p.document.relations[i].key();
            let Some(first) = group[..n]
                .iter()
                .map(relation)
                .find(|(q, j)| q.document.relations[*j].key() == key)
            else {
                continue;
            };
            let r = &p.document.relations[i];
            problems.push(p.problem(
                List::Relations,
                i,
                &[],
                format!(
                    "duplicate `{}` relation from `{}` to `{}` (first at {}); give one record several evidence entries",
                    r.kind,
                    r.from,
                    r.to,
                    Place::Relation(first.0, first.1)
                ),
            ));
        }
    }
}

/// Each article's `translation_of`, by article id.
/// When following `translation_of` from `start` leads back to it, the cycle as a message.
/// Each article has at most one `translation_of`, so the walk is at most n steps.
fn translations<'a>(articles: &'a [(Entity, &InputFile)]) -> BTreeMap<&'a EntityId, &'a EntityId> {
    articles
        .iter()
        .filter_map(|(e, _)| match &e.kind {
            EntityKind::Source {
                translation_of: Some(other),
                ..
            } => Some((&e.id, other)),
            _ => None,
        })
        .collect()
}

fn translation_cycle(next: &BTreeMap<&EntityId, &EntityId>, start: &EntityId) -> Option<String> {
    let mut path = vec![start];
    let mut at = start;
    while let Some(&other) = next.get(at) {
        if other == start {
            let names: Vec<String> = path.iter().map(|id| format!("`{id}`")).collect();
            return Some(format!(
                "translation_of forms a cycle: {} back to `{start}`",
                names.join(" → ")
            ));
        }
        if path.len() > next.len() {
            return None;
        }
        path.push(other);
        at = other;
    }
    None
}

/// `ron`'s messages start with a capital; ours do not.
pub(super) fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn at_offset(file: &InputFile, lines: &LineIndex, offset: usize, message: String) -> Problem {
    let end = file.text[offset.min(file.text.len())..]
        .find(['\n', '\r'])
        .map_or(file.text.len(), |n| offset + n);
    Problem::in_text(
        file.path.clone(),
        lines,
        &file.text,
        (offset, end),
        ProblemKind::FrontMatter,
        message,
    )
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Text with every run of whitespace read as one space, so a quote may be wrapped freely.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ids_and_quotes_share_one_allocation_across_files() {
        let file = |path: &str, text: &str| InputFile {
            path: path.into(),
            text: text.into(),
        };
        let a = file(
            "records/a.ron",
            r#"(entities: [(id: "person:a", name: "A", kind: person), (id: "post:p", name: "P", kind: post(role: chair)),
                (id: "source:s", name: "S", kind: source(url: "https://example.org", lang: vi, date: "2025"))],
               relations: [(kind: holds, from: "person:a", to: "post:p", evidence: [(source: "source:s", quote: "same words")])])"#,
        );
        let b = file(
            "records/b.ron",
            r#"(entities: [(id: "person:b", name: "B", kind: person)],
               relations: [(kind: holds, from: "person:b", to: "post:p", evidence: [(source: "source:s", quote: "same words")])])"#,
        );
        let document = validate(&[a, b], &[]).unwrap().document;
        let [first, second] = &document.relations[..] else {
            panic!("two relations expected, got {:?}", document.relations);
        };
        assert!(first.to.shares(&second.to));
        let (x, y) = (&first.evidence[0], &second.evidence[0]);
        assert!(x.source.shares(&y.source));
        assert!(std::sync::Arc::ptr_eq(&x.quote, &y.quote));
    }
}
