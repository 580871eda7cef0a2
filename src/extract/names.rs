//! Knowledge about Vietnamese names and places that extraction reads, kept in
//! [`crate::names`] so that extraction, ids and resolution share one syllable table, one
//! surname list and one province list. A person name is recognized by its structure: a
//! Vietnamese surname followed by one to three syllables. Nothing here lists any
//! particular person.

pub use crate::names::{PROVINCE_MAX_WORDS, PROVINCES, is_latin_syllable, province_by_key};

/// True when `folded_lower` (folded, lowercase) is a Vietnamese surname.
pub fn is_surname(folded_lower: &str) -> bool {
    crate::names::is_surname(folded_lower)
}
