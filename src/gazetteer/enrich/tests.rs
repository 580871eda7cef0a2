//! Areas of small documents of our own made gazetteer units, on the committed gazetteer.

use super::{check_code, curated_units, enrich};
use crate::gazetteer::Gazetteer;
use crate::model::{
    AreaLevel, Document, Entity, EntityId, EntityKind, Evidence, PartialDate, Relation,
    RelationKind,
};

fn area(id: &str, name: &str, level: AreaLevel) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: name.to_string(),
        kind: EntityKind::area(level),
        aliases: Vec::new(),
        note: None,
    }
}

fn group(id: &str) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: id.to_string(),
        kind: EntityKind::WorkingGroup { number: Some(1) },
        aliases: Vec::new(),
        note: None,
    }
}

fn within(from: &str, to: &str) -> Relation {
    Relation {
        kind: RelationKind::Within,
        from: EntityId::new(from),
        to: EntityId::new(to),
        as_of: None,
        start: None,
        end: None,
        evidence: Vec::new(),
    }
}

fn works_with(group: &str, place: &str, date: &str) -> Relation {
    Relation {
        kind: RelationKind::WorksWith,
        from: EntityId::new(group),
        to: EntityId::new(place),
        as_of: Some(date.parse::<PartialDate>().unwrap()),
        start: None,
        end: None,
        evidence: vec![Evidence {
            source: EntityId::new("source:s"),
            quote: "q".into(),
            span: None,
            method: Default::default(),
        }],
    }
}

fn code(doc: &Document, id: &str) -> Option<String> {
    let e = doc.entities.iter().find(|e| e.id.as_str() == id)?;
    match &e.kind {
        EntityKind::Area { code, .. } => code.clone(),
        _ => None,
    }
}

fn entity<'d>(doc: &'d Document, id: &str) -> &'d Entity {
    doc.entities
        .iter()
        .find(|e| e.id.as_str() == id)
        .unwrap_or_else(|| panic!("no entity `{id}`"))
}

fn has(doc: &Document, kind: RelationKind, from: &str, to: &str) -> bool {
    doc.relations
        .iter()
        .any(|r| r.kind == kind && r.from.as_str() == from && r.to.as_str() == to)
}

/// Lạng Sơn with the wards a group worked with after 2025-07-01.
fn lang_son_groups(places: &[(&str, &str, AreaLevel)], date: &str) -> Document {
    let mut doc = Document {
        entities: vec![
            area("area:lang-son", "Lang Son", AreaLevel::Province),
            group("group:g"),
        ],
        relations: Vec::new(),
    };
    for (id, name, level) in places {
        doc.entities.push(area(id, name, *level));
        doc.relations.push(within(id, "area:lang-son"));
        doc.relations.push(works_with("group:g", id, date));
    }
    doc
}

#[test]
fn a_name_of_two_provinces_is_placed_by_the_province_it_lies_within() {
    let g = Gazetteer::embedded();
    // Đông Kinh is a ward of Lạng Sơn and a commune of Hà Tĩnh.
    assert!(g.find("Đông Kinh").len() >= 2);
    let mut doc = lang_son_groups(
        &[
            ("area:dong-kinh", "Dong Kinh", AreaLevel::Ward),
            ("area:ky-lua", "Ky Lua", AreaLevel::Ward),
        ],
        "2025-08-04",
    );
    let report = enrich(&mut doc, g);
    assert_eq!(code(&doc, "area:lang-son").as_deref(), Some("vn-20"));
    assert_eq!(code(&doc, "area:dong-kinh").as_deref(), Some("vn-05977"));
    let dong_kinh = entity(&doc, "area:dong-kinh");
    assert_eq!(dong_kinh.name, "Đông Kinh");
    assert!(dong_kinh.aliases.iter().any(|a| a.text == "Dong Kinh"));
    assert!(
        dong_kinh
            .aliases
            .iter()
            .any(|a| a.text == "phường Đông Kinh")
    );
    assert_eq!(report.placed, 3);
    // Without the province, the name alone places nothing.
    let mut alone = Document {
        entities: vec![area("area:dong-kinh", "Dong Kinh", AreaLevel::Ward)],
        relations: Vec::new(),
    };
    assert_eq!(enrich(&mut alone, g).placed, 0);
    assert_eq!(code(&alone, "area:dong-kinh"), None);
}

