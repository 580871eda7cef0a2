//! Arabic: the lexicon of Arabic machine translations of Vietnamese news, and a small
//! romanizer for Vietnamese names written in Arabic script.
//!
//! Arabic attaches `و` (and), `ب`/`ل` (prepositions) and `ال` (the) to the word, so [`keys`]
//! strips them the same way from lexicon phrases and from the text: `للجنة`, `اللجنة` and
//! `لجنة` all meet on one key.
//!
//! The romanizer turns one Arabic-script syllable into its Vietnamese Latin spelling. It
//! works from a list of Vietnamese syllables (most frequent first) and the spelling rules
//! machine translation follows (`ng` → `نغ`/`نج`, `th` → `ث`/`ت`, `ch` → `تش`, `x` → `ش`,
//! `ph`/`v` → `ف`, final `nh` → `نه`): every Latin syllable is spelled in all the Arabic
//! ways those rules allow, and an Arabic word is read back as the first syllable that
//! spells it. It was written here because `src/names/romanize.rs` had not landed.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::{Body::*, DateShape, Language, Script, Term, Term::*, TitleOrder};
use crate::model::{AreaLevel::*, Lang, Role::*};

pub static LANGUAGE: Language = Language {
    lang: Lang::Ar,
    script: Script::Arabic,
    phrases: PHRASES,
    keys,
    elisions: &[],
    and_prefix: Some('و'),
    readings: owned_readings,
    romanize_name: Some(crate::names::romanize_arabic),
    abbreviations: &["No", "no", "Mr", "Mrs", "Ms", "Dr", "Nr", "nr"],
    ordinal_dot: true,
    stopwords: &[],
    marks: &[],
    dates: &[DateShape::DayMonthWord],
    titles: TitleOrder::Both,
    places_before_level: false,
    level_link: false,
    bare_name_syllables: 3,
    ..Language::BASE
};

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
        Body(PropagandaCommission),
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

/// Vietnamese syllables (ASCII-folded) that names and places are made of, the most
/// frequent reading of an ambiguous Arabic spelling first.
const SYLLABLES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "van", "thi", "duc", "thanh", "quang", "xuan", "tien",
    "viet", "minh", "anh", "hung", "huy", "tuan", "dung", "hai", "son", "nam", "long", "binh",
    "ha", "hoa", "lan", "mai", "tan", "thang", "quyet", "chau", "bui", "do", "ho", "duong", "doan",
    "giap", "phung", "la", "dinh", "luong", "trinh", "ta", "cao", "lam", "vu", "vo", "dang", "ngo",
    "ly", "phan", "lap", "tho", "kien", "nghiem", "hau", "thieu", "canh", "huyen", "tung", "bac",
    "tuat", "hoi", "dong", "kinh", "ky", "lua", "tam", "tri", "na", "sam", "lang", "hoan", "thuy",
    "hong", "thu", "luc", "lien", "cai", "gia", "phong", "khanh", "khe", "quan", "diem", "he",
    "loc", "phuc", "doan", "thai", "chi", "cong", "ba", "ngoc", "trung", "nhung", "phuong",
    "huong", "linh", "trang", "thao", "yen", "hien", "hieu", "hanh", "hang", "hiep", "khoa",
    "khai", "khang", "khoi", "kim", "loan", "luan", "manh", "my", "nga", "nghia", "nhan", "nhat",
    "ninh", "oanh", "phat", "phu", "quoc", "quy", "quynh", "sang", "sinh", "tai", "tam", "tao",
    "thach", "tham", "than", "thao", "thien", "thinh", "thoa", "thong", "thuan", "thuc", "thuong",
    "toan", "toan", "trieu", "trong", "truc", "truong", "tu", "tue", "tuyen", "tuyet", "uyen",
    "vinh", "vuong", "xuyen", "y", "an", "bao", "bich", "cam", "chien", "chinh", "cuong", "dai",
    "dam", "dao", "dat", "diep", "dien", "dieu", "doanh", "du", "duy", "giang", "hai", "hau",
    "hoai", "hop", "khuong", "lai", "lich", "loi", "luu", "mao", "mien", "mo", "moc", "muoi",
    "ngan", "nghi", "nhu", "nong", "phi", "phuoc", "quan", "sa", "sau", "tay", "thoi", "tinh",
    "to", "toai", "tong", "tra", "tuong", "uy", "vi", "vien", "vy", "xa", "yen", "chinh", "pha",
    "sang", "ca", "lo", "lu", "tuan", "thuat", "dieu", "cuu", "khac", "kha", "nhi", "bang", "ban",
    "be", "bien", "buu", "chung", "hue", "kha", "khiem", "khuat", "kieu", "lu", "mau", "nhi",
    "niem", "pho", "que", "sy", "thanh", "tiep", "tuc", "ut", "vuong", "huynh", "bach", "huu",
    "quyen", "tram", "chanh", "chuong", "hao", "danh", "dan", "can", "bay", "lieu", "nhac", "tin",
    "nhiem", "duyen", "ngu", "nha", "ton", "cham", "khuyen", "mung", "khang", "chung",
];

