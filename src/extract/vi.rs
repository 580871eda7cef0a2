//! Vietnamese: the lexicon of Vietnamese government news ("Đồng chí Nguyễn Văn A, Phó Bí
//! thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị"), with and without diacritics.
//!
//! Vietnamese writes one syllable a word, so most phrases are several words. Tone marks
//! tell lexicon words from name syllables (`Đảng` the Party, `Đặng` a surname; `phường`
//! a ward, `Phương` a given name), so [`keys`] keeps the vowel marks and writes the tone as
//! a trailing digit: the two spellings of one tone (`ủy`, `uỷ`) meet on one key. A text
//! written without diacritics meets the lexicon through [`plain_key`].
//!
//! Capital letters mark titles (`Bí thư`), bodies (`Tỉnh ủy`) and places as well as
//! names, so a capitalized run is no evidence of a person: a name needs a marker (`ông`,
//! `đồng chí`, a title) unless it has four syllables.

use unicode_normalization::UnicodeNormalization;

use super::lexicon::{Body::*, DateShape, Language, Script, Term, Term::*, TitleOrder};
use crate::model::{AreaLevel::*, Lang, Role::*};

pub static LANGUAGE: Language = Language {
    lang: Lang::Vi,
    script: Script::Latin,
    phrases: PHRASES,
    keys,
    abbreviations: &["TP", "Tp", "TS", "ThS", "PGS", "GS", "Q", "P"],
    stopwords: &[
        "của", "và", "các", "được", "những", "trong", "với", "cho", "này", "tại", "là", "có", "đã",
        "không", "một", "người", "ông", "đồng", "chí", "tỉnh", "cua", "cac", "duoc", "nhung",
        "voi", "tai", "tinh", "dong", "chi",
    ],
    marks: &[
        'ă', 'ơ', 'ư', 'đ', 'ạ', 'ả', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'ẹ', 'ẻ',
        'ẽ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ỉ', 'ĩ', 'ị', 'ọ', 'ỏ', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'ớ', 'ờ',
        'ở', 'ỡ', 'ợ', 'ụ', 'ủ', 'ũ', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'ỳ', 'ỵ', 'ỷ', 'ỹ',
    ],
    dates: &[DateShape::NumericDayMonth],
    titles: TitleOrder::Both,
    places_before_level: false,
    level_link: false,
    bare_name_syllables: 4,
    compounds: COMPOUNDS,
    plain_key: Some(plain_key),
    place_after_body: true,
    ..Language::BASE
};

/// The tone marks and the digit each is keyed as.
fn tone_digit(c: char) -> Option<char> {
    match c {
        '\u{0301}' => Some('1'),
        '\u{0300}' => Some('2'),
        '\u{0309}' => Some('3'),
        '\u{0303}' => Some('4'),
        '\u{0323}' => Some('5'),
        _ => None,
    }
}

/// Lowercase, vowel marks kept, the tone moved to a trailing digit: `Ủy` and `Uỷ` are
/// both `uy3`, `Đảng` is `đang3`, `Đặng` is `đăng5`.
pub fn keys(word: &str) -> Vec<String> {
    let mut tone = None;
    let mut base = String::with_capacity(word.len());
    for c in word.to_lowercase().nfd() {
        match tone_digit(c) {
            Some(d) => tone = Some(d),
            None => base.push(c),
        }
    }
    let mut key: String = base.nfc().collect();
    key = key.replace('’', "'");
    if let Some(d) = tone {
        key.push(d);
    }
    vec![key]
}

/// A key as a text without diacritics writes it: `đang3` → `dang`.
pub fn plain_key(key: &str) -> String {
    let stem = key.trim_end_matches(|c: char| matches!(c, '1'..='5'));
    super::lexicon::fold_lower(stem)
}

/// Words that each mean a term: a level written onto the Party Committee ("Tỉnh ủy" is the
/// Provincial Party Committee).
const COMPOUNDS: &[(&str, &[Term])] = &[
    ("tỉnh ủy", &[Level(Province), Body(PartyCommittee)]),
    ("thành ủy", &[Level(City), Body(PartyCommittee)]),
    ("huyện ủy", &[Level(District), Body(PartyCommittee)]),
    ("quận ủy", &[Level(District), Body(PartyCommittee)]),
    ("thị ủy", &[Level(Town), Body(PartyCommittee)]),
    ("xã ủy", &[Level(Commune), Body(PartyCommittee)]),
];

