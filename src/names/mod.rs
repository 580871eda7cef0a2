//! Vietnamese personal names across scripts: romanization of Arabic-script renderings
//! and comparison keys.
//!
//! Pure string functions with no dependency on the model beyond [`crate::text`]. The
//! romanizer ([`romanize_arabic`]) gives every name read in an Arabic article a readable
//! Latin form; the keys ([`NameKey`], [`blocking_key`]) say which names *may* denote the
//! same person. Neither decides identity: that is `resolve`'s job, with context.

mod key;
mod romanize;
mod syllables;

pub use key::{
    NameKey, NameMatch, blocking_key, has_arabic, in_arabic_block, loose_syllable_key, name_key,
};
pub use romanize::{romanize_arabic, romanize_word};
