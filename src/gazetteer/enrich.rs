//! The areas of a document as gazetteer units: each area the records or the extraction
//! name becomes the unit it is (its official code, the Vietnamese name with diacritics, the
//! folded name as an alias, validity and coordinates), and the graph receives, as area
//! entities of their own, the units around it: its parents up to the province, what it
//! became on 2025-07-01 or was formed from, and the provinces merged with its province.
//!
//! Pure: a document and a gazetteer in, the document changed in place. Ids do not change:
//! a curated area (`area:huu-lung`) keeps its id and carries the code; units the graph
//! only receives from the gazetteer are `area:vn-<code>`. An area is placed by the code a
//! record gives, or else by its name, its rank and the place it lies `within`, with the
//! dates of its facts choosing between the two maps; a name the gazetteer cannot settle
//! (several units, or none, or no parent to choose by) leaves the area as it was.
//!
//! The result goes on to `Graph::new`, which checks the whole document again: every added
//! relation joins two areas (`within`, `became`), so the checks hold by construction.

use std::collections::{BTreeMap, BTreeSet};

use super::{Era, Gazetteer, Level, REORGANIZATION, Unit};
use crate::model::{
    Alias, AreaLevel, Degrees, Document, Entity, EntityId, EntityKind, Kind, Lang, PartialDate,
    Relation, RelationKind,
};
use crate::text::{fold, search_key};

/// What [`enrich`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Enrichment {
    /// Areas of the document that are now gazetteer units.
    pub placed: usize,
    /// Area entities added from the gazetteer (parents, successors, predecessors).
    pub added: usize,
    /// `within` and `became` relations added.
    pub relations: usize,
}

/// The ranks of the gazetteer an area level may stand for.
fn ranks(level: AreaLevel) -> &'static [Level] {
    match level {
        AreaLevel::Country => &[],
        AreaLevel::Province => &[Level::Province],
        AreaLevel::City => &[Level::Province, Level::District],
        AreaLevel::District => &[Level::District],
        AreaLevel::Town => &[Level::District, Level::Commune],
        AreaLevel::Commune | AreaLevel::Ward => &[Level::Commune],
    }
}

/// The area level of a unit, from its rank and division type.
pub fn area_level(unit: &Unit) -> AreaLevel {
    match (unit.level, unit.kind.as_str()) {
        (Level::Province, "thanh-pho") => AreaLevel::City,
        (Level::Province, _) => AreaLevel::Province,
        (Level::District, "thi-xa") => AreaLevel::Town,
        (Level::District, _) => AreaLevel::District,
        (Level::Commune, "phuong") => AreaLevel::Ward,
        (Level::Commune, "thi-tran") => AreaLevel::Town,
        (Level::Commune, _) => AreaLevel::Commune,
    }
}

/// Why `code` cannot be the code of an area of `level`, if it cannot.
pub fn check_code(g: &Gazetteer, code: &str, level: AreaLevel) -> Option<String> {
    let Some(i) = g.by_id(code) else {
        return Some(format!("unknown gazetteer code `{code}`"));
    };
    let unit = g.unit(i);
    (!ranks(level).contains(&unit.level)).then(|| {
        format!(
            "`{code}` is {} {} (a {}), not a {level}",
            unit.kind_word(),
            unit.name,
            format!("{:?}", unit.level).to_lowercase()
        )
    })
}

/// The day before and the day of the reorganization.
fn last_old_day() -> PartialDate {
    PartialDate {
        year: 2025,
        month: Some(6),
        day: Some(30),
    }
}

