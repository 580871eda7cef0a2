//! Checks a set of parsed records files and articles and merges them into one document.
//!
//! Pure: it takes texts and returns a [`Dataset`] or every problem found, each with its
//! file, line and column. Work is O(n log n) in the number of records: ids go into a
//! `BTreeMap` once and every reference is one lookup.

use std::collections::BTreeMap;

use crate::article::{self, Article};
use crate::error::{LineIndex, Position, Problem, ProblemKind};
use crate::model::{Document, Entity, EntityId, EntityKind, Kind, RelationKey, RelationKind};

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

/// Where a record came from, for messages.
struct Origin<'a> {
    file: &'a InputFile,
    layout: &'a Node,
    lines: &'a LineIndex,
}

impl<'a> Origin<'a> {
    fn problem(&self, node: &Node, message: String) -> Problem {
        let kind = if message.contains("duplicate") {
            ProblemKind::Duplicate
        } else if message.contains("unknown entity") || message.contains("of kind") {
            ProblemKind::Reference
        } else {
            ProblemKind::Value
        };
        Problem::in_text(
            self.file.path.clone(),
            self.lines,
            &self.file.text,
            (node.start, node.end),
            kind,
            message,
        )
    }

    /// Where `node` is, kept as a byte offset: turning it into a line and column costs a
    /// scan of the text, so that happens only for positions that end up in a message.
    fn place(&self, node: &Node) -> Place<'a> {
        Place {
            file: self.file,
            lines: Some(self.lines),
            offset: node.start,
        }
    }
}

