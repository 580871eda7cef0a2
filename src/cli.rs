//! Command-line arguments (clap derive only). The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Build a knowledge graph of who holds which office in Vietnamese provincial and local
/// government, ask it questions, and draw it as org charts.
#[derive(Debug, Parser)]
#[command(name = "govgraph", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Draw no progress bars and print no per-file diagnostics on standard error (errors
    /// are still reported). Progress is drawn only when standard error is a terminal.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the records and articles in a data directory, extract every article, resolve
    /// people, build the graph and write RON, JSON, DOT (and SVG when Graphviz is
    /// installed) into the output directory.
    Build {
        /// Data directory with `records/` and `articles/`.
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Output directory.
        #[arg(long, default_value = "graphs")]
        out: PathBuf,
        /// Do not render SVG even when Graphviz's `dot` is installed.
        #[arg(long)]
        no_svg: bool,
        /// Write only the graph (RON, JSON and the snapshot): no DOT or SVG charts and no
        /// page. For graphs far too big to draw, such as the benchmarks' million entities.
        #[arg(long)]
        no_charts: bool,
        /// Summary format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// Language of articles without front matter whose language is not detected
        /// (ar, de, en, fr, vi).
        #[arg(long)]
        lang: Option<String>,
        /// Date of articles without front matter whose text gives none (YYYY[-MM[-DD]]).
        #[arg(long)]
        date: Option<String>,
        /// Area of articles without front matter.
        #[arg(long)]
        area: Option<String>,
        /// Output of `extract --jsonl` (a file, or a folder of them such as Spark or
        /// Hadoop write): its articles join the build as if they were in `articles/`.
        /// Repeatable.
        #[arg(long)]
        extracted: Vec<PathBuf>,
    },
    /// Check the records and articles in a data directory; write nothing.
    Check {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Summary format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
    },
    /// Ask the graph a question.
    Query {
        #[command(subcommand)]
        question: Question,
        #[command(flatten)]
        input: GraphInput,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table, global = true)]
        format: QueryFormat,
    },
    /// Write the graph (or the part around one entity) as DOT, RON, JSON, an HTML page to
    /// explore it, or a format another tool loads (networkx, Gephi, Kuzu, Neo4j, RDF,
    /// Popolo, FollowTheMoney, spreadsheets).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Draw or export only what lies within `--depth` steps of this entity.
        #[arg(long)]
        focus: Option<String>,
        /// Steps from the focus entity (with `--focus`).
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// Draw the chart for this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): only the posts
        /// in force then (DOT).
        #[arg(long)]
        as_of: Option<String>,
        /// Write to this file (atomically) instead of standard output; for `kuzu`, `neo4j`
        /// and `csv`, the folder to write the tables into (required).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: GraphInput,
    },
    /// Resolve person mentions into people: which mentions became which person and why,
    /// the same-named people kept apart, and posts with two holders at once.
    Resolve {
        /// Data directory with `records/`, `articles/` and `judgements.ron`.
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// A document extracted from articles (RON, or JSON by extension); repeatable.
        #[arg(long)]
        extracted: Vec<PathBuf>,
        /// Explain one person, by id, name or alias in any script.
        #[arg(long)]
        explain: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
    },
    /// Read articles and write the records a careful reader would write: people, posts,
    /// working groups and meetings, each with the sentence it came from.
    Extract(ExtractArgs),
    /// Print a shell completion script (`govgraph completions bash > /etc/bash_completion.d/govgraph`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`govgraph man | man -l -`).
    Man,
    /// Extract every article that has curated records and compare with them: precision,
    /// recall and F1 per fact type, per article and overall.
    Eval {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
    },
}

