//! Placing an article by the places it names: one Aho-Corasick automaton over the folded
//! names of every gazetteer unit (communes, wards, districts, provinces) finds every name in
//! the text in one pass; each name votes for the provinces it could lie in, and the province
//! that several names agree on places the article.
//!
//! A name alone does not place a text (Đông Kinh is a ward of Lạng Sơn and a commune of Hà
//! Tĩnh): a vote is split between the provinces a name exists in, so a name shared with the
//! winner's neighbours settles it, and the article is placed only when at least two distinct
//! names agree and the winner is ahead. The date chooses the map: before 1 July 2025 the old
//! units (with their districts) vote for the old province; from that day the 2025 units vote,
//! and an abolished district still counts, read as what it was, for the province it became.
//! Without a date every unit votes for the province it lies in now.
//! Arabic-script text is matched by loose name keys (`names::name_key`), the Arabic
//! spelling rules of the romanizer. Time is linear in
//! the text; the automaton is built once per gazetteer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::gazetteer::{Era, Gazetteer, Level};
use crate::model::{
    AreaLevel, Document, Entity, EntityId, EntityKind, PartialDate, Relation, RelationKind,
};
use crate::names::name_key;
use crate::text::{fold, search_key};

/// The automaton over all names of a gazetteer.
pub struct PlaceIndex<'g> {
    gazetteer: &'g Gazetteer,
    automaton: AhoCorasick,
    /// Pattern number → the units of that name.
    units: Vec<Vec<usize>>,
    /// For Arabic-script text: the same names by their loose key (`names::name_key`), which
    /// collapses what Arabic letters cannot tell apart (o/u, th/t …); built on first use.
    loose: OnceLock<(AhoCorasick, Vec<Vec<usize>>)>,
}

impl std::fmt::Debug for PlaceIndex<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PlaceIndex({} names)", self.units.len())
    }
}

/// One name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPlace {
    /// The name's lookup key ("huu lung").
    pub key: String,
    /// The units of that name that could be meant on the article's date.
    pub units: Vec<usize>,
}

/// Where an article lies, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The gazetteer index of the province (old before 2025-07-01, new from then on).
    pub province: usize,
    /// The names that voted for it.
    pub support: Vec<String>,
    /// Every place name found.
    pub named: Vec<NamedPlace>,
}

/// Names of fewer letters than this are not matched (too many chance hits).
const MIN_KEY_LEN: usize = 5;

impl<'g> PlaceIndex<'g> {
    /// Builds the automaton over every name of `gazetteer` with at least two syllables.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        let mut patterns = Vec::new();
        let mut units = Vec::new();
        for (key, found) in gazetteer.keys() {
            if key.len() < MIN_KEY_LEN || !key.contains(' ') {
                continue;
            }
            patterns.push(key.to_string());
            units.push(found.to_vec());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("place names are short patterns");
        PlaceIndex {
            gazetteer,
            automaton,
            units,
            loose: OnceLock::new(),
        }
    }

    fn build_loose(&self) -> (AhoCorasick, Vec<Vec<usize>>) {
        let mut by_loose: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (key, found) in self.gazetteer.keys() {
            if key.len() < MIN_KEY_LEN || !key.contains(' ') {
                continue;
            }
            let loose = name_key(key).loose_text();
            if loose.contains(' ') {
                by_loose.entry(loose).or_default().extend_from_slice(found);
            }
        }
        let (patterns, units): (Vec<String>, Vec<Vec<usize>>) = by_loose.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("place names are short patterns");
        (automaton, units)
    }

    /// The index over the compiled-in gazetteer, built once.
    pub fn embedded() -> &'static PlaceIndex<'static> {
        static INDEX: OnceLock<PlaceIndex<'static>> = OnceLock::new();
        INDEX.get_or_init(|| PlaceIndex::new(Gazetteer::embedded()))
    }

    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// Every place name in `text` (whole words only), with the units it may mean on `date`.
    pub fn names(&self, text: &str, date: Option<PartialDate>) -> Vec<NamedPlace> {
        let arabic = crate::names::has_arabic(text);
        let (key, automaton, units) = if arabic {
            let (automaton, units) = self.loose.get_or_init(|| self.build_loose());
            (
                format!(" {} ", name_key(text).loose_text()),
                automaton,
                units,
            )
        } else {
            (
                format!(" {} ", search_key(text)),
                &self.automaton,
                &self.units,
            )
        };
        let g = self.gazetteer;
        let mut out = Vec::new();
        for m in automaton.find_iter(&key) {
            let bytes = key.as_bytes();
            if bytes[m.start() - 1] != b' ' || bytes[m.end()] != b' ' {
                continue;
            }
            let units: Vec<usize> = units[m.pattern().as_usize()]
                .iter()
                .copied()
                .filter(|&i| meant_on(g, i, date))
                .collect();
            if !units.is_empty() {
                out.push(NamedPlace {
                    key: key[m.start()..m.end()].to_string(),
                    units,
                });
            }
        }
        out
    }

