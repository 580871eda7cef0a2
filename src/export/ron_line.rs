//! One record as one line of RON, written as `ron`'s pretty printer writes it below its
//! depth limit for [`super::ron_config`]: no struct names, `Some` left implicit, `, `
//! between items, strings escaped char by char with [`char::escape_debug`].
//!
//! `ron` writes every character of every string through its formatter one at a time; this
//! writer copies runs of characters that need no escape at once, which is most of the time
//! of writing `graph.ron`. Anything outside the shapes records have (bytes, raw values,
//! ranges, names that are not plain identifiers, deep nesting) is refused with
//! [`Unsupported`], and the caller writes that record with `ron` itself; the records module's
//! tests compare the two on every kind of record and on strings of every kind of character.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

/// `value` appended to `out` as one line of RON; on [`Unsupported`], `out` is as it was.
pub(super) fn write<T: Serialize + ?Sized>(value: &T, out: &mut String) -> Result<(), Unsupported> {
    let start = out.len();
    let written = value.serialize(&mut Line {
        out,
        some_depth: 0,
        depth: 0,
    });
    if written.is_err() {
        out.truncate(start);
    }
    written
}

/// A shape this writer leaves to `ron`.
#[derive(Debug)]
pub(super) struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not written line by line: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Unsupported(message.to_string())
    }
}

/// Deeper than this is left to `ron`, which has its own recursion limit.
const MAX_DEPTH: usize = 64;

struct Line<'a> {
    out: &'a mut String,
    /// How many `Some` wrap the value being written (`ron`'s `implicit_some_depth`): only a
    /// `None` inside them spells them out.
    some_depth: usize,
    depth: usize,
}

impl Line<'_> {
    /// Opens a compound: nesting is counted and `Some` no longer wraps what follows.
    fn open(&mut self, bracket: char) -> Result<(), Unsupported> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Unsupported("nesting".into()));
        }
        self.some_depth = 0;
        self.out.push(bracket);
        Ok(())
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        self.out.push(bracket);
    }

    fn separate(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push_str(", ");
        }
    }

    /// `ron` writes an identifier that is not a plain one as `r#name`, and refuses some;
    /// both are left to it.
    fn identifier(&mut self, name: &str) -> Result<(), Unsupported> {
        plain_identifier(name)?;
        self.out.push_str(name);
        Ok(())
    }

    fn string(&mut self, text: &str) {
        let out = &mut *self.out;
        out.push('"');
        let mut run = 0;
        for (at, c) in text.char_indices() {
            let plain = if c.is_ascii() {
                matches!(c, ' '..='~') && !matches!(c, '"' | '\'' | '\\')
            } else {
                unescaped(c)
            };
            if !plain {
                out.push_str(&text[run..at]);
                out.extend(c.escape_debug());
                run = at + c.len_utf8();
            }
        }
        out.push_str(&text[run..]);
        out.push('"');
    }
}

/// Whether [`char::escape_debug`] leaves `c` as it is. Deciding it walks Unicode's tables
/// of printable and combining characters; for the Basic Multilingual Plane, where nearly
/// every name and quote is written, it is decided once per character and remembered.
fn unescaped(c: char) -> bool {
    static PLANE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return c.escape_debug().len() == 1;
    };
    let plane = PLANE.get_or_init(|| {
        let mut bits = vec![0u64; 1 << 10];
        for code in 0..=u16::MAX {
            if char::from_u32(code.into()).is_some_and(|c| c.escape_debug().len() == 1) {
                bits[usize::from(code >> 6)] |= 1 << (code & 63);
            }
        }
        bits
    });
    plane[usize::from(code >> 6)] & (1 << (code & 63)) != 0
}

/// Names `ron` writes as they are: ASCII identifiers that are not one of its words.
fn plain_identifier(name: &str) -> Result<(), Unsupported> {
    let mut chars = name.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(
            name,
            "true"
                | "false"
                | "Some"
                | "None"
                | "inf"
                | "inff32"
                | "inff64"
                | "NaN"
                | "NaNf32"
                | "NaNf64"
                | "Range"
                | "RangeInclusive"
                | "RangeFrom"
                | "RangeTo"
                | "RangeToInclusive"
        );
    if plain {
        Ok(())
    } else {
        Err(Unsupported(format!("the name `{name}`")))
    }
}

fn number(out: &mut String, value: impl fmt::Display) {
    write!(out, "{value}").expect("writing into a string cannot fail");
}

macro_rules! integers {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Unsupported> {
            number(self.out, value);
            Ok(())
        })*
    };
}

impl<'a, 'b> ser::Serializer for &'a mut Line<'b> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    integers!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_bool(self, value: bool) -> Result<(), Unsupported> {
        self.out.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Unsupported> {
        if value.is_nan() && value.is_sign_negative() {
            self.out.push('-');
        }
        write!(self.out, "{value:?}").expect("writing into a string cannot fail");
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Unsupported> {
        if value.is_nan() && value.is_sign_negative() {
            self.out.push('-');
        }
        write!(self.out, "{value:?}").expect("writing into a string cannot fail");
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Unsupported> {
        self.out.push('\'');
        if matches!(value, '\\' | '\'') {
            self.out.push('\\');
        }
        self.out.push(value);
        self.out.push('\'');
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Unsupported> {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported("bytes".into()))
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        let depth = std::mem::take(&mut self.some_depth);
        for _ in 0..depth {
            self.out.push_str("Some(");
        }
        self.out.push_str("None");
        for _ in 0..depth {
            self.out.push(')');
        }
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        self.some_depth += 1;
        value.serialize(&mut *self)?;
        self.some_depth = 0;
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.push_str("()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Unsupported> {
        plain_identifier(name)?;
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        plain_identifier(name)?;
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        plain_identifier(name)?;
        self.open('(')?;
        value.serialize(&mut *self)?;
        self.close(')');
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        plain_identifier(name)?;
        self.identifier(variant)?;
        self.open('(')?;
        value.serialize(&mut *self)?;
        self.close(')');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Unsupported> {
        Compound::open(self, '[', ']')
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a, 'b>, Unsupported> {
        Compound::open(self, '(', ')')
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Unsupported> {
        plain_identifier(name)?;
        Compound::open(self, '(', ')')
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Unsupported> {
        plain_identifier(name)?;
        self.identifier(variant)?;
        Compound::open(self, '(', ')')
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Unsupported> {
        Compound::open(self, '{', '}')
    }

    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Unsupported> {
        plain_identifier(name)?;
        Compound::open(self, '(', ')')
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Unsupported> {
        plain_identifier(name)?;
        self.identifier(variant)?;
        Compound::open(self, '(', ')')
    }
}

/// A list, tuple, map or struct being written: its items joined by `, `.
pub(super) struct Compound<'a, 'b> {
    line: &'a mut Line<'b>,
    first: bool,
    close: char,
}

impl<'a, 'b> Compound<'a, 'b> {
    fn open(line: &'a mut Line<'b>, open: char, close: char) -> Result<Self, Unsupported> {
        line.open(open)?;
        Ok(Compound {
            line,
            first: true,
            close,
        })
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.line.separate(&mut self.first);
        value.serialize(&mut *self.line)
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.line.separate(&mut self.first);
        self.line.identifier(key)?;
        self.line.out.push_str(": ");
        value.serialize(&mut *self.line)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.line.close(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.item(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.line.out.push_str(": ");
        value.serialize(&mut *self.line)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}
