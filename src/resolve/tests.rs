//! Resolution tests, with people of our own in every script.

use super::*;
use crate::model::{AreaLevel, Classification, Evidence, PartialDate, RelationKind, Role};
use crate::names::romanize_arabic;

fn person(id: &str, name: &str, aliases: &[(&str, Lang, &str)]) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: aliases
            .iter()
            .map(|(text, lang, source)| Alias {
                text: text.to_string(),
                lang: *lang,
                source: Some(EntityId::new(*source)),
            })
            .collect(),
        note: None,
    }
}

fn entity(id: &str, kind: EntityKind) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: id.to_string(),
        kind,
        aliases: Vec::new(),
        note: None,
    }
}

fn source(id: &str, lang: Lang, date: &str, translation_of: Option<&str>) -> Entity {
    entity(
        id,
        EntityKind::Source {
            url: format!("https://example.org/{id}"),
            lang,
            date: Some(date.parse().unwrap()),
            translation_of: translation_of.map(EntityId::new),
        },
    )
}

fn relation(kind: RelationKind, from: &str, to: &str, as_of: Option<&str>, src: &str) -> Relation {
    Relation {
        kind,
        from: EntityId::new(from),
        to: EntityId::new(to),
        as_of: as_of.map(|d| d.parse().unwrap()),
        start: None,
        end: None,
        evidence: if src.is_empty() {
            Vec::new()
        } else {
            vec![Evidence {
                source: EntityId::new(src),
                quote: format!("{from} {to}").into(),
                span: None,
                method: crate::model::Method::Extracted {
                    rule: "test".into(),
                    confidence: 90,
                },
            }]
        },
    }
}

fn holds(person: &str, post: &str, as_of: &str, src: &str) -> Relation {
    relation(RelationKind::Holds, person, post, Some(as_of), src)
}

/// The structure every test shares: provinces, their people's committees and posts.
fn structure() -> Document {
    let mut document = Document::default();
    for area in [
        "ha-giang",
        "tuyen-quang",
        "lang-son",
        "ninh-binh",
        "hai-phong",
    ] {
        document.entities.push(entity(
            &format!("area:{area}"),
            EntityKind::area(AreaLevel::Province),
        ));
        for (body, classification) in [
            ("peoples-committee", Classification::PeoplesCommittee),
            ("party-committee", Classification::PartyCommittee),
        ] {
            let org = format!("org:{area}-{body}");
            document
                .entities
                .push(entity(&org, EntityKind::Organization { classification }));
            document.relations.push(relation(
                RelationKind::Within,
                &org,
                &format!("area:{area}"),
                None,
                "",
            ));
            for (role, slug) in [
                (Role::Chair, "chair"),
                (Role::ViceChair, "vice-chair"),
                (Role::Secretary, "secretary"),
            ] {
                let post = format!("post:{area}-{body}-{slug}");
                document
                    .entities
                    .push(entity(&post, EntityKind::Post { role }));
                document
                    .relations
                    .push(relation(RelationKind::PostOf, &post, &org, None, ""));
            }
        }
    }
    document
}

fn people(resolution: &Resolution) -> Vec<(String, String)> {
    resolution
        .document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
        .map(|e| (e.id.to_string(), e.name.clone()))
        .collect()
}

/// Samples 000 (Arabic) and 004 (German): one article, five people in two scripts.
fn hai_phong() -> (Document, Document) {
    let ar = "source:000-hai-phong-ar";
    let de = "source:004-hai-phong-de";
    let names = [
        (
            "le-tien-chau",
            "Le Tien Chau",
            "لي تيان تشاو",
            "party-committee-secretary",
        ),
        (
            "pham-van-lap",
            "Pham Van Lap",
            "فام فان لاب",
            "peoples-committee-chair",
        ),
        (
            "bui-duc-quang",
            "Bui Duc Quang",
            "بوي دوك كوانج",
            "peoples-committee-vice-chair",
        ),
        (
            "nguyen-duc-tho",
            "Nguyen Duc Tho",
            "نجوين دوك ثو",
            "peoples-committee-vice-chair",
        ),
        (
            "la-thanh-tan",
            "La Thanh Tan",
            "لا ثانه تان",
            "party-committee-chair",
        ),
    ];
    let mut arabic = Document::default();
    let mut german = Document::default();
    arabic
        .entities
        .push(source(ar, Lang::Ar, "2024-08-20", Some(de)));
    german
        .entities
        .push(source(de, Lang::De, "2024-08-20", None));
    for (slug, latin, script, post) in names {
        let id = format!("person:{slug}");
        let romanized = romanize_arabic(script);
        arabic
            .entities
            .push(person(&id, &romanized, &[(script, Lang::Ar, ar)]));
        german
            .entities
            .push(person(&id, latin, &[(latin, Lang::De, de)]));
        let post = format!("post:hai-phong-{post}");
        arabic.relations.push(holds(&id, &post, "2024-08-20", ar));
        german.relations.push(holds(&id, &post, "2024-08-20", de));
    }
    (arabic, german)
}

