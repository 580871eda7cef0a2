//! The site table: which province or city a news site reports on, by host suffix.
//!
//! `data/sites.ron` holds it; the same file is compiled in as the default, so extraction
//! places posts without any data directory.

use serde::Deserialize;

use crate::model::AreaLevel;

/// One site: a host suffix (`baolangson.vn`) and the area it reports on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub host: String,
    pub area: String,
    pub level: AreaLevel,
}

/// Host suffix → area. Lookups pick the longest matching suffix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteTable {
    pub sites: Vec<Site>,
}

/// The table compiled into the binary from `data/sites.ron`.
pub const DEFAULT_SITES: &str = include_str!("../../data/sites.ron");

impl SiteTable {
    /// Parses a `sites.ron` text.
    pub fn parse(text: &str) -> Result<SiteTable, String> {
        ron::from_str::<Vec<Site>>(text)
            .map(|sites| SiteTable { sites })
            .map_err(|err| err.to_string())
    }

    /// The embedded default table.
    pub fn builtin() -> SiteTable {
        SiteTable::parse(DEFAULT_SITES).unwrap_or_default()
    }

    /// The site whose host is a suffix of the URL's host (`www.baolangson.vn` matches
    /// `baolangson.vn`), compared case-insensitively; a bare host works too.
    pub fn lookup(&self, url: &str) -> Option<&Site> {
        let host = host_of(url).to_ascii_lowercase();
        self.sites
            .iter()
            .filter(|s| {
                let suffix = s.host.to_ascii_lowercase();
                host == suffix || host.ends_with(&format!(".{suffix}"))
            })
            .max_by_key(|s| s.host.len())
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.split(':').next().unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_knows_the_sample_sites() {
        let table = SiteTable::builtin();
        assert_eq!(
            table.lookup("https://baolangson.vn/x").unwrap().area,
            "Lang Son"
        );
        assert_eq!(
            table
                .lookup("https://www.haiphong.gov.vn/a?b")
                .unwrap()
                .area,
            "Hai Phong"
        );
        assert_eq!(table.lookup("HANOI.GOV.VN").unwrap().area, "Hanoi");
        assert!(table.lookup("https://example.com/baolangson.vn").is_none());
    }
}