    /// The province the names in `text` agree on, if at least two distinct names do and the
    /// winner is ahead of every other province.
    pub fn place(&self, text: &str, date: Option<PartialDate>) -> Option<Placement> {
        let g = self.gazetteer;
        let named = self.names(text, date);
        // An undated text is read on today's map: every name, old or new, votes for the
        // province it lies in now.
        let after = date.is_none_or(|d| d.earliest() >= crate::gazetteer::REORGANIZATION);
        let province_on = |i: usize| {
            if after {
                g.current_province(i)
            } else {
                g.province_of(i)
            }
        };
        // Each distinct name votes once, split between the provinces it may lie in.
        let mut seen = BTreeSet::new();
        let mut votes: BTreeMap<usize, (f64, Vec<String>)> = BTreeMap::new();
        for n in &named {
            if !seen.insert(n.key.clone()) {
                continue;
            }
            let provinces: BTreeSet<usize> = n.units.iter().map(|&i| province_on(i)).collect();
            let share = 1.0 / provinces.len() as f64;
            for p in provinces {
                let entry = votes.entry(p).or_default();
                entry.0 += share;
                entry.1.push(n.key.clone());
            }
        }
        let mut ranked: Vec<(usize, f64, Vec<String>)> = votes
            .into_iter()
            .map(|(p, (s, names))| (p, s, names))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let (province, score, support) = ranked.first()?.clone();
        let runner_up = ranked.get(1).map_or(0.0, |r| r.1);
        (support.len() >= 2 && score > runner_up).then_some(Placement {
            province,
            support,
            named,
        })
    }
}

/// Whether unit `i` may be what an article of `date` means: any unit without a date; the
/// old map before 2025-07-01; from then on the new map, plus old districts and provinces
/// (an abolished district named after it is read as the area it was).
fn meant_on(g: &Gazetteer, i: usize, date: Option<PartialDate>) -> bool {
    let unit = g.unit(i);
    match date {
        None => true,
        Some(d) if d.latest() < crate::gazetteer::REORGANIZATION => unit.era == Era::Old,
        Some(d) if d.earliest() >= crate::gazetteer::REORGANIZATION => {
            unit.era == Era::New || unit.level != Level::Commune
        }
        Some(_) => true,
    }
}

