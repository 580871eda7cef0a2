//! Questions asked of the reference graph in `data/`, answered as the articles state them.
//! Every expectation here was read off the sample articles, not off govgraph's output.

use serde_json::Value;

use crate::support::govgraph;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let output = govgraph(&all);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON answer")
}

/// The names of a list of entities, diacritics folded (areas are named in Vietnamese), sorted.
fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| govgraph::text::fold(e["name"].as_str().unwrap()))
        .collect();
    names.sort();
    names
}

/// Sample 003: seven working groups of the Lang Son Provincial Party Standing Committee.
#[test]
fn lang_son_working_groups_have_their_leaders_and_all_their_communes() {
    let expected: [(u64, &str, &[&str]); 7] = [
        (
            1,
            "Hoang Van Nghiem",
            &["Dong Kinh", "Ky Lua", "Luong Van Tri", "Tam Thanh"],
        ),
        (
            2,
            "Doan Thi Hau",
            &[
                "Hoang Van Thu",
                "Hoi Hoan",
                "Na Sam",
                "Thuy Hung",
                "Van Lang",
            ],
        ),
        (
            3,
            "Ho Tien Thieu",
            &[
                "Cai Kinh",
                "Huu Lien",
                "Huu Lung",
                "Tan Thanh",
                "Thien Tan",
                "Tuan Son",
                "Van Nham",
                "Yen Binh",
            ],
        ),
        (4, "Nguyen Canh Toan", &["Ba Son", "Cao Loc", "Cong Son"]),
        (
            5,
            "Duong Xuan Huyen",
            &[
                "Binh Gia",
                "Hoa Tham",
                "Hong Phong",
                "Quy Hoa",
                "Tan Van",
                "Thien Hoa",
                "Thien Long",
                "Thien Thuat",
            ],
        ),
        (
            7,
            "Nguyen Hoang Tung",
            &[
                "Diem He",
                "Khanh Khe",
                "Tan Doan",
                "Tri Le",
                "Van Quan",
                "Yen Phuc",
            ],
        ),
        (
            9,
            "Giap Thi Bac",
            &["Chau Son", "Dinh Lap", "Kien Moc", "Thai Binh"],
        ),
    ];
    let answer = json(&["query", "leads"]);
    let groups = answer.as_array().unwrap();
    assert_eq!(groups.len(), expected.len());
    for ((number, leader, areas), group) in expected.iter().zip(groups) {
        assert_eq!(group["group"]["number"].as_u64(), Some(*number));
        assert_eq!(
            names(&group["leaders"]),
            [leader.to_string()],
            "group {number}"
        );
        assert_eq!(names(&group["areas"]), areas.to_vec(), "group {number}");
        for area in group["areas"].as_array().unwrap() {
            assert_eq!(area["kind"], "area");
            assert!(["commune", "ward"].contains(&area["level"].as_str().unwrap()));
        }
    }
}

#[test]
fn places_named_after_people_are_areas_not_persons() {
    for name in ["Hoang Van Thu", "Luong Van Tri"] {
        let output = govgraph(&["query", "posts", name]);
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("(of kind area), not a person"));
    }
}

