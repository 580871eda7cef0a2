//! What `govgraph build` writes, computed in memory: file name → bytes.
//!
//! Pure, so that `cargo test` can regenerate `graphs/` and compare it with the committed
//! files. SVG rendering needs Graphviz and happens in `cmd::build`, not here.

use std::collections::BTreeMap;

use crate::export::{self, Chart, ChartFiles, display_name};
use crate::graph::Graph;
use crate::model::{AreaLevel, EntityId, EntityKind, Kind, RelationKind};

/// The file name of the overall org chart.
pub const OVERALL_CHART: &str = "org-chart.dot";

/// The file name of the page to explore the graph.
pub const PAGE: &str = "index.html";

/// The SVG chart files of every province and city, as `build` names them.
pub fn chart_files(graph: &Graph) -> BTreeMap<EntityId, ChartFiles> {
    top_level_areas(graph)
        .into_iter()
        .map(|area| {
            let slug = area.as_str().trim_start_matches("area:").to_string();
            let files = ChartFiles {
                org: format!("{slug}.svg"),
                groups: has_groups(graph, &area).then(|| format!("{slug}-groups.svg")),
                map: export::has_map(graph, &area).then(|| format!("{slug}-groups-map.svg")),
            };
            (area, files)
        })
        .collect()
}

/// The RON and JSON graph, the page (`index.html`), every DOT chart (the whole graph; per province an org chart and
/// a working-group chart), keyed by file name.
pub fn outputs(graph: &Graph) -> BTreeMap<String, Vec<u8>> {
    let mut files = graph_outputs(graph);
    files.append(&mut charts(graph));
    files
}

/// The file names of the graph in RON and JSON.
pub const GRAPH_RON: &str = "graph.ron";
pub const GRAPH_JSON: &str = "graph.json";

/// What [`outputs`] holds besides the graph files: the page and every DOT chart (and
/// working-group map), keyed by file name.
pub fn charts(graph: &Graph) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(
        OVERALL_CHART.to_string(),
        export::org_chart(graph, &Chart::whole("govgraph: all places")),
    );
    files.insert(
        PAGE.to_string(),
        export::page(graph, "govgraph", &chart_files(graph)),
    );
    for area in top_level_areas(graph) {
        let entity = graph
            .entity(&area)
            .expect("top-level areas come from the graph");
        let slug = area.as_str().trim_start_matches("area:");
        let title = format!("govgraph: {}", display_name(entity));
        files.insert(
            format!("{slug}.dot"),
            export::org_chart(graph, &Chart::of_area(area.clone(), &title)),
        );
        if has_groups(graph, &area) {
            let title = format!("govgraph: working groups of {}", display_name(entity));
            if let Some(map) = export::groups_map(graph, &area, &title) {
                files.insert(format!("{slug}-groups-map.svg"), map);
            }
            files.insert(
                format!("{slug}-groups.dot"),
                export::org_chart(graph, &Chart::groups_of(area, &title)),
            );
        }
    }
    files
}

/// True when a working group works with or inspected a place of `area`, or was set up by
/// one of its bodies.
pub fn has_groups(graph: &Graph, area: &EntityId) -> bool {
    export::areas_within(graph, area).iter().any(|place| {
        [RelationKind::WorksWith, RelationKind::Inspected]
            .iter()
            .any(|&kind| !graph.sources(place, kind).is_empty())
            || graph.sources(place, RelationKind::Within).iter().any(|l| {
                l.other.kind() == Kind::Organization
                    && !graph
                        .sources(&l.other.id, RelationKind::EstablishedBy)
                        .is_empty()
            })
    })
}

/// True when something besides places lies within `area` (a body, a meeting) or a group
/// works there: a province the graph only knows as a place gets no chart.
fn has_content(graph: &Graph, area: &EntityId) -> bool {
    has_groups(graph, area)
        || export::areas_within(graph, area).iter().any(|place| {
            graph
                .sources(place, RelationKind::Within)
                .iter()
                .any(|l| l.other.kind() != Kind::Area)
        })
}

/// The RON and JSON graph only (`build --no-charts`).
pub fn graph_outputs(graph: &Graph) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(
        GRAPH_RON.to_string(),
        export::to_ron(graph.document()).into_bytes(),
    );
    files.insert(
        GRAPH_JSON.to_string(),
        export::to_json(graph.document()).into_bytes(),
    );
    files
}

/// Provinces and centrally-run cities: areas of those levels that lie in no other province
/// or city and hold bodies, meetings or working groups' places. They get a chart each.
pub fn top_level_areas(graph: &Graph) -> Vec<EntityId> {
    graph
        .entities_of_kind(Kind::Area)
        .filter(|area| {
            matches!(
                area.kind,
                EntityKind::Area {
                    level: AreaLevel::Province | AreaLevel::City,
                    ..
                }
            ) && !graph
                .targets(&area.id, RelationKind::Within)
                .iter()
                .any(|l| {
                    matches!(
                        l.other.kind,
                        EntityKind::Area {
                            level: AreaLevel::Province | AreaLevel::City,
                            ..
                        }
                    )
                })
        })
        .map(|area| area.id.clone())
        .filter(|area| has_content(graph, area))
        .collect()
}
