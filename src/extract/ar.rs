//! Arabic: the lexicon of Arabic machine translations of Vietnamese news, and a small
//! romanizer for Vietnamese names written in Arabic script.
//!
//! Arabic attaches `و` (and), `ب`/`ل` (prepositions) and `ال` (the) to the word, so [`keys`]
//! strips them the same way from lexicon phrases and from the text: `للجنة`, `اللجنة` and
//! `لجنة` all meet on one key.
//!
//! A word that may be a syllable of a Vietnamese name or place is read through the one
//! syllable table of [`crate::names`] (ranked surnames, given and place syllables and the
//! rules that spell them in Arabic): [`readings`] only keeps Arabic function words and
//! hamza spellings from being taken for syllables.

use super::lexicon::{Body::*, DateShape, Language, Script, Term, Term::*, TitleOrder};
use crate::model::{AreaLevel::*, Lang, Role::*};
use crate::names::Slot;

pub static LANGUAGE: Language = Language {
    lang: Lang::Ar,
    script: Script::Arabic,
    phrases: PHRASES,
    keys,
    elisions: &[],
    and_prefix: Some('و'),
    readings: owned_readings,
    romanize_name: Some(|name, confirmed| crate::names::romanize_arabic_with(name, confirmed)),
    abbreviations: &["No", "no", "Mr", "Mrs", "Ms", "Dr", "Nr", "nr"],
    ordinal_dot: true,
    stopwords: &[],
    marks: &[],
    dates: &[DateShape::DayMonthWord],
    titles: TitleOrder::Both,
    places_before_level: false,
    level_link: false,
    bare_name_syllables: 3,
    compounds: COMPOUNDS,
    ..Language::BASE
};

/// "اللجنة المركزية لـ…" is the Central … Commission, not the Central Committee: the
/// commission's subject follows with `ل` ("for"). Each word means a term of its own.
const COMPOUNDS: &[(&str, &[Term])] = &[
    (
        "اللجنة المركزية للدعاية والتعبئة الجماهيرية",
        &[
            Body(PropagandaMassMobilizationCommission),
            Level(Country),
            Link,
            Link,
            Link,
        ],
    ),
    (
        "اللجنة المركزية للتعبئة الجماهيرية",
        &[Body(MassMobilizationCommission), Level(Country), Link, Link],
    ),
    (
        "اللجنة المركزية للدعاية",
        &[Body(PropagandaCommission), Level(Country), Link],
    ),
    (
        "اللجنة المركزية للتنظيم",
        &[Body(OrganizationCommission), Level(Country), Link],
    ),
    (
        "اللجنة المركزية للتفتيش",
        &[Body(InspectionCommission), Level(Country), Link],
    ),
];

fn owned_readings(word: &str) -> Vec<String> {
    readings(word).into_iter().map(String::from).collect()
}

/// The matching key of one Arabic word: letter variants unified, then the conjunction,
/// prepositions and article stripped.
pub fn keys(word: &str) -> Vec<String> {
    vec![stem(&crate::text::search_key(word))]
}

fn stem(key: &str) -> String {
    let mut k = key;
    if k.chars().count() > 3
        && let Some(rest) = k.strip_prefix('و')
    {
        k = rest;
    }
    let mut stripped = false;
    for prefix in ["بال", "فال", "كال", "ال", "لل"] {
        if let Some(rest) = k.strip_prefix(prefix)
            && rest.chars().count() >= 2
        {
            k = rest;
            stripped = true;
            break;
        }
    }
    let _ = stripped;
    if k.chars().count() >= 4
        && let Some(rest) = k.strip_prefix('ب')
    {
        k = rest;
    }
    while k.chars().count() > 2
        && let Some(rest) = k.strip_prefix('ل')
    {
        k = rest;
    }
    k.to_string()
}

