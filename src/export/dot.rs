//! Org charts and working-group charts in Graphviz DOT, drawn the way people draw them.
//!
//! An org chart reads top-down: each area is a box; in it the pillars stand side by side
//! (Party Committee, People's Council, People's Committee, Fatherland Front, National
//! Assembly delegation), with the commissions, offices and departments below, and the
//! communes and wards that have bodies of their own below those, each in its own box. Every
//! body is one node whose HTML-like label has one row per post: the title, the holder (as
//! the sources write the name, with their other-script spelling underneath) and since or as
//! of when. A Standing Committee or Standing Board is drawn inside its Party Committee's
//! box; every other sub-body is its own box with a line from its parent. A working-group
//! chart shows one box per group: number, leader, members, and the communes and wards it
//! works with or inspected. No fact is an edge, so nobody has to follow lines to read it.
//!
//! Escaping: `dot-writer` writes what it is given, so every id is quoted by [`quote`] and
//! every string in an HTML-like label goes through [`html`], which also doubles backslashes
//! (Graphviz expands `\N`, `\G` even inside HTML labels). Work is linear in the part of the
//! graph a chart shows: everything is found through neighbour lists, never by walking all
//! relations.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use dot_writer::{Attributes, DotWriter, Scope};

use crate::graph::Graph;
use crate::model::{
    Classification, Entity, EntityId, EntityKind, Kind, Lang, Method, PartialDate, Relation,
    RelationKind, Role,
};
use crate::query::in_force;

/// What to draw: which part of the graph, which view of it, on which date.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    /// An area (with everything within it), or the whole graph.
    pub area: Option<EntityId>,
    pub view: View,
    /// Only facts in force on this date (see `query::posts`); all facts, dated, when `None`.
    pub as_of: Option<PartialDate>,
}

/// The bodies with their posts, the working groups, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Org,
    Groups,
    All,
}

impl Chart {
    /// Everything: the org chart of every area, then every working group.
    pub fn whole(title: &str) -> Self {
        Chart {
            title: title.to_string(),
            area: None,
            view: View::All,
            as_of: None,
        }
    }

    /// The org chart of one area.
    pub fn of_area(area: EntityId, title: &str) -> Self {
        Chart {
            title: title.to_string(),
            area: Some(area),
            view: View::Org,
            as_of: None,
        }
    }

    /// The working groups of one area.
    pub fn groups_of(area: EntityId, title: &str) -> Self {
        Chart {
            title: title.to_string(),
            area: Some(area),
            view: View::Groups,
            as_of: None,
        }
    }

    /// The same chart for `date`.
    pub fn on(mut self, date: Option<PartialDate>) -> Self {
        self.as_of = date;
        self
    }
}

const AREA_COLOR: &str = "#2e7d32";
const BODY_HEAD: &str = "#dce8f5";
const SUB_HEAD: &str = "#eef3f9";
const GROUP_HEAD: &str = "#e6dcf5";
const FAINT: &str = "#666666";
const LINE: &str = "#8a8a8a";
/// How many groups stand side by side in a working-group chart.
const GROUPS_PER_ROW: usize = 3;
/// How many places go on one line of a group's list.
const PLACES_PER_LINE: usize = 4;

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

/// Escapes text for a Graphviz HTML-like label or attribute: the XML entities, backslashes
/// doubled (Graphviz expands `\N` and `\G` even there), control characters as spaces.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The page address of an entity in `index.html` (ids percent-encoded).
pub fn page_link(id: &EntityId) -> String {
    let mut out = String::from("index.html#e/");
    for byte in id.as_str().bytes() {
        if byte.is_ascii_alphanumeric() || b":-_.".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Draws `chart` as DOT text.
pub fn org_chart(graph: &Graph, chart: &Chart) -> Vec<u8> {
    let scope = ChartScope::new(graph, chart);
    let mut bytes = Vec::new();
    {
        // Writing into a Vec cannot fail, so dot-writer's unwraps cannot fire.
        let mut writer = DotWriter::from(&mut bytes);
        let mut digraph = writer.digraph();
        let title = match chart.as_of {
            Some(date) => format!("{} (as of {date})", chart.title),
            None => chart.title.clone(),
        };
        digraph
            .graph_attributes()
            .set("label", &escape(&title), true)
            .set("labelloc", "t", false)
            .set("fontsize", "20", false)
            .set("fontname", "Helvetica", true)
            .set("rankdir", "TB", false)
            .set("newrank", "true", false)
            .set("nodesep", "0.18", false)
            .set("ranksep", "0.45", false);
        digraph
            .node_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "10", false)
            .set("shape", "plain", false);
        digraph
            .edge_attributes()
            .set("color", LINE, true)
            .set("arrowhead", "none", false);
        let mut top: Vec<Ends> = Vec::new();
        if chart.view != View::Groups {
            for area in scope.top_sections() {
                top.push(scope.write_section(&mut digraph, area));
            }
            if let Some(first) = scope.write_national(&mut digraph) {
                top.push(first);
            }
            if let Some(first) = scope.write_outside(&mut digraph) {
                top.push(first);
            }
            scope.write_part_of_lines(&mut digraph);
        }
        if chart.view != View::Org
            && let Some(first) = scope.write_groups(&mut digraph)
        {
            top.push(first);
        }
        let legend = legend(&mut digraph, chart.view);
        top.push((legend.clone(), legend));
        // Stack the sections top to bottom, so the chart grows down, not sideways.
        for pair in top.windows(2) {
            stack(&mut digraph, &pair[0], &pair[1]);
        }
    }
    bytes.push(b'\n');
    bytes
}

/// Which bodies, areas and groups a chart shows, found from the chart's area outwards.
struct ChartScope<'g> {
    graph: &'g Graph,
    chart: &'g Chart,
    /// Areas that hold drawn bodies (or hold areas that do), with their parent area.
    sections: BTreeMap<EntityId, Option<EntityId>>,
    /// Drawn bodies with the area they stand in (`None`: national or unplaced).
    bodies: BTreeMap<EntityId, Option<EntityId>>,
    /// Standing Committees and Boards drawn inside their parent's box.
    nested_in: BTreeMap<EntityId, EntityId>,
    /// Bodies outside the chart's area in which the chart's people hold posts, with those
    /// people.
    outside: BTreeMap<EntityId, BTreeSet<EntityId>>,
    /// Each section's sub-sections, by name.
    children: BTreeMap<EntityId, Vec<EntityId>>,
    /// Each section's own bodies (not the nested ones), pillars first; `None`: no area.
    bodies_of: BTreeMap<Option<EntityId>, Vec<EntityId>>,
}

