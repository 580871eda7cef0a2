//! Entity resolution: decides which person mentions are the same person, and says why.
//!
//! Input: the curated document (authoritative), documents extracted from articles, and
//! curated [`Judgement`]s. Output: one document in which every real person is one node,
//! plus a [`Report`]. Pure: no I/O.
//!
//! How it decides, in order (the rules themselves are in `decide.rs`):
//! 1. `same` judgements join their ids; `not_same` judgements forbid a join, whatever
//!    else would imply it (also transitively: two clusters never join while one holds
//!    an id the other must not).
//! 2. Candidates come from an index of loose name keys ([`crate::names`]), never from
//!    all pairs. Inside a bucket, each context [`Feature`] (article, placed post, placed
//!    body, place, province merged in 2025) keeps a few representative mentions; a mention
//!    joins a representative that shares a feature when the names are the same, or
//!    compatible across scripts (a Latin spelling variant needs a shared post; a shared
//!    place needs dates within ten years), and nothing refuses it: names written with
//!    different diacritics, or current posts in two provinces at the same time with no
//!    move reported. Work is O(n · f) for n mentions with f features each.
//! 3. A person whose posts are all unplaced (the article did not say where) joins the only
//!    other person so named who holds a post of the same role in the same kind of body;
//!    with two or more such people it stays apart, and the report lists each.
//! 4. A mention with no post, body or place joins the only other person in its bucket
//!    whose name matches, when there is exactly one.
//! 5. Two curated persons are never joined automatically: curated ids are distinct people.
//! 6. After resolution, an article's unplaced posts are placed where its officials serve,
//!    when the graph places them in one province (`unplaced.rs`).
//!
//! Same-named people left apart are reported as candidates, closest first, with the
//! reason and what would decide them.

mod conflicts;
mod context;
mod decide;
mod others;
mod provinces;
mod report;
mod unplaced;

pub use crate::load::Judgement;
pub use conflicts::{Conflict, post_conflicts, span};
pub use context::{AREA_WINDOW_YEARS, Feature};
pub use others::Joined;
pub use provinces::{MERGER_DATE, successor};
pub use report::{
    Candidate, Link, MentionReport, PersonReport, Report, SHOWN_IN_BUILD, kept_apart_summary,
};
pub use unplaced::{PLACED_CONFIDENCE, Placing, place_unplaced};

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::model::{
    Alias, Document, Entity, EntityId, EntityKind, FastMap, Kind, Lang, Relation, slugify,
};
use crate::names::{NameMatch, has_arabic, romanize_arabic_with};

use context::World;
use decide::{Clusters, Join, Mention, Names, Refusal};

/// The resolved document and the account of how it was resolved.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub document: Document,
    pub report: Report,
}

/// How many representatives a context feature keeps per name bucket.
const REPRESENTATIVES: usize = 4;
/// How many distinct people per name bucket are compared for the candidate report.
const REPORTED_PER_BUCKET: usize = 6;
/// How many distinct people per role a bucket remembers when looking for the only one.
const ROLE_HOLDERS: usize = 3;

fn name_ok(name: NameMatch) -> bool {
    matches!(name, NameMatch::Same | NameMatch::Compatible)
}

/// Resolves the person mentions of `curated` and `extracted` into one document.
///
/// Curated entities are authoritative: a curated person keeps its id and name, and
/// extracted mentions join it. Entities of other kinds merge by id (curated wins for name
/// and kind; aliases are unioned). Relations are re-pointed to the resolved ids;
/// relations with equal keys merge, their evidence unioned. The output is sorted.
pub fn resolve(curated: &Document, extracted: &[Document], judgements: &[Judgement]) -> Resolution {
    resolve_owned(curated.clone(), extracted.to_vec(), judgements)
}

/// [`resolve`], taking the documents: their records move into the resolved document
/// instead of being copied, so a million curated relations exist once, not twice.
pub fn resolve_owned(
    curated: Document,
    extracted: Vec<Document>,
    judgements: &[Judgement],
) -> Resolution {
    resolve_owned_beside(curated, extracted, judgements, |_| ()).0
}

