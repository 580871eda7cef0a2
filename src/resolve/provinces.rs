//! The 2025 merger of provinces (63 → 34, effective 1 July 2025), as area slugs.
//!
//! An official of an absorbed province (Ha Giang) may turn up later in its successor
//! (Tuyen Quang). Resolution treats the absorbed province and the successor *after* the
//! merger as one place; before the merger they stay two places.

use crate::model::PartialDate;

/// The day the merged provinces came into being.
pub const MERGER_DATE: (u16, u8, u8) = (2025, 7, 1);

/// Absorbed province slug → successor province slug.
const ABSORBED: &[(&str, &str)] = &[
    ("ha-giang", "tuyen-quang"),
    ("yen-bai", "lao-cai"),
    ("bac-kan", "thai-nguyen"),
    ("vinh-phuc", "phu-tho"),
    ("hoa-binh", "phu-tho"),
    ("bac-giang", "bac-ninh"),
    ("thai-binh", "hung-yen"),
    ("hai-duong", "hai-phong"),
    ("ha-nam", "ninh-binh"),
    ("nam-dinh", "ninh-binh"),
    ("quang-binh", "quang-tri"),
    ("quang-nam", "da-nang"),
    ("kon-tum", "quang-ngai"),
    ("binh-dinh", "gia-lai"),
    ("ninh-thuan", "khanh-hoa"),
    ("dak-nong", "lam-dong"),
    ("binh-thuan", "lam-dong"),
    ("phu-yen", "dak-lak"),
    ("binh-duong", "ho-chi-minh-city"),
    ("ba-ria-vung-tau", "ho-chi-minh-city"),
    ("binh-phuoc", "dong-nai"),
    ("long-an", "tay-ninh"),
    ("soc-trang", "can-tho"),
    ("hau-giang", "can-tho"),
    ("ben-tre", "vinh-long"),
    ("tra-vinh", "vinh-long"),
    ("tien-giang", "dong-thap"),
    ("bac-lieu", "ca-mau"),
    ("kien-giang", "an-giang"),
];

/// The successor of an absorbed province (`ha-giang` → `tuyen-quang`).
pub fn successor(area_slug: &str) -> Option<&'static str> {
    ABSORBED
        .iter()
        .find(|(old, _)| *old == area_slug)
        .map(|(_, new)| *new)
}

/// True when `slug` is a province that absorbed others in 2025.
pub fn is_successor(area_slug: &str) -> bool {
    ABSORBED.iter().any(|(_, new)| *new == area_slug)
}

/// True when `date` may fall on or after the merger.
pub fn after_merger(date: &PartialDate) -> bool {
    date.latest() >= MERGER_DATE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_nine_provinces_were_absorbed_into_twenty_three() {
        assert_eq!(ABSORBED.len(), 29);
        assert_eq!(successor("ha-giang"), Some("tuyen-quang"));
        assert!(is_successor("tuyen-quang"));
        assert_eq!(successor("lang-son"), None);
        assert!(after_merger(&"2025-08".parse().unwrap()));
        assert!(!after_merger(&"2025-06-30".parse().unwrap()));
    }
}
