//! The map of a province's working groups: every commune or ward a group works with or
//! inspected, drawn as a point at its latitude and longitude, one colour per group,
//! labelled with its name; a legend names each group and its leader.
//!
//! Written directly as SVG (no Graphviz: positions are the coordinates, not a layout).
//! Every string is XML-escaped; the output depends only on the graph, so it is the same
//! bytes on every run. A province whose groups' places have no coordinates gets no map.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::dot::display_name;
use super::xml::escape;
use crate::graph::Graph;
use crate::model::{EntityId, EntityKind, Kind, RelationKind};

/// Colours for groups, in order of group number; they repeat after the last.
pub const GROUP_COLOURS: &[&str] = &[
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#637939",
];

/// The drawing area for the points, in pixels; the legend goes below it.
const PLOT_WIDTH: f64 = 760.0;
const PLOT_HEIGHT: f64 = 640.0;
const MARGIN: f64 = 40.0;
const LABEL_WIDTH: f64 = 150.0;
const RADIUS: f64 = 6.0;
const FONT: f64 = 12.0;

/// The area and every area within it, found through `within` (each once, sorted).
pub fn areas_within(graph: &Graph, area: &EntityId) -> BTreeSet<EntityId> {
    let mut seen = BTreeSet::from([area.clone()]);
    let mut stack = vec![area.clone()];
    while let Some(at) = stack.pop() {
        for link in graph.sources(&at, RelationKind::Within) {
            if link.other.kind() == Kind::Area && seen.insert(link.other.id.clone()) {
                stack.push(link.other.id.clone());
            }
        }
    }
    seen
}

/// One group on the map.
struct GroupMark {
    id: EntityId,
    heading: String,
    leaders: Vec<String>,
    colour: &'static str,
}

/// One place on the map, with the groups that worked with it (indices into the groups).
struct Point {
    name: String,
    lat: f64,
    lon: f64,
    groups: Vec<usize>,
    inspected: bool,
}

/// The groups of `area`'s places and the places, with coordinates, by group. Groups are
/// ordered by number then name, places by name.
fn collect(graph: &Graph, area: &EntityId) -> (Vec<GroupMark>, Vec<Point>, Vec<String>) {
    let places = areas_within(graph, area);
    // group → (place → inspected)
    let mut work: BTreeMap<EntityId, BTreeMap<EntityId, bool>> = BTreeMap::new();
    for place in &places {
        for kind in [RelationKind::WorksWith, RelationKind::Inspected] {
            for link in graph.sources(place, kind) {
                if link.other.kind() != Kind::WorkingGroup {
                    continue;
                }
                let inspected = work
                    .entry(link.other.id.clone())
                    .or_default()
                    .entry(place.clone())
                    .or_default();
                *inspected |= kind == RelationKind::Inspected;
            }
        }
    }
    let mut group_ids: Vec<&EntityId> = work.keys().collect();
    group_ids.sort_by_cached_key(|id| {
        let entity = graph.entity(id).expect("groups come from the graph");
        let number = match entity.kind {
            EntityKind::WorkingGroup { number } => number,
            _ => None,
        };
        (number.is_none(), number, entity.name.clone(), (*id).clone())
    });
    let groups: Vec<GroupMark> = group_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let entity = graph.entity(id).expect("groups come from the graph");
            let heading = match entity.kind {
                EntityKind::WorkingGroup { number: Some(n) } => format!("Working Group No. {n}"),
                _ => display_name(entity),
            };
            let mut leaders: Vec<String> = graph
                .sources(id, RelationKind::Leads)
                .iter()
                .map(|l| display_name(l.other))
                .collect();
            leaders.sort();
            leaders.dedup();
            GroupMark {
                id: (*id).clone(),
                heading,
                leaders,
                colour: GROUP_COLOURS[i % GROUP_COLOURS.len()],
            }
        })
        .collect();
    let mut by_place: BTreeMap<EntityId, (Vec<usize>, bool)> = BTreeMap::new();
    for (i, group) in groups.iter().enumerate() {
        for (place, &inspected) in &work[&group.id] {
            let entry = by_place.entry(place.clone()).or_default();
            entry.0.push(i);
            entry.1 |= inspected;
        }
    }
    let mut points = Vec::new();
    let mut unplaced = Vec::new();
    for (place, (groups, inspected)) in by_place {
        let entity = graph.entity(&place).expect("places come from the graph");
        let name = display_name(entity);
        match entity.kind {
            EntityKind::Area {
                lat: Some(lat),
                lon: Some(lon),
                ..
            } => points.push(Point {
                name,
                lat: lat.0,
                lon: lon.0,
                groups,
                inspected,
            }),
            _ => unplaced.push(name),
        }
    }
    points.sort_by(|a, b| a.name.cmp(&b.name));
    unplaced.sort();
    (groups, points, unplaced)
}