const PHRASES: &[(&str, Term)] = &[
    ("الرفيق", Comrade),
    ("الرفيقة", Comrade),
    ("الرفاق", Comrade),
    ("الرفيقين", Comrade),
    ("السيد", Comrade),
    ("السيدة", Comrade),
    ("بقيادة", LedBy),
    ("تحت قيادة", LedBy),
    ("يقودها", LedBy),
    ("يترأسها", LedBy),
    ("برئاسة", ChairedBy),
    ("ترأس", ChairVerb),
    ("ترأست", ChairVerb),
    ("يترأس", ChairVerb),
    ("رأس", ChairVerb),
    ("حضر", Attend),
    ("حضره", Attend),
    ("حضرها", Attend),
    ("حضور", Attend),
    ("شارك", Attend),
    ("شاركت", Attend),
    ("برفقة", Accompany),
    ("رافق", Accompany),
    ("يرافق", Accompany),
    ("تضم", Members),
    ("يضم", Members),
    ("ضمت", Members),
    ("تتألف من", Members),
    ("يتألف من", Members),
    ("تتكون من", Members),
    ("يتكون من", Members),
    ("أعضاء", Members),
    ("بتفتيش", Inspect),
    ("تفقد", Inspect),
    ("تفقدت", Inspect),
    ("بمسح", Inspect),
    ("بزيارة", Inspect),
    ("زارت", Inspect),
    ("زار", Inspect),
    ("زاروا", Inspect),
    ("يزور", Inspect),
    ("قال", Speech),
    ("صرح", Speech),
    ("أكد", Speech),
    ("طلب", Speech),
    ("اقترح", Speech),
    ("أشاد", Speech),
    ("أوضح", Speech),
    ("شدد", Speech),
    ("أعرب", Speech),
    ("شكر", Speech),
    ("تحدث", Speech),
    ("دعا", Speech),
    ("أشار", Speech),
    ("كلمته", Speech),
    ("كلمتها", Speech),
    // changes of post
    ("انتخاب", Begins),
    ("لانتخاب", Begins),
    ("انتخب", Begins),
    ("أعيد انتخاب", Begins),
    ("تعيين", Begins),
    ("لتولي منصب", Begins),
    ("لشغل منصب", Begins),
    ("تولي منصب", Begins),
    ("شغل منصب", Begins),
    ("يشغل منصب", Begins),
    ("منصب", Begins),
    ("إعفاء", Ends),
    ("السابق", Former),
    ("السابقة", Former),
    ("بالإنابة", Acting),
    // roles
    ("أمينا", Role(Secretary)),
    ("سكرتيرا", Role(Secretary)),
    ("رئيسا", Role(Chair)),
    ("نواب السكرتير", Role(DeputySecretary)),
    ("نواب الأمين", Role(DeputySecretary)),
    ("نواب رئيس", Role(ViceChair)),
    ("سكرتير", Role(Secretary)),
    ("سكرتيرة", Role(Secretary)),
    ("أمين", Role(Secretary)),
    ("أمينة", Role(Secretary)),
    ("أمين عام", Role(Secretary)),
    ("الأمين العام", Role(Secretary)),
    ("نائب سكرتير", Role(DeputySecretary)),
    ("نائبة سكرتير", Role(DeputySecretary)),
    ("نائب السكرتير", Role(DeputySecretary)),
    ("نائبة السكرتير", Role(DeputySecretary)),
    ("نائب أمين", Role(DeputySecretary)),
    ("نائبة أمين", Role(DeputySecretary)),
    ("نائب الأمين", Role(DeputySecretary)),
    ("نائب الأمين العام", Role(DeputySecretary)),
    ("نائبة الأمين العام", Role(DeputySecretary)),
    ("نائب السكرتير الدائم", Role(StandingDeputySecretary)),
    ("نائبة السكرتير الدائم", Role(StandingDeputySecretary)),
    ("نائبة السكرتير الدائمة", Role(StandingDeputySecretary)),
    ("نائب الأمين الدائم", Role(StandingDeputySecretary)),
    ("نائب الأمين العام الدائم", Role(StandingDeputySecretary)),
    ("نائبة الأمين العام الدائمة", Role(StandingDeputySecretary)),
    ("نائبة الأمين الدائمة", Role(StandingDeputySecretary)),
    ("نائب سكرتير دائم", Role(StandingDeputySecretary)),
    ("عضو", Role(Member)),
    // A member of the Party is one of its millions of members, not the holder of a post.
    ("عضو في الحزب", Stop),
    ("عضوة", Role(Member)),
    ("رئيس", Role(Chair)),
    ("رئيسة", Role(Chair)),
    ("نائب رئيس", Role(ViceChair)),
    ("نائبة رئيس", Role(ViceChair)),
    ("نائب الرئيس", Role(ViceChair)),
    ("نائبة الرئيس", Role(ViceChair)),
    ("نائب الرئيس الدائم", Role(StandingViceChair)),
    ("نائبة الرئيس الدائمة", Role(StandingViceChair)),
    ("نائب رئيس دائم", Role(StandingViceChair)),
    ("النائب الدائم لرئيس", Role(StandingViceChair)),
    ("مدير", Role(Director)),
    ("مديرة", Role(Director)),
    ("نائب مدير", Role(DeputyDirector)),
    ("نائب", Role(Deputy)),
    ("مندوب", Role(Deputy)),
    ("قائد", Role(Head)),
    // bodies
    ("اللجنة المركزية للحزب", Body(CentralCommittee)),
    ("اللجنة المركزية", Body(CentralCommittee)),
    ("المكتب السياسي", Body(Politburo)),
    ("الجمعية الوطنية", Body(NationalAssembly)),
    ("المجلس الوطني", Body(NationalAssembly)),
    ("وفد الجمعية الوطنية", Body(NaDelegation)),
    ("وفد", Body(Delegation)),
    ("لجنة الحزب", Body(PartyCommittee)),
    ("لجنة حزب", Body(PartyCommittee)),
    ("اللجنة الحزبية", Body(PartyCommittee)),
    ("لجان الحزب", Body(PartyCommittee)),
    ("اللجنة التنفيذية للحزب", Body(PartyCommittee)),
    ("الحزب", Body(Party)),
    ("الحزبية", Body(Party)),
    ("اللجنة الدائمة", Body(Standing)),
    ("اللجان الدائمة", Body(Standing)),
    ("الدائمة", Body(Standing)),
    ("الدائم", Body(Standing)),
    ("مجلس الشعب", Body(PeoplesCouncil)),
    ("مجلس شعب", Body(PeoplesCouncil)),
    ("المجلس الشعبي", Body(PeoplesCouncil)),
    ("مجالس الشعب", Body(PeoplesCouncil)),
    ("المجالس الشعبية", Body(PeoplesCouncil)),
    ("اللجنة الشعبية", Body(PeoplesCommittee)),
    ("لجنة الشعب", Body(PeoplesCommittee)),
    ("لجنة شعب", Body(PeoplesCommittee)),
    ("اللجان الشعبية", Body(PeoplesCommittee)),
    ("لجنة جبهة الوطن الفيتنامية", Body(FatherlandFront)),
    ("جبهة الوطن الفيتنامية", Body(FatherlandFront)),
    ("جبهة الوطن", Body(FatherlandFront)),
    ("لجنة الجبهة الوطنية", Body(FatherlandFront)),
    ("الجبهة الوطنية", Body(FatherlandFront)),
    ("جبهة الوطن الأم", Body(FatherlandFront)),
    ("لجنة جبهة الوطن الأم", Body(FatherlandFront)),
    ("لجنة تنظيم الحزب", Body(OrganizationCommission)),
    ("لجنة التنظيم", Body(OrganizationCommission)),
    ("اللجنة التنظيمية", Body(OrganizationCommission)),
    ("مجلس تنظيم لجنة الحزب", Body(OrganizationCommission)),
    ("لجنة التعبئة الجماهيرية", Body(MassMobilizationCommission)),
    ("لجنة الدعاية والتعليم", Body(PropagandaCommission)),
    ("لجنة الدعاية", Body(PropagandaCommission)),
    (
        "لجنة الدعاية والتعبئة الجماهيرية",
        Body(PropagandaMassMobilizationCommission),
    ),
    ("لجنة التفتيش", Body(InspectionCommission)),
    ("مكتب لجنة الحزب", Body(PartyOffice)),
    ("اللجنة التوجيهية", Body(SteeringCommittee)),
    ("اللجنتين التوجيهيتين", Body(SteeringCommittee)),
    ("اللجان التوجيهية", Body(SteeringCommittee)),
    // levels
    ("الإقليمية", Level(Province)),
    ("الإقليمي", Level(Province)),
    ("الإقليميتين", Level(Province)),
    ("الإقليميين", Level(Province)),
    ("المقاطعة", Level(Province)),
    ("المحافظة", Level(Province)),
    ("إقليم", Level(Province)),
    ("المدينة", Level(City)),
    ("المنطقة", Level(District)),
    ("المقاطعات", Level(District)),
    ("المناطق", Level(District)),
    ("البلدية", Level(Commune)),
    ("البلديات", Level(Commune)),
    ("بلديتي", Level(Commune)),
    ("بلديتين", Level(Commune)),
    ("حيين", Level(Ward)),
    ("حيي", Level(Ward)),
    ("الحي", Level(Ward)),
    ("حي", Level(Ward)),
    // `و` + a three-letter word keeps its `و` in `keys` (so that `وفد` stays whole).
    ("وحي", Level(Ward)),
    ("الأحياء", Level(Ward)),
    ("جناح", Level(Ward)),
    ("القسم", Level(Ward)),
    ("أقسام", Level(Ward)),
    ("الأقسام", Level(Ward)),
    ("اللجنة", Link),
    ("التابعة", Link),
    ("التابع", Link),
    ("في", Link),
    ("إلى", Link),
    ("من", Link),
    ("و", And),
    ("مجموعة العمل", Group),
    ("مجموعة عمل", Group),
    ("فريق العمل", Group),
    ("فريق عمل", Group),
    ("الوفد العامل", Group),
    ("وفد العمل", Group),
    ("رقم", Number),
    ("الاجتماع", Meeting),
    ("المؤتمر", Meeting),
    ("جلسة", Meeting),
    ("جلسة العمل", Meeting),
    ("الحوار", Meeting),
    ("التالية", Following),
    ("على", Stop),
    ("حول", Stop),
    ("عن", Stop),
    ("بشأن", Stop),
    ("لفهم", Stop),
    ("تتحدث", Stop),
    ("مع", Stop),
    ("يناير", Month(1)),
    ("فبراير", Month(2)),
    ("مارس", Month(3)),
    ("أبريل", Month(4)),
    ("مايو", Month(5)),
    ("يونيو", Month(6)),
    ("يوليو", Month(7)),
    ("أغسطس", Month(8)),
    ("سبتمبر", Month(9)),
    ("أكتوبر", Month(10)),
    ("نوفمبر", Month(11)),
    ("ديسمبر", Month(12)),
];

