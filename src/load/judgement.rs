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

use super::ron_options;
use crate::error::Problem;
use crate::model::EntityId;

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
    let judgements: Vec<Judgement> = ron_options().from_str(text).map_err(|err| Problem {
        path: path.to_string(),
        line: err.span.start.line,
        col: err.span.start.col,
        message: super::validate::lowercase_first(&err.code.to_string()),
    })?;
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
            let (line, col) = position_of(text, a.as_str());
            return Err(Problem {
                path: path.to_string(),
                line,
                col,
                message,
            });
        }
    }
    Ok(judgements)
}

/// The 1-based line and column of the first quoted occurrence of `id`, or 1:1.
fn position_of(text: &str, id: &str) -> (usize, usize) {
    match text.find(&format!("\"{id}\"")) {
        Some(offset) => crate::load::line_col(text, offset),
        None => (1, 1),
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
        assert_eq!(problem.line, 2);
        assert!(problem.message.contains('c'), "{}", problem.message);

        let text = "[\n  not_same(a: \"person:a\", b: \"person:a\"),\n]";
        let problem = parse_judgements("j.ron", text).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "j.ron:2:15: judgement 1 relates `person:a` to itself"
        );
    }
}
