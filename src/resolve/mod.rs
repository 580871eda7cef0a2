//! Entity resolution: decides which person mentions are the same person, and says why.
//!
//! Input: the curated document (authoritative), documents extracted from articles, and
//! curated [`Judgement`]s. Output: one document in which every real person is one node,
//! plus a [`Report`]. Pure: no I/O.
//!
//! How it decides, in order:
//! 1. `same` judgements join their ids; `not_same` judgements forbid a join, whatever
//!    else would imply it (also transitively: two clusters never join while one holds
//!    an id the other must not).
//! 2. Candidates come from an index of loose name keys ([`crate::names`]), never from
//!    all pairs. Inside a bucket, each context [`Feature`] (article, post, body, place)
//!    keeps a few representative mentions; a mention joins a representative that shares a
//!    feature when the names are the same, or compatible across scripts (a Latin spelling
//!    variant needs a shared post; a shared place needs dates within ten years). Work is
//!    O(n · f) for n mentions with f features each.
//! 3. A mention with no post, body or place joins the only other person in its bucket
//!    whose name matches, when there is exactly one.
//! 4. Two curated persons are never joined automatically: curated ids are distinct people.
//!
//! Same-named people left apart are reported as candidates with the reason.

mod conflicts;
mod context;
mod others;
mod provinces;
mod report;

pub use crate::load::Judgement;
pub use conflicts::{Conflict, post_conflicts, span};
pub use context::{AREA_WINDOW_YEARS, Feature};
pub use others::Joined;
pub use provinces::{MERGER_DATE, successor};
pub use report::{Candidate, Link, MentionReport, PersonReport, Report};

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Alias, Document, Entity, EntityId, EntityKind, Kind, Lang, PartialDate, Relation, RelationKind,
    slugify,
};
use crate::names::{NameKey, NameMatch, has_arabic, name_key, romanize_arabic};

use context::{Context, World};

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

/// One person entity as one document gives it.
struct Mention<'a> {
    /// 0 for the curated document, i + 1 for `extracted[i]`.
    document: usize,
    entity: &'a Entity,
    keys: Vec<NameKey>,
    context: Context,
}

impl Mention<'_> {
    fn name_match(&self, other: &Mention) -> NameMatch {
        let mut best = NameMatch::Different;
        for a in &self.keys {
            for b in &other.keys {
                best = best.min(a.compare(b));
            }
        }
        best
    }

    fn has_role_or_place(&self) -> bool {
        self.context
            .features
            .iter()
            .any(|f| !matches!(f, Feature::Article(_)))
    }
}

/// Union-find over mentions, each cluster carrying what may not join it.
struct Clusters {
    parent: Vec<usize>,
    ids: Vec<BTreeSet<EntityId>>,
    forbidden: Vec<BTreeSet<EntityId>>,
    curated: Vec<Option<EntityId>>,
}

enum Refusal {
    NotSame(EntityId),
    BothCurated(EntityId, EntityId),
}

impl Refusal {
    fn reason(&self) -> String {
        match self {
            Refusal::NotSame(id) => format!("`not_same` judgement on `{id}`"),
            Refusal::BothCurated(a, b) => {
                format!("`{a}` and `{b}` are both curated people")
            }
        }
    }
}

impl Clusters {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the clusters of `a` and `b`; `forced` (a `same` judgement) overrides the
    /// curated rule but never a `not_same`. Returns false when they were already one.
    fn union(&mut self, a: usize, b: usize, forced: bool) -> Result<bool, Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(false);
        }
        if let Some(id) = self.ids[ra]
            .intersection(&self.forbidden[rb])
            .chain(self.ids[rb].intersection(&self.forbidden[ra]))
            .next()
        {
            return Err(Refusal::NotSame(id.clone()));
        }
        if !forced && let (Some(x), Some(y)) = (&self.curated[ra], &self.curated[rb]) {
            return Err(Refusal::BothCurated(x.clone(), y.clone()));
        }
        let (big, small) = if self.ids[ra].len() >= self.ids[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = big;
        let ids = std::mem::take(&mut self.ids[small]);
        self.ids[big].extend(ids);
        let forbidden = std::mem::take(&mut self.forbidden[small]);
        self.forbidden[big].extend(forbidden);
        let curated = self.curated[small].take();
        if let Some(small_id) = curated {
            let keep = match self.curated[big].take() {
                Some(big_id) => big_id.min(small_id),
                None => small_id,
            };
            self.curated[big] = Some(keep);
        }
        Ok(true)
    }
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