fn first_new_day() -> PartialDate {
    let (year, month, day) = REORGANIZATION;
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// True when unit `c` lies in unit `p`: `p` is one of its parents, or `p` is a province and
/// `c` lies in it or in what it became (an old commune named within today's province).
pub fn lies_in(g: &Gazetteer, c: usize, p: usize) -> bool {
    let mut at = g.unit(c).parent;
    while let Some(i) = at {
        if i == p {
            return true;
        }
        at = g.unit(i).parent;
    }
    g.unit(p).level == Level::Province && g.current_province(c) == g.current_province(p)
}

/// The unit an area without a code is, when its name, rank, parents and dates leave one.
fn identify(
    g: &Gazetteer,
    entity: &Entity,
    level: AreaLevel,
    parents: &[usize],
    dates: &[PartialDate],
) -> Option<usize> {
    let ranks = ranks(level);
    if ranks.is_empty() {
        return None;
    }
    let mut keys = vec![search_key(&entity.name)];
    keys.extend(
        entity
            .aliases
            .iter()
            .filter(|a| a.lang != Lang::Ar)
            .map(|a| search_key(&a.text)),
    );
    // "Ho Chi Minh City", "Lang Son Province": the English division word is no part of the
    // name.
    for key in keys.clone() {
        for word in ["city", "province"] {
            if let Some(rest) = key
                .strip_suffix(word)
                .and_then(|r| r.strip_suffix(' '))
                .or_else(|| key.strip_prefix(word).and_then(|r| r.strip_prefix(' ')))
            {
                keys.push(rest.to_string());
            }
        }
    }
    let mut found: BTreeSet<usize> = keys
        .iter()
        .flat_map(|k| g.find(k))
        .filter(|&i| ranks.contains(&g.unit(i).level))
        .collect();
    if parents.is_empty() {
        // Below the province a name alone places nothing: names repeat across the country.
        found.retain(|&c| g.unit(c).level == Level::Province);
    } else {
        found.retain(|&c| {
            g.unit(c).level == Level::Province || parents.iter().any(|&p| lies_in(g, c, p))
        });
    }
    if !dates.is_empty() {
        let valid: BTreeSet<usize> = found
            .iter()
            .copied()
            .filter(|&c| dates.iter().all(|d| g.unit(c).valid_on(d)))
            .collect();
        if !valid.is_empty() {
            found = valid;
        }
    }
    if found.len() > 1 && found.iter().any(|&c| g.unit(c).era == Era::New) {
        found.retain(|&c| g.unit(c).era == Era::New);
    }
    match found.len() {
        1 => found.first().copied(),
        _ => None,
    }
}

/// Which unit each area of `document` is that can be told: codes first, then by name,
/// rank, the places it lies within and the dates of its facts. `position`: each entity's
/// index by id.
fn units(
    document: &Document,
    position: &BTreeMap<EntityId, usize>,
    g: &Gazetteer,
) -> BTreeMap<EntityId, usize> {
    let is_area = |id: &EntityId| {
        position
            .get(id)
            .is_some_and(|&i| document.entities[i].kind() == Kind::Area)
    };
    // The areas each area lies within, and the dates of the facts of each entity.
    let mut parents: BTreeMap<&EntityId, Vec<&EntityId>> = BTreeMap::new();
    let mut inside: BTreeMap<&EntityId, Vec<&EntityId>> = BTreeMap::new();
    let mut dates: BTreeMap<&EntityId, Vec<PartialDate>> = BTreeMap::new();
    for r in &document.relations {
        if r.kind == RelationKind::Within && is_area(&r.to) {
            inside.entry(&r.to).or_default().push(&r.from);
            if is_area(&r.from) {
                parents.entry(&r.from).or_default().push(&r.to);
            }
        }
    }
    // Only the dates of areas and of what lies within one are read (`area_dates`): a
    // million people's facts need no entry.
    let dated: crate::model::FastSet<&EntityId> = document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Area)
        .map(|e| &e.id)
        .chain(inside.values().flatten().copied())
        .collect();
    for r in &document.relations {
        if let Some(d) = r.as_of.or(r.start) {
            for end in [&r.from, &r.to] {
                if dated.contains(end) {
                    dates.entry(end).or_default().push(d);
                }
            }
        }
    }
    for e in &document.entities {
        if let EntityKind::Event { date: Some(d) } = e.kind
            && dated.contains(&e.id)
        {
            dates.entry(&e.id).or_default().push(d);
        }
    }
    // The dates of an area's facts and of everything within it, at any depth: a province
    // named only as the place of its communes is dated by their facts.
    let area_dates = |id: &EntityId| -> Vec<PartialDate> {
        let mut all: Vec<PartialDate> = Vec::new();
        let mut seen = BTreeSet::from([id]);
        let mut stack = vec![id];
        while let Some(at) = stack.pop() {
            all.extend(dates.get(at).into_iter().flatten());
            for thing in inside.get(at).into_iter().flatten() {
                if seen.insert(*thing) {
                    stack.push(*thing);
                }
            }
        }
        all.sort();
        all.dedup();
        all
    };

    // Which unit each area is: codes first, then by name, provinces before communes so
    // that a commune is placed by its placed province.
    let mut unit_of: BTreeMap<EntityId, usize> = BTreeMap::new();
    for e in &document.entities {
        if let EntityKind::Area {
            code: Some(code), ..
        } = &e.kind
            && let Some(i) = g.by_id(code)
        {
            unit_of.insert(e.id.clone(), i);
        }
    }
    for pass in [Level::Province, Level::District, Level::Commune] {
        for e in &document.entities {
            let EntityKind::Area {
                level, code: None, ..
            } = e.kind
            else {
                continue;
            };
            if unit_of.contains_key(&e.id) || ranks(level).first() != Some(&pass) {
                continue;
            }
            let placed_parents: Vec<usize> = parents
                .get(&e.id)
                .into_iter()
                .flatten()
                .filter_map(|p| unit_of.get(*p).copied())
                .collect();
            if let Some(i) = identify(g, e, level, &placed_parents, &area_dates(&e.id)) {
                unit_of.insert(e.id.clone(), i);
            }
        }
    }
    unit_of
}

