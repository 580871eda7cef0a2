//! The decisions: when two name-matching mentions are one person, when they must not be,
//! and the words that say why.
//!
//! - **Names.** Keys ([`crate::names`]) propose; diacritics then dispose: two names both
//!   written with Vietnamese marks that differ in a marked syllable (`Đình`/`Định`) are two
//!   people, whatever else they share. A syllable written without marks cannot be compared
//!   and does not count against a match (`Dinh` fits `Đình` and `Định`).
//! - **Contradiction.** One person does not hold current posts in two provinces at the same
//!   time. Two clusters whose dated, current provincial posts overlap in time in provinces
//!   that are not one (the same, or one merged into the other as of the later post's date)
//!   are kept apart, unless an article in either reports a move between the two (a post
//!   left in one, a post held in the other). Former (ended) posts never contradict.
//! - **Reasons** name the posts, places and dates in plain words.

use std::collections::HashMap;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Entity, EntityId, PartialDate};
use crate::names::{NameKey, NameMatch, Syllables, has_arabic, name_key};

use super::conflicts::Day;
use super::context::{Context, Feature, Holding, World};

/// The distinct name spellings of a run: their keys and, when written with Vietnamese
/// marks, their marked syllables.
#[derive(Default)]
pub struct Names<'a> {
    index: HashMap<&'a str, (u32, Option<u32>)>,
    pub keys: Vec<NameKey>,
    pub marked: Vec<Syllables>,
}

impl<'a> Names<'a> {
    /// [`Names::add`] for each of `texts`, in order, the keys of the new ones computed on
    /// every core first: the numbers are those adding them one by one gives.
    pub fn add_all(&mut self, texts: &[&'a str]) {
        use rayon::prelude::*;
        let mut seen: crate::model::FastSet<&str> = Default::default();
        let new: Vec<&'a str> = texts
            .iter()
            .copied()
            .filter(|t| !self.index.contains_key(t) && seen.insert(t))
            .collect();
        drop(seen);
        let computed: Vec<(NameKey, Option<Syllables>)> = new
            .par_iter()
            .map(|text| (name_key(text), marked(text)))
            .collect();
        for (text, (key, syllables)) in new.into_iter().zip(computed) {
            self.insert(text, key, syllables);
        }
    }

    /// The key number and marked-spelling number of `text`.
    pub fn add(&mut self, text: &'a str) -> (u32, Option<u32>) {
        if let Some(&found) = self.index.get(text) {
            return found;
        }
        self.insert(text, name_key(text), marked(text))
    }

    /// Numbers a new spelling with its key and marked syllables.
    fn insert(
        &mut self,
        text: &'a str,
        key: NameKey,
        syllables: Option<Syllables>,
    ) -> (u32, Option<u32>) {
        let number = self.keys.len() as u32;
        self.keys.push(key);
        let marked = syllables.map(|syllables| {
            self.marked.push(syllables);
            (self.marked.len() - 1) as u32
        });
        self.index.insert(text, (number, marked));
        (number, marked)
    }
}

/// [`marked_syllables`], held as one string.
fn marked(text: &str) -> Option<Syllables> {
    marked_syllables(text).map(|syllables| Syllables::of(syllables.iter().map(String::as_str)))
}

/// The lowercase composed syllables of a Latin name that carries diacritics.
fn marked_syllables(text: &str) -> Option<Vec<String>> {
    if text.is_ascii() || has_arabic(text) {
        return None;
    }
    Some(
        text.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| {
                w.nfc()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect(),
    )
}

/// The first pair of syllables both written with marks that differ, when two marked
/// spellings of the same length disagree.
pub fn marks_differ<'s>(a: &'s Syllables, b: &'s Syllables) -> Option<(&'s str, &'s str)> {
    if a.len() != b.len() {
        return None;
    }
    a.iter()
        .zip(b.iter())
        .find(|(x, y)| !x.is_ascii() && !y.is_ascii() && x != y)
}

/// One person entity as one document gives it.
pub struct Mention<'a> {
    /// 0 for the curated document, i + 1 for `extracted[i]`.
    pub document: usize,
    pub entity: &'a Entity,
    /// Numbers in [`Names::keys`], sorted.
    pub keys: Vec<u32>,
    /// Numbers in [`Names::marked`], sorted.
    pub marks: Vec<u32>,
    pub context: Context,
}

