//! Org charts in Graphviz DOT, written through `dot-writer`.
//!
//! Layout by nesting: every area that contains something is a cluster, organizations are
//! clusters inside their area (and inside their parent body when they are `part_of` one),
//! posts are boxes inside their organization, people stand outside and point at the posts
//! they hold, working groups sit in their area and point at the communes and wards they
//! work with. Events and sources are not drawn.
//!
//! `dot-writer` escapes nothing and numbers clusters itself (`cluster_0`, `cluster_1`, … in
//! creation order), so every id and label is escaped here, and the cluster number of each
//! entity is counted here in the same order, for edges that end at a cluster (`lhead`).

use std::collections::{BTreeMap, BTreeSet};

use dot_writer::{Attributes, DotWriter, Scope};

use crate::graph::Graph;
use crate::model::{Entity, EntityId, EntityKind, Kind, Lang, RelationKind};

/// What to draw: the whole graph, or what belongs to one area.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub area: Option<EntityId>,
}

impl Chart {
    pub fn whole(title: &str) -> Self {
        Chart {
            title: title.to_string(),
            area: None,
        }
    }

    pub fn of_area(area: EntityId, title: &str) -> Self {
        Chart {
            title: title.to_string(),
            area: Some(area),
        }
    }
}

const PERSON_FILL: &str = "#fde2c4";
const POST_FILL: &str = "#d6e6f7";
const GROUP_FILL: &str = "#e4d8f5";
const AREA_FILL: &str = "#d8f0d2";
const ORG_FILL: &str = "#f3f3f3";
const EVENT_FILL: &str = "#f7f3c6";

/// Escapes text for a quoted DOT string: backslashes first, then quotes and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A DOT id: always quoted, so keywords (`node`, `graph`), `-`, `:` and any script are safe.
pub fn quote(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Draws `chart` as DOT text.
pub fn org_chart(graph: &Graph, chart: &Chart) -> Vec<u8> {
    let drawn = entities_to_draw(graph, chart.area.as_ref());
    let layout = Layout::new(graph, &drawn);
    let mut bytes = Vec::new();
    {
        // Writing into a Vec cannot fail, so dot-writer's unwraps cannot fire.
        let mut writer = DotWriter::from(&mut bytes);
        let mut digraph = writer.digraph();
        digraph
            .graph_attributes()
            .set("label", &escape(&chart.title), true)
            .set("labelloc", "t", false)
            .set("fontsize", "20", false)
            .set("fontname", "Helvetica", true)
            .set("rankdir", "LR", false)
            .set("compound", "true", false)
            .set("newrank", "true", false)
            .set("nodesep", "0.15", false)
            .set("ranksep", "0.6", false);
        digraph
            .node_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "11", false)
            .set("style", "filled", true);
        digraph
            .edge_attributes()
            .set("color", "#555555", true)
            .set("arrowsize", "0.7", false)
            .set("fontname", "Helvetica", true);
        let mut clusters = ClusterCounter::default();
        legend(&mut digraph, &mut clusters);
        let mut cluster_ids: BTreeMap<EntityId, usize> = BTreeMap::new();
        for id in layout.children_of(None) {
            write_entity(
                &mut digraph,
                graph,
                &layout,
                id,
                &mut clusters,
                &mut cluster_ids,
            );
        }
        write_edges(&mut digraph, graph, &drawn, &cluster_ids);
    }
    bytes.push(b'\n');
    bytes
}

/// Counts clusters in the order dot-writer numbers them.
#[derive(Default)]
struct ClusterCounter(usize);

impl ClusterCounter {
    fn open<'a, 'w>(&mut self, scope: &'a mut Scope<'_, 'w>) -> (Scope<'a, 'w>, usize) {
        let number = self.0;
        self.0 += 1;
        (scope.cluster(), number)
    }
}

