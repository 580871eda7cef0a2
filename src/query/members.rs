//! Who holds a post in, or is a member of, an organization (and its sub-bodies).

use std::io::{self, Write};
use std::sync::mpsc;

use petgraph::visit::Bfs;
use rayon::prelude::*;
use serde::Serialize;
use serde::ser::SerializeStruct;

use super::{EntityRef, EntityView};
use crate::graph::Graph;
use crate::model::{Entity, RelationKind, Role};
use crate::pages::huge_vec;

/// The members of a body: rows of entity indices into the graph, written as entities
/// (a million-row answer copies no names and decodes only what it writes).
pub struct Members<'g> {
    pub body: EntityView,
    graph: &'g Graph,
    rows: Vec<Row>,
}

/// One row as written: entities by reference.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Member<'g> {
    pub person: EntityRef<'g>,
    pub role: &'static str,
    /// The post through which the person belongs, absent for plain `member_of`.
    pub post: Option<EntityRef<'g>>,
    /// The body the person belongs to (the asked body or, with `deep`, a sub-body).
    #[serde(rename = "in")]
    pub within: EntityRef<'g>,
}

/// A row, by entity index.
#[derive(Clone, Copy)]
struct Row {
    person: u32,
    role: Option<Role>,
    /// `u32::MAX` for none.
    post: u32,
    within: u32,
    /// Orders the rows of one body name: role rank, then the person's (name, id) position.
    key: u64,
}

impl<'g> Members<'g> {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows, in order.
    pub fn members(&self) -> impl ExactSizeIterator<Item = Member<'g>> + '_ {
        let at = |i: u32| EntityRef::new(self.graph, i as usize);
        self.rows.iter().map(move |r| Member {
            person: at(r.person),
            role: r.role.map_or("", |r| r.as_str()),
            post: (r.post != u32::MAX).then(|| at(r.post)),
            within: at(r.within),
        })
    }
}

impl Serialize for Members<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Rows<'a, 'g>(&'a Members<'g>);
        impl Serialize for Rows<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.members())
            }
        }
        let mut out = serializer.serialize_struct("Members", 2)?;
        out.serialize_field("body", &self.body)?;
        out.serialize_field("members", &Rows(self))?;
        out.end()
    }
}

/// Members of `body` through posts (`holds` a post that is `post_of` it) or `member_of`;
/// with `deep`, of every body that is `part_of` it, transitively. Sorted by body (the asked
/// one first, then by name), then role rank (secretary and chair first), then name and id;
/// rows of equal key keep the order they were found in. O(b + m log m) for b bodies and m
/// rows: the search walks entity indices, and rows sort by one integer key built from the
/// graph's name order.
pub fn members<'g>(graph: &'g Graph, body: &Entity, deep: bool) -> Members<'g> {
    let root = graph
        .index_of(&body.id)
        .expect("the body comes from the graph");
    // Breadth-first from the body against `part_of` relations: the body, then its
    // sub-bodies in the order they are reached.
    let bodies: Vec<usize> = if deep {
        let within = graph.follow(Some(RelationKind::PartOf), Some(false));
        let mut bfs = Bfs::new(&within, root);
        std::iter::from_fn(|| bfs.next(&within)).collect()
    } else {
        vec![root]
    };
    // The order is (not the asked body, body name rank, role rank, person (name, id)
    // position, row number). Bodies are put in the order of the first two (bodies of one
    // name keep the order they were reached in), so the rows of each body name are found
    // together and in row order; each such group is then sorted on its own, on every
    // core, by a stable sort of the rest of the key.
    let order = graph.name_order();
    let mut bodies = bodies;
    bodies.sort_by_key(|&b| (b != root, order.rank[b]));
    let rank = |role: Option<Role>| -> u64 {
        role.and_then(|r| Role::ALL.iter().position(|x| *x == r))
            .map_or(255, |p| p.min(254)) as u64
    };
    let row = |person: usize, role: Option<Role>, post: u32, within: usize| Row {
        person: person as u32,
        role,
        post,
        within: within as u32,
        key: (rank(role) << 32) | u64::from(order.position[person]),
    };
    // Each body's rows on its own (on every core: the reads of relation ends are
    // scattered), then put together in body order.
    let of_body = |b: usize| {
        let mut rows = Vec::new();
        for post in graph.adjacent(b, RelationKind::PostOf, false) {
            let role = graph.role_at(post.other_index);
            for holder in graph.adjacent(post.other_index, RelationKind::Holds, false) {
                rows.push(row(holder.other_index, role, post.other_index as u32, b));
            }
        }
        for (kind, role) in [
            (RelationKind::MemberOf, Role::Member),
            (RelationKind::Leads, Role::Head),
        ] {
            for link in graph.adjacent(b, kind, false) {
                rows.push(row(link.other_index, Some(role), u32::MAX, b));
            }
        }
        rows
    };
    let parts: Vec<Vec<Row>> = bodies.par_iter().map(|&b| of_body(b)).collect();
    let mut rows: Vec<Row> = huge_vec(parts.iter().map(Vec::len).sum());
    for part in parts {
        rows.extend(part);
    }
    let group = |r: &Row| (r.within != root as u32, order.rank[r.within as usize]);
    rows.par_chunk_by_mut(|a, b| group(a) == group(b))
        .for_each(|rows| rows.sort_by_key(|r| r.key));
    // A person found twice in one body with one role is listed once, as first found.
    rows.dedup_by_key(|r| (r.person, r.role, r.within));
    let members = rows;
    Members {
        body: EntityView::from(body),
        graph,
        rows: members,
    }
}

