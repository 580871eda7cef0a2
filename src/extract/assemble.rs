//! From what [`scan`](super::scan) read in each sentence to entities and relations: posts
//! resolved to the article's place, working groups with leaders and areas, meetings with
//! chairs and attendees, and title-alone mentions linked to the person holding the title.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::lexicon::{Body, Language, Matcher, Term, TitleOrder};
use super::names;
use super::scan::{self, Change, NameMention, PlaceList, PlaceName, TitleSpec};
use super::tokens::{self, Sentence, Token, TokenKind};
use super::{Diagnostic, Options};
use crate::model::{
    Alias, AreaLevel, Classification, Document, Entity, EntityId, EntityKind, Evidence, Method,
    PartialDate, Relation, RelationKind, Role, slugify,
};

/// One sentence as read.
struct Read {
    span: Sentence,
    tokens: Vec<Token>,
    lists: Vec<PlaceList>,
    named: Vec<(NameMention, Vec<TitleSpec>)>,
    /// Title runs with no name next to them ("the Provincial Party Secretary said").
    orphans: Vec<(TitleSpec, (usize, usize))>,
    /// A title over the list of persons on the lines after the sentence.
    heading: Option<TitleSpec>,
}

/// The article's place: its province (or city) and, for a ward article, the ward.
struct Place {
    province: Option<(String, AreaLevel)>,
    local: Option<String>,
}

/// A person mentioned at a token position: by name or by a title alone.
#[derive(Clone)]
struct Who {
    person: EntityId,
    at: usize,
    confidence: u8,
}

pub fn assemble(
    text: &str,
    options: &Options,
    language: &Language,
    matcher: &Matcher,
) -> (Document, Vec<Diagnostic>) {
    let context = scan::NameContext::new(options.url.as_deref());
    let reads: Vec<Read> = tokens::sentences(text, language)
        .into_iter()
        .map(|s| read_sentence(text, s, language, matcher, &context))
        .collect();
    // The map the article's places are read on: the caller's date, else the first full
    // date the text writes (only for placing; event dates keep to the caller's year).
    let dated = options.date.or_else(|| super::dates::text_date(text));
    let place = article_place(text, &reads, options, dated, language);
    let mut out = Out::new(text, options, language);
    if place.province.is_none() && place.local.is_none() {
        out.diagnostics.push(Diagnostic {
            span: None,
            message: "the article's place is unknown (no province in the text, no --area, \
                      no known site): provincial posts stay unplaced"
                .into(),
        });
    }
    out.source();

    // Pass 1: named people and their titles.
    let mut holders: HashMap<EntityId, EntityId> = HashMap::new();
    let mut whos: Vec<Vec<Who>> = Vec::with_capacity(reads.len());
    // A title said without its place ("the Party Secretary Tran Van A") is the placed
    // title the same person has elsewhere in the article.
    let mut placed: HashMap<(String, Role, Option<Body>), TitleSpec> = HashMap::new();
    for read in &reads {
        for (mention, titles) in &read.named {
            for spec in titles {
                if let Some(role) = spec.role
                    && (spec.level.is_some() || spec.place.is_some())
                {
                    placed
                        .entry((mention.canonical.clone(), role, resolve_body(&spec.bodies)))
                        .or_insert_with(|| spec.clone());
                }
            }
        }
    }
    // A name found only by its shape, with no title and no marker anywhere in the
    // article, or spelled like a place the article lists, is not taken for a person.
    let trusted: HashSet<String> = reads
        .iter()
        .flat_map(|r| &r.named)
        .filter(|(m, titles)| m.rule != "name-shape" || !titles.is_empty())
        .map(|(m, _)| crate::text::search_key(&m.canonical))
        .collect();
    let place_names: HashSet<String> = reads
        .iter()
        .flat_map(|r| &r.lists)
        .flat_map(|l| &l.places)
        .map(|p| crate::text::search_key(&p.canonical))
        .collect();
    let mut event_date = options.date;
    let mut heading: Option<&TitleSpec> = None;
    for read in &reads {
        // A list under a heading title: each line that opens with a person gives that
        // person the title; the first line that does not ends the list.
        let opens_with_person = read.named.first().is_some_and(|(m, _)| m.tokens.0 <= 3);
        if !opens_with_person {
            heading = None;
        }
        if let Some(date) = super::dates::sentence_date(&read.tokens, options.date, language) {
            event_date = Some(date);
        }
        let mut here = Vec::new();
        for (mention, titles) in &read.named {
            let key = crate::text::search_key(&mention.canonical);
            if titles.is_empty() && (place_names.contains(&key) || !trusted.contains(&key)) {
                continue;
            }
            let person = out.person(mention, read.span);
            let (mut begun, mut kept) = (Vec::new(), Vec::new());
            // The heading's title, unless the line gives the person a post of its own in
            // that body ("… takes the post of Standing Deputy Secretary").
            let listed = heading.filter(|h| {
                std::ptr::eq(mention, &read.named[0].0)
                    && !titles.iter().any(|t| {
                        t.change == Some(Change::Begins)
                            && resolve_body(&t.bodies) == resolve_body(&h.bodies)
                    })
            });
            for spec in titles.iter().chain(listed) {
                let mut spec = spec.clone();
                // "Phó Bí thư Tỉnh ủy, Chủ nhiệm UBKT Tỉnh ủy Bắc Giang": a province written
                // once in a run of titles is the province of the run's other provincial
                // titles (those the text says begin, end or continue alike).
                // A post the text says begins and that names no level ("… au poste de
                // secrétaire du Comité provincial de B et chef de la délégation de
                // l'Assemblée nationale") is placed alike by the run's other beginning posts;
                // failing those, by the province of the person's posts in the run (one is
                // elected where one serves: "bầu bà A – Phó Bí thư Tỉnh ủy B, làm Chủ tịch
                // HĐND").
                let begins = spec.change == Some(Change::Begins);
                let provincial_body = resolve_body(&spec.bodies).is_some_and(|b| !body_info(b).3);
                let in_province = |t: &&TitleSpec| {
                    provincial_level(t.level)
                        && t.place.as_ref().is_some_and(|p| {
                            names::province_by_key(&crate::text::search_key(&p.canonical)).is_some()
                        })
                };
                if spec.place.is_none()
                    && (matches!(spec.level, Some(AreaLevel::Province | AreaLevel::City))
                        || (begins && spec.level.is_none()))
                    && provincial_body
                    && let Some(run) = titles
                        .iter()
                        .filter(in_province)
                        .find(|t| t.change == spec.change)
                        .or_else(|| {
                            (begins && spec.level.is_none())
                                .then(|| titles.iter().find(in_province))
                                .flatten()
                        })
                {
                    spec.place = run.place.clone();
                    spec.level = spec.level.or(run.level);
                }
                if spec.level.is_none()
                    && !begins
                    && spec.place.is_none()
                    && let Some(role) = spec.role
                    && let Some(known) =
                        placed.get(&(mention.canonical.clone(), role, resolve_body(&spec.bodies)))
                {
                    spec.level = known.level;
                    spec.place = known.place.clone();
                }
                // A former post is not held now; the text gives no dates for it.
                if spec.change == Some(Change::Former) {
                    continue;
                }
                let spec = &spec;
                if let Some(post) = out.post(spec, &place, &person, read.span, mention.confidence) {
                    match spec.change {
                        Some(Change::Begins) => out.date_holding(&person, &post, event_date, None),
                        Some(Change::Ends) => out.date_holding(&person, &post, None, event_date),
                        _ => {}
                    }
                    if spec.change == Some(Change::Begins) {
                        begun.push(post.clone());
                    } else {
                        kept.push(post.clone());
                    }
                    holders.entry(post).or_insert_with(|| person.clone());
                }
            }
            // "A, Vice Chair of the Council, elected Chair of the Council": a post begun in
            // an organization ends the person's other post there; "A, Secretary of the X
            // Party Committee, appointed Secretary of the Y Party Committee": so does the
            // same office begun in another place.
            for old in &kept {
                if begun
                    .iter()
                    .any(|new| out.same_org(new, old) || out.same_office_elsewhere(new, old))
                {
                    out.date_holding(&person, old, None, event_date);
                }
            }
            here.push(Who {
                person,
                at: mention.tokens.0,
                confidence: mention.confidence,
            });
        }
        if read.heading.is_some() {
            heading = read.heading.as_ref();
        }
        whos.push(here);
    }
    // Later mentions by honorific and given name ("ông Nghị") are the one person of the
    // article with that given name.
    let given = given_names(&reads, &out);
    // Pass 2: titles alone refer to the person the article gave that title.
    for (read, here) in reads.iter().zip(&mut whos) {
        here.extend(honorific_mentions(text, read, &given, here, language));
        for (spec, (at, _)) in &read.orphans {
            let Some(post) = post_ref(spec, &place) else {
                continue;
            };
            let holder = holders.get(&post.id).cloned().or_else(|| {
                // Same role and kind of body, whatever place the title was read as.
                holders
                    .iter()
                    .filter(|(id, _)| same_post_shape(id, &post))
                    .map(|(_, p)| p.clone())
                    .min()
            });
            if let Some(person) = holder {
                here.push(Who {
                    person,
                    at: *at,
                    confidence: 75,
                });
            }
        }
        here.sort_by_key(|w| w.at);
    }
    // Pass 3: working groups, meetings, attendance.
    let mut last_group: Option<EntityId> = None;
    // The group the current paragraph is about: accompanying officials and members are
    // linked to it, never to a group of an earlier paragraph.
    let mut paragraph_group: Option<EntityId> = None;
    let mut previous_end = 0;
    let mut last_event: Option<EntityId> = None;
    let mut article_date = options.date;
    let mut n_meetings = 0;
    for (read, here) in reads.iter().zip(&whos) {
        if let Some(date) = super::dates::sentence_date(&read.tokens, options.date, language) {
            article_date = Some(date);
        }
        if starts_paragraph(text, previous_end, read.span.start) {
            paragraph_group = None;
        }
        previous_end = read.span.end;
        let group = out.working_group(read, here, &place, article_date);
        if let Some((group_id, _)) = &group {
            last_group = Some(group_id.clone());
            paragraph_group = Some(group_id.clone());
            last_event = None;
        }
        if group.is_none() {
            if let Some(event) = out.meeting(
                read,
                here,
                &mut n_meetings,
                last_event.clone(),
                article_date,
            ) {
                last_event = Some(event);
            }
        } else if let Some((_, Some(event))) = &group {
            last_event = Some(event.clone());
        }
        if group.is_none()
            && let Some(group_id) = &last_group
            && find_term(&read.tokens, |t| matches!(t, Term::Group)).is_some()
            && let Some(i) = find_term(&read.tokens, |t| matches!(t, Term::Inspect))
        {
            out.inspected(read, group_id, i, &place);
        }
        if let Some(group_id) = &paragraph_group {
            out.group_company(read, here, group_id);
        }
    }
    let (mut document, diagnostics) = out.finish();
    if let Some(index) = options.places {
        let romanized = language.romanize_name.map(|_| language.readings);
        super::places::code_local_areas(&mut document, index.gazetteer(), dated, romanized);
    }
    (document, diagnostics)
}