/// Every person named in the five articles, asked in Latin script and in the article's own
/// script, with the posts the article gives.
#[test]
fn every_person_has_the_posts_the_articles_give() {
    let people: [(&str, &str, &[&str]); 16] = [
        (
            "Le Tien Chau",
            "لي تيان تشاو",
            &["member", "secretary", "head"],
        ),
        ("Pham Van Lap", "فام فان لاب", &["member", "chair"]),
        ("Bui Duc Quang", "بوي دوك كوانج", &["vice_chair"]),
        ("Nguyen Duc Tho", "نجوين دوك ثو", &["vice_chair"]),
        ("La Thanh Tan", "لا ثانه تان", &["deputy_head"]),
        (
            "Tran Quyet Thang",
            "تران كويت تانغ",
            &["secretary", "chair"],
        ),
        (
            "Mai Van Tuat",
            "ماي فان توات",
            &["standing_deputy_secretary", "chair"],
        ),
        ("Do Viet Anh", "دو فيت آنه", &["member", "head"]),
        ("Hoang Van Kien", "هوانغ فان كين", &["member", "vice_chair"]),
        (
            "Hoang Van Nghiem",
            "هوانغ فان نغييم",
            &["secretary", "head"],
        ),
        (
            "Doan Thi Hau",
            "دوآن ثي هاو",
            &["standing_deputy_secretary", "chair"],
        ),
        (
            "Ho Tien Thieu",
            "هو تيان ثيو",
            &["deputy_secretary", "chair"],
        ),
        ("Nguyen Canh Toan", "نجوين كانه توان", &["deputy_secretary"]),
        (
            "Duong Xuan Huyen",
            "دونج شوان هوين",
            &["member", "standing_vice_chair"],
        ),
        (
            "Nguyen Hoang Tung",
            "نجوين هوانج تونج",
            &["member", "chair"],
        ),
        ("Giap Thi Bac", "جياب ثي باك", &["member", "head"]),
    ];
    for (latin, arabic, roles) in people {
        let by_latin = json(&["query", "posts", latin]);
        let by_arabic = json(&["query", "posts", arabic]);
        assert_eq!(
            by_latin["person"]["id"], by_arabic["person"]["id"],
            "{latin} / {arabic}"
        );
        let held: Vec<&str> = by_latin["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["role"].as_str().unwrap())
            .collect();
        for role in roles {
            assert!(
                held.contains(role),
                "{latin} should hold a `{role}` post, holds {held:?}"
            );
        }
        for post in by_latin["posts"].as_array().unwrap() {
            assert!(
                !post["sources"].as_array().unwrap().is_empty(),
                "{latin}: unsourced post"
            );
            assert!(
                post["organization"].is_object(),
                "{latin}: post without its body"
            );
        }
    }
}

/// Samples 000 (Arabic) and 004 (German) are one article: one node per person.
#[test]
fn the_arabic_and_german_name_of_a_person_are_one_entity() {
    for (arabic, german) in [
        ("لي تيان تشاو", "Le Tien Chau"),
        ("فام فان لاب", "Pham Van Lap"),
        ("لا ثانه تان", "La Thanh Tan"),
    ] {
        let a = json(&["query", "posts", arabic]);
        let d = json(&["query", "posts", german]);
        assert_eq!(a["person"]["id"], d["person"]["id"]);
        let langs: Vec<&str> = a["person"]["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|alias| alias["lang"].as_str().unwrap())
            .collect();
        assert!(
            langs.contains(&"ar") && langs.contains(&"de"),
            "{german}: {langs:?}"
        );
        let sources: Vec<&str> = a["posts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| {
                p["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
            })
            .collect();
        assert!(
            sources.contains(&"source:000-hai-phong-ar")
                && sources.contains(&"source:004-hai-phong-de")
        );
    }
}

/// Two people of the Hai Phong article are connected through the City People's Council.
#[test]
fn a_path_joins_two_people_of_the_hai_phong_article() {
    let answer = json(&["query", "path", "Pham Van Lap", "Bui Duc Quang"]);
    let steps = answer["steps"].as_array().unwrap();
    assert!(!steps.is_empty() && steps.len() <= 4, "{answer}");
    // Each step is a real relation whose ends chain from one person to the other.
    let ends: Vec<(&str, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["from"]["id"].as_str().unwrap(),
                s["to"]["id"].as_str().unwrap(),
            )
        })
        .collect();
    let mut at = "person:pham-van-lap";
    for (from, to) in ends {
        at = if from == at {
            to
        } else {
            assert_eq!(to, at);
            from
        };
    }
    assert_eq!(at, "person:bui-duc-quang");
}

#[test]
fn members_of_the_lang_son_party_committee_include_its_standing_committee_deeply() {
    let answer = json(&["query", "members", "org:lang-son-party-committee", "--deep"]);
    let members: Vec<(&str, &str)> = answer["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["person"]["name"].as_str().unwrap(),
                m["role"].as_str().unwrap(),
            )
        })
        .collect();
    for expected in [
        ("Hoang Van Nghiem", "secretary"),
        ("Doan Thi Hau", "standing_deputy_secretary"),
        ("Giap Thi Bac", "member"),
        ("Nguyen Hoang Tung", "member"),
    ] {
        assert!(
            members.contains(&expected),
            "{expected:?} missing from {members:?}"
        );
    }
}