/// True when `area` has working groups whose places have coordinates: a map can be drawn.
pub fn has_map(graph: &Graph, area: &EntityId) -> bool {
    !collect(graph, area).1.is_empty()
}

/// Takes out the points far from the others (an island far off the coast would squeeze
/// every other point into a corner): farther from the median point than five times the
/// median distance, when at least four points remain.
fn far_points(points: &mut Vec<Point>) -> Vec<Point> {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    if points.len() < 5 {
        return Vec::new();
    }
    let lat = median(points.iter().map(|p| p.lat).collect());
    let lon = median(points.iter().map(|p| p.lon).collect());
    let distance = |p: &Point| ((p.lat - lat).powi(2) + (p.lon - lon).powi(2)).sqrt();
    let typical = median(points.iter().map(distance).collect()).max(0.05);
    let (far, near): (Vec<Point>, Vec<Point>) =
        points.drain(..).partition(|p| distance(p) > 5.0 * typical);
    *points = near;
    far
}

/// A label's box, for keeping labels apart.
#[derive(Clone, Copy)]
struct LabelBox {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// The map of `area`'s working groups as SVG, `None` when no place of theirs has
/// coordinates.
pub fn groups_map(graph: &Graph, area: &EntityId, title: &str) -> Option<Vec<u8>> {
    let (groups, mut points, unplaced) = collect(graph, area);
    if points.is_empty() {
        return None;
    }
    let far = far_points(&mut points);
    // An equirectangular projection around the points' middle latitude, scaled to fit.
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &points {
        lat0 = lat0.min(p.lat);
        lat1 = lat1.max(p.lat);
        lon0 = lon0.min(p.lon);
        lon1 = lon1.max(p.lon);
    }
    let shrink = ((lat0 + lat1) / 2.0).to_radians().cos();
    let span_x = ((lon1 - lon0) * shrink).max(0.01);
    let span_y = (lat1 - lat0).max(0.01);
    let scale = (PLOT_WIDTH / span_x).min(PLOT_HEIGHT / span_y);
    let width = span_x * scale + 2.0 * MARGIN + 2.0 * LABEL_WIDTH;
    let plot_height = span_y * scale + 2.0 * MARGIN;
    let x_of = |lon: f64| MARGIN + LABEL_WIDTH + (lon - lon0) * shrink * scale;
    let y_of = |lat: f64| 30.0 + MARGIN + (lat1 - lat) * scale;

    let legend_lines =
        groups.len() + 2 + usize::from(!unplaced.is_empty()) + usize::from(!far.is_empty());
    let height = 30.0 + plot_height + FONT * 1.6 * legend_lines as f64 + 10.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" \
         viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"Helvetica, Arial, sans-serif\" \
         font-size=\"{FONT}\">",
        w = width,
        h = height
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        escape(title)
    );
    let _ = writeln!(
        out,
        "<rect x=\"4\" y=\"34\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" \
         stroke=\"#cccccc\"/>",
        width - 8.0,
        plot_height - 8.0
    );

