//! `govgraph build`: check the data, build the graph, write `graphs/`, print a summary.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::json;

use super::output::{self, Folder};
use crate::build;
use crate::cli::QueryFormat;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::load::{self, Dataset, LoadedArticle};
use crate::model::Kind;
use crate::pipeline::{self, Extracted};
use crate::query;
use crate::snapshot;

/// What `build` draws besides the graph files.
pub struct Draw {
    /// DOT org charts and the page.
    pub charts: bool,
    /// SVG of each chart (when Graphviz is installed).
    pub svg: bool,
}

#[allow(clippy::too_many_arguments)] // one per `build` flag
pub fn run(
    data: &Path,
    dir: &Path,
    Draw { charts, svg }: Draw,
    format: QueryFormat,
    quiet: bool,
    defaults: super::bulk::Defaults,
    extracted_elsewhere: &[PathBuf],
    out: &mut dyn Write,
) -> Result<()> {
    // A `--out` that cannot be replaced is refused before any work and any write.
    output::check_dir(dir, Folder::Build)?;
    let spinner = super::progress::spinner("extracting and resolving articles", quiet);
    let mut stages = super::stages::Stages::start();
    let mut inputs = super::files::read_inputs(data)?;
    stages.end("read");
    let filler = super::bulk::Filler {
        defaults,
        undecided: Default::default(),
    };
    let mut dataset = load::check_data_files_filling(&inputs.files, &|f, a| filler.fill(f, a))?;
    // The dataset holds what is needed of the files now (memory: one copy of the texts,
    // none of the records files').
    inputs.files.articles = Vec::new();
    inputs.files.records = Vec::new();
    stages.end("check");
    let undecided = filler.undecided.into_inner();
    let cache = ExtractCache {
        dir: dir.join(CACHE_DIR),
        salt: format!(
            "{}\0{:032x}\0",
            super::files::program_id(),
            inputs.sites_hash
        ),
    };
    let mut elsewhere = super::jsonl::read_extracted(extracted_elsewhere)?;
    let more = super::jsonl::besides(&dataset, std::mem::take(&mut elsewhere.articles))?;
    let extracted = pipeline::extract_all(&dataset, &inputs.sites, &|a| cache.get(a));
    cache.store(&dataset, &extracted)?;
    stages.end("extract");
    // Nothing after extraction reads the articles' texts.
    for article in dataset.articles.values_mut() {
        article.text = String::new();
        article.article.body = String::new();
    }
    let extracted = pipeline::with_extracted(&dataset, extracted, more);
    // The curated records move into the combined document (memory: one copy of them).
    let curated = std::mem::take(&mut dataset.document);
    let combined = pipeline::combine_curated(curated, &dataset.judgements, extracted, Vec::new());
    drop(dataset);
    stages.end("combine");
    spinner.set_message("building the graph");
    let kept_apart = crate::resolve::kept_apart_summary(&combined.resolution_report);
    let graph = Graph::new(combined.document)?;
    stages.end("graph");
    // The new set is written into a staging folder as it is made (the graph files
    // streamed from the graph, never held whole) and swapped in at the end; an error on
    // the way removes it and leaves `dir` as it was.
    let staged = output::Staged::new(dir, Folder::Build)?;
    // graph.json and graph.ron are written on two threads while a third encodes the
    // snapshot's body (each reads the graph only); errors are reported in that order.
    let write = |name: &'static str, json: bool| {
        let mut hash = snapshot::ContentHasher::default();
        staged.write_with(name, &mut |out| {
            // Buffered in front of the hash, so it hashes large pieces.
            let mut out = std::io::BufWriter::with_capacity(
                1 << 16,
                snapshot::Hashing {
                    inner: out,
                    hasher: snapshot::ContentHasher::default(),
                },
            );
            crate::export::write_records(graph.document(), json, &mut out)?;
            hash = out.into_inner().map_err(|e| e.into_error())?.hasher;
            Ok(())
        })?;
        Ok::<_, Error>((name.to_string(), hash.finish()))
    };
    let (written_files, body) = std::thread::scope(|scope| {
        let body = scope.spawn(|| snapshot::Encoded::of(&graph));
        let json = scope.spawn(|| write(build::GRAPH_JSON, true));
        let ron = write(build::GRAPH_RON, false);
        let json = joined(json);
        ((json, ron), joined(body))
    });
    let mut outputs = vec![written_files.0?, written_files.1?];
    outputs.sort();
    stages.end("graph files");
    // The snapshot records what it was built from and what was written beside it, so
    // questions can tell whether it is up to date (`files::load_graph`).
    let stamp = snapshot::Stamp {
        program: super::files::program_id().to_string(),
        inputs: {
            // Records extracted elsewhere are inputs too: a question asked with `--data`
            // alone does not see them, so it must not take this snapshot for its graph.
            let mut hashes = inputs.hashes.clone();
            hashes.extend(elsewhere.hashes);
            hashes.sort();
            hashes
        },
        outputs,
    };
    drop(inputs);
    staged.write_with(snapshot::FILE_NAME, &mut |out| body.write_to(&stamp, out))?;
    drop(body);
    stages.end("snapshot");
    let mut written = 3;
    let files = if charts {
        build::charts(&graph)
    } else {
        Default::default()
    };
    let mut notes = Vec::new();
    for (name, bytes) in &files {
        staged.write(name, bytes)?;
        written += 1;
    }
    if svg {
        if graphviz_available() {
            spinner.finish_and_clear();
            let dots: Vec<(&String, &Vec<u8>)> = files
                .iter()
                .filter(|(name, _)| name.ends_with(".dot"))
                .collect();
            let bar = super::progress::bar(dots.len() as u64, "rendering SVG", quiet);
            for (name, bytes) in dots {
                let path = dir.join(name);
                let svg = render_svg(&path, bytes)?;
                let svg_name = path.with_extension("svg");
                let svg_name = svg_name.strip_prefix(dir).unwrap_or(&svg_name);
                staged.write(&svg_name.to_string_lossy(), &svg)?;
                written += 1;
                bar.inc(1);
            }
            bar.finish_and_clear();
        } else {
            notes.push("Graphviz `dot` not found: SVG charts not rendered".to_string());
        }
    }
    drop(files);
    spinner.finish_and_clear();
    // The whole set replaces `dir` at once; the extraction cache is carried over.
    staged.commit(&[CACHE_ROOT])?;
    stages.end("write");
    let conflicts = crate::resolve::post_conflicts(graph.document());
    if format == QueryFormat::Json {
        let counts: serde_json::Map<String, serde_json::Value> = Kind::ALL
            .iter()
            .map(|&kind| {
                let n = graph.entities_of_kind(kind).count();
                (kind.as_str().to_string(), json!(n))
            })
            .collect();
        let summary = json!({
            "data": data.display().to_string(),
            "out": dir.display().to_string(),
            "entities": counts,
            "relations": graph.document().relations.len(),
            "articles": combined.articles,
            "diagnostics": combined.diagnostics,
            "extracted_added": combined.extracted_added,
            "confirmed": combined.corroborated,
            "left_out": combined.left_out,
            "entities_left_out": combined.entities_left_out,
            "places": {
                "placed": combined.places.placed,
                "added": combined.places.added,
                "relations": combined.places.relations,
            },
            "unplaced_posts": {
                "articles_placed": combined.placing.articles,
                "posts_placed": combined.placing.posts,
                "articles_unplaced": combined.placing.unplaced_articles,
            },
            "files_written": written,
            "notes": notes,
            "undecided": undecided,
            "conflicts": conflicts.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            "leads": query::leads(&graph, None),
        });
        let text = super::render(&summary, format, String::new);
        return out
            .write_all(text.as_bytes())
            .map_err(|err| Error::io("stdout", err));
    }

    let mut text = String::new();
    let counts: Vec<String> = Kind::ALL
        .iter()
        .map(|&kind| format!("{} {kind}", graph.entities_of_kind(kind).count()))
        .collect();
    text.push_str(&format!(
        "built {} entities ({}) and {} relations from {}\n",
        graph.entities().len(),
        counts.join(", "),
        graph.document().relations.len(),
        data.display()
    ));
    text.push_str(&format!(
        "extracted {} articles ({} diagnostics): {} facts added from articles without curated \
         records; {} confirmed curated facts; {} not in the curated records of their article left \
         out, with {} entities only they named\n",
        combined.articles,
        combined.diagnostics,
        combined.extracted_added,
        combined.corroborated,
        combined.left_out,
        combined.entities_left_out
    ));
    text.push_str(&format!(
        "gazetteer: {} areas placed, {} areas added around them, {} within/became relations\n",
        combined.places.placed, combined.places.added, combined.places.relations
    ));
    let placing = combined.placing;
    if placing.articles + placing.unplaced_articles > 0 {
        text.push_str(&format!(
            "unplaced posts: {} articles placed through their officials ({} posts held there); \
             {} articles left unplaced, each with placeholders of its own\n",
            placing.articles, placing.posts, placing.unplaced_articles
        ));
    }
    text.push_str(&format!("wrote {} files to {}\n", written, dir.display()));
    for note in notes {
        text.push_str(&format!("note: {note}\n"));
    }
    if conflicts.is_empty() {
        text.push_str("no conflicts: no one-holder post has two holders on the same date\n");
    }
    for conflict in &conflicts {
        text.push_str(&format!("{conflict}\n"));
    }
    text.push_str(&kept_apart);
    for (file, what) in &undecided {
        text.push_str(&format!("article {file}: {}\n", what.join("; ")));
    }
    text.push_str("\nwho leads which working group:\n\n");
    text.push_str(&query::leads_table(&query::leads(&graph, None)));
    out.write_all(text.as_bytes())
        .map_err(|err| Error::io("stdout", err))
}

fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT text to SVG with Graphviz; a chart Graphviz rejects is an error.
fn render_svg(path: &Path, dot: &[u8]) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| Error::io("dot", err))?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|err| Error::io("dot", err))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(Error::Tool(format!(
            "{}: Graphviz rejected the chart: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

/// Where `build` keeps one extraction per article, under its output directory. The
/// folder [`CACHE_ROOT`] is carried from the old output set into the new one when the new
/// set is swapped in (`output::replace_dir`), so it survives every build.
pub const CACHE_DIR: &str = ".cache/extract";

/// The top of [`CACHE_DIR`], the one entry of the output folder kept across builds.
const CACHE_ROOT: &str = ".cache";

/// One file per article extraction, named by the hash of everything the extraction depends
/// on: the program (its version and executable hash, so new rules or a new lexicon miss),
/// the site table, and the article's file stem and whole text (front matter included).
/// Each file opens with the hash of its own contents; a damaged or unreadable entry is
/// ignored and the article extracted again.
struct ExtractCache {
    dir: PathBuf,
    salt: String,
}

impl ExtractCache {
    fn path(&self, article: &LoadedArticle) -> PathBuf {
        let mut key = Vec::with_capacity(self.salt.len() + article.text.len() + 64);
        key.extend_from_slice(self.salt.as_bytes());
        key.extend_from_slice(article.stem.as_bytes());
        key.push(0);
        key.extend_from_slice(article.text.as_bytes());
        self.dir
            .join(format!("{:032x}.json", snapshot::content_hash(&key)))
    }

    fn get(&self, article: &LoadedArticle) -> Option<Extracted> {
        let text = fs::read_to_string(self.path(article)).ok()?;
        let (hash, json) = text.split_once('\n')?;
        if hash != format!("{:032x}", snapshot::content_hash(json.as_bytes())) {
            return None;
        }
        serde_json::from_str(json).ok()
    }

    /// Writes the entries that are missing (each atomically).
    fn store(&self, dataset: &Dataset, extracted: &[Extracted]) -> Result<()> {
        let mut files = Vec::new();
        for (article, extraction) in dataset.articles.values().zip(extracted) {
            let path = self.path(article);
            if path.is_file() && self.get(article).is_some() {
                continue;
            }
            let json = serde_json::to_string(extraction)
                .expect("records hold only strings, numbers and lists");
            let hash = snapshot::content_hash(json.as_bytes());
            files.push((path, format!("{hash:032x}\n{json}").into_bytes()));
        }
        if !files.is_empty() {
            fs::create_dir_all(&self.dir).map_err(|err| Error::io(self.dir.display(), err))?;
            output::write_files(&files)?;
        }
        Ok(())
    }
}

/// What a scoped thread returned; its panic goes on in this thread.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
