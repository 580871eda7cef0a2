//! Places read through the gazetteer, in sentences of our own: one name in two provinces
//! gets two ids, a list item that begins with a lexicon word, a transliterated commune read
//! through the gazetteer, a word without marks beside marked words, a post that begins
//! placed by the run, and an aside in parentheses inside a run of titles.

use super::{Options, extract};
use crate::gazetteer::Gazetteer;
use crate::model::{Document, EntityId, Lang, RelationKind};

fn run(text: &str, lang: Lang, date: &str, area: Option<&str>) -> Document {
    let mut options = Options::new(EntityId::new("source:test"));
    options.lang = Some(lang);
    options.date = Some(date.parse().unwrap());
    options.area = area.map(str::to_string);
    options.places = Some(super::places::PlaceIndex::embedded());
    extract(text, &options).document
}

/// The areas the groups work with: (id, name).
fn worked_with(doc: &Document) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::WorksWith)
        .filter_map(|r| doc.entities.iter().find(|e| e.id == r.to))
        .map(|e| (e.id.to_string(), e.name.clone()))
        .collect();
    out.sort();
    out
}

fn province_of(id: &str) -> String {
    let g = Gazetteer::embedded();
    let unit = g.by_id(id).unwrap_or_else(|| panic!("{id} is no unit"));
    g.unit(g.current_province(unit)).name.clone()
}

#[test]
fn one_name_in_two_provinces_is_two_units_and_each_keeps_its_code() {
    let a = run(
        "Comrade Tran Van Ba, Secretary of the Hai Phong City Party Committee, led the \
         working delegation that visited Gia Vien ward and Hai An ward of Hai Phong city.",
        Lang::En,
        "2025-08-01",
        None,
    );
    let b = run(
        "Comrade Tran Van Ba, Secretary of the Ninh Binh Provincial Party Committee, led the \
         working delegation that visited Gia Vien commune and Nho Quan commune.",
        Lang::En,
        "2025-08-01",
        None,
    );
    let find = |doc: &Document| {
        doc.entities
            .iter()
            .find(|e| e.name == "Gia Vien")
            .map(|e| e.id.to_string())
    };
    let (in_a, in_b) = (
        find(&a).expect("Gia Vien in a"),
        find(&b).expect("Gia Vien in b"),
    );
    assert_ne!(in_a, in_b);
    assert!(in_a.starts_with("area:vn-") && in_b.starts_with("area:vn-"));
    assert_eq!(province_of(&in_a), "Hải Phòng");
    assert_eq!(province_of(&in_b), "Ninh Bình");
}

#[test]
fn a_list_item_that_begins_with_a_lexicon_word_is_read_when_the_gazetteer_knows_it() {
    // "Bà" is an honorific; "Bà Điểm" is a commune of Ho Chi Minh City.
    let doc = run(
        "Tổ 5 do ông Trần Văn Ba, Phó Bí thư Thành ủy TPHCM, làm Tổ trưởng. Ông Ba theo dõi \
         các xã: Nhà Bè, Bà Điểm, Đông Thạnh.",
        Lang::Vi,
        "2025-08-01",
        None,
    );
    let names: Vec<String> = worked_with(&doc).into_iter().map(|(_, n)| n).collect();
    assert!(names.iter().any(|n| n == "Ba Diem"), "{names:?}");
    assert!(names.iter().any(|n| n == "Dong Thanh"), "{names:?}");
    // Written with diacritics, Đông Thạnh is not Đông Thành.
    let (id, _) = worked_with(&doc)
        .into_iter()
        .find(|(_, n)| n == "Dong Thanh")
        .unwrap();
    let g = Gazetteer::embedded();
    assert_eq!(g.unit(g.by_id(&id).unwrap()).name, "Đông Thạnh");
}

#[test]
fn a_transliterated_commune_is_read_through_the_gazetteer_of_the_province() {
    // "In Do Luong commune, comrade X and the delegation with him visited a family".
    let doc = run(
        "في بلدية دو لونغ، زار الرفيق تران فان با والوفد المرافق له عائلة السيد هوانغ في \
         القرية الأولى.",
        Lang::Ar,
        "2025-07-20",
        Some("Nghe An"),
    );
    let found = worked_with(&doc);
    let (id, name) = found.first().expect("a visited commune");
    assert_eq!(name, "Do Luong", "{found:?}");
    assert_eq!(province_of(id), "Nghệ An");
}