/// [`resolve_owned`], with `beside` run on the curated records on another core while
/// resolution reads them (before they move into the resolved document).
pub fn resolve_owned_beside<T: Send>(
    curated: Document,
    extracted: Vec<Document>,
    judgements: &[Judgement],
    beside: impl FnOnce(&Document) -> T + Send,
) -> (Resolution, T) {
    let ((id_map, people, report), value) = rayon::join(
        || people(&curated, &extracted, judgements),
        || beside(&curated),
    );
    let document = assemble(curated, extracted, &id_map, people);
    (Resolution { document, report }, value)
}

/// Resolved id of each (document, id) that resolution re-pointed.
type IdMap = FastMap<(usize, EntityId), EntityId>;

/// Who is who: the resolved id of every person mention and of every place or body joined
/// to a curated one, the resolved person entities, and the report.
fn people(
    curated: &Document,
    extracted: &[Document],
    judgements: &[Judgement],
) -> (IdMap, Vec<Entity>, Report) {
    let documents: Vec<&Document> = std::iter::once(curated).chain(extracted).collect();
    let world = World::new(&documents);
    let labels: Vec<String> = (0..documents.len())
        .map(|d| document_label(d, extracted))
        .collect();

    // Mentions: every person entity of every document, with its keys and context. Names
    // repeat, so their keys are computed once.
    let mut names = Names::default();
    let people = documents
        .iter()
        .flat_map(|d| &d.entities)
        .filter(|e| e.kind() == Kind::Person)
        .count();
    let mut mentions: Vec<Mention> = Vec::with_capacity(people);
    for (d, document) in documents.iter().enumerate() {
        let mut from: FastMap<&EntityId, Vec<&Relation>> = FastMap::default();
        for relation in &document.relations {
            from.entry(&relation.from).or_default().push(relation);
        }
        let own_source = (d > 0)
            .then(|| {
                document
                    .entities
                    .iter()
                    .filter(|e| e.kind() == Kind::Source)
                    .map(|e| &e.id)
                    .collect::<Vec<_>>()
            })
            .and_then(|sources| match sources[..] {
                [one] => world.get(one),
                _ => None,
            });
        // The keys of the document's names and its people's contexts are computed on
        // every core (each a pure function of its input), then taken in order.
        let persons: Vec<&Entity> = document
            .entities
            .iter()
            .filter(|e| e.kind() == Kind::Person)
            .collect();
        let texts: Vec<&str> = persons
            .iter()
            .flat_map(|e| {
                std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.text.as_str()))
            })
            .collect();
        names.add_all(&texts);
        drop(texts);
        let contexts: Vec<context::Context> = persons
            .par_iter()
            .map(|entity| {
                let relations = from.get(&entity.id).map(Vec::as_slice).unwrap_or(&[]);
                world.context(entity, relations, own_source)
            })
            .collect();
        drop(from);
        for (entity, context) in persons.into_iter().zip(contexts) {
            let mut keys = Vec::new();
            let mut marks = Vec::new();
            for text in std::iter::once(entity.name.as_str())
                .chain(entity.aliases.iter().map(|a| a.text.as_str()))
            {
                let (key, mark) = names.add(text);
                if !names.keys[key as usize].strict.is_empty() {
                    keys.push(key);
                }
                marks.extend(mark);
            }
            keys.sort_unstable();
            keys.dedup();
            keys.shrink_to_fit();
            marks.sort_unstable();
            marks.dedup();
            marks.shrink_to_fit();
            mentions.push(Mention {
                document: d,
                entity,
                keys,
                marks,
                context,
            });
        }
    }
    let mut clusters = Clusters::new(&mentions);
    let mut by_id: FastMap<&EntityId, Vec<usize>> = FastMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        by_id.entry(&mention.entity.id).or_default().push(i);
    }
    let mut report = Report::default();
    let mut links: Vec<(usize, usize, String)> = Vec::new();
    let mut refused: BTreeMap<(usize, usize), Refusal> = BTreeMap::new();
    let mut ambiguous: BTreeMap<(usize, usize), String> = BTreeMap::new();

    // 1. Judgements.
    for judgement in judgements {
        let (a, b) = judgement.ids();
        for id in [a, b] {
            if !by_id.contains_key(id) {
                report
                    .problems
                    .push(format!("judgement names `{id}`, which no document has"));
            }
        }
        if let Judgement::NotSame { a, b, .. } = judgement {
            for (x, y) in [(a, b), (b, a)] {
                for &i in by_id.get(x).map(Vec::as_slice).unwrap_or(&[]) {
                    clusters.forbid(i, y.clone());
                }
            }
        }
    }
    for judgement in judgements {
        let Judgement::Same { a, b, note } = judgement else {
            continue;
        };
        let members: Vec<usize> = [a, b]
            .iter()
            .flat_map(|id| by_id.get(id).cloned().unwrap_or_default())
            .collect();
        for pair in members.windows(2) {
            let reason = if note.is_empty() {
                "curated `same` judgement".to_string()
            } else {
                format!("curated `same` judgement: {note}")
            };
            match clusters.union(pair[0], pair[1], Join::Judged, &names, &world) {
                Ok(true) => links.push((pair[0], pair[1], reason)),
                Ok(false) => {}
                Err(refusal) => report.problems.push(format!(
                    "`same` judgement on `{a}` and `{b}` overridden: {}",
                    refusal.reason()
                )),
            }
        }
    }

    // 2. Buckets of equal loose keys, in order of first appearance, and shared context.
    let mut bucket_of_key: Vec<u32> = Vec::with_capacity(names.keys.len());
    let mut bucket_index: FastMap<String, u32> = FastMap::default();
    for key in &names.keys {
        let next = bucket_index.len() as u32;
        bucket_of_key.push(*bucket_index.entry(key.loose_text()).or_insert(next));
    }
    drop(bucket_index);
    let mut buckets: Vec<Vec<usize>> = Vec::new();
    let mut order: FastMap<u32, usize> = FastMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        let mut own: Vec<u32> = mention
            .keys
            .iter()
            .map(|&k| bucket_of_key[k as usize])
            .collect();
        own.sort_unstable();
        own.dedup();
        for b in own {
            let next = buckets.len();
            let slot = *order.entry(b).or_insert(next);
            if slot == buckets.len() {
                buckets.push(Vec::new());
            }
            buckets[slot].push(i);
        }
    }
    drop(order);
    buckets.retain(|members| members.len() > 1);

    for members in &buckets {
        let mut representatives: FastMap<context::Feature, Vec<usize>> = FastMap::default();
        for &m in members {
            let mention = &mentions[m];
            for feature in &mention.context.features {
                let reps = representatives.entry(*feature).or_default();
                for &r in reps.iter() {
                    if clusters.find(r) == clusters.find(m) {
                        break;
                    }
                    let other = &mentions[r];
                    let name = mention.name_match(other, &names);
                    let name_ok = match name {
                        NameMatch::Same | NameMatch::Compatible => true,
                        NameMatch::Variant => feature.admits_spelling_variants(),
                        NameMatch::Different => false,
                    };
                    let dates_ok = !feature.is_place()
                        || mention
                            .context
                            .within_years(&other.context, AREA_WINDOW_YEARS);
                    if !(name_ok && dates_ok) {
                        continue;
                    }
                    let join = if matches!(feature, context::Feature::Article(_)) {
                        Join::SameArticle
                    } else {
                        Join::Inferred
                    };
                    match clusters.union(r, m, join, &names, &world) {
                        Ok(_) => {
                            let reason =
                                decide::shared_reason(feature, other, mention, name, &world);
                            links.push((r, m, reason));
                            break;
                        }
                        Err(refusal) => {
                            refused.insert((r.min(m), r.max(m)), refusal);
                        }
                    }
                }
                if reps.len() < REPRESENTATIVES {
                    reps.push(m);
                }
            }
        }
    }
    // 3. People whose posts are all unplaced join the only person so named holding a post
    // of the same role in the same kind of body.
    for members in &buckets {
        if !members
            .iter()
            .any(|&m| mentions[m].context.unplaced_roles().next().is_some())
        {
            continue;
        }
        let mut holders: BTreeMap<_, Vec<(usize, usize)>> = BTreeMap::new();
        for &m in members {
            let root = clusters.find(m);
            for role in mentions[m].context.roles() {
                let list = holders.entry(role).or_default();
                if list.len() < ROLE_HOLDERS && !list.iter().any(|(r, _)| *r == root) {
                    list.push((root, m));
                }
            }
        }
        for &m in members {
            let own = clusters.find(m);
            if !clusters.is_unplaced(own) {
                continue;
            }
            let mut found: Vec<(usize, usize)> = Vec::new();
            for role in mentions[m].context.unplaced_roles() {
                for &(root, rep) in holders.get(&role).map(Vec::as_slice).unwrap_or(&[]) {
                    let root = clusters.find(root);
                    if root != own
                        && name_ok(mentions[m].name_match(&mentions[rep], &names))
                        && !found.iter().any(|(r, _)| *r == root)
                    {
                        found.push((root, rep));
                    }
                }
            }
            match found[..] {
                [(_, other)] => {
                    let name = mentions[m].name_match(&mentions[other], &names);
                    match clusters.union(other, m, Join::Inferred, &names, &world) {
                        Ok(true) => links.push((
                            other,
                            m,
                            decide::role_reason(&mentions[other], &mentions[m], name, &world),
                        )),
                        Ok(false) => {}
                        Err(refusal) => {
                            refused.insert((other.min(m), other.max(m)), refusal);
                        }
                    }
                }
                [] => {}
                ref many => {
                    let list: Vec<String> = many
                        .iter()
                        .map(|&(_, rep)| decide::posts_text(&mentions[rep], &world))
                        .collect();
                    for &(_, rep) in many {
                        ambiguous.insert(
                            (rep.min(m), rep.max(m)),
                            format!(
                                "same name and a post of the same role without a place, but {} \
                                 people so named hold one: {}",
                                many.len(),
                                list.join(" | ")
                            ),
                        );
                    }
                }
            }
        }
    }

    // 4. Mentions with nothing but a name (and an article) join the only match.
    for members in &buckets {
        let mut roots: Vec<(usize, usize)> = Vec::new();
        for &m in members {
            let root = clusters.find(m);
            if !roots.iter().any(|(r, _)| *r == root) {
                roots.push((root, m));
                if roots.len() > 2 {
                    break;
                }
            }
        }
        if roots.len() > 2 {
            continue;
        }
        for &m in members {
            if !mentions[m].context.name_only() {
                continue;
            }
            let own = clusters.find(m);
            let others: Vec<usize> = roots
                .iter()
                .filter(|(root, rep)| {
                    clusters.find(*root) != own
                        && name_ok(mentions[m].name_match(&mentions[*rep], &names))
                })
                .map(|(_, rep)| *rep)
                .collect();
            if let [other] = others[..] {
                let name = mentions[m].name_match(&mentions[other], &names);
                match clusters.union(other, m, Join::Inferred, &names, &world) {
                    Ok(true) => links.push((
                        other,
                        m,
                        decide::name_only_reason(&mentions[m], &mentions[other], name, &world),
                    )),
                    Ok(false) => {}
                    Err(refusal) => {
                        refused.insert((other.min(m), other.max(m)), refusal);
                    }
                }
            }
        }
    }

    // Resolved ids: curated ids stay; the others take their slug, made unique with `-2`,
    // `-3`… when another person already has it.
    let mut members_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..mentions.len() {
        let root = clusters.find(i);
        members_of.entry(root).or_default().push(i);
    }
    let mut taken: BTreeSet<EntityId> = mentions
        .iter()
        .filter(|m| m.document == 0)
        .map(|m| m.entity.id.clone())
        .collect();
    let mut final_id: FastMap<usize, EntityId> = FastMap::default();
    for &root in members_of.keys() {
        if let Some(id) = &clusters.curated[root] {
            final_id.insert(root, id.clone());
        }
    }
    for (&root, members) in &members_of {
        if final_id.contains_key(&root) {
            continue;
        }
        let cluster: Vec<&Mention> = members.iter().map(|&i| &mentions[i]).collect();
        let slug = slugify(&choose_name(&cluster));
        let preferred = if slug.is_empty() {
            cluster
                .iter()
                .map(|m| m.entity.id.clone())
                .min()
                .expect("a cluster has a member")
        } else {
            EntityId::new(format!("person:{slug}"))
        };
        let mut id = preferred.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = EntityId::new(format!("{preferred}-{n}"));
            n += 1;
        }
        taken.insert(id.clone());
        final_id.insert(root, id);
    }
    drop(taken);
    let mut id_map: FastMap<(usize, &EntityId), EntityId> = FastMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        let root = clusters.find(i);
        id_map.insert(
            (mention.document, &mention.entity.id),
            final_id[&root].clone(),
        );
    }
    // Places and bodies that extraction spelled otherwise than the curator.
    let (joined_map, joined) =
        others::join_to_curated(curated, extracted, |d| labels[d + 1].clone());
    for ((d, id), into) in joined_map {
        id_map.insert((d + 1, id), into);
    }
    report.joined = joined;

    // Person entities and their reports.
    let mut entities: Vec<Entity> = Vec::with_capacity(members_of.len());
    report.people.reserve_exact(members_of.len());
    let mut links_of: FastMap<usize, Vec<Link>> = FastMap::default();
    let label = |m: &Mention| format!("{} ({})", m.entity.id, labels[m.document]);
    for (a, b, reason) in links {
        let root = clusters.find(a);
        links_of.entry(root).or_default().push(Link {
            a: label(&mentions[a]),
            b: label(&mentions[b]),
            reason,
        });
    }
    // Each root's person, by its place in `entities`.
    let mut names_of: FastMap<usize, usize> = FastMap::default();
    for (&root, members) in &members_of {
        let id = final_id[&root].clone();
        let person = merge_people(&id, members.iter().map(|&i| &mentions[i]), &world);
        let mut mention_reports: Vec<MentionReport> = members
            .iter()
            .map(|&i| MentionReport {
                document: labels[mentions[i].document].clone(),
                id: mentions[i].entity.id.clone(),
                name: mentions[i].entity.name.clone(),
                sources: mentions[i]
                    .context
                    .sources
                    .iter()
                    .map(|&s| world.entity_id(s).clone())
                    .collect(),
            })
            .collect();
        mention_reports.sort();
        report.people.push(PersonReport {
            id: id.clone(),
            name: person.name.clone(),
            mentions: mention_reports,
            links: links_of.remove(&root).unwrap_or_default(),
        });
        names_of.insert(root, entities.len());
        entities.push(person);
    }
    report.people.sort_by(|a, b| a.id.cmp(&b.id));
    // 5. Candidates kept apart, closest first.
    let mut refused_roots: FastMap<(usize, usize), Refusal> = FastMap::default();
    for ((a, b), refusal) in refused {
        let (ra, rb) = (clusters.find(a), clusters.find(b));
        if ra != rb {
            refused_roots
                .entry((ra.min(rb), ra.max(rb)))
                .or_insert(refusal);
        }
    }
    let mut ambiguous_roots: FastMap<(usize, usize), String> = FastMap::default();
    for ((a, b), text) in ambiguous {
        let (ra, rb) = (clusters.find(a), clusters.find(b));
        if ra != rb {
            ambiguous_roots
                .entry((ra.min(rb), ra.max(rb)))
                .or_insert(text);
        }
    }
    let person_posts = |root: usize| -> String {
        let mut posts: Vec<String> = members_of[&root]
            .iter()
            .map(|&i| decide::posts_text(&mentions[i], &world))
            .collect();
        posts.sort();
        posts.dedup();
        let more = posts.len().saturating_sub(REPORTED_PER_BUCKET);
        posts.truncate(REPORTED_PER_BUCKET);
        if more > 0 {
            posts.push(format!("and {more} more"));
        }
        posts.join("; ")
    };
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in &buckets {
        let mut reps: Vec<(usize, usize)> = Vec::new();
        for &m in members {
            let root = clusters.find(m);
            if !reps.iter().any(|(r, _)| *r == root) {
                reps.push((root, m));
                if reps.len() == REPORTED_PER_BUCKET {
                    break;
                }
            }
        }
        for (i, &(ra, a)) in reps.iter().enumerate() {
            for &(rb, b) in &reps[i + 1..] {
                let pair = (ra.min(rb), ra.max(rb));
                let keys = mentions[a].key_match(&mentions[b], &names);
                if keys == NameMatch::Different || !seen.insert(pair) {
                    continue;
                }
                let (closeness, reason, decide) = if let Some(refusal) = refused_roots.get(&pair) {
                    (refusal.closeness(), refusal.reason(), refusal.decider())
                } else if let Some((x, y)) = decide::marks_conflict(
                    &clusters_marks(&mentions, &members_of, ra),
                    &clusters_marks(&mentions, &members_of, rb),
                    &names,
                ) {
                    let refusal = Refusal::Diacritics(x.to_string(), y.to_string());
                    (refusal.closeness(), refusal.reason(), refusal.decider())
                } else if let Some(text) = ambiguous_roots.get(&pair) {
                    (
                        5,
                        text.clone(),
                        "the place in the article that leaves it out, or a judgement".to_string(),
                    )
                } else {
                    decide::apart(&mentions[a], &mentions[b], keys, &world)
                };
                let (x, y) = if final_id[&ra] <= final_id[&rb] {
                    (ra, rb)
                } else {
                    (rb, ra)
                };
                report.candidates.push(Candidate {
                    a: final_id[&x].clone(),
                    b: final_id[&y].clone(),
                    a_name: entities[names_of[&x]].name.clone(),
                    b_name: entities[names_of[&y]].name.clone(),
                    a_posts: person_posts(x),
                    b_posts: person_posts(y),
                    closeness,
                    reason,
                    decide,
                });
            }
        }
    }
    report.sort();
    report.problems.dedup();
    let id_map = id_map
        .into_iter()
        .map(|((d, id), into)| ((d, id.clone()), into))
        .collect();
    (id_map, entities, report)
}

