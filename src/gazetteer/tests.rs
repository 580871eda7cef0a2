//! Parsing a gazetteer (good, corrupt, truncated, wrong version) and the 2025 mergers in
//! the committed data.

use super::*;

const SMALL: &str = "#govgraph-gazetteer 1
#sources\ttest
#counts\tnew-commune=2\tnew-province=1\told-commune=1\told-district=1\told-province=1
id\tlevel\ttype\tname\tparent\tera\tlat\tlon\tsuccessors
vn-01\tprovince\ttinh\tBắc Sơn\t\tnew\t21.0\t106.0\t
vn-00010\tcommune\txa\tĐông Lâm\tvn-01\tnew\t21.1\t106.1\t
vn-00020\tcommune\tphuong\tTây Lâm\tvn-01\tnew\t\t\t
vn-old-01\tprovince\ttinh\tBắc Sơn\t\told\t\t\tvn-01
vn-old-001\tdistrict\thuyen\tĐông Lâm\tvn-old-01\told\t\t\tvn-01
vn-old-00010\tcommune\tthi-tran\tĐông Lâm\tvn-old-001\told\t\t\tvn-00010,vn-00020
";

#[test]
fn a_small_gazetteer_parses_with_parents_successors_and_names() {
    let g = parse(SMALL).unwrap();
    assert_eq!(g.len(), 6);
    let found = g.find("Dong Lam");
    assert_eq!(found.len(), 3);
    assert_eq!(
        g.unit(found[0]).code_id,
        "vn-00010",
        "2025 units come first"
    );
    let district = g.find("huyện Đông Lâm");
    assert_eq!(district.len(), 1);
    assert_eq!(g.unit(district[0]).level, Level::District);
    let old = g.by_id("area:vn-old-00010").unwrap();
    let succ: Vec<_> = g
        .successors(old)
        .iter()
        .map(|&i| g.unit(i).code_id.as_str())
        .collect();
    assert_eq!(succ, ["vn-00010", "vn-00020"]);
    assert_eq!(g.predecessors(g.by_id("vn-00020").unwrap()), [old]);
    assert_eq!(g.unit(g.province_of(old)).code_id, "vn-old-01");
    assert_eq!(g.unit(g.current_province(old)).code_id, "vn-01");
    let date: PartialDate = "2025-06-30".parse().unwrap();
    assert!(g.unit(old).valid_on(&date));
    assert!(!g.unit(g.by_id("vn-00010").unwrap()).valid_on(&date));
}

fn err(text: &str) -> (usize, usize, String) {
    let e = parse(text).unwrap_err();
    let (l, c) = e.position();
    (l, c, e.to_string())
}

#[test]
fn wrong_version_is_reported_at_line_one() {
    let (l, c, m) = err(&SMALL.replace("gazetteer 1", "gazetteer 7"));
    assert_eq!((l, c), (1, 1));
    assert!(m.contains("not a gazetteer of this version"), "{m}");
    assert!(matches!(
        parse("").unwrap_err(),
        GazetteerError::Version { .. }
    ));
}

#[test]
fn truncated_files_are_caught_mid_line_and_at_a_line_boundary() {
    let cut = &SMALL[..SMALL.len() - 20];
    let e = parse(cut).unwrap_err();
    assert!(
        matches!(e, GazetteerError::Truncated { line: 10, .. }),
        "{e}"
    );
    let lines: Vec<&str> = SMALL.lines().collect();
    let whole_lines = lines[..8].join("\n") + "\n";
    let e = parse(&whole_lines).unwrap_err();
    assert!(
        matches!(e, GazetteerError::Truncated { line: 3, .. }),
        "{e}"
    );
    assert!(
        e.to_string().contains("promises 6 units and holds 4"),
        "{e}"
    );
    let e = parse(&lines[..2].join("\n")).unwrap_err();
    assert!(matches!(e, GazetteerError::Truncated { .. }), "{e}");
}