impl Mention<'_> {
    /// How the names compare: the best match of any two spellings, unless two marked
    /// spellings disagree, which makes them different.
    pub fn name_match(&self, other: &Mention, names: &Names) -> NameMatch {
        if self.marks_conflict(&other.marks, names).is_some() {
            return NameMatch::Different;
        }
        self.key_match(other, names)
    }

    /// How the name keys compare, diacritics aside.
    pub fn key_match(&self, other: &Mention, names: &Names) -> NameMatch {
        let mut best = NameMatch::Different;
        for &a in &self.keys {
            for &b in &other.keys {
                best = best.min(names.keys[a as usize].compare(&names.keys[b as usize]));
            }
        }
        best
    }

    fn marks_conflict<'n>(&self, other: &[u32], names: &'n Names) -> Option<(&'n str, &'n str)> {
        marks_conflict(&self.marks, other, names)
    }
}

/// The first disagreement between two sets of marked spellings.
pub fn marks_conflict<'n>(a: &[u32], b: &[u32], names: &'n Names) -> Option<(&'n str, &'n str)> {
    for &x in a {
        for &y in b {
            if let Some(found) = marks_differ(&names.marked[x as usize], &names.marked[y as usize])
            {
                return Some(found);
            }
        }
    }
    None
}

/// Why a join was refused.
#[derive(Debug, Clone)]
pub enum Refusal {
    NotSame(EntityId),
    BothCurated(EntityId, EntityId),
    Diacritics(String, String),
    Contradiction(String),
}

impl Refusal {
    pub fn reason(&self) -> String {
        match self {
            Refusal::NotSame(id) => format!("a `not_same` judgement on `{id}`"),
            Refusal::BothCurated(a, b) => {
                format!("`{a}` and `{b}` are both curated people")
            }
            Refusal::Diacritics(a, b) => {
                format!("the names are written with different diacritics ({a} / {b}): two people")
            }
            Refusal::Contradiction(text) => text.clone(),
        }
    }

    /// How close the pair came: higher is closer.
    pub fn closeness(&self) -> u8 {
        match self {
            Refusal::Contradiction(_) => 4,
            Refusal::Diacritics(..) => 1,
            Refusal::NotSame(_) | Refusal::BothCurated(..) => 0,
        }
    }

    /// What would decide the pair otherwise.
    pub fn decider(&self) -> String {
        match self {
            Refusal::NotSame(_) => "decided by a curated judgement".to_string(),
            Refusal::BothCurated(..) => {
                "decided by the curated records (a `same` judgement would join them)".to_string()
            }
            Refusal::Diacritics(..) => {
                "check the spelling in both articles; a `same` judgement if one misspelt it"
                    .to_string()
            }
            Refusal::Contradiction(_) => {
                "an article reporting the move between the two provinces, or a judgement"
                    .to_string()
            }
        }
    }
}

/// A current provincial post of a cluster: province, first and last day.
type Placed = (u32, Day, Day);

/// Union-find over mentions, each cluster carrying what may not join it.
pub struct Clusters {
    parent: Vec<usize>,
    pub ids: Vec<Vec<EntityId>>,
    forbidden: Vec<Vec<EntityId>>,
    pub curated: Vec<Option<EntityId>>,
    marks: Vec<Vec<u32>>,
    /// Current provincial posts, one span per province (the hull of its posts there).
    placed: Vec<Vec<Placed>>,
    moves: Vec<Vec<(u32, u32)>>,
}

/// How strict a join is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// A `same` judgement: overrides the curated rule, diacritics and contradictions.
    Judged,
    /// One article: the article is the report of any move; diacritics still count.
    SameArticle,
    /// Every other automatic join.
    Inferred,
}