fn mention_label(mention: &Mention, extracted: &[Document]) -> String {
    format!(
        "{} ({})",
        mention.entity.id,
        document_label(mention.document, extracted)
    )
}

/// Resolves the person mentions of `curated` and `extracted` into one document.
///
/// Curated entities are authoritative: a curated person keeps its id and name, and
/// extracted mentions join it. Entities of other kinds merge by id (curated wins for name
/// and kind; aliases are unioned). Relations are re-pointed to the resolved ids;
/// relations with equal keys merge, their evidence unioned. The output is sorted.
pub fn resolve(curated: &Document, extracted: &[Document], judgements: &[Judgement]) -> Resolution {
    let documents: Vec<&Document> = std::iter::once(curated).chain(extracted).collect();
    let world = World::new(&documents);

    // Mentions: every person entity of every document, with its keys and context. Names
    // repeat, so their keys are computed once (the map is only looked up, never iterated).
    let mut mentions: Vec<Mention> = Vec::new();
    let mut key_cache: std::collections::HashMap<&str, NameKey> = Default::default();
    for (d, document) in documents.iter().enumerate() {
        let mut from: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
        for relation in &document.relations {
            from.entry(&relation.from).or_default().push(relation);
        }
        for entity in &document.entities {
            if entity.kind() != Kind::Person {
                continue;
            }
            let relations = from.get(&entity.id).map(Vec::as_slice).unwrap_or(&[]);
            let mut keys: Vec<NameKey> = std::iter::once(entity.name.as_str())
                .chain(entity.aliases.iter().map(|a| a.text.as_str()))
                .map(|text| {
                    key_cache
                        .entry(text)
                        .or_insert_with(|| name_key(text))
                        .clone()
                })
                .filter(|k| !k.strict.is_empty())
                .collect();
            keys.sort();
            keys.dedup();
            mentions.push(Mention {
                document: d,
                entity,
                keys,
                context: world.context(entity, relations),
            });
        }
    }

    let mut clusters = Clusters {
        parent: (0..mentions.len()).collect(),
        ids: mentions
            .iter()
            .map(|m| BTreeSet::from([m.entity.id.clone()]))
            .collect(),
        forbidden: vec![BTreeSet::new(); mentions.len()],
        curated: mentions
            .iter()
            .map(|m| (m.document == 0).then(|| m.entity.id.clone()))
            .collect(),
    };
    let mut by_id: BTreeMap<&EntityId, Vec<usize>> = BTreeMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        by_id.entry(&mention.entity.id).or_default().push(i);
    }
    let mut report = Report::default();
    let mut links: Vec<(usize, usize, String)> = Vec::new();
    let mut refused: BTreeMap<(usize, usize), String> = BTreeMap::new();

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
                    clusters.forbidden[i].insert(y.clone());
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
            match clusters.union(pair[0], pair[1], true) {
                Ok(true) => links.push((pair[0], pair[1], reason)),
                Ok(false) => {}
                Err(refusal) => report.problems.push(format!(
                    "`same` judgement on `{a}` and `{b}` overridden: {}",
                    refusal.reason()
                )),
            }
        }
    }

    // 2. Buckets of equal loose keys, and shared context inside them.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        let mut texts: Vec<String> = mention.keys.iter().map(NameKey::loose_text).collect();
        texts.sort();
        texts.dedup();
        for text in texts {
            buckets.entry(text).or_default().push(i);
        }
    }
    for members in buckets.values() {
        if members.len() < 2 {
            continue;
        }
        let mut representatives: BTreeMap<&Feature, Vec<usize>> = BTreeMap::new();
        for &m in members {
            let mention = &mentions[m];
            for feature in &mention.context.features {
                let reps = representatives.entry(feature).or_default();
                for &r in reps.iter() {
                    if clusters.find(r) == clusters.find(m) {
                        break;
                    }
                    let other = &mentions[r];
                    let name = mention.name_match(other);
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
                    let reason = format!("{} name, {feature}", describe_match(name));
                    match clusters.union(r, m, false) {
                        Ok(_) => {
                            links.push((r, m, reason));
                            break;
                        }
                        Err(refusal) => {
                            refused.insert((r.min(m), r.max(m)), refusal.reason());
                        }
                    }
                }
                if reps.len() < REPRESENTATIVES {
                    reps.push(m);
                }
            }
        }
    }

    // 3. Mentions with nothing but a name (and an article) join the only match.
    for members in buckets.values() {
        if members.len() < 2 {
            continue;
        }
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
            if mentions[m].has_role_or_place() {
                continue;
            }
            let own = clusters.find(m);
            let others: Vec<usize> = roots
                .iter()
                .filter(|(root, rep)| {
                    clusters.find(*root) != own
                        && matches!(
                            mentions[m].name_match(&mentions[*rep]),
                            NameMatch::Same | NameMatch::Compatible
                        )
                })
                .map(|(_, rep)| *rep)
                .collect();
            if let [other] = others[..] {
                let reason = format!(
                    "{} name, the only person so named, and no post, body or place to tell otherwise",
                    describe_match(mentions[m].name_match(&mentions[other]))
                );
                match clusters.union(other, m, false) {
                    Ok(true) => links.push((other, m, reason)),
                    Ok(false) => {}
                    Err(refusal) => {
                        refused.insert((other.min(m), other.max(m)), refusal.reason());
                    }
                }
            }
        }
    }

    // Resolved ids: curated ids stay; the others take their smallest mention id, made
    // unique with `-2`, `-3`… when another person already has it.
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
    let mut final_id: BTreeMap<usize, EntityId> = BTreeMap::new();
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
    let mut id_map: BTreeMap<(usize, &EntityId), EntityId> = BTreeMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        let root = clusters.find(i);
        id_map.insert(
            (mention.document, &mention.entity.id),
            final_id[&root].clone(),
        );
    }

    // Places and bodies that extraction spelled otherwise than the curator.
    let (joined_map, joined) =
        others::join_to_curated(curated, extracted, |d| document_label(d + 1, extracted));
    for ((d, id), into) in joined_map {
        id_map.insert((d + 1, id), into);
    }
    report.joined = joined;

    // Person entities and their reports.
    let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
    let mut links_of: BTreeMap<usize, Vec<Link>> = BTreeMap::new();
    for (a, b, reason) in links {
        let root = clusters.find(a);
        links_of.entry(root).or_default().push(Link {
            a: mention_label(&mentions[a], extracted),
            b: mention_label(&mentions[b], extracted),
            reason,
        });
    }
    for (&root, members) in &members_of {
        let id = final_id[&root].clone();
        let person = merge_people(&id, members.iter().map(|&i| &mentions[i]));
        let mut mention_reports: Vec<MentionReport> = members
            .iter()
            .map(|&i| MentionReport {
                document: document_label(mentions[i].document, extracted),
                id: mentions[i].entity.id.clone(),
                name: mentions[i].entity.name.clone(),
                sources: mentions[i].context.sources.iter().cloned().collect(),
            })
            .collect();
        mention_reports.sort();
        report.people.push(PersonReport {
            id: id.clone(),
            name: person.name.clone(),
            mentions: mention_reports,
            links: links_of.remove(&root).unwrap_or_default(),
        });
        entities.insert(id, person);
    }
    report.people.sort_by(|a, b| a.id.cmp(&b.id));

    // 4. Candidates kept apart.
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in buckets.values() {
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
                let name = mentions[a].name_match(&mentions[b]);
                if name == NameMatch::Different || !seen.insert((ra.min(rb), ra.max(rb))) {
                    continue;
                }
                let reason = refused
                    .get(&(a.min(b), a.max(b)))
                    .cloned()
                    .unwrap_or_else(|| why_apart(&mentions[a], &mentions[b], name));
                let (ida, idb) = (&final_id[&ra], &final_id[&rb]);
                let (x, y) = if ida <= idb { (ra, rb) } else { (rb, ra) };
                report.candidates.push(Candidate {
                    a: final_id[&x].clone(),
                    b: final_id[&y].clone(),
                    a_name: entities[&final_id[&x]].name.clone(),
                    b_name: entities[&final_id[&y]].name.clone(),
                    reason,
                });
            }
        }
    }
    report.candidates.sort();
    report.problems.sort();
    report.problems.dedup();

    // Other entities merge by id, curated first.
    for (d, document) in documents.iter().enumerate() {
        for entity in &document.entities {
            if entity.kind() == Kind::Person {
                continue;
            }
            let id = repoint(&id_map, d, &entity.id);
            match entities.get_mut(&id) {
                Some(existing) => {
                    existing.aliases.extend(entity.aliases.iter().cloned());
                    if existing.note.is_none() {
                        existing.note.clone_from(&entity.note);
                    }
                }
                None => {
                    entities.insert(id, entity.clone());
                }
            }
        }
    }

    // Relations re-pointed and merged by key, curated first.
    let mut relations: BTreeMap<RelationKeyOwned, Relation> = BTreeMap::new();
    for (d, document) in documents.iter().enumerate() {
        for relation in &document.relations {
            let mut relation = relation.clone();
            relation.from = repoint(&id_map, d, &relation.from);
            relation.to = repoint(&id_map, d, &relation.to);
            let key = owned_key(&relation);
            match relations.get_mut(&key) {
                Some(existing) => existing.evidence.extend(relation.evidence),
                None => {
                    relations.insert(key, relation);
                }
            }
        }
    }

    let mut document = Document {
        entities: entities.into_values().collect(),
        relations: relations.into_values().collect(),
    };
    document.sort();
    Resolution { document, report }
}