const PHRASES: &[(&str, Term)] = &[
    // people and speech
    ("đồng chí", Comrade),
    ("các đồng chí", Comrade),
    ("ông", Comrade),
    ("bà", Comrade),
    ("do", LedBy),
    ("dưới sự chủ trì của", ChairedBy),
    ("dưới sự chủ trì", ChairedBy),
    ("dưới sự điều hành của", ChairedBy),
    ("dẫn đầu", LeadVerb),
    ("chủ trì", ChairVerb),
    ("đồng chủ trì", CoChair),
    ("dự", Attend),
    ("tham dự", Attend),
    ("dự họp", Attend),
    ("có mặt", Attend),
    ("cùng đi có", Accompany),
    ("cùng dự có", Accompany),
    ("tháp tùng", Accompany),
    ("thành viên gồm", Members),
    ("gồm các đồng chí", Members),
    ("khảo sát", Inspect),
    ("thị sát", Inspect),
    ("thăm", Inspect),
    ("làm việc với", WorksWithVerb),
    ("làm việc tại", WorksWithVerb),
    ("phụ trách", WorksWithVerb),
    ("theo dõi", WorksWithVerb),
    ("chịu trách nhiệm", WorksWithVerb),
    ("phát biểu", Speech),
    ("nhấn mạnh", Speech),
    ("đề nghị", Speech),
    ("yêu cầu", Speech),
    ("cho biết", Speech),
    ("khẳng định", Speech),
    ("chỉ đạo", Speech),
    ("quán triệt", Speech),
    ("trình bày", Speech),
    ("công bố", Speech),
    ("trao", Speech),
    ("chúc mừng", Speech),
    ("ghi nhận", Speech),
    ("biểu dương", Speech),
    ("kết luận", Speech),
    ("đề xuất", Speech),
    ("báo cáo", Speech),
    // changes of post
    ("được bầu giữ chức", Begins),
    ("được bầu làm", Begins),
    ("được bầu", Begins),
    ("bầu", Begins),
    ("giữ chức", Begins),
    ("được chỉ định", Begins),
    ("chỉ định", Begins),
    ("được bổ nhiệm", Begins),
    ("bổ nhiệm", Begins),
    ("điều động", Begins),
    ("chuẩn y", Begins),
    ("được chuẩn y", Begins),
    ("tham gia", Begins),
    ("làm", Begins),
    ("miễn nhiệm", Ends),
    ("thôi giữ chức", Ends),
    ("thôi", Ends),
    ("nghỉ hưu", Ends),
    ("cựu", Former),
    ("quyền", Acting),
    // roles
    ("bí thư", Role(Secretary)),
    // The General Secretary of the Party Central Committee.
    ("tổng bí thư", RoleBody(GeneralSecretary, CentralCommittee)),
    ("phó bí thư", Role(DeputySecretary)),
    ("phó bí thư thường trực", Role(StandingDeputySecretary)),
    ("ủy viên", Role(Member)),
    ("ủy viên dự khuyết", Role(Member)),
    ("thành viên", Role(Member)),
    ("uvtw", RoleBody(Member, CentralCommittee)),
    (
        "ủy viên trung ương đảng",
        RoleBody(Member, CentralCommittee),
    ),
    ("ủy viên trung ương", RoleBody(Member, CentralCommittee)),
    ("uvbtv", RoleBody(Member, Standing)),
    ("chủ tịch", Role(Chair)),
    ("phó chủ tịch", Role(ViceChair)),
    ("phó chủ tịch thường trực", Role(StandingViceChair)),
    ("chủ nhiệm", Role(Chair)),
    ("phó chủ nhiệm", Role(ViceChair)),
    ("phó chủ nhiệm thường trực", Role(StandingViceChair)),
    ("trưởng", Role(Head)),
    ("tổ trưởng", Role(Head)),
    ("phó trưởng", Role(DeputyHead)),
    ("tổ phó", Role(DeputyHead)),
    ("giám đốc", Role(Director)),
    ("phó giám đốc", Role(DeputyDirector)),
    ("chánh văn phòng", RoleBody(Chief, Office)),
    ("chánh thanh tra", Role(Chief)),
    ("đại biểu quốc hội", RoleBody(Deputy, NationalAssembly)),
    ("đbqh", RoleBody(Deputy, NationalAssembly)),
    // bodies
    ("ban chấp hành trung ương đảng", Body(CentralCommittee)),
    ("ban chấp hành trung ương", Body(CentralCommittee)),
    ("bch trung ương đảng", Body(CentralCommittee)),
    ("bch trung ương", Body(CentralCommittee)),
    ("bchtw", Body(CentralCommittee)),
    ("bch tw", Body(CentralCommittee)),
    ("trung ương đảng", Body(CentralCommittee)),
    ("ban chấp hành", Body(PartyCommittee)),
    ("bch", Body(PartyCommittee)),
    ("đảng bộ", Body(PartyCommittee)),
    ("đảng ủy", Body(PartyCommittee)),
    ("bộ chính trị", Body(Politburo)),
    ("ban bí thư", Body(Secretariat)),
    ("quốc hội", Body(NationalAssembly)),
    ("đoàn đại biểu quốc hội", Body(NaDelegation)),
    ("đoàn đbqh", Body(NaDelegation)),
    ("đoàn", Body(Delegation)),
    ("ban thường vụ", Body(Standing)),
    ("btv", Body(Standing)),
    ("thường trực", Body(Standing)),
    ("ban thường trực", Body(Standing)),
    ("thường vụ", Body(Standing)),
    ("hội đồng nhân dân", Body(PeoplesCouncil)),
    ("hđnd", Body(PeoplesCouncil)),
    ("ủy ban nhân dân", Body(PeoplesCommittee)),
    ("ubnd", Body(PeoplesCommittee)),
    ("ủy ban mặt trận tổ quốc việt nam", Body(FatherlandFront)),
    ("ủy ban mặt trận tổ quốc", Body(FatherlandFront)),
    ("mặt trận tổ quốc việt nam", Body(FatherlandFront)),
    ("mặt trận tổ quốc", Body(FatherlandFront)),
    ("ủy ban mttq", Body(FatherlandFront)),
    ("ubmttq", Body(FatherlandFront)),
    ("mttq", Body(FatherlandFront)),
    ("ủy ban kiểm tra", Body(InspectionCommission)),
    ("ubkt", Body(InspectionCommission)),
    ("ban tổ chức", Body(OrganizationCommission)),
    ("ban tuyên giáo", Body(PropagandaCommission)),
    ("ban dân vận", Body(MassMobilizationCommission)),
    (
        "ban tuyên giáo và dân vận",
        Body(PropagandaMassMobilizationCommission),
    ),
    ("ban chỉ đạo", Body(SteeringCommittee)),
    ("văn phòng", Body(Office)),
    ("sở", Body(Department)),
    // levels
    ("tỉnh", Level(Province)),
    ("thành phố", Level(City)),
    ("tp", Level(City)),
    // "TPHCM", "HCM": Ho Chi Minh City, said as the city level of the article's city.
    ("tphcm", Level(City)),
    ("hcm", Level(City)),
    ("huyện", Level(District)),
    ("quận", Level(District)),
    ("thị xã", Level(Town)),
    ("xã", Level(Commune)),
    ("thị trấn", Level(Commune)),
    ("đặc khu", Level(Commune)),
    ("phường", Level(Ward)),
    ("trung ương", Level(Country)),
    // glue
    ("của", Link),
    ("các", Link),
    ("và", And),
    // groups and meetings
    ("tổ công tác", Group),
    ("tổ", Group),
    ("đoàn công tác", Group),
    ("đoàn kiểm tra", Group),
    ("đoàn kiểm tra công tác bầu cử", Group),
    ("tổ kiểm tra công tác bầu cử", Group),
    ("đoàn giám sát công tác bầu cử", Group),
    ("đoàn giám sát", Group),
    ("tổ kiểm tra", Group),
    ("số", Number),
    ("hội nghị", Meeting),
    ("phiên họp", Meeting),
    ("kỳ họp", Meeting),
    ("cuộc họp", Meeting),
    ("buổi làm việc", Meeting),
    ("đại hội", Meeting),
    ("sau", Following),
    ("tổ chức", Stop),
    ("về", Stop),
    ("tại", Stop),
    ("với", Stop),
    ("đối với", Stop),
    ("trong", Stop),
    ("nhiệm kỳ", Tenure),
    ("khóa", Tenure),
    ("khoá", Tenure),
    ("ngày", DateWord),
    ("sáng", DateWord),
    ("chiều", DateWord),
    ("tối", DateWord),
    ("trưa", DateWord),
    ("đêm", DateWord),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_spellings_meet_and_tones_tell_words_apart() {
        assert_eq!(keys("Ủy"), keys("uỷ"));
        assert_eq!(keys("Hòa"), keys("hoà"));
        assert_ne!(keys("Đảng"), keys("Đặng"));
        assert_ne!(keys("phường"), keys("Phương"));
        assert_eq!(plain_key(&keys("Đảng")[0]), "dang");
        assert_eq!(plain_key(&keys("tỉnh")[0]), "tinh");
    }
}