/// The persons of the article by their given name (the last syllable, folded), where
/// only one person has it.
fn given_names(reads: &[Read], out: &Out) -> HashMap<String, Option<EntityId>> {
    let mut given: HashMap<String, Option<EntityId>> = HashMap::new();
    for (mention, _) in reads.iter().flat_map(|r| &r.named) {
        let id = EntityId::new(format!("person:{}", slugify(&mention.canonical)));
        if !out.entities.contains_key(&id) {
            continue;
        }
        let Some(last) = mention.canonical.split_whitespace().last() else {
            continue;
        };
        let entry = given.entry(last.to_lowercase()).or_insert(Some(id.clone()));
        if entry.as_ref() != Some(&id) {
            *entry = None;
        }
    }
    given
}

/// The persons a sentence names by honorific and given name alone.
fn honorific_mentions(
    text: &str,
    read: &Read,
    given: &HashMap<String, Option<EntityId>>,
    here: &[Who],
    language: &Language,
) -> Vec<Who> {
    scan::honorific_given(text, &read.tokens, language)
        .into_iter()
        .filter(|(at, _)| !here.iter().any(|w| w.at == *at || w.at + 1 == *at))
        .filter_map(|(at, name)| {
            let person = given.get(&name)?.clone()?;
            Some(Who {
                person,
                at,
                confidence: 70,
            })
        })
        .collect()
}

/// True when the sentence starting at `start` begins a new paragraph: after a blank line,
/// or on a line that starts with a list marker ("* ", "- ", "• ").
fn starts_paragraph(text: &str, previous_end: usize, start: usize) -> bool {
    let between = text.get(previous_end..start).unwrap_or("");
    let lines: Vec<&str> = between.split('\n').collect();
    // The lines wholly between the two sentences; any of them is blank.
    let blank_line = lines.len() > 2;
    let new_line = between.contains('\n') || previous_end == 0;
    let marker = text
        .get(start..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, '*' | '-' | '•' | '–' | '—'));
    blank_line || (new_line && marker)
}

fn find_term(tokens: &[Token], pred: impl Fn(Term) -> bool) -> Option<usize> {
    tokens
        .iter()
        .position(|t| t.term.is_some_and(|(term, _)| pred(term)))
}

fn read_sentence(
    text: &str,
    span: Sentence,
    language: &Language,
    matcher: &Matcher,
    context: &scan::NameContext,
) -> Read {
    let tokens = tokens::tokenize(text, span, language, matcher);
    let lists = scan::place_lists(text, &tokens, language);
    let mut taken = vec![false; tokens.len()];
    for list in &lists {
        for place in &list.places {
            // Tokens are in text order: find the place's tokens by binary search.
            let first = tokens.partition_point(|t| t.start < place.span.0);
            let last = tokens.partition_point(|t| t.end <= place.span.1);
            mark(&mut taken, (first, last.max(first)));
        }
    }
    for (_, (a, b)) in scan::level_places(text, &tokens, language) {
        for flag in taken.iter_mut().take(b).skip(a) {
            *flag = true;
        }
    }
    let mentions = scan::names(text, &tokens, &taken, language, context);
    let starts = scan::phrase_starts(&tokens);
    let mut covered = vec![false; tokens.len()];
    let mut named = Vec::new();
    // The last title of the sentence said with its body, for roles said without one.
    let mut last_bodied: Option<TitleSpec> = None;
    let mut floor = 0;
    for (k, mention) in mentions.iter().enumerate() {
        let limit = mentions.get(k + 1).map_or(tokens.len(), |m| m.tokens.0);
        let mut titles = Vec::new();
        let mut end = mention.tokens.1;
        if language.titles != TitleOrder::After
            && let Some(run) =
                scan::title_run_before(text, &tokens, &starts, mention.tokens.0, floor, language)
        {
            mark(&mut covered, run.tokens);
            let mut run_titles = run.titles;
            // "Former Secretary of … A": the title after "former" is no longer held.
            let mut p = run.tokens.0;
            while p > 0 && matches!(scan::term_of(&tokens, p - 1), Some(Term::Link)) {
                p -= 1;
            }
            if p > 0
                && matches!(scan::term_of(&tokens, p - 1), Some(Term::Former))
                && let Some(first) = run_titles.first_mut()
            {
                first.change = Some(Change::Former);
            }
            titles.extend(run_titles);
        }
        let before_name = titles.len();
        let mut start = mention.tokens.1;
        // "A, Member of …", "A - Member of … -": a comma or a dash opens the run after a name.
        if tokens
            .get(start)
            .is_some_and(|t| matches!(t.punct(), Some(',' | '،' | '-' | '–' | '—')))
        {
            start += 1;
        }
        // A run after a name starts at a title word, not at "and" (which begins the
        // next person: "A and Vice Chairman B").
        let starts_at_title = matches!(
            scan::term_of(&tokens, start),
            Some(Term::Role(_) | Term::RoleBody(..) | Term::Body(_) | Term::Level(_))
        );
        if start < limit
            && language.titles != TitleOrder::Before
            && starts_at_title
            && let Some(run) = scan::title_run(text, &tokens, start, limit, language)
        {
            mark(&mut covered, run.tokens);
            end = run.tokens.1;
            titles.extend(run.titles);
        }
        if let Some(run) = run_after_begins(text, &tokens, end, limit, language) {
            mark(&mut covered, run.tokens);
            end = run.tokens.1;
            titles.extend(run.titles);
        } else if let Some(change) = change_before(&tokens, &starts, mention.tokens.0) {
            for title in &mut titles[before_name..] {
                title.change.get_or_insert(change);
            }
        }
        mark(&mut covered, mention.tokens);
        floor = end;
        // "Chairman of the Provincial People's Committee A and Vice Chairman B": a role
        // said without its body is in the body of the title before it in the sentence.
        for title in &mut titles {
            if title.bodies.is_empty()
                && let Some(previous) = &last_bodied
            {
                title.bodies = previous.bodies.clone();
                title.level = title.level.or(previous.level);
                if title.place.is_none() {
                    title.place = previous.place.clone();
                }
            }
        }
        if let Some(t) = titles.iter().rev().find(|t| !t.bodies.is_empty()) {
            last_bodied = Some(t.clone());
        }
        named.push((mention.clone(), titles));
    }
    let mut orphans = Vec::new();
    // next_covered[i]: the first covered token at or after i.
    let mut next_covered = vec![tokens.len(); tokens.len() + 1];
    for i in (0..tokens.len()).rev() {
        next_covered[i] = if covered[i] { i } else { next_covered[i + 1] };
    }
    let mut i = 0;
    while i < tokens.len() {
        let starts_title = matches!(
            tokens[i].term,
            Some((
                Term::Role(_) | Term::RoleBody(..) | Term::Level(_) | Term::Body(_),
                _
            ))
        );
        if covered[i] || !starts_title {
            i += 1;
            continue;
        }
        let limit = next_covered[i];
        match scan::title_run(text, &tokens, i, limit, language) {
            Some(run) => {
                if run.titles.len() == 1 {
                    orphans.extend(run.titles.into_iter().map(|t| (t, run.tokens)));
                }
                i = run.tokens.1.max(i + 1);
            }
            None => {
                // Skip the whole role-less run, so that a long one is read once.
                i += 1;
                while i < limit
                    && (matches!(tokens[i].punct(), Some(',' | '،'))
                        || matches!(
                            tokens[i].term,
                            Some((Term::Level(_) | Term::Body(_) | Term::Link | Term::And, _))
                        )
                        || (tokens[i].in_term && tokens[i].term.is_none()))
                {
                    i += 1;
                }
            }
        }
    }
    // "The Deputy Secretaries of the City Party Committee: A, …; B, …": a title before a
    // colon is held by every person listed after it.
    let mut plural = Vec::new();
    orphans.retain(|(spec, (_, end))| {
        let colon = tokens.get(*end).is_some_and(|t| t.punct() == Some(':'));
        // The list starts right after the colon (perhaps after an honorific).
        let listed = named
            .iter()
            .any(|(m, _)| m.tokens.0 > *end && m.tokens.0 <= *end + 3);
        if colon && listed {
            plural.push((spec.clone(), *end));
        }
        !(colon && listed)
    });
    for (spec, end) in plural {
        for (mention, titles) in &mut named {
            if mention.tokens.0 > end {
                titles.push(spec.clone());
            }
        }
    }
    // "… named 3 comrades to the post of Deputy Secretary of …, including:" with the
    // persons on the lines after: a sentence naming no one that ends with a colon after
    // a title given by a word of appointment heads the list that follows.
    let heading = (named.is_empty() && tokens.last().is_some_and(|t| t.punct() == Some(':')))
        .then(|| {
            orphans.iter().find_map(|(spec, (start, _))| {
                let begins = tokens[start.saturating_sub(3)..*start]
                    .iter()
                    .any(|t| matches!(t.term, Some((Term::Begins, _))));
                begins.then(|| TitleSpec {
                    change: Some(Change::Begins),
                    ..spec.clone()
                })
            })
        })
        .flatten();
    Read {
        span,
        tokens,
        lists,
        named,
        orphans,
        heading,
    }
}