impl Clusters {
    pub fn new(mentions: &[Mention]) -> Clusters {
        let placed = mentions
            .iter()
            .map(|m| {
                let mut placed: Vec<Placed> = Vec::new();
                for (p, a, b) in m
                    .context
                    .holdings
                    .iter()
                    .filter_map(Holding::current_in_province)
                {
                    add_placed(&mut placed, (p, a, b));
                }
                placed
            })
            .collect();
        Clusters {
            parent: (0..mentions.len()).collect(),
            ids: mentions.iter().map(|m| vec![m.entity.id.clone()]).collect(),
            forbidden: vec![Vec::new(); mentions.len()],
            curated: mentions
                .iter()
                .map(|m| (m.document == 0).then(|| m.entity.id.clone()))
                .collect(),
            marks: mentions.iter().map(|m| m.marks.clone()).collect(),
            placed,
            moves: mentions.iter().map(|m| m.context.moves.clone()).collect(),
        }
    }

    /// True when the cluster holds no current provincial post.
    pub fn is_unplaced(&self, root: usize) -> bool {
        self.placed[root].is_empty()
    }

    pub fn forbid(&mut self, i: usize, id: EntityId) {
        self.forbidden[i].push(id);
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Why clusters `ra` and `rb` (roots) may not join, if they may not.
    fn refusal(
        &self,
        ra: usize,
        rb: usize,
        join: Join,
        names: &Names,
        world: &World,
    ) -> Option<Refusal> {
        let forbidden = |x: usize, y: usize| {
            if self.forbidden[y].is_empty() {
                return None;
            }
            self.ids[x]
                .iter()
                .find(|id| self.forbidden[y].contains(id))
                .cloned()
        };
        if let Some(id) = forbidden(ra, rb).or_else(|| forbidden(rb, ra)) {
            return Some(Refusal::NotSame(id));
        }
        if join == Join::Judged {
            return None;
        }
        if let (Some(x), Some(y)) = (&self.curated[ra], &self.curated[rb]) {
            return Some(Refusal::BothCurated(x.clone(), y.clone()));
        }
        if let Some((a, b)) = marks_conflict(&self.marks[ra], &self.marks[rb], names) {
            return Some(Refusal::Diacritics(a.to_string(), b.to_string()));
        }
        if join == Join::SameArticle {
            return None;
        }
        self.contradiction(ra, rb, world)
            .map(Refusal::Contradiction)
    }

    fn contradiction(&self, ra: usize, rb: usize, world: &World) -> Option<String> {
        for &(p, a0, a1) in &self.placed[ra] {
            for &(q, b0, b1) in &self.placed[rb] {
                if a0 > b1 || b0 > a1 || world.same_province(p, a1, q, b1) {
                    continue;
                }
                let reported = |m: &[(u32, u32)]| m.contains(&(p, q)) || m.contains(&(q, p));
                if reported(&self.moves[ra]) || reported(&self.moves[rb]) {
                    continue;
                }
                return Some(format!(
                    "one holds a post in {} ({}) and the other one in {} ({}) at the same time, \
                     and no article reports a move between them",
                    world.name(p),
                    days_text(a0, a1),
                    world.name(q),
                    days_text(b0, b1)
                ));
            }
        }
        None
    }

    /// Joins the clusters of `a` and `b`. Returns false when they were already one.
    pub fn union(
        &mut self,
        a: usize,
        b: usize,
        join: Join,
        names: &Names,
        world: &World,
    ) -> Result<bool, Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(false);
        }
        if let Some(refusal) = self.refusal(ra, rb, join, names, world) {
            return Err(refusal);
        }
        let (big, small) = if self.ids[ra].len() >= self.ids[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = big;
        let ids = std::mem::take(&mut self.ids[small]);
        self.ids[big].extend(ids);
        let forbidden = std::mem::take(&mut self.forbidden[small]);
        self.forbidden[big].extend(forbidden);
        for mark in std::mem::take(&mut self.marks[small]) {
            if !self.marks[big].contains(&mark) {
                self.marks[big].push(mark);
            }
        }
        for placed in std::mem::take(&mut self.placed[small]) {
            add_placed(&mut self.placed[big], placed);
        }
        for m in std::mem::take(&mut self.moves[small]) {
            if !self.moves[big].contains(&m) {
                self.moves[big].push(m);
            }
        }
        let curated = self.curated[small].take();
        if let Some(small_id) = curated {
            let keep = match self.curated[big].take() {
                Some(big_id) => big_id.min(small_id),
                None => small_id,
            };
            self.curated[big] = Some(keep);
        }
        Ok(true)
    }
}

