//! Questions over the graph: free functions, one file per kind of question.
//!
//! Each takes a [`Graph`] and ids already resolved by [`Graph::find`], and returns a typed,
//! serializable answer; `table` renders it for people, `serde_json` for programs. Nothing
//! under `query/` does I/O.

mod area;
mod leads;
mod members;
mod neighbors;
mod officials;
mod path;
mod posts;
mod table;

pub use area::{AreaAnswer, area, table as area_table};
pub use leads::{GroupLeads, Leader, leads, table as leads_table};
pub use members::{
    Member, Members, members, table as members_table, write_table as write_members_table,
};
pub use neighbors::{Neighbor, Neighbors, neighbors, table as neighbors_table, within};
pub use officials::{Official, OfficialsAnswer, officials, table as officials_table};
pub use path::{Path, Step, shortest_path, table as path_table};
pub use posts::{PostHeld, Posts, in_force, posts, table as posts_table};
pub use table::Table;
pub use table::{render_rows, write_rows};

use serde::Serialize;

use crate::graph::Graph;
use crate::model::{Alias, Entity, EntityKind};

/// An entity as answers show it: `id`, `kind`, `name`, `aliases`, and `role` for posts,
/// `number` for working groups, `classification` for organizations, `level` for areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityView {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub aliases: Vec<Alias>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'static str>,
}

impl From<&Entity> for EntityView {
    fn from(entity: &Entity) -> Self {
        let mut view = EntityView {
            id: entity.id.to_string(),
            kind: entity.kind().as_str(),
            name: entity.name.clone(),
            aliases: entity.aliases.clone(),
            role: None,
            number: None,
            classification: None,
            level: None,
        };
        match &entity.kind {
            EntityKind::Post { role } => view.role = Some(role.as_str()),
            EntityKind::WorkingGroup { number } => view.number = *number,
            EntityKind::Organization { classification } => {
                view.classification = Some(classification.as_str())
            }
            EntityKind::Area { level, .. } => view.level = Some(level.as_str()),
            _ => {}
        }
        view
    }
}

/// An entity of the graph, by index, written as an [`EntityView`]: what large answers
/// hold instead of a copy per row (decoded only when written).
#[derive(Clone, Copy)]
pub struct EntityRef<'g> {
    graph: &'g Graph,
    index: usize,
}

impl<'g> EntityRef<'g> {
    pub fn new(graph: &'g Graph, index: usize) -> Self {
        EntityRef { graph, index }
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn name(&self) -> &'g str {
        self.graph.name_at(self.index)
    }

    pub fn id(&self) -> &'g str {
        self.graph.id_at(self.index)
    }
}

impl std::fmt::Debug for EntityRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EntityRef({})", self.id())
    }
}

impl Serialize for EntityRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EntityView::from(&*self.graph.entity_copy(self.index)).serialize(serializer)
    }
}

/// The aliases of an entity as one short line: each distinct text once, in stored order.
pub fn alias_line(entity: &EntityView) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for alias in &entity.aliases {
        if !seen.contains(&alias.text.as_str()) && alias.text != entity.name {
            seen.push(&alias.text);
        }
    }
    seen.join(" / ")
}