/// "bầu ông A, Phó Bí thư Tỉnh ủy, giữ chức Chủ tịch UBND tỉnh", "A … a été nommé
/// secrétaire du Comité du Parti": the titles after a word of appointment, right after the
/// person and their present titles, are the person's.
fn run_after_begins(
    text: &str,
    tokens: &[Token],
    end: usize,
    limit: usize,
    language: &Language,
) -> Option<scan::TitleRun> {
    let mut k = end;
    // "…, a été nommé", "… - occupe le poste de", "… (désigné pour occuper le poste de …)".
    while tokens
        .get(k)
        .is_some_and(|t| matches!(t.punct(), Some(',' | '،' | '-' | '–' | '(')))
    {
        k += 1;
    }
    let mut change = None;
    while let Some((term, len)) = tokens.get(k).and_then(|t| t.term) {
        match term {
            Term::Begins => change = Some(Change::Begins),
            Term::Ends => change = Some(Change::Ends),
            Term::Link | Term::Acting => {}
            // "A, ancien secrétaire …, au poste de …": a former title is passed over.
            Term::Former if change.is_none() => {
                match scan::title_run(text, tokens, k + len, limit, language) {
                    Some(run) => k = run.tokens.1,
                    None => break,
                }
                while tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.punct(), Some(',' | '،')))
                {
                    k += 1;
                }
                continue;
            }
            _ => break,
        }
        k += len;
    }
    let change = change?;
    if k >= limit {
        return None;
    }
    let mut run = scan::title_run(text, tokens, k, limit, language)?;
    for title in &mut run.titles {
        title.change.get_or_insert(change);
    }
    Some(run)
}

/// A change word just before a name ("elected Mr. A Chair …", "لانتخاب السيد A أمينا"):
/// it governs the titles after the name when no other change word follows the name.
fn change_before(tokens: &[Token], starts: &[Option<usize>], at: usize) -> Option<Change> {
    let mut k = at;
    for _ in 0..4 {
        let p = k.checked_sub(1)?;
        let first = starts[p].unwrap_or(p);
        match tokens[first].term.map(|(t, _)| t) {
            Some(Term::Begins) => return Some(Change::Begins),
            Some(Term::Ends) => return Some(Change::Ends),
            Some(Term::Comrade | Term::Link) => {}
            None if matches!(tokens[p].punct(), Some(',' | '،')) => {}
            _ => return None,
        }
        k = first;
    }
    None
}

fn mark(covered: &mut [bool], (a, b): (usize, usize)) {
    for flag in covered.iter_mut().take(b).skip(a) {
        *flag = true;
    }
}

/// The province the text names most often next to a level word; else `--area` or the
/// front matter's area; else the site's area.
fn article_place(
    text: &str,
    reads: &[Read],
    options: &Options,
    date: Option<PartialDate>,
    language: &Language,
) -> Place {
    let mut counts: BTreeMap<&'static str, (usize, usize, AreaLevel)> = BTreeMap::new();
    let mut order = 0;
    for read in reads {
        for (place, _) in scan::level_places(text, &read.tokens, language) {
            if !matches!(place.level, Some(AreaLevel::Province | AreaLevel::City)) {
                continue;
            }
            if let Some((name, level)) = province_prefix(&place.canonical) {
                order += 1;
                let entry = counts.entry(name).or_insert((0, order, level));
                entry.0 += 1;
            }
        }
    }
    let from_text = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(name, (_, _, level))| (name.to_string(), level));
    let given = options.area.as_deref().map(|a| {
        match names::province_by_key(&crate::text::search_key(a)) {
            Some((name, level)) => (Some((name.to_string(), level)), None),
            None => (None, Some(a.to_string())),
        }
    });
    let (given_province, local) = given.unwrap_or((None, None));
    let site = options
        .url
        .as_deref()
        .and_then(|u| options.sites.lookup(u))
        .map(|s| (s.area.clone(), s.level));
    let named = || {
        let index = options.places?;
        let placed = index.place(text, date)?;
        let (name, level) = super::places::canonical_province(index.gazetteer(), placed.province)?;
        Some((name.to_string(), level))
    };
    Place {
        province: from_text.or(given_province).or(site).or_else(named),
        local,
    }
}

/// The province a place name spells, or that its first words spell: a name read up to a
/// word the lexicon does not know ("مقاطعة لاو كاي اجتماعًا") still names its province.
fn province_prefix(canonical: &str) -> Option<(&'static str, AreaLevel)> {
    let key = crate::text::search_key(canonical);
    let words: Vec<&str> = key.split_whitespace().collect();
    (2.min(words.len()).max(1)..=words.len())
        .rev()
        .find_map(|n| names::province_by_key(&words[..n].join(" ")))
}

/// A title's level that a province's name can place: the province or city itself, or a
/// title said without a level.
fn provincial_level(level: Option<AreaLevel>) -> bool {
    matches!(level, None | Some(AreaLevel::Province | AreaLevel::City))
}

/// A post as ids and names, before it is written.
struct PostRef {
    id: EntityId,
    name: String,
    role: Role,
    org_id: EntityId,
    org_name: String,
    classification: Classification,
    area: Option<(EntityId, String, AreaLevel)>,
    unplaced: bool,
}

