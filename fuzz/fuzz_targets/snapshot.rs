//! The snapshot reader (`graph.snapshot`): no panic on any bytes, and a snapshot that
//! decodes re-encodes to a snapshot that decodes to the same bytes again.
//!
//! The checksum would stop almost every mutation at the door, so by default the target
//! seals the input itself: byte 0 odd means "the rest is a whole file", byte 0 even means
//! "bytes 1-2 are the stamp length (little-endian), the rest is stamp and body", wrapped in a correct header
//! (magic, lengths, checksum) so the fuzzer reaches the body decoder.
#![no_main]

use govgraph::snapshot::{self, content_hash, decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let sealed;
    let bytes: &[u8] = if mode % 2 == 1 {
        rest
    } else {
        let Some((length, checked)) = rest.split_first_chunk::<2>() else {
            return;
        };
        let stamp_len = usize::from(u16::from_le_bytes(*length)).min(checked.len());
        let mut out = Vec::with_capacity(48 + checked.len());
        out.extend_from_slice(snapshot::MAGIC);
        out.extend_from_slice(&(stamp_len as u64).to_le_bytes());
        out.extend_from_slice(&((checked.len() - stamp_len) as u64).to_le_bytes());
        out.extend_from_slice(&content_hash(checked).to_le_bytes());
        out.extend_from_slice(checked);
        sealed = out;
        &sealed
    };
    if let Ok((stamp, graph)) = decode(bytes) {
        let first = encode(&graph, &stamp);
        let (stamp2, graph2) = decode(&first).expect("a re-encoded snapshot decodes");
        assert_eq!(stamp2, stamp);
        assert_eq!(
            encode(&graph2, &stamp2),
            first,
            "snapshots do not round-trip"
        );
    }
});