/// Short Arabic function words that the romanizer would otherwise read as syllables.
const NOT_SYLLABLES: &[&str] = &[
    "في", "من", "على", "عن", "مع", "الى", "ان", "ما", "قد", "كل", "بعد", "قبل", "حول", "خلال",
    "عام", "كما", "ثم", "او", "لم", "لن", "كان", "يوم", "منذ", "حتى", "عند", "بين", "مثل", "اي",
    "غير", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "فيه", "فيها", "به", "بها", "له", "لها",
    "وقد", "وفي", "ومن", "وهو", "وهي", "يتم", "تم", "اكد", "قال", "لقد",
];

/// The Latin readings of one Arabic-script word, most likely first: every syllable it may
/// spell, ranked as a place's syllable (a name's words are romanized again as surname and
/// given syllables once the name is found, `scan::name_at`).
pub fn readings(word: &str) -> Vec<&'static str> {
    // Transliterations write a bare or madda alif; hamza forms belong to Arabic words
    // (`أنه` "that he" is not `آنه` "Anh").
    if word.contains(['أ', 'إ', 'ؤ', 'ئ']) {
        return Vec::new();
    }
    let key = crate::text::search_key(word);
    if key.is_empty() || key.contains(' ') || NOT_SYLLABLES.contains(&key.as_str()) {
        return Vec::new();
    }
    crate::names::arabic_readings(&key, Slot::Place).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_meet_on_one_key() {
        assert_eq!(keys("للجنة"), keys("اللجنة"));
        assert_eq!(keys("لجنة"), keys("اللجنة"));
        assert_eq!(keys("بالمدينة"), keys("المدينة"));
        assert_eq!(keys("وأمين"), keys("أمين"));
    }

    #[test]
    fn reads_common_syllables() {
        let cases = [
            ("نجوين", "nguyen"),
            ("نغوين", "nguyen"),
            ("تران", "tran"),
            ("تيان", "tien"),
            ("تشاو", "chau"),
            ("ثانه", "thanh"),
            ("كوانج", "quang"),
            ("شوان", "xuan"),
            ("جياب", "giap"),
            ("هوين", "huyen"),
            ("كويت", "quyet"),
            ("آنه", "anh"),
            ("لوونغ", "luong"),
        ];
        for (arabic, latin) in cases {
            assert!(
                readings(arabic).contains(&latin),
                "{arabic}: {:?}",
                readings(arabic)
            );
        }
        // A place's syllable is read first as the commoner place syllable.
        assert_eq!(readings("دونغ").first(), Some(&"dong"));
        assert!(readings("في").is_empty());
        assert!(readings("بالمساهمات").is_empty());
        assert!(readings("أنه").is_empty());
    }

    fn read(text: &str, url: Option<&str>) -> crate::model::Document {
        let mut options = crate::extract::Options::new(crate::model::EntityId::new("source:t"));
        options.lang = Some(Lang::Ar);
        options.url = url.map(str::to_string);
        options.area = Some("Thanh Hoa".into());
        crate::extract::extract(text, &options).document
    }

    fn ids(doc: &crate::model::Document) -> Vec<String> {
        doc.entities.iter().map(|e| e.id.to_string()).collect()
    }

    #[test]
    fn the_address_confirms_one_reading_of_a_name() {
        let text = "ترأس الاجتماع الرفيق دونغ فان بينه، سكرتير لجنة الحزب الإقليمية.";
        // Alone, دونغ as a surname is the commoner Dương.
        assert!(ids(&read(text, None)).contains(&"person:duong-van-binh".to_string()));
        let url = "https://example.vn/ar/ong-dong-van-binh-chu-tri-hoi-nghi";
        let doc = read(text, Some(url));
        assert!(
            ids(&doc).contains(&"person:dong-van-binh".to_string()),
            "{:?}",
            ids(&doc)
        );
        assert!(!ids(&doc).contains(&"person:duong-van-binh".to_string()));
    }

    #[test]
    fn a_central_commission_is_not_the_central_committee() {
        let text = "وقال الرفيق لي فان هوا، رئيس اللجنة المركزية للدعاية والتعبئة الجماهيرية، إن.";
        let doc = read(text, None);
        let posts = ids(&doc);
        assert!(
            posts
                .contains(&"post:central-propaganda-mass-mobilization-commission-head".to_string()),
            "{posts:?}"
        );
        assert!(
            !posts.iter().any(|p| p.contains("party-central-committee")),
            "{posts:?}"
        );
    }

    #[test]
    fn party_membership_is_no_post_and_thi_marks_a_person() {
        let text = "زار الوفد عائلة السيد نجوين فان هاي، وهو عضو في الحزب منذ ثلاثين عاما، \
                    والأم البطلة تران ثي هوا في القرية الثالثة.";
        let doc = read(text, None);
        let found = ids(&doc);
        assert!(
            found.contains(&"person:nguyen-van-hai".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"person:tran-thi-hoa".to_string()),
            "{found:?}"
        );
        assert!(!found.iter().any(|p| p.starts_with("post:")), "{found:?}");
    }
}
