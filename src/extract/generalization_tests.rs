//! Generalization tests: articles written for these tests only (other provinces, other
//! names, other phrasings), with the facts a careful reader finds in them written down by
//! hand. Each article must reach F1 ≥ 0.9 on every fact type; a few exact assertions check
//! what must never happen (bylines, photo credits and place names becoming persons).

use std::collections::BTreeSet;

use super::{SiteTable, extract_article};
use crate::model::{Document, Kind, RelationKind};

/// The facts one article states, as entity ids.
struct Expected {
    file: &'static str,
    persons: &'static [&'static str],
    /// (person, post)
    posts: &'static [(&'static str, &'static str)],
    /// (person, group)
    leaders: &'static [(&'static str, &'static str)],
    /// (group, area): worked with or inspected.
    areas: &'static [(&'static str, &'static str)],
    chairs: &'static [&'static str],
    /// (person, group): officials who accompanied a working group.
    accompanied: &'static [(&'static str, &'static str)],
    /// (person, group): members of a working group named as such.
    members: &'static [(&'static str, &'static str)],
    /// Names in the text that are not persons: bylines, photo credits, streets, wards.
    not_persons: &'static [&'static str],
    /// Arabic script writes some syllables alike (هوي is Huy or Hoi, دونغ is Dong, Dung or
    /// Duong, هونغ is Hong or Hung): (the id read, the id meant) counted as the same.
    same_in_arabic: &'static [(&'static str, &'static str)],
    /// Facts a reader finds that extraction does not yet get and no general rule fixed in
    /// time; left out of the F1 sets (both sides) and listed in the report.
    known_misses: &'static [(&'static str, &'static str)],
}

type Facts = BTreeSet<(String, String)>;

fn doc_for(file: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/extract/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let stem = file.trim_end_matches(".txt");
    extract_article(stem, &text, &SiteTable::builtin()).document
}

/// The facts of `kinds` as id pairs; an area that extraction gave its gazetteer unit's id
/// (`area:vn-05443`) is written by its name (`area:phan-dinh-phung`), as the expectations
/// are.
fn pairs(doc: &Document, kinds: &[RelationKind]) -> Facts {
    let named = |id: &crate::model::EntityId| {
        doc.entities
            .iter()
            .find(|e| e.id == *id && id.as_str().starts_with("area:vn-"))
            .map_or(id.to_string(), |e| {
                format!("area:{}", crate::model::slugify(&e.name))
            })
    };
    doc.relations
        .iter()
        .filter(|r| kinds.contains(&r.kind))
        .map(|r| (named(&r.from), named(&r.to)))
        .collect()
}

fn singles(items: &[&str]) -> Facts {
    items
        .iter()
        .map(|p| (p.to_string(), String::new()))
        .collect()
}