fn same_post_shape(id: &EntityId, post: &PostRef) -> bool {
    let suffix = |s: &str| {
        s.split_once('-')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default()
    };
    let a = id.as_str().trim_start_matches("post:");
    let b = post.id.as_str().trim_start_matches("post:");
    a.ends_with(&format!(
        "{}-{}",
        body_slug_of(post.classification, &post.org_id),
        role_slug(post.role)
    )) && suffix(a).ends_with(&suffix(b))
}

fn body_slug_of(_c: Classification, org: &EntityId) -> String {
    org.as_str()
        .trim_start_matches("org:")
        .to_string()
        .rsplit_once("unplaced-")
        .map(|(_, b)| b.to_string())
        .unwrap_or_else(|| {
            let s = org.as_str().trim_start_matches("org:");
            BODY_SLUGS
                .iter()
                .filter(|b| s.ends_with(*b))
                .max_by_key(|b| b.len())
                .map(|b| b.to_string())
                .unwrap_or_else(|| s.to_string())
        })
}

const BODY_SLUGS: &[&str] = &[
    "party-committee",
    "party-standing-committee",
    "peoples-council",
    "peoples-council-standing-board",
    "peoples-committee",
    "fatherland-front",
    "na-delegation",
    "organization-commission",
    "mass-mobilization-commission",
    "propaganda-commission",
    "inspection-commission",
    "party-office",
    "steering-committee",
    "propaganda-mass-mobilization-commission",
    "peoples-committee-office",
];

fn role_slug(role: Role) -> String {
    role.as_str().replace('_', "-")
}

/// Which body a title's body words name together.
pub fn resolve_body(bodies: &[Body]) -> Option<Body> {
    use Body::*;
    let has = |b: Body| bodies.contains(&b);
    if has(NaDelegation) || (has(Delegation) && has(NationalAssembly)) {
        return Some(NaDelegation);
    }
    if has(PeoplesCommitteeOffice) || (has(Office) && has(PeoplesCommittee)) {
        return Some(PeoplesCommitteeOffice);
    }
    if has(Office) && (has(PartyCommittee) || has(Party)) {
        return Some(PartyOffice);
    }
    let specific = [
        Department,
        Secretariat,
        PropagandaMassMobilizationCommission,
        OrganizationCommission,
        MassMobilizationCommission,
        PropagandaCommission,
        InspectionCommission,
        PartyOffice,
        SteeringCommittee,
        FatherlandFront,
        CentralCommittee,
        Politburo,
    ];
    if let Some(b) = bodies.iter().find(|b| specific.contains(b)) {
        return Some(*b);
    }
    if has(Standing) && has(PeoplesCouncil) {
        return Some(PeoplesCouncilStandingBoard);
    }
    if has(Standing) && (has(PartyCommittee) || has(Party)) {
        return Some(PartyStandingCommittee);
    }
    if let Some(b) = bodies.iter().find(|b| {
        matches!(
            b,
            PeoplesCouncil | PeoplesCommittee | PartyCommittee | Party
        )
    }) {
        return Some(if *b == Party { PartyCommittee } else { *b });
    }
    if has(Standing) {
        return Some(PartyStandingCommittee);
    }
    if has(NationalAssembly) {
        return Some(NationalAssembly);
    }
    if has(Office) {
        return Some(PartyOffice);
    }
    None
}

/// Slug, classification and English name of a body; `national` when it has no area.
fn body_info(body: Body) -> (&'static str, Classification, &'static str, bool) {
    use Body::*;
    match body {
        CentralCommittee => (
            "party-central-committee",
            Classification::CentralCommittee,
            "Party Central Committee",
            true,
        ),
        Politburo => ("politburo", Classification::Politburo, "Politburo", true),
        NationalAssembly => (
            "national-assembly",
            Classification::NationalAssembly,
            "National Assembly",
            true,
        ),
        NaDelegation | Delegation => (
            "na-delegation",
            Classification::NationalAssemblyDelegation,
            "National Assembly Delegation",
            false,
        ),
        PartyCommittee | Party => (
            "party-committee",
            Classification::PartyCommittee,
            "Party Committee",
            false,
        ),
        Standing | PartyStandingCommittee => (
            "party-standing-committee",
            Classification::StandingCommittee,
            "Party Standing Committee",
            false,
        ),
        PeoplesCouncil => (
            "peoples-council",
            Classification::PeoplesCouncil,
            "People's Council",
            false,
        ),
        PeoplesCouncilStandingBoard => (
            "peoples-council-standing-board",
            Classification::StandingBoard,
            "Standing Board of the People's Council",
            false,
        ),
        PeoplesCommittee => (
            "peoples-committee",
            Classification::PeoplesCommittee,
            "People's Committee",
            false,
        ),
        FatherlandFront => (
            "fatherland-front",
            Classification::FatherlandFront,
            "Fatherland Front Committee",
            false,
        ),
        OrganizationCommission => (
            "organization-commission",
            Classification::Commission,
            "Organization Commission",
            false,
        ),
        MassMobilizationCommission => (
            "mass-mobilization-commission",
            Classification::Commission,
            "Mass Mobilization Commission",
            false,
        ),
        PropagandaCommission => (
            "propaganda-commission",
            Classification::Commission,
            "Propaganda and Education Commission",
            false,
        ),
        InspectionCommission => (
            "inspection-commission",
            Classification::Commission,
            "Inspection Commission",
            false,
        ),
        PartyOffice => (
            "party-office",
            Classification::Office,
            "Office of the Party Committee",
            false,
        ),
        SteeringCommittee => (
            "steering-committee",
            Classification::SteeringCommittee,
            "Steering Committee",
            false,
        ),
        PropagandaMassMobilizationCommission => (
            "propaganda-mass-mobilization-commission",
            Classification::Commission,
            "Propaganda and Mass Mobilization Commission",
            false,
        ),
        Secretariat => ("secretariat", Classification::Other, "Secretariat", true),
        Department => (
            "department",
            Classification::Department,
            "Department",
            false,
        ),
        PeoplesCommitteeOffice => (
            "peoples-committee-office",
            Classification::Office,
            "People's Committee Office",
            false,
        ),
        Office => (
            "party-office",
            Classification::Office,
            "Office of the Party Committee",
            false,
        ),
    }
}

/// Chairs of commissions and delegations are their heads; heads of councils their chairs.
fn fit_role(role: Role, classification: Classification) -> Role {
    use Classification as C;
    let headed = matches!(
        classification,
        C::Commission | C::NationalAssemblyDelegation | C::SteeringCommittee | C::Office
    );
    match role {
        // Only the Party Central Committee has a General Secretary.
        Role::GeneralSecretary if classification != C::CentralCommittee => Role::Secretary,
        Role::Head | Role::Chair if classification == C::Office => Role::Chief,
        Role::Chief if classification != C::Office => fit_role(Role::Head, classification),
        Role::Chair if headed => Role::Head,
        Role::ViceChair if headed => Role::DeputyHead,
        Role::StandingViceChair if headed => Role::StandingDeputyHead,
        Role::Head if !headed => Role::Chair,
        Role::DeputyHead if !headed => Role::ViceChair,
        Role::StandingDeputyHead if !headed => Role::StandingViceChair,
        other => other,
    }
}

fn area_ref(name: &str, level: AreaLevel) -> (EntityId, String, AreaLevel) {
    let mut slug = slugify(name);
    let is_province = names::province_by_key(&crate::text::search_key(name)).is_some();
    if is_province && matches!(level, AreaLevel::Commune | AreaLevel::Ward) {
        slug.push_str(if level == AreaLevel::Ward {
            "-ward"
        } else {
            "-commune"
        });
    }
    (
        EntityId::new(format!("area:{slug}")),
        name.to_string(),
        level,
    )
}

fn province_ref(place: &Place) -> Option<(EntityId, String, AreaLevel)> {
    place
        .province
        .as_ref()
        .map(|(name, level)| area_ref(name, *level))
}