/// Latin onsets and the Arabic letters machine translation writes for them.
const ONSETS: &[(&str, &[&str])] = &[
    ("ngh", &["نغ", "نج"]),
    ("ng", &["نغ", "نج", "نج"]),
    ("nh", &["نه", "ني", "ن"]),
    ("ch", &["تش", "ش"]),
    ("tr", &["تر"]),
    ("th", &["ث", "ت"]),
    ("ph", &["ف"]),
    ("kh", &["خ", "ك"]),
    ("gh", &["غ", "ج"]),
    ("gi", &["جي", "ج", "غي"]),
    ("qu", &["كو", "ك"]),
    ("b", &["ب"]),
    ("c", &["ك"]),
    ("d", &["د"]),
    ("g", &["ج", "غ"]),
    ("h", &["ه", "ح"]),
    ("k", &["ك"]),
    ("l", &["ل"]),
    ("m", &["م"]),
    ("n", &["ن"]),
    ("p", &["ب"]),
    ("r", &["ر"]),
    ("s", &["س"]),
    ("t", &["ت"]),
    ("v", &["ف"]),
    ("x", &["ش", "س"]),
    ("", &[""]),
];

const CODAS: &[(&str, &[&str])] = &[
    ("ng", &["نغ", "نج"]),
    ("nh", &["نه", "ن", "ينه"]),
    ("ch", &["تش", "ك", "خ"]),
    ("c", &["ك"]),
    ("m", &["م"]),
    ("n", &["ن"]),
    ("p", &["ب"]),
    ("t", &["ت"]),
    ("", &[""]),
];

/// Vowel groups; the same group is spelled several ways.
fn nucleus_forms(nucleus: &str, initial: bool) -> Vec<&'static str> {
    let forms: &[&str] = match nucleus {
        "a" if initial => &["ا", "آ"],
        "a" => &["ا"],
        "e" | "i" | "y" => &["ي"],
        "o" | "u" if initial => &["او", "و"],
        "o" | "u" => &["و"],
        "ie" | "ye" | "ia" | "ya" | "yee" => &["ي", "يا", "يي"],
        "uo" | "uu" | "uou" | "ua" if nucleus == "ua" => &["وا", "و"],
        "uo" | "uu" | "uou" => &["و", "وو"],
        "oa" => &["وا", "وآ"],
        "oe" => &["وي"],
        "uy" | "ui" | "oi" | "uoi" | "uye" | "uya" => &["وي", "ويا"],
        "ai" | "ay" | "ây" => &["اي"],
        "ao" | "au" => &["او"],
        "eo" | "eu" | "ieu" | "iu" | "yeu" => &["يو", "ييو"],
        "oai" | "oay" => &["واي"],
        "uyu" => &["ويو"],
        _ => &[],
    };
    forms.to_vec()
}

