//! `query area NAME`: what a place is, where it lies, what it was before and what it became
//! after the 2025 reorganization, which working groups worked with it and which of its
//! officials the graph knows.
//!
//! The place comes from the gazetteer (every unit of the country); what the graph knows comes
//! from the graph's area entities that spell the unit and lie in its province (curated areas
//! such as `area:huu-lung` within `area:lang-son` are the entries of the gazetteer they name).

use std::collections::BTreeSet;

use serde::Serialize;

use super::officials::{Official, officials_of_areas};
use super::{EntityView, Table};
use crate::gazetteer::{Era, Gazetteer, Level, Unit};
use crate::graph::Graph;
use crate::model::{Entity, EntityKind, Kind, PartialDate, RelationKind, slugify};
use crate::text::search_key;

#[derive(Debug, Serialize)]
pub struct AreaAnswer {
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_query: Option<PartialDate>,
    pub units: Vec<UnitView>,
}

/// A gazetteer unit as answers show it.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub level: Level,
    pub valid: &'static str,
}

#[derive(Debug, Serialize)]
pub struct UnitView {
    #[serde(flatten)]
    pub unit: Place,
    /// Parent chain, nearest first.
    pub within: Vec<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// What it became on 2025-07-01 (for units before).
    pub became: Vec<Place>,
    /// What it was made of (for 2025 units).
    pub formed_from: Vec<Place>,
    /// The graph's entities for this unit.
    pub entities: Vec<EntityView>,
    pub groups: Vec<GroupWork>,
    pub officials: Vec<Official>,
}

#[derive(Debug, Serialize)]
pub struct GroupWork {
    pub group: EntityView,
    pub relation: &'static str,
    pub as_of: Option<PartialDate>,
    pub sources: Vec<String>,
}

pub fn place(g: &Gazetteer, i: usize) -> Place {
    let u = g.unit(i);
    Place {
        id: u.area_id(),
        name: u.name.clone(),
        kind: u.kind_word(),
        level: u.level,
        valid: match u.era {
            Era::Old => "until 2025-06-30",
            Era::New => "from 2025-07-01",
        },
    }
}

/// The graph's area entities that are this unit: those carrying its code, else (a graph
/// without codes) same name key, a level of the same rank, and (below province level)
/// `within` an area spelling the unit's province.
pub fn entities_of_unit<'g>(graph: &'g Graph, g: &Gazetteer, i: usize) -> Vec<&'g Entity> {
    let unit = g.unit(i);
    // A graph built from a data directory carries the unit's code (`gazetteer::enrich`).
    let coded: Vec<&Entity> = graph
        .names()
        .lookup(&search_key(&unit.area_id()))
        .iter()
        .map(|&e| &graph.entities()[e as usize])
        .filter(|e| matches!(&e.kind, EntityKind::Area { code: Some(c), .. } if *c == unit.code_id))
        .collect();
    if !coded.is_empty() {
        return coded;
    }
    let province = g.unit(g.province_of(i));
    let province_slug = slugify(&province.name);
    // A graph area names today's unit when the province has one of that name and rank; the
    // old unit of the same name is then only its predecessor.
    if unit.era == Era::Old && unit.level != Level::Province {
        let now = g.current_province(i);
        let renamed = g.named(&unit.key).iter().any(|&j| {
            let other = g.unit(j);
            other.era == Era::New && other.level == unit.level && g.province_of(j) == now
        });
        if renamed {
            return Vec::new();
        }
    }
    graph
        .names()
        .lookup(&unit.key)
        .iter()
        .map(|&e| &graph.entities()[e as usize])
        .filter(|e| search_key(&e.name) == unit.key || e.id.as_str() == unit.area_id())
        .filter(|e| match &e.kind {
            EntityKind::Area { level, .. } => same_rank(unit, level.as_str()),
            _ => false,
        })
        .filter(|e| {
            unit.level == Level::Province
                || graph
                    .targets(&e.id, RelationKind::Within)
                    .iter()
                    .any(|l| l.other.id.as_str().strip_prefix("area:") == Some(&province_slug))
        })
        .collect()
}

fn same_rank(unit: &Unit, level: &str) -> bool {
    match unit.level {
        Level::Province => matches!(level, "province" | "city"),
        Level::District => matches!(level, "district" | "town" | "city"),
        Level::Commune => matches!(level, "commune" | "ward" | "town"),
    }
}

