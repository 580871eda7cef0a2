//! Checks a set of parsed records files and articles and merges them into one document.
//!
//! Pure: it takes texts and returns a [`Dataset`] or every problem found, each with its
//! file, line and column. Work is O(n log n) in the number of records: ids go into a
//! `BTreeMap` once and every reference is one lookup.

use std::collections::BTreeMap;

use crate::article::{self, Article};
use crate::error::Problem;
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
pub const STRUCTURAL: &[RelationKind] = &[RelationKind::Within, RelationKind::PartOf];

/// Where a record came from, for messages.
struct Origin<'a> {
    file: &'a InputFile,
    layout: &'a Node,
}

impl<'a> Origin<'a> {
    fn problem(&self, node: &Node, message: String) -> Problem {
        let (line, col) = layout::line_col(&self.file.text, node.start);
        Problem {
            path: self.file.path.clone(),
            line,
            col,
            message,
        }
    }

    /// Where `node` is, kept as a byte offset: turning it into a line and column costs a
    /// scan of the text, so that happens only for positions that end up in a message.
    fn place(&self, node: &Node) -> Place<'a> {
        Place {
            file: self.file,
            offset: node.start,
        }
    }
}

/// A byte offset in a file, rendered as `path:line:col` on demand.
#[derive(Clone, Copy)]
struct Place<'a> {
    file: &'a InputFile,
    offset: usize,
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, col) = layout::line_col(&self.file.text, self.offset);
        write!(f, "{}:{line}:{col}", self.file.path)
    }
}

/// Parses one records file (RON, or JSON when its path ends in `.json`).
pub fn parse_document(file: &InputFile) -> Result<Document, Problem> {
    if file.path.ends_with(".json") {
        return serde_json::from_str(&file.text).map_err(|err| Problem {
            path: file.path.clone(),
            line: err.line().max(1),
            col: err.column().max(1),
            message: err
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    ron_options().from_str(&file.text).map_err(|err| Problem {
        path: file.path.clone(),
        line: err.span.start.line,
        col: err.span.start.col,
        message: lowercase_first(&err.code.to_string()),
    })
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
    for file in articles {
        let (mut article, front_problems) = article::parse(&file.text);
        for p in front_problems {
            problems.push(at_offset(file, p.offset, p.message));
        }
        let stem = file_stem(&file.path);
        let id = article::source_id_for_stem(stem);
        // Keys that are present but invalid were reported above; here only absent ones.
        let missing: Vec<&str> = ["source", "lang", "date"]
            .into_iter()
            .filter(|key| !article.keys.iter().any(|k| k == key))
            .collect();
        let bare =
            article.keys.is_empty() && !file.text.trim_start_matches('\u{feff}').starts_with("---");
        if bare {
            if let Err(message) = fill(file, &mut article) {
                problems.push(at_offset(file, 0, message));
                continue;
            }
        } else if !missing.is_empty() {
            problems.push(at_offset(
                file,
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
            Ok(document) => parsed.push((file, layout::scan(&file.text), document)),
            Err(problem) => problems.push(problem),
        }
    }

    // Pass 1: every entity id, once.
    let mut index: BTreeMap<EntityId, (Kind, Place<'_>)> = BTreeMap::new();
    for (entity, file) in &article_entities {
        index.insert(entity.id.clone(), (Kind::Source, Place { file, offset: 0 }));
    }
    let empty = Node::default();
    for (file, root, document) in &parsed {
        let list = root.field("entities").unwrap_or(&empty);
        let origin = Origin { file, layout: root };
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
    for (entity, file) in &article_entities {
        if let EntityKind::Source {
            translation_of: Some(other),
            ..
        } = &entity.kind
            && let Some(message) = check_source_ref(other, "translation_of")
        {
            problems.push(at_offset(file, 0, message));
        }
    }
    for (file, root, document) in &parsed {
        let list = root.field("entities").unwrap_or(&empty);
        let origin = Origin { file, layout: root };
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
        }
    }

    // Pass 3: relations. Entities are complete now, so ends can be checked by kind.
    let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
    for (entity, _) in article_entities {
        entities.insert(entity.id.clone(), entity);
    }
    for (_, _, document) in &parsed {
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
    for (file, root, document) in &parsed {
        let list = root.field("relations").unwrap_or(&empty);
        let origin = Origin { file, layout: root };
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
    for (_, _, document) in parsed {
        relations.extend(document.relations);
    }
    dataset.document = Document {
        entities: entities.into_values().collect(),
        relations,
    };
    dataset.document.sort();
    Ok(dataset)
}

/// `ron`'s messages start with a capital; ours do not.
pub(super) fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn at_offset(file: &InputFile, offset: usize, message: String) -> Problem {
    let (line, col) = layout::line_col(&file.text, offset);
    Problem {
        path: file.path.clone(),
        line,
        col,
        message,
    }
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Text with every run of whitespace read as one space, so a quote may be wrapped freely.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
