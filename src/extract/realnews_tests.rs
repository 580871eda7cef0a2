//! Phrasings of real provincial news that the first rules missed, each in a sentence of
//! our own (names and places invented or common): a province written once in a run of
//! titles, terms of office inside a run, a transfer between provinces, a title heading
//! the list of persons on the lines below, a group's make-up that chairs nothing, and an
//! article dated only by its page furniture.

use super::{Options, extract};
use crate::model::{Document, EntityId, Lang, RelationKind};

fn run(text: &str, lang: Lang, date: Option<&str>) -> Document {
    let mut options = Options::new(EntityId::new("source:test"));
    options.lang = Some(lang);
    options.date = date.map(|d| d.parse().unwrap());
    options.places = Some(super::places::PlaceIndex::embedded());
    extract(text, &options).document
}

fn held(doc: &Document, person: &str) -> Vec<String> {
    let mut out: Vec<String> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds && r.from.as_str() == person)
        .map(|r| {
            let end = r.end.map_or(String::new(), |d| format!(" until {d}"));
            format!("{}{end}", r.to)
        })
        .collect();
    out.sort();
    out
}

fn chairs(doc: &Document) -> usize {
    doc.relations
        .iter()
        .filter(|r| r.kind == RelationKind::Chaired)
        .count()
}

#[test]
fn a_province_written_once_in_a_run_places_its_other_provincial_titles() {
    let doc = run(
        "Tại kỳ họp, HĐND tỉnh Phú Thọ đã bầu bà Hà Thị Lan – Phó Bí thư Tỉnh ủy, Trưởng Ban \
         Tổ chức Tỉnh ủy Phú Thọ, làm Chủ tịch HĐND tỉnh Phú Thọ.",
        Lang::Vi,
        Some("2025-01-02"),
    );
    let posts = held(&doc, "person:ha-thi-lan");
    assert!(
        posts.contains(&"post:phu-tho-party-committee-deputy-secretary".to_string()),
        "{posts:?}"
    );
    // A national title in the same run stays national.
    let doc = run(
        "Đồng chí Lò Văn Khiêm, Ủy viên Trung ương Đảng, Phó Bí thư Tỉnh ủy, Bí thư Tỉnh ủy \
         Yên Bái, phát biểu.",
        Lang::Vi,
        Some("2024-05-02"),
    );
    let posts = held(&doc, "person:lo-van-khiem");
    assert!(
        posts.contains(&"post:party-central-committee-member".to_string()),
        "{posts:?}"
    );
    assert!(
        posts.contains(&"post:yen-bai-party-committee-deputy-secretary".to_string()),
        "{posts:?}"
    );
}

#[test]
fn a_term_of_office_inside_a_run_does_not_end_it() {
    let doc = run(
        "Đồng chí Vi Thị Hoa, Bí thư Huyện ủy nhiệm kỳ 2020 - 2025, Phó Bí thư Tỉnh ủy Cao Bằng \
         khóa XIX, phát biểu tại hội nghị.",
        Lang::Vi,
        Some("2024-03-02"),
    );
    let posts = held(&doc, "person:vi-thi-hoa");
    assert!(
        posts.contains(&"post:cao-bang-party-committee-deputy-secretary".to_string()),
        "{posts:?}"
    );
}

#[test]
fn a_transfer_to_another_province_ends_the_same_office_there() {
    let doc = run(
        "Le camarade Vo Van Tuan, secrétaire du Comité du Parti de la province de Quang Tri, \
         a été nommé pour assurer le poste de secrétaire du Comité du Parti de la province de \
         Ha Tinh pour le mandat 2025-2030.",
        Lang::Fr,
        Some("2025-10-20"),
    );
    assert_eq!(
        held(&doc, "person:vo-van-tuan"),
        [
            "post:ha-tinh-party-committee-secretary",
            "post:quang-tri-party-committee-secretary until 2025-10-20",
        ]
    );
    // "…, qui a été nommé …": the relative clause gives the person the new post.
    let doc = run(
        "Vo Van Tuan remplace Tran Quoc Nam, secrétaire du Comité du Parti de Ha Tinh, qui a \
         été nommé secrétaire du Comité du Parti de la province de Quang Tri.",
        Lang::Fr,
        Some("2025-10-20"),
    );
    let posts = held(&doc, "person:tran-quoc-nam");
    assert!(
        posts.contains(&"post:quang-tri-party-committee-secretary".to_string()),
        "{posts:?}"
    );
}

