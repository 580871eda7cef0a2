//! JSON lines of articles in, JSON lines of records out (`govgraph extract --jsonl`), and
//! reading those records back into a build (`govgraph build --extracted PATH`).
//!
//! One article is read, extracted and written at a time, so memory is bounded by the
//! longest line, whatever the length of the stream: the form that Spark's `RDD.pipe`,
//! Hadoop streaming and `parallel --pipe` drive. A bad line (not JSON, a missing or bad
//! field, over the size limit) is reported as `PATH:LINE:COL: message` and skipped; the
//! run goes on with the next line, writes nothing for the bad one and exits 2 at the end.
//! Every line written is complete, and the output depends only on the input lines.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, LineIndex, Position, Problem, ProblemKind, Result};
use crate::extract::{self, SiteTable};
use crate::model::{Document, EntityId, Lang, PartialDate};
use crate::pipeline::Extracted;

/// One input line: an article. `text` may open with a front matter; these fields win over
/// it. Spans of the output point into `text`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleLine {
    /// The article's name, as a file stem (`004-hai-phong-de`) or its source id
    /// (`source:004-hai-phong-de`).
    source: String,
    text: String,
    #[serde(default, deserialize_with = "lang")]
    lang: Option<Lang>,
    #[serde(default, deserialize_with = "date")]
    date: Option<PartialDate>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    area: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    translation_of: Option<String>,
}

fn lang<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Lang>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(code) => super::bulk::parse_lang(&code).map(Some).map_err(|_| {
            serde::de::Error::custom(format!("`lang`: `{code}` is not one of ar, de, en, fr, vi"))
        }),
    }
}

fn date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<PartialDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("`date`: `{text}`: {e}"))),
    }
}

/// One output line: the records of one article.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsLine {
    /// The article's source id; every fact of `records` cites it.
    pub source: EntityId,
    /// The language the text was read in.
    pub lang: Lang,
    /// What extraction noticed and could not use, as `LINE:COL: message` in `text`.
    pub diagnostics: Vec<String>,
    /// The article's records, sorted (the shape of `extract --format json`).
    pub records: Document,
}

/// The source id a line's `source` names: a stem is made an id as a file stem is.
fn source_id(source: &str) -> EntityId {
    match source.strip_prefix("source:") {
        Some(_) => EntityId::new(source),
        None => crate::article::source_id_for_stem(source),
    }
}

/// Extracts one article line as `build` extracts an article file named `source`.
fn extract_line(
    article: ArticleLine,
    sites: &SiteTable,
) -> std::result::Result<RecordsLine, String> {
    let id = source_id(&article.source);
    if let Some(problem) = id.problem() {
        return Err(format!(
            "`source`: `{}` gives no usable source id: {problem}",
            article.source
        ));
    }
    let stem = id.as_str().trim_start_matches("source:").to_string();
    let stem = if article.source.starts_with("source:") {
        stem
    } else {
        article.source.clone()
    };
    let text = article.text;
    let (front, _) = crate::article::parse(&text);
    let (mut options, body_offset) = extract::options_for_article(&stem, &text, sites);
    options.source = id.clone();
    options.lang = article.lang.or(options.lang);
    options.date = article.date.or(options.date);
    options.url = article.url.or(options.url);
    options.area = article.area.or(options.area);
    // The name `build` gives an article's source: its title, else its file stem.
    options.title = article.title.or(options.title).or(Some(stem));
    if let Some(of) = article.translation_of {
        options.translation_of = Some(source_id(&of));
    }
    let extraction = extract::extract(&extract::mask_front_matter(&text, body_offset), &options);
    let mut records = extraction.document;
    if let Some(note) = front.note
        && let Some(source) = records.entities.iter_mut().find(|e| e.id == id)
    {
        source.note = Some(note);
    }
    let lines = LineIndex::new(&text);
    let diagnostics = extraction
        .diagnostics
        .iter()
        .map(|d| match d.span {
            Some((start, _)) => format!("{}: {}", lines.position(&text, start), d.message),
            None => d.message.clone(),
        })
        .collect();
    Ok(RecordsLine {
        source: id,
        lang: extraction.lang,
        diagnostics,
        records,
    })
}