/// The arguments of `govgraph extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Article files (UTF-8 text, with or without front matter); `-` reads standard input.
    /// With `--jsonl`, files of JSON lines (standard input when none is given).
    #[arg(required_unless_present = "jsonl")]
    pub files: Vec<PathBuf>,
    /// Read JSON lines of articles (`{"source", "text"}` plus optional `lang`, `date`,
    /// `url`, `area`, `title`, `translation_of`) and write one JSON line of records per
    /// article (`{"source", "lang", "diagnostics", "records"}`), one article at a time.
    /// A bad line is reported and skipped, and the exit code is 2.
    #[arg(long, conflicts_with_all = ["lang", "url", "date", "area", "format", "output"])]
    pub jsonl: bool,
    /// Language of the text (detected when `auto`).
    #[arg(long, value_enum, default_value_t = ExtractLang::Auto)]
    pub lang: ExtractLang,
    /// The article's address (overrides the front matter's `source`).
    #[arg(long)]
    pub url: Option<String>,
    /// The article's date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (overrides the front matter).
    #[arg(long)]
    pub date: Option<String>,
    /// The place the article is about, where the text does not name it.
    #[arg(long)]
    pub area: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RecordsFormat::Ron)]
    pub format: RecordsFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Data directory whose `sites.ron` maps news sites to places (the built-in table
    /// is used when it has none).
    #[arg(long, default_value = "data")]
    pub data: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractLang {
    Auto,
    Ar,
    De,
    En,
    Fr,
    Vi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordsFormat {
    Ron,
    Json,
}

/// Where the graph comes from: a data directory (the default) or an exported graph file.
#[derive(Debug, Clone, Args)]
pub struct GraphInput {
    /// Data directory to build the graph from.
    #[arg(long, default_value = "data", global = true)]
    pub data: PathBuf,
    /// A graph file written by `export --format ron|json` (overrides `--data`).
    #[arg(long, global = true)]
    pub graph: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Question {
    /// Every working group (or the one named) with its leaders and the areas it works with.
    Leads {
        /// A working group, by id, name or alias.
        group: Option<String>,
    },
    /// The posts a person holds, with role, organization, dates and sources.
    Posts {
        /// A person, by id, name or alias in any script.
        person: String,
        /// Only posts reported true on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Who holds a post in, or is a member of, an organization.
    Members {
        /// An organization or working group.
        body: String,
        /// Include the members of its sub-bodies (`part_of`).
        #[arg(long)]
        deep: bool,
    },
    /// A place from the gazetteer: what it is, where it lies, what it was before and became
    /// after 2025, which groups worked with it, which of its officials are known.
    Area {
        /// A province, district, commune or ward, with or without diacritics, or its id
        /// (`area:vn-06385`).
        name: String,
        /// Only units that existed on this date.
        #[arg(long)]
        as_of: Option<String>,
    },
    /// The known holders of a province's posts, with sources.
    Officials {
        /// A province or centrally-run city, by name or gazetteer id.
        province: String,
        /// Only reports on or before this date; an old name then means the old province.
        #[arg(long)]
        as_of: Option<String>,
    },
    /// The shortest chain of relations between two entities.
    Path {
        from: String,
        to: String,
        /// Longest chain to look for.
        #[arg(long, default_value_t = 8)]
        max_len: usize,
    },
    /// The entities within `--depth` relations of one entity.
    Neighbors {
        entity: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Dot,
    Ron,
    Json,
    /// networkx node-link JSON (`networkx.node_link_graph`).
    NodeLink,
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// GEXF 1.2 (Gephi, networkx).
    Gexf,
    /// Kuzu CSV tables and `load.cypher` (a folder: `-o DIR`).
    Kuzu,
    /// Neo4j import tables, `import.sh` and `load.cypher` (a folder: `-o DIR`).
    Neo4j,
    /// RDF N-Triples (W3C Organization Ontology, Popolo, PROV).
    Ntriples,
    /// RDF Turtle (the same statements as N-Triples).
    Turtle,
    /// Popolo JSON.
    Popolo,
    /// FollowTheMoney JSON lines.
    Ftm,
    /// Spreadsheet tables: people, posts held, groups and their communes (a folder: `-o DIR`).
    Csv,
    /// One self-contained page to explore the graph (search, people, bodies, provinces,
    /// paths, evidence); works offline.
    Html,
}