/// Which entities the chart shows. For an area: its sub-areas, the bodies within them and
/// their sub-bodies, their posts and holders, the working groups they set up or that work
/// there, those groups' leaders, and every other post those people hold (with its body).
fn entities_to_draw(graph: &Graph, area: Option<&EntityId>) -> BTreeSet<EntityId> {
    let drawable = |e: &Entity| !matches!(e.kind(), Kind::Event | Kind::Source);
    let Some(area) = area else {
        return graph
            .entities()
            .iter()
            .filter(|e| drawable(e))
            .map(|e| e.id.clone())
            .collect();
    };
    let mut set = BTreeSet::from([area.clone()]);
    let closure = |set: &mut BTreeSet<EntityId>, kind: RelationKind, of: Kind| {
        let mut stack: Vec<EntityId> = set.iter().cloned().collect();
        while let Some(id) = stack.pop() {
            for link in graph.sources(&id, kind) {
                if link.other.kind() == of && set.insert(link.other.id.clone()) {
                    stack.push(link.other.id.clone());
                }
            }
        }
    };
    closure(&mut set, RelationKind::Within, Kind::Area);
    closure(&mut set, RelationKind::Within, Kind::Organization);
    closure(&mut set, RelationKind::PartOf, Kind::Organization);
    let snapshot: Vec<EntityId> = set.iter().cloned().collect();
    for id in &snapshot {
        let mut found = Vec::new();
        for (kind, of) in [
            (RelationKind::PostOf, Kind::Post),
            (RelationKind::EstablishedBy, Kind::WorkingGroup),
            (RelationKind::WorksWith, Kind::WorkingGroup),
            (RelationKind::MemberOf, Kind::Person),
            (RelationKind::Leads, Kind::Person),
        ] {
            found.extend(
                graph
                    .sources(id, kind)
                    .into_iter()
                    .filter(|l| l.other.kind() == of)
                    .map(|l| l.other.id.clone()),
            );
        }
        set.extend(found);
    }
    let snapshot: Vec<EntityId> = set.iter().cloned().collect();
    for id in &snapshot {
        let mut found = Vec::new();
        for kind in [
            RelationKind::Holds,
            RelationKind::Leads,
            RelationKind::Accompanied,
        ] {
            found.extend(
                graph
                    .sources(id, kind)
                    .into_iter()
                    .map(|l| l.other.id.clone()),
            );
        }
        set.extend(found);
    }
    // Every post the chart's people hold, with its body, so national posts show too.
    let people: Vec<EntityId> = set
        .iter()
        .filter(|id| id.prefix_kind() == Some(Kind::Person))
        .cloned()
        .collect();
    for person in &people {
        for held in graph.targets(person, RelationKind::Holds) {
            set.insert(held.other.id.clone());
            for org in graph.targets(&held.other.id, RelationKind::PostOf) {
                set.insert(org.other.id.clone());
            }
        }
    }
    set.retain(|id| graph.entity(id).is_some_and(drawable));
    set
}

/// Where each drawn entity goes: its container (an area or organization cluster), or the
/// top level.
struct Layout {
    container: BTreeMap<EntityId, Option<EntityId>>,
    clusters: BTreeSet<EntityId>,
}

impl Layout {
    fn new(graph: &Graph, drawn: &BTreeSet<EntityId>) -> Self {
        let first_target = |id: &EntityId, kind: RelationKind| -> Option<EntityId> {
            graph
                .targets(id, kind)
                .into_iter()
                .map(|l| l.other.id.clone())
                .find(|target| drawn.contains(target))
        };
        let mut container: BTreeMap<EntityId, Option<EntityId>> = BTreeMap::new();
        for id in drawn {
            let entity = graph.entity(id).expect("drawn ids come from the graph");
            let parent = match entity.kind() {
                Kind::Area => first_target(id, RelationKind::Within),
                Kind::Organization => first_target(id, RelationKind::PartOf)
                    .or_else(|| first_target(id, RelationKind::Within)),
                Kind::Post => first_target(id, RelationKind::PostOf),
                Kind::WorkingGroup => first_target(id, RelationKind::EstablishedBy)
                    .and_then(|org| area_of(graph, &org, drawn)),
                _ => None,
            };
            container.insert(id.clone(), parent);
        }
        // Break containment cycles (bad data must not loop the writer): an entity whose
        // chain of containers returns to itself goes to the top level.
        let ids: Vec<EntityId> = container.keys().cloned().collect();
        for id in ids {
            let mut seen = BTreeSet::from([id.clone()]);
            let mut current = container[&id].clone();
            while let Some(parent) = current {
                if !seen.insert(parent.clone()) {
                    container.insert(id.clone(), None);
                    break;
                }
                current = container.get(&parent).cloned().flatten();
            }
        }
        let mut clusters = BTreeSet::new();
        for (id, parent) in &container {
            if let Some(parent) = parent {
                clusters.insert(parent.clone());
            }
            if id.prefix_kind() == Some(Kind::Organization) {
                clusters.insert(id.clone());
            }
        }
        Layout {
            container,
            clusters,
        }
    }