/// Gives each local area of an extracted `document` (district, town, commune, ward) the id
/// of the gazetteer unit it is, `area:vn-<code>`, with its code and the unit's level, when
/// the article settles which unit it is: a unit of that name (with the diacritics the text
/// wrote, when it wrote them) lying in a province the area is `within`, existing on `date`
/// (2025 units first when both maps are possible), and only one such unit. So two units of
/// one name (Gia Viên of Hải Phòng, Gia Viễn of Ninh Bình) never share an id, and one unit
/// named by several articles is one area. An area that is not settled keeps its name id.
/// A name transliterated from another script (`romanized`: the language's readings of a
/// word) is looked up in every reading of its words, and the unit found names it.
pub fn code_local_areas(
    document: &mut Document,
    g: &Gazetteer,
    date: Option<PartialDate>,
    romanized: Option<fn(&str) -> Vec<String>>,
) {
    use crate::gazetteer::{area_level, lies_in};
    let local = |level: AreaLevel| {
        matches!(
            level,
            AreaLevel::District | AreaLevel::Town | AreaLevel::Commune | AreaLevel::Ward
        )
    };
    let entity_at: BTreeMap<&EntityId, &Entity> =
        document.entities.iter().map(|e| (&e.id, e)).collect();
    // Old id → the unit's id, the unit, and whether the name was a transliteration's reading.
    let mut renamed: BTreeMap<EntityId, (EntityId, usize, bool)> = BTreeMap::new();
    for e in &document.entities {
        let EntityKind::Area {
            level, code: None, ..
        } = e.kind
        else {
            continue;
        };
        if !local(level) {
            continue;
        }
        // The provinces it is said to lie within.
        let provinces: Vec<usize> = document
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Within && r.from == e.id)
            .filter_map(|r| entity_at.get(&r.to))
            .flat_map(|p| provinces_named(g, &p.name))
            .collect();
        if provinces.is_empty() {
            continue;
        }
        let written: Vec<&str> = e
            .aliases
            .iter()
            .map(|a| a.text.as_str())
            .filter(|t| crate::names::has_arabic(t))
            .collect();
        let mut found: Vec<usize> = match (romanized, written.first()) {
            (Some(readings), Some(text)) => every_reading(text, readings)
                .iter()
                .flat_map(|key| g.named(key).iter().copied())
                .collect(),
            _ => g.find(&e.name),
        };
        found.sort_unstable();
        found.dedup();
        let diacritics = std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(|a| a.text.as_str()))
            .find(|t| fold(t) != *t && !crate::names::has_arabic(t));
        let mut found: Vec<usize> = found
            .into_iter()
            .filter(|&c| matches!(g.unit(c).level, Level::District | Level::Commune))
            .filter(|&c| provinces.iter().any(|&p| lies_in(g, c, p)))
            .collect();
        let narrow = |found: &mut Vec<usize>, keep: &dyn Fn(usize) -> bool| {
            if found.iter().any(|&c| keep(c)) {
                found.retain(|&c| keep(c));
            }
        };
        if let Some(d) = date {
            narrow(&mut found, &|c| g.unit(c).valid_on(&d));
        }
        // Written with diacritics: the unit of that spelling (Đông Thạnh, not Đông Thành).
        if let Some(written) = diacritics {
            let written = written.to_lowercase();
            narrow(&mut found, &|c| g.unit(c).name.to_lowercase() == written);
        }
        narrow(&mut found, &|c| area_level(g.unit(c)) == level);
        narrow(&mut found, &|c| g.unit(c).era == Era::New);
        if let [unit] = found[..] {
            renamed.insert(
                e.id.clone(),
                (
                    EntityId::new(g.unit(unit).area_id()),
                    unit,
                    !written.is_empty(),
                ),
            );
        }
    }
    if renamed.is_empty() {
        return;
    }
    let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
    for mut e in std::mem::take(&mut document.entities) {
        if let Some((id, unit, read)) = renamed.get(&e.id) {
            let unit = g.unit(*unit);
            e.id = id.clone();
            if *read {
                e.name = fold(&unit.name);
            }
            e.kind = EntityKind::Area {
                level: area_level(unit),
                code: Some(unit.code_id.clone()),
                valid_from: None,
                valid_until: None,
                lat: None,
                lon: None,
            };
        }
        match entities.get_mut(&e.id) {
            Some(kept) => kept.aliases.extend(e.aliases),
            None => {
                entities.insert(e.id.clone(), e);
            }
        }
    }
    document.entities = entities.into_values().collect();
    let mut relations: BTreeMap<_, Relation> = BTreeMap::new();
    for mut r in std::mem::take(&mut document.relations) {
        for end in [&mut r.from, &mut r.to] {
            if let Some((id, ..)) = renamed.get(end) {
                *end = id.clone();
            }
        }
        let key = r.owned_key();
        match relations.get_mut(&key) {
            Some(kept) => kept.evidence.extend(r.evidence),
            None => {
                relations.insert(key, r);
            }
        }
    }
    document.relations = relations.into_values().collect();
}

/// The provinces of a name, with or without the English division word ("Ho Chi Minh
/// City", "Lang Son Province").
fn provinces_named(g: &Gazetteer, name: &str) -> Vec<usize> {
    let key = search_key(name);
    let bare = ["city", "province"].iter().find_map(|word| {
        key.strip_suffix(word)
            .and_then(|r| r.strip_suffix(' '))
            .or_else(|| key.strip_prefix(word).and_then(|r| r.strip_prefix(' ')))
    });
    let mut found = g.find(&key);
    if let Some(bare) = bare {
        found.extend(g.find(bare));
    }
    found.retain(|&p| g.unit(p).level == Level::Province);
    found
}

/// The lookup keys of every reading of a transliterated name's words (at most 256).
fn every_reading(text: &str, readings: fn(&str) -> Vec<String>) -> Vec<String> {
    let mut combos = vec![String::new()];
    for word in text.split_whitespace() {
        let found = readings(word);
        if found.is_empty() {
            return Vec::new();
        }
        combos = combos
            .iter()
            .flat_map(|c| found.iter().map(move |r| format!("{c} {r}")))
            .take(256)
            .collect();
    }
    combos.iter().map(|c| search_key(c)).collect()
}

/// The canonical province name the extractor uses (`names::PROVINCES`) for a gazetteer
/// province, when it has one.
pub fn canonical_province(
    g: &Gazetteer,
    province: usize,
) -> Option<(&'static str, crate::model::AreaLevel)> {
    super::names::province_by_key(&g.unit(province).key)
}

#[cfg(test)]
mod tests;
