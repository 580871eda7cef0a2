//! Tests of Vietnamese and French extraction on sentences written for them, in the
//! phrasings real Vietnamese and French government news uses (names and places invented).

use super::{Options, detect_lang, extract};
use crate::model::{Document, EntityId, Lang, RelationKind};

fn run(text: &str, lang: Option<Lang>) -> Document {
    let mut options = Options::new(EntityId::new("source:test"));
    options.lang = lang;
    options.date = Some("2025-03-20".parse().unwrap());
    extract(text, &options).document
}

fn has(doc: &Document, kind: RelationKind, from: &str, to: &str) -> bool {
    doc.relations
        .iter()
        .any(|r| r.kind == kind && r.from.as_str() == from && r.to.as_str() == to)
}

fn holds(doc: &Document, person: &str, posts: &[&str]) {
    for post in posts {
        assert!(
            has(doc, RelationKind::Holds, person, post),
            "{person} should hold {post}; relations: {:?}",
            doc.relations
                .iter()
                .map(|r| format!("{} {} {}", r.kind, r.from, r.to))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn detects_vietnamese_and_french_with_and_without_diacritics() {
    assert_eq!(
        detect_lang("Đồng chí Trần Văn Bảo, Bí thư Tỉnh ủy, phát biểu tại hội nghị của tỉnh."),
        Some(Lang::Vi)
    );
    assert_eq!(
        detect_lang("Dong chi Tran Van Bao, Bi thu Tinh uy, phat bieu tai hoi nghi cua tinh."),
        Some(Lang::Vi)
    );
    assert_eq!(
        detect_lang(
            "Le camarade Tran Van Bao, secrétaire du Comité provincial du Parti, a présidé la réunion."
        ),
        Some(Lang::Fr)
    );
    assert_eq!(
        detect_lang(
            "Le secretaire du Comite provincial du Parti a preside la reunion pour la province."
        ),
        Some(Lang::Fr)
    );
}

#[test]
fn vietnamese_titles_after_a_name_and_the_chair() {
    let doc = run(
        "Sáng 14/3, đồng chí Đặng Quốc Tuấn, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch \
         UBND tỉnh Yên Bái chủ trì hội nghị.",
        None,
    );
    holds(
        &doc,
        "person:dang-quoc-tuan",
        &[
            "post:yen-bai-party-standing-committee-member",
            "post:yen-bai-peoples-committee-vice-chair",
        ],
    );
    assert!(has(
        &doc,
        RelationKind::Chaired,
        "person:dang-quoc-tuan",
        "event:test-meeting"
    ));
    // "Sáng 14/3": the meeting's day, in the article's year.
    let event = doc
        .entities
        .iter()
        .find(|e| e.id.as_str() == "event:test-meeting");
    assert!(
        format!("{:?}", event).contains("day: Some(14)"),
        "{event:?}"
    );
}

#[test]
fn vietnamese_title_before_a_name_with_the_place_after_the_body() {
    let doc = run(
        "Bí thư Thành ủy Cẩm Phả Lò Thị Mai phát biểu. Phó Bí thư Thường trực Tỉnh ủy Yên Bái \
         Vi Văn Khải dự hội nghị.",
        Some(Lang::Vi),
    );
    holds(
        &doc,
        "person:vi-van-khai",
        &["post:yen-bai-party-committee-standing-deputy-secretary"],
    );
    assert!(
        doc.relations
            .iter()
            .any(|r| r.kind == RelationKind::Holds && r.from.as_str() == "person:lo-thi-mai"),
        "the city secretary holds a post"
    );
}

#[test]
fn vietnamese_without_diacritics_reads_the_same_posts() {
    let doc = run(
        "Dong chi Dang Quoc Tuan, Uy vien Ban Thuong vu Tinh uy, Pho Chu tich UBND tinh Yen \
         Bai chu tri hoi nghi.",
        Some(Lang::Vi),
    );
    holds(
        &doc,
        "person:dang-quoc-tuan",
        &[
            "post:yen-bai-party-standing-committee-member",
            "post:yen-bai-peoples-committee-vice-chair",
        ],
    );
}

#[test]
fn french_titles_after_the_comrade_and_the_chair() {
    let doc = run(
        "Le camarade Dang Quoc Tuan, membre du Comité permanent du Parti provincial et \
         vice-président du Comité populaire provincial de Yen Bai, a présidé la réunion.",
        None,
    );
    holds(
        &doc,
        "person:dang-quoc-tuan",
        &[
            "post:yen-bai-party-standing-committee-member",
            "post:yen-bai-peoples-committee-vice-chair",
        ],
    );
    assert!(has(
        &doc,
        RelationKind::Chaired,
        "person:dang-quoc-tuan",
        "event:test-meeting"
    ));
}

#[test]
fn french_elision_splits_the_article_from_a_name() {
    let doc = run(
        "Le secrétaire du Comité du Parti de la province de Yen Bai, Vi Van Khai, a travaillé \
         avec la commune d'An Phu.",
        Some(Lang::Fr),
    );
    holds(
        &doc,
        "person:vi-van-khai",
        &["post:yen-bai-party-committee-secretary"],
    );
    assert!(
        doc.relations
            .iter()
            .any(|r| r.kind == RelationKind::WorksWith && r.to.as_str() == "area:an-phu"),
        "d'An Phu is the commune An Phu: {:?}",
        doc.relations
            .iter()
            .map(|r| format!("{} {} {}", r.kind, r.from, r.to))
            .collect::<Vec<_>>()
    );
}

#[test]
fn vietnamese_group_leader_then_wards_by_honorific_and_given_name() {
    let doc = run(
        "Tổ 5 do ông Lò Văn Khiêm, Phó Chủ tịch UBND tỉnh Yên Bái làm Tổ trưởng. Ông Khiêm \
         phụ trách các phường: Hồng Hà, Minh Tân và Nam Cường.",
        Some(Lang::Vi),
    );
    assert!(has(
        &doc,
        RelationKind::Leads,
        "person:lo-van-khiem",
        "group:yen-bai-5"
    ));
    for ward in ["area:hong-ha", "area:minh-tan", "area:nam-cuong"] {
        assert!(
            has(&doc, RelationKind::WorksWith, "group:yen-bai-5", ward),
            "{ward}"
        );
    }
}

#[test]
fn vietnamese_numbered_inspection_group_after_a_general_delegation() {
    let doc = run(
        "Sáng 2/3, đoàn công tác của tỉnh do đồng chí Lò Văn Khiêm - Phó Chủ tịch UBND tỉnh \
         Yên Bái, Trưởng đoàn kiểm tra công tác bầu cử số 7 đã kiểm tra tại các xã: Mường Lai, \
         Cát Thịnh.",
        Some(Lang::Vi),
    );
    assert!(has(
        &doc,
        RelationKind::Leads,
        "person:lo-van-khiem",
        "group:yen-bai-7"
    ));
    assert!(has(
        &doc,
        RelationKind::WorksWith,
        "group:yen-bai-7",
        "area:muong-lai"
    ));
}

#[test]
fn vietnamese_election_gives_the_post_after_the_appointment_word() {
    let doc = run(
        "HĐND tỉnh Yên Bái đã bầu ông Lò Văn Khiêm - Phó Bí thư Tỉnh ủy, giữ chức Chủ tịch \
         UBND tỉnh Yên Bái.",
        Some(Lang::Vi),
    );
    holds(
        &doc,
        "person:lo-van-khiem",
        &[
            "post:yen-bai-party-committee-deputy-secretary",
            "post:yen-bai-peoples-committee-chair",
        ],
    );
}

#[test]
fn persons_listed_with_semicolons_chair_together() {
    let doc = run(
        "Các đồng chí: Lò Văn Khiêm, Bí thư Tỉnh ủy Yên Bái; Đặng Quốc Tuấn, Chủ tịch UBND \
         tỉnh chủ trì hội nghị.",
        Some(Lang::Vi),
    );
    for person in ["person:lo-van-khiem", "person:dang-quoc-tuan"] {
        assert!(
            has(&doc, RelationKind::Chaired, person, "event:test-meeting"),
            "{person}"
        );
    }
}

#[test]
fn a_province_before_a_name_is_a_place_not_part_of_the_name() {
    let doc = run(
        "Bí thư Tỉnh ủy Yên Bái Đặng Quốc Tuấn phát biểu.",
        Some(Lang::Vi),
    );
    holds(
        &doc,
        "person:dang-quoc-tuan",
        &["post:yen-bai-party-committee-secretary"],
    );
    assert!(
        !doc.entities
            .iter()
            .any(|e| e.id.as_str().starts_with("person:yen-bai")),
        "no person named after the province"
    );
}

#[test]
fn french_surname_le_is_a_name_not_the_article() {
    let doc = run(
        "Selon le communiqué, Lê Quang Vinh, membre du Bureau politique, a pris la parole. \
         M. Le Van Tam, secrétaire adjoint du Comité provincial du Parti de Yen Bai, a \
         salué la délégation.",
        Some(Lang::Fr),
    );
    holds(&doc, "person:le-quang-vinh", &["post:politburo-member"]);
    holds(
        &doc,
        "person:le-van-tam",
        &["post:yen-bai-party-committee-deputy-secretary"],
    );
}

#[test]
fn french_former_title_is_passed_over_for_the_new_post() {
    let doc = run(
        "Le Bureau politique a décidé la nomination de Vi Van Khai, ancien secrétaire du \
         Comité provincial du Parti de Lao Cai, au poste de secrétaire du Comité provincial \
         du Parti de Yen Bai.",
        Some(Lang::Fr),
    );
    holds(
        &doc,
        "person:vi-van-khai",
        &["post:yen-bai-party-committee-secretary"],
    );
    assert!(
        !has(
            &doc,
            RelationKind::Holds,
            "person:vi-van-khai",
            "post:lao-cai-party-committee-secretary"
        ),
        "the former post is not held"
    );
}

#[test]
fn a_name_written_with_diacritics_is_the_display_name_and_the_folded_form_an_alias() {
    let doc = run(
        "Phó Chủ tịch UBND tỉnh Yên Bái Đặng Quốc Tuấn phát biểu. Dang Quoc Tuan cho biết.",
        Some(Lang::Vi),
    );
    let person = doc
        .entities
        .iter()
        .find(|e| e.id.as_str() == "person:dang-quoc-tuan")
        .expect("the person");
    assert_eq!(person.name, "Đặng Quốc Tuấn");
    assert!(person.aliases.iter().any(|a| a.text == "Dang Quoc Tuan"));
    let plain = run(
        "Le camarade Dang Quoc Tuan, secrétaire du Comité provincial du Parti de Yen Bai, a \
         pris la parole.",
        Some(Lang::Fr),
    );
    let person = plain
        .entities
        .iter()
        .find(|e| e.id.as_str() == "person:dang-quoc-tuan")
        .expect("the person");
    assert_eq!(
        person.name, "Dang Quoc Tuan",
        "seen only without diacritics"
    );
}

#[test]
fn a_ward_named_with_an_honorific_word_stays_one_place_in_a_list() {
    let doc = run(
        "Tổ 6 do ông Vi Văn Khải, Phó Chủ tịch UBND tỉnh Yên Bái làm Tổ trưởng, phụ trách các \
         phường: Gò Ông Khải, Chánh Lộc, Minh Tân.",
        Some(Lang::Vi),
    );
    for ward in ["area:go-ong-khai", "area:chanh-loc", "area:minh-tan"] {
        assert!(
            has(&doc, RelationKind::WorksWith, "group:yen-bai-6", ward),
            "{ward}: {:?}",
            doc.relations
                .iter()
                .map(|r| format!("{} {} {}", r.kind, r.from, r.to))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_general_secretary_is_a_national_post_not_the_provinces() {
    let doc = run(
        "Bí thư Tỉnh ủy Yên Bái Lò Văn Khiêm quán triệt bài phát biểu của Tổng Bí thư Vi Văn \
         Khải.",
        Some(Lang::Vi),
    );
    let held: Vec<&str> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds && r.from.as_str() == "person:vi-van-khai")
        .map(|r| r.to.as_str())
        .collect();
    assert_eq!(
        held,
        ["post:party-central-committee-general-secretary"],
        "{held:?}"
    );
}