fn add_placed(placed: &mut Vec<Placed>, (p, a, b): Placed) {
    match placed.iter_mut().find(|x| x.0 == p) {
        Some(x) => {
            x.1 = x.1.min(a);
            x.2 = x.2.max(b);
        }
        None => placed.push((p, a, b)),
    }
}

/// A span of days in words: `2025`, `2025-08`, `2025-08-04`, or `2024-03..2025-10`.
pub fn days_text(a: Day, b: Day) -> String {
    let one = |d: Day, last: bool| -> String {
        if d.0 == 0 || d.0 == u16::MAX {
            return String::new();
        }
        let whole_year = if last {
            d.1 == 12 && d.2 == 31
        } else {
            d.1 == 1 && d.2 == 1
        };
        if whole_year {
            format!("{:04}", d.0)
        } else if (!last && d.2 == 1) || (last && d.2 >= 28) {
            format!("{:04}-{:02}", d.0, d.1)
        } else {
            format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
        }
    };
    let (x, y) = (one(a, false), one(b, true));
    if x == y {
        return x;
    }
    if a.0 == b.0 && a.1 == 1 && a.2 == 1 && b.1 == 12 && b.2 == 31 {
        return format!("{:04}", a.0);
    }
    if a.0 == b.0 && a.1 == b.1 && a.2 == 1 && b.2 >= 28 {
        return format!("{:04}-{:02}", a.0, a.1);
    }
    format!("{x}..{y}")
}

fn when(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string())
        .unwrap_or_else(|| "undated".to_string())
}

/// How two names compare, in words.
pub fn name_words(name: NameMatch) -> &'static str {
    match name {
        NameMatch::Same => "same name",
        NameMatch::Compatible => "same name across scripts",
        NameMatch::Variant => "names spelled alike",
        NameMatch::Different => "different names",
    }
}

/// The mention's date for explanations: its latest.
fn mention_when(m: &Mention) -> String {
    when(m.context.last)
}

/// The posts a mention holds, with dates: `Secretary of the X Party Committee (2025-08)`.
pub fn posts_text(m: &Mention, world: &World) -> String {
    if m.context.holdings.is_empty() {
        return format!("no post ({})", mention_when(m));
    }
    let mut out = String::new();
    for (i, h) in m.context.holdings.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(out, "{}", world.name(h.post));
        let _ = write!(
            out,
            " ({}{})",
            if h.ended { "until " } else { "" },
            when(h.when)
        );
    }
    out
}

fn holding_of<'m>(m: &'m Mention, post: u32) -> Option<&'m Holding> {
    m.context.holdings.iter().find(|h| h.post == post)
}

fn holding_in(m: &Mention, world: &World, area: u32) -> Option<String> {
    m.context
        .holdings
        .iter()
        .find(|h| h.province == Some(area))
        .map(|h| format!("{} ({})", world.name(h.post), when(h.when)))
}

fn sources_text(m: &Mention, world: &World) -> String {
    let names: Vec<&str> = m.context.sources.iter().map(|&s| world.id(s)).collect();
    if names.is_empty() {
        "no article".to_string()
    } else {
        names.join(", ")
    }
}

/// Why two mentions that share `feature` are one person, in words.
pub fn shared_reason(
    feature: &Feature,
    a: &Mention,
    b: &Mention,
    name: NameMatch,
    world: &World,
) -> String {
    let name = name_words(name);
    match *feature {
        Feature::Article(source) => {
            let (sa, sb) = (sources_text(a, world), sources_text(b, world));
            if sa == sb {
                format!("{name}, both named in the article {}", world.id(source))
            } else {
                format!("{name}, named in one article and its translation ({sa} / {sb})")
            }
        }
        Feature::Post(post) => {
            let date =
                |m: &Mention| when(holding_of(m, post).and_then(|h| h.when).or(m.context.last));
            format!(
                "{name}, {} in both, {} and {}",
                world.name(post),
                date(a),
                date(b)
            )
        }
        Feature::Body(body) => format!(
            "{name}, both in the {}: {} / {}",
            world.name(body),
            posts_text(a, world),
            posts_text(b, world)
        ),
        Feature::Area(area) => {
            let post =
                |m: &Mention| holding_in(m, world, area).unwrap_or_else(|| posts_text(m, world));
            format!(
                "{name}, both in {}: {} / {}",
                world.name(area),
                post(a),
                post(b)
            )
        }
        Feature::MergedArea(n) => format!(
            "{name}, in one province since the 2025 merger into {}: {} / {}",
            world.merged_name(n),
            posts_text(a, world),
            posts_text(b, world)
        ),
    }
}