impl<'g> ChartScope<'g> {
    fn new(graph: &'g Graph, chart: &'g Chart) -> Self {
        let areas = areas_in(graph, chart.area.as_ref());
        let mut bodies: BTreeMap<EntityId, Option<EntityId>> = BTreeMap::new();
        let mut stack: Vec<(EntityId, Option<EntityId>)> = Vec::new();
        match &chart.area {
            Some(_) => {
                for area in &areas {
                    for link in graph.sources(area, RelationKind::Within) {
                        if link.other.kind() == Kind::Organization {
                            stack.push((link.other.id.clone(), Some(area.clone())));
                        }
                    }
                }
            }
            None => {
                for org in graph.entities_of_kind(Kind::Organization) {
                    if graph.targets(&org.id, RelationKind::PartOf).is_empty() {
                        stack.push((org.id.clone(), own_area(graph, &org.id)));
                    }
                }
            }
        }
        // Sub-bodies without an area of their own stand in their parent's area.
        while let Some((org, area)) = stack.pop() {
            if bodies.contains_key(&org) {
                continue;
            }
            for link in graph.sources(&org, RelationKind::PartOf) {
                let child = &link.other.id;
                let child_area = own_area(graph, child).or_else(|| area.clone());
                let in_scope =
                    chart.area.is_none() || child_area.as_ref().is_some_and(|a| areas.contains(a));
                if in_scope && !bodies.contains_key(child) {
                    stack.push((child.clone(), child_area));
                }
            }
            bodies.insert(org, area);
        }
        // A whole chart also draws bodies in part-of cycles, which have no root.
        if chart.area.is_none() {
            for org in graph.entities_of_kind(Kind::Organization) {
                bodies
                    .entry(org.id.clone())
                    .or_insert_with(|| own_area(graph, &org.id));
            }
        }
        let mut nested_in = BTreeMap::new();
        for (org, area) in &bodies {
            let entity = graph.entity(org).expect("bodies come from the graph");
            if !matches!(
                entity.classification(),
                Some(Classification::StandingCommittee | Classification::StandingBoard)
            ) {
                continue;
            }
            if let Some(parent) = graph
                .targets(org, RelationKind::PartOf)
                .into_iter()
                .map(|l| l.other.id.clone())
                .find(|p| bodies.get(p).is_some_and(|pa| pa == area))
                && !nested_in.contains_key(&parent)
            {
                nested_in.insert(org.clone(), parent);
            }
        }
        let mut sections: BTreeMap<EntityId, Option<EntityId>> = BTreeMap::new();
        for area in bodies.values().flatten() {
            let mut current = Some(area.clone());
            while let Some(a) = current {
                if sections.contains_key(&a) {
                    break;
                }
                let parent = if chart.area.as_ref() == Some(&a) {
                    None
                } else {
                    graph
                        .targets(&a, RelationKind::Within)
                        .into_iter()
                        .map(|l| l.other.id.clone())
                        .find(|p| {
                            p.prefix_kind() == Some(Kind::Area)
                                && (chart.area.is_none() || areas.contains(p))
                        })
                };
                // A cycle of `within` must not loop: a visited parent ends the walk.
                sections.insert(a.clone(), parent.clone());
                current = parent;
            }
        }
        break_cycles(&mut sections);
        let mut outside: BTreeMap<EntityId, BTreeSet<EntityId>> = BTreeMap::new();
        if chart.area.is_some() {
            for org in bodies.keys() {
                for post in graph.sources(org, RelationKind::PostOf) {
                    for holds in graph.sources(&post.other.id, RelationKind::Holds) {
                        let person = &holds.other.id;
                        for other in graph.targets(person, RelationKind::Holds) {
                            for body in graph.targets(&other.other.id, RelationKind::PostOf) {
                                if !bodies.contains_key(&body.other.id) {
                                    outside
                                        .entry(body.other.id.clone())
                                        .or_default()
                                        .insert(person.clone());
                                }
                            }
                        }
                    }
                }
            }
        }
        let name_key = |id: &EntityId| {
            let entity = graph.entity(id).expect("chart ids come from the graph");
            (entity.name.clone(), id.clone())
        };
        let mut children: BTreeMap<EntityId, Vec<EntityId>> = BTreeMap::new();
        for (id, parent) in &sections {
            if let Some(parent) = parent {
                children.entry(parent.clone()).or_default().push(id.clone());
            }
        }
        for list in children.values_mut() {
            list.sort_by_cached_key(name_key);
        }
        let mut bodies_of: BTreeMap<Option<EntityId>, Vec<EntityId>> = BTreeMap::new();
        for (org, home) in &bodies {
            if !nested_in.contains_key(org) {
                bodies_of.entry(home.clone()).or_default().push(org.clone());
            }
        }
        for list in bodies_of.values_mut() {
            list.sort_by_cached_key(|id| {
                let entity = graph.entity(id).expect("chart ids come from the graph");
                (
                    pillar_rank(entity.classification()),
                    entity.name.clone(),
                    id.clone(),
                )
            });
        }
        ChartScope {
            graph,
            chart,
            sections,
            bodies,
            nested_in,
            outside,
            children,
            bodies_of,
        }
    }