#[test]
fn the_2025_mergers_are_in_the_graph() {
    let g = Gazetteer::embedded();
    for (old, new) in [
        ("Ha Nam", "vn-37"),
        ("Nam Dinh", "vn-37"),
        ("Ninh Binh", "vn-37"),
        ("Ha Giang", "vn-08"),
        ("Hai Duong", "vn-31"),
    ] {
        let mut doc = Document {
            entities: vec![area("area:old", old, AreaLevel::Province)],
            relations: Vec::new(),
        };
        // Named in an article of 2024: the province as it was.
        doc.entities.push(group("group:g"));
        doc.relations
            .push(works_with("group:g", "area:old", "2024-05"));
        enrich(&mut doc, g);
        let old_code = code(&doc, "area:old").unwrap();
        assert!(old_code.starts_with("vn-old-"), "{old}: {old_code}");
        let successor = format!("area:{new}");
        assert!(
            has(&doc, RelationKind::Became, "area:old", &successor),
            "{old} became {new}"
        );
        // The new province comes with every province merged into it.
        let merged: Vec<&str> = doc
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Became && r.to.as_str() == successor)
            .map(|r| r.from.as_str())
            .collect();
        let names: Vec<String> = merged
            .iter()
            .map(|id| crate::text::fold(&entity(&doc, id).name))
            .collect();
        match new {
            "vn-37" => assert_eq!(merged.len(), 3, "{names:?}"),
            _ => assert_eq!(merged.len(), 2, "{names:?}"),
        }
    }
    // Hà Nam, Nam Định and Ninh Bình into Ninh Bình, named by their full names.
    let mut doc = Document {
        entities: vec![area("area:ha-nam", "Hà Nam", AreaLevel::Province)],
        relations: Vec::new(),
    };
    doc.entities.push(group("group:g"));
    doc.relations
        .push(works_with("group:g", "area:ha-nam", "2025-03"));
    enrich(&mut doc, g);
    let mut into: Vec<&str> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Became)
        .map(|r| entity(&doc, r.from.as_str()).name.as_str())
        .collect();
    into.sort();
    assert_eq!(into, ["Hà Nam", "tỉnh Nam Định", "tỉnh Ninh Bình"]);
    assert_eq!(entity(&doc, "area:vn-37").name, "tỉnh Ninh Bình");
}

#[test]
fn an_article_before_2025_names_a_district_and_its_communes() {
    let g = Gazetteer::embedded();
    // Huyện Hữu Lũng of Lạng Sơn and two of its communes, in an article of May 2024.
    let mut doc = Document {
        entities: vec![
            area("area:lang-son", "Lang Son", AreaLevel::Province),
            area("area:huu-lung-district", "Huu Lung", AreaLevel::District),
            area("area:dong-tan", "Dong Tan", AreaLevel::Commune),
            area("area:ho-son", "Ho Son", AreaLevel::Commune),
            group("group:g"),
        ],
        relations: vec![
            within("area:huu-lung-district", "area:lang-son"),
            within("area:dong-tan", "area:huu-lung-district"),
            within("area:ho-son", "area:huu-lung-district"),
            works_with("group:g", "area:dong-tan", "2024-05-10"),
            works_with("group:g", "area:ho-son", "2024-05-10"),
            works_with("group:g", "area:huu-lung-district", "2024-05-10"),
        ],
    };
    enrich(&mut doc, g);
    assert_eq!(code(&doc, "area:lang-son").as_deref(), Some("vn-old-20"));
    assert_eq!(
        code(&doc, "area:huu-lung-district").as_deref(),
        Some("vn-old-186")
    );
    assert_eq!(code(&doc, "area:dong-tan").as_deref(), Some("vn-old-06424"));
    assert_eq!(code(&doc, "area:ho-son").as_deref(), Some("vn-old-06451"));
    let EntityKind::Area {
        valid_until,
        valid_from,
        lat,
        ..
    } = &entity(&doc, "area:dong-tan").kind
    else {
        panic!()
    };
    assert_eq!(
        valid_until.map(|d| d.to_string()).as_deref(),
        Some("2025-06-30")
    );
    assert!(valid_from.is_none() && lat.is_some());
    // What they became: the commune Hữu Lũng and the province Lạng Sơn of 2025.
    assert!(has(
        &doc,
        RelationKind::Became,
        "area:dong-tan",
        "area:vn-06385"
    ));
    assert!(has(
        &doc,
        RelationKind::Became,
        "area:ho-son",
        "area:vn-06385"
    ));
    assert!(has(
        &doc,
        RelationKind::Became,
        "area:huu-lung-district",
        "area:vn-20"
    ));
    assert!(has(
        &doc,
        RelationKind::Became,
        "area:lang-son",
        "area:vn-20"
    ));
    assert!(has(
        &doc,
        RelationKind::Within,
        "area:vn-06385",
        "area:vn-20"
    ));
    assert_eq!(entity(&doc, "area:vn-06385").name, "xã Hữu Lũng");
}