#[test]
fn corrupt_fields_are_reported_at_their_column() {
    let (l, c, m) = err(&SMALL.replace("\tnew\t21.1\t", "\tnew\tnorth\t"));
    assert_eq!((l, c), (6, 40));
    assert!(m.contains("malformed coordinate `north`"), "{m}");
    let (l, _, m) = err(&SMALL.replace("vn-00010,vn-00020", "vn-00010,vn-99999"));
    assert_eq!(l, 10);
    assert!(m.contains("unknown unit `vn-99999`"), "{m}");
    let (l, _, m) = err(&SMALL.replace("\tcommune\tphuong", "\tcommune\tkingdom"));
    assert_eq!(l, 7);
    assert!(m.contains("unknown division type"), "{m}");
    let (l, _, m) = err(&SMALL.replace(
        "vn-old-001\tdistrict\thuyen\tĐông Lâm\tvn-old-01\told\t\t\tvn-01",
        "vn-old-001\tdistrict\thuyen\tĐông Lâm\tvn-old-01\told\t\t\t",
    ));
    assert_eq!(l, 9);
    assert!(m.contains("needs its successor"), "{m}");
    let (l, _, m) = err(&SMALL.replace("vn-00020\tcommune", "vn-00010\tcommune"));
    assert_eq!(l, 7);
    assert!(m.contains("duplicate id"), "{m}");
    let (l, _, m) = err(&SMALL.replace("\tvn-old-001\told", "\tvn-old-01\told"));
    assert_eq!(l, 10);
    assert!(m.contains("parent one level up"), "{m}");
    let (_, _, m) = err(&SMALL.replace("\tTây Lâm\tvn-01\tnew\t\t\t\n", "\tTây Lâm\tvn-01\tnew\n"));
    assert!(
        m.contains("expected 9 tab-separated columns, found 6"),
        "{m}"
    );
}

fn province(g: &Gazetteer, name: &str, era: Era) -> usize {
    g.find(name)
        .into_iter()
        .find(|&i| g.unit(i).level == Level::Province && g.unit(i).era == era)
        .unwrap_or_else(|| panic!("no {era:?} province {name}"))
}

#[test]
fn the_committed_gazetteer_holds_both_maps() {
    let g = Gazetteer::embedded();
    let count = |era, level| {
        g.units()
            .iter()
            .filter(|u| u.era == era && u.level == level)
            .count()
    };
    assert_eq!(count(Era::New, Level::Province), 34);
    assert_eq!(count(Era::New, Level::Commune), 3321);
    assert_eq!(count(Era::Old, Level::Province), 63);
    assert_eq!(count(Era::Old, Level::District), 696);
    assert!(count(Era::Old, Level::Commune) >= 10_000);
    assert!(g.sources.contains("vietnamadminunits==1.0.4"));
}

#[test]
fn the_2025_mergers() {
    let g = Gazetteer::embedded();
    let into = |old: &str| {
        let i = province(g, old, Era::Old);
        g.unit(g.merged_into(i).unwrap()).name.clone()
    };
    for old in ["Hà Nam", "Nam Định", "Ninh Bình"] {
        assert_eq!(into(old), "Ninh Bình", "{old}");
    }
    assert_eq!(into("Hà Giang"), "Tuyên Quang");
    assert_eq!(into("Hải Dương"), "Hải Phòng");
    assert_eq!(into("Lạng Sơn"), "Lạng Sơn");
    let ninh_binh = province(g, "Ninh Binh", Era::New);
    let mut olds: Vec<_> = g
        .predecessors(ninh_binh)
        .iter()
        .filter(|&&i| g.unit(i).level == Level::Province)
        .map(|&i| g.unit(i).name.as_str())
        .collect();
    olds.sort();
    assert_eq!(olds, ["Hà Nam", "Nam Định", "Ninh Bình"]);
}

#[test]
fn huu_lung_was_a_district_and_is_a_commune() {
    let g = Gazetteer::embedded();
    let found = g.find("Huu Lung");
    let district = found
        .iter()
        .copied()
        .find(|&i| g.unit(i).level == Level::District)
        .unwrap();
    assert_eq!(g.unit(g.province_of(district)).name, "Lạng Sơn");
    let commune = found
        .iter()
        .copied()
        .find(|&i| g.unit(i).level == Level::Commune && g.unit(i).era == Era::New)
        .unwrap();
    assert_eq!(g.unit(commune).name, "Hữu Lũng");
    assert_eq!(g.unit(g.province_of(commune)).name, "Lạng Sơn");
    assert_eq!(g.find("Hữu Lũng"), found);
}
