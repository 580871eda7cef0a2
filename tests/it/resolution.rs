//! Resolution on extraction alone: the five sample articles, extracted with no curated
//! records to lean on, must resolve to exactly one node per real person.

use std::collections::BTreeMap;

use govgraph::extract::{self, SiteTable};
use govgraph::load;
use govgraph::model::{Document, Kind, Lang};
use govgraph::resolve;
use govgraph::text::search_key;

use crate::support::root;

fn resolved_from_articles_alone() -> Document {
    let dataset = load::load_data_dir(&root().join("data")).expect("data/ is valid");
    let documents: Vec<Document> = dataset
        .articles
        .values()
        .map(|a| extract::extract_article(&a.stem, &a.text, &SiteTable::builtin()).document)
        .collect();
    resolve::resolve(&Document::default(), &documents, &[]).document
}

#[test]
fn the_five_samples_resolve_to_one_node_per_real_person() {
    let resolved = resolved_from_articles_alone();
    let curated = load::load_data_dir(&root().join("data")).unwrap().document;
    let people: Vec<_> = resolved
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
        .collect();
    // The curated people are the real people of the five articles (a careful reader's list).
    let real: Vec<_> = curated
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
        .collect();
    for person in &people {
        assert!(
            person.name.is_ascii(),
            "`{}` has no Latin name",
            person.name
        );
    }
    // A real person is found through the spellings the articles use (an ambiguous Arabic
    // syllable, such as توان for Toan or Tuan, may romanize otherwise than the curator chose).
    let spellings = |e: &govgraph::model::Entity| -> Vec<String> {
        std::iter::once(search_key(&e.name))
            .chain(e.aliases.iter().map(|a| search_key(&a.text)))
            .collect()
    };
    let listing: BTreeMap<&str, &str> = people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    for person in &real {
        let wanted = spellings(person);
        let matches: Vec<&str> = people
            .iter()
            .filter(|p| spellings(p).iter().any(|s| wanted.contains(s)))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(
            matches.len(),
            1,
            "{}: {matches:?} (resolved: {listing:?})",
            person.name
        );
    }
    assert_eq!(people.len(), real.len(), "resolved: {listing:?}");
}

#[test]
fn the_arabic_and_german_hai_phong_articles_merge_name_for_name() {
    let resolved = resolved_from_articles_alone();
    for name in [
        "Le Tien Chau",
        "Pham Van Lap",
        "Bui Duc Quang",
        "Nguyen Duc Tho",
        "La Thanh Tan",
    ] {
        let person = resolved
            .entities
            .iter()
            .find(|e| e.kind() == Kind::Person && e.name == name)
            .unwrap_or_else(|| panic!("{name} not found"));
        let sources: Vec<&str> = person
            .aliases
            .iter()
            .filter_map(|a| a.source.as_ref().map(|s| s.as_str()))
            .collect();
        assert!(
            sources.contains(&"source:000-hai-phong-ar"),
            "{name}: {:?}",
            person.aliases
        );
        assert!(
            sources.contains(&"source:004-hai-phong-de"),
            "{name}: {:?}",
            person.aliases
        );
    }
}

#[test]
fn three_arabic_spellings_of_tran_quyet_thang_are_one_node() {
    let resolved = resolved_from_articles_alone();
    let matching: Vec<_> = resolved
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person && search_key(&e.name) == "tran quyet thang")
        .collect();
    assert_eq!(matching.len(), 1);
    let arabic: Vec<&str> = matching[0]
        .aliases
        .iter()
        .filter(|a| a.lang == Lang::Ar)
        .map(|a| a.text.as_str())
        .collect();
    for spelling in ["تران كويت ثانج", "تران كويت ثانغ", "تران كويت تانغ"]
    {
        assert!(
            arabic.contains(&spelling),
            "{spelling} missing from {arabic:?}"
        );
    }
}
