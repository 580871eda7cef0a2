//! The country's places: every province, district, commune and ward before the 1 July 2025
//! reorganization and every province and commune after it, with official codes, parents,
//! successors and coordinates (`data/gazetteer/vn.tsv`, written by `scripts/gazetteer.py`).
//!
//! Pure: [`parse`] turns the file's text into a [`Gazetteer`] or a [`GazetteerError`] with a
//! line and column; `load::read_gazetteer` reads it from disk. The committed file is also
//! compiled in ([`Gazetteer::embedded`]) for the parts of the library that need the 2025
//! mergers without a data directory (resolution of provinces). Names are looked up by their
//! folded key ([`crate::text::search_key`]), so "Hữu Lũng" and "Huu Lung" find the same units.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::model::PartialDate;
use crate::text::search_key;

mod enrich;
pub use enrich::{Enrichment, area_level, check_code, curated_units, enrich, lies_in};

/// The first line of a gazetteer file this build reads.
pub const FORMAT: &str = "#govgraph-gazetteer 1";
/// The columns, in order, of the header line.
pub const HEADER: &str = "id\tlevel\ttype\tname\tparent\tera\tlat\tlon\tsuccessors";
/// The day the 2025 units came into being; the old ones were valid until the day before.
pub const REORGANIZATION: (u16, u8, u8) = (2025, 7, 1);

/// Where a unit sits in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Province or centrally-run city.
    Province,
    /// District, town or provincial city (abolished on 1 July 2025).
    District,
    /// Commune, ward, township or special zone.
    Commune,
}

/// Which map a unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// Valid until 2025-06-30.
    Old,
    /// Valid from 2025-07-01.
    New,
}

/// One administrative unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `vn-<code>` for 2025 units, `vn-old-<code>` for earlier ones.
    pub code_id: String,
    pub level: Level,
    /// The Vietnamese division type, folded: `tinh`, `thanh-pho`, `quan`, `huyen`, `thi-xa`,
    /// `xa`, `phuong`, `thi-tran`, `dac-khu`.
    pub kind: String,
    /// The name with diacritics, without the division type ("Hữu Lũng").
    pub name: String,
    /// The lookup key of the name ("huu lung").
    pub key: String,
    pub parent: Option<usize>,
    pub era: Era,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Old commune → new commune(s) (the usual one first); old district or province → new
    /// province. Empty for 2025 units.
    pub successors: Vec<usize>,
}

impl Unit {
    /// The graph id: `area:vn-06385`.
    pub fn area_id(&self) -> String {
        format!("area:{}", self.code_id)
    }

    /// The Vietnamese division word ("xã", "phường", "tỉnh", "huyện" …).
    pub fn kind_word(&self) -> &'static str {
        match self.kind.as_str() {
            "tinh" => "tỉnh",
            "thanh-pho" => "thành phố",
            "quan" => "quận",
            "huyen" => "huyện",
            "thi-xa" => "thị xã",
            "xa" => "xã",
            "phuong" => "phường",
            "thi-tran" => "thị trấn",
            "dac-khu" => "đặc khu",
            _ => "",
        }
    }

    /// True when the unit existed on `date` (a partial date counts when any day of it does).
    pub fn valid_on(&self, date: &PartialDate) -> bool {
        match self.era {
            Era::Old => date.earliest() < REORGANIZATION,
            Era::New => date.latest() >= REORGANIZATION,
        }
    }
}

/// What is wrong with a gazetteer text, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    #[error("{line}:{col}: not a gazetteer of this version: expected `{FORMAT}`, found `{found}`")]
    Version {
        line: usize,
        col: usize,
        found: String,
    },
    #[error("{line}:{col}: truncated: {what}")]
    Truncated {
        line: usize,
        col: usize,
        what: String,
    },
    #[error("{line}:{col}: {what}")]
    Field {
        line: usize,
        col: usize,
        what: String,
    },
}

impl GazetteerError {
    /// The 1-based line and column.
    pub fn position(&self) -> (usize, usize) {
        match self {
            Self::Version { line, col, .. }
            | Self::Truncated { line, col, .. }
            | Self::Field { line, col, .. } => (*line, *col),
        }
    }

