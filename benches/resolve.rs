//! Resolving synthetic person mentions at growing sizes, to show near-linear time.
//!
//! `cargo bench --bench resolve` (optionally `-- 1000000` for the largest size). Each
//! real person is mentioned in four articles, in Latin with or without diacritics, and
//! holds one post in one of 34 provinces; names repeat (20 surnames × 10 middle × 100
//! given syllables), so name buckets hold many different people, as real data does.

use std::time::Instant;

use govgraph::model::{
    Alias, AreaLevel, Classification, Document, Entity, EntityId, EntityKind, Evidence, Lang,
    Method, PartialDate, Relation, RelationKind, Role,
};
use govgraph::resolve::resolve;

const SURNAMES: [&str; 20] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Mai", "Đoàn", "Giáp", "Phùng",
];
const MIDDLE: [&str; 10] = [
    "Văn", "Thị", "Đức", "Thanh", "Quang", "Xuân", "Hoàng", "Tiến", "Việt", "Minh",
];
const GIVEN: [&str; 20] = [
    "An", "Anh", "Bình", "Châu", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Khánh", "Lâm", "Long",
    "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tú", "Vinh",
];
const GIVEN2: [&str; 5] = ["", "h", "n", "nh", "ng"];

fn entity(id: String, kind: EntityKind) -> Entity {
    Entity {
        name: id.clone(),
        id: EntityId::new(id),
        kind,
        aliases: Vec::new(),
        note: None,
    }
}

fn structure() -> Document {
    let mut doc = Document::default();
    for p in 0..34 {
        let area = format!("area:province-{p}");
        doc.entities
            .push(entity(area.clone(), EntityKind::area(AreaLevel::Province)));
        let org = format!("org:province-{p}-peoples-committee");
        doc.entities.push(entity(
            org.clone(),
            EntityKind::Organization {
                classification: Classification::PeoplesCommittee,
            },
        ));
        doc.relations.push(Relation {
            kind: RelationKind::Within,
            from: EntityId::new(org.clone()),
            to: EntityId::new(area),
            as_of: None,
            start: None,
            end: None,
            evidence: Vec::new(),
        });
        for r in 0..30 {
            let post = format!("post:province-{p}-peoples-committee-{r}");
            doc.entities.push(entity(
                post.clone(),
                EntityKind::Post {
                    role: Role::ViceChair,
                },
            ));
            doc.relations.push(Relation {
                kind: RelationKind::PostOf,
                from: EntityId::new(post),
                to: EntityId::new(org.clone()),
                as_of: None,
                start: None,
                end: None,
                evidence: Vec::new(),
            });
        }
    }
    doc
}

/// `mentions` mentions of `mentions / 4` people, spread over articles of 100 mentions.
fn extracted(mentions: usize) -> Vec<Document> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let people = mentions / 4;
    let mut docs: Vec<Document> = Vec::new();
    for m in 0..mentions {
        let doc_index = m / 100;
        if docs.len() <= doc_index {
            let mut doc = Document::default();
            doc.entities.push(entity(
                format!("source:a{doc_index}"),
                EntityKind::Source {
                    url: String::new(),
                    lang: Lang::En,
                    date: Some(PartialDate::year(2020 + (doc_index % 6) as u16)),
                    translation_of: None,
                },
            ));
            docs.push(doc);
        }
        let person = (next() as usize) % people;
        let surname = SURNAMES[person % 20];
        let middle = MIDDLE[(person / 20) % 10];
        let given = format!(
            "{}{}",
            GIVEN[(person / 200) % 20],
            GIVEN2[(person / 4000) % 5]
        );
        let mut name = format!("{surname} {middle} {given}");
        if next() % 2 == 0 {
            name = govgraph::text::fold(&name);
        }
        let source = format!("source:a{doc_index}");
        let id = format!("person:m{m}");
        let doc = &mut docs[doc_index];
        doc.entities.push(Entity {
            id: EntityId::new(id.clone()),
            name: name.clone(),
            kind: EntityKind::Person,
            aliases: vec![Alias {
                text: name,
                lang: Lang::En,
                source: Some(EntityId::new(source.clone())),
            }],
            note: None,
        });
        doc.relations.push(Relation {
            kind: RelationKind::Holds,
            from: EntityId::new(id),
            to: EntityId::new(format!(
                "post:province-{}-peoples-committee-{}",
                person % 34,
                (person / 34) % 30
            )),
            as_of: Some(PartialDate::year(2020 + (doc_index % 6) as u16)),
            start: None,
            end: None,
            evidence: vec![Evidence {
                source: EntityId::new(source),
                quote: "".into(),
                span: None,
                method: Method::Extracted {
                    rule: "bench".into(),
                    confidence: 90,
                },
            }],
        });
    }
    docs
}

fn main() {
    let largest: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let curated = structure();
    let mut size = largest / 8;
    while size <= largest {
        let docs = extracted(size);
        let start = Instant::now();
        let resolution = resolve(&curated, &docs, &[]);
        let seconds = start.elapsed().as_secs_f64();
        let people = resolution
            .document
            .entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Person))
            .count();
        println!(
            "{size:>8} mentions -> {people:>7} people, {:>5} candidates: {seconds:>7.2} s ({:.2} µs/mention)",
            resolution.report.candidates.len(),
            seconds * 1e6 / size as f64
        );
        size *= 2;
    }
}
