//! The working-group map on small graphs of our own.

use super::{GROUP_COLOURS, groups_map, has_map};
use crate::graph::Graph;
use crate::model::{
    AreaLevel, Degrees, Document, Entity, EntityId, EntityKind, Evidence, Relation, RelationKind,
};

fn entity(id: &str, name: &str, kind: EntityKind) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        note: None,
    }
}

fn place(id: &str, name: &str, at: Option<(f64, f64)>) -> Entity {
    let mut kind = EntityKind::area(AreaLevel::Commune);
    if let EntityKind::Area { lat, lon, .. } = &mut kind {
        *lat = at.map(|a| Degrees(a.0));
        *lon = at.map(|a| Degrees(a.1));
    }
    entity(id, name, kind)
}

/// The one source every relation cites.
fn source() -> Entity {
    entity(
        "source:s",
        "s",
        EntityKind::Source {
            url: "https://example.org/s".into(),
            lang: crate::model::Lang::En,
            date: None,
            translation_of: None,
        },
    )
}

fn relation(kind: RelationKind, from: &str, to: &str) -> Relation {
    let evidence = match kind {
        RelationKind::Within => Vec::new(),
        _ => vec![Evidence {
            source: EntityId::new("source:s"),
            quote: "q".into(),
            span: None,
            method: Default::default(),
        }],
    };
    Relation {
        kind,
        from: EntityId::new(from),
        to: EntityId::new(to),
        as_of: None,
        start: None,
        end: None,
        evidence,
    }
}

/// A province with three places: two groups share one place, one place has no coordinates,
/// and a place's name needs escaping.
fn sample(order_reversed: bool) -> Graph {
    let mut entities = vec![
        source(),
        entity("area:p", "Province", EntityKind::area(AreaLevel::Province)),
        place("area:a", "An <Phú> & \"Co\"", Some((21.0, 106.0))),
        place("area:b", "Bình", Some((21.5, 106.5))),
        place("area:c", "Cẩm", None),
        entity(
            "group:one",
            "Group one",
            EntityKind::WorkingGroup { number: Some(1) },
        ),
        entity(
            "group:two",
            "Group two",
            EntityKind::WorkingGroup { number: Some(2) },
        ),
        entity("person:x", "Le Van X", EntityKind::Person),
    ];
    let mut relations = vec![
        relation(RelationKind::Within, "area:a", "area:p"),
        relation(RelationKind::Within, "area:b", "area:p"),
        relation(RelationKind::Within, "area:c", "area:p"),
        relation(RelationKind::WorksWith, "group:one", "area:a"),
        relation(RelationKind::WorksWith, "group:one", "area:b"),
        relation(RelationKind::Inspected, "group:two", "area:b"),
        relation(RelationKind::WorksWith, "group:two", "area:c"),
        relation(RelationKind::Leads, "person:x", "group:one"),
    ];
    if order_reversed {
        entities.reverse();
        relations.reverse();
    }
    Graph::new(Document {
        entities,
        relations,
    })
    .unwrap()
}

fn map(graph: &Graph) -> String {
    String::from_utf8(groups_map(graph, &EntityId::new("area:p"), "Groups <of> P").unwrap())
        .unwrap()
}

#[test]
fn every_place_with_coordinates_is_a_point_and_the_others_are_listed() {
    let svg = map(&sample(false));
    assert_eq!(svg.matches("<g class=\"place\">").count(), 2);
    assert!(svg.contains(">Bình</text>"));
    assert!(svg.contains("without coordinates: Cẩm"));
    // North is up: Bình (21.5°N) is drawn above An Phú (21.0°N), and east is right.
    let at = |name: &str| -> (f64, f64) {
        let i = svg.find(&format!("<title>{name}")).unwrap();
        let circle = &svg[i..];
        let num = |attr: &str| -> f64 {
            let j = circle.find(attr).unwrap() + attr.len();
            circle[j..].split('"').next().unwrap().parse().unwrap()
        };
        (num("cx=\""), num("cy=\""))
    };
    let (ax, ay) = at("An &lt;Phú&gt;");
    let (bx, by) = at("Bình");
    assert!(by < ay && bx > ax, "{ax},{ay} {bx},{by}");
}

#[test]
fn each_group_has_its_own_colour_and_a_shared_place_shows_both() {
    let svg = map(&sample(false));
    let (one, two) = (GROUP_COLOURS[0], GROUP_COLOURS[1]);
    assert_ne!(one, two);
    assert!(svg.contains(&format!("fill=\"{one}\"/><text x=\"52.0\" y=\"")));
    assert!(svg.contains("Working Group No. 1 — led by Le Van X"));
    assert!(svg.contains("Working Group No. 2</text>"));
    // Bình: group one's fill, group two's ring, and the outline of an inspection.
    let b = &svg[svg.find("<title>Bình").unwrap()..];
    let b = &b[..b.find("</g>").unwrap()];
    assert!(b.contains(&format!("fill=\"{two}\"")) && b.contains(&format!("fill=\"{one}\"")));
    assert!(b.contains("stroke=\"#000000\""), "{b}");
}

#[test]
fn names_and_title_are_escaped() {
    let svg = map(&sample(false));
    assert!(svg.contains("An &lt;Phú&gt; &amp; &quot;Co&quot;"));
    assert!(svg.contains("<title>Groups &lt;of&gt; P</title>"));
    assert!(!svg.contains("<Phú>"));
}

#[test]
fn the_map_is_the_same_whatever_the_input_order() {
    assert_eq!(map(&sample(false)), map(&sample(true)));
}

#[test]
fn no_map_without_coordinates_or_groups() {
    let graph = sample(false);
    assert!(has_map(&graph, &EntityId::new("area:p")));
    assert!(!has_map(&graph, &EntityId::new("area:c")));
    assert!(groups_map(&graph, &EntityId::new("area:c"), "t").is_none());
}

#[test]
fn a_place_far_from_the_others_is_named_but_not_drawn() {
    let mut entities = vec![
        entity("area:p", "Province", EntityKind::area(AreaLevel::Province)),
        entity(
            "group:one",
            "Group one",
            EntityKind::WorkingGroup { number: Some(1) },
        ),
        source(),
    ];
    let mut relations = Vec::new();
    let near = [
        (10.80, 106.60),
        (10.85, 106.65),
        (10.90, 106.62),
        (10.82, 106.70),
        (10.88, 106.58),
    ];
    for (i, at) in near.iter().chain([&(8.68, 106.61)]).enumerate() {
        let id = format!("area:c{i}");
        entities.push(place(&id, &format!("Place {i}"), Some(*at)));
        relations.push(relation(RelationKind::Within, &id, "area:p"));
        relations.push(relation(RelationKind::WorksWith, "group:one", &id));
    }
    let graph = Graph::new(Document {
        entities,
        relations,
    })
    .unwrap();
    let svg = map(&graph);
    assert_eq!(svg.matches("<g class=\"place\">").count(), 5);
    assert!(svg.contains("far from the others, not drawn: Place 5 (8.68°N, 106.61°E)"));
}
