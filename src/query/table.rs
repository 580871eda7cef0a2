//! Plain-text tables: aligned columns, one header line, optional group headings.

use std::io::{self, Write};

/// A table under construction. Column widths count characters, so Arabic and Vietnamese
/// text aligns as well as a terminal allows.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Renders the table; trailing spaces are trimmed from every line.
    pub fn render(&self) -> String {
        let columns = self.headers.len();
        render_lines(self.headers.iter().map(String::as_str), columns, || {
            self.rows
                .iter()
                .map(|row| row.iter().map(String::as_str).take(columns))
        })
    }
}

/// A table of `N` columns over `rows`, each row's cells borrowed by `cells`: the same text
/// as a [`Table`] of those rows, without a string per cell.
pub fn render_rows<'r, const N: usize, R>(
    headers: [&str; N],
    rows: &'r [R],
    cells: impl Fn(&'r R) -> [&'r str; N],
) -> String {
    let mut out = Vec::new();
    write_rows(&mut out, headers, rows.len(), |k| cells(&rows[k])).expect("writing to memory");
    String::from_utf8(out).expect("tables are UTF-8")
}

/// Writes the table of `N` columns over rows `0..count`, row `k`'s cells given by
/// `cells(k)`, to `out` as it goes: two passes over the rows (the widths, then the
/// lines), lines gathered in one buffer written out every 64 KiB, nothing allocated per
/// row.
pub fn write_rows<'r, const N: usize>(
    out: &mut dyn Write,
    headers: [&str; N],
    count: usize,
    cells: impl Fn(usize) -> [&'r str; N],
) -> io::Result<()> {
    write_lines(out, headers.into_iter(), N, None, || {
        (0..count).map(|k| cells(k).into_iter())
    })
}

fn render_lines<'a, H, I, C>(headers: H, columns: usize, rows: impl Fn() -> I) -> String
where
    H: Iterator<Item = &'a str> + Clone,
    I: Iterator<Item = C>,
    C: Iterator<Item = &'a str>,
{
    let mut out = Vec::new();
    write_lines(&mut out, headers, columns, None, rows).expect("writing to memory");
    String::from_utf8(out).expect("tables are UTF-8")
}

fn write_lines<'a, H, I, C>(
    out: &mut dyn Write,
    headers: H,
    columns: usize,
    widths: Option<Vec<usize>>,
    rows: impl Fn() -> I,
) -> io::Result<()>
where
    H: Iterator<Item = &'a str> + Clone,
    I: Iterator<Item = C>,
    C: Iterator<Item = &'a str>,
{
    const FLUSH: usize = 1 << 16;
    let widths = widths.unwrap_or_else(|| {
        let mut widths: Vec<usize> = headers.clone().map(|h| h.chars().count()).collect();
        widths.resize(columns, 0);
        for row in rows() {
            for (i, cell) in row.enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        widths
    });
    let mut buffer = String::with_capacity(FLUSH + 1024);
    let line = |buffer: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        let start = buffer.len();
        for (i, cell) in cells.enumerate().take(columns) {
            buffer.push_str(cell);
            if i + 1 < columns {
                let pad = widths[i] - cell.chars().count() + 2;
                buffer.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let kept = buffer[start..].trim_end().len();
        buffer.truncate(start + kept);
        buffer.push('\n');
    };
    line(&mut buffer, &mut headers.into_iter());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut buffer, &mut rule.iter().map(String::as_str));
    for row in rows() {
        line(&mut buffer, &mut row.into_iter());
        if buffer.len() >= FLUSH {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
    }
    out.write_all(buffer.as_bytes())
}
