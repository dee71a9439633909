//! Tests for entity mentions and their links to the actor knowledge base.

use std::sync::OnceLock;

use expect_test::{Expect, expect};
use model::Lang;
use proptest::prelude::*;

use super::{Knowledge, Passage, TableKind, common_words, find, norm};
use crate::normalize;

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(Knowledge::builtin)
}

/// One line per entity: kind, text, actor (or `new`), country, sector, office, evidence,
/// and the antecedent's text.
fn render(text: &str, lang: Lang, year: Option<i32>, knowledge: &Knowledge) -> String {
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        paragraphs.push(normalize::normalize(line, offset, lang).into_parts());
        offset += line.len();
    }
    let passages: Vec<Passage<'_>> =
        paragraphs.iter().map(|(norm, map)| Passage { norm, map, lang, words: None }).collect();
    let entities = find(&passages, year, knowledge);
    let mut out = String::new();
    for e in &entities {
        let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".to_owned());
        let actor = if e.is_new { "new".to_owned() } else { dash(&e.actor) };
        let role = e.role_span.map_or(String::new(), |s| format!(" role={:?}", &text[s.range()]));
        let antecedent = e
            .antecedent
            .map_or(String::new(), |idx| format!(" ->{}", &text[entities[idx].span.range()]));
        out.push_str(&format!(
            "{} {:?} {actor} {} {} {} {}{role}{antecedent}\n",
            e.kind.name(),
            &text[e.span.range()],
            dash(&e.country),
            dash(&e.sector),
            dash(&e.office),
            e.evidence.name(),
        ));
    }
    out
}

fn check(text: &str, lang: Lang, year: Option<i32>, expect: Expect) {
    expect.assert_eq(&render(text, lang, year, knowledge()));
}

#[test]
fn the_shipped_tables_parse() {
    assert!(knowledge().len() > 1_000, "{} actors", knowledge().len());
}