    fn children_of(&self, parent: Option<&EntityId>) -> Vec<&EntityId> {
        self.container
            .iter()
            .filter(|(_, p)| p.as_ref() == parent)
            .map(|(id, _)| id)
            .collect()
    }
}

/// The drawn area an organization lies in, through its parent bodies.
fn area_of(graph: &Graph, org: &EntityId, drawn: &BTreeSet<EntityId>) -> Option<EntityId> {
    let mut current = org.clone();
    let mut seen = BTreeSet::new();
    while seen.insert(current.clone()) {
        if let Some(area) = graph
            .targets(&current, RelationKind::Within)
            .into_iter()
            .find(|l| drawn.contains(&l.other.id))
        {
            return Some(area.other.id.clone());
        }
        let parent = graph
            .targets(&current, RelationKind::PartOf)
            .into_iter()
            .next()?;
        current = parent.other.id.clone();
    }
    None
}

fn write_entity(
    scope: &mut Scope<'_, '_>,
    graph: &Graph,
    layout: &Layout,
    id: &EntityId,
    clusters: &mut ClusterCounter,
    cluster_ids: &mut BTreeMap<EntityId, usize>,
) {
    let entity = graph.entity(id).expect("drawn ids come from the graph");
    if layout.clusters.contains(id) {
        let (mut cluster, number) = clusters.open(scope);
        cluster_ids.insert(id.clone(), number);
        let (label, style, color, fill) = match &entity.kind {
            EntityKind::Area { level } => (
                format!("{} ({level})", entity.name),
                "rounded,dashed",
                "#2e7d32",
                "#fbfffa",
            ),
            _ => (entity.name.clone(), "rounded,filled", "#8a8a8a", ORG_FILL),
        };
        cluster
            .graph_attributes()
            .set("label", &escape(&label), true)
            .set("style", style, true)
            .set("color", color, true)
            .set("fillcolor", fill, true)
            .set("fontsize", "12", false);
        // The anchor: edges that end at the cluster point here and are clipped at its border.
        cluster
            .node_named(quote(id.as_str()))
            .set("shape", "point", false)
            .set("style", "invis", false)
            .set("width", "0", false)
            .set("label", "", true);
        for child in layout.children_of(Some(id)) {
            write_entity(&mut cluster, graph, layout, child, clusters, cluster_ids);
        }
        return;
    }
    let (shape, fill, label) = match &entity.kind {
        EntityKind::Person => ("box", PERSON_FILL, with_other_script(entity)),
        EntityKind::Post { role } => ("box", POST_FILL, role_title(role.as_str())),
        EntityKind::WorkingGroup { number: Some(n) } => {
            ("hexagon", GROUP_FILL, format!("Working Group No. {n}"))
        }
        EntityKind::WorkingGroup { number: None } => ("hexagon", GROUP_FILL, entity.name.clone()),
        EntityKind::Area { .. } => ("ellipse", AREA_FILL, with_other_script(entity)),
        EntityKind::Organization { .. } => ("tab", ORG_FILL, entity.name.clone()),
        EntityKind::Event { .. } | EntityKind::Source { .. } => {
            ("note", EVENT_FILL, entity.name.clone())
        }
    };
    let style = if entity.kind() == Kind::Person {
        "rounded,filled"
    } else {
        "filled"
    };
    scope
        .node_named(quote(id.as_str()))
        .set("shape", shape, false)
        .set("style", style, true)
        .set("fillcolor", fill, true)
        .set("label", &escape(&label), true);
}

