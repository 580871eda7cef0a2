//! XML text escaping shared by the GraphML and GEXF writers.

/// `text` escaped for an XML attribute value or element content. Characters XML 1.0 cannot
/// hold at all (control characters other than tab, newline and carriage return) become
/// U+FFFD; tab, newline and carriage return are written as character references so that
/// attribute values keep them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_quotes_and_control_characters_are_escaped() {
        assert_eq!(
            super::escape("a<b & \"c\" 'd'\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;\u{FFFD}"
        );
        assert_eq!(super::escape("هوانغ فان نغييم"), "هوانغ فان نغييم");
    }
}
