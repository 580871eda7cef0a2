//! `govgraph extract FILE...`: read articles (`-` is standard input), write the extracted
//! records document. Files are read and extracted one at a time, with a progress bar when
//! standard error is a terminal.

use std::io::Write;

use crate::cli::{ExtractArgs, ExtractLang, RecordsFormat};
use crate::error::{Error, Result};
use crate::extract;
use crate::model::Lang;

/// The site table of a data directory, or the built-in one.
use crate::extract::{mask_front_matter, options_for_article as options_for};

/// The bytes of `path`, or of standard input for `-`.
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Error::io(path.display(), e))
}

pub fn run(request: &ExtractArgs, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let sites = super::files::site_table(&request.data)?;
    let date = match &request.date {
        Some(d) => Some(
            d.parse::<crate::model::PartialDate>()
                .map_err(|e| Error::Argument {
                    flag: "--date".into(),
                    message: e.to_string(),
                })?,
        ),
        None => None,
    };
    // Several files may name the same entity or fact: one entity per id (aliases joined)
    // and one relation per key (evidence joined). The records of each part of each file
    // go to a merger that spills them to scratch files beside the output (or in the
    // temporary folder for standard output), so memory stays that of one part and the
    // text, whatever the size of the records.
    let scratch = match &request.output {
        Some(path) => super::output::scratch_dir(path)?,
        None => std::env::temp_dir().join(format!("govgraph-extract-{}", std::process::id())),
    };
    let mut merged = extract::Merger::spilling(scratch.clone(), extract::merge::SPILL_BYTES)
        .map_err(|e| Error::io(scratch.display(), e))?;
    let mut messages = String::new();
    let bar = super::progress::bar(request.files.len() as u64, "extracting", quiet);
    for path in &request.files {
        bar.inc(1);
        let bytes = read_input(path)?;
        let stdin = path.as_os_str() == "-";
        let shown = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let text = String::from_utf8_lossy(&bytes);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            messages.push_str(&format!("{shown}: not valid UTF-8; bad bytes replaced\n"));
        }
        let stem = if stdin {
            "stdin".into()
        } else {
            path.file_stem()
                .map_or("article".into(), |s| s.to_string_lossy())
        };
        let (mut options, body_offset) = options_for(&stem, &text, &sites);
        match request.lang {
            ExtractLang::Auto => {}
            ExtractLang::Ar => options.lang = Some(Lang::Ar),
            ExtractLang::De => options.lang = Some(Lang::De),
            ExtractLang::En => options.lang = Some(Lang::En),
            ExtractLang::Fr => options.lang = Some(Lang::Fr),
            ExtractLang::Vi => options.lang = Some(Lang::Vi),
        }
        if request.url.is_some() {
            options.url = request.url.clone();
        }
        if date.is_some() {
            options.date = date;
        }
        if request.area.is_some() {
            options.area = request.area.clone();
        }
        let masked = mask_front_matter(&text, body_offset);
        let mut failed = None;
        let (diagnostics, _) = extract::extract_parts(&masked, &options, &mut |part| {
            if failed.is_none() {
                failed = merged.add(part).err();
            }
        });
        if let Some(e) = failed {
            return Err(Error::io(scratch.display(), e));
        }
        // Spans are byte offsets; print them as line:col like every other message.
        let lines = crate::error::LineIndex::new(&text);
        for d in &diagnostics {
            let at = d.span.map_or(String::new(), |(s, _)| {
                format!(":{}", lines.position(&text, s))
            });
            messages.push_str(&format!(
                "{}{at}: {}\n",
                crate::error::escape(&path.display().to_string()),
                crate::error::escape(&d.message)
            ));
        }
    }
    bar.finish_and_clear();
    if !quiet {
        eprint!("{messages}");
    }
    let json = request.format == RecordsFormat::Json;
    match &request.output {
        Some(path) => super::output::write_file_with(path, |file| merged.write(json, file)),
        // Standard output takes the records as they are written, never the whole text.
        None => merged.write(json, out).map_err(|e| Error::io("stdout", e)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn records_written_as_they_are_made_are_the_rendered_text() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/mixed/articles/002-quang-ninh-uncurated-en.txt"
        ))
        .unwrap();
        let sites = crate::extract::SiteTable::builtin();
        let document = crate::extract::extract_article("a", &text, &sites).document;
        assert!(!document.relations.is_empty());
        for json in [false, true] {
            let mut written = Vec::new();
            crate::export::write_records(&document, json, &mut written).unwrap();
            let rendered = if json {
                crate::export::to_json(&document)
            } else {
                crate::export::to_ron(&document)
            };
            assert_eq!(String::from_utf8(written).unwrap(), rendered);
        }
    }
}
