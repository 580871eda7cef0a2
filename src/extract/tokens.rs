//! Sentences and tokens with byte spans into the whole input text.
//!
//! Both passes are single left-to-right scans over the characters: linear in the input,
//! and they accept any `&str` (control characters and mixed scripts are just tokens).

use super::lexicon::{Language, Matcher, Meaning, Term};

/// A sentence: its byte span in the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into sentences: at `.`, `!`, `?`, `؟` followed by white space, and at line
/// breaks. The language's abbreviations (`No.`, `Nr.`) and single capital initials do not
/// end a sentence.
pub fn sentences(text: &str, language: &Language) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_here = match c {
            '\n' | '\r' => true,
            '.' | '!' | '?' | '؟' => {
                let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
                next_is_space && !(c == '.' && is_abbreviation(&text[start..i], language))
            }
            _ => false,
        };
        if end_here {
            push_sentence(text, start, i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        } else if i - start >= MAX_SENTENCE {
            // A run-on "sentence" (a list without end, text without stops) is read in
            // pieces cut at a separator, so that no sentence costs more than a bound.
            let piece = &text[start..i];
            let after = |k: usize| k + piece[k..].chars().next().map_or(1, char::len_utf8);
            let cut = piece
                .rfind([',', ';', '،', '؛'])
                .or_else(|| piece.rfind(char::is_whitespace))
                .map(after)
                .unwrap_or(piece.len());
            push_sentence(text, start, start + cut, &mut out);
            start += cut;
        }
    }
    push_sentence(text, start, text.len(), &mut out);
    out
}

/// The longest sentence read as one, in bytes; longer runs are cut at a separator.
pub const MAX_SENTENCE: usize = 4096;

fn is_abbreviation(before: &str, language: &Language) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let word: String = word.chars().rev().collect();
    language.abbreviations.contains(&word.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        // Ordinal days: "am 3. Juli", "des 20. August".
        || (language.ordinal_dot
            && !word.is_empty()
            && word.len() <= 2
            && word.bytes().all(|b| b.is_ascii_digit()))
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = start + piece.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number(u32),
    Punct(char),
}

/// One token: a word (or one key of a split compound), a number or a punctuation mark.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// The lexicon key of a word (see [`Language::keys`]); empty for other tokens.
    pub key: String,
    /// The lexicon term that starts at this token, and how many tokens it covers.
    pub term: Option<(Term, usize)>,
    /// The token lies inside a matched phrase (at its start or later).
    pub in_term: bool,
    /// The word read as a syllable of a Vietnamese name, computed once
    /// (see [`reading`]).
    pub reading: Option<String>,
}

impl Token {
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

fn word_char(c: char) -> bool {
    // `°`/`º` belong to their word: "n°", "Nº".
    c.is_alphanumeric() || is_combining(c) || matches!(c, '°' | 'º')
}

fn is_combining(c: char) -> bool {
    // Arabic harakat and Latin combining marks stay inside their word.
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}')
}

/// Tokenizes one sentence and marks the lexicon phrases in it.
pub fn tokenize(
    text: &str,
    sentence: Sentence,
    language: &Language,
    matcher: &Matcher,
) -> Vec<Token> {
    let mut tokens = Vec::new();
    let piece = &text[sentence.start..sentence.end];
    let mut word_start: Option<usize> = None;
    let mut iter = piece.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // "People's", and hyphenated words the lexicons list whole ("co-chaired",
        // "vice-chairman").
        let inner_apostrophe = matches!(c, '\'' | '’' | '-')
            && word_start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if word_char(c) || inner_apostrophe {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = word_start.take() {
            push_word(
                text,
                sentence.start + ws,
                sentence.start + i,
                language,
                &mut tokens,
            );
        }
        if !c.is_whitespace() && c != '\u{200f}' && c != '\u{200e}' && c != 'ـ' {
            let start = sentence.start + i;
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: TokenKind::Punct(c),
                key: String::new(),
                term: None,
                in_term: false,
                reading: None,
            });
        }
    }
    if let Some(ws) = word_start {
        push_word(
            text,
            sentence.start + ws,
            sentence.end,
            language,
            &mut tokens,
        );
    }
    // A sentence of a language with diacritics that writes none.
    let plain = language.plain_key.is_some() && crate::text::fold(piece) == piece;
    mark_terms(&mut tokens, matcher, plain);
    tokens
}

fn push_word(text: &str, start: usize, end: usize, language: &Language, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    // An elided word written onto the next one ("d'An", "l'Assemblée") is a token of its
    // own.
    if let Some(cut) = elision_end(word, language) {
        push_one(text, start, start + cut, language, tokens);
        push_one(text, start + cut, end, language, tokens);
        return;
    }
    push_one(text, start, end, language, tokens);
}

