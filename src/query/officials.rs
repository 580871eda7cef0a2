//! `query officials PROVINCE`: the known holders of a province's posts, with sources.
//!
//! A province's posts are the posts of the organizations `within` its area entity. A 2025
//! province also answers for the provinces merged into it (each row names the area), and an
//! old province names what it became; with `--as-of`, only reports on or before the date.

use std::collections::BTreeSet;

use serde::Serialize;

use super::EntityView;
use super::Table;
use super::area::{Place, entities_of_unit, place};
use crate::gazetteer::{Gazetteer, Level};
use crate::graph::Graph;
use crate::model::{EntityId, Kind, PartialDate, RelationKind};

#[derive(Debug, Clone, Serialize)]
pub struct Official {
    pub person: EntityView,
    pub post: EntityView,
    pub organization: EntityView,
    pub area: String,
    pub as_of: Option<PartialDate>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct OfficialsAnswer {
    pub province: Place,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_query: Option<PartialDate>,
    /// What an old province became, or the provinces merged into a 2025 one.
    pub merged: Vec<Place>,
    pub officials: Vec<Official>,
}

/// The holders of posts of organizations within `areas`, reported on or before `date`,
/// sorted by area, organization, post and person.
pub fn officials_of_areas(
    graph: &Graph,
    areas: &[EntityId],
    date: Option<PartialDate>,
) -> Vec<Official> {
    let mut out = Vec::new();
    for area in areas {
        for org in graph.sources(area, RelationKind::Within) {
            if org.other.kind() != Kind::Organization {
                continue;
            }
            for post in graph.sources(&org.other.id, RelationKind::PostOf) {
                for holds in graph.sources(&post.other.id, RelationKind::Holds) {
                    let r = holds.relation;
                    let first = r.start.or(r.as_of);
                    if let (Some(date), Some(first)) = (date, first)
                        && first.earliest() > date.latest()
                    {
                        continue;
                    }
                    if let (Some(date), Some(end)) = (date, r.end)
                        && end.latest() < date.earliest()
                    {
                        continue;
                    }
                    let sources: BTreeSet<String> =
                        r.evidence.iter().map(|e| e.source.to_string()).collect();
                    out.push(Official {
                        person: EntityView::from(holds.other),
                        post: EntityView::from(post.other),
                        organization: EntityView::from(org.other),
                        area: area.to_string(),
                        as_of: r.as_of,
                        sources: sources.into_iter().collect(),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.area, &a.organization.name, &a.post.name, &a.person.name).cmp(&(
            &b.area,
            &b.organization.name,
            &b.post.name,
            &b.person.name,
        ))
    });
    out.dedup_by(|a, b| a.person.id == b.person.id && a.post.id == b.post.id);
    out
}

/// The officials of province `province` (a gazetteer index of a province).
pub fn officials(
    graph: &Graph,
    g: &Gazetteer,
    province: usize,
    date: Option<PartialDate>,
) -> OfficialsAnswer {
    let mut provinces = vec![province];
    let merged: Vec<usize> = match g.merged_into(province) {
        Some(new) => vec![new],
        None => g
            .predecessors(province)
            .iter()
            .copied()
            .filter(|&i| g.unit(i).level == Level::Province)
            .collect(),
    };
    if g.merged_into(province).is_none() {
        provinces.extend(merged.iter().copied());
    }
    let mut areas: BTreeSet<EntityId> = BTreeSet::new();
    for &p in &provinces {
        areas.extend(
            entities_of_unit(graph, g, p)
                .into_iter()
                .map(|e| e.id.clone()),
        );
    }
    let areas: Vec<EntityId> = areas.into_iter().collect();
    OfficialsAnswer {
        province: place(g, province),
        as_of_query: date,
        merged: merged
            .into_iter()
            .filter(|&i| {
                g.merged_into(province).is_some() || g.unit(i).name != g.unit(province).name
            })
            .map(|i| place(g, i))
            .collect(),
        officials: officials_of_areas(graph, &areas, date),
    }
}

pub fn table(answer: &OfficialsAnswer) -> String {
    let p = &answer.province;
    let mut out = format!("{} {} ({}, {})\n", p.kind, p.name, p.id, p.valid);
    if !answer.merged.is_empty() {
        let names: Vec<_> = answer
            .merged
            .iter()
            .map(|m| format!("{} {} ({})", m.kind, m.name, m.id))
            .collect();
        let word = if answer.province.valid.starts_with("until") {
            "merged into"
        } else {
            "formed from"
        };
        out.push_str(&format!("  {word} {}\n", names.join(", ")));
    }
    if answer.officials.is_empty() {
        out.push_str("  no known officials\n");
        return out;
    }
    out.push('\n');
    let mut t = Table::new(&["person", "post", "area", "as of", "sources"]);
    for o in &answer.officials {
        t.row(vec![
            o.person.name.clone(),
            o.post.name.clone(),
            o.area.clone(),
            o.as_of.map(|d| d.to_string()).unwrap_or_default(),
            o.sources.join(", "),
        ]);
    }
    out.push_str(&t.render());
    out
}