    /// The message without the position.
    pub fn message(&self) -> String {
        let text = self.to_string();
        let (line, col) = self.position();
        text.strip_prefix(&format!("{line}:{col}: "))
            .unwrap_or(&text)
            .to_string()
    }
}

/// All units, indexed by code and by name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    units: Vec<Unit>,
    by_code: HashMap<String, usize>,
    by_key: BTreeMap<String, Vec<usize>>,
    predecessors: Vec<Vec<usize>>,
    /// The `#sources` line.
    pub sources: String,
}

impl Gazetteer {
    /// The committed `data/gazetteer/vn.tsv`, compiled in and parsed once.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            parse(include_str!("../../data/gazetteer/vn.tsv"))
                .expect("the committed gazetteer parses (checked by a test)")
        })
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn unit(&self, index: usize) -> &Unit {
        &self.units[index]
    }

    /// The unit of a code id (`vn-06385`) or graph id (`area:vn-06385`).
    pub fn by_id(&self, id: &str) -> Option<usize> {
        let id = id.strip_prefix("area:").unwrap_or(id);
        self.by_code.get(id).copied()
    }

    /// Every unit whose name has this lookup key, sorted (2025 units first, then by code).
    pub fn named(&self, key: &str) -> &[usize] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// Units found by id or by name (in any spelling with or without diacritics, optionally
    /// with its division word: "xã Hữu Lũng", "Huyen Huu Lung", "tỉnh Hà Nam").
    pub fn find(&self, text: &str) -> Vec<usize> {
        if let Some(i) = self.by_id(text.trim()) {
            return vec![i];
        }
        let key = search_key(text);
        let found = self.named(&key);
        if !found.is_empty() {
            return found.to_vec();
        }
        for (word, kinds) in KIND_WORDS {
            if let Some(rest) = key.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) {
                return self
                    .named(rest)
                    .iter()
                    .copied()
                    .filter(|&i| kinds.contains(&self.units[i].kind.as_str()))
                    .collect();
            }
        }
        Vec::new()
    }

    /// The keys of all names, for building a recognizer.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.by_key.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The units this one became (empty for 2025 units).
    pub fn successors(&self, index: usize) -> &[usize] {
        &self.units[index].successors
    }

    /// The old units that became this one.
    pub fn predecessors(&self, index: usize) -> &[usize] {
        &self.predecessors[index]
    }

    /// The province a unit lies in (itself for a province).
    pub fn province_of(&self, index: usize) -> usize {
        let mut i = index;
        // Parents form a tree of depth ≤ 3 (checked when parsing).
        while let Some(p) = self.units[i].parent {
            i = p;
        }
        i
    }

    /// The 2025 province a unit lies in now: its own province, or what that became.
    pub fn current_province(&self, index: usize) -> usize {
        let province = self.province_of(index);
        match self.units[province].era {
            Era::New => province,
            Era::Old => self.units[province]
                .successors
                .first()
                .copied()
                .unwrap_or(province),
        }
    }

    /// The 2025 province that an old province became, `None` for 2025 provinces.
    pub fn merged_into(&self, index: usize) -> Option<usize> {
        let unit = &self.units[index];
        (unit.level == Level::Province && unit.era == Era::Old)
            .then(|| unit.successors.first().copied())
            .flatten()
    }
}

/// Folded division words accepted before a name, and the kinds they select.
const KIND_WORDS: &[(&str, &[&str])] = &[
    ("tinh", &["tinh"]),
    ("thanh pho", &["thanh-pho"]),
    ("quan", &["quan"]),
    ("huyen", &["huyen"]),
    ("thi xa", &["thi-xa"]),
    ("xa", &["xa"]),
    ("phuong", &["phuong"]),
    ("thi tran", &["thi-tran"]),
    ("dac khu", &["dac-khu"]),
];

