//! The page to explore the graph: one self-contained HTML file that works offline.
//!
//! The file holds our own stylesheet and script (`page/page.css`, `page/page.js`, no
//! library, nothing fetched) and the sorted document as JSON inside a
//! `<script type="application/json">` element. The script builds its indexes in the browser
//! and draws search, person, body, post, group, province, meeting, source, fact and path
//! pages from the URL's `#` part; it puts every string in as text, never as markup.
//!
//! Escaping here: the JSON has `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`
//! (they occur only inside JSON strings, so the JSON means the same), so no name can close
//! the script element; the title is HTML-escaped; the template is filled in one pass, so
//! text that looks like a placeholder is never expanded.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::graph::Graph;
use crate::model::EntityId;

const TEMPLATE: &str = include_str!("page/page.html");
const SCRIPT: &str = include_str!("page/page.js");
const STYLE: &str = include_str!("page/page.css");

/// The chart files of one province or city, named in the page next to its own chart.
#[derive(Debug, Clone, Serialize)]
pub struct ChartFiles {
    pub org: String,
    /// The working-group chart, for a province with groups.
    pub groups: Option<String>,
    /// The map of its groups' places, when they have coordinates.
    pub map: Option<String>,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    charts: &'a BTreeMap<EntityId, ChartFiles>,
}

/// The page for `graph`; `charts` lists the provinces and cities with their chart files.
pub fn page(graph: &Graph, title: &str, charts: &BTreeMap<EntityId, ChartFiles>) -> Vec<u8> {
    let data = serde_json::to_string(graph.document())
        .expect("documents contain only strings, numbers and enums, which JSON can write");
    let meta = serde_json::to_string(&Meta { title, charts })
        .expect("strings and maps of strings, which JSON can write");
    let fill = |name: &str| -> String {
        match name {
            "TITLE" => escape_html(title),
            "CSS" => STYLE.to_string(),
            "JS" => SCRIPT.to_string(),
            "META" => script_safe(&meta),
            "DATA" => script_safe(&data),
            other => format!("{{{{{other}}}}}"),
        }
    };
    let mut out = String::with_capacity(data.len() + SCRIPT.len() + STYLE.len() + 2048);
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                out.push_str(&fill(&after[..end]));
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// JSON that cannot end or open an element inside `<script>`.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn hostile() -> Graph {
        let text = r#"(entities: [
            (id: "person:x", name: "</script><script>alert(1)</script> {{JS}} & \"q\"", kind: person,
             aliases: [(text: "نجوين </SCRIPT>", lang: ar)]),
        ])"#;
        Graph::new(ron::from_str::<Document>(text).expect("test records parse"))
            .expect("test records are consistent")
    }

    #[test]
    fn hostile_names_cannot_close_the_script_or_expand_placeholders() {
        let bytes = page(&hostile(), "t <b>&", &BTreeMap::new());
        let html = String::from_utf8(bytes).unwrap();
        assert_eq!(
            html.matches("</script>").count(),
            3,
            "only our three scripts close"
        );
        assert!(!html.to_lowercase().contains("</script><script>alert"));
        assert!(html.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
        assert_eq!(
            html.matches("\"use strict\"").count(),
            1,
            "{{JS}} in a name stays text"
        );
        assert!(html.contains("<title>t &lt;b&gt;&amp;</title>"));
        // The embedded JSON still parses to the same document.
        let start = html
            .find("id=\"govgraph-data\" type=\"application/json\">")
            .unwrap();
        let json = &html[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let document: Document = serde_json::from_str(json).unwrap();
        assert_eq!(&document, hostile().document());
    }

    #[test]
    fn the_page_is_self_contained() {
        let html = String::from_utf8(page(&hostile(), "t", &BTreeMap::new())).unwrap();
        for remote in ["src=\"http", "href=\"http", "@import", "src=\"//"] {
            assert!(!html.contains(remote), "{remote}");
        }
    }
}