/// The resolved document: the resolved people, the other entities merged by id (curated
/// first) and every relation re-pointed and merged by key (curated first), moved out of
/// the documents. Sorted.
fn assemble(
    mut curated: Document,
    extracted: Vec<Document>,
    id_map: &IdMap,
    mut entities: Vec<Entity>,
) -> Document {
    // Other entities merge by id, curated first.
    let mut others: FastMap<EntityId, usize> = FastMap::default();
    let mut relations = std::mem::take(&mut curated.relations);
    for relation in &mut relations {
        relation.from = repoint(id_map, 0, &relation.from);
        relation.to = repoint(id_map, 0, &relation.to);
    }
    let documents = std::iter::once(curated).chain(extracted);
    for (d, document) in documents.enumerate() {
        for mut entity in document.entities {
            if entity.kind() == Kind::Person {
                continue;
            }
            let id = repoint(id_map, d, &entity.id);
            match others.get(&id) {
                Some(&i) => {
                    let existing = &mut entities[i];
                    existing.aliases.append(&mut entity.aliases);
                    if existing.note.is_none() {
                        existing.note = entity.note;
                    }
                }
                None => {
                    others.insert(id.clone(), entities.len());
                    entity.id = id;
                    entities.push(entity);
                }
            }
        }
        // Relations re-pointed (the curated ones are, above), in document order.
        for mut relation in document.relations {
            relation.from = repoint(id_map, d, &relation.from);
            relation.to = repoint(id_map, d, &relation.to);
            relations.push(relation);
        }
    }
    drop(others);

    // A stable sort keeps the curated relation first among equal keys; equal keys merge,
    // in place. (Entities are put in their order first, so the sort compares relation ends
    // as entity positions: `Document::sort_relations`.)
    let mut document = Document {
        entities,
        relations,
    };
    document.sort_entities();
    document.sort_relations();
    document.relations.dedup_by(|later, kept| {
        let same = later.key() == kept.key();
        if same {
            kept.evidence.append(&mut later.evidence);
        }
        same
    });
    document.sort();
    document
}