fn split_syllable(
    syllable: &str,
) -> Option<(&'static [&'static str], &str, &'static [&'static str])> {
    let (onset, rest) = ONSETS
        .iter()
        .find_map(|(latin, arabic)| syllable.strip_prefix(latin).map(|rest| (*arabic, rest)))?;
    // `gi` before a vowel is an onset of its own; `qu` too.
    let (coda, nucleus) = CODAS.iter().find_map(|(latin, arabic)| {
        rest.strip_suffix(latin)
            .filter(|n| !n.is_empty())
            .map(|n| (*arabic, n))
    })?;
    Some((onset, nucleus, coda))
}

/// Arabic spelling → Latin syllables it may stand for, most frequent first.
static TABLE: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    // Per spelling: (how far from its usual spelling, list order, syllable).
    let mut ranked: HashMap<String, Vec<(usize, usize, &'static str)>> = HashMap::new();
    // This list first (its order is the order of readings), then the syllables of every
    // province's name, so that any province is read when a text names it (`لاو كاي`).
    let provinces: Vec<String> = super::names::PROVINCES
        .iter()
        .flat_map(|(name, _, aliases)| std::iter::once(name).chain(aliases.iter()))
        .flat_map(|name| name.split_whitespace())
        .map(|w| w.to_lowercase())
        .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let provinces: Vec<&'static str> = provinces
        .into_iter()
        .map(|w| &*Box::leak(w.into_boxed_str()))
        .collect();
    for syllable in SYLLABLES.iter().chain(&provinces) {
        let Some((onsets, nucleus, codas)) = split_syllable(syllable) else {
            continue;
        };
        let initial = onsets == [""];
        let mut nuclei = nucleus_forms(nucleus, initial);
        if nuclei.is_empty() && syllable.starts_with("gi") {
            nuclei = vec![""];
        }
        for (a, onset) in onsets.iter().enumerate() {
            for (b, nucleus) in nuclei.iter().enumerate() {
                for (c, coda) in codas.iter().enumerate() {
                    let key = crate::text::search_key(&format!("{onset}{nucleus}{coda}"));
                    let readings = ranked.entry(key).or_default();
                    if !readings.iter().any(|(_, _, s)| s == syllable) {
                        readings.push((a + b + c, readings.len(), syllable));
                    }
                }
            }
        }
    }
    // A syllable written in its usual spelling comes before one that reaches the same
    // letters only through a variant (`تان` is Tan before it is Thanh, usually `ثانه`).
    ranked
        .into_iter()
        .map(|(key, mut readings)| {
            readings.sort();
            (key, readings.into_iter().map(|(_, _, s)| s).collect())
        })
        .collect()
});

/// The Latin readings of one Arabic-script word, most likely first.
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
    TABLE.get(&key).cloned().unwrap_or_default()
}

/// The Latin spelling of one Arabic-script name syllable, capitalized (`تشاو` → `Chau`).
/// The word may carry the conjunction `و` in front.
pub fn romanize_word(word: &str) -> Option<String> {
    let found = readings(word);
    let found = match found.is_empty() {
        true => crate::text::search_key(word)
            .strip_prefix('و')
            .map(readings)
            .unwrap_or_default(),
        false => found,
    };
    found.first().map(|s| super::lexicon::capitalize(s))
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
    fn romanizes_common_syllables() {
        let cases = [
            ("نجوين", "Nguyen"),
            ("نغوين", "Nguyen"),
            ("تران", "Tran"),
            ("تيان", "Tien"),
            ("تشاو", "Chau"),
            ("ثانه", "Thanh"),
            ("كوانج", "Quang"),
            ("شوان", "Xuan"),
            ("جياب", "Giap"),
            ("دوآن", "Doan"),
            ("هوين", "Huyen"),
            ("كويت", "Quyet"),
            ("آنه", "Anh"),
            ("لوونغ", "Luong"),
        ];
        for (arabic, latin) in cases {
            assert_eq!(romanize_word(arabic).as_deref(), Some(latin), "{arabic}");
        }
        assert_eq!(romanize_word("في"), None);
        assert_eq!(romanize_word("بالمساهمات"), None);
    }
}