#[test]
fn a_plural_title_heads_the_persons_on_the_lines_below() {
    let doc = run(
        "La décision a nommé 3 camarades au poste de secrétaire adjoint du Comité provincial \
         du Parti de Dong Thap pour le mandat 2020-2025 dont :\n\
         M. Tran Van Binh - secrétaire du Comité provincial du Parti de Tien Giang.\n\
         Mme Le Thi Hoa - présidente du Conseil populaire provincial - occupe le poste de \
         secrétaire adjointe permanente du Comité provincial du Parti.\n\
         M. Pham Van Nam - membre du Comité permanent du Comité provincial du Parti (désigné \
         pour occuper le poste de président du Conseil populaire provincial de Dong Thap).\n\
         La cérémonie s'est tenue le 30 juin.",
        Lang::Fr,
        Some("2025-06-30"),
    );
    let deputy = "post:dong-thap-party-committee-deputy-secretary".to_string();
    assert!(held(&doc, "person:tran-van-binh").contains(&deputy));
    assert!(held(&doc, "person:pham-van-nam").contains(&deputy));
    assert!(
        held(&doc, "person:pham-van-nam")
            .contains(&"post:dong-thap-peoples-council-chair".to_string())
    );
    // A post of her own in that body stands instead of the heading's.
    let hoa = held(&doc, "person:le-thi-hoa");
    assert!(hoa.contains(&"post:dong-thap-party-committee-standing-deputy-secretary".to_string()));
    assert!(!hoa.contains(&deputy), "{hoa:?}");
    // The line after the list gives nobody the heading's post.
    assert_eq!(
        doc.relations
            .iter()
            .filter(|r| r.kind == RelationKind::Holds && r.to.as_str() == deputy)
            .count(),
        2
    );
}

#[test]
fn a_group_leader_chairs_only_a_session_the_sentence_reports() {
    // The groups' make-up: nobody chairs anything yet.
    let doc = run(
        "Tổ 1 do ông Trần Văn Tâm, Phó Bí thư Thành ủy, làm Tổ trưởng. Tổ 2 do bà Lê Thị Mai, \
         Chủ tịch HĐND thành phố, làm Tổ trưởng.",
        Lang::Vi,
        Some("2025-07-20"),
    );
    assert_eq!(chairs(&doc), 0);
    // A group led by a person at work with communes: the leader chairs that session.
    let doc = run(
        "Working Group No. 2, led by comrade Tran Van Tam, worked with Dong Tien, Hoa Binh \
         and Tan Thanh communes.",
        Lang::En,
        Some("2025-07-20"),
    );
    assert_eq!(chairs(&doc), 1);
}

#[test]
fn an_undated_article_is_placed_by_the_date_its_page_prints() {
    // Communes that lay in the former Hà Giang and lie in Tuyên Quang since 2025; the date
    // glued to the paper's name dates the article after the merger.
    let text = "Báo Tuyên QuangBáo Tuyên Quang16/07/2025\n\
                Comrade Tran Van Tam, Vice Chairman of the Provincial People's Committee, led the \
                working delegation to Lung Cu, Khau Vai and Du Gia communes.";
    let doc = run(text, Lang::En, None);
    let posts = held(&doc, "person:tran-van-tam");
    assert_eq!(posts, ["post:tuyen-quang-peoples-committee-vice-chair"]);
}