/// The marked spellings of every mention of a cluster.
fn clusters_marks(
    mentions: &[Mention],
    members_of: &BTreeMap<usize, Vec<usize>>,
    root: usize,
) -> Vec<u32> {
    let mut marks: Vec<u32> = members_of[&root]
        .iter()
        .flat_map(|&i| mentions[i].marks.iter().copied())
        .collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

fn document_label(document: usize, extracted: &[Document]) -> String {
    if document == 0 {
        return "curated".to_string();
    }
    let doc = &extracted[document - 1];
    doc.entities
        .iter()
        .find(|e| e.kind() == Kind::Source)
        .map(|e| format!("extracted {}", e.id))
        .unwrap_or_else(|| format!("extracted #{document}"))
}

fn repoint(id_map: &IdMap, document: usize, id: &EntityId) -> EntityId {
    let key = (document, id.clone());
    id_map
        .get(&key)
        .or_else(|| id_map.get(&(0, key.1)))
        .cloned()
        .unwrap_or_else(|| id.clone())
}

/// The Latin name of a person without a curated record: a name written with Vietnamese
/// diacritics first, then a plain Latin name an article wrote, then the name of an
/// Arabic-script mention's romanization; among each, the one most mentions and aliases
/// support (an Arabic alias supports the reading of it that the cluster's written Latin
/// names confirm, else its ranked reading), then the smallest.
fn choose_name(members: &[&Mention]) -> String {
    // An entity with an Arabic-script alias was named by romanizing it; its other names
    // were written by an article.
    let romanized = |m: &Mention| m.entity.aliases.iter().any(|a| has_arabic(&a.text));
    let written: BTreeSet<String> = members
        .iter()
        .flat_map(|m| {
            let own = (!romanized(m)).then_some(&m.entity.name);
            own.into_iter()
                .chain(m.entity.aliases.iter().map(|a| &a.text))
                .filter(|t| !has_arabic(t))
                .map(|t| crate::text::search_key(t))
        })
        .collect();
    let read = |text: &str| romanize_arabic_with(text, |n| written.contains(n));
    let mut support: BTreeMap<String, usize> = BTreeMap::new();
    for member in members {
        for text in std::iter::once(&member.entity.name)
            .chain(member.entity.aliases.iter().map(|a| &a.text))
        {
            let latin = if has_arabic(text) {
                read(text)
            } else {
                text.clone()
            };
            *support.entry(crate::text::fold(&latin)).or_default() += 1;
        }
    }
    members
        .iter()
        .map(|m| {
            let name = &m.entity.name;
            let latin = if has_arabic(name) {
                read(name)
            } else {
                name.clone()
            };
            let rank = if has_arabic(name) || romanized(m) {
                2
            } else if !name.is_ascii() {
                0
            } else {
                1
            };
            let votes = support
                .get(&crate::text::fold(&latin))
                .copied()
                .unwrap_or(0);
            (rank, std::cmp::Reverse(votes), latin)
        })
        .min()
        .map(|(_, _, name)| name)
        .unwrap_or_default()
}

/// One person entity from the mentions of one cluster: the curated one's id and name
/// when there is one, every name and alias of every mention kept with its source.
fn merge_people<'a>(
    id: &EntityId,
    members: impl Iterator<Item = &'a Mention<'a>>,
    world: &World,
) -> Entity {
    let members: Vec<&Mention> = members.collect();
    let curated = members
        .iter()
        .find(|m| m.document == 0 && &m.entity.id == id);
    let name = match curated {
        Some(m) => m.entity.name.clone(),
        None => choose_name(&members),
    };
    let mut aliases: Vec<Alias> = Vec::new();
    let mut note = curated.and_then(|m| m.entity.note.clone());
    for member in &members {
        aliases.extend(member.entity.aliases.iter().cloned());
        if note.is_none() {
            note.clone_from(&member.entity.note);
        }
        let entity_name = &member.entity.name;
        let is_canonical = curated.is_some_and(|c| std::ptr::eq(*c, *member));
        if is_canonical || member.entity.aliases.iter().any(|a| &a.text == entity_name) {
            continue;
        }
        // A Latin name of a mention from an Arabic article is our romanization, not a
        // spelling the article used: the Arabic spelling is already among its aliases.
        if member.context.lang == Some(Lang::Ar) && !has_arabic(entity_name) {
            continue;
        }
        let lang = if has_arabic(entity_name) {
            Lang::Ar
        } else {
            member.context.lang.unwrap_or(if entity_name.is_ascii() {
                Lang::En
            } else {
                Lang::Vi
            })
        };
        aliases.push(Alias {
            text: entity_name.clone(),
            lang,
            source: member
                .context
                .sources
                .first()
                .map(|&s| world.entity_id(s).clone()),
        });
    }
    aliases.sort();
    aliases.dedup();
    Entity {
        id: id.clone(),
        name,
        kind: EntityKind::Person,
        aliases,
        note,
    }
}

#[cfg(test)]
mod tests;
