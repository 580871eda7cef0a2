//! Where each record and field of a RON file starts, for error positions.
//!
//! `ron` reports positions only for syntax errors. Validation finds problems after
//! deserializing (an unknown reference, a duplicate id), so this module scans the same text
//! once more and records the byte offset of every value, keyed by field names and list
//! indices. It is run only on text `ron` already accepted, and it never fails: a part it
//! cannot follow simply has no recorded offset.

/// A value in the text: where it starts and, for `( )`, `[ ]` and `{ }`, its items.
#[derive(Debug, Default)]
pub struct Node {
    pub start: usize,
    /// Where the value ends (exclusive), trailing comments and spaces left out.
    pub end: usize,
    pub items: Vec<(Option<String>, Node)>,
}

impl Node {
    /// The value of field `name` of this struct-like node.
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.items
            .iter()
            .find(|(n, _)| n.as_deref() == Some(name))
            .map(|(_, node)| node)
    }

    /// The `index`-th item of this list-like node.
    pub fn item(&self, index: usize) -> Option<&Node> {
        self.items.get(index).map(|(_, node)| node)
    }
}

/// Scans a whole RON document into its value tree.
pub fn scan(text: &str) -> Node {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        i: 0,
    };
    scanner.skip_trivia();
    scanner.value(0)
}

/// Converts a byte offset into a 1-based line and a 1-based column counted in characters,
/// the convention `ron` uses too.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

struct Scanner<'a> {
    bytes: &'a [u8],
    i: usize,
}

/// Nesting deeper than this is not followed (the records format needs five levels).
const MAX_DEPTH: usize = 64;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.i += 1,
                Some(b'/') if self.bytes.get(self.i + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.i += 1;
                    }
                }
                Some(b'/') if self.bytes.get(self.i + 1) == Some(&b'*') => {
                    // RON block comments nest.
                    let mut depth = 0usize;
                    while self.i < self.bytes.len() {
                        if self.bytes[self.i..].starts_with(b"/*") {
                            depth += 1;
                            self.i += 2;
                        } else if self.bytes[self.i..].starts_with(b"*/") {
                            depth -= 1;
                            self.i += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            self.i += 1;
                        }
                    }
                }
                Some(b'#') if self.bytes.get(self.i + 1) == Some(&b'!') => {
                    while self.peek().is_some_and(|b| b != b']') {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Node {
        let start = self.i;
        match self.peek() {
            Some(open @ (b'(' | b'[' | b'{')) if depth < MAX_DEPTH => {
                let items = self.group(open, depth);
                Node {
                    start,
                    end: self.i,
                    items,
                }
            }
            Some(b'"') => {
                self.string();
                Node {
                    start,
                    end: self.i,
                    items: Vec::new(),
                }
            }
            Some(b'r') if matches!(self.bytes.get(self.i + 1), Some(b'"' | b'#')) => {
                self.raw_string();
                Node {
                    start,
                    end: self.i,
                    items: Vec::new(),
                }
            }
            Some(b'\'') => {
                self.i += 1;
                if self.peek() == Some(b'\\') {
                    self.i += 1;
                }
                while self.peek().is_some_and(|b| b != b'\'') {
                    self.i += 1;
                }
                self.i += 1;
                Node {
                    start,
                    end: self.i,
                    items: Vec::new(),
                }
            }
            _ => {
                let word_start = self.i;
                while self
                    .peek()
                    .is_some_and(|b| !b.is_ascii_whitespace() && !b",:()[]{}\"".contains(&b))
                {
                    self.i += 1;
                }
                let word_end = self.i;
                self.skip_trivia();
                // An identifier followed by `(` is a struct or enum variant with content.
                if self.i > word_start && depth < MAX_DEPTH && self.peek() == Some(b'(') {
                    let items = self.group(b'(', depth);
                    return Node {
                        start,
                        end: self.i,
                        items,
                    };
                }
                Node {
                    start,
                    end: word_end,
                    items: Vec::new(),
                }
            }
        }
    }

    fn group(&mut self, open: u8, depth: usize) -> Vec<(Option<String>, Node)> {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return items,
                Some(b) if b == close => {
                    self.i += 1;
                    return items;
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.i;
            let name = self.field_name();
            let node = self.value(depth + 1);
            items.push((name, node));
            self.skip_trivia();
            if self.peek() == Some(b':') && open == b'{' {
                // A map entry: the key was read as a value; read the value after `:`.
                self.i += 1;
                self.skip_trivia();
                let node = self.value(depth + 1);
                items.push((None, node));
                self.skip_trivia();
            }
            if self.i == before {
                self.i += 1; // never loop without progress
            }
        }
    }

    /// Reads `ident :` if it comes next, returning the identifier; otherwise reads nothing.
    fn field_name(&mut self) -> Option<String> {
        let start = self.i;
        if self.peek() == Some(b'"') {
            // A JSON key: `"name": value`.
            self.string();
            let end = self.i;
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.i += 1;
                self.skip_trivia();
                let key = &self.bytes[start + 1..end.saturating_sub(1).max(start + 1)];
                return Some(String::from_utf8_lossy(key).into_owned());
            }
            self.i = start;
            return None;
        }
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.i += 1;
        }
        let end = self.i;
        self.skip_trivia();
        if end > start && self.peek() == Some(b':') {
            self.i += 1;
            self.skip_trivia();
            return Some(String::from_utf8_lossy(&self.bytes[start..end]).into_owned());
        }
        self.i = start;
        None
    }

    fn string(&mut self) {
        self.i += 1;
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'\\' => self.i += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.i += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        self.i += 1;
        while self.i < self.bytes.len() {
            if self.bytes[self.i] == b'"'
                && self.bytes[self.i + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes
            {
                self.i += 1 + hashes;
                return;
            }
            self.i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_records_and_fields_in_nested_lists() {
        let text = "#![enable(implicit_some)]\n(\n  // people\n  entities: [\n    (id: \"person:a\", kind: post(role: chair)),\n    (id: \"person:b\"),\n  ],\n  relations: [(kind: holds, evidence: [(source: \"s\", quote: \"a, b: (c)\")])],\n)";
        let root = scan(text);
        let entities = root.field("entities").unwrap();
        let second = entities.item(1).unwrap().field("id").unwrap();
        assert_eq!(line_col(text, second.start), (6, 10));
        let role = entities
            .item(0)
            .unwrap()
            .field("kind")
            .unwrap()
            .field("role")
            .unwrap();
        assert_eq!(&text[role.start..role.start + 5], "chair");
        let relation = root.field("relations").unwrap().item(0).unwrap();
        let source = relation
            .field("evidence")
            .unwrap()
            .item(0)
            .unwrap()
            .field("source")
            .unwrap();
        assert_eq!(&text[source.start..source.start + 3], "\"s\"");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "(x: \"لي\", y: 1)";
        let root = scan(text);
        assert_eq!(line_col(text, root.field("y").unwrap().start), (1, 14));
    }

    #[test]
    fn reads_json_keys_as_field_names() {
        let text = "{\"entities\": [{\"id\": \"person:a\"}]}";
        let root = scan(text);
        let id = root
            .field("entities")
            .unwrap()
            .item(0)
            .unwrap()
            .field("id")
            .unwrap();
        assert_eq!(&text[id.start..id.start + 4], "\"per");
    }

    #[test]
    fn survives_truncated_input() {
        let root = scan("(entities: [(id: \"a");
        assert!(root.field("entities").is_some());
    }
}
