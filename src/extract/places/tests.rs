//! Placing articles of our own writing by the communes, wards and districts they name.

use super::*;

fn index() -> &'static PlaceIndex<'static> {
    PlaceIndex::embedded()
}

fn placed(text: &str, date: &str) -> Option<String> {
    let idx = index();
    let date: PartialDate = date.parse().unwrap();
    idx.place(text, Some(date)).map(|p| {
        let u = idx.gazetteer().unit(p.province);
        format!("{} {}", u.code_id, u.name)
    })
}

#[test]
fn a_name_of_two_provinces_is_settled_by_its_neighbours_in_the_list() {
    // Đông Kinh is a ward of Lạng Sơn and a commune of Hà Tĩnh.
    let north = "The delegation met the party cells of Đông Kinh, Kỳ Lừa and Tam Thanh wards \
                 and listened to their plans for the winter.";
    assert_eq!(
        placed(north, "2025-09-12").as_deref(),
        Some("vn-20 Lạng Sơn")
    );
    let south = "Cán bộ đã về các xã Đông Kinh, Can Lộc, Tùng Lộc và Hồng Lộc để kiểm tra \
                 công tác chuẩn bị.";
    assert_eq!(
        placed(south, "2025-09-12").as_deref(),
        Some("vn-42 Hà Tĩnh")
    );
}

#[test]
fn one_name_alone_does_not_place_an_article() {
    assert_eq!(
        placed("A festival was held in Đông Kinh last week.", "2025-09-12"),
        None
    );
    assert_eq!(placed("Nothing here names a place.", "2025-09-12"), None);
}

#[test]
fn an_article_before_the_reorganization_names_a_district_and_its_communes() {
    let text = "Ngày 12/3, đoàn công tác đã làm việc tại huyện Hữu Lũng, thăm các xã \
                Đồng Tân, Hồ Sơn và Minh Tiến.";
    assert_eq!(
        placed(text, "2024-03-12").as_deref(),
        Some("vn-old-20 Lạng Sơn")
    );
    let named = index().names(text, Some("2024-03-12".parse().unwrap()));
    let g = index().gazetteer();
    let district = named
        .iter()
        .flat_map(|n| &n.units)
        .find(|&&i| g.unit(i).level == Level::District)
        .expect("the district is named");
    assert_eq!(g.unit(*district).name, "Hữu Lũng");
    assert!(
        named
            .iter()
            .all(|n| n.units.iter().all(|&i| g.unit(i).era == Era::Old))
    );
}

#[test]
fn an_abolished_district_after_2025_is_read_as_what_it_was() {
    let text = "Residents of the former Hữu Lũng and Cao Lộc districts welcomed the new \
                commune officials.";
    let idx = index();
    let date: PartialDate = "2025-10-02".parse().unwrap();
    let placement = idx.place(text, Some(date)).expect("placed");
    let g = idx.gazetteer();
    assert_eq!(g.unit(placement.province).code_id, "vn-20");
    let district = placement
        .named
        .iter()
        .flat_map(|n| &n.units)
        .copied()
        .find(|&i| g.unit(i).level == Level::District && g.unit(i).name == "Cao Lộc")
        .expect("the old district is named");
    assert_eq!(g.unit(g.successors(district)[0]).name, "Lạng Sơn");
}

#[test]
fn arabic_spellings_are_romanized_before_matching() {
    let text = "زار الوفد كاو لوك وهوو لونغ";
    let named = index().names(text, None);
    assert!(!named.is_empty());
}

#[test]
fn the_2025_mergers_place_old_names_in_the_new_province() {
    // Communes of the former Hà Giang, named after the merger, place Tuyên Quang.
    let text = "The group worked with Pà Vầy Sủ and Đồng Văn communes.";
    assert_eq!(
        placed(text, "2025-09-01").as_deref(),
        Some("vn-08 Tuyên Quang")
    );
}

#[test]
fn an_undated_text_is_read_on_todays_map() {
    // These communes existed in the former Hà Giang and still exist, under the same
    // names, in Tuyên Quang: without a date they are where they lie now.
    let text = "Đoàn đã làm việc với Đảng ủy các xã Lũng Cú, Khâu Vai và Du Già.";
    let idx = index();
    let p = idx.place(text, None).expect("placed");
    let u = idx.gazetteer().unit(p.province);
    assert_eq!(format!("{} {}", u.code_id, u.name), "vn-08 Tuyên Quang");
    // Dated before the merger, the same list places the old province.
    assert_eq!(
        placed(text, "2024-05-10").as_deref(),
        Some("vn-old-02 Hà Giang")
    );
}

#[test]
fn arabic_place_names_are_found_through_the_romanizer() {
    let text = "زار الوفد دونغ كينه و كي لوا و تام ثانه";
    let keys: Vec<String> = index()
        .names(text, None)
        .into_iter()
        .map(|n| n.key)
        .collect();
    assert!(keys.len() >= 2, "{keys:?}");
    let placed = index()
        .place(text, "2025-09-01".parse().ok())
        .expect("placed");
    assert_eq!(index().gazetteer().unit(placed.province).code_id, "vn-20");
}