/// The curated areas that are gazetteer units under ids of their own (`area:huu-lung`), by
/// the unit's id (`area:vn-<code>`): what extraction calls such a unit is renamed to the
/// curated id before the records meet, so a fact an article states about a curated commune
/// is that commune's fact (and is confirmed or left out as such), not another area's.
pub fn curated_units(curated: &Document, g: &Gazetteer) -> BTreeMap<EntityId, EntityId> {
    let position: BTreeMap<EntityId, usize> = curated
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind() == Kind::Area)
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut out = BTreeMap::new();
    for (id, u) in units(curated, &position, g) {
        let unit_id = EntityId::new(g.unit(u).area_id());
        if unit_id != id {
            out.entry(unit_id).or_insert(id);
        }
    }
    out
}

/// Makes the areas of `document` gazetteer units and adds the units around them (module
/// docs). Deterministic: units are visited in code order, entities in id order.
pub fn enrich(document: &mut Document, g: &Gazetteer) -> Enrichment {
    let mut report = Enrichment::default();
    let mut position: BTreeMap<EntityId, usize> = document
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut unit_of = units(document, &position, g);
    for gone in merge_coded(document, &mut unit_of, g) {
        position.remove(&gone);
    }

    // The units the graph receives: the placed ones, what they became or were formed from,
    // their parents up to the province, and the provinces merged with theirs.
    let referenced: BTreeSet<usize> = unit_of.values().copied().collect();
    let mut wanted = referenced.clone();
    for &u in &referenced {
        wanted.extend(g.successors(u));
        if g.unit(u).level != Level::District {
            wanted.extend(
                g.predecessors(u)
                    .iter()
                    .filter(|&&p| g.unit(p).level == g.unit(u).level),
            );
        }
    }
    for u in wanted.clone() {
        let mut at = g.unit(u).parent;
        while let Some(p) = at {
            wanted.insert(p);
            at = g.unit(p).parent;
        }
    }
    for u in wanted.clone() {
        if g.unit(u).level == Level::Province {
            wanted.extend(g.successors(u));
            for &s in g.successors(u) {
                wanted.extend(
                    g.predecessors(s)
                        .iter()
                        .filter(|&&p| g.unit(p).level == Level::Province),
                );
            }
            wanted.extend(
                g.predecessors(u)
                    .iter()
                    .filter(|&&p| g.unit(p).level == Level::Province),
            );
        }
    }

    // One entity per unit: the first area (by id) that is it, else a new one.
    let mut entity_of: BTreeMap<usize, EntityId> = BTreeMap::new();
    for (id, &u) in &unit_of {
        entity_of.entry(u).or_insert_with(|| id.clone());
    }
    for e in &mut document.entities {
        if let Some(&u) = unit_of.get(&e.id) {
            fill(e, g.unit(u));
            report.placed += 1;
        }
    }
    for &u in &wanted {
        if entity_of.contains_key(&u) {
            continue;
        }
        let unit = g.unit(u);
        let id = EntityId::new(unit.area_id());
        if position.contains_key(&id) {
            // An area of the records already uses the unit's id without its code.
            entity_of.insert(u, id);
            continue;
        }
        // Named with its division word ("huyện Hữu Lũng"), so that the name alone ("Hữu
        // Lũng") still finds the area the records or articles speak of.
        let name = full_name(unit);
        let mut entity = Entity {
            id: id.clone(),
            kind: EntityKind::area(area_level(unit)),
            aliases: vec![Alias {
                text: fold(&name),
                lang: Lang::Vi,
                source: None,
            }],
            name,
            note: None,
        };
        set_unit(&mut entity, unit);
        document.entities.push(entity);
        entity_of.insert(u, id);
        report.added += 1;
    }

    // `within` to the parent (unless the records say so already) and `became` to each
    // successor the graph holds.
    let existing: BTreeSet<(RelationKind, &EntityId, &EntityId)> = document
        .relations
        .iter()
        .map(|r| (r.kind, &r.from, &r.to))
        .collect();
    let mut added = Vec::new();
    for (&u, id) in &entity_of {
        let unit = g.unit(u);
        if let Some(parent) = unit.parent.and_then(|p| entity_of.get(&p))
            && !existing.contains(&(RelationKind::Within, id, parent))
        {
            added.push(structural(RelationKind::Within, id, parent, None));
        }
        for s in g.successors(u) {
            if let Some(next) = entity_of.get(s)
                && !existing.contains(&(RelationKind::Became, id, next))
            {
                added.push(structural(
                    RelationKind::Became,
                    id,
                    next,
                    Some(first_new_day()),
                ));
            }
        }
    }
    report.relations = added.len();
    document.relations.extend(added);
    report
}

