//! Curated judgements: `same` and `not_same` records that override automatic decisions.
//!
//! ```ron
//! [
//!     same(a: "person:x", b: "person:y", note: "why a curator says so"),
//!     not_same(a: "person:x", b: "person:z", note: "…"),
//! ]
//! ```
//!
//! Parsing is pure: text in, judgements or one positioned [`Problem`] out.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::{InputFile, ron_options};
use crate::error::{LineIndex, Position, Problem, ProblemKind};
use crate::model::{Document, EntityId, Kind};

/// A curator's decision about two entity ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Judgement {
    /// `a` and `b` are one person: merged whatever the names and context say (unless a
    /// `not_same` forbids it).
    Same {
        a: EntityId,
        b: EntityId,
        #[serde(default)]
        note: String,
    },
    /// `a` and `b` are different people: never merged, even when other links would imply it.
    NotSame {
        a: EntityId,
        b: EntityId,
        #[serde(default)]
        note: String,
    },
}

impl Judgement {
    pub fn ids(&self) -> (&EntityId, &EntityId) {
        match self {
            Judgement::Same { a, b, .. } | Judgement::NotSame { a, b, .. } => (a, b),
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Judgement::Same { note, .. } | Judgement::NotSame { note, .. } => note,
        }
    }
}

/// Parses a judgements file. `path` is only used in the problem's message.
pub fn parse_judgements(path: &str, text: &str) -> Result<Vec<Judgement>, Problem> {
    let file = InputFile {
        path: path.to_string(),
        text: text.to_string(),
    };
    let judgements: Vec<Judgement> = ron_options()
        .from_str(text)
        .map_err(|err| super::validate::ron_problem(&file, &err))?;
    for (i, judgement) in judgements.iter().enumerate() {
        let (a, b) = judgement.ids();
        let message = if let Some(problem) = a.problem().or_else(|| b.problem()) {
            Some(problem)
        } else if a == b {
            Some(format!("judgement {} relates `{a}` to itself", i + 1))
        } else {
            None
        };
        if let Some(message) = message {
            return Err(at_id(&file, &LineIndex::new(text), a, message));
        }
    }
    Ok(judgements)
}

/// A judgement problem at the first quoted occurrence of `id` in the file (or at 1:1).
fn at_id(file: &InputFile, lines: &LineIndex, id: &EntityId, message: String) -> Problem {
    let quoted = format!("\"{id}\"");
    match file.text.find(&quoted) {
        Some(offset) => Problem::in_text(
            file.path.clone(),
            lines,
            &file.text,
            (offset, offset + quoted.len()),
            ProblemKind::Judgement,
            message,
        ),
        None => Problem::at(
            file.path.clone(),
            Position::START,
            ProblemKind::Judgement,
            message,
        ),
    }
}

/// Checks parsed judgements against the curated document: both ids name existing
/// persons, no pair is judged both `same` and `not_same`, and no pair is judged twice.
pub fn check_judgements(
    file: &InputFile,
    judgements: &[Judgement],
    document: &Document,
) -> Result<(), Vec<Problem>> {
    let lines = LineIndex::new(&file.text);
    let mut problems = Vec::new();
    let kind_of = |id: &EntityId| {
        document
            .entities
            .binary_search_by(|e| e.id.cmp(id))
            .ok()
            .map(|i| document.entities[i].kind())
    };
    let mut seen: BTreeMap<(&EntityId, &EntityId), &Judgement> = BTreeMap::new();
    for (i, judgement) in judgements.iter().enumerate() {
        let (a, b) = judgement.ids();
        for id in [a, b] {
            match kind_of(id) {
                Some(Kind::Person) => {}
                Some(kind) => problems.push(at_id(
                    file,
                    &lines,
                    id,
                    format!("judgement {} names `{id}`, a {kind}, not a person", i + 1),
                )),
                None => problems.push(at_id(
                    file,
                    &lines,
                    id,
                    format!("judgement {} names unknown person `{id}`", i + 1),
                )),
            }
        }
        let pair = if a <= b { (a, b) } else { (b, a) };
        if let Some(first) = seen.get(&pair) {
            let contradicts = std::mem::discriminant(*first) != std::mem::discriminant(judgement);
            problems.push(at_id(
                file,
                &lines,
                a,
                if contradicts {
                    format!(
                        "judgement {} contradicts an earlier judgement on `{}` and `{}`",
                        i + 1,
                        pair.0,
                        pair.1
                    )
                } else {
                    format!(
                        "judgement {} repeats an earlier judgement on `{}` and `{}`",
                        i + 1,
                        pair.0,
                        pair.1
                    )
                },
            ));
        } else {
            seen.insert(pair, judgement);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_same_and_not_same() {
        let text = r#"[
            same(a: "person:a", b: "person:b", note: "one man"),
            not_same(a: "person:a", b: "person:c"),
        ]"#;
        let judgements = parse_judgements("j.ron", text).unwrap();
        assert_eq!(judgements.len(), 2);
        assert!(matches!(&judgements[1], Judgement::NotSame { note, .. } if note.is_empty()));
    }

    #[test]
    fn errors_carry_path_line_and_column() {
        let text = "[\n  same(a: \"person:a\", c: \"person:b\"),\n]";
        let problem = parse_judgements("data/judgements.ron", text).unwrap_err();
        assert_eq!(problem.path, "data/judgements.ron");
        assert_eq!(problem.line(), 2);
        assert!(problem.message.contains('c'), "{}", problem.message);

        let text = "[\n  not_same(a: \"person:a\", b: \"person:a\"),\n]";
        let problem = parse_judgements("j.ron", text).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "j.ron:2:15: judgement 1 relates `person:a` to itself"
        );
    }
}