/// The table: the body, then one line per row (body, role, person, post names), written
/// to `out` as it goes. The same text as [`super::table::write_rows`] of those cells, made
/// without its per-cell work: names are read by their number ([`Graph::name_id`]; from a
/// snapshot, their place in the string table, where people of one body in name order
/// stand front to back), column widths come from the character count of each name
/// counted once, in string-table order, and lines go out through one buffer.
pub fn write_table(answer: &Members<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})\n", answer.body.name, answer.body.id)?;
    if answer.is_empty() {
        return writeln!(out, "no members recorded");
    }
    let graph = answer.graph;
    const NONE: u32 = u32::MAX;
    // Each row's names by number (body, person, post), in one tight pass on every core.
    let mut ids: Vec<[u32; 3]> = huge_vec(answer.rows.len());
    ids.par_extend(answer.rows.par_iter().map(|r| {
        [
            graph.name_id(r.within as usize),
            graph.name_id(r.person as usize),
            if r.post == NONE {
                NONE
            } else {
                graph.name_id(r.post as usize)
            },
        ]
    }));
    let count = ids
        .iter()
        .flat_map(|row| row.iter().copied().filter(|&id| id != NONE))
        .max()
        .map_or(0, |m| m as usize + 1);
    // Column widths: which names each column uses (three bitmaps, small enough to stay in
    // cache), then the characters of each used name, counted once, front to back (every
    // number below `count` names a string: an entity of a built graph, a string of the
    // table of a snapshot).
    let mut used = vec![0u8; count.div_ceil(8) * 3];
    for row in &ids {
        for (column, &id) in row.iter().enumerate() {
            if id != NONE {
                used[(id as usize / 8) * 3 + column] |= 1 << (id % 8);
            }
        }
    }
    // Every name numbered below `count` copied once, front to back, into a slot of its
    // own (one cache line's half: length, characters, bytes), so a row's names are then
    // read with one scattered access each instead of two (the end, then the text).
    let mut slots: Vec<Slot> = huge_vec(count);
    slots.par_extend(
        (0..count)
            .into_par_iter()
            .map(|id| Slot::of(graph.name_bytes_of(id as u32))),
    );
    let name = |id: u32| -> (&[u8], usize) {
        if id == NONE {
            return (b"", 0);
        }
        let slot = &slots[id as usize];
        match slot.text() {
            Some(text) => (text, usize::from(slot.chars)),
            None => {
                let text = graph.name_bytes_of(id);
                (text, chars(text))
            }
        }
    };
    let longest = (0..count)
        .into_par_iter()
        .fold(
            || [0usize; 3],
            |mut longest, id| {
                let bits = |column: usize| used[(id / 8) * 3 + column] & (1 << (id % 8)) != 0;
                if bits(0) || bits(1) || bits(2) {
                    let (_, chars) = name(id as u32);
                    for (column, l) in longest.iter_mut().enumerate() {
                        if bits(column) {
                            *l = (*l).max(chars);
                        }
                    }
                }
                longest
            },
        )
        .reduce(|| [0usize; 3], |a, b| [0, 1, 2].map(|c| a[c].max(b[c])));
    let role = |r: &Row| r.role.map_or("", |r| r.as_str());
    let headers = ["body", "role", "person", "post"];
    let mut widths = headers.map(|h| h.chars().count());
    for (w, l) in [0, 2, 3].into_iter().zip(longest) {
        widths[w] = widths[w].max(l);
    }
    for r in &answer.rows {
        widths[1] = widths[1].max(role(r).len());
    }
    let mut buffer: Vec<u8> = Vec::new();
    // One line: each cell, padded to its column's width plus two (but the last), then
    // trailing whitespace trimmed (as every table here is). Cells are UTF-8 bytes.
    let line = |buffer: &mut Vec<u8>, cells: [(&[u8], usize); 4]| {
        let start = buffer.len();
        for (i, (cell, chars)) in cells.into_iter().enumerate() {
            buffer.extend_from_slice(cell);
            if i + 1 < cells.len() {
                let pad = widths[i] - chars + 2;
                buffer.resize(buffer.len() + pad, b' ');
            }
        }
        // An ASCII letter or digit last (the common case) ends the line as it is.
        if !buffer.last().is_some_and(u8::is_ascii_alphanumeric) {
            let kept = trimmed_len(&buffer[start..]);
            buffer.truncate(start + kept);
        }
        buffer.push(b'\n');
    };
    let cell = |text: &'static str| (text.as_bytes(), text.chars().count());
    line(&mut buffer, headers.map(cell));
    let rule = widths.map(|w| "-".repeat(w));
    line(
        &mut buffer,
        [0, 1, 2, 3].map(|i| (rule[i].as_bytes(), widths[i])),
    );
    // Rows a block at a time, each block's lines formatted by one task (its names looked
    // up first, in one tight loop, so the scattered reads overlap), a batch of blocks on
    // every core at once; the blocks are then written in order. Each task keeps its
    // buffers from batch to batch (fresh pages would be faulted in again for every block).
    out.write_all(&buffer)?;
    type Task<'n> = (Vec<u8>, Vec<[(&'n [u8], usize); 3]>);
    let tasks = || -> Vec<Task<'_>> {
        (0..BATCH / BLOCK)
            .map(|_| (Vec::with_capacity(BLOCK * 96), Vec::with_capacity(BLOCK)))
            .collect()
    };
    let (ids, slots, name, line) = (&ids, &slots, &name, &line);
    // Two sets of buffers: one batch is formatted (on a thread of its own, on every core)
    // while the one before is written here, in order.
    std::thread::scope(|scope| {
        let (full, written) = mpsc::sync_channel::<(Vec<Task<'_>>, usize)>(1);
        let (empty, free) = mpsc::channel();
        for _ in 0..2 {
            empty.send(tasks()).expect("the channel is open");
        }
        scope.spawn(move || {
            for (rows, ids) in answer.rows.chunks(BATCH).zip(ids.chunks(BATCH)) {
                // The writer stopped (an error): nothing more to format.
                let Ok(mut tasks) = free.recv() else { return };
                let used = rows.len().div_ceil(BLOCK);
                tasks[..used]
                    .par_iter_mut()
                    .zip(rows.par_chunks(BLOCK).zip(ids.par_chunks(BLOCK)))
                    .for_each(|((buffer, names), (rows, ids))| {
                        buffer.clear();
                        names.clear();
                        prefetch_slots(slots, ids);
                        names.extend(ids.iter().map(|row| row.map(name)));
                        for (r, names) in rows.iter().zip(names.iter()) {
                            let role = role(r);
                            line(
                                buffer,
                                [names[0], (role.as_bytes(), role.len()), names[1], names[2]],
                            );
                        }
                    });
                if full.send((tasks, used)).is_err() {
                    return;
                }
            }
        });
        for (tasks, used) in &written {
            for (buffer, _) in &tasks[..used] {
                out.write_all(buffer)?;
            }
            // The formatter may have finished: then the buffers are not needed.
            let _ = empty.send(tasks);
        }
        Ok(())
    })
}