/// The post a title names, resolved to the article's place.
fn post_ref(spec: &TitleSpec, place: &Place) -> Option<PostRef> {
    let mut role = spec.role?;
    let mut body = resolve_body(&spec.bodies)?;
    // A standing committee has members, not secretaries: "نائبة سكرتير لجنة الحزب الدائمة"
    // is the standing deputy secretary of the Party Committee.
    if body == Body::PartyStandingCommittee
        && matches!(
            role,
            Role::Secretary | Role::DeputySecretary | Role::StandingDeputySecretary
        )
    {
        body = Body::PartyCommittee;
        if role == Role::DeputySecretary {
            role = Role::StandingDeputySecretary;
        }
    }
    let (body_slug, classification, body_name, mut national) = body_info(body);
    let (mut body_slug, mut body_name) = (body_slug.to_string(), body_name.to_string());
    if body == Body::Department
        && let Some(name) = &spec.name
    {
        body_slug = slugify(name);
        body_name = name.clone();
    }
    // "the Central Inspection Commission": a central body is national, never the province's.
    if spec.level == Some(AreaLevel::Country) && !national {
        national = true;
        body_slug = format!("central-{body_slug}");
        body_name = format!("Central {body_name}");
    }
    let (body_slug, body_name) = (body_slug.as_str(), body_name.as_str());
    role = fit_role(role, classification);
    // An inspection commission is chaired (Chủ nhiệm), not headed.
    if body == Body::InspectionCommission {
        role = match role {
            Role::Head => Role::Chair,
            Role::DeputyHead => Role::ViceChair,
            Role::StandingDeputyHead => Role::StandingViceChair,
            other => other,
        };
    }
    // "Vice chair of the standing committee of the steering committee": a standing deputy.
    if spec.bodies.contains(&Body::Standing)
        && !matches!(
            body,
            Body::PartyStandingCommittee | Body::PeoplesCouncilStandingBoard
        )
    {
        role = match role {
            Role::DeputyHead => Role::StandingDeputyHead,
            Role::ViceChair => Role::StandingViceChair,
            Role::DeputySecretary => Role::StandingDeputySecretary,
            other => other,
        };
    }
    let area = if national {
        Some(area_ref("Viet Nam", AreaLevel::Country))
    } else if let Some(named) = &spec.place {
        let level = match names::province_by_key(&crate::text::search_key(&named.canonical)) {
            // "the Party Committee of the city of Thanh Hoa", "Thành ủy Thanh Hóa": a city
            // named like a province that is no city itself is the provincial city, a
            // district-level unit of that province, and never the province.
            Some((name, AreaLevel::Province)) if spec.level == Some(AreaLevel::City) => {
                return post_with_area(
                    role,
                    body_slug,
                    classification,
                    body_name,
                    Some(area_ref(&format!("{name} City"), AreaLevel::District)),
                );
            }
            Some((name, level))
                if !matches!(spec.level, Some(AreaLevel::Commune | AreaLevel::Ward)) =>
            {
                return post_with_area(
                    role,
                    body_slug,
                    classification,
                    body_name,
                    Some(area_ref(name, level)),
                );
            }
            _ => spec.level.unwrap_or(AreaLevel::Commune),
        };
        Some(area_ref(&named.canonical, level))
    } else {
        match spec.level {
            Some(AreaLevel::Commune | AreaLevel::Ward | AreaLevel::District | AreaLevel::Town) => {
                place
                    .local
                    .as_deref()
                    .map(|l| area_ref(l, spec.level.unwrap_or(AreaLevel::Ward)))
                    .or_else(|| province_ref(place))
            }
            _ => province_ref(place),
        }
    };
    let unplaced = area.is_none();
    let mut post = post_with_area(role, body_slug, classification, body_name, area)?;
    post.unplaced = unplaced;
    Some(post)
}

/// How an unplaced body's id begins after `org:` (and its posts' after `post:`), and how its
/// name ends: "Party Committee (place unknown)".
const UNPLACED: &str = "unplaced-";
pub(crate) const UNPLACED_NAME: &str = " (place unknown)";

/// True for the id of a body extraction left unplaced (`org:unplaced-party-committee`).
pub(crate) fn is_unplaced_body(id: &EntityId) -> bool {
    unplaced_body_slug(id).is_some()
}

fn unplaced_body_slug(id: &EntityId) -> Option<&str> {
    id.as_str().strip_prefix("org:")?.strip_prefix(UNPLACED)
}

/// The post an unplaced post of `role` in the unplaced body `org` (id and name) would have
/// been had its article named `area` (id, name, level): the post's id and name, then its
/// body's id and name, exactly as extraction writes them for an article that names the
/// area. `None` when `org` is not an unplaced body.
pub(crate) fn placed_post(
    role: Role,
    classification: Classification,
    org: (&EntityId, &str),
    area: (&EntityId, &str, AreaLevel),
) -> Option<[(EntityId, String); 2]> {
    let body_slug = unplaced_body_slug(org.0)?;
    let body_name = org.1.strip_suffix(UNPLACED_NAME).unwrap_or(org.1);
    let post = post_with_area(
        role,
        body_slug,
        classification,
        body_name,
        Some((area.0.clone(), area.1.to_string(), area.2)),
    )?;
    Some([(post.id, post.name), (post.org_id, post.org_name)])
}

fn post_with_area(
    role: Role,
    body_slug: &str,
    classification: Classification,
    body_name: &str,
    area: Option<(EntityId, String, AreaLevel)>,
) -> Option<PostRef> {
    let national = matches!(
        classification,
        Classification::CentralCommittee
            | Classification::Politburo
            | Classification::NationalAssembly
    ) || area
        .as_ref()
        .is_some_and(|(_, _, level)| *level == AreaLevel::Country);
    let (org_slug, org_name) = match (&area, national) {
        (_, true) => (body_slug.to_string(), body_name.to_string()),
        (Some((id, name, _)), false) => (
            format!("{}-{body_slug}", id.as_str().trim_start_matches("area:")),
            format!("{name} {body_name}"),
        ),
        (None, false) => (
            format!("{UNPLACED}{body_slug}"),
            format!("{body_name}{UNPLACED_NAME}"),
        ),
    };
    let role_name = role_title(role);
    Some(PostRef {
        id: EntityId::new(format!("post:{org_slug}-{}", role_slug(role))),
        name: format!("{role_name} of the {org_name}"),
        role,
        org_id: EntityId::new(format!("org:{org_slug}")),
        org_name,
        classification,
        area,
        unplaced: false,
    })
}

fn role_title(role: Role) -> &'static str {
    match role {
        Role::Secretary => "Secretary",
        Role::StandingDeputySecretary => "Standing Deputy Secretary",
        Role::DeputySecretary => "Deputy Secretary",
        Role::Member => "Member",
        Role::Chair => "Chair",
        Role::StandingViceChair => "Standing Vice Chair",
        Role::ViceChair => "Vice Chair",
        Role::Head => "Head",
        Role::StandingDeputyHead => "Standing Deputy Head",
        Role::DeputyHead => "Deputy Head",
        Role::Director => "Director",
        Role::DeputyDirector => "Deputy Director",
        Role::Deputy => "Deputy",
        Role::Chief => "Chief",
        Role::GeneralSecretary => "General Secretary",
    }
}

