//! A change of post reported in an article (`tests/fixtures/change-of-post`, our own
//! writing): `query posts --as-of` answers with the old posts before the event date and the
//! new ones after it.

use crate::support::govgraph;

/// The post ids `person` holds on `date`, from the change-of-post fixture.
fn posts_on(person: &str, date: &str) -> Vec<String> {
    let output = govgraph(&[
        "query",
        "posts",
        person,
        "--data",
        "tests/fixtures/change-of-post",
        "--as-of",
        date,
        "--format",
        "json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let mut ids: Vec<String> = answer["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .map(|p| p["post"]["id"].as_str().expect("post id").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_elected_chair_holds_the_new_post_only_after_the_event() {
    let before = posts_on("Duong Thi Nga", "2025-06-09");
    assert_eq!(before, ["post:ha-tinh-peoples-council-vice-chair"]);
    let after = posts_on("Duong Thi Nga", "2025-06-11");
    assert!(after.contains(&"post:ha-tinh-peoples-council-chair".to_string()));
    assert!(!after.contains(&"post:ha-tinh-peoples-council-vice-chair".to_string()));
}

#[test]
fn the_relieved_chair_holds_it_until_the_event() {
    assert_eq!(
        posts_on("Tran Van Ky", "2025-06-09"),
        ["post:ha-tinh-peoples-council-chair"]
    );
    assert!(posts_on("Tran Van Ky", "2025-06-11").is_empty());
}

#[test]
fn a_secretary_moved_to_another_province_holds_each_post_in_its_time() {
    // "X, secrétaire … de Quang Tri pour le mandat …, a été nommé pour assurer le poste de
    // secrétaire … de Ha Tinh": the same office begun elsewhere ends the old one.
    assert_eq!(
        posts_on("Vo Van Tuan", "2025-10-19"),
        ["post:quang-tri-party-committee-secretary"]
    );
    assert_eq!(
        posts_on("Vo Van Tuan", "2025-10-21"),
        ["post:ha-tinh-party-committee-secretary"]
    );
}
