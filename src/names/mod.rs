//! Vietnamese personal names and places across scripts: the syllable table, romanization
//! of Arabic-script renderings, comparison keys and the province list.
//!
//! Pure string functions; the only model type used is the level of a province. One
//! syllable table (`syllables.rs`: ranked surnames, given syllables and place syllables,
//! and the rules that spell them in Arabic script) serves extraction (reading an Arabic
//! word as a syllable), ids (the romanized name) and resolution (the name keys). The
//! romanizer ([`romanize_arabic`]) gives every name read in an Arabic article a readable
//! Latin form; the keys ([`NameKey`], [`blocking_key`]) say which names *may* denote the
//! same person. Neither decides identity: that is `resolve`'s job, with context.

mod key;
mod provinces;
mod romanize;
mod syllables;

pub use key::{
    NameKey, NameMatch, Syllables, blocking_key, has_arabic, in_arabic_block, loose_syllable_key,
    name_key,
};
pub use provinces::{PROVINCE_MAX_WORDS, PROVINCES, province_by_key};
pub use romanize::{arabic_readings, romanize_arabic, romanize_arabic_with, romanize_word};
pub use syllables::{SURNAMES, Slot, is_latin_syllable, is_surname};