    // Points: filled with the first group's colour, a ring for each further group, a black
    // outline where a group inspected the place.
    // Labels keep clear of every point and of each other.
    let mut labels: Vec<LabelBox> = points
        .iter()
        .map(|p| {
            let (x, y) = (x_of(p.lon), y_of(p.lat));
            let r = RADIUS + 3.0 * (p.groups.len() - 1) as f64;
            LabelBox {
                x0: x - r,
                y0: y - r,
                x1: x + r,
                y1: y + r,
            }
        })
        .collect();
    for p in &points {
        let (x, y) = (x_of(p.lon), y_of(p.lat));
        let group_names: Vec<&str> = p
            .groups
            .iter()
            .map(|&g| groups[g].heading.as_str())
            .collect();
        let _ = writeln!(
            out,
            "<g class=\"place\"><title>{}: {}{}</title>",
            escape(&p.name),
            escape(&group_names.join(", ")),
            if p.inspected { " (inspected)" } else { "" }
        );
        for (ring, &g) in p.groups.iter().enumerate().skip(1).rev() {
            let _ = writeln!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\"/>",
                RADIUS + 3.0 * ring as f64,
                groups[g].colour
            );
        }
        let _ = writeln!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{RADIUS}\" fill=\"{}\" stroke=\"{}\" \
             stroke-width=\"{}\"/>",
            groups[p.groups[0]].colour,
            if p.inspected { "#000000" } else { "#ffffff" },
            if p.inspected { 2 } else { 1 }
        );
        // The label to the right, else left, else moved down until it is clear.
        let text_width = FONT * 0.6 * p.name.chars().count() as f64;
        let mut placed = None;
        for step in 0..12 {
            let dy = FONT * 1.1 * step as f64;
            for (x0, anchor) in [
                (x + RADIUS + 3.0, "start"),
                (x - RADIUS - 3.0 - text_width, "end"),
            ] {
                let candidate = LabelBox {
                    x0,
                    y0: y - FONT * 0.8 + dy,
                    x1: x0 + text_width,
                    y1: y + FONT * 0.3 + dy,
                };
                let inside = candidate.x0 >= 6.0 && candidate.x1 <= width - 6.0;
                if inside && !labels.iter().any(|b| b.overlaps(&candidate)) {
                    placed = Some((candidate, anchor, dy));
                    break;
                }
            }
            if placed.is_some() {
                break;
            }
        }
        let (candidate, anchor, dy) = placed.unwrap_or((
            LabelBox {
                x0: x + RADIUS + 3.0,
                y0: y - FONT * 0.8,
                x1: x + RADIUS + 3.0 + text_width,
                y1: y + FONT * 0.3,
            },
            "start",
            0.0,
        ));
        labels.push(candidate);
        let text_x = if anchor == "start" {
            candidate.x0
        } else {
            candidate.x1
        };
        if dy > 0.0 {
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{text_x:.1}\" y2=\"{:.1}\" \
                 stroke=\"#999999\" stroke-width=\"0.6\"/>",
                y + dy - FONT * 0.3
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{text_x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></g>",
            y + dy,
            escape(&p.name)
        );
    }

    // Legend: one line per group, then what the outline means, then places without
    // coordinates.
    let mut y = 30.0 + plot_height + FONT * 1.4;
    for group in &groups {
        let leaders = if group.leaders.is_empty() {
            String::new()
        } else {
            format!(" — led by {}", group.leaders.join(", "))
        };
        let _ = writeln!(
            out,
            "<g class=\"legend\"><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{RADIUS}\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{y:.1}\">{}{}</text></g>",
            MARGIN,
            y - FONT * 0.35,
            group.colour,
            MARGIN + 12.0,
            escape(&group.heading),
            escape(&leaders)
        );
        y += FONT * 1.6;
    }
    let _ = writeln!(
        out,
        "<g class=\"legend\"><circle cx=\"{MARGIN:.1}\" cy=\"{:.1}\" r=\"{RADIUS}\" \
         fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><text x=\"{:.1}\" \
         y=\"{y:.1}\">inspected on site; a ring for each further group</text></g>",
        y - FONT * 0.35,
        MARGIN + 12.0
    );
    y += FONT * 1.6;
    if !unplaced.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{MARGIN:.1}\" y=\"{y:.1}\" fill=\"#666666\">without coordinates: {}</text>",
            escape(&unplaced.join(", "))
        );
    }
    if !far.is_empty() {
        y += FONT * 1.6;
        let listed: Vec<String> = far
            .iter()
            .map(|p| format!("{} ({:.2}°N, {:.2}°E)", p.name, p.lat, p.lon))
            .collect();
        let _ = writeln!(
            out,
            "<text x=\"{MARGIN:.1}\" y=\"{y:.1}\" fill=\"#666666\">far from the others, not drawn: {}</text>",
            escape(&listed.join(", "))
        );
    }
    out.push_str("</svg>\n");
    Some(out.into_bytes())
}

#[cfg(test)]
mod tests;