fn doubles(items: &[(&str, &str)]) -> Facts {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Per fact type: (name, expected, found).
fn fact_sets(e: &Expected) -> Vec<(&'static str, Facts, Facts)> {
    let doc = doc_for(e.file);
    let persons: Facts = doc
        .entities
        .iter()
        .filter(|x| x.kind() == Kind::Person)
        .map(|x| (x.id.to_string(), String::new()))
        .collect();
    // Chairs of meetings; the working session a group leader is recorded as chairing
    // (`group-N-session`) is a leader fact, counted under `leaders`.
    let chairs: Facts = pairs(&doc, &[RelationKind::Chaired])
        .into_iter()
        .filter(|(_, event)| !event.contains("-group-"))
        .map(|(p, _)| (p, String::new()))
        .collect();
    let sets = vec![
        ("persons", singles(e.persons), persons),
        (
            "posts",
            doubles(e.posts),
            pairs(&doc, &[RelationKind::Holds]),
        ),
        (
            "leaders",
            doubles(e.leaders),
            pairs(&doc, &[RelationKind::Leads])
                .into_iter()
                .filter(|(_, g)| g.starts_with("group:"))
                .collect(),
        ),
        (
            "areas",
            doubles(e.areas),
            pairs(&doc, &[RelationKind::WorksWith, RelationKind::Inspected]),
        ),
        ("chairs", singles(e.chairs), chairs),
        (
            "accompanied",
            doubles(e.accompanied),
            pairs(&doc, &[RelationKind::Accompanied]),
        ),
        (
            "members",
            doubles(e.members),
            pairs(&doc, &[RelationKind::MemberOf])
                .into_iter()
                .filter(|(_, g)| g.starts_with("group:"))
                .collect(),
        ),
    ];
    let same = |id: String| {
        e.same_in_arabic
            .iter()
            .fold(id, |id, (read, meant)| id.replace(read, meant))
    };
    let missed = |fact: &(String, String)| {
        e.known_misses
            .iter()
            .any(|(a, b)| fact.0 == *a && fact.1 == *b)
    };
    sets.into_iter()
        .map(|(name, expected, found)| {
            let found: Facts = found
                .into_iter()
                .map(|(a, b)| (same(a), same(b)))
                .filter(|f| !missed(f))
                .collect();
            let expected: Facts = expected.into_iter().filter(|f| !missed(f)).collect();
            (name, expected, found)
        })
        .collect()
}

/// (true positives, expected, found)
fn counts(expected: &Facts, found: &Facts) -> (usize, usize, usize) {
    (
        expected.intersection(found).count(),
        expected.len(),
        found.len(),
    )
}

fn f1((tp, expected, found): (usize, usize, usize)) -> f64 {
    if expected == 0 && found == 0 {
        return 1.0;
    }
    let p = if found == 0 {
        0.0
    } else {
        tp as f64 / found as f64
    };
    let r = if expected == 0 {
        0.0
    } else {
        tp as f64 / expected as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn every_article_reaches_f1_of_0_9_per_fact_type() {
    let mut totals: Vec<(&str, (usize, usize, usize))> = Vec::new();
    let mut failures = Vec::new();
    for e in EXPECTED {
        for (name, expected, found) in fact_sets(e) {
            let c = counts(&expected, &found);
            match totals.iter_mut().find(|(n, _)| *n == name) {
                Some((_, t)) => {
                    t.0 += c.0;
                    t.1 += c.1;
                    t.2 += c.2;
                }
                None => totals.push((name, c)),
            }
            if f1(c) < 0.9 {
                failures.push(format!(
                    "{} {name}: F1 {:.2}\n  missing: {:?}\n  extra: {:?}",
                    e.file,
                    f1(c),
                    expected.difference(&found).collect::<Vec<_>>(),
                    found.difference(&expected).collect::<Vec<_>>()
                ));
            }
        }
    }
    for (name, c) in &totals {
        println!(
            "{name:8} F1 {:.3}  (tp {} / expected {} / found {})",
            f1(*c),
            c.0,
            c.1,
            c.2
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bylines_photo_credits_and_place_names_are_not_persons() {
    for e in EXPECTED {
        let doc = doc_for(e.file);
        for id in e.not_persons {
            assert!(
                !doc.entities.iter().any(|x| x.id.as_str() == *id),
                "{}: {id} should not be an entity",
                e.file
            );
        }
    }
}

#[test]
fn exact_facts() {
    let doc = doc_for("en-thanh-hoa-delegation.txt");
    assert!(
        pairs(&doc, &[RelationKind::Holds])
            .contains(&("person:le-minh-khoa".into(), "post:politburo-member".into()))
    );
    let doc = doc_for("en-thai-nguyen-groups.txt");
    assert!(
        pairs(&doc, &[RelationKind::WorksWith])
            .contains(&("group:thai-nguyen-13".into(), "area:phan-dinh-phung".into()))
    );
    let doc = doc_for("de-quang-tri.txt");
    assert!(
        pairs(&doc, &[RelationKind::Leads])
            .contains(&("person:nguyen-thi-lan".into(), "group:quang-tri-10".into()))
    );
}

#[test]
fn sample_003_phung_quang_hoi_accompanied_working_group_1() {
    let path = format!(
        "{}/data/articles/003-lang-son-ar.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = extract_article("003-lang-son-ar", &text, &SiteTable::builtin()).document;
    // The Arabic spelling reads Vuong Quang Huy as readily as Phung Quang Hoi (the
    // commoner readings first): the person is the one whose written name has the key of
    // the curated Phung Quang Hoi.
    let curated = crate::names::name_key("Phung Quang Hoi");
    let company: Vec<&crate::model::Entity> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Accompanied && r.to.as_str() == "group:lang-son-1")
        .filter_map(|r| doc.entities.iter().find(|x| x.id == r.from))
        .collect();
    assert!(
        company.iter().any(|e| e.aliases.iter().any(|a| {
            crate::names::name_key(&a.text).compare(&curated) == crate::names::NameMatch::Compatible
        })),
        "{company:?}"
    );
    // The group comprises heads of commissions, none of them named: no members.
    assert!(pairs(&doc, &[RelationKind::MemberOf]).is_empty());
}

#[test]
fn members_and_company_stay_with_their_paragraph_group() {
    let doc = doc_for("en-ha-tinh-groups.txt");
    assert_eq!(
        pairs(&doc, &[RelationKind::MemberOf]),
        doubles(&[
            ("person:tran-hoa-nam", "group:ha-tinh-3"),
            ("person:nguyen-thi-ha", "group:ha-tinh-3"),
        ])
    );
    // "X … accompanied the working group": the person before the verb, group 8 (the
    // group of the paragraph so far); Pham Thi Xuan, after a blank line, accompanied
    // leaders on a visit, not a group.
    assert_eq!(
        pairs(&doc, &[RelationKind::Accompanied]),
        doubles(&[("person:le-van-huyen", "group:ha-tinh-8")])
    );
    // "Die Arbeitsgruppe wurde von X begleitet" is company, not leadership.
    let doc = doc_for("de-quang-tri.txt");
    assert!(
        !pairs(&doc, &[RelationKind::Leads])
            .iter()
            .any(|(p, _)| p == "person:dang-van-khoa")
    );
}

fn extract_en(text: &str) -> Document {
    let mut options = super::Options::new(crate::model::EntityId::new("source:test"));
    options.lang = Some(crate::model::Lang::En);
    options.area = Some("Gia Lai".into());
    super::extract(text, &options).document
}

#[test]
fn names_joined_before_one_level_word_are_all_places_but_not_after_a_title() {
    let doc = extract_en(
        "Working Group No. 5, led by Mr. Ho Quang Hai, worked with Tan Lap, Phu Thanh and \
         Hoa Phu communes.",
    );
    let areas = pairs(&doc, &[RelationKind::WorksWith]);
    for area in ["area:tan-lap", "area:phu-thanh", "area:hoa-phu"] {
        assert!(
            areas.contains(&("group:gia-lai-5".into(), area.into())),
            "{area}: {areas:?}"
        );
    }
    let doc = extract_en(
        "Chairman of the Provincial People's Committee Phan Van Tien and Ia O commune \
         officials attended the meeting.",
    );
    assert!(
        doc.entities
            .iter()
            .any(|x| x.id.as_str() == "person:phan-van-tien")
    );
    assert!(
        !doc.entities
            .iter()
            .any(|x| x.id.as_str() == "area:phan-van-tien")
    );
}

#[test]
fn a_title_before_comma_comrade_is_the_title_of_the_name_after() {
    let doc = extract_en(
        "In the afternoon, the Secretary of the Provincial Party Committee, Comrade Ho \
         Quang Hai, chaired a conference.",
    );
    assert!(pairs(&doc, &[RelationKind::Holds]).contains(&(
        "person:ho-quang-hai".into(),
        "post:gia-lai-party-committee-secretary".into()
    )));
}

#[test]
fn a_list_marker_line_ends_the_groups_paragraph() {
    let doc = extract_en(
        "Working Group No. 1, led by Mr. Ho Quang Hai, worked with Ia Grai commune.\n\
         Also accompanying were Mr. Dinh Van Tho, Vice Chairman of the Provincial \
         People's Committee.\n\
         * On the same day, the Provincial People's Council reviewed its agenda.\n\
         Accompanying the delegation was Mr. Le Van Binh, Vice Chairman of the \
         Provincial People's Council.",
    );
    assert_eq!(
        pairs(&doc, &[RelationKind::Accompanied]),
        doubles(&[("person:dinh-van-tho", "group:gia-lai-1")])
    );
}

#[test]
fn german_members_and_company() {
    let mut options = super::Options::new(crate::model::EntityId::new("source:test"));
    options.lang = Some(crate::model::Lang::De);
    options.area = Some("Gia Lai".into());
    let text = "Die Arbeitsgruppe Nr. 2 unter der Leitung von Genosse Ho Quang Hai arbeitete \
                mit der Gemeinde Ia O. Mitglieder der Arbeitsgruppe sind Genosse Le Van Binh, \
                stellvertretender Vorsitzender des Provinzvolksrats, und Genossin Dinh Thi \
                Mai. Die Gruppe wurde begleitet von Genosse Tran Van Long, Leiter der \
                Organisationskommission des Provinzparteikomitees.";
    let doc = super::extract(text, &options).document;
    assert_eq!(
        pairs(&doc, &[RelationKind::MemberOf]),
        doubles(&[
            ("person:le-van-binh", "group:gia-lai-2"),
            ("person:dinh-thi-mai", "group:gia-lai-2"),
        ])
    );
    assert_eq!(
        pairs(&doc, &[RelationKind::Accompanied]),
        doubles(&[("person:tran-van-long", "group:gia-lai-2")])
    );
    assert!(pairs(&doc, &[RelationKind::Holds]).contains(&(
        "person:le-van-binh".into(),
        "post:gia-lai-peoples-council-vice-chair".into()
    )));
}

#[test]
fn a_province_named_after_its_body_places_the_posts() {
    let mut options = super::Options::new(crate::model::EntityId::new("source:test"));
    options.lang = Some(crate::model::Lang::De);
    let text = "Genosse Le Van Hoa, Sekretär des Provinzparteikomitees von Quang Tri, leitete die Sitzung.";
    let doc = super::extract(text, &options).document;
    assert!(
        pairs(&doc, &[RelationKind::Holds]).contains(&(
            "person:le-van-hoa".into(),
            "post:quang-tri-party-committee-secretary".into()
        )),
        "{:?}",
        pairs(&doc, &[RelationKind::Holds])
    );
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "en-thanh-hoa-delegation.txt",
        persons: &[
            "person:le-minh-khoa",
            "person:trinh-van-loc",
            "person:lai-thi-hong-nhung",
            "person:mai-xuan-tuan",
        ],
        posts: &[
            ("person:le-minh-khoa", "post:politburo-member"),
            (
                "person:le-minh-khoa",
                "post:thanh-hoa-party-committee-secretary",
            ),
            (
                "person:trinh-van-loc",
                "post:thanh-hoa-peoples-council-chair",
            ),
            (
                "person:lai-thi-hong-nhung",
                "post:thanh-hoa-peoples-committee-vice-chair",
            ),
            (
                "person:mai-xuan-tuan",
                "post:thanh-hoa-peoples-committee-standing-vice-chair",
            ),
        ],
        leaders: &[
            ("person:le-minh-khoa", "group:thanh-hoa-1"),
            ("person:mai-xuan-tuan", "group:thanh-hoa-4"),
        ],
        areas: &[
            ("group:thanh-hoa-1", "area:quan-son"),
            ("group:thanh-hoa-1", "area:trung-ha"),
            ("group:thanh-hoa-1", "area:tam-lu"),
            ("group:thanh-hoa-4", "area:ba-thuoc"),
            ("group:thanh-hoa-4", "area:thiet-ong"),
            ("group:thanh-hoa-4", "area:van-nho"),
        ],
        chairs: &[],
        accompanied: &[
            ("person:trinh-van-loc", "group:thanh-hoa-1"),
            ("person:lai-thi-hong-nhung", "group:thanh-hoa-1"),
        ],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &[
            "person:tran-duc-hieu",
            "person:le-loi",
            "person:dinh-tien-hoang",
        ],
    },
    Expected {
        file: "en-dak-lak-session.txt",
        persons: &[
            "person:huynh-thi-kim-loan",
            "person:phan-tien-dung",
            "person:luong-van-quang",
            "person:ha-minh-tri",
            "person:ta-quang-vinh",
        ],
        posts: &[
            (
                "person:huynh-thi-kim-loan",
                "post:dak-lak-peoples-council-chair",
            ),
            (
                "person:phan-tien-dung",
                "post:dak-lak-peoples-council-vice-chair",
            ),
            (
                "person:luong-van-quang",
                "post:dak-lak-party-committee-secretary",
            ),
            (
                "person:ha-minh-tri",
                "post:dak-lak-party-committee-standing-deputy-secretary",
            ),
            (
                "person:ta-quang-vinh",
                "post:dak-lak-peoples-committee-chair",
            ),
        ],
        leaders: &[],
        areas: &[],
        chairs: &["person:huynh-thi-kim-loan", "person:phan-tien-dung"],
        accompanied: &[],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:nguyen-thanh-son"],
    },
    Expected {
        file: "en-thai-nguyen-groups.txt",
        persons: &[
            "person:duong-van-luong",
            "person:hoang-thi-thu-huong",
            "person:vu-duc-thien",
        ],
        posts: &[
            (
                "person:duong-van-luong",
                "post:thai-nguyen-party-committee-deputy-secretary",
            ),
            (
                "person:hoang-thi-thu-huong",
                "post:thai-nguyen-party-standing-committee-member",
            ),
            (
                "person:hoang-thi-thu-huong",
                "post:thai-nguyen-mass-mobilization-commission-head",
            ),
            (
                "person:vu-duc-thien",
                "post:thai-nguyen-peoples-committee-vice-chair",
            ),
        ],
        leaders: &[
            ("person:duong-van-luong", "group:thai-nguyen-12"),
            ("person:hoang-thi-thu-huong", "group:thai-nguyen-13"),
            ("person:vu-duc-thien", "group:thai-nguyen-15"),
        ],
        areas: &[
            ("group:thai-nguyen-12", "area:dai-tu"),
            ("group:thai-nguyen-12", "area:phu-lac"),
            ("group:thai-nguyen-12", "area:yen-trach"),
            ("group:thai-nguyen-13", "area:phan-dinh-phung"),
            ("group:thai-nguyen-13", "area:tich-luong"),
            ("group:thai-nguyen-15", "area:pho-yen"),
            ("group:thai-nguyen-15", "area:ba-xuyen"),
            ("group:thai-nguyen-15", "area:trung-thanh"),
        ],
        chairs: &[],
        accompanied: &[],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:phan-dinh-phung"],
    },
    Expected {
        file: "en-an-giang-conference.txt",
        persons: &[
            "person:ngo-thanh-phong",
            "person:nguyen-huu-tam",
            "person:le-van-phuc",
            "person:tran-thi-bich-hanh",
        ],
        posts: &[
            (
                "person:ngo-thanh-phong",
                "post:party-central-committee-member",
            ),
            (
                "person:ngo-thanh-phong",
                "post:an-giang-party-committee-secretary",
            ),
            (
                "person:nguyen-huu-tam",
                "post:an-giang-party-committee-standing-deputy-secretary",
            ),
            (
                "person:le-van-phuc",
                "post:an-giang-party-committee-deputy-secretary",
            ),
            (
                "person:le-van-phuc",
                "post:an-giang-peoples-committee-chair",
            ),
            (
                "person:tran-thi-bich-hanh",
                "post:an-giang-fatherland-front-chair",
            ),
        ],
        leaders: &[],
        areas: &[],
        chairs: &["person:ngo-thanh-phong"],
        accompanied: &[],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:ton-duc-thang"],
    },
    Expected {
        file: "en-gia-lai-border.txt",
        persons: &[
            "person:phan-quoc-tuan",
            "person:dinh-thi-mai",
            "person:bui-van-lam",
            "person:ho-quang-hai",
        ],
        posts: &[
            (
                "person:phan-quoc-tuan",
                "post:gia-lai-peoples-committee-chair",
            ),
            (
                "person:dinh-thi-mai",
                "post:gia-lai-peoples-council-vice-chair",
            ),
            (
                "person:bui-van-lam",
                "post:gia-lai-party-standing-committee-member",
            ),
            (
                "person:bui-van-lam",
                "post:gia-lai-organization-commission-head",
            ),
            (
                "person:ho-quang-hai",
                "post:gia-lai-party-committee-secretary",
            ),
            ("person:ho-quang-hai", "post:gia-lai-na-delegation-head"),
        ],
        leaders: &[("person:ho-quang-hai", "group:gia-lai-2")],
        areas: &[
            ("group:gia-lai-2", "area:ia-grai"),
            ("group:gia-lai-2", "area:ia-o"),
        ],
        chairs: &["person:phan-quoc-tuan", "person:dinh-thi-mai"],
        accompanied: &[],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:vu-thanh-long"],
    },
    Expected {
        file: "ar-lao-cai-groups.txt",
        persons: &[
            "person:do-duc-tien",
            "person:bui-thi-hong",
            "person:le-quang-huy",
            "person:hoang-xuan-chau",
            "person:pham-van-quyet",
            "person:pham-van-binh",
            "person:nguyen-thi-ha",
            "person:dang-quang-minh",
        ],
        posts: &[
            (
                "person:pham-van-binh",
                "post:lao-cai-party-standing-committee-member",
            ),
            (
                "person:nguyen-thi-ha",
                "post:lao-cai-peoples-council-vice-chair",
            ),
            (
                "person:dang-quang-minh",
                "post:lao-cai-inspection-commission-chair",
            ),
            ("person:do-duc-tien", "post:party-central-committee-member"),
            (
                "person:do-duc-tien",
                "post:lao-cai-party-committee-secretary",
            ),
            ("person:do-duc-tien", "post:lao-cai-na-delegation-head"),
            (
                "person:bui-thi-hong",
                "post:lao-cai-party-committee-deputy-secretary",
            ),
            ("person:bui-thi-hong", "post:lao-cai-peoples-council-chair"),
            (
                "person:le-quang-huy",
                "post:lao-cai-peoples-committee-chair",
            ),
            (
                "person:hoang-xuan-chau",
                "post:lao-cai-party-standing-committee-member",
            ),
            (
                "person:hoang-xuan-chau",
                "post:lao-cai-organization-commission-head",
            ),
            (
                "person:pham-van-quyet",
                "post:lao-cai-peoples-committee-vice-chair",
            ),
        ],
        leaders: &[
            ("person:hoang-xuan-chau", "group:lao-cai-5"),
            ("person:pham-van-quyet", "group:lao-cai-8"),
        ],
        areas: &[
            ("group:lao-cai-5", "area:bac-ha"),
            // Read through the gazetteer of Lào Cai: the readings of these Arabic spellings
            // that are units of the province (Cam Đường, Thanh Lương), not the first-ranked
            // readings (Cam Dong, Tan Long), which are none of its units.
            ("group:lao-cai-5", "area:cam-duong"),
            ("group:lao-cai-5", "area:thanh-luong"),
            ("group:lao-cai-8", "area:tan-binh"),
            ("group:lao-cai-8", "area:hoa-long"),
        ],
        chairs: &["person:do-duc-tien"],
        accompanied: &[("person:dang-quang-minh", "group:lao-cai-8")],
        members: &[
            ("person:pham-van-binh", "group:lao-cai-5"),
            ("person:nguyen-thi-ha", "group:lao-cai-5"),
        ],
        same_in_arabic: &[("le-quang-hoi", "le-quang-huy"), ("cam-dung", "cam-dong")],
        known_misses: &[],
        not_persons: &["person:tran-thanh-long"],
    },
    Expected {
        file: "ar-tuyen-quang-visit.txt",
        persons: &[
            "person:nguyen-thanh-tung",
            "person:mai-duc-thang",
            "person:ho-duc-phuc",
            "person:duong-van-hai",
            "person:pham-thi-thanh-hoa",
        ],
        posts: &[
            (
                "person:nguyen-thanh-tung",
                "post:tuyen-quang-party-committee-standing-deputy-secretary",
            ),
            (
                "person:mai-duc-thang",
                "post:tuyen-quang-peoples-council-vice-chair",
            ),
            (
                "person:ho-duc-phuc",
                "post:tuyen-quang-peoples-committee-chair",
            ),
            (
                "person:duong-van-hai",
                "post:tuyen-quang-peoples-committee-vice-chair",
            ),
            (
                "person:pham-thi-thanh-hoa",
                "post:tuyen-quang-fatherland-front-chair",
            ),
        ],
        leaders: &[("person:nguyen-thanh-tung", "group:tuyen-quang-3")],
        areas: &[
            ("group:tuyen-quang-3", "area:minh-xuan"),
            ("group:tuyen-quang-3", "area:hong-thanh"),
            ("group:tuyen-quang-3", "area:lam-binh"),
        ],
        chairs: &["person:ho-duc-phuc"],
        accompanied: &[("person:mai-duc-thang", "group:tuyen-quang-3")],
        members: &[],
        same_in_arabic: &[("hung-thanh", "hong-thanh")],
        known_misses: &[],
        not_persons: &[],
    },
    Expected {
        file: "de-quang-tri.txt",
        persons: &[
            "person:le-van-hoa",
            "person:tran-quang-minh",
            "person:hoang-thi-thu",
            "person:vo-duc-loc",
            "person:nguyen-thi-lan",
            "person:pham-quoc-dung",
            "person:ho-minh-tam",
            "person:tran-thi-yen",
            "person:dang-van-khoa",
        ],
        posts: &[
            (
                "person:ho-minh-tam",
                "post:quang-tri-party-standing-committee-member",
            ),
            (
                "person:tran-thi-yen",
                "post:quang-tri-peoples-council-vice-chair",
            ),
            (
                "person:dang-van-khoa",
                "post:quang-tri-organization-commission-head",
            ),
            ("person:le-van-hoa", "post:party-central-committee-member"),
            (
                "person:le-van-hoa",
                "post:quang-tri-party-committee-secretary",
            ),
            ("person:le-van-hoa", "post:quang-tri-na-delegation-head"),
            (
                "person:tran-quang-minh",
                "post:quang-tri-party-committee-standing-deputy-secretary",
            ),
            (
                "person:hoang-thi-thu",
                "post:quang-tri-peoples-council-chair",
            ),
            (
                "person:vo-duc-loc",
                "post:quang-tri-peoples-committee-chair",
            ),
            (
                "person:nguyen-thi-lan",
                "post:quang-tri-party-standing-committee-member",
            ),
            (
                "person:nguyen-thi-lan",
                "post:quang-tri-mass-mobilization-commission-head",
            ),
            (
                "person:pham-quoc-dung",
                "post:quang-tri-peoples-committee-vice-chair",
            ),
        ],
        leaders: &[
            ("person:nguyen-thi-lan", "group:quang-tri-10"),
            ("person:pham-quoc-dung", "group:quang-tri-11"),
        ],
        areas: &[
            ("group:quang-tri-10", "area:cam-lo"),
            ("group:quang-tri-10", "area:gio-linh"),
            ("group:quang-tri-10", "area:vinh-linh"),
            ("group:quang-tri-11", "area:dong-ha"),
            ("group:quang-tri-11", "area:nam-dong-ha"),
        ],
        chairs: &["person:le-van-hoa"],
        accompanied: &[("person:dang-van-khoa", "group:quang-tri-11")],
        members: &[
            ("person:ho-minh-tam", "group:quang-tri-10"),
            ("person:tran-thi-yen", "group:quang-tri-10"),
        ],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &[],
    },
    Expected {
        file: "de-an-giang-gruppen.txt",
        persons: &[
            "person:dang-minh-tri",
            "person:ly-thi-hanh",
            "person:tran-van-sang",
            "person:ho-van-nghia",
        ],
        posts: &[
            (
                "person:dang-minh-tri",
                "post:an-giang-party-committee-deputy-secretary",
            ),
            (
                "person:ly-thi-hanh",
                "post:an-giang-peoples-council-vice-chair",
            ),
            (
                "person:tran-van-sang",
                "post:an-giang-peoples-committee-standing-vice-chair",
            ),
            (
                "person:ho-van-nghia",
                "post:an-giang-party-committee-secretary",
            ),
        ],
        leaders: &[
            ("person:dang-minh-tri", "group:an-giang-4"),
            ("person:tran-van-sang", "group:an-giang-6"),
        ],
        areas: &[
            ("group:an-giang-4", "area:tri-ton"),
            ("group:an-giang-4", "area:ba-chuc"),
            ("group:an-giang-4", "area:co-to"),
            ("group:an-giang-6", "area:long-xuyen"),
            ("group:an-giang-6", "area:my-thoi"),
            ("group:an-giang-6", "area:binh-duc"),
        ],
        chairs: &["person:ho-van-nghia"],
        accompanied: &[("person:ly-thi-hanh", "group:an-giang-4")],
        members: &[],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:nguyen-van-tuan"],
    },
    Expected {
        file: "en-ha-tinh-groups.txt",
        persons: &[
            "person:bui-van-khanh",
            "person:tran-hoa-nam",
            "person:nguyen-thi-ha",
            "person:ho-van-mung",
            "person:le-van-huyen",
            "person:pham-thi-xuan",
        ],
        posts: &[
            (
                "person:bui-van-khanh",
                "post:ha-tinh-peoples-committee-vice-chair",
            ),
            (
                "person:tran-hoa-nam",
                "post:ha-tinh-party-standing-committee-member",
            ),
            (
                "person:nguyen-thi-ha",
                "post:ha-tinh-peoples-council-vice-chair",
            ),
            (
                "person:ho-van-mung",
                "post:ha-tinh-party-committee-deputy-secretary",
            ),
            (
                "person:le-van-huyen",
                "post:ha-tinh-organization-commission-head",
            ),
            (
                "person:pham-thi-xuan",
                "post:ha-tinh-peoples-committee-vice-chair",
            ),
        ],
        leaders: &[
            ("person:bui-van-khanh", "group:ha-tinh-3"),
            ("person:ho-van-mung", "group:ha-tinh-8"),
        ],
        areas: &[
            ("group:ha-tinh-3", "area:thach-ha"),
            ("group:ha-tinh-3", "area:cam-xuyen"),
            ("group:ha-tinh-3", "area:ky-anh"),
            ("group:ha-tinh-8", "area:thanh-sen"),
            ("group:ha-tinh-8", "area:tran-phu"),
            ("group:ha-tinh-8", "area:ha-huy-tap"),
        ],
        chairs: &[],
        accompanied: &[("person:le-van-huyen", "group:ha-tinh-8")],
        members: &[
            ("person:tran-hoa-nam", "group:ha-tinh-3"),
            ("person:nguyen-thi-ha", "group:ha-tinh-3"),
        ],
        same_in_arabic: &[],
        known_misses: &[],
        not_persons: &["person:dang-quoc-viet"],
    },
];