    fn entity(&self, id: &EntityId) -> &'g Entity {
        self.graph
            .entity(id)
            .expect("chart ids come from the graph")
    }

    /// Areas with no drawn parent area, in name order.
    fn top_sections(&self) -> Vec<&EntityId> {
        let mut top: Vec<&EntityId> = self
            .sections
            .iter()
            .filter(|(_, parent)| parent.is_none())
            .map(|(id, _)| id)
            .collect();
        top.sort_by_key(|id| (&self.entity(id).name, *id));
        top
    }

    /// Writes one area's box: its bodies in rows, then its sub-areas below them.
    fn write_section(&self, scope: &mut Scope<'_, '_>, area: &EntityId) -> Ends {
        let entity = self.entity(area);
        let mut cluster = scope.cluster();
        let level = match &entity.kind {
            EntityKind::Area { level, .. } => level.as_str(),
            _ => "area",
        };
        cluster
            .graph_attributes()
            .set(
                "label",
                &format!("<<B>{}</B> ({level})>", html(&display_name(entity))),
                false,
            )
            .set("style", "rounded", true)
            .set("color", AREA_COLOR, true)
            .set("fontsize", "14", false)
            .set("labeljust", "l", false);
        let own = self
            .bodies_of
            .get(&Some(area.clone()))
            .map_or(&[][..], Vec::as_slice);
        let mut ends = self.write_body_rows(&mut cluster, own);
        for child in self.children.get(area).into_iter().flatten() {
            let below = self.write_section(&mut cluster, child);
            ends = Some(match ends {
                Some(above) => {
                    stack(&mut cluster, &above, &below);
                    (above.0, below.1)
                }
                None => below,
            });
        }
        ends.expect("a section holds a body or a section that does")
    }

    /// Writes bodies as nodes: the pillars side by side in their order, the rest on the row
    /// below.
    fn write_body_rows(&self, scope: &mut Scope<'_, '_>, bodies: &[EntityId]) -> Option<Ends> {
        let (pillars, others): (Vec<&EntityId>, Vec<&EntityId>) = bodies
            .iter()
            .partition(|id| pillar_rank(self.entity(id).classification()) < PILLARS);
        for id in pillars.iter().chain(&others) {
            scope
                .node_named(quote(id.as_str()))
                .set("label", &format!("<{}>", self.body_table(id, None)), false)
                .set("tooltip", &escape(&self.entity(id).name), true);
        }
        for row in [&pillars, &others] {
            same_rank(scope, row.iter().map(|id| id.as_str()));
        }
        // The second row goes under the first even where no line joins them.
        if let Some(first) = pillars.first() {
            for other in &others {
                let drawn_parent = self
                    .graph
                    .targets(other, RelationKind::PartOf)
                    .iter()
                    .any(|l| pillars.iter().any(|p| **p == l.other.id));
                if !drawn_parent {
                    invisible(scope, first.as_str(), other.as_str());
                }
            }
        }
        let first = pillars.first().or(others.first())?;
        let last = others.first().or(pillars.first())?;
        Some((first.as_str().to_string(), last.as_str().to_string()))
    }

    /// National bodies and bodies of no area (only in a whole chart).
    fn write_national(&self, scope: &mut Scope<'_, '_>) -> Option<Ends> {
        let unplaced = self.bodies_of.get(&None)?;
        let mut cluster = scope.cluster();
        cluster
            .graph_attributes()
            .set(
                "label",
                "<<B>National bodies and bodies of no area</B>>",
                false,
            )
            .set("style", "rounded", true)
            .set("color", LINE, true)
            .set("labeljust", "l", false);
        self.write_body_rows(&mut cluster, unplaced)
    }

    /// Posts the chart's people hold in bodies outside its area.
    fn write_outside(&self, scope: &mut Scope<'_, '_>) -> Option<Ends> {
        if self.outside.is_empty() {
            return None;
        }
        let area_name = self
            .chart
            .area
            .as_ref()
            .map(|a| display_name(self.entity(a)))
            .unwrap_or_default();
        let mut cluster = scope.cluster();
        cluster
            .graph_attributes()
            .set(
                "label",
                &format!(
                    "<<B>Posts held outside {}</B> by the people above>",
                    html(&area_name)
                ),
                false,
            )
            .set("style", "rounded,dashed", true)
            .set("color", LINE, true)
            .set("labeljust", "l", false);
        let mut first = None;
        let mut ids = Vec::new();
        for (org, people) in &self.outside {
            let id = format!("outside:{}", org.as_str());
            cluster
                .node_named(quote(&id))
                .set(
                    "label",
                    &format!("<{}>", self.body_table(org, Some(people))),
                    false,
                )
                .set("tooltip", &escape(&self.entity(org).name), true);
            first.get_or_insert_with(|| id.clone());
            ids.push(id);
        }
        same_rank(&mut cluster, ids.iter().map(String::as_str));
        first.map(|f| (f.clone(), f))
    }

    /// Lines from a body to its drawn sub-bodies (not those drawn inside it).
    fn write_part_of_lines(&self, scope: &mut Scope<'_, '_>) {
        let node_of = |org: &EntityId| -> EntityId {
            let mut current = org.clone();
            let mut steps = 0;
            while let Some(parent) = self.nested_in.get(&current) {
                current = parent.clone();
                steps += 1;
                if steps > self.nested_in.len() {
                    break;
                }
            }
            current
        };
        let mut lines = BTreeSet::new();
        for org in self.bodies.keys() {
            if self.nested_in.contains_key(org) {
                continue;
            }
            for parent in self.graph.targets(org, RelationKind::PartOf) {
                // The national Party and Assembly are parents of every province's bodies;
                // lines to all of them would cross the whole chart and say nothing.
                let national = matches!(
                    parent.other.classification(),
                    Some(Classification::Party | Classification::NationalAssembly)
                );
                if !national && self.bodies.contains_key(&parent.other.id) {
                    let from = node_of(&parent.other.id);
                    if &from != org {
                        lines.insert((from, org.clone()));
                    }
                }
            }
        }
        for (from, to) in lines {
            scope
                .edge(quote(from.as_str()), quote(to.as_str()))
                .attributes()
                .set("tooltip", "part of", true);
        }
    }

    /// A body's box: its name, a row per post, then its nested Standing Committee or Board.
    /// With `only`, just the posts those people hold.
    fn body_table(&self, org: &EntityId, only: Option<&BTreeSet<EntityId>>) -> String {
        let entity = self.entity(org);
        let mut out = String::new();
        let _ = write!(
            out,
            "<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"{LINE}\">"
        );
        let _ = write!(
            out,
            "<TR><TD COLSPAN=\"2\" BGCOLOR=\"{BODY_HEAD}\" HREF=\"{}\" TOOLTIP=\"{}\"><B>{}</B></TD></TR>",
            html(&page_link(org)),
            html(&entity.name),
            wrap(&display_name(entity), 28)
        );
        let before = out.len();
        self.post_rows(&mut out, org, only);
        if out.len() == before {
            let _ = write!(
                out,
                "<TR><TD COLSPAN=\"2\"><FONT COLOR=\"{FAINT}\"><I>no posts reported</I></FONT></TD></TR>"
            );
        }
        if only.is_none() {
            let mut nested: Vec<&EntityId> = self
                .nested_in
                .iter()
                .filter(|(_, parent)| *parent == org)
                .map(|(child, _)| child)
                .collect();
            nested.sort();
            for child in nested {
                let name = display_name(self.entity(child));
                let _ = write!(
                    out,
                    "<TR><TD COLSPAN=\"2\" BGCOLOR=\"{SUB_HEAD}\" HREF=\"{}\" TOOLTIP=\"{}\"><B>{}</B></TD></TR>",
                    html(&page_link(child)),
                    html(&name),
                    wrap(&name, 28)
                );
                self.post_rows(&mut out, child, None);
            }
        }
        out.push_str("</TABLE>");
        out
    }

    /// One row per post holder (the title spans a post's holders), then members and
    /// leaders without a titled post. A post with no holder says so.
    fn post_rows(&self, out: &mut String, org: &EntityId, only: Option<&BTreeSet<EntityId>>) {
        let mut posts: Vec<(&'g Entity, Vec<(&'g Entity, &'g Relation)>)> = Vec::new();
        for link in self.graph.sources(org, RelationKind::PostOf) {
            if link.other.kind() != Kind::Post {
                continue;
            }
            let mut holders: Vec<(&Entity, &Relation)> = self
                .graph
                .sources(&link.other.id, RelationKind::Holds)
                .into_iter()
                .filter(|h| only.is_none_or(|people| people.contains(&h.other.id)))
                .filter(|h| {
                    self.chart
                        .as_of
                        .is_none_or(|date| in_force(self.graph, h.relation, date))
                })
                .map(|h| (h.other, h.relation))
                .collect();
            if only.is_some() && holders.is_empty() {
                continue;
            }
            holders.sort_by_key(|(person, relation)| (date_key(relation), &person.name));
            posts.push((link.other, holders));
        }
        posts.sort_by_key(|(post, _)| (role_rank(post.role()), &post.name, &post.id));
        for (post, holders) in &posts {
            let title = post.role().map_or_else(|| post.name.clone(), role_title);
            self.rows(out, &title, &post.id, holders);
        }
        if only.is_some() {
            return;
        }
        for (kind, title) in [
            (RelationKind::Leads, "Leader"),
            (RelationKind::MemberOf, "Member"),
        ] {
            let mut people: Vec<(&Entity, &Relation)> = self
                .graph
                .sources(org, kind)
                .into_iter()
                .filter(|l| l.other.kind() == Kind::Person)
                .filter(|l| {
                    self.chart
                        .as_of
                        .is_none_or(|date| reported_by(l.relation, date))
                })
                .map(|l| (l.other, l.relation))
                .collect();
            if !people.is_empty() {
                people.sort_by_key(|(person, relation)| (date_key(relation), &person.name));
                self.rows(out, title, org, &people);
            }
        }
    }

    /// Rows for one title: a holder, their date and how the fact is known, per row.
    fn rows(
        &self,
        out: &mut String,
        title: &str,
        link: &EntityId,
        holders: &[(&Entity, &Relation)],
    ) {
        let span = holders.len().max(1);
        let _ = write!(
            out,
            "<TR><TD ROWSPAN=\"{span}\" ALIGN=\"LEFT\" VALIGN=\"TOP\" HREF=\"{}\" TOOLTIP=\"{}\"><B>{}</B></TD>",
            html(&page_link(link)),
            html(title),
            html(title)
        );
        if holders.is_empty() {
            let _ = write!(
                out,
                "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{FAINT}\"><I>holder not reported</I></FONT></TD></TR>"
            );
            return;
        }
        for (i, (person, relation)) in holders.iter().enumerate() {
            if i > 0 {
                out.push_str("<TR>");
            }
            out.push_str(&holder_cells(person, relation, title));
            out.push_str("</TR>");
        }
    }

    /// Working groups of the chart's area (or all), in a grid, each with its people and
    /// places. Returns the first node written.
    fn write_groups(&self, scope: &mut Scope<'_, '_>) -> Option<Ends> {
        let groups = self.groups();
        if groups.is_empty() {
            return None;
        }
        let mut cluster = scope.cluster();
        cluster
            .graph_attributes()
            .set("label", "<<B>Working groups</B>>", false)
            .set("style", "rounded", true)
            .set("color", "#6a1b9a", true)
            .set("labeljust", "l", false);
        for group in &groups {
            cluster
                .node_named(quote(group.as_str()))
                .set("label", &format!("<{}>", self.group_table(group)), false)
                .set("tooltip", &escape(&self.entity(group).name), true);
        }
        for row in groups.chunks(GROUPS_PER_ROW) {
            same_rank(&mut cluster, row.iter().map(EntityId::as_str));
        }
        for pair in groups.windows(GROUPS_PER_ROW + 1) {
            invisible(
                &mut cluster,
                pair[0].as_str(),
                pair[GROUPS_PER_ROW].as_str(),
            );
        }
        let first = groups.first()?.as_str().to_string();
        let last = groups[(groups.len() - 1) / GROUPS_PER_ROW * GROUPS_PER_ROW]
            .as_str()
            .to_string();
        Some((first, last))
    }

    /// The groups set up by a drawn body or working in a drawn area, by number then name.
    fn groups(&self) -> Vec<EntityId> {
        let mut found = BTreeSet::new();
        match &self.chart.area {
            None => found.extend(
                self.graph
                    .entities_of_kind(Kind::WorkingGroup)
                    .map(|g| g.id.clone()),
            ),
            Some(area) => {
                for org in self.bodies.keys() {
                    for link in self.graph.sources(org, RelationKind::EstablishedBy) {
                        found.insert(link.other.id.clone());
                    }
                }
                for place in areas_in(self.graph, Some(area)) {
                    for kind in [RelationKind::WorksWith, RelationKind::Inspected] {
                        for link in self.graph.sources(&place, kind) {
                            found.insert(link.other.id.clone());
                        }
                    }
                }
            }
        }
        let mut groups: Vec<EntityId> = found.into_iter().collect();
        groups.sort_by_key(|id| {
            let entity = self.entity(id);
            let number = match entity.kind {
                EntityKind::WorkingGroup { number } => number,
                _ => None,
            };
            (number.is_none(), number, entity.name.clone(), id.clone())
        });
        groups
    }

    fn group_table(&self, group: &EntityId) -> String {
        let entity = self.entity(group);
        let heading = match entity.kind {
            EntityKind::WorkingGroup { number: Some(n) } => format!("Working Group No. {n}"),
            _ => display_name(entity),
        };
        let in_force = |r: &Relation| self.chart.as_of.is_none_or(|d| reported_by(r, d));
        let mut out = String::new();
        let _ = write!(
            out,
            "<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"{LINE}\">\
             <TR><TD COLSPAN=\"2\" BGCOLOR=\"{GROUP_HEAD}\" HREF=\"{}\" TOOLTIP=\"{}\"><B>{}</B>",
            html(&page_link(group)),
            html(&entity.name),
            html(&heading)
        );
        let founders: Vec<String> = self
            .graph
            .targets(group, RelationKind::EstablishedBy)
            .iter()
            .map(|l| display_name(l.other))
            .collect();
        if !founders.is_empty() {
            let _ = write!(
                out,
                "<BR/><FONT POINT-SIZE=\"9\">set up by {}</FONT>",
                wrap(&founders.join("; "), 48)
            );
        }
        out.push_str("</TD></TR>");
        for (kind, title) in [
            (RelationKind::Leads, "Leader"),
            (RelationKind::Accompanied, "Accompanied by"),
            (RelationKind::MemberOf, "Member"),
        ] {
            let mut people: Vec<(&Entity, &Relation)> = self
                .graph
                .sources(group, kind)
                .into_iter()
                .filter(|l| l.other.kind() == Kind::Person && in_force(l.relation))
                .map(|l| (l.other, l.relation))
                .collect();
            people.sort_by_key(|(person, relation)| (date_key(relation), &person.name));
            if kind == RelationKind::Leads || !people.is_empty() {
                self.rows(&mut out, title, group, &people);
            }
        }
        for (kind, title) in [
            (RelationKind::WorksWith, "Works with"),
            (RelationKind::Inspected, "Inspected"),
        ] {
            let places: Vec<(&Entity, &Relation)> = self
                .graph
                .targets(group, kind)
                .into_iter()
                .filter(|l| in_force(l.relation))
                .map(|l| (l.other, l.relation))
                .collect();
            if places.is_empty() {
                continue;
            }
            let level_of = |place: &Entity| match &place.kind {
                EntityKind::Area { level, .. } => Some(*level),
                _ => None,
            };
            let levels: BTreeSet<_> = places.iter().map(|(p, _)| level_of(p)).collect();
            let one_level = match levels.iter().next() {
                Some(Some(level)) if levels.len() == 1 => Some(*level),
                _ => None,
            };
            let count = match one_level {
                Some(level) if places.len() == 1 => format!("1 {level}"),
                Some(level) => format!("{} {level}s", places.len()),
                None => places.len().to_string(),
            };
            let _ = write!(
                out,
                "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><B>{title}</B><BR/>({count})</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
            );
            for (i, (place, relation)) in places.iter().enumerate() {
                if i > 0 {
                    out.push_str(if i % PLACES_PER_LINE == 0 {
                        ",<BR/>"
                    } else {
                        ", "
                    });
                }
                let text = match (one_level, level_of(place)) {
                    (None, Some(level)) => format!("{} ({level})", display_name(place)),
                    _ => display_name(place),
                };
                out.push_str(&if is_curated(relation) {
                    html(&text)
                } else {
                    format!("<I>{}*</I>", html(&text))
                });
            }
            let dates: BTreeSet<String> = places.iter().map(|(_, r)| date_text(r)).collect();
            let _ = write!(
                out,
                "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"{FAINT}\">{}</FONT></TD></TR>",
                html(&dates.into_iter().collect::<Vec<_>>().join("; "))
            );
        }
        out.push_str("</TABLE>");
        out
    }
}