#[test]
fn the_same_names_after_2025_are_the_new_units() {
    let mut doc = lang_son_groups(
        &[("area:huu-lung", "Huu Lung", AreaLevel::Commune)],
        "2025-08",
    );
    enrich(&mut doc, Gazetteer::embedded());
    assert_eq!(code(&doc, "area:huu-lung").as_deref(), Some("vn-06385"));
    // Formed from the township and two communes, which come with their district.
    for old in [
        "area:vn-old-06385",
        "area:vn-old-06424",
        "area:vn-old-06451",
    ] {
        assert!(
            has(&doc, RelationKind::Became, old, "area:huu-lung"),
            "{old}"
        );
        assert!(
            has(&doc, RelationKind::Within, old, "area:vn-old-186"),
            "{old}"
        );
    }
    assert!(has(
        &doc,
        RelationKind::Became,
        "area:vn-old-20",
        "area:lang-son"
    ));
}

#[test]
fn enrichment_is_deterministic() {
    let make = || {
        lang_son_groups(
            &[
                ("area:huu-lung", "Huu Lung", AreaLevel::Commune),
                ("area:dong-kinh", "Dong Kinh", AreaLevel::Ward),
            ],
            "2025-08",
        )
    };
    let (mut a, mut b) = (make(), make());
    b.entities.reverse();
    b.relations.reverse();
    enrich(&mut a, Gazetteer::embedded());
    enrich(&mut b, Gazetteer::embedded());
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn a_code_must_exist_and_fit_the_level() {
    let g = Gazetteer::embedded();
    assert_eq!(check_code(g, "vn-06385", AreaLevel::Commune), None);
    assert_eq!(
        check_code(g, "vn-99999", AreaLevel::Commune).as_deref(),
        Some("unknown gazetteer code `vn-99999`")
    );
    assert!(
        check_code(g, "vn-20", AreaLevel::Ward)
            .unwrap()
            .contains("tỉnh Lạng Sơn")
    );
}

#[test]
fn a_curated_commune_is_found_under_the_id_extraction_gives_its_unit() {
    // The records call it a commune; the gazetteer says the unit is a ward (phường) of
    // Quảng Ninh since 2025: the unit is still the records' area, found by name and parent.
    let doc = Document {
        entities: vec![
            area("area:quang-ninh", "Quang Ninh", AreaLevel::Province),
            area("area:hoanh-bo", "Hoanh Bo", AreaLevel::Commune),
            area("area:nowhere", "Khong Co Dau", AreaLevel::Commune),
            group("group:g"),
        ],
        relations: vec![
            within("area:hoanh-bo", "area:quang-ninh"),
            within("area:nowhere", "area:quang-ninh"),
            works_with("group:g", "area:hoanh-bo", "2025-09-12"),
        ],
    };
    let units = curated_units(&doc, Gazetteer::embedded());
    assert_eq!(
        units.get(&EntityId::new("area:vn-07030")),
        Some(&EntityId::new("area:hoanh-bo"))
    );
    // The province is a unit too; a name the gazetteer does not know is no unit.
    assert_eq!(
        units.values().map(EntityId::as_str).collect::<Vec<_>>(),
        ["area:hoanh-bo", "area:quang-ninh"]
    );
}