/// At most this many bad lines are kept for the final report; the rest are counted.
const MAX_REPORTED: usize = 1000;

/// Bad lines seen so far: the first [`MAX_REPORTED`] kept, the others counted.
#[derive(Default)]
struct BadLines {
    problems: Vec<Problem>,
    more: usize,
}

impl BadLines {
    fn push(&mut self, problem: Problem) {
        if self.problems.len() < MAX_REPORTED {
            self.problems.push(problem);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self, last: Option<(String, usize)>) -> Result<()> {
        if self.problems.is_empty() {
            return Ok(());
        }
        if self.more > 0
            && let Some((path, line)) = last
        {
            self.problems.push(Problem::at(
                path,
                Position { line, col: 1 },
                ProblemKind::Syntax,
                format!("{} more bad lines not listed", self.more),
            ));
        }
        Err(Error::Invalid(self.problems))
    }
}

/// Reads the lines of `input` one at a time into `line` (its line break removed), each at
/// most `limit` bytes: a longer line is skipped to its end and given as `Err(length)`.
/// Returns `None` at the end of the input.
fn next_line(
    input: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<Option<std::result::Result<(), u64>>> {
    line.clear();
    let read = std::io::Read::take(&mut *input, limit + 1).read_until(b'\n', line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(Some(Ok(())));
    }
    if (line.len() as u64) <= limit {
        return Ok(Some(Ok(()))); // the last line, without a line break
    }
    // Too long: drop the rest of it without keeping it.
    let mut length = line.len() as u64;
    line.clear();
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => {
                length += i as u64;
                input.consume(i + 1);
                break;
            }
            None => {
                let n = buffer.len();
                length += n as u64;
                input.consume(n);
            }
        }
    }
    Ok(Some(Err(length)))
}

/// The 1-based character column of byte column `byte_col` (1-based) in `line`.
fn char_col(line: &[u8], byte_col: usize) -> usize {
    let end = byte_col.saturating_sub(1).min(line.len());
    line[..end].iter().filter(|&&b| b & 0xc0 != 0x80).count() + 1
}

/// A problem for line `number` of `path` from a JSON error in it.
fn json_problem(path: &str, number: usize, line: &[u8], err: &serde_json::Error) -> Problem {
    let message = err.to_string();
    // serde_json appends " at line L column C"; the position is ours to print.
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    let kind = match err.classify() {
        serde_json::error::Category::Data => ProblemKind::Value,
        _ => ProblemKind::Syntax,
    };
    Problem::at(
        path,
        Position {
            line: number,
            col: char_col(line, err.column()),
        },
        kind,
        message,
    )
}

/// `govgraph extract --jsonl [FILE...]`: every line of every file (standard input when
/// none is given, or for `-`) extracted and written to `out` as one line of records.
pub fn run(files: &[PathBuf], data: &Path, out: &mut dyn Write) -> Result<()> {
    let sites = super::files::site_table(data)?;
    let limit = crate::load::max_file_bytes();
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let mut bad = BadLines::default();
    let mut last = None;
    let mut line = Vec::new();
    for path in files {
        let shown = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let mut input: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(path).map_err(|e| Error::io(&shown, e))?;
            Box::new(std::io::BufReader::with_capacity(1 << 16, file))
        };
        let mut number = 0;
        while let Some(read) =
            next_line(&mut *input, &mut line, limit).map_err(|e| Error::io(&shown, e))?
        {
            number += 1;
            last = Some((shown.clone(), number));
            if let Err(length) = read {
                bad.push(Problem::at(
                    &shown,
                    Position {
                        line: number,
                        col: 1,
                    },
                    ProblemKind::File,
                    format!(
                        "line is {length} bytes, over the limit of {limit} bytes \
                         (set GOVGRAPH_MAX_FILE_BYTES to raise it)"
                    ),
                ));
                continue;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let article: ArticleLine = match serde_json::from_slice(&line) {
                Ok(article) => article,
                Err(err) => {
                    bad.push(json_problem(&shown, number, &line, &err));
                    continue;
                }
            };
            match extract_line(article, &sites) {
                Ok(records) => {
                    let mut text = serde_json::to_vec(&records)
                        .expect("records hold only strings, numbers and lists");
                    text.push(b'\n');
                    out.write_all(&text).map_err(|e| Error::io("stdout", e))?;
                    // Each line leaves as soon as it is done: a pipe's reader never waits
                    // for a buffer to fill.
                    out.flush().map_err(|e| Error::io("stdout", e))?;
                }
                Err(message) => bad.push(Problem::at(
                    &shown,
                    Position {
                        line: number,
                        col: 1,
                    },
                    ProblemKind::Value,
                    message,
                )),
            }
        }
    }
    bad.finish(last)
}

