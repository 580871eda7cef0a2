//! Big working arrays on huge pages: a question over a million-entity graph reads its
//! rows, names and compressed rows at scattered places, and with 4 KiB pages most of
//! those reads first miss the address cache (TLB). Asking the kernel for 2 MiB pages
//! (transparent huge pages, where it allows them) cuts those misses and the page faults
//! of filling the arrays. Advice only: the contents, and every answer, are unchanged.

/// A vector with room for `capacity` items, its memory advised to use huge pages.
pub(crate) fn huge_vec<T>(capacity: usize) -> Vec<T> {
    let v = Vec::with_capacity(capacity);
    advise(&v);
    v
}

/// `len` copies of `value` on huge pages (as `vec![value; len]`).
pub(crate) fn huge_filled<T: Clone>(len: usize, value: T) -> Vec<T> {
    let mut v = huge_vec(len);
    v.resize(len, value);
    v
}

/// Advises the whole allocation of `v` (its capacity), before it is filled.
#[cfg(target_os = "linux")]
fn advise<T>(v: &Vec<T>) {
    const HUGE: usize = 2 << 20;
    let start = v.as_ptr() as usize;
    let len = v.capacity() * std::mem::size_of::<T>();
    // Whole huge pages inside the allocation only: advice never reaches memory that is
    // not this vector's.
    let first = start.next_multiple_of(HUGE);
    let last = (start + len) & !(HUGE - 1);
    if last > first {
        // SAFETY: the range lies inside this vector's allocation, and MADV_HUGEPAGE
        // changes how the kernel backs the pages, never their contents.
        unsafe {
            libc::madvise(
                first as *mut libc::c_void,
                last - first,
                libc::MADV_HUGEPAGE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise<T>(_: &Vec<T>) {}

#[cfg(test)]
mod tests {
    #[test]
    fn a_filled_huge_vector_is_the_vec_macro_s() {
        for len in [0, 1, 1000, 3 << 20] {
            assert_eq!(super::huge_filled(len, 7u32), vec![7u32; len]);
        }
    }

    #[test]
    fn a_huge_vector_holds_what_is_pushed() {
        for capacity in [0, 1, 1000, 3 << 20] {
            let mut v = super::huge_vec::<u32>(capacity);
            assert!(v.capacity() >= capacity);
            v.extend(0..capacity as u32);
            assert_eq!(
                v.iter().map(|&x| x as u64).sum::<u64>(),
                (0..capacity as u64).sum::<u64>()
            );
        }
    }
}