/// Why a mention with an unplaced post joined the only person so named who holds such a
/// post.
pub fn role_reason(a: &Mention, b: &Mention, name: NameMatch, world: &World) -> String {
    format!(
        "{}, the same post where one article does not say the place: {} / {}; no other person \
         so named holds it",
        name_words(name),
        posts_text(a, world),
        posts_text(b, world)
    )
}

/// Why a name-only mention joined the only person so named.
pub fn name_only_reason(a: &Mention, b: &Mention, name: NameMatch, world: &World) -> String {
    format!(
        "{}, the only person so named, and {} gives no post, body or place to tell otherwise \
         (the other: {})",
        name_words(name),
        sources_text(a, world),
        posts_text(b, world)
    )
}

/// Why two name-matching people were kept apart when nothing refused a join, with how
/// close they came and what would decide.
pub fn apart(a: &Mention, b: &Mention, name: NameMatch, world: &World) -> (u8, String, String) {
    if a.document == 0 && b.document == 0 {
        return (
            0,
            "both are curated people".to_string(),
            "decided by the curated records".to_string(),
        );
    }
    let words = name_words(name);
    let summary = format!("{} / {}", posts_text(a, world), posts_text(b, world));
    if name == NameMatch::Variant {
        return (
            1,
            format!("{words} but not the same letters, and no shared post: {summary}"),
            "a shared post, or a judgement".to_string(),
        );
    }
    let shares_place = a
        .context
        .features
        .iter()
        .any(|f| f.is_place() && b.context.features.contains(f));
    if shares_place {
        return (
            2,
            format!("{words}, same place but more than ten years apart: {summary}"),
            "an article linking the two periods, or a judgement".to_string(),
        );
    }
    let same_role = a.context.roles().any(|r| b.context.roles().any(|s| s == r));
    let provinces = |m: &Mention| -> Vec<String> {
        let mut out: Vec<String> = m
            .context
            .holdings
            .iter()
            .filter_map(|h| h.province)
            .map(|p| world.name(p).to_string())
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let (pa, pb) = (provinces(a), provinces(b));
    if same_role && !pa.is_empty() && !pb.is_empty() {
        return (
            3,
            format!("{words} and the same kind of post, but in other provinces: {summary}"),
            format!(
                "an article reporting a move between {} and {}, or a judgement",
                pa.join(", "),
                pb.join(", ")
            ),
        );
    }
    (
        2,
        format!("{words}, nothing else in common: {summary}"),
        "a shared post, body, province or article, or a judgement".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_names_at_once_numbers_them_as_adding_them_one_by_one() {
        let texts = [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Nguyễn Văn An",
            "Le Van Cuong",
            "نغوين فان آن",
            "Trần Thị Bình",
            "",
        ];
        let mut one_by_one = Names::default();
        let numbers: Vec<(u32, Option<u32>)> = texts.iter().map(|t| one_by_one.add(t)).collect();
        let mut at_once = Names::default();
        at_once.add("Le Van Cuong");
        at_once.add_all(&texts);
        // Already known names keep their numbers; the rest follow in order of first use.
        assert_eq!(at_once.add("Le Van Cuong"), (0, None));
        let mut fresh = Names::default();
        fresh.add_all(&texts);
        let again: Vec<(u32, Option<u32>)> = texts.iter().map(|t| fresh.add(t)).collect();
        assert_eq!(again, numbers);
        assert_eq!(fresh.keys.len(), one_by_one.keys.len());
        assert_eq!(fresh.marked, one_by_one.marked);
        for (a, b) in fresh.keys.iter().zip(&one_by_one.keys) {
            assert_eq!(
                (&a.strict, &a.loose, a.arabic),
                (&b.strict, &b.loose, b.arabic)
            );
        }
        assert_eq!(fresh.keys.len(), 5);
    }
}