const LEVELS: &[(&str, Level)] = &[
    ("province", Level::Province),
    ("district", Level::District),
    ("commune", Level::Commune),
];
const KINDS: &[&str] = &[
    "tinh",
    "thanh-pho",
    "quan",
    "huyen",
    "thi-xa",
    "xa",
    "phuong",
    "thi-tran",
    "dac-khu",
];

/// Parses a gazetteer file: the version line, `#sources`, `#counts`, the header, then one
/// unit a line. Counts must match (a truncated file is caught even at a line boundary),
/// every parent and successor must be a unit of the file, parents must be one level up in
/// the same era, and every old unit must have a successor.
pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split('\n').enumerate().map(|(i, l)| (i + 1, l));
    let field = |line, col, what: String| GazetteerError::Field { line, col, what };
    let (_, first) = lines.next().unwrap_or((1, ""));
    if first != FORMAT {
        return Err(GazetteerError::Version {
            line: 1,
            col: 1,
            found: first.chars().take(60).collect(),
        });
    }
    let mut sources = String::new();
    let mut counts: Option<(usize, BTreeMap<String, usize>)> = None;
    let mut header_seen = false;
    let mut rows: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut last_line = 1;
    let ends_with_newline = text.ends_with('\n');
    for (n, line) in lines {
        last_line = n;
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("#sources\t") {
            sources = rest.replace('\t', "; ");
            continue;
        }
        if let Some(rest) = line.strip_prefix("#counts\t") {
            let mut map = BTreeMap::new();
            for part in rest.split('\t') {
                let bad = || field(n, 1, format!("malformed count `{part}`"));
                let (k, v) = part.split_once('=').ok_or_else(bad)?;
                map.insert(k.to_string(), v.parse::<usize>().map_err(|_| bad())?);
            }
            counts = Some((n, map));
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line != HEADER {
                return Err(field(n, 1, format!("expected the header `{HEADER}`")));
            }
            header_seen = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 9 {
            let what = format!("expected 9 tab-separated columns, found {}", cols.len());
            if !ends_with_newline && n == text.split('\n').count() {
                return Err(GazetteerError::Truncated {
                    line: n,
                    col: line.chars().count() + 1,
                    what,
                });
            }
            return Err(field(n, 1, what));
        }
        rows.push((n, cols));
    }
    if !header_seen {
        return Err(GazetteerError::Truncated {
            line: last_line,
            col: 1,
            what: "no header line".into(),
        });
    }
    if !ends_with_newline {
        return Err(GazetteerError::Truncated {
            line: last_line,
            col: 1,
            what: "the last line has no newline".into(),
        });
    }

    let mut g = Gazetteer {
        sources,
        ..Gazetteer::default()
    };
    // Column start (1-based, in characters) of column `c` of a row.
    let col_of = |cols: &[&str], c: usize| -> usize {
        1 + cols[..c]
            .iter()
            .map(|s| s.chars().count() + 1)
            .sum::<usize>()
    };
    // Names repeat across the two maps: fold each distinct name once.
    let mut keys: HashMap<&str, String> = HashMap::with_capacity(rows.len());
    g.units.reserve(rows.len());
    g.by_code.reserve(rows.len());
    for (i, (n, cols)) in rows.iter().enumerate() {
        let code = cols[0];
        if !(code.starts_with("vn-")
            && code.len() > 3
            && code[3..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c.is_ascii_lowercase()))
        {
            return Err(field(*n, 1, format!("malformed id `{code}`")));
        }
        if g.by_code.insert(code.to_string(), i).is_some() {
            return Err(field(*n, 1, format!("duplicate id `{code}`")));
        }
        let level = LEVELS
            .iter()
            .find(|(w, _)| *w == cols[1])
            .map(|(_, l)| *l)
            .ok_or_else(|| field(*n, col_of(cols, 1), format!("unknown level `{}`", cols[1])))?;
        if !KINDS.contains(&cols[2]) {
            return Err(field(
                *n,
                col_of(cols, 2),
                format!("unknown division type `{}`", cols[2]),
            ));
        }
        if cols[3].trim().is_empty() {
            return Err(field(*n, col_of(cols, 3), "empty name".into()));
        }
        let era = match cols[5] {
            "old" => Era::Old,
            "new" => Era::New,
            other => {
                return Err(field(
                    *n,
                    col_of(cols, 5),
                    format!("unknown era `{other}` (old or new)"),
                ));
            }
        };
        let coord = |c: usize| -> Result<Option<f64>, GazetteerError> {
            if cols[c].is_empty() {
                return Ok(None);
            }
            cols[c]
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= 180.0)
                .map(Some)
                .ok_or_else(|| {
                    field(
                        *n,
                        col_of(cols, c),
                        format!("malformed coordinate `{}`", cols[c]),
                    )
                })
        };
        g.units.push(Unit {
            code_id: code.to_string(),
            level,
            kind: cols[2].to_string(),
            name: cols[3].to_string(),
            key: keys
                .entry(cols[3])
                .or_insert_with(|| search_key(cols[3]))
                .clone(),
            parent: None,
            era,
            lat: coord(6)?,
            lon: coord(7)?,
            successors: Vec::new(),
        });
    }
    // References, once every id is known.
    g.predecessors = vec![Vec::new(); g.units.len()];
    for (i, (n, cols)) in rows.iter().enumerate() {
        let lookup = |id: &str, c: usize| {
            g.by_code
                .get(id)
                .copied()
                .ok_or_else(|| field(*n, col_of(cols, c), format!("unknown unit `{id}`")))
        };
        let unit = &g.units[i];
        let parent = if cols[4].is_empty() {
            None
        } else {
            Some(lookup(cols[4], 4)?)
        };
        let expected_parent = match unit.level {
            Level::Province => None,
            Level::District => Some(Level::Province),
            Level::Commune => Some(if unit.era == Era::Old {
                Level::District
            } else {
                Level::Province
            }),
        };
        let parent_level = parent.map(|p| (g.units[p].level, g.units[p].era));
        if parent_level.map(|(l, _)| l) != expected_parent
            || parent_level.is_some_and(|(_, e)| e != unit.era)
        {
            return Err(field(
                *n,
                col_of(cols, 4),
                format!(
                    "a {:?} {:?} unit needs a parent one level up in its era",
                    unit.era, unit.level
                )
                .to_lowercase(),
            ));
        }
        let mut successors = Vec::new();
        if !cols[8].is_empty() {
            for s in cols[8].split(',') {
                let j = lookup(s, 8)?;
                if g.units[j].era != Era::New || g.units[i].era != Era::Old {
                    return Err(field(
                        *n,
                        col_of(cols, 8),
                        format!("successor `{s}` must be a 2025 unit of an older one"),
                    ));
                }
                successors.push(j);
            }
        }
        if g.units[i].era == Era::Old && successors.is_empty() {
            return Err(field(
                *n,
                col_of(cols, 8),
                "a unit before 2025 needs its successor".into(),
            ));
        }
        for &s in &successors {
            g.predecessors[s].push(i);
        }
        g.units[i].parent = parent;
        g.units[i].successors = successors;
    }
    if let Some((line, counts)) = counts {
        let mut found: BTreeMap<String, usize> = BTreeMap::new();
        for u in &g.units {
            let era = if u.era == Era::Old { "old" } else { "new" };
            let level = LEVELS
                .iter()
                .find(|(_, l)| *l == u.level)
                .map_or("", |p| p.0);
            *found.entry(format!("{era}-{level}")).or_default() += 1;
        }
        if found != counts {
            return Err(GazetteerError::Truncated {
                line,
                col: 1,
                what: format!(
                    "the file promises {} units and holds {}",
                    counts.values().sum::<usize>(),
                    g.units.len()
                ),
            });
        }
    }
    for (i, u) in g.units.iter().enumerate() {
        g.by_key.entry(u.key.clone()).or_default().push(i);
    }
    for list in g.by_key.values_mut() {
        list.sort_by_key(|&i| (g.units[i].era == Era::Old, i));
    }
    Ok(g)
}

#[cfg(test)]
mod tests;