/// The first node of a part of the chart and a node on its bottom row.
type Ends = (String, String);

/// Puts `below` under `above` with an invisible line.
fn stack(scope: &mut Scope<'_, '_>, above: &Ends, below: &Ends) {
    invisible(scope, &above.1, &below.0);
}

fn invisible(scope: &mut Scope<'_, '_>, from: &str, to: &str) {
    scope
        .edge(quote(from), quote(to))
        .attributes()
        .set("style", "invis", false);
}

/// Puts nodes on one row, left to right in the order given.
fn same_rank<'a>(scope: &mut Scope<'_, '_>, ids: impl Iterator<Item = &'a str>) {
    let ids: Vec<&str> = ids.collect();
    if ids.len() < 2 {
        return;
    }
    {
        let mut same = scope.subgraph();
        same.graph_attributes().set("rank", "same", false);
        for id in &ids {
            same.node_named(quote(id));
        }
    }
    for pair in ids.windows(2) {
        invisible(scope, pair[0], pair[1]);
    }
}

/// The area and every area within it (all areas when `None`), found through `within`.
fn areas_in(graph: &Graph, area: Option<&EntityId>) -> BTreeSet<EntityId> {
    let Some(area) = area else {
        return graph
            .entities_of_kind(Kind::Area)
            .map(|a| a.id.clone())
            .collect();
    };
    let mut set = BTreeSet::from([area.clone()]);
    let mut stack = vec![area.clone()];
    while let Some(id) = stack.pop() {
        for link in graph.sources(&id, RelationKind::Within) {
            if link.other.kind() == Kind::Area && set.insert(link.other.id.clone()) {
                stack.push(link.other.id.clone());
            }
        }
    }
    set
}