/// Asks for the slots of a block's names ahead of reading them: a pass with no reads that
/// wait, so the scattered fetches overlap.
fn prefetch_slots(slots: &[Slot], ids: &[[u32; 3]]) {
    #[cfg(target_arch = "x86_64")]
    for &id in ids.iter().flatten() {
        if let Some(slot) = slots.get(id as usize) {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // SAFETY: a prefetch is a hint that reads nothing and never faults (SSE, which
            // every x86-64 processor has); the address is that of a live slot.
            unsafe { _mm_prefetch::<_MM_HINT_T0>((slot as *const Slot).cast()) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slots, ids);
}

/// A name of at most [`Slot::ROOM`] bytes, with its length and characters; longer
/// names are marked and read from the graph.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct Slot {
    len: u8,
    chars: u8,
    bytes: [u8; Slot::ROOM],
}

impl Slot {
    const ROOM: usize = 30;
    const LONG: u8 = u8::MAX;

    fn of(text: &[u8]) -> Self {
        let mut slot = Slot {
            len: Slot::LONG,
            chars: 0,
            bytes: [0; Slot::ROOM],
        };
        if text.len() <= Slot::ROOM {
            slot.len = text.len() as u8;
            slot.chars = chars(text) as u8;
            slot.bytes[..text.len()].copy_from_slice(text);
        }
        slot
    }

    fn text(&self) -> Option<&[u8]> {
        (self.len != Slot::LONG).then(|| &self.bytes[..usize::from(self.len)])
    }
}

/// The characters of UTF-8 bytes (those that do not continue a character).
fn chars(text: &[u8]) -> usize {
    text.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The length of UTF-8 bytes without their trailing whitespace (as `str::trim_end`).
fn trimmed_len(text: &[u8]) -> usize {
    let mut end = text.len();
    while end > 0 {
        let mut start = end - 1;
        while start > 0 && (text[start] as i8) < -0x40 {
            start -= 1;
        }
        let last = std::str::from_utf8(&text[start..end])
            .ok()
            .and_then(|c| c.chars().next());
        if !last.is_some_and(char::is_whitespace) {
            break;
        }
        end = start;
    }
    end
}

/// Rows whose lines one task formats (see [`write_table`]).
const BLOCK: usize = 1 << 11;
/// Rows formatted before they are written: 64 blocks, about 10 MB of text.
const BATCH: usize = BLOCK * 64;

pub fn table(answer: &Members<'_>) -> String {
    let mut out = Vec::new();
    write_table(answer, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("tables are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::{chars, members, table, trimmed_len, write_table};
    use crate::model::Kind;

    /// Accepts `left` bytes, then fails every write.
    struct Failing {
        written: Vec<u8>,
        left: usize,
    }

    impl std::io::Write for Failing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                return Err(std::io::Error::other("full"));
            }
            let n = bytes.len().min(self.left);
            self.written.extend_from_slice(&bytes[..n]);
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failing_writer_ends_the_table_with_its_error_after_a_prefix() {
        let graph = crate::graph::committed();
        let body = graph
            .entities_of_kind(Kind::Organization)
            .max_by_key(|b| (members(&graph, b, true).len(), std::cmp::Reverse(&b.id)))
            .expect("organizations");
        let answer = members(&graph, body, true);
        assert!(answer.len() > 10, "{} rows", answer.len());
        let whole = table(&answer);
        for left in [0, 1, 100, whole.len() / 2, whole.len() - 1] {
            let mut out = Failing {
                written: Vec::new(),
                left,
            };
            assert!(
                write_table(&answer, &mut out).is_err(),
                "after {left} bytes"
            );
            assert_eq!(out.written, whole.as_bytes()[..left], "after {left} bytes");
        }
        let mut out = Failing {
            written: Vec::new(),
            left: whole.len(),
        };
        write_table(&answer, &mut out).expect("room for all of it");
        assert_eq!(out.written, whole.as_bytes());
    }

    #[test]
    fn byte_helpers_count_and_trim_as_str_does() {
        for text in [
            "",
            " ",
            "Nguyễn Văn A",
            "Nguyễn Văn A   ",
            "Ủy ban\u{3000}\u{a0} ",
            "tail ễ\u{2003}",
            "\u{2003}",
            "Bí thư x\u{85}",
        ] {
            assert_eq!(chars(text.as_bytes()), text.chars().count(), "{text:?}");
            assert_eq!(
                trimmed_len(text.as_bytes()),
                text.trim_end().len(),
                "{text:?}"
            );
        }
    }
}