/// A byte offset in a file, rendered as `path:line:col` on demand.
#[derive(Clone, Copy)]
struct Place<'a> {
    file: &'a InputFile,
    lines: Option<&'a LineIndex>,
    offset: usize,
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = match self.lines {
            Some(lines) => lines.position(&self.file.text, self.offset),
            None => Position::START,
        };
        write!(f, "{}:{at}", self.file.path)
    }
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

    let mut parsed = Vec::new();
    for file in records {
        match parse_document(file) {
            Ok(document) => parsed.push((
                file,
                layout::scan(&file.text),
                LineIndex::new(&file.text),
                document,
            )),
            Err(problem) => problems.push(problem),
        }
    }

    // Pass 1: every entity id, once.
    let mut index: BTreeMap<EntityId, (Kind, Place<'_>)> = BTreeMap::new();
    for (id, file) in &source_files {
        index.insert(
            id.clone(),
            (
                Kind::Source,
                Place {
                    file,
                    lines: None,
                    offset: 0,
                },
            ),
        );
    }
    for (entity, file) in &article_entities {
        index.insert(
            entity.id.clone(),
            (
                Kind::Source,
                Place {
                    file,
                    lines: None,
                    offset: 0,
                },
            ),
        );
    }
    let empty = Node::default();
    for (file, root, lines, document) in &parsed {
        let list = root.field("entities").unwrap_or(&empty);
        let origin = Origin {
            file,
            layout: root,
            lines,
        };
        for (i, entity) in document.entities.iter().enumerate() {
            let node = list.item(i).unwrap_or(origin.layout);
            let id_node = node.field("id").unwrap_or(node);
            if let Some((_, first)) = index.get(&entity.id) {
                problems.push(origin.problem(
                    id_node,
                    format!("duplicate id `{}` (first defined at {first})", entity.id),
                ));
                continue;
            }
            index.insert(entity.id.clone(), (entity.kind(), origin.place(id_node)));
        }
    }

    // Pass 2: each entity on its own, and every reference it makes.
    let kind_of = |id: &EntityId| index.get(id).map(|(kind, _)| *kind);
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
    for (file, root, lines, document) in &parsed {
        let list = root.field("entities").unwrap_or(&empty);
        let origin = Origin {
            file,
            layout: root,
            lines,
        };
        for (i, entity) in document.entities.iter().enumerate() {
            let node = list.item(i).unwrap_or(origin.layout);
            let field = |name: &str| node.field(name).unwrap_or(node);
            if let Some(message) = entity.id.problem() {
                problems.push(origin.problem(field("id"), message));
            } else if entity.id.prefix_kind() != Some(entity.kind()) {
                problems.push(origin.problem(
                    field("id"),
                    format!(
                        "id `{}` of a {} must start with `{}:`",
                        entity.id,
                        entity.kind(),
                        entity.kind().id_prefix()
                    ),
                ));
            }
            if entity.name.trim().is_empty() {
                problems.push(origin.problem(field("name"), "empty name".to_string()));
            }
            let aliases = node.field("aliases").unwrap_or(node);
            for (j, alias) in entity.aliases.iter().enumerate() {
                let alias_node = aliases.item(j).unwrap_or(aliases);
                if alias.text.trim().is_empty() {
                    problems.push(origin.problem(alias_node, "empty alias text".to_string()));
                }
                if let Some(source) = &alias.source
                    && let Some(message) = check_source_ref(source, "alias source")
                {
                    problems.push(origin.problem(alias_node.at(&["source"]), message));
                }
            }
            if let EntityKind::Source {
                translation_of: Some(other),
                ..
            } = &entity.kind
                && let Some(message) = check_source_ref(other, "translation_of")
            {
                problems.push(origin.problem(node.at(&["kind", "translation_of"]), message));
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
                problems.push(origin.problem(node.at(&["kind", "code"]), message));
            }
        }
    }

    // Pass 3: relations. Entities are complete now, so ends can be checked by kind.
    let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
    for (entity, _) in article_entities {
        entities.insert(entity.id.clone(), entity);
    }
    for (_, _, _, document) in &parsed {
        for entity in &document.entities {
            entities
                .entry(entity.id.clone())
                .or_insert_with(|| entity.clone());
        }
    }
    let squeezed_bodies: BTreeMap<&EntityId, String> = dataset
        .articles
        .iter()
        .map(|(id, loaded)| (id, squeeze(&loaded.article.body)))
        .collect();
    let mut relation_keys: BTreeMap<RelationKey<'_>, Place<'_>> = BTreeMap::new();
    for (file, root, lines, document) in &parsed {
        let list = root.field("relations").unwrap_or(&empty);
        let origin = Origin {
            file,
            layout: root,
            lines,
        };
        for (i, relation) in document.relations.iter().enumerate() {
            let node = list.item(i).unwrap_or(origin.layout);
            let field = |name: &str| node.field(name).unwrap_or(node);
            let from = entities.get(&relation.from);
            let to = entities.get(&relation.to);
            if from.is_none() {
                problems.push(
                    origin.problem(field("from"), format!("unknown entity `{}`", relation.from)),
                );
            }
            if to.is_none() {
                problems
                    .push(origin.problem(field("to"), format!("unknown entity `{}`", relation.to)));
            }
            if let Some(message) = from.and_then(|e| relation.kind.check_from(e)) {
                problems.push(origin.problem(field("from"), message));
            }
            if let Some(message) = to.and_then(|e| relation.kind.check_to(e)) {
                problems.push(origin.problem(field("to"), message));
            }
            if let (Some(start), Some(end)) = (relation.start, relation.end)
                && start.earliest() > end.latest()
            {
                problems.push(origin.problem(
                    field("end"),
                    format!("`end` {end} is before `start` {start}"),
                ));
            }
            if relation.evidence.is_empty() && !STRUCTURAL.contains(&relation.kind) {
                problems.push(origin.problem(
                    node,
                    format!(
                        "`{}` relation from `{}` to `{}` has no evidence",
                        relation.kind, relation.from, relation.to
                    ),
                ));
            }
            let evidence_list = node.field("evidence").unwrap_or(node);
            for (j, evidence) in relation.evidence.iter().enumerate() {
                let ev_node = evidence_list.item(j).unwrap_or(evidence_list);
                if let Some(message) = check_source_ref(&evidence.source, "evidence source") {
                    problems.push(origin.problem(ev_node.at(&["source"]), message));
                    continue;
                }
                if evidence.quote.trim().is_empty() {
                    problems.push(origin.problem(ev_node.at(&["quote"]), "empty quote".into()));
                } else if let Some(body) = squeezed_bodies.get(&evidence.source)
                    && !body.contains(&squeeze(&evidence.quote))
                {
                    let loaded = &dataset.articles[&evidence.source];
                    problems.push(origin.problem(
                        ev_node.at(&["quote"]),
                        format!(
                            "quote not found in the text of `{}` ({})",
                            evidence.source, loaded.path
                        ),
                    ));
                }
            }
            let key = relation.key();
            let here = origin.place(node);
            if let Some(first) = relation_keys.get(&key) {
                problems.push(origin.problem(
                    node,
                    format!(
                        "duplicate `{}` relation from `{}` to `{}` (first at {first}); give one record several evidence entries",
                        relation.kind, relation.from, relation.to
                    ),
                ));
            } else {
                relation_keys.insert(key, here);
            }
        }
    }

    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    let mut relations = Vec::new();
    for (_, _, _, document) in parsed {
        relations.extend(document.relations);
    }
    dataset.document = Document {
        entities: entities.into_values().collect(),
        relations,
    };
    dataset.document.sort();
    Ok(dataset)
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