/// The document being written, with evidence for every relation.
struct Out<'a> {
    text: &'a str,
    options: &'a Options,
    language: &'a Language,
    entities: BTreeMap<EntityId, Entity>,
    /// The group each leader heads in this article, for later sentences that name the
    /// leader without the group.
    led_groups: HashMap<EntityId, EntityId>,
    relations: BTreeMap<(RelationKind, EntityId, EntityId), Relation>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Out<'a> {
    fn new(text: &'a str, options: &'a Options, language: &'a Language) -> Self {
        Out {
            text,
            options,
            language,
            entities: BTreeMap::new(),
            led_groups: HashMap::new(),
            relations: BTreeMap::new(),
            diagnostics: Vec::new(),
        }
    }

    fn finish(self) -> (Document, Vec<Diagnostic>) {
        (
            Document {
                entities: self.entities.into_values().collect(),
                relations: self.relations.into_values().collect(),
            },
            self.diagnostics,
        )
    }

    fn source(&mut self) {
        let o = self.options;
        let name = o
            .title
            .clone()
            .unwrap_or_else(|| o.source.as_str().trim_start_matches("source:").to_string());
        self.entity(
            &o.source,
            &name,
            EntityKind::Source {
                url: o.url.clone().unwrap_or_default(),
                lang: self.language.lang,
                date: o.date,
                translation_of: o.translation_of.clone(),
            },
        );
    }

    /// The source id without its `source:` prefix, which event ids start with.
    fn source_slug(&self) -> &str {
        self.options.source.as_str().trim_start_matches("source:")
    }

    fn entity(&mut self, id: &EntityId, name: &str, kind: EntityKind) {
        self.entities.entry(id.clone()).or_insert_with(|| Entity {
            id: id.clone(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            note: None,
        });
    }

    fn alias(&mut self, id: &EntityId, text: &str) {
        let lang = self.language.lang;
        let source = self.options.source.clone();
        if let Some(entity) = self.entities.get_mut(id)
            && entity.name != text
        {
            let alias = Alias {
                text: text.to_string(),
                lang,
                source: Some(source),
            };
            if !entity.aliases.contains(&alias) {
                entity.aliases.push(alias);
            }
        }
    }

    fn relate(
        &mut self,
        kind: RelationKind,
        from: &EntityId,
        to: &EntityId,
        span: Sentence,
        rule: &str,
        confidence: u8,
    ) {
        let evidence = Evidence {
            source: self.options.source.clone(),
            quote: self.text[span.start..span.end].into(),
            span: Some((span.start, span.end)),
            method: Method::Extracted {
                rule: format!("{}.{rule}", self.language.lang),
                confidence,
            },
        };
        let as_of = self.options.date;
        let relation = self
            .relations
            .entry((kind, from.clone(), to.clone()))
            .or_insert_with(|| Relation {
                kind,
                from: from.clone(),
                to: to.clone(),
                as_of,
                start: None,
                end: None,
                evidence: Vec::new(),
            });
        // Sentences are read in order: a repeat can only be the last evidence pushed.
        if relation.evidence.last() != Some(&evidence) {
            relation.evidence.push(evidence);
        }
    }

    /// Dates the `holds` relation of `person` to `post`: the post begins or ends on the
    /// article's event date.
    fn date_holding(
        &mut self,
        person: &EntityId,
        post: &EntityId,
        start: Option<PartialDate>,
        end: Option<PartialDate>,
    ) {
        if let Some(relation) =
            self.relations
                .get_mut(&(RelationKind::Holds, person.clone(), post.clone()))
        {
            relation.start = start.or(relation.start);
            relation.end = end.or(relation.end);
        }
    }

    /// The organization post `p` is a post of, if recorded.
    fn org_of(&self, p: &EntityId) -> Option<EntityId> {
        self.relations
            .range((RelationKind::PostOf, p.clone(), EntityId::new(""))..)
            .take_while(|((k, from, _), _)| *k == RelationKind::PostOf && from == p)
            .map(|((_, _, to), _)| to.clone())
            .next()
    }

    /// True when two posts are of one organization.
    fn same_org(&self, a: &EntityId, b: &EntityId) -> bool {
        let org = |p: &EntityId| self.org_of(p);
        a != b && org(a).is_some() && org(a) == org(b)
    }

    /// Two posts of the same role in bodies of the same kind in different places.
    fn same_office_elsewhere(&self, a: &EntityId, b: &EntityId) -> bool {
        let org = |p: &EntityId| self.org_of(p);
        let role = |p: &EntityId| match self.entities.get(p).map(|e| &e.kind) {
            Some(EntityKind::Post { role }) => Some(*role),
            _ => None,
        };
        let (Some(oa), Some(ob)) = (org(a), org(b)) else {
            return false;
        };
        let national =
            |o: &EntityId| o.as_str().contains("central") || o.as_str().contains("viet-nam");
        oa != ob
            && role(a).is_some()
            && role(a) == role(b)
            && !national(&oa)
            && !national(&ob)
            && body_slug_of(Classification::Other, &oa) == body_slug_of(Classification::Other, &ob)
    }

    fn has(&self, kind: RelationKind, from: &EntityId, to: &EntityId) -> bool {
        self.relations
            .contains_key(&(kind, from.clone(), to.clone()))
    }

    /// The person a name mention denotes. A name written with its diacritics is the
    /// display name, the Latin form without them an alias; the id stays folded.
    fn person(&mut self, mention: &NameMention, _span: Sentence) -> EntityId {
        let id = EntityId::new(format!("person:{}", slugify(&mention.canonical)));
        let written = mention
            .original
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let with_marks = written != mention.canonical
            && crate::text::fold(&written) == mention.canonical
            && !crate::names::has_arabic(&written);
        let display = if with_marks {
            &written
        } else {
            &mention.canonical
        };
        self.entity(&id, display, EntityKind::Person);
        if with_marks
            && let Some(entity) = self.entities.get_mut(&id)
            && entity.name == mention.canonical
        {
            entity.name = written.clone();
        }
        self.alias(&id, &mention.canonical);
        self.alias(&id, &mention.original);
        id
    }

    fn area(
        &mut self,
        (id, name, level): &(EntityId, String, AreaLevel),
        original: Option<&PlaceName>,
    ) {
        self.entity(id, name, EntityKind::area(*level));
        if let Some(place) = original {
            self.alias(id, &place.original);
        }
    }

    /// Writes the post a title names and that `person` holds; returns the post id.
    fn post(
        &mut self,
        spec: &TitleSpec,
        place: &Place,
        person: &EntityId,
        span: Sentence,
        confidence: u8,
    ) -> Option<EntityId> {
        let post = post_ref(spec, place)?;
        if post.unplaced {
            self.diagnostics.push(Diagnostic {
                span: Some((span.start, span.end)),
                message: format!("`{}` is unplaced: the article's place is unknown", post.id),
            });
        }
        self.entity(
            &post.org_id,
            &post.org_name,
            EntityKind::Organization {
                classification: post.classification,
            },
        );
        self.entity(&post.id, &post.name, EntityKind::Post { role: post.role });
        let confidence = confidence.min(if post.unplaced { 50 } else { 85 });
        self.relate(
            RelationKind::Holds,
            person,
            &post.id,
            span,
            "title-run",
            confidence,
        );
        self.relate(
            RelationKind::PostOf,
            &post.id,
            &post.org_id,
            span,
            "title-run",
            confidence,
        );
        if let Some(area) = &post.area {
            self.area(area, spec.place.as_ref());
            let area_id = area.0.clone();
            self.relate(
                RelationKind::Within,
                &post.org_id,
                &area_id,
                span,
                "title-run",
                confidence,
            );
        }
        Some(post.id)
    }

    /// A sentence about "Working Group No. N": its leader, parent body and areas.
    /// Returns the group id and the id of the working session.
    fn working_group(
        &mut self,
        read: &Read,
        here: &[Who],
        place: &Place,
        date: Option<PartialDate>,
    ) -> Option<(EntityId, Option<EntityId>)> {
        let tokens = &read.tokens;
        let group_word =
            numbered_group(tokens).or_else(|| find_term(tokens, |t| matches!(t, Term::Group)));
        // "X worked with A commune"; with no group word, "X visited families in A ward".
        let visit = find_term(tokens, |t| matches!(t, Term::WorksWithVerb)).or_else(|| {
            group_word
                .is_none()
                .then(|| find_term(tokens, |t| matches!(t, Term::Inspect)))
                .flatten()
        });
        // A sentence with no group word still reports a delegation when its subject
        // "worked with" communes or wards: "Comrade X, Vice Chair of …, worked with A commune".
        let g = group_word.or(visit)?;
        let mut j = g + tokens[g].term.map_or(1, |(_, l)| l);
        let mut number = None;
        for _ in 0..3 {
            if group_word.is_none() {
                break;
            }
            match tokens.get(j) {
                Some(t) if matches!(t.kind, TokenKind::Number(_)) => {
                    if let TokenKind::Number(n) = t.kind {
                        number = Some(n);
                    }
                    j += 1;
                    break;
                }
                Some(t) if matches!(t.term, Some((Term::Number, _))) || t.punct() == Some('.') => {
                    j += 1
                }
                _ => break,
            }
        }
        let led = find_term(tokens, |t| matches!(t, Term::LedBy | Term::ChairedBy));
        let leader = group_leader(tokens, here, g, j, led, visit);
        let visited = match (group_word, visit) {
            (None, Some(v)) => visited_places(self.text, read, v, self.language),
            _ => Vec::new(),
        };
        if group_word.is_none() && visited.is_empty() {
            return None;
        }
        if number.is_none() && leader.is_none() {
            return None;
        }
        let province = province_ref(place);
        let area_slug = province
            .as_ref()
            .map_or("unplaced".to_string(), |(id, _, _)| {
                id.as_str().trim_start_matches("area:").to_string()
            });
        let (group_id, group_name) = match (number, leader) {
            (Some(n), _) => (
                EntityId::new(format!("group:{area_slug}-{n}")),
                format!("Working Group No. {n}"),
            ),
            (None, Some(who)) => match self.led_groups.get(&who.person) {
                Some(known) => {
                    number = match self.entities.get(known).map(|e| &e.kind) {
                        Some(EntityKind::WorkingGroup { number }) => *number,
                        _ => None,
                    };
                    (known.clone(), String::new())
                }
                None => {
                    let person = who.person.as_str().trim_start_matches("person:");
                    let name = self
                        .entities
                        .get(&who.person)
                        .map_or(person.to_string(), |e| e.name.clone());
                    (
                        EntityId::new(format!("group:{area_slug}-delegation-{person}")),
                        format!("Working delegation led by {name}"),
                    )
                }
            },
            (None, None) => return None,
        };
        if let Some(who) = leader {
            self.led_groups
                .entry(who.person.clone())
                .or_insert_with(|| group_id.clone());
        }
        self.entity(&group_id, &group_name, EntityKind::WorkingGroup { number });
        let span = read.span;
        // The parent body: body words right after the number.
        let mut bodies = Vec::new();
        let mut level = None;
        let mut k = j;
        while group_word.is_some() && k < tokens.len() && Some(k) != led {
            match tokens[k].term {
                Some((Term::Body(b), len)) => {
                    bodies.push(b);
                    k += len;
                }
                Some((Term::Level(l), len)) => {
                    level.get_or_insert(l);
                    k += len;
                }
                Some((Term::Link, len)) => k += len,
                _ if matches!(tokens[k].punct(), Some(',' | '،')) => k += 1,
                // "of the Quang Ninh Provincial Party Standing Committee"
                None if let Some((_, next)) =
                    scan::place_at(self.text, tokens, k, self.language)
                    && matches!(scan::term_of(tokens, next), Some(Term::Level(_))) =>
                {
                    k = next
                }
                _ => break,
            }
        }
        if !bodies.is_empty() {
            let spec = TitleSpec {
                role: Some(Role::Member),
                bodies,
                level,
                ..TitleSpec::default()
            };
            if let Some(post) = post_ref(&spec, place) {
                self.entity(
                    &post.org_id,
                    &post.org_name,
                    EntityKind::Organization {
                        classification: post.classification,
                    },
                );
                self.relate(
                    RelationKind::EstablishedBy,
                    &group_id,
                    &post.org_id,
                    span,
                    "group-parent",
                    80,
                );
            }
        }
        if let Some(who) = leader {
            let confidence = who.confidence.min(90);
            self.relate(
                RelationKind::Leads,
                &who.person,
                &group_id,
                span,
                "group-led-by",
                confidence,
            );
        }
        // Whether the sentence reports the group at work with places (a session held).
        let mut worked = !visited.is_empty();
        let inspects = positions_of(tokens, Term::Inspect);
        let stops = positions_of(tokens, Term::Stop);
        for (place_name, level) in &visited {
            let area = area_ref(&place_name.canonical, *level);
            self.area(&area, Some(place_name));
            self.relate(
                RelationKind::WorksWith,
                &group_id,
                &area.0,
                span,
                "delegation-visit",
                75,
            );
            if let Some(province) = &province {
                self.area(province, None);
                self.relate(
                    RelationKind::Within,
                    &area.0,
                    &province.0,
                    span,
                    "group-areas",
                    70,
                );
            }
        }
        let lists = read.lists.iter().filter(|_| group_word.is_some());
        for list in lists.filter(|l| l.first_token > g) {
            let number = number.map_or(String::new(), |n| n.to_string());
            // "worked with A and B, and inspected C": the nearer verb decides.
            let before = |marks: &[usize]| {
                marks
                    .iter()
                    .filter(|&&m| m < list.first_token)
                    .max()
                    .copied()
            };
            let inspected = match (before(&inspects), before(&stops)) {
                (Some(i), Some(w)) => i > w,
                (Some(_), None) => true,
                _ => false,
            };
            let (kind, rule) = if inspected {
                (RelationKind::Inspected, "group-inspected")
            } else {
                (RelationKind::WorksWith, "group-areas")
            };
            worked |= !inspected && !list.places.is_empty();
            if let Some(n) = list.announced
                && n as usize != list.places.len()
            {
                self.diagnostics.push(Diagnostic {
                    span: Some((span.start, span.end)),
                    message: format!(
                        "working group {number}: the text announces {n} places but lists {}",
                        list.places.len()
                    ),
                });
            }
            for place_name in &list.places {
                let area = area_ref(&place_name.canonical, list.level);
                self.area(&area, Some(place_name));
                self.relate(kind, &group_id, &area.0, span, rule, 85);
                if let Some(province) = &province {
                    self.area(province, None);
                    self.relate(
                        RelationKind::Within,
                        &area.0,
                        &province.0,
                        span,
                        "group-areas",
                        70,
                    );
                }
            }
        }
        // The working session the sentence reports, chaired by the group's leader.
        let (group_slug, session_name) = match number {
            Some(n) => (
                format!("group-{n}"),
                format!("Working session of Working Group No. {n}"),
            ),
            None => (
                format!(
                    "group-{}",
                    group_id
                        .as_str()
                        .rsplit_once("delegation-")
                        .map_or("", |p| p.1)
                ),
                match self.entities.get(&group_id) {
                    Some(e) => format!("Working session of the {}", e.name),
                    None => "Working session".to_string(),
                },
            ),
        };
        // Only a sentence that says so reports a session the leader chaired: "chaired
        // (by)", or "led by" with the group at work with places in the same sentence —
        // the leader named in a group's make-up ("Group 1, headed by A") chairs nothing.
        let chairs = (led.is_some() && worked)
            || find_term(tokens, |t| {
                matches!(t, Term::ChairedBy | Term::ChairVerb | Term::CoChair)
            })
            .is_some();
        let event = leader.filter(|_| chairs).map(|who| {
            let event = EntityId::new(format!("event:{}-{group_slug}-session", self.source_slug()));
            self.entity(&event, &session_name, EntityKind::Event { date });
            self.relate(
                RelationKind::Chaired,
                &who.person,
                &event,
                span,
                "group-session-chair",
                60,
            );
            self.relate(
                RelationKind::TookPart,
                &group_id,
                &event,
                span,
                "group-session",
                60,
            );
            event
        });
        Some((group_id, event))
    }

    /// Officials who accompany the paragraph's working group ("Accompanying the delegation
    /// was comrade X", "X accompanied the group", "Die Arbeitsgruppe wurde von X
    /// begleitet") and its members ("The working group includes comrades A, B and C").
    /// The group's own leader is neither.
    fn group_company(&mut self, read: &Read, here: &[Who], group_id: &EntityId) {
        let tokens = &read.tokens;
        let leads = |out: &Self, who: &Who| out.has(RelationKind::Leads, &who.person, group_id);
        if let Some(i) = find_term(tokens, |t| matches!(t, Term::Accompany)) {
            let after: Vec<&Who> = here.iter().filter(|w| w.at > i).collect();
            let company = if after.is_empty() {
                // The verb last ("… von X begleitet", "X accompanied the group"): the
                // persons before it, after any leader the sentence names.
                let floor = tokens[..i]
                    .iter()
                    .rposition(|t| {
                        t.term
                            .is_some_and(|(t, _)| matches!(t, Term::LedBy | Term::ChairedBy))
                    })
                    .map_or(0, |l| l + 1);
                here.iter().filter(|w| w.at >= floor && w.at < i).collect()
            } else {
                after
            };
            for who in company {
                if !leads(self, who) {
                    self.relate(
                        RelationKind::Accompanied,
                        &who.person,
                        group_id,
                        read.span,
                        "accompanied-by",
                        who.confidence.min(80),
                    );
                }
            }
        }
        let names_group = find_term(tokens, |t| {
            matches!(t, Term::Group | Term::Body(Body::Delegation))
        })
        .is_some();
        if names_group && let Some(i) = find_term(tokens, |t| matches!(t, Term::Members)) {
            for who in here.iter().filter(|w| w.at > i) {
                if !leads(self, who) {
                    self.relate(
                        RelationKind::MemberOf,
                        &who.person,
                        group_id,
                        read.span,
                        "group-members",
                        who.confidence.min(80),
                    );
                }
            }
        }
    }

    /// "The working group inspected … in Tam Thanh ward and Ky Lua ward": places named
    /// after the inspect verb.
    fn inspected(&mut self, read: &Read, group_id: &EntityId, after: usize, place: &Place) {
        let mut places: Vec<PlaceName> = read
            .lists
            .iter()
            .filter(|l| l.first_token > after)
            .flat_map(|l| l.places.iter().cloned())
            .collect();
        for (p, (start, _)) in scan::level_places(self.text, &read.tokens, self.language) {
            if start > after
                && matches!(p.level, Some(AreaLevel::Commune | AreaLevel::Ward))
                && !places.iter().any(|q| q.span == p.span)
            {
                places.push(p);
            }
        }
        for p in places {
            let area = area_ref(&p.canonical, p.level.unwrap_or(AreaLevel::Commune));
            self.area(&area, Some(&p));
            self.relate(
                RelationKind::Inspected,
                group_id,
                &area.0,
                read.span,
                "group-inspected",
                70,
            );
            if let Some(province) = province_ref(place) {
                self.area(&province, None);
                self.relate(
                    RelationKind::Within,
                    &area.0,
                    &province.0,
                    read.span,
                    "group-areas",
                    70,
                );
            }
        }
    }

    /// A sentence saying who chaired or attended a meeting.
    fn meeting(
        &mut self,
        read: &Read,
        here: &[Who],
        n_meetings: &mut usize,
        last_event: Option<EntityId>,
        date: Option<PartialDate>,
    ) -> Option<EntityId> {
        let tokens = &read.tokens;
        let chaired_by = find_term(tokens, |t| matches!(t, Term::ChairedBy));
        let chair_verb = find_term(tokens, |t| matches!(t, Term::ChairVerb));
        let attend = find_term(tokens, |t| matches!(t, Term::Attend));
        let co_chair = find_term(tokens, |t| matches!(t, Term::CoChair));
        let chairs: Vec<&Who> = match (co_chair, chaired_by, chair_verb) {
            // "A and B co-chaired", "co-chaired by A and B": all of them.
            (Some(i), _, _) => {
                let before: Vec<&Who> = here.iter().filter(|w| w.at < i).collect();
                if before.is_empty() {
                    here.iter().filter(|w| w.at > i).collect()
                } else {
                    before
                }
            }
            // "chaired by comrades: A, …; B, …": a list after a colon chairs together.
            (None, Some(i), _) if colon_after(tokens, i) => {
                here.iter().filter(|w| w.at > i).collect()
            }
            (None, Some(i), _) => here.iter().find(|w| w.at > i).into_iter().collect(),
            (None, None, Some(i)) => match semicolon_subjects(tokens, here, i) {
                Some(all) => all,
                None => here
                    .iter()
                    .rev()
                    .find(|w| w.at < i)
                    .or_else(|| here.iter().find(|w| w.at > i))
                    .into_iter()
                    .collect(),
            },
            _ => Vec::new(),
        };
        if chairs.is_empty() && (attend.is_none() || here.is_empty()) {
            return None;
        }
        let event = match (chairs.is_empty(), last_event) {
            (true, Some(event)) => event,
            _ => {
                *n_meetings += 1;
                let source_slug = self.source_slug();
                let suffix = if *n_meetings == 1 {
                    String::new()
                } else {
                    format!("-{n_meetings}")
                };
                EntityId::new(format!("event:{source_slug}-meeting{suffix}"))
            }
        };
        self.entity(&event, "Meeting", EntityKind::Event { date });
        let span = read.span;
        for who in &chairs {
            let rule = if co_chair.is_some() {
                "co-chair"
            } else if chaired_by.is_some() {
                "chaired-by"
            } else {
                "chair-verb"
            };
            self.relate(
                RelationKind::Chaired,
                &who.person,
                &event,
                span,
                rule,
                who.confidence.min(85),
            );
        }
        if attend.is_some() {
            for who in here {
                if chairs.iter().any(|c| c.person == who.person) {
                    continue;
                }
                self.relate(
                    RelationKind::Attended,
                    &who.person,
                    &event,
                    span,
                    "attended",
                    who.confidence.min(80),
                );
            }
        }
        Some(event)
    }
}

