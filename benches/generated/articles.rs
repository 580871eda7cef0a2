//! Generated articles in our own phrasings (English, Vietnamese, German and French reports
//! of working groups, meetings and visits) with invented names and varied provinces and
//! communes; never corpus text. Shared by `benches/memory.rs` and the integration test of
//! `extract --jsonl` (`tests/it/jsonl.rs`) through `#[path]`.

#![allow(dead_code)]

use std::fmt::Write as _;

const FAMILY: [&str; 12] = [
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong",
];
const MIDDLE: [&str; 8] = ["Van", "Thi", "Duc", "Minh", "Quang", "Huu", "Ngoc", "Xuan"];
const GIVEN: [&str; 16] = [
    "Anh", "Binh", "Cuong", "Dung", "Giang", "Hai", "Khanh", "Long", "Nam", "Phuc", "Son", "Thanh",
    "Tuan", "Vinh", "Yen", "Hieu",
];
const PROVINCES: [&str; 12] = [
    "Quang Ninh",
    "Nghe An",
    "Lang Son",
    "Thanh Hoa",
    "Ha Tinh",
    "Gia Lai",
    "Lao Cai",
    "Tuyen Quang",
    "An Giang",
    "Dak Lak",
    "Khanh Hoa",
    "Quang Tri",
];
const PLACE: [&str; 14] = [
    "Tan", "Phuoc", "Binh", "Son", "Hoa", "Lac", "Thanh", "Vinh", "Dong", "Tay", "Kim", "My",
    "Trung", "Phu",
];

/// An invented person's name; `i` picks it, so the same `i` is the same person.
pub fn name(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % 12],
        MIDDLE[(i / 12) % 8],
        GIVEN[(i / 96) % 16]
    )
}

/// An invented commune name.
pub fn commune(i: usize) -> String {
    format!("{} {}", PLACE[i % 14], PLACE[(i / 14 + 3) % 14])
}

/// The file stem of article `i`.
pub fn stem(i: usize) -> String {
    format!("{i:05}-generated")
}

/// Article `i` with its front matter: a province, a date, a language and one of six
/// phrasings, all picked by `i`.
pub fn article(i: usize) -> String {
    let province = PROVINCES[(i / 6) % 12];
    let (a, b, c) = (commune(i + 1), commune(i + 7), commune(i + 13));
    let (leader, other, third) = (name(i), name(i * 7 + 3), name(i * 13 + 5));
    let group = i % 9 + 1;
    let day = i % 28 + 1;
    let month = i % 12 + 1;
    let lang = ["en", "en", "vi", "de", "fr", "en"][i % 6];
    let mut text = format!(
        "---\nsource: https://example.org/{lang}/{i}\nlang: {lang}\ndate: 2025-{month:02}-{day:02}\n---\n"
    );
    let t = &mut text;
    match i % 6 {
        0 => {
            let _ = writeln!(
                t,
                "On {day} {}, Working Group No. {group} of the {province} Provincial Party \
                 Standing Committee, led by comrade {leader}, Deputy Secretary of the Provincial \
                 Party Committee, worked with 3 communes: {a}, {b} and {c}.",
                MONTHS[month - 1]
            );
            let _ = writeln!(
                t,
                "Accompanying the group was comrade {other}, Member of the Provincial Party \
                 Standing Committee."
            );
        }
        1 => {
            let _ = writeln!(
                t,
                "Comrade {leader}, Secretary of the {province} Provincial Party Committee, \
                 chaired the conference on administrative reform."
            );
            let _ = writeln!(
                t,
                "Attending the conference were comrades {other}, Chairman of the Provincial \
                 People's Committee, and {third}, Vice Chairwoman of the Provincial People's \
                 Council."
            );
            let _ = writeln!(
                t,
                "The Provincial Party Secretary asked the communes to serve citizens faster."
            );
        }
        2 => {
            let _ = writeln!(
                t,
                "Ngày {day}/{month}, Đoàn công tác số {group} của Ban Thường vụ Tỉnh ủy \
                 {province} do đồng chí {leader}, Phó Bí thư Tỉnh ủy, làm trưởng đoàn đã làm \
                 việc với xã {a}."
            );
        }
        3 => {
            let _ = writeln!(
                t,
                "Am {day}. {} besuchte die Arbeitsgruppe Nr. {group} des Ständigen Ausschusses \
                 des Provinzparteikomitees {province}, angeführt von Genosse {leader}, \
                 stellvertretender Sekretär des Provinzparteikomitees, die Gemeinden {a}, {b} \
                 und {c}.",
                MONATE[month - 1]
            );
            let _ = writeln!(
                t,
                "Begleitet wurde die Gruppe von Genosse {other}, Vorsitzender des \
                 Provinzvolksrats."
            );
        }
        4 => {
            let _ = writeln!(
                t,
                "Le {day} {}, le camarade {leader}, secrétaire du Comité provincial du Parti \
                 de {province}, a présidé la réunion du Comité permanent.",
                MOIS[month - 1]
            );
            let _ = writeln!(
                t,
                "Le camarade {other}, secrétaire adjoint du Comité provincial du Parti, chef \
                 du groupe de travail n° {group}, a travaillé avec les communes de {a} et de {b}."
            );
        }
        _ => {
            let _ = writeln!(
                t,
                "The {province} Provincial Party Standing Committee's Working Group No. \
                 {group}, headed by Mr. {leader}, Chairman of the Provincial People's \
                 Committee, visited {a} and {b} communes."
            );
            let _ = writeln!(
                t,
                "Mr. {other}, Head of the Organization Commission of the Provincial Party \
                 Committee, said the communes had settled every pending procedure."
            );
        }
    }
    let _ = writeln!(
        t,
        "Residents of {c} said the new offices answer their requests within the week."
    );
    text
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONATE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The body of article `i` (its text after the front matter).
pub fn body(i: usize) -> String {
    let text = article(i);
    let end = text[4..].find("\n---\n").map_or(0, |k| k + 9);
    text[end..].to_string()
}