#[test]
fn title_nationality_and_known_name_in_arabic() {
    check(
        "استقبل امين المجلس الاعلى للامن القومي علي شمخاني رئيس الوزراء السوري عماد خميس.",
        Lang::Ar,
        Some(2017),
        expect![[r#"
            office "امين المجلس الاعلى للامن القومي" security_council_secretary - GOV security_council_secretary name
            person "علي شمخاني" shamkhani_ali IRN GOV security_council_secretary name role="امين المجلس الاعلى للامن القومي"
            office "رئيس الوزراء" prime_minister SYR GOV prime_minister name role="السوري"
            nationality "السوري" syr SYR - - name
            person "عماد خميس" khamis_imad SYR GOV prime_minister name role="رئيس الوزراء السوري"
        "#]],
    );
}

#[test]
fn counterpart_takes_the_office_and_the_nationality() {
    check(
        "اكد امين المجلس الاعلى للامن القومي الايراني علي شمخاني ونظيره الروسي نيكولاي باتروشيف في موسكو.",
        Lang::Ar,
        Some(2017),
        expect![[r#"
            office "امين المجلس الاعلى للامن القومي الايراني" security_council_secretary - GOV security_council_secretary name
            person "علي شمخاني" shamkhani_ali IRN GOV security_council_secretary name role="امين المجلس الاعلى للامن القومي الايراني"
            office "نظيره" security_council_secretary RUS GOV security_council_secretary counterpart role="الروسي" ->علي شمخاني
            nationality "الروسي" rus RUS - - name
            person "نيكولاي باتروشيف" patrushev_nikolai RUS GOV security_council_secretary name role="نظيره الروسي"
            place "موسكو" moscow RUS - - name
        "#]],
    );
}

#[test]
fn clitics_are_left_out_of_the_span() {
    check(
        "التقى بالرئيس السوري بشار الاسد وسافر للعراق وإيران.",
        Lang::Ar,
        Some(2017),
        expect![[r#"
        office "الرئيس" president SYR GOV president name role="السوري"
        nationality "السوري" syr SYR - - name
        person "بشار الاسد" assad_bashar SYR GOV president name role="الرئيس السوري"
        place "لعراق" irq IRQ - - name
        place "إيران" irn IRN - - name
    "#]],
    );
}

#[test]
fn unknown_person_found_after_title_and_nationality() {
    check(
        "وصرح وزير الخارجية الماليزي داتو سري في كوالالمبور.",
        Lang::Ar,
        Some(2017),
        expect![[r#"
            office "وزير الخارجية" foreign_minister MYS GOV foreign_minister name role="الماليزي"
            nationality "الماليزي" mys MYS - - name
            person "داتو سري" new MYS GOV foreign_minister title-context role="وزير الخارجية الماليزي"
            place "كوالالمبور" kuala_lumpur MYS - - name
        "#]],
    );
}

#[test]
fn short_forms_and_persian_pronoun_link_back() {
    check(
        "عماد خمیس نخست وزیر سوریه با علی شمخانی دیدار کرد.\nشمخانی در این دیدار گفت: تروریسم باید شکست بخورد.\nوی افزود: ایران در کنار سوریه است.",
        Lang::Fa,
        Some(2017),
        expect![[r#"
            person "عماد خمیس" khamis_imad SYR GOV prime_minister name
            office "نخست وزیر" prime_minister SYR GOV prime_minister name role="سوریه"
            place "سوریه" syr SYR - - name
            person "علی شمخانی" shamkhani_ali IRN GOV security_council_secretary name
            person "شمخانی" shamkhani_ali IRN GOV security_council_secretary short-form ->علی شمخانی
            person "وی" shamkhani_ali IRN GOV security_council_secretary pronoun ->شمخانی
            place "ایران" irn IRN - - name
            place "سوریه" syr SYR - - name
        "#]],
    );
}

#[test]
fn office_year_picks_the_country_and_sector() {
    check(
        "علی شمخانی",
        Lang::Fa,
        Some(2000),
        expect![[r#"
        person "علی شمخانی" shamkhani_ali IRN MIL defence_minister name
    "#]],
    );
}

#[test]
fn user_table_adds_a_person() {
    let mut knowledge = Knowledge::builtin();
    let added = knowledge.add_tsv(
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nzaid_omar\tOmar Zaid\tعمر زيد\t\tminister@JOR:2015-\t\n",
    );
    assert_eq!(added, Ok((TableKind::Persons, 1)));
    let out = render("قال عمر زيد ان", Lang::Ar, Some(2017), &knowledge);
    expect![[r#"
        person "عمر زيد" zaid_omar JOR GOV minister name
    "#]]
    .assert_eq(&out);
}

#[test]
fn bad_user_tables_are_refused_with_the_line() {
    let mut knowledge = Knowledge::builtin();
    let errors: Vec<String> = [
        "id\tfoo\n",
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nx\tX\n",
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nshamkhani_ali\tA\t\t\t\t\n",
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nx_y\tX Y\t\t\tjester@IRN:2010-\t\n",
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nx_y\tX Y\t\t\tminister@nowhere:2010-\t\n",
    ]
    .iter()
    .map(|tsv| knowledge.add_tsv(tsv).expect_err("refused"))
    .collect();
    expect![[r#"
        [
            "line 1: not a header of the actor tables (see data/actors/README.md)",
            "line 2: 2 fields where the header has 6",
            "line 2: actor id shamkhani_ali is already taken",
            "line 2: office entry \"jester@IRN:2010-\" is not `office@SCOPE:START-END` with a known office and a country code or known organization as scope",
            "line 2: office entry \"minister@nowhere:2010-\" is not `office@SCOPE:START-END` with a known office and a country code or known organization as scope",
        ]
    "#]].assert_debug_eq(&errors);
}

#[test]
fn persian_place_head_nouns_belong_to_the_name() {
    check(
        "سیل در شهرستان هریس و استان گلستان خسارت زد و شهر ما آرام است.",
        Lang::Fa,
        Some(2017),
        expect![[r#"
            place "شهرستان هریس" new - - - head-noun
            place "استان گلستان" golestan IRN - - name
        "#]],
    );
}

#[test]
fn new_names_stop_where_names_stop() {
    check(
        "وقال محمد حسن الشهيبي ان جاك شيراك تناول الغداء مع خالد بن عبد العزيز.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            person "محمد حسن الشهيبي" new - - - given-name
            person "جاك شيراك" chirac_jacques FRA GOV president name
            person "خالد بن عبد العزيز" new - - - given-name
        "#]],
    );
}

/// Pieces that reach every rule: clitics, titles, nationalities, names, pronouns, head nouns.
fn entity_text() -> impl Strategy<Value = String> {
    let pieces = [
        "و",
        "ب",
        "لل",
        "ال",
        "الرئيس",
        " ",
        "  ",
        "\n",
        "السوري",
        "بشار",
        "الاسد",
        "نظيره",
        "الروسي",
        "علی",
        "شمخانی",
        "وی",
        "استان",
        "شهرستان",
        "عبد",
        "الله",
        "محمد",
        "-",
        ".",
        "\u{200c}",
        "é",
        "😀",
        "Iran",
        "x",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..24)
        .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_stay_on_char_boundaries_inside_the_text(
        text in entity_text(),
        lang in proptest::sample::select(vec![Lang::Ar, Lang::Fa, Lang::En, Lang::Unknown]),
    ) {
        let (norm, map) = normalize::normalize(&text, 0, lang).into_parts();
        let passages = [
            Passage { norm: &norm, map: &map, lang, words: None },
            Passage { norm: &norm, map: &map, lang, words: None },
        ];
        let entities = find(&passages, Some(2017), knowledge());
        for (idx, e) in entities.iter().enumerate() {
            prop_assert!(text.get(e.span.range()).is_some(), "span {:?} of {:?}", e.span, text);
            prop_assert!(e.antecedent.is_none_or(|a| a < idx));
        }
    }
}

#[test]
fn english_nationality_comes_before_the_title() {
    check(
        "Iranian Foreign Minister Mohammad Javad Zarif met his Russian counterpart Sergei Lavrov in Moscow on Monday.",
        Lang::En,
        Some(2017),
        expect![[r#"
            nationality "Iranian" irn IRN - - name
            office "Foreign Minister" foreign_minister IRN GOV foreign_minister name role="Iranian"
            person "Mohammad Javad Zarif" zarif_mohammad_javad IRN GOV foreign_minister name role="Iranian Foreign Minister"
            nationality "Russian" rus RUS - - name
            office "counterpart" foreign_minister RUS GOV foreign_minister counterpart role="Russian" ->Mohammad Javad Zarif
            person "Sergei Lavrov" lavrov_sergey RUS GOV foreign_minister name role="Russian counterpart"
            place "Moscow" moscow RUS - - name
        "#]],
    );
}

#[test]
fn organizations_found_by_their_head_noun() {
    check(
        "وقالت وزارة الموارد المائية ان بنك التنمية في",
        Lang::Ar,
        Some(2017),
        expect![[r#"
        organization "وزارة الموارد المائية" new - - - head-noun
        organization "بنك التنمية" new - - - head-noun
    "#]],
    );
    check(
        "دانشگاه علامه طباطبایی در جلسه شرکت کرد.",
        Lang::Fa,
        Some(2017),
        expect![[r#"
        organization "دانشگاه علامه طباطبایی" new - - - head-noun
    "#]],
    );
}

#[test]
fn verbs_of_saying_and_nationalities_introduce_names() {
    check(
        "وقال دوبريه إن المحادثات ستستمر. وتغلب الإسباني موراليس على منافسه. وقال مصدر إن الجيش الإسرائيلي يواصل عملياته. وغزا ملك قشتالة المدينة.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            nationality "الإسباني" esp ESP - - name
            person "موراليس" new ESP - - title-context role="الإسباني"
            organization "الجيش الإسرائيلي" idf ISR MIL - name
            office "ملك" king - GOV king name
        "#]],
    );
    check(
        "وأعلنت الشركة ارباحها. ورفض قبول المقترح. وقال المدرب غوميز إن اللاعبين جاهزون.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            person "غوميز" new - - - title-context role="المدرب"
        "#]],
    );
}

#[test]
fn compound_given_names_and_conjunctions() {
    check(
        "شارك عبد الرحيم منصوري وأحمد سالمي وأبو عبد الله الكردي في اللقاء.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            person "عبد الرحيم منصوري" new - - - given-name
            person "أحمد سالمي" new - - - given-name
            person "أبو عبد الله الكردي" new - - - given-name
        "#]],
    );
}

#[test]
fn arabic_places_leave_out_head_nouns_and_honorifics() {
    check(
        "وصل الوفد إلى قطاع غزة ثم مكة المكرمة وجنوب لبنان وجنوب أفريقيا ودولة قطر.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            place "غزة" gaza_strip PSE - - name
            place "مكة" mecca SAU - - name
            place "لبنان" south_lebanon LBN - - name
            place "جنوب أفريقيا" zaf ZAF - - name
            place "قطر" qat QAT - - name
        "#]],
    );
}

#[test]
fn ruling_house_belongs_to_a_known_name() {
    check(
        "استقبل الشيخ محمد بن زايد آل نهيان الوفد.",
        Lang::Ar,
        Some(2020),
        expect![[r#"
        person "محمد بن زايد آل نهيان" nahyan_mohamed_bin_zayed ARE GOV crown_prince name
    "#]],
    );
}

#[test]
fn persian_organizations_and_names() {
    check(
        "دولت آمریکا و شهرداری تهران اعلام کردند. این سازمان گفت که جلسه در استان برگزار شد. سیدجعفر موسوی و علی نجفی نژاد آمدند.\nنجفی نژاد گفت.",
        Lang::Fa,
        Some(2016),
        expect![[r#"
            organization "دولت آمریکا" new - - - head-noun
            organization "شهرداری تهران" new - - - head-noun
            person "سیدجعفر موسوی" new - - - given-name
            person "علی نجفی نژاد" new - - - given-name
            person "نجفی نژاد" new - - - short-form ->علی نجفی نژاد
        "#]],
    );
}

#[test]
fn arabic_bodies_leave_out_their_head_noun_before_a_name_of_theirs() {
    check(
        "وقال مسؤول لوكالة فرانس برس إن حركة طالبان رفضت العرض في الضفة الغربية المحتلة.",
        Lang::Ar,
        Some(2005),
        expect![[r#"
            organization "فرانس برس" afp FRA MED - name
            organization "طالبان" taliban AFG REB - name
            place "الضفة الغربية" west_bank PSE - - name
        "#]],
    );
}

#[test]
fn honorifics_occupations_and_a_titled_body_introduce_names() {
    check(
        "حضر معالي عيسى بوراشد والفنانة سلمى عبيدات. وقال المتحدث باسم الخارجية الأميركية توم كايسي إن الوفد وصل.",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "عيسى بوراشد" new - - - title-context role="معالي"
            person "سلمى عبيدات" new - - - title-context role="الفنانة"
            office "المتحدث باسم" spokesperson USA GOV spokesperson name role="الخارجية الأميركية"
            organization "الخارجية الأميركية" state_department USA GOV - name
            person "توم كايسي" new USA GOV spokesperson title-context role="المتحدث باسم الخارجية الأميركية"
        "#]],
    );
}

#[test]
fn persian_leads_name_their_speaker() {
    check(
        "کرمانی : طرح جدید آماده است.\nرضایی فر ادامه داد : کار ادامه دارد.\nوزارت فرهنگ و ارشاد اسلامی مجوز داد.",
        Lang::Fa,
        Some(2016),
        expect![[r#"
            person "کرمانی" new - - - title-context
            person "رضایی فر" new - - - title-context
            organization "وزارت فرهنگ و ارشاد اسلامی" new - - - head-noun
        "#]],
    );
}

#[test]
fn leaders_of_the_years_before_2010_are_known() {
    check(
        "استقبل الرئيس جاك شيراك أرييل شارون وصدام حسين.",
        Lang::Ar,
        Some(2003),
        expect![[r#"
        office "الرئيس" president - GOV president name
        person "جاك شيراك" chirac_jacques FRA GOV president name role="الرئيس"
        person "أرييل شارون" sharon_ariel ISR GOV prime_minister name
        person "صدام حسين" hussein_saddam IRQ GOV president name
    "#]],
    );
}

#[test]
fn a_persian_title_leaves_the_body_it_heads_its_own_name() {
    check(
        "رئیس سازمان توسعه تجارت گفت.",
        Lang::Fa,
        Some(2016),
        expect![[r#"
        office "رئیس" head_of_organization - GOV head_of_organization name
        organization "سازمان توسعه تجارت" new - - - head-noun
    "#]],
    );
}

#[test]
fn the_object_of_a_title_holders_verb_is_no_name() {
    // `ترأس` (presided) folds to the spelling of Truss, and a title is followed here by what
    // its holder chaired, not by a name.
    check(
        "وترأس ولي العهد أعمال القمة الحادية والأربعين.",
        Lang::Ar,
        Some(2021),
        expect![[r#"
            office "ولي العهد" crown_prince - GOV crown_prince name
        "#]],
    );
}

#[test]
fn persian_family_names_of_two_words() {
    // A relative adjective in `-ی` or a `-زاده` compound continues a family name; a role
    // noun or an adverb after the name does not.
    check(
        "مهندس کامران بهرامی کرمانی و فرهاد سلطانی محمدزاده به جلسه آمدند. بهروز کریمی سرمربی تیم گفت. حمید رستمی مجموعا دو گل زد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "کامران بهرامی کرمانی" new - - - title-context role="مهندس"
            person "فرهاد سلطانی محمدزاده" new - - - given-name
            person "بهروز کریمی" new - - - given-name
            person "حمید رستمی" new - - - given-name
        "#]],
    );
}

#[test]
fn persian_holy_titles_and_blessings_belong_to_the_name() {
    check(
        "مراسم سالروز امام حسین (ع) و حضرت زهرا (س) در حرم امام خمینی (ره) برگزار شد و سید علی خامنه‌ای سخنرانی کرد. امام جماعت آمد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "امام حسین (ع)" husayn_ibn_ali - - - name
            person "حضرت زهرا (س)" fatima_zahra - - - name
            person "امام خمینی (ره)" khomeini_ruhollah IRN GOV supreme_leader name
            person "سید علی خامنه\u{200c}ای" khamenei_ali IRN GOV supreme_leader name
            office "امام جماعت" cleric - REL cleric name
        "#]],
    );
}

#[test]
fn a_family_name_inside_a_known_name_is_no_given_name() {
    // `هاشمی` opens the short name `هاشمی رفسنجانی` but stands inside the full one.
    check("دیروز هاشمی جوان را دیدم.", Lang::Fa, Some(2010), expect![[r#""#]]);
}

#[test]
fn persian_rank_before_a_family_name_alone() {
    // After `آقای` or `مهندس` a family name alone is a name; after an office (`وزیر`) the
    // next words are the rest of the title. `علی رغم` ("despite") and `جمعه شب` ("Friday
    // night") hold no name.
    check(
        "آقای نوروزی و مهندس کامران طاهری آمدند و وزیر بهداشت گفت علی رغم باران جمعه شب جلسه برگزار شد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "نوروزی" new - - - title-context role="آقای"
            person "کامران طاهری" new - - - title-context role="مهندس"
            office "وزیر" minister - GOV minister name
        "#]],
    );
}

#[test]
fn persian_given_names_inside_a_name_and_lists_with_dashes() {
    // `علی` inside a name is Ali, not the preposition it folds to; a Persian family name may
    // open with `ب` (`بلندنظر`); a dash sets names of a credits line apart.
    check(
        "دیروز وحید علی آبادی و سید احمد بلندنظر آمدند. صدا: حسن جوکار - پشتیبانی فنی.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "وحید علی آبادی" new - - - given-name
            person "سید احمد بلندنظر" new - - - given-name
            person "حسن جوکار" new - - - given-name
        "#]],
    );
}

#[test]
fn persian_amir_is_a_given_name_before_a_name_and_a_title_before_a_state() {
    check(
        "امیر خانزاده با امیر قطر دیدار کرد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "امیر خانزاده" new - - - given-name
            office "امیر" emir QAT GOV emir name role="قطر"
            place "قطر" qat QAT - - name
        "#]],
    );
}

#[test]
fn persian_colon_leads_need_a_name_shape() {
    check(
        "سلیمی : کار تمام شد.\nمترجم : کار تمام شد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
        person "سلیمی" new - - - title-context
    "#]],
    );
}

#[test]
fn items_of_a_list_of_persons_are_persons() {
    // After a person, an item of two name words closed by a comma or `و` is a person; an
    // apposition after a comma (`طراح لباس`) or a verb is none.
    check(
        "بازیگران: علی کریمیان ، تارا بهشتی و شادمهر نیکپور هستند.\nمهناز کریمی ، طراح لباس ، آمد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "علی کریمیان" new - - - given-name
            person "تارا بهشتی" new - - - given-name
            person "مهناز کریمی" new - - - given-name
        "#]],
    );
    check(
        "وغنى فيها عمرو حداد ، نانسي سرحان وراغب نصار ، ثم غادروا .",
        Lang::Ar,
        Some(2018),
        expect![[r#"
            person "عمرو حداد" new - - - given-name
            person "نانسي سرحان" new - - - given-name
            person "راغب نصار" new - - - given-name
        "#]],
    );
}

#[test]
fn a_persian_family_name_known_alone_with_a_second_family_word_is_someone_else() {
    check(
        "وزیر فرهنگ دیروز با صالحی امیری دیدار کرد.",
        Lang::Fa,
        Some(2016),
        expect![[r#"
            office "وزیر" minister - GOV minister name
            person "صالحی امیری" new - - - given-name
        "#]],
    );
}

#[test]
fn arabic_names_end_before_plurals_pronoun_nouns_and_roles() {
    // A definite plural, a noun with an attached pronoun or a role noun after a name starts
    // the next phrase; a short imperfect verb after a title is no name; `واعترف` and `رجح`
    // introduce a speaker as `وقال` does.
    check(
        "رفض خالد منصور الاقتراحات المقدمة . والتقى نبيل ابنته . وحضر هشام فؤاد المستشار . وكان الملك يعلم ذلك . واعترف مارتينيز بأن الأمر صعب .",
        Lang::Ar,
        Some(2018),
        expect![[r#"
            person "خالد منصور" new - - - given-name
            person "هشام فؤاد" new - - - given-name
            office "الملك" king - GOV king name
            person "مارتينيز" new - - - title-context
        "#]],
    );
}

#[test]
fn persian_names_in_vav_and_nouns_of_action_after_names() {
    // Persian writes `و` apart: `وحیدی` is a family name, here of someone the knowledge base
    // does not know; a noun of action in `-ی` (`کارگردانی`) after a name is no family word.
    check(
        "دیروز محمدرضا وحیدی آمد و مهدی رستمی کارگردانی این فیلم را برعهده دارد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "محمدرضا وحیدی" new - - - given-name
            person "مهدی رستمی" new - - - given-name
        "#]],
    );
}

#[test]
fn persian_allah_compounds_epithets_with_blessings_and_amin() {
    // `روح الله` is one given name written with a space; an epithet after `امام` with a
    // blessing names the holy person; Persian `امین` is Amin, though Arabic `أمين عام` is a
    // title; `روح` alone ("soul") opens no name.
    check(
        "دیروز روح الله خالقی و امین مختاری از یاران امام زمان (عج) گفتند که روح ایمان زنده است.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "روح الله خالقی" new - - - given-name
            person "امین مختاری" new - - - given-name
            person "امام زمان (عج)" new - REL - title-context
        "#]],
    );
}

#[test]
fn persian_paragraph_opening_with_the_family_name_of_a_speaker() {
    // A family name opening a paragraph, then a preposition, then a verb of saying later in
    // the sentence; not without the verb, nor a quantifier (`برخی`).
    check(
        "نیکزاد درباره این طرح یادآور شد که کار ادامه دارد.\nکرمانی در دادگاه حاضر شد.\nبرخی از مردم در این باره گفتند که راضی هستند.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "نیکزاد" new - - - title-context
        "#]],
    );
}

#[test]
fn persian_lead_subject_after_the_attribution() {
    // After `به گزارش X ،` a name-shaped subject followed by a role or a preposition is a
    // person; a plain noun phrase is none.
    check(
        "به گزارش ایسنا ، سامیار سلطانی معاون وزارت کار گفت که طرح اجرا می شود.\nبه گزارش ایسنا ، نمایشگاه کتاب در تهران برگزار شد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            organization "ایسنا" isna IRN MED - name
            person "سامیار سلطانی" new - - - title-context
            organization "وزارت کار" new - - - head-noun
            organization "ایسنا" isna IRN MED - name
            place "تهران" tehran IRN - - name
        "#]],
    );
}

#[test]
fn persian_nouns_of_action_are_no_name_words() {
    // `آرمان` is a given name, but `آرمان گرایی` is "idealism".
    check("او از آرمان گرایی دفاع کرد.", Lang::Fa, Some(2018), expect![[r#""#]]);
}

#[test]
fn persian_two_word_family_names_with_a_second_element() {
    // `مقدم`, `کیا` stand second in family names after a given name and a family word, and
    // right after a given name they are the family name itself.
    check(
        "دیروز غلامرضا مصباحی مقدم و ابراهیم صالحی کیا آمدند و حمید مقدم رفت.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "غلامرضا مصباحی مقدم" new - - - given-name
            person "ابراهیم صالحی کیا" new - - - given-name
            person "حمید مقدم" new - - - given-name
        "#]],
    );
}

#[test]
fn persian_martyr_and_weekdays_stay_outside_names() {
    // `شهید` after a rank is an epithet before the name; a weekday after a name is a time.
    check(
        "سردار شهید کامران طاهری را یاد کردند و بهروز کریمی چهارشنبه شب آمد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "کامران طاهری" new - - - given-name
            person "بهروز کریمی" new - - - given-name
        "#]],
    );
}

#[test]
fn european_name_particles_in_arabic() {
    // `دا`, `فان` join a European family name and end the name after it; Persian `دو` is "two".
    check(
        "وقال ماركو فان دايك مدرب المنتخب إن لويس دا سيلفا حضر .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "ماركو فان دايك" new - - - given-name
            person "لويس دا سيلفا" new - - - given-name
        "#]],
    );
    check(
        "علی کریمیان دو گل زد.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
        person "علی کریمیان" new - - - given-name
    "#]],
    );
}

#[test]
fn ordinals_and_definite_nouns_stand_for_no_name_alone() {
    // `الثاني` of `عبدالله الثاني` is no short form; a name found by a given name that ran
    // on into a definite noun (`الكهف`) leaves that noun alone later, while a family name
    // in `-ي` (`الشهيبي`) stands for its name.
    check(
        "استقبل الملك عبدالله الثاني الوفد . وقال محمد حسن الشهيبي إن خالد نبيل الكهف مغلق .\nوفي الشوط الثاني تحدث الشهيبي عن الكهف .",
        Lang::Ar,
        Some(2010),
        expect![[r#"
            person "عبدالله الثاني" hashemi_abdullah_ii JOR GOV king name
            person "محمد حسن الشهيبي" new - - - given-name
            person "خالد نبيل الكهف" new - - - given-name
            person "الشهيبي" new - - - short-form ->محمد حسن الشهيبي
        "#]],
    );
}

#[test]
fn arabic_common_words_that_are_also_given_names() {
    check(
        "توفي عن عمر يناهز الثمانين في شهر رمضان الماضي ، وعاد اللاعب إلى ناديه الجديد .",
        Lang::Ar,
        Some(2010),
        expect![[r#""#]],
    );
}

#[test]
fn arabic_prepositional_nouns_after_a_nationality_are_no_names() {
    // `الإسرائيلي` standing for a person cues a name, but `جراء` ("because of") is none.
    check(
        "وتراجع الاقتصاد الإسرائيلي جراء الحرب ، وقال البرازيلي روبينيو إنه سعيد .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            nationality "الإسرائيلي" isr ISR - - name
            nationality "البرازيلي" bra BRA - - name
            person "روبينيو" new BRA - - title-context role="البرازيلي"
        "#]],
    );
}

#[test]
fn a_definite_family_name_after_two_words_is_a_relative_adjective() {
    check(
        "وحقق خالد مشعلاني التقدم ، وحضر أحمد قباني الشامي .",
        Lang::Ar,
        Some(2010),
        expect![[r#"
            person "خالد مشعلاني" new - - - given-name
            person "أحمد قباني الشامي" new - - - given-name
        "#]],
    );
}

#[test]
fn a_name_found_alone_in_context_is_that_person_later_in_the_document() {
    check(
        "وقال بوانكاري إن الزمن نسبي.\nوكان بوانكاري يعمل في برن، ثم نشر بوانكاري نظريته.\n",
        Lang::Ar,
        None,
        expect![[r#"
            person "بوانكاري" new - - - title-context
            person "بوانكاري" new - - - short-form ->بوانكاري
            place "برن" bern CHE - - name
            person "بوانكاري" new - - - short-form ->بوانكاري
        "#]],
    );
    // A word that also belongs to prose is never one.
    check(
        "وقال مصدر إن الاجتماع انتهى.\nوأضاف مصدر آخر أن الوفد غادر.\n",
        Lang::Ar,
        None,
        expect![[""]],
    );
}

#[test]
fn an_adverb_after_a_title_is_no_name() {
    check(
        "واستقبل الرئيس الإيراني حسن روحاني الأمير القطري رسميا.\n",
        Lang::Ar,
        Some(2020),
        expect![[r#"
            office "الرئيس" president IRN GOV president name role="الإيراني"
            nationality "الإيراني" irn IRN - - name
            person "حسن روحاني" rouhani_hassan IRN GOV president name role="الرئيس الإيراني"
            nationality "القطري" qat QAT - - name
        "#]],
    );
}

#[test]
fn no_common_word_is_a_given_name() {
    // A word in both lists would be dropped from every name it stands in.
    let both: Vec<&str> = common_words()
        .map(|(word, _)| word)
        .filter(|word| {
            [Lang::Ar, Lang::Fa]
                .iter()
                .any(|&lang| knowledge().is_given_name(&norm(word, lang), lang))
        })
        .collect();
    assert!(both.is_empty(), "common words that are given names: {both:?}");
}

#[test]
fn an_arabic_given_name_alone_is_a_person_where_no_name_goes_on() {
    // `إبراهيم` stands between a verb and a preposition; `حسن` ends a name whose first word no
    // list holds, and `عمر` is "age".
    check(
        "وصل إبراهيم إلى المدينة ، وفاز صلاد حسن بالانتخابات ، وتوفي عن عمر يناهز 90 عاما .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "إبراهيم" new - - - given-name
        "#]],
    );
    // A house (`آل سعود`), a university named after a king, and `صالح` "in favour of".
    check(
        "وتخرج في جامعة الملك سعود ، وتحدث عن آل سعود ، وهذا يصب في صالح الشركة .",
        Lang::Ar,
        Some(2015),
        expect![[r#"
            organization "جامعة الملك سعود" new - - - head-noun
        "#]],
    );
    // A name stops before a preposition on a place noun and before a prayer set apart by
    // dashes.
    check(
        "افتتح مشروع تميم بمنطقة عسير ، في عهد الملك فيصل بن عبدالعزيز - رحمه الله - .",
        Lang::Ar,
        Some(2015),
        expect![[r#"
            office "الملك" king - GOV king name
            person "فيصل بن عبدالعزيز" new - - - given-name
        "#]],
    );
}

#[test]
fn a_word_and_a_patronym_make_a_name_and_a_title_with_a_clitic_stays_out() {
    // `بن لادن` is a name the knowledge base holds, and stands alone after `مؤيدي`.
    check(
        "واستخلف على المدينة سهل بن حنيف ، وهتف مؤيدو بن لادن . وزار المفتشون قصور للرئيس صدام حسين .",
        Lang::Ar,
        Some(2003),
        expect![[r#"
            person "سهل بن حنيف" new - - - given-name
            person "بن لادن" bin_laden_osama INT REB group_leader name
            person "صدام حسين" hussein_saddam IRQ GOV president name
        "#]],
    );
}

#[test]
fn a_nom_de_guerre_ends_in_its_nisba() {
    check(
        "وقالت الحكومة إن أبو أيوب المصري قتل ، وعاد أبو بكر إلى المدينة .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "أبو أيوب المصري" new - - - given-name
            person "أبو بكر" new - - - given-name
        "#]],
    );
}

#[test]
fn ali_after_the_imam_is_no_preposition() {
    check(
        "وقتل الإمام علي في الكوفة ، وشدد الرئيس على ضرورة الهدوء .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "علي" ali_ibn_abi_talib - - - bare-name
            place "الكوفة" kufa IRQ - - name
            office "الرئيس" president - GOV president name
        "#]],
    );
}

#[test]
fn a_family_name_alone_before_the_full_name_is_a_short_form() {
    // `كوبرلينغ` alone opens the text; the full name comes after it.
    check(
        "حضر كوبرلينغ المؤتمر . وقال الوزير الألماني هانس كوبرلينغ إن الخطة صحيحة .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            person "كوبرلينغ" new DEU GOV minister short-form ->هانس كوبرلينغ
            office "الوزير" minister DEU GOV minister name role="الألماني"
            nationality "الألماني" deu DEU - - name
            person "هانس كوبرلينغ" new DEU GOV minister title-context role="الوزير الألماني"
        "#]],
    );
}

#[test]
fn names_of_airports_and_storms_and_preposition_phrases_are_no_persons() {
    // `مطار ستيفن هوكر` is an airport, `الإعصار كاترينا` a storm, and after a title `بتشكيل`
    // is a preposition on a verbal noun and `قوله` a noun with a pronoun.
    check(
        "وأغلق مطار ستيفن هوكر ، وضرب الإعصار كاترينا المدينة ، وطالب الرئيس بتشكيل لجنة ، ونقلت الوكالة عن الوزير قوله إن الوضع هادئ .",
        Lang::Ar,
        Some(2006),
        expect![[r#"
            office "الرئيس" president - GOV president name
            office "الوزير" minister - GOV minister name
        "#]],
    );
    // A known person too: Tehran's airport is no act of Khomeini's.
    check("هواپیما در فرودگاه امام خمینی نشست .", Lang::Fa, Some(2016), expect![""]);
}

#[test]
fn each_common_word_is_listed_once() {
    // Normalization folds spellings together (`إعلان`, `اعلان`), so one line is enough for
    // each folded form, and a second is a slip in a list of thousands.
    let mut folded: Vec<(String, &str)> =
        common_words().map(|(word, _)| (norm(word, Lang::Fa), word)).collect();
    folded.sort();
    let repeated: Vec<&str> =
        folded.windows(2).filter(|pair| pair[0].0 == pair[1].0).map(|pair| pair[1].1).collect();
    assert!(repeated.is_empty(), "common words listed twice: {repeated:?}");
}

#[test]
fn given_names_that_begin_like_the_article() {
    // `ألبرت` folds to `البرت` but is a given name, so it opens a name the knowledge base does
    // not know, and the family name alone links back to it; `الآن` ("now") opens none.
    check(
        "ألقى ألبرت أينشتاين محاضرة في برلين. وقال أينشتاين إن الآن وقت العمل.",
        Lang::Ar,
        Some(1930),
        expect![[r#"
            person "ألبرت أينشتاين" einstein_albert - - - name
            place "برلين" berlin DEU - - name
            person "أينشتاين" einstein_albert - - - short-form ->ألبرت أينشتاين
        "#]],
    );
}

#[test]
fn famous_persons_outside_politics_are_known_by_their_family_names() {
    // `persons-notable.tsv` links the names the press uses alone; a first word of one of its
    // names that is also a common word (`يزيد` "increases", Persian `نظامی` "military")
    // starts no unknown name.
    check(
        "وقال فرويد إن الحلم رغبة ، وكتب نجيب محفوظ روايته ، وغنت أم كلثوم . وكان الطلب يزيد على العرض .",
        Lang::Ar,
        Some(2010),
        expect![[r#"
            person "فرويد" freud_sigmund - - - bare-name
            person "نجيب محفوظ" mahfouz_naguib - - - name
            person "أم كلثوم" umm_kulthum - - - name
        "#]],
    );
    check(
        "فردوسی شاهنامه را سرود و مسی دو گل زد. عملیات نظامی ادامه یافت.",
        Lang::Fa,
        Some(2018),
        expect![[r#"
            person "فردوسی" ferdowsi - - - bare-name
            person "مسی" messi_lionel - - - bare-name
        "#]],
    );
}

#[test]
fn a_word_common_in_arabic_text_only_still_names_persian_bodies() {
    // `علوم` ("sciences") ends no Arabic name; in Persian it is a word of `وزارت علوم`.
    let word = norm("علوم", Lang::Ar);
    assert!(knowledge().word_in(&word, Lang::Ar).is_common);
    assert!(!knowledge().word_in(&word, Lang::Fa).is_common);
}