/// The records of `extract --jsonl` output found under `paths` (files, or folders whose
/// files are read in name order, skipping names that start with `.` or `_` as Hadoop and
/// Spark write them: `_SUCCESS`, `.part-00000.crc`), by source id. Every bad line is
/// reported; so is a source given twice.
pub fn read_extracted(paths: &[PathBuf]) -> Result<ExtractedSet> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| Error::io(path.display(), e))?;
        if metadata.is_dir() {
            let mut names: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Error::io(path.display(), e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| !n.starts_with(['.', '_']))
                })
                .collect();
            names.sort();
            files.extend(names);
        } else {
            files.push(path.clone());
        }
    }
    let limit = crate::load::max_file_bytes();
    let mut set = ExtractedSet::default();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<EntityId, (String, usize)> = BTreeMap::new();
    let mut line = Vec::new();
    for path in &files {
        let shown = path.display().to_string();
        let metadata = std::fs::metadata(path).map_err(|e| Error::io(&shown, e))?;
        if !metadata.is_file() {
            problems.push(Problem::at(
                &shown,
                Position::START,
                ProblemKind::File,
                "not a regular file (a FIFO, socket, device or directory is not read)".into(),
            ));
            continue;
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(&shown, e))?;
        let mut input = std::io::BufReader::with_capacity(1 << 16, file);
        let mut hash = Vec::new();
        let mut number = 0;
        while let Some(read) =
            next_line(&mut input, &mut line, limit).map_err(|e| Error::io(&shown, e))?
        {
            number += 1;
            let at = |col| Position { line: number, col };
            if let Err(length) = read {
                problems.push(Problem::at(
                    &shown,
                    at(1),
                    ProblemKind::File,
                    format!("line is {length} bytes, over the limit of {limit} bytes"),
                ));
                continue;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            hash.extend_from_slice(&crate::snapshot::content_hash(&line).to_le_bytes());
            let mut records: RecordsLine = match serde_json::from_slice(&line) {
                Ok(records) => records,
                Err(err) => {
                    problems.push(json_problem(&shown, number, &line, &err));
                    continue;
                }
            };
            records.records.sort();
            let mut wrong = crate::graph::check_document(&records.records)
                .into_iter()
                .map(|p| p.message)
                .collect::<Vec<_>>();
            if !records
                .records
                .entities
                .iter()
                .any(|e| e.id == records.source)
            {
                wrong.push(format!(
                    "no source entity `{}` in its records",
                    records.source
                ));
            }
            if let Some(other) = records
                .records
                .relations
                .iter()
                .flat_map(|r| &r.evidence)
                .find(|e| e.source != records.source)
            {
                wrong.push(format!(
                    "evidence cites `{}`, not the line's source `{}`",
                    other.source, records.source
                ));
            }
            if !wrong.is_empty() {
                for message in wrong {
                    problems.push(Problem::at(&shown, at(1), ProblemKind::Graph, message));
                }
                continue;
            }
            if let Some((first, first_line)) = seen.get(&records.source) {
                problems.push(Problem::at(
                    &shown,
                    at(1),
                    ProblemKind::Duplicate,
                    format!(
                        "source `{}` is also extracted at {}:{first_line}",
                        records.source,
                        crate::error::escape(first)
                    ),
                ));
                continue;
            }
            seen.insert(records.source.clone(), (shown.clone(), number));
            set.articles.insert(
                records.source.clone(),
                (
                    shown.clone(),
                    number,
                    Extracted {
                        diagnostics: records.diagnostics.len(),
                        document: records.records,
                    },
                ),
            );
        }
        set.hashes.push((
            format!("extracted:{shown}"),
            crate::snapshot::content_hash(&hash),
        ));
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(Error::Invalid(problems));
    }
    Ok(set)
}