/// One area per unit: an area an article gave the unit's own id (`area:vn-<code>`) joins
/// another area that is the same unit (a record's `area:huu-lung`), which keeps its id; its
/// names become aliases of that one and its relations point there. Returns the ids gone.
fn merge_coded(
    document: &mut Document,
    unit_of: &mut BTreeMap<EntityId, usize>,
    g: &Gazetteer,
) -> Vec<EntityId> {
    let mut keeper: BTreeMap<usize, &EntityId> = BTreeMap::new();
    for (id, &u) in unit_of.iter() {
        if id.as_str() != g.unit(u).area_id() {
            keeper.entry(u).or_insert(id);
        }
    }
    let moved: BTreeMap<EntityId, EntityId> = unit_of
        .iter()
        .filter(|(id, u)| id.as_str() == g.unit(**u).area_id())
        .filter_map(|(id, u)| keeper.get(u).map(|k| (id.clone(), (*k).clone())))
        .collect();
    if moved.is_empty() {
        return Vec::new();
    }
    let mut names: BTreeMap<EntityId, Vec<Alias>> = BTreeMap::new();
    document.entities.retain(|e| match moved.get(&e.id) {
        Some(to) => {
            let list = names.entry(to.clone()).or_default();
            list.push(Alias {
                text: e.name.clone(),
                lang: Lang::Vi,
                source: None,
            });
            list.extend(e.aliases.iter().cloned());
            false
        }
        None => true,
    });
    for e in &mut document.entities {
        if let Some(more) = names.remove(&e.id) {
            for alias in more {
                if alias.text != e.name && !e.aliases.iter().any(|a| a.text == alias.text) {
                    e.aliases.push(alias);
                }
            }
        }
    }
    let mut at: BTreeMap<_, usize> = BTreeMap::new();
    let mut relations: Vec<Relation> = Vec::with_capacity(document.relations.len());
    for mut r in std::mem::take(&mut document.relations) {
        for end in [&mut r.from, &mut r.to] {
            if let Some(to) = moved.get(end) {
                *end = to.clone();
            }
        }
        let key = r.owned_key();
        match at.get(&key) {
            Some(&i) => relations[i].evidence.extend(r.evidence),
            None => {
                at.insert(key, relations.len());
                relations.push(r);
            }
        }
    }
    document.relations = relations;
    for id in moved.keys() {
        unit_of.remove(id);
    }
    moved.into_keys().collect()
}

fn structural(
    kind: RelationKind,
    from: &EntityId,
    to: &EntityId,
    start: Option<PartialDate>,
) -> Relation {
    Relation {
        kind,
        from: from.clone(),
        to: to.clone(),
        as_of: None,
        start,
        end: None,
        evidence: Vec::new(),
    }
}

/// "huyện Hữu Lũng": the division word and the name.
fn full_name(unit: &Unit) -> String {
    match unit.kind_word() {
        "" => unit.name.clone(),
        word => format!("{word} {}", unit.name),
    }
}

/// The code, validity and coordinates of `unit` in an area entity; the level a record gave
/// stands.
fn set_unit(entity: &mut Entity, unit: &Unit) {
    let EntityKind::Area { level, .. } = entity.kind else {
        return;
    };
    entity.kind = EntityKind::Area {
        level,
        code: Some(unit.code_id.clone()),
        valid_from: (unit.era == Era::New).then(first_new_day),
        valid_until: (unit.era == Era::Old).then(last_old_day),
        lat: unit.lat.map(Degrees),
        lon: unit.lon.map(Degrees),
    };
}

/// Makes an area of the records or articles the gazetteer unit it is ([`set_unit`]): the
/// Vietnamese name becomes the canonical name; the name it had and the folded and typed
/// forms ("Huu Lung", "xã Hữu Lũng") become aliases.
fn fill(entity: &mut Entity, unit: &Unit) {
    if entity.kind() != Kind::Area {
        return;
    }
    set_unit(entity, unit);
    let before = std::mem::replace(&mut entity.name, unit.name.clone());
    let mut names = vec![(fold(&unit.name), Lang::Vi)];
    if !unit.kind_word().is_empty() {
        names.push((full_name(unit), Lang::Vi));
    }
    if before != unit.name {
        let lang = if search_key(&before) == unit.key {
            Lang::Vi
        } else {
            Lang::En
        };
        names.push((before, lang));
    }
    for (text, lang) in names {
        if text == entity.name || entity.aliases.iter().any(|a| a.text == text) {
            continue;
        }
        entity.aliases.push(Alias {
            text,
            lang,
            source: None,
        });
    }
}

#[cfg(test)]
mod tests;