/// Where the elided word at the start of `word` ends (after its apostrophe), if any.
pub fn elision_end(word: &str, language: &Language) -> Option<usize> {
    if language.elisions.is_empty() {
        return None;
    }
    let (i, apostrophe) = word.char_indices().find(|(_, c)| matches!(c, '\'' | '’'))?;
    let cut = i + apostrophe.len_utf8();
    let head = word[..i].to_lowercase();
    (cut < word.len() && language.elisions.contains(&head.as_str())).then_some(cut)
}

fn push_one(text: &str, start: usize, end: usize, language: &Language, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    let digits = crate::text::ascii_digits(word);
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        let value = if digits.len() <= 9 {
            digits.parse().unwrap_or(0)
        } else {
            u32::MAX
        };
        tokens.push(Token {
            start,
            end,
            kind: TokenKind::Number(value),
            key: digits,
            term: None,
            in_term: false,
            reading: None,
        });
        return;
    }
    let reading = reading(word, language);
    for key in (language.keys)(word) {
        tokens.push(Token {
            start,
            end,
            kind: TokenKind::Word,
            key,
            term: None,
            in_term: false,
            reading: reading.clone(),
        });
    }
}

/// The Latin syllable a word can be in a Vietnamese name, capitalized: the language's
/// most likely reading of it, or of it without the language's conjunction prefix.
pub fn reading(word: &str, language: &Language) -> Option<String> {
    let mut found = (language.readings)(word);
    if found.is_empty()
        && let Some(and) = language.and_prefix
        && let Some(rest) = word.strip_prefix(and)
    {
        found = (language.readings)(rest);
    }
    found.first().map(|s| super::lexicon::capitalize(s))
}

fn mark_terms(tokens: &mut [Token], matcher: &Matcher, plain: bool) {
    // Longest match from each position, taken left to right without overlap. Phrases are
    // at most a handful of keys long, so this is linear in the number of tokens.
    const MAX_PHRASE: usize = 8;
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_word() {
            i += 1;
            continue;
        }
        let window: Vec<&str> = tokens[i..tokens.len().min(i + MAX_PHRASE)]
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        if let Some((meaning, len)) = matcher.longest(&window, plain) {
            match meaning {
                Meaning::Whole(term) => tokens[i].term = Some((term, len)),
                Meaning::Each(terms) => {
                    for (t, term) in tokens[i..i + len].iter_mut().zip(terms) {
                        t.term = Some((*term, 1));
                    }
                }
            }
            // "Ha Thi Le", "Cầu Ông Lãnh": a capitalized one-word glue or honorific term
            // right after a name syllable is the name's next syllable.
            // So is a surname before a name syllable the lexicon does not know ("Lê Minh
            // Hung").
            // An honorific before a surname introduces a person ("Herrn Pham Huy Hong").
            let introduces = matches!(meaning, Meaning::Whole(Term::Comrade))
                && tokens.get(i + 1).is_none_or(|n| {
                    n.reading
                        .as_deref()
                        .is_none_or(|r| super::names::is_surname(&r.to_lowercase()))
                });
            let name_goes_on = len == 1
                && matches!(meaning, Meaning::Whole(Term::Link | Term::Comrade))
                && !introduces
                && tokens[i].reading.is_some()
                && (i
                    .checked_sub(1)
                    .is_some_and(|p| tokens[p].reading.is_some() && !tokens[p].in_term)
                    || (matches!(meaning, Meaning::Whole(Term::Link))
                        && tokens[i]
                            .reading
                            .as_deref()
                            .is_some_and(|r| super::names::is_surname(&r.to_lowercase()))
                        && tokens
                            .get(i + 1)
                            .is_some_and(|n| n.reading.is_some() && !matcher.knows(&n.key))));
            if name_goes_on {
                tokens[i].term = None;
                i += 1;
                continue;
            }
            for t in &mut tokens[i..i + len] {
                t.in_term = true;
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_on_text_is_cut_at_separators_into_bounded_sentences() {
        let text = "Tan Lap, ".repeat(2000);
        let s = sentences(&text, &crate::extract::en::LANGUAGE);
        assert!(s.len() > 2);
        assert!(s.iter().all(|s| s.end - s.start <= MAX_SENTENCE + 16));
        assert!(s.iter().all(|s| text[s.start..s.end].ends_with(',')));
        let spaced = "\u{a0}word".repeat(2000);
        let s = sentences(&spaced, &crate::extract::en::LANGUAGE);
        assert!(s.len() > 2);
    }

    #[test]
    fn sentences_keep_abbreviations_and_spans() {
        let text = "Working Group No. 6 met. It worked.\nNext line";
        let s = sentences(text, &crate::extract::en::LANGUAGE);
        let pieces: Vec<_> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            pieces,
            ["Working Group No. 6 met.", "It worked.", "Next line"]
        );
    }
}