/// The area a body says it lies within, if any.
fn own_area(graph: &Graph, org: &EntityId) -> Option<EntityId> {
    graph
        .targets(org, RelationKind::Within)
        .into_iter()
        .find(|l| l.other.kind() == Kind::Area)
        .map(|l| l.other.id.clone())
}

/// Bad data must not loop the writer: an area whose chain of parents returns to itself
/// becomes a top section.
fn break_cycles(sections: &mut BTreeMap<EntityId, Option<EntityId>>) {
    let ids: Vec<EntityId> = sections.keys().cloned().collect();
    for id in ids {
        let mut seen = BTreeSet::from([id.clone()]);
        let mut current = sections[&id].clone();
        while let Some(parent) = current {
            if !seen.insert(parent.clone()) {
                sections.insert(id.clone(), None);
                break;
            }
            current = sections.get(&parent).cloned().flatten();
        }
    }
}

/// The pillars, in the order people draw them; everything after them goes on the next row.
const PILLARS: u8 = 6;

fn pillar_rank(classification: Option<Classification>) -> u8 {
    use Classification as C;
    match classification {
        Some(C::PartyCommittee | C::Party) => 0,
        Some(C::PeoplesCouncil) => 1,
        Some(C::PeoplesCommittee) => 2,
        Some(C::FatherlandFront) => 3,
        Some(C::NationalAssemblyDelegation) => 4,
        Some(C::CentralCommittee | C::Politburo | C::NationalAssembly) => 5,
        Some(C::StandingCommittee | C::StandingBoard) => 6,
        Some(C::Commission) => 7,
        Some(C::Office) => 8,
        Some(C::SteeringCommittee) => 9,
        Some(C::Department) => 10,
        Some(C::Other) | None => 11,
    }
}