/// Every unit named `name` (on `date`, when given), with what the graph knows of it.
pub fn area(graph: &Graph, g: &Gazetteer, name: &str, date: Option<PartialDate>) -> AreaAnswer {
    let mut found = g.find(name);
    if let Some(date) = date {
        found.retain(|&i| g.unit(i).valid_on(&date));
    }
    let units = found
        .into_iter()
        .map(|i| {
            let u = g.unit(i);
            let mut within = Vec::new();
            let mut p = u.parent;
            while let Some(j) = p {
                within.push(place(g, j));
                p = g.unit(j).parent;
            }
            let entities = entities_of_unit(graph, g, i);
            let mut groups = Vec::new();
            for e in &entities {
                for kind in [RelationKind::WorksWith, RelationKind::Inspected] {
                    for l in graph.sources(&e.id, kind) {
                        if l.other.kind() != Kind::WorkingGroup {
                            continue;
                        }
                        let sources: BTreeSet<String> = l
                            .relation
                            .evidence
                            .iter()
                            .map(|e| e.source.to_string())
                            .collect();
                        groups.push(GroupWork {
                            group: EntityView::from(l.other),
                            relation: kind.as_str(),
                            as_of: l.relation.as_of,
                            sources: sources.into_iter().collect(),
                        });
                    }
                }
            }
            let ids: Vec<_> = entities.iter().map(|e| e.id.clone()).collect();
            UnitView {
                unit: place(g, i),
                within,
                lat: u.lat,
                lon: u.lon,
                became: g.successors(i).iter().map(|&j| place(g, j)).collect(),
                formed_from: g.predecessors(i).iter().map(|&j| place(g, j)).collect(),
                entities: entities.into_iter().map(EntityView::from).collect(),
                groups,
                officials: officials_of_areas(graph, &ids, date),
            }
        })
        .collect();
    AreaAnswer {
        query: name.to_string(),
        as_of_query: date,
        units,
    }
}

fn describe(p: &Place) -> String {
    format!("{} {} ({}, {})", p.kind, p.name, p.id, p.valid)
}

fn list(places: &[Place], limit: usize) -> String {
    let mut parts: Vec<String> = places
        .iter()
        .take(limit)
        .map(|p| format!("{} {} ({})", p.kind, p.name, p.id))
        .collect();
    if places.len() > limit {
        parts.push(format!("… {} in all", places.len()));
    }
    parts.join(", ")
}

pub fn table(answer: &AreaAnswer) -> String {
    let mut out = String::new();
    if answer.units.is_empty() {
        out.push_str(&format!("no place named `{}`\n", answer.query));
    }
    for (n, u) in answer.units.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&describe(&u.unit));
        out.push('\n');
        if !u.within.is_empty() {
            let chain: Vec<_> = u
                .within
                .iter()
                .map(|p| format!("{} {}", p.kind, p.name))
                .collect();
            out.push_str(&format!("  in          {}\n", chain.join(", ")));
        }
        if let (Some(lat), Some(lon)) = (u.lat, u.lon) {
            out.push_str(&format!("  at          {lat:.4}, {lon:.4}\n"));
        }
        if !u.became.is_empty() {
            out.push_str(&format!("  became      {}\n", list(&u.became, 8)));
        }
        if !u.formed_from.is_empty() {
            out.push_str(&format!("  formed from {}\n", list(&u.formed_from, 8)));
        }
        if !u.entities.is_empty() {
            let ids: Vec<_> = u.entities.iter().map(|e| e.id.as_str()).collect();
            out.push_str(&format!("  in graph    {}\n", ids.join(", ")));
        }
        for w in &u.groups {
            let date = w.as_of.map(|d| d.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "  {:<11} {} {} ({})\n",
                w.relation.replace('_', " "),
                w.group.name,
                date,
                w.sources.join(", ")
            ));
        }
        if !u.officials.is_empty() {
            let mut t = Table::new(&["person", "post", "as of", "sources"]);
            for o in &u.officials {
                t.row(vec![
                    o.person.name.clone(),
                    o.post.name.clone(),
                    o.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    o.sources.join(", "),
                ]);
            }
            out.push_str("  officials\n");
            for line in t.render().lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}