type RelationKeyOwned = (
    RelationKind,
    EntityId,
    EntityId,
    Option<PartialDate>,
    Option<PartialDate>,
    Option<PartialDate>,
);

fn owned_key(relation: &Relation) -> RelationKeyOwned {
    (
        relation.kind,
        relation.from.clone(),
        relation.to.clone(),
        relation.as_of,
        relation.start,
        relation.end,
    )
}

fn repoint(
    id_map: &BTreeMap<(usize, &EntityId), EntityId>,
    document: usize,
    id: &EntityId,
) -> EntityId {
    id_map
        .get(&(document, id))
        .or_else(|| id_map.get(&(0, id)))
        .cloned()
        .unwrap_or_else(|| id.clone())
}

fn describe_match(name: NameMatch) -> &'static str {
    match name {
        NameMatch::Same => "same",
        NameMatch::Compatible => "compatible (across scripts)",
        NameMatch::Variant => "variant-spelled",
        NameMatch::Different => "different",
    }
}

/// Why two same-named people were not joined, from their context.
fn why_apart(a: &Mention, b: &Mention, name: NameMatch) -> String {
    if a.document == 0 && b.document == 0 {
        return "both are curated people".to_string();
    }
    let shared: Vec<&Feature> = a
        .context
        .features
        .intersection(&b.context.features)
        .collect();
    let places = |m: &Mention| -> String {
        let places: Vec<&str> = m
            .context
            .features
            .iter()
            .filter_map(|f| match f {
                Feature::Area(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        if places.is_empty() {
            "no known place".to_string()
        } else {
            places.join(", ")
        }
    };
    if name == NameMatch::Variant && !shared.is_empty() {
        return "names differ in Latin spelling and share no post".to_string();
    }
    if shared.iter().any(|f| f.is_place()) {
        return "same place but dates more than ten years apart".to_string();
    }
    format!(
        "{} name but no shared post, body, place or article ({} / {})",
        describe_match(name),
        places(a),
        places(b)
    )
}

/// The Latin name of a person without a curated record: a name written with Vietnamese
/// diacritics first, then the plain Latin name most mentions and aliases support (an
/// Arabic alias supports the name it romanizes to), then the smallest.
fn choose_name(members: &[&Mention]) -> String {
    let mut support: BTreeMap<String, usize> = BTreeMap::new();
    for member in members {
        for text in std::iter::once(&member.entity.name)
            .chain(member.entity.aliases.iter().map(|a| &a.text))
        {
            *support.entry(romanize_arabic(text)).or_default() += 1;
        }
    }
    members
        .iter()
        .map(|m| {
            let name = &m.entity.name;
            let latin = if has_arabic(name) {
                romanize_arabic(name)
            } else {
                name.clone()
            };
            let rank = if has_arabic(name) {
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
fn merge_people<'a>(id: &EntityId, members: impl Iterator<Item = &'a Mention<'a>>) -> Entity {
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
            source: member.context.sources.iter().next().cloned(),
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