/// A name and, on a second line, its first spelling in another script (Arabic).
fn with_other_script(entity: &Entity) -> String {
    match entity.aliases.iter().find(|a| a.lang == Lang::Ar) {
        Some(alias) => format!("{}\n{}", entity.name, alias.text),
        None => entity.name.clone(),
    }
}

/// `standing_vice_chair` → `Standing Vice Chair`.
fn role_title(role: &str) -> String {
    role.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_edges(
    scope: &mut Scope<'_, '_>,
    graph: &Graph,
    drawn: &BTreeSet<EntityId>,
    cluster_ids: &BTreeMap<EntityId, usize>,
) {
    for relation in &graph.document().relations {
        if !drawn.contains(&relation.from) || !drawn.contains(&relation.to) {
            continue;
        }
        let (color, style, width) = match relation.kind {
            RelationKind::Holds => ("#555555", "solid", "1"),
            RelationKind::Leads => ("#c62828", "bold", "2"),
            RelationKind::Accompanied => ("#c62828", "dashed", "1"),
            RelationKind::WorksWith => ("#2e7d32", "solid", "1"),
            RelationKind::Inspected => ("#2e7d32", "dotted", "1.5"),
            RelationKind::EstablishedBy => ("#6a1b9a", "dashed", "1"),
            RelationKind::MemberOf => ("#555555", "dashed", "1"),
            // Shown by nesting, not by lines.
            RelationKind::PostOf | RelationKind::PartOf | RelationKind::Within => continue,
            RelationKind::Chaired | RelationKind::Attended | RelationKind::TookPart => continue,
        };
        let edge = scope.edge(quote(relation.from.as_str()), quote(relation.to.as_str()));
        let mut attributes = edge.attributes();
        attributes
            .set("color", color, true)
            .set("style", style, true)
            .set("penwidth", width, false)
            .set("tooltip", relation.kind.as_str(), true);
        if let Some(number) = cluster_ids.get(&relation.to) {
            attributes.set("lhead", &format!("cluster_{number}"), true);
        }
        if let Some(number) = cluster_ids.get(&relation.from) {
            attributes.set("ltail", &format!("cluster_{number}"), true);
        }
    }
}

/// A key to the shapes and line styles.
fn legend(scope: &mut Scope<'_, '_>, clusters: &mut ClusterCounter) {
    let (mut cluster, _) = clusters.open(scope);
    cluster
        .graph_attributes()
        .set("label", "Legend", true)
        .set("style", "rounded", true)
        .set("color", "#999999", true)
        .set("fontsize", "12", false);
    let items = [
        (
            "legend:person",
            "box",
            "rounded,filled",
            PERSON_FILL,
            "person",
        ),
        (
            "legend:post",
            "box",
            "filled",
            POST_FILL,
            "post (in its body)",
        ),
        (
            "legend:group",
            "hexagon",
            "filled",
            GROUP_FILL,
            "working group",
        ),
        (
            "legend:area",
            "ellipse",
            "filled",
            AREA_FILL,
            "commune / ward",
        ),
        (
            "legend:org",
            "box",
            "rounded,filled",
            ORG_FILL,
            "body (box around its posts)",
        ),
    ];
    for (id, shape, style, fill, label) in items {
        cluster
            .node_named(quote(id))
            .set("shape", shape, false)
            .set("style", style, true)
            .set("fillcolor", fill, true)
            .set("label", label, true);
    }
    let edges = [
        ("legend:person", "legend:post", "#555555", "solid", "holds"),
        ("legend:person", "legend:group", "#c62828", "bold", "leads"),
        (
            "legend:group",
            "legend:area",
            "#2e7d32",
            "solid",
            "works with",
        ),
        (
            "legend:group",
            "legend:org",
            "#6a1b9a",
            "dashed",
            "set up by",
        ),
    ];
    for (from, to, color, style, label) in edges {
        cluster
            .edge(quote(from), quote(to))
            .attributes()
            .set("color", color, true)
            .set("style", style, true)
            .set("label", label, true)
            .set("fontsize", "9", false);
    }
}