/// "Comrades: A, titles; B, titles; C, titles chaired": persons listed with `;` between
/// them, right before the verb, are its subject together.
fn semicolon_subjects<'w>(tokens: &[Token], here: &'w [Who], verb: usize) -> Option<Vec<&'w Who>> {
    let before: Vec<&Who> = here.iter().filter(|w| w.at < verb).collect();
    let mut subject = vec![*before.last()?];
    for pair in before.windows(2).rev() {
        let between = &tokens[pair[0].at..pair[1].at];
        if !between.iter().any(|t| matches!(t.punct(), Some(';' | '؛'))) {
            break;
        }
        subject.push(pair[0]);
    }
    subject.reverse();
    (subject.len() >= 2).then_some(subject)
}

/// The first group word of the sentence followed by its number ("đoàn công tác của tỉnh
/// …, Trưởng đoàn kiểm tra số 4": the second one).
fn numbered_group(tokens: &[Token]) -> Option<usize> {
    tokens.iter().enumerate().find_map(|(g, t)| {
        let Some((Term::Group, len)) = t.term else {
            return None;
        };
        let mut j = g + len;
        while tokens
            .get(j)
            .is_some_and(|t| matches!(t.term, Some((Term::Number, _))) || t.punct() == Some('.'))
        {
            j += 1;
        }
        matches!(tokens.get(j).map(|t| t.kind), Some(TokenKind::Number(_))).then_some(g)
    })
}

