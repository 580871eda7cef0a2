//! Unplaced posts placed through their officials, on articles of our own writing, taken
//! through the whole pipeline (extraction, resolution, precedence).

use super::PLACED_CONFIDENCE;
use crate::extract::{SiteTable, extract_article};
use crate::model::{Document, Method, RelationKind};
use crate::pipeline::{Combined, Extracted, combine_curated};

/// The province is never named: only "Tỉnh ủy", "HĐND tỉnh", "UBND tỉnh".
const UNNAMED: &str = "---\nsource: https://example.vn/hoi-nghi-tinh-uy\nlang: vi\ndate: 2024-03-05\n---\n\
Ngày 5-3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Các đồng chí: Hoàng Minh Tâm, Phó Bí thư \
Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Vũ Đức Hải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì \
hội nghị.\n";

/// A later article that names the province of one of them.
const NAMED: &str = "---\nsource: https://example.vn/dai-hoi-cao-bang\nlang: vi\ndate: 2025-09-20\n---\n\
Đại hội Đảng bộ tỉnh Cao Bằng lần thứ XX bầu Ban Chấp hành. Đồng chí Hoàng Minh Tâm được bầu \
làm Phó Bí thư Thường trực Tỉnh ủy Cao Bằng.\n";

/// An article whose officials serve in two different provinces.
const TWO_PLACES: &str = "---\nsource: https://example.vn/hai-tinh\nlang: vi\ndate: 2024-06-01\n---\n\
Ngày 1-6, đồng chí Đinh Thị Mai, Chủ tịch HĐND tỉnh, và đồng chí Lý Văn Bình, Bí thư Tỉnh ủy, dự \
hội nghị.\n";

const OTHER_PROVINCE: &str = "---\nsource: https://example.vn/lao-cai\nlang: vi\ndate: 2025-10-02\n---\n\
Đồng chí Lý Văn Bình, Bí thư Tỉnh ủy Lào Cai, phát biểu tại hội nghị.\n";

const THIRD_PROVINCE: &str = "---\nsource: https://example.vn/ha-giang\nlang: vi\ndate: 2024-01-10\n---\n\
Đồng chí Đinh Thị Mai, Chủ tịch HĐND tỉnh Hà Giang, chủ trì kỳ họp.\n";

fn build(articles: &[(&str, &str)]) -> Combined {
    let extracted = articles
        .iter()
        .map(|(stem, text)| {
            let extraction = extract_article(stem, text, &SiteTable::builtin());
            Extracted {
                diagnostics: extraction.diagnostics.len(),
                document: extraction.document,
            }
        })
        .collect();
    combine_curated(Document::default(), &[], extracted, Vec::new())
}

/// The posts `person` holds, with the rules and confidences of the evidence from `source`.
fn posts_of(document: &Document, person: &str, source: &str) -> Vec<(String, String, u8)> {
    let mut out = Vec::new();
    for relation in &document.relations {
        if relation.kind != RelationKind::Holds || relation.from.as_str() != person {
            continue;
        }
        for evidence in &relation.evidence {
            if evidence.source.as_str() != source {
                continue;
            }
            if let Method::Extracted { rule, confidence } = &evidence.method {
                out.push((relation.to.to_string(), rule.clone(), *confidence));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn an_article_that_names_no_province_is_placed_where_its_officials_serve() {
    // Alone, the article's posts are unplaced.
    let alone = build(&[("unnamed", UNNAMED)]);
    let posts = posts_of(&alone.document, "person:vu-duc-hai", "source:unnamed");
    assert!(
        posts.iter().all(|(post, _, _)| post.contains("unplaced")),
        "{posts:?}"
    );
    assert_eq!(alone.placing.articles, 0);
    assert_eq!(alone.placing.unplaced_articles, 1);

    let both = build(&[("unnamed", UNNAMED), ("named", NAMED)]);
    assert_eq!(both.placing.articles, 1);
    // The official the other article places votes for Cao Bằng …
    let tam = posts_of(&both.document, "person:hoang-minh-tam", "source:unnamed");
    assert!(
        tam.contains(&(
            "post:cao-bang-party-committee-standing-deputy-secretary".to_string(),
            "vi.title-run+placed-by-officials".to_string(),
            PLACED_CONFIDENCE
        )),
        "{tam:?}"
    );
    // … and every unplaced post of the article goes there, his colleague's too.
    let hai = posts_of(&both.document, "person:vu-duc-hai", "source:unnamed");
    let ids: Vec<&str> = hai.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(
        ids,
        [
            "post:cao-bang-party-committee-deputy-secretary",
            "post:cao-bang-peoples-committee-chair"
        ],
        "{hai:?}"
    );
    assert!(
        hai.iter()
            .all(|(_, rule, c)| rule.ends_with("+placed-by-officials") && *c <= PLACED_CONFIDENCE)
    );
    // The placed body lies in the province, and no placeholder is left.
    let doc = &both.document;
    assert!(doc.relations.iter().any(|r| r.kind == RelationKind::Within
        && r.from.as_str() == "org:cao-bang-peoples-committee"
        && r.to.as_str().starts_with("area:")));
    assert!(
        doc.entities
            .iter()
            .all(|e| !e.id.as_str().contains("unplaced")),
        "{:?}",
        doc.entities
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
    );
    // The named article's own fact is untouched.
    let named = posts_of(doc, "person:hoang-minh-tam", "source:named");
    assert!(
        named.iter().any(|(p, rule, _)| p
            == "post:cao-bang-party-committee-standing-deputy-secretary"
            && !rule.contains("placed-by-officials")),
        "{named:?}"
    );
}

#[test]
fn officials_of_two_provinces_leave_the_article_unplaced_with_placeholders_of_its_own() {
    let combined = build(&[
        ("unnamed", UNNAMED),
        ("named", NAMED),
        ("two-places", TWO_PLACES),
        ("lao-cai", OTHER_PROVINCE),
        ("ha-giang", THIRD_PROVINCE),
    ]);
    assert_eq!(combined.placing.articles, 1, "{:?}", combined.placing);
    assert_eq!(combined.placing.unplaced_articles, 1);
    let doc = &combined.document;
    let binh = posts_of(doc, "person:ly-van-binh", "source:two-places");
    assert_eq!(
        binh.iter().map(|(p, _, _)| p.as_str()).collect::<Vec<_>>(),
        ["post:unplaced-party-committee-secretary-in-two-places"],
        "{binh:?}"
    );
    // The article's placeholders are its own: no other article's holder shares them.
    let holders: Vec<&str> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Holds && r.to.as_str().contains("unplaced"))
        .flat_map(|r| r.evidence.iter().map(|e| e.source.as_str()))
        .collect();
    assert!(!holders.is_empty());
    assert!(
        holders.iter().all(|s| *s == "source:two-places"),
        "{holders:?}"
    );
    let body = doc
        .entities
        .iter()
        .find(|e| e.id.as_str() == "org:unplaced-party-committee-in-two-places")
        .expect("the article's own placeholder body");
    assert_eq!(body.name, "Party Committee (place unknown, in two-places)");
}

#[test]
fn a_document_without_placeholders_is_left_as_it_is() {
    let combined = build(&[("named", NAMED), ("lao-cai", OTHER_PROVINCE)]);
    assert_eq!(combined.placing, super::Placing::default());
}