/// The articles of `extracted` by source id, none of them an article of `dataset` too.
pub fn besides(
    dataset: &crate::load::Dataset,
    extracted: BTreeMap<EntityId, (String, usize, Extracted)>,
) -> Result<BTreeMap<EntityId, Extracted>> {
    let mut more = BTreeMap::new();
    let mut twice = Vec::new();
    for (id, (path, line, extraction)) in extracted {
        match dataset.articles.get(&id) {
            Some(article) => twice.push(Problem::at(
                path,
                Position { line, col: 1 },
                ProblemKind::Duplicate,
                format!("source `{id}` is also the article {}", article.path),
            )),
            None => {
                more.insert(id, extraction);
            }
        }
    }
    if twice.is_empty() {
        Ok(more)
    } else {
        Err(Error::Invalid(twice))
    }
}

/// Articles extracted elsewhere, read by [`read_extracted`].
#[derive(Debug, Default)]
pub struct ExtractedSet {
    /// Source id → (the file and line it was read from, its extraction).
    pub articles: BTreeMap<EntityId, (String, usize, Extracted)>,
    /// `extracted:<file>` → content hash of its lines, for the snapshot's stamp.
    pub hashes: Vec<(String, u128)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<std::result::Result<String, u64>> {
        let mut input = std::io::Cursor::new(text.as_bytes().to_vec());
        let mut line = Vec::new();
        let mut out = Vec::new();
        while let Some(read) = next_line(&mut input, &mut line, 8).unwrap() {
            out.push(read.map(|()| String::from_utf8(line.clone()).unwrap()));
        }
        out
    }

    #[test]
    fn lines_over_the_limit_are_skipped_whole_and_measured() {
        assert_eq!(
            lines("short\r\n0123456789abc\nlast"),
            [Ok("short".to_string()), Err(13), Ok("last".to_string())]
        );
        assert_eq!(lines("12345678"), [Ok("12345678".to_string())]);
        assert_eq!(lines("123456789"), [Err(9)]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(char_col("ab".as_bytes(), 1), 1);
        assert_eq!(char_col("éé!".as_bytes(), 5), 3);
    }

    #[test]
    fn a_line_is_extracted_as_the_article_file_of_that_stem() {
        let text = "---\nsource: https://example.org/a\nlang: en\ndate: 2025-06-03\n---\n\
                    On 3 June, Working Group No. 2 of the Tan Son Provincial Party Standing \
                    Committee, led by comrade Le Van Binh, Deputy Secretary of the Provincial \
                    Party Committee, worked with 2 communes: Kim My and Hoa Lac.\n";
        let sites = SiteTable::builtin();
        let line = ArticleLine {
            source: "007-tan-son".into(),
            text: text.into(),
            lang: None,
            date: None,
            url: None,
            area: None,
            title: None,
            translation_of: None,
        };
        let records = extract_line(line, &sites).unwrap();
        let file = extract::extract_article("007-tan-son", text, &sites);
        assert_eq!(records.source.as_str(), "source:007-tan-son");
        assert_eq!(records.records.relations, file.document.relations);
        assert!(!records.records.relations.is_empty());
    }
}