/// Who leads the group named at token `g` (its number, if any, ends before `after`):
/// the person after "led by"; the subject of "led" or "worked with"; or the person whose
/// title is "Head of Working Group N", written after the name or right before it.
fn group_leader<'w>(
    tokens: &[Token],
    here: &'w [Who],
    g: usize,
    after: usize,
    led: Option<usize>,
    visit: Option<usize>,
) -> Option<&'w Who> {
    if let Some(l) = led {
        // "led by X"; or, the verb last ("wird von Genosse X, …, geleitet"), the person
        // between the group and the verb.
        return here
            .iter()
            .find(|w| w.at > l)
            .or_else(|| here.iter().rev().find(|w| w.at > g && w.at < l));
    }
    let subject = |v: usize| here.iter().rev().find(|w| w.at < v);
    if let Some(l) = find_term(tokens, |t| matches!(t, Term::LeadVerb))
        && let Some(who) = subject(l)
    {
        return Some(who);
    }
    // "Head of (the) Working Group No. 10": a head role followed only by glue.
    let head = (g.saturating_sub(4)..g).rev().find(|&h| {
        matches!(tokens[h].term, Some((Term::Role(Role::Head), len))
        if h + len <= g
            && tokens[h + len..g].iter().all(|t| {
                matches!(t.term, Some((Term::Link, _))) || (t.in_term && t.term.is_none())
            }))
    });
    if let Some(h) = head {
        return here
            .iter()
            .find(|w| w.at >= after && w.at <= after + 2)
            .or_else(|| subject(h));
    }
    // The subject, before the verb or (verb first: "besuchte Genosse X") right after it.
    visit.and_then(|v| subject(v).or_else(|| here.iter().find(|w| w.at > v)))
}

/// The communes and wards a person's visit names (sentence with no group word): the lists
/// after the verb, and any commune, ward or district named next to its level word that is
/// not the place of somebody's title.
fn visited_places(
    text: &str,
    read: &Read,
    verb: usize,
    language: &Language,
) -> Vec<(PlaceName, AreaLevel)> {
    let mut out: Vec<(PlaceName, AreaLevel)> = read
        .lists
        .iter()
        .filter(|l| l.first_token > verb)
        .flat_map(|l| l.places.iter().map(|p| (p.clone(), l.level)))
        .collect();
    let in_title = |p: &PlaceName| {
        read.named
            .iter()
            .flat_map(|(_, titles)| titles)
            .chain(read.orphans.iter().map(|(t, _)| t))
            .any(|t| t.place.as_ref().is_some_and(|q| q.span == p.span))
    };
    for (place, _) in scan::level_places(text, &read.tokens, language) {
        let Some(level) = place.level else { continue };
        let local = matches!(
            level,
            AreaLevel::Commune | AreaLevel::Ward | AreaLevel::District | AreaLevel::Town
        );
        if local && !in_title(&place) && !out.iter().any(|(p, _)| p.span == place.span) {
            out.push((place, level));
        }
    }
    out
}

/// True when a colon follows the phrase at `i`, perhaps after "comrades".
fn colon_after(tokens: &[Token], i: usize) -> bool {
    let mut k = i + tokens[i].term.map_or(1, |(_, l)| l);
    while matches!(scan::term_of(tokens, k), Some(Term::Comrade)) {
        k += tokens[k].term.map_or(1, |(_, l)| l);
    }
    tokens.get(k).is_some_and(|t| t.punct() == Some(':'))
}

/// Indices of the tokens that start a phrase meaning `term`.
fn positions_of(tokens: &[Token], term: Term) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.term.as_ref().is_some_and(|(found, _)| *found == term))
        .map(|(i, _)| i)
        .collect()
}
