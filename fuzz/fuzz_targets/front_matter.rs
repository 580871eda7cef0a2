//! Article front matter: no panic, every problem at a character boundary inside the text,
//! the body offset inside the text, and masking keeps the length and the line breaks.
#![no_main]

use govgraph::article;
use govgraph::extract::{SiteTable, mask_front_matter, options_for_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (front, problems) = article::parse(&text);
    assert!(front.body_offset <= text.len());
    assert!(text.is_char_boundary(front.body_offset));
    for problem in &problems {
        assert!(problem.offset <= text.len(), "{problem:?}");
        assert!(text.is_char_boundary(problem.offset), "{problem:?}");
    }
    let (_, body_offset) = options_for_article("fuzz", &text, &SiteTable::builtin());
    assert_eq!(body_offset, front.body_offset);
    let masked = mask_front_matter(&text, body_offset);
    assert_eq!(masked.len(), text.len());
    assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
    assert_eq!(&masked[body_offset..], &text[body_offset..]);
});