#[test]
fn a_word_without_marks_beside_marked_words_is_no_lexicon_word() {
    // "cơ quan" (agency) is no "quận" (district): "Đảng" after it is no place.
    let doc = run(
        "Ông Trần Văn Ba kiểm tra các đơn vị: Đảng ủy các cơ quan Đảng tỉnh Lạng Sơn và các \
         phường: Đông Kinh, Kỳ Lừa.",
        Lang::Vi,
        "2025-08-01",
        None,
    );
    assert!(
        !doc.entities.iter().any(|e| e.name == "Dang"),
        "{:?}",
        doc.entities.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    // The same words without any diacritics still read the level word.
    let plain = run(
        "Ong Tran Van Ba tham quan Dong Kinh, quan Hai Ba Trung.",
        Lang::Vi,
        "2024-08-01",
        Some("Ha Noi"),
    );
    assert!(plain.entities.iter().any(|e| e.name == "Hai Ba Trung"));
}

#[test]
fn a_post_that_begins_without_a_level_is_placed_by_the_run() {
    // Elected in the province whose posts the run gives.
    let doc = run(
        "Hội đồng đã bầu ông Trần Văn Ba – Phó Bí thư Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Cao \
         Bằng, làm Chủ tịch HĐND",
        Lang::Vi,
        "2024-11-12",
        Some("Lang Son"),
    );
    let posts: Vec<String> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds)
        .map(|r| r.to.to_string())
        .collect();
    assert!(
        posts
            .iter()
            .any(|p| p == "post:cao-bang-peoples-council-chair"),
        "{posts:?}"
    );
}

#[test]
fn an_aside_in_parentheses_does_not_end_a_run_of_titles() {
    let doc = run(
        "Le Bureau politique a nommé M. Tran Van Ba au poste de secrétaire du Comité \
         provincial du Parti de Can Tho (nouveau) pour le mandat 2020-2025 et chef de la \
         délégation de l'Assemblée nationale.",
        Lang::Fr,
        "2025-07-01",
        None,
    );
    let posts: Vec<String> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds)
        .map(|r| r.to.to_string())
        .collect();
    assert!(
        posts.iter().any(|p| p == "post:can-tho-na-delegation-head"),
        "{posts:?}"
    );
}

/// The names of the posts each person holds: (person name, post name).
fn post_areas(doc: &Document) -> Vec<(String, String)> {
    let name = |id: &EntityId| {
        doc.entities
            .iter()
            .find(|e| &e.id == id)
            .map_or(String::new(), |e| e.name.clone())
    };
    let mut out: Vec<(String, String)> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds)
        .map(|r| (name(&r.from), name(&r.to)))
        .collect();
    out.sort();
    out
}

#[test]
fn a_city_named_like_its_province_is_the_provincial_city_not_the_province() {
    // A city party committee of a province's capital, in three languages of our own.
    for (text, lang) in [
        (
            "Herr Tran Van Ba, Sekretär des Parteikomitees der Stadt Nghe An, nahm an der \
             Sitzung teil.",
            Lang::De,
        ),
        (
            "Comrade Tran Van Ba was appointed Secretary of the Nghe An City Party Committee.",
            Lang::En,
        ),
    ] {
        let doc = run(text, lang, "2024-05-01", Some("Nghe An"));
        let areas = post_areas(&doc);
        assert!(
            areas
                .iter()
                .any(|(p, a)| p == "Tran Van Ba" && a.contains("Nghe An City Party Committee")),
            "{lang:?}: {areas:?}"
        );
    }
    // A centrally-run city stays the city itself.
    let doc = run(
        "Comrade Tran Van Ba was appointed Secretary of the Hai Phong City Party Committee.",
        Lang::En,
        "2025-08-01",
        None,
    );
    let areas = post_areas(&doc);
    assert!(
        areas
            .iter()
            .any(|(p, a)| p == "Tran Van Ba" && a.contains("Hai Phong Party Committee")),
        "{areas:?}"
    );
}