/// Heads first, then standing deputies, deputies and members.
fn role_rank(role: Option<Role>) -> u8 {
    match role {
        Some(
            Role::GeneralSecretary
            | Role::Secretary
            | Role::Chair
            | Role::Head
            | Role::Director
            | Role::Chief,
        ) => 0,
        Some(
            Role::StandingDeputySecretary | Role::StandingViceChair | Role::StandingDeputyHead,
        ) => 1,
        Some(Role::DeputySecretary | Role::ViceChair | Role::DeputyHead | Role::DeputyDirector) => {
            2
        }
        Some(Role::Deputy) => 3,
        Some(Role::Member) => 4,
        None => 5,
    }
}

/// `standing_vice_chair` → `Standing Vice Chair`.
fn role_title(role: Role) -> String {
    role.as_str()
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name as the sources write it: the canonical name of a gazetteer place or one with
/// its diacritics, else the first Vietnamese spelling when there is one, else the
/// canonical name.
pub fn display_name(entity: &Entity) -> String {
    let gazetteer_place = matches!(entity.kind, EntityKind::Area { code: Some(_), .. });
    if gazetteer_place || crate::text::fold(&entity.name) != entity.name {
        return entity.name.clone();
    }
    entity
        .aliases
        .iter()
        .find(|a| a.lang == Lang::Vi && !a.text.trim().is_empty())
        .map_or_else(|| entity.name.clone(), |a| a.text.clone())
}

/// The first spelling in a non-Latin script (Arabic), shown under the name.
fn other_script(entity: &Entity) -> Option<&str> {
    entity
        .aliases
        .iter()
        .find(|a| a.lang == Lang::Ar)
        .map(|a| a.text.as_str())
}

/// A fact is curated when a person wrote it (or it cites nothing, as curated structure does).
fn is_curated(relation: &Relation) -> bool {
    relation.evidence.is_empty() || relation.evidence.iter().any(|e| e.method.is_curated())
}

/// The best confidence among the rules that found an extracted fact.
fn confidence(relation: &Relation) -> Option<u8> {
    relation
        .evidence
        .iter()
        .filter_map(|e| match &e.method {
            Method::Extracted { confidence, .. } => Some(*confidence),
            Method::Curated => None,
        })
        .max()
}

/// `since 2020-10`, `2020-10 – 2025-06`, `as of 2025-08-04`, or `date not reported`.
fn date_text(relation: &Relation) -> String {
    match (relation.start, relation.end, relation.as_of) {
        (Some(s), Some(e), _) => format!("{s} – {e}"),
        (Some(s), None, _) => format!("since {s}"),
        (None, Some(e), _) => format!("until {e}"),
        (None, None, Some(a)) => format!("as of {a}"),
        (None, None, None) => "date not reported".to_string(),
    }
}

fn date_key(relation: &Relation) -> (Option<PartialDate>, Option<PartialDate>) {
    (relation.start.or(relation.as_of), relation.end)
}

/// Whether a fact that is not a post (a lead, a membership, a visit) was reported by
/// `date`: its span covers the date, or it was reported on or before it.
fn reported_by(relation: &Relation, date: PartialDate) -> bool {
    let before = |a: PartialDate, b: PartialDate| a.earliest() <= b.latest();
    if relation.start.is_some() || relation.end.is_some() {
        return relation.start.is_none_or(|s| before(s, date))
            && relation.end.is_none_or(|e| before(date, e));
    }
    relation.as_of.is_none_or(|a| before(a, date))
}

/// The holder and date cells of one row: name with its other-script spelling, the date,
/// and for extracted facts italics, a dashed border and the confidence. The tooltip counts
/// the sources; the link opens the person's page.
fn holder_cells(person: &Entity, relation: &Relation, title: &str) -> String {
    let curated = is_curated(relation);
    let sources: BTreeSet<&EntityId> = relation.evidence.iter().map(|e| &e.source).collect();
    let how = if curated {
        "curated".to_string()
    } else {
        format!(
            "extracted, confidence {}%",
            confidence(relation).unwrap_or(0)
        )
    };
    let tooltip = format!(
        "{} — {title} — {} — {how} — {} source{}: {}",
        display_name(person),
        date_text(relation),
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        sources
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let style = if curated { "" } else { " STYLE=\"dashed\"" };
    let mut cell = format!("<B>{}</B>", html(&display_name(person)));
    if let Some(other) = other_script(person) {
        let _ = write!(
            cell,
            "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"{FAINT}\">{}</FONT>",
            html(other)
        );
    }
    let _ = write!(
        cell,
        "<BR/><FONT POINT-SIZE=\"9\">{}</FONT>",
        html(&date_text(relation))
    );
    if !curated {
        let _ = write!(
            cell,
            "<BR/><FONT POINT-SIZE=\"9\">extracted {}%</FONT>",
            confidence(relation).unwrap_or(0)
        );
        cell = format!("<I>{cell}</I>");
    }
    format!(
        "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"{style} HREF=\"{}\" TOOLTIP=\"{}\">{cell}</TD>",
        html(&page_link(&person.id)),
        html(&tooltip)
    )
}

/// Escapes `text` and breaks it into lines of about `width` characters at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
        .iter()
        .map(|l| html(l))
        .collect::<Vec<_>>()
        .join("<BR/>")
}

/// A key to everything the chart's view draws. Returns its node id.
fn legend(scope: &mut Scope<'_, '_>, view: View) -> String {
    let id = "legend".to_string();
    let mut rows = vec![
        (
            "<B>Body</B>".to_string(),
            "A box per body (Party Committee, People's Council, …), its name on top; a \
             Standing Committee or Board sits inside its Party Committee's box"
                .to_string(),
        ),
        (
            "<B>Title</B> | <B>Holder</B> | date".to_string(),
            "One row per post and holder; the name as the sources write it, with its Arabic \
             spelling underneath"
                .to_string(),
        ),
        (
            "as of D · since D · D – E".to_string(),
            "reported holding on D · took office on D · held from D to E".to_string(),
        ),
        (
            "<I>holder not reported</I>".to_string(),
            "the post is known, its holder is not".to_string(),
        ),
        (
            "plain text, solid border".to_string(),
            "curated: written by a person reading the source".to_string(),
        ),
        (
            "<I>italic, dashed border, N%</I>".to_string(),
            "extracted by a rule, with its confidence (places: <I>name*</I>)".to_string(),
        ),
        (
            "hover · click".to_string(),
            "a row's tooltip counts its sources; a click opens its evidence in index.html"
                .to_string(),
        ),
    ];
    if view != View::Groups {
        rows.push((
            "line between boxes".to_string(),
            "the lower body is part of the upper one".to_string(),
        ));
        rows.push((
            "green box".to_string(),
            "an area (province, ward, commune) and the bodies within it".to_string(),
        ));
    }
    if view != View::Org {
        rows.push((
            "<B>Working Group No. N</B>".to_string(),
            "its leader, the officials accompanying it, its members, and the communes and wards \
             it works with or inspected"
                .to_string(),
        ));
    }
    let mut label = format!(
        "<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"{LINE}\">\
         <TR><TD COLSPAN=\"2\" BGCOLOR=\"#f0f0f0\"><B>Legend</B></TD></TR>"
    );
    for (key, meaning) in rows {
        let key = if key.contains('<') { key } else { html(&key) };
        let meaning = if meaning.contains('<') {
            meaning
        } else {
            wrap(&meaning, 60)
        };
        let _ = write!(
            label,
            "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">{key}</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{meaning}</TD></TR>"
        );
    }
    label.push_str("</TABLE>>");
    scope
        .node_named(quote(&id))
        .set("label", &label, false)
        .set("fontsize", "10", false);
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    /// A province with a Party Committee whose secretary changed, a Standing Committee, a
    /// post without a holder, an extracted fact, and a ward committee that is part of the
    /// provincial one.
    const RECORDS: &str = r#"#![enable(implicit_some)]
    (
      entities: [
        (id: "area:p", name: "Tinh Mot", kind: area(level: province)),
        (id: "area:w", name: "Phuong Hai", kind: area(level: ward)),
        (id: "org:p-party", name: "Tinh Mot Party Committee", kind: organization(classification: party_committee)),
        (id: "org:p-standing", name: "Standing Committee of Tinh Mot", kind: organization(classification: standing_committee)),
        (id: "org:p-council", name: "Tinh Mot People's Council", kind: organization(classification: peoples_council)),
        (id: "org:w-party", name: "Phuong Hai Party Committee", kind: organization(classification: party_committee)),
        (id: "post:p-secretary", name: "Secretary of Tinh Mot", kind: post(role: secretary)),
        (id: "post:p-member", name: "Member of the Standing Committee", kind: post(role: member)),
        (id: "post:p-council-chair", name: "Chair of the Council", kind: post(role: chair)),
        (id: "post:w-secretary", name: "Secretary of Phuong Hai", kind: post(role: secretary)),
        (id: "person:a", name: "Le Van A", kind: person, aliases: [(text: "Lê Văn A", lang: vi, source: "source:s1")]),
        (id: "person:b", name: "Tran Thi B", kind: person, aliases: [(text: "تران ثي ب", lang: ar, source: "source:s2")]),
        (id: "person:c", name: "Pham C", kind: person),
        (id: "source:s1", name: "One", kind: source(url: "https://example.org/1", lang: vi)),
        (id: "source:s2", name: "Two", kind: source(url: "https://example.org/2", lang: ar)),
      ],
      relations: [
        (kind: within, from: "area:w", to: "area:p"),
        (kind: within, from: "org:p-party", to: "area:p"),
        (kind: within, from: "org:p-council", to: "area:p"),
        (kind: within, from: "org:w-party", to: "area:w"),
        (kind: part_of, from: "org:p-standing", to: "org:p-party"),
        (kind: part_of, from: "org:w-party", to: "org:p-party"),
        (kind: post_of, from: "post:p-secretary", to: "org:p-party"),
        (kind: post_of, from: "post:p-member", to: "org:p-standing"),
        (kind: post_of, from: "post:p-council-chair", to: "org:p-council"),
        (kind: post_of, from: "post:w-secretary", to: "org:w-party"),
        (kind: holds, from: "person:a", to: "post:p-secretary", start: "2015-10", end: "2020-10",
         evidence: [(source: "source:s1", quote: "q")]),
        (kind: holds, from: "person:b", to: "post:p-secretary", start: "2020-10",
         evidence: [(source: "source:s1", quote: "q"), (source: "source:s2", quote: "q")]),
        (kind: holds, from: "person:c", to: "post:p-member", as_of: "2025-08",
         evidence: [(source: "source:s2", quote: "q", method: extracted(rule: "r", confidence: 70))]),
        (kind: holds, from: "person:c", to: "post:w-secretary", as_of: "2025-08",
         evidence: [(source: "source:s2", quote: "q")]),
      ],
    )"#;

    fn graph() -> Graph {
        Graph::new(ron::from_str::<Document>(RECORDS).expect("the test records parse"))
            .expect("the test records are consistent")
    }

    fn chart(date: Option<&str>) -> String {
        let chart = Chart::of_area(EntityId::new("area:p"), "test")
            .on(date.map(|d| d.parse().expect("a date")));
        String::from_utf8(org_chart(&graph(), &chart)).expect("DOT is UTF-8")
    }

    /// The label of the node `id`: the rest of the line that declares it.
    fn node<'a>(dot: &'a str, id: &str) -> &'a str {
        let start = format!("\"{id}\" [");
        dot.lines()
            .map(str::trim)
            .find(|line| line.starts_with(&start))
            .unwrap_or_else(|| panic!("no node {id} in\n{dot}"))
    }

    #[test]
    fn a_post_shows_every_holder_over_time_with_dates_and_the_name_as_written() {
        let dot = chart(None);
        let party = node(&dot, "org:p-party");
        assert!(party.contains("<B>Secretary</B>"), "{party}");
        assert!(party.contains("ROWSPAN=\"2\""), "two holders: {party}");
        assert!(party.contains("<B>Lê Văn A</B>"), "{party}");
        assert!(party.contains("2015-10 – 2020-10"), "{party}");
        assert!(party.contains("<B>Tran Thi B</B>"), "{party}");
        assert!(party.contains("تران ثي ب"), "{party}");
        assert!(party.contains("since 2020-10"), "{party}");
        assert!(party.contains("2 sources: source:s1, source:s2"), "{party}");
        let a = party.find("Lê Văn A").unwrap();
        let b = party.find("Tran Thi B").unwrap();
        assert!(a < b, "the earlier holder comes first");
    }

    #[test]
    fn standing_committee_sits_in_its_party_committee_and_a_ward_committee_does_not() {
        let dot = chart(None);
        let party = node(&dot, "org:p-party");
        assert!(party.contains("Standing Committee of Tinh Mot"), "{party}");
        assert!(!party.contains("Phuong Hai"), "{party}");
        assert!(
            !dot.contains("\"org:p-standing\" ["),
            "nested, not its own box"
        );
        let ward = node(&dot, "org:w-party");
        assert!(ward.contains("Pham C"), "{ward}");
        assert!(dot.contains("\"org:p-party\" -> \"org:w-party\""), "{dot}");
        // The ward committee is drawn inside the ward's box, after it opened.
        let ward_box = dot.find("<<B>Phuong Hai</B> (ward)>").unwrap();
        assert!(dot.find("\"org:w-party\" [").unwrap() > ward_box);
    }

    #[test]
    fn extracted_facts_are_marked_and_missing_holders_said() {
        let dot = chart(None);
        let party = node(&dot, "org:p-party");
        let member = &party[party.find("Pham C").expect("extracted member drawn") - 300..];
        assert!(member.contains("STYLE=\"dashed\""), "{member}");
        assert!(party.contains("extracted 70%"), "{party}");
        assert!(party.contains("<I><B>Pham C</B>"), "{party}");
        let council = node(&dot, "org:p-council");
        assert!(council.contains("holder not reported"), "{council}");
    }

    #[test]
    fn as_of_draws_the_holders_of_that_date() {
        let dot = chart(Some("2018-01"));
        let party = node(&dot, "org:p-party");
        assert!(
            party.contains("Lê Văn A") && !party.contains("Tran Thi B"),
            "{party}"
        );
        assert!(!party.contains("Pham C"), "reported only in 2025: {party}");
        assert!(dot.contains("test (as of 2018-01)"));
        let dot = chart(Some("2025-09"));
        let party = node(&dot, "org:p-party");
        assert!(
            !party.contains("Lê Văn A") && party.contains("Tran Thi B"),
            "{party}"
        );
    }

    #[test]
    fn pillars_stand_in_order_on_one_row() {
        let dot = chart(None);
        assert!(
            dot.contains("\"org:p-party\" -> \"org:p-council\" [style=invis]"),
            "{dot}"
        );
    }

    #[test]
    fn html_escapes_markup_quotes_and_graphviz_escapes() {
        assert_eq!(
            html("<b>\"x\" & 'y' \\N"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39; \\\\N"
        );
        assert_eq!(html("a\nb\u{7}"), "a b ");
        assert_eq!(
            page_link(&EntityId::new("person:a b\"")),
            "index.html#e/person:a%20b%22"
        );
    }
}
