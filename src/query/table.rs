//! Plain-text tables: aligned columns, one header line, optional group headings.

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
/// as a [`Table`] of those rows, without a string per cell (two passes over the rows: the
/// widths, then the lines).
pub fn render_rows<'r, const N: usize, R>(
    headers: [&str; N],
    rows: &'r [R],
    cells: impl Fn(&'r R) -> [&'r str; N],
) -> String {
    render_lines(headers.into_iter(), N, || {
        rows.iter().map(|r| cells(r).into_iter())
    })
}

fn render_lines<'a, H, I, C>(headers: H, columns: usize, rows: impl Fn() -> I) -> String
where
    H: Iterator<Item = &'a str> + Clone,
    I: Iterator<Item = C>,
    C: Iterator<Item = &'a str>,
{
    let mut widths: Vec<usize> = headers.clone().map(|h| h.chars().count()).collect();
    widths.resize(columns, 0);
    let mut size = 0;
    for row in rows() {
        for (i, cell) in row.enumerate().take(columns) {
            widths[i] = widths[i].max(cell.chars().count());
            size += cell.len() + 2;
        }
        size += 1;
    }
    let mut out = String::with_capacity(size + 2 * widths.iter().sum::<usize>() + 64);
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let start = out.len();
        for (i, cell) in cells.enumerate().take(columns) {
            out.push_str(cell);
            if i + 1 < columns {
                let pad = widths[i] - cell.chars().count() + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
        out.push('\n');
    };
    line(&mut headers.into_iter());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut rule.iter().map(String::as_str));
    for row in rows() {
        line(&mut row.into_iter());
    }
    out
}