#[test]
fn an_article_and_its_translation_merge_name_for_name() {
    let (arabic, german) = hai_phong();
    let resolution = resolve(&structure(), &[arabic, german], &[]);
    assert_eq!(
        people(&resolution),
        [
            ("person:bui-duc-quang", "Bui Duc Quang"),
            ("person:la-thanh-tan", "La Thanh Tan"),
            ("person:le-tien-chau", "Le Tien Chau"),
            ("person:nguyen-duc-tho", "Nguyen Duc Tho"),
            ("person:pham-van-lap", "Pham Van Lap"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let chau = resolution
        .report
        .person(&EntityId::new("person:le-tien-chau"))
        .unwrap();
    assert_eq!(chau.mentions.len(), 2);
    assert!(!chau.links.is_empty());
    // Both holds relations (one per article) merged into one, with both quotes.
    let holds: Vec<&Relation> = resolution
        .document
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds && r.from.as_str() == "person:le-tien-chau")
        .collect();
    assert_eq!(holds.len(), 1);
    assert_eq!(holds[0].evidence.len(), 2);
}

#[test]
fn three_arabic_spellings_in_one_article_are_one_person() {
    let src = "source:001-hanoi-ar";
    let mut doc = Document::default();
    doc.entities.push(source(src, Lang::Ar, "2025-10", None));
    // Extraction romanizes each spelling; all three give the same Latin name, but an
    // extractor may also split them. Here it made two entities.
    doc.entities.push(person(
        "person:tran-quyet-thang",
        &romanize_arabic("تران كويت ثانج"),
        &[
            ("تران كويت ثانج", Lang::Ar, src),
            ("تران كويت ثانغ", Lang::Ar, src),
        ],
    ));
    doc.entities.push(person(
        "person:tran-quyet-tang",
        "Tran Quyet Tang",
        &[("تران كويت تانغ", Lang::Ar, src)],
    ));
    // A different man with a similar name in the same article.
    doc.entities.push(person(
        "person:tran-quoc-thang",
        "Tran Quoc Thang",
        &[("تران كووك ثانغ", Lang::Ar, src)],
    ));
    doc.relations.push(holds(
        "person:tran-quyet-thang",
        "post:hai-phong-party-committee-secretary",
        "2025-10",
        src,
    ));
    let resolution = resolve(&structure(), &[doc], &[]);
    let people = people(&resolution);
    assert_eq!(people.len(), 2, "{people:?}");
    assert_eq!(people[1].0, "person:tran-quyet-thang");
    assert_eq!(people[1].1, "Tran Quyet Thang");
    let thang = &resolution
        .document
        .entities
        .iter()
        .find(|e| e.id.as_str() == "person:tran-quyet-thang")
        .unwrap();
    for spelling in ["تران كويت ثانج", "تران كويت ثانغ", "تران كويت تانغ"]
    {
        assert!(
            thang.aliases.iter().any(|a| a.text == spelling),
            "{spelling}"
        );
    }
}

/// An extracted article naming `name` as holder of `post` on `date`.
fn article(src: &str, lang: Lang, date: &str, id: &str, name: &str, post: &str) -> Document {
    let mut doc = Document::default();
    doc.entities.push(source(src, lang, date, None));
    doc.entities.push(person(id, name, &[(name, lang, src)]));
    if !post.is_empty() {
        doc.relations.push(holds(id, post, date, src));
    }
    doc
}

#[test]
fn new_articles_in_any_language_join_curated_people() {
    let mut curated = structure();
    curated
        .entities
        .push(person("person:hoang-van-nghiem", "Hoàng Văn Nghiêm", &[]));
    curated.relations.push(holds(
        "person:hoang-van-nghiem",
        "post:lang-son-party-committee-secretary",
        "2025-08-04",
        "",
    ));
    let extracted = [
        article(
            "source:a",
            Lang::Ar,
            "2025-09",
            "person:hoang-van-nghiem",
            "هوانغ فان نغييم",
            "post:lang-son-party-committee-secretary",
        ),
        article(
            "source:b",
            Lang::De,
            "2025-10",
            "person:hoang-van-nghiem",
            "Hoang Van Nghiem",
            "post:lang-son-peoples-committee-chair",
        ),
        article(
            "source:c",
            Lang::Fr,
            "2025-11",
            "person:hoang-van-nghiem",
            "Hoàng Văn Nghiêm",
            "",
        ),
        // Someone else, with a similar name.
        article(
            "source:d",
            Lang::En,
            "2025-11",
            "person:hoang-van-nghia",
            "Hoang Van Nghia",
            "post:lang-son-party-committee-secretary",
        ),
    ];
    let resolution = resolve(&curated, &extracted, &[]);
    assert_eq!(
        people(&resolution),
        [
            ("person:hoang-van-nghia", "Hoang Van Nghia"),
            ("person:hoang-van-nghiem", "Hoàng Văn Nghiêm"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let report = resolution
        .report
        .person(&EntityId::new("person:hoang-van-nghiem"))
        .unwrap();
    assert_eq!(report.mentions.len(), 4);
    // The posts of every article now point at the curated person, each dated.
    let posts: Vec<String> = resolution
        .document
        .relations
        .iter()
        .filter(|r| r.from.as_str() == "person:hoang-van-nghiem")
        .map(|r| format!("{} {}", r.to, r.as_of.unwrap()))
        .collect();
    assert_eq!(posts.len(), 3, "{posts:?}");
    // Asked by date, the merged person answers with the posts of each time.
    let graph = crate::graph::Graph::new(resolution.document.clone())
        .expect("resolved documents are consistent");
    let person = graph.find("person:hoang-van-nghiem", &[]).unwrap();
    let held_on = |date: &str| -> Vec<String> {
        let date: PartialDate = date.parse().unwrap();
        crate::query::posts(&graph, person, Some(date))
            .posts
            .into_iter()
            .map(|p| p.post.id)
            .collect()
    };
    assert!(held_on("2025-07").is_empty());
    assert_eq!(
        held_on("2025-08"),
        ["post:lang-son-party-committee-secretary"]
    );
    let october = held_on("2025-10");
    assert!(
        october.contains(&"post:lang-son-peoples-committee-chair".to_string()),
        "{october:?}"
    );
}

#[test]
fn the_same_name_in_two_provinces_stays_two_people_and_is_a_candidate() {
    let extracted = [
        article(
            "source:a",
            Lang::En,
            "2024-05",
            "person:nguyen-van-an",
            "Nguyen Van An",
            "post:lang-son-peoples-committee-vice-chair",
        ),
        article(
            "source:b",
            Lang::Ar,
            "2024-06",
            "person:nguyen-van-an",
            "نجوين فان آن",
            "post:ninh-binh-peoples-committee-vice-chair",
        ),
        // Nguyen Van Anh is another name altogether.
        article(
            "source:c",
            Lang::En,
            "2024-06",
            "person:nguyen-van-anh",
            "Nguyen Van Anh",
            "post:lang-son-peoples-committee-vice-chair",
        ),
    ];
    let resolution = resolve(&structure(), &extracted, &[]);
    let ids: Vec<String> = people(&resolution).into_iter().map(|p| p.0).collect();
    assert_eq!(
        ids,
        [
            "person:nguyen-van-an",
            "person:nguyen-van-an-2",
            "person:nguyen-van-anh"
        ]
    );
    assert_eq!(resolution.report.candidates.len(), 1);
    let candidate = &resolution.report.candidates[0];
    assert!(
        candidate.reason.contains("lang-son"),
        "{}",
        candidate.reason
    );
    assert!(
        candidate.reason.contains("ninh-binh"),
        "{}",
        candidate.reason
    );
    assert!(
        candidate
            .decide
            .contains("move between area:lang-son and area:ninh-binh"),
        "{}",
        candidate.decide
    );
}

#[test]
fn a_ha_giang_official_later_in_tuyen_quang_is_one_person_only_after_the_merger() {
    let extracted = [
        article(
            "source:a",
            Lang::Vi,
            "2024-03",
            "person:lo-van-son",
            "Lò Văn Sơn",
            "post:ha-giang-peoples-committee-vice-chair",
        ),
        article(
            "source:b",
            Lang::Ar,
            "2025-09",
            "person:lo-van-son",
            "لو فان سون",
            "post:tuyen-quang-peoples-committee-vice-chair",
        ),
    ];
    let resolution = resolve(&structure(), &extracted, &[]);
    assert_eq!(people(&resolution).len(), 1, "{:?}", resolution.report);
    let report = &resolution.report.people[0];
    assert!(
        report.links[0].reason.contains("2025 merger"),
        "{:?}",
        report.links
    );

    // Before the merger, Ha Giang and Tuyen Quang are two provinces.
    let before = [
        extracted[0].clone(),
        article(
            "source:b",
            Lang::Ar,
            "2024-09",
            "person:lo-van-son",
            "لو فان سون",
            "post:tuyen-quang-peoples-committee-vice-chair",
        ),
    ];
    let resolution = resolve(&structure(), &before, &[]);
    assert_eq!(people(&resolution).len(), 2);
    assert_eq!(resolution.report.candidates.len(), 1);
}

#[test]
fn not_same_blocks_a_merge_and_same_forces_one() {
    let extracted = [
        article(
            "source:a",
            Lang::En,
            "2024-05",
            "person:nguyen-van-an",
            "Nguyen Van An",
            "post:lang-son-peoples-committee-vice-chair",
        ),
        article(
            "source:b",
            Lang::De,
            "2024-06",
            "person:nguyen-van-an-x",
            "Nguyen Van An",
            "post:lang-son-peoples-committee-vice-chair",
        ),
        article(
            "source:c",
            Lang::De,
            "2024-06",
            "person:nguyen-van-an-y",
            "Nguyen Van An",
            "post:lang-son-peoples-committee-vice-chair",
        ),
    ];
    let merged = resolve(&structure(), &extracted, &[]);
    assert_eq!(people(&merged).len(), 1);

    let not_same = [Judgement::NotSame {
        a: EntityId::new("person:nguyen-van-an"),
        b: EntityId::new("person:nguyen-van-an-y"),
        note: String::new(),
    }];
    let apart = resolve(&structure(), &extracted, &not_same);
    let ids: Vec<String> = people(&apart).into_iter().map(|p| p.0).collect();
    // x may join either; y never joins `person:nguyen-van-an`, not even through x.
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        apart
            .report
            .candidates
            .iter()
            .any(|c| c.reason.contains("not_same")),
        "{:?}",
        apart.report.candidates
    );

    // `same` joins two names that context alone would keep apart.
    let extracted = [
        article(
            "source:a",
            Lang::En,
            "2024-05",
            "person:vu-van-a",
            "Vu Van A",
            "post:lang-son-peoples-committee-chair",
        ),
        article(
            "source:b",
            Lang::En,
            "2024-06",
            "person:vo-van-a",
            "Vo Van A",
            "post:ninh-binh-peoples-committee-chair",
        ),
    ];
    let same = [Judgement::Same {
        a: EntityId::new("person:vu-van-a"),
        b: EntityId::new("person:vo-van-a"),
        note: "Vu and Vo are one surname".into(),
    }];
    let forced = resolve(&structure(), &extracted, &same);
    assert_eq!(people(&forced).len(), 1);
    assert!(
        forced.report.people[0].links[0]
            .reason
            .contains("curated `same`")
    );
    // `not_same` wins over `same`.
    let both = [
        same[0].clone(),
        Judgement::NotSame {
            a: EntityId::new("person:vo-van-a"),
            b: EntityId::new("person:vu-van-a"),
            note: String::new(),
        },
    ];
    let resolution = resolve(&structure(), &extracted, &both);
    assert_eq!(people(&resolution).len(), 2);
    assert!(!resolution.report.problems.is_empty());
}

#[test]
fn merges_never_lose_a_name() {
    let (arabic, german) = hai_phong();
    let inputs = [arabic, german];
    let mut before: BTreeSet<(String, Lang, Option<EntityId>)> = BTreeSet::new();
    for doc in &inputs {
        for e in doc.entities.iter().filter(|e| e.kind() == Kind::Person) {
            for a in &e.aliases {
                before.insert((a.text.clone(), a.lang, a.source.clone()));
            }
        }
    }
    let resolution = resolve(&structure(), &inputs, &[]);
    let mut after = BTreeSet::new();
    for e in resolution
        .document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
    {
        for a in &e.aliases {
            after.insert((a.text.clone(), a.lang, a.source.clone()));
        }
    }
    assert!(
        before.is_subset(&after),
        "{:?}",
        before.difference(&after).collect::<Vec<_>>()
    );
}

#[test]
fn two_curated_people_are_never_merged_automatically() {
    let mut curated = structure();
    curated
        .entities
        .push(person("person:nguyen-van-an", "Nguyen Van An", &[]));
    curated
        .entities
        .push(person("person:nguyen-van-an-2", "Nguyen Van An", &[]));
    for id in ["person:nguyen-van-an", "person:nguyen-van-an-2"] {
        curated.relations.push(holds(
            id,
            "post:lang-son-peoples-committee-vice-chair",
            "2024",
            "",
        ));
    }
    let resolution = resolve(&curated, &[], &[]);
    assert_eq!(people(&resolution).len(), 2);
    assert_eq!(resolution.report.candidates.len(), 1);
}

#[test]
fn two_holders_of_one_chair_on_one_date_are_a_conflict() {
    let mut document = structure();
    document.entities.push(person("person:a", "A", &[]));
    document.entities.push(person("person:b", "B", &[]));
    document.relations.push(holds(
        "person:a",
        "post:lang-son-peoples-committee-chair",
        "2024-05",
        "",
    ));
    document.relations.push(holds(
        "person:b",
        "post:lang-son-peoples-committee-chair",
        "2024-05-10",
        "",
    ));
    document.relations.push(holds(
        "person:b",
        "post:lang-son-peoples-committee-chair",
        "2025",
        "",
    ));
    // Vice chairs are many: no conflict.
    document.relations.push(holds(
        "person:a",
        "post:ninh-binh-peoples-committee-vice-chair",
        "2024",
        "",
    ));
    document.relations.push(holds(
        "person:b",
        "post:ninh-binh-peoples-committee-vice-chair",
        "2024",
        "",
    ));
    let conflicts = post_conflicts(&document);
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(
        conflicts[0].post.as_str(),
        "post:lang-son-peoples-committee-chair"
    );
    assert_eq!(conflicts[0].a_when, "as of 2024-05");
    assert_eq!(conflicts[0].b_when, "as of 2024-05-10");
}

#[test]
fn resolution_is_deterministic() {
    let (arabic, german) = hai_phong();
    let a = resolve(&structure(), &[arabic.clone(), german.clone()], &[]);
    let b = resolve(&structure(), &[arabic, german], &[]);
    assert_eq!(a.document, b.document);
    assert_eq!(a.report, b.report);
}

/// An article naming `name` as holder of a post whose body the article does not place.
fn unplaced_article(src: &str, date: &str, id: &str, name: &str, role: Role) -> Document {
    let mut doc = article(src, Lang::En, date, id, name, "");
    doc.entities.push(entity(
        "org:unplaced-peoples-committee",
        EntityKind::Organization {
            classification: Classification::PeoplesCommittee,
        },
    ));
    let post = format!("post:unplaced-peoples-committee-{role}");
    doc.entities.push(entity(&post, EntityKind::Post { role }));
    doc.relations.push(relation(
        RelationKind::PostOf,
        &post,
        "org:unplaced-peoples-committee",
        None,
        "",
    ));
    doc.relations.push(holds(id, &post, date, src));
    doc
}

fn person_ids(resolution: &Resolution) -> Vec<String> {
    people(resolution).into_iter().map(|p| p.0).collect()
}

#[test]
fn an_unplaced_post_joins_the_only_person_so_named_in_that_post() {
    let placed = article(
        "source:placed",
        Lang::En,
        "2025-08",
        "person:vu-thi-lan",
        "Vũ Thị Lan",
        "post:lang-son-peoples-committee-vice-chair",
    );
    let unplaced = unplaced_article(
        "source:unplaced",
        "2025-10",
        "person:vu-thi-lan",
        "Vu Thi Lan",
        Role::ViceChair,
    );
    let resolution = resolve(&structure(), &[placed.clone(), unplaced.clone()], &[]);
    assert_eq!(person_ids(&resolution), ["person:vu-thi-lan"]);
    let person = &resolution.report.people[0];
    assert!(
        person.links[0].reason.contains("does not say the place"),
        "{:?}",
        person.links
    );
    // A chair is not a vice chair: the unplaced post is another role, no join.
    let chair = unplaced_article(
        "source:unplaced",
        "2025-10",
        "person:vu-thi-lan",
        "Vu Thi Lan",
        Role::Chair,
    );
    let resolution = resolve(&structure(), &[placed.clone(), chair], &[]);
    assert_eq!(person_ids(&resolution).len(), 2);
    // Two people so named hold the post in two provinces: the unplaced one could be either.
    let other = article(
        "source:other",
        Lang::En,
        "2025-09",
        "person:vu-thi-lan",
        "Vũ Thị Lan",
        "post:hai-phong-peoples-committee-vice-chair",
    );
    let resolution = resolve(&structure(), &[placed, other, unplaced], &[]);
    assert_eq!(person_ids(&resolution).len(), 3);
    let closest = &resolution.report.candidates[0];
    assert_eq!(closest.closeness, 5, "{closest:?}");
    assert!(
        closest.reason.contains("2 people so named"),
        "{}",
        closest.reason
    );
}

#[test]
fn a_reshuffle_in_one_province_keeps_one_person() {
    let before = article(
        "source:before",
        Lang::En,
        "2024-03",
        "person:dinh-quang-huy",
        "Đinh Quang Huy",
        "post:lang-son-peoples-committee-vice-chair",
    );
    let after = article(
        "source:after",
        Lang::Fr,
        "2025-10",
        "person:dinh-quang-huy",
        "Dinh Quang Huy",
        "post:lang-son-party-committee-secretary",
    );
    let resolution = resolve(&structure(), &[before, after], &[]);
    assert_eq!(person_ids(&resolution), ["person:dinh-quang-huy"]);
    let reason = &resolution.report.people[0].links[0].reason;
    assert!(
        reason.starts_with("same name, both in area:lang-son"),
        "{reason}"
    );
    assert!(
        reason.contains("2024-03") && reason.contains("2025-10"),
        "{reason}"
    );
}

/// A national post both provincial leaders hold, for the contradiction tests.
fn with_central_committee(mut document: Document) -> Document {
    document.entities.push(entity(
        "area:viet-nam",
        EntityKind::area(AreaLevel::Country),
    ));
    document.entities.push(entity(
        "org:central-committee",
        EntityKind::Organization {
            classification: Classification::CentralCommittee,
        },
    ));
    document.entities.push(entity(
        "post:central-committee-member",
        EntityKind::Post { role: Role::Member },
    ));
    document.relations.push(relation(
        RelationKind::Within,
        "org:central-committee",
        "area:viet-nam",
        None,
        "",
    ));
    document.relations.push(relation(
        RelationKind::PostOf,
        "post:central-committee-member",
        "org:central-committee",
        None,
        "",
    ));
    document
}

fn secretary(src: &str, date: &str, province: &str) -> Document {
    let id = "person:ta-minh-duc";
    let mut doc = article(
        src,
        Lang::En,
        date,
        id,
        "Tạ Minh Đức",
        &format!("post:{province}-party-committee-secretary"),
    );
    doc.relations
        .push(holds(id, "post:central-committee-member", date, src));
    doc
}

#[test]
fn a_stated_move_between_provinces_joins_and_its_absence_keeps_apart() {
    let world = with_central_committee(structure());
    let first = secretary("source:first", "2025-08", "lang-son");
    let later = secretary("source:later", "2025-08", "hai-phong");
    // Both Central Committee members, secretaries of two provinces in the same month:
    // one person cannot be both, so two people.
    let resolution = resolve(&world, &[first.clone(), later], &[]);
    assert_eq!(person_ids(&resolution).len(), 2);
    let candidate = &resolution.report.candidates[0];
    assert_eq!(candidate.closeness, 4);
    assert!(
        candidate.reason.contains("at the same time"),
        "{}",
        candidate.reason
    );

    // An article reports the move: it left Lang Son and took Hai Phong.
    let id = "person:ta-minh-duc";
    let mut moved = article("source:move", Lang::Fr, "2025-10", id, "Ta Minh Duc", "");
    let mut left = holds(
        id,
        "post:lang-son-party-committee-secretary",
        "2025-10",
        "source:move",
    );
    left.end = Some("2025-10".parse().unwrap());
    let mut took = holds(
        id,
        "post:hai-phong-party-committee-secretary",
        "2025-10",
        "source:move",
    );
    took.start = Some("2025-10".parse().unwrap());
    moved.relations.extend([left, took]);
    let later = secretary("source:later", "2025-11", "hai-phong");
    let resolution = resolve(&world, &[first.clone(), moved, later.clone()], &[]);
    assert_eq!(person_ids(&resolution), ["person:ta-minh-duc"]);

    // Without the move, secretaries of two provinces a few months apart stay two people,
    // and the report says what would decide it.
    let resolution = resolve(
        &structure(),
        &[
            article(
                "source:first",
                Lang::En,
                "2025-08",
                id,
                "Tạ Minh Đức",
                "post:lang-son-party-committee-secretary",
            ),
            article(
                "source:later",
                Lang::En,
                "2025-11",
                id,
                "Tạ Minh Đức",
                "post:hai-phong-party-committee-secretary",
            ),
        ],
        &[],
    );
    assert_eq!(person_ids(&resolution).len(), 2);
    let candidate = &resolution.report.candidates[0];
    assert_eq!(candidate.closeness, 3);
    assert!(candidate.decide.contains("move"), "{}", candidate.decide);
}

#[test]
fn names_that_differ_in_one_diacritic_are_two_people() {
    let post = "post:lang-son-party-committee-secretary";
    let one = article(
        "source:one",
        Lang::Vi,
        "2025-08",
        "person:a",
        "Nguyễn Đình Trung",
        post,
    );
    let two = article(
        "source:two",
        Lang::Vi,
        "2025-10",
        "person:b",
        "Nguyễn Định Trung",
        post,
    );
    // Written without marks, the name fits either spelling: what can be compared agrees, so
    // it joins one of them by the post, and the two marked spellings stay apart.
    let plain = article(
        "source:three",
        Lang::En,
        "2025-08",
        "person:c",
        "Nguyen Dinh Trung",
        post,
    );
    let resolution = resolve(&structure(), &[one, two, plain], &[]);
    let ids = person_ids(&resolution);
    assert_eq!(ids.len(), 2, "{ids:?}");
    let candidate = &resolution.report.candidates[0];
    assert!(
        candidate.reason.contains("diacritics"),
        "{}",
        candidate.reason
    );
    assert!(
        candidate.reason.contains("đình") && candidate.reason.contains("định"),
        "{}",
        candidate.reason
    );
    // Different syllables are different people even when one side has no marks.
    let duc = article(
        "source:duc",
        Lang::Vi,
        "2025-08",
        "person:d",
        "Nguyễn Đức Trung",
        post,
    );
    let dinh = article(
        "source:dinh",
        Lang::En,
        "2025-10",
        "person:e",
        "Nguyen Dinh Trung",
        post,
    );
    assert_eq!(
        person_ids(&resolve(&structure(), &[duc, dinh], &[])).len(),
        2
    );
}

#[test]
fn successors_in_one_post_are_two_people_and_no_conflict() {
    let post = "post:hai-phong-peoples-committee-chair";
    let old = article(
        "source:old",
        Lang::En,
        "2020-05",
        "person:x",
        "Trần Văn Bình",
        post,
    );
    let new = article(
        "source:new",
        Lang::En,
        "2025-05",
        "person:y",
        "Lê Thị Hoa",
        post,
    );
    let again = article(
        "source:again",
        Lang::De,
        "2025-09",
        "person:z",
        "Le Thi Hoa",
        post,
    );
    let resolution = resolve(&structure(), &[old, new, again], &[]);
    assert_eq!(
        person_ids(&resolution),
        ["person:le-thi-hoa", "person:tran-van-binh"]
    );
    assert!(post_conflicts(&resolution.document).is_empty());
    let hoa = resolution
        .report
        .person(&EntityId::new("person:le-thi-hoa"))
        .unwrap();
    assert_eq!(hoa.mentions.len(), 2);
    assert!(
        hoa.links[0].reason.contains("in both, 2025-05 and 2025-09"),
        "{:?}",
        hoa.links
    );
}
