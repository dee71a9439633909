//! Tests for event triggers, cues and participants.

use std::sync::OnceLock;

use expect_test::{Expect, expect};
use model::{Lang, LangGuess, Paragraph, Sentence, Span};

use super::{Triggers, find};
use crate::entities::{self, Knowledge};
use crate::{normalize, segment};

fn triggers() -> &'static Triggers {
    static TRIGGERS: OnceLock<Triggers> = OnceLock::new();
    TRIGGERS.get_or_init(Triggers::builtin)
}

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(Knowledge::builtin)
}

/// Runs normalize, segment, entities and events on one paragraph.
fn run(text: &str, lang: Lang) -> (Vec<model::Event>, Vec<model::Entity>) {
    let norm = normalize::normalize(text, 0, lang);
    let sentences: Vec<Sentence> = segment::sentences(&norm);
    let (norm, norm_map) = norm.into_parts();
    let paragraph = Paragraph {
        span: Span::new(0, text.len()),
        lang: LangGuess { lang, confidence: 1.0 },
        is_heading: false,
        norm,
        norm_map,
        sentences,
    };
    let passages =
        [entities::Passage { norm: &paragraph.norm, map: &paragraph.norm_map, lang, words: None }];
    let found = entities::find(&passages, Some(2019), knowledge());
    let paragraphs = std::slice::from_ref(&paragraph);
    let words = crate::paragraph_words(paragraphs);
    let prepared = super::prepare(paragraphs, &words, triggers());
    let quotes = super::quotes::find(&prepared, &found);
    let events = find(&prepared, &found, &quotes, triggers(), knowledge());
    (events, found)
}

/// Prints each event of one paragraph: type, mode, CAMEO root, trigger, actors, recipients.
fn check(text: &str, lang: Lang, expect: Expect) {
    let (events, found) = run(text, lang);
    let names = |idxs: &[usize]| {
        idxs.iter().map(|&i| &text[found[i].span.range()]).collect::<Vec<_>>().join("+")
    };
    let mut out = String::new();
    for e in &events {
        out.push_str(&format!(
            "{} {} {} [{}] {} -> {}{}{}\n",
            e.kind.name(),
            e.mode.as_deref().unwrap_or("-"),
            e.cameo,
            &text[e.trigger.range()],
            names(&e.actors),
            names(&e.recipients),
            if e.is_negated { " negated" } else { "" },
            e.modality.map_or(String::new(), |m| format!(" {}", m.name())),
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn shipped_tables_parse() {
    let parsed = Triggers::parse(super::TRIGGERS, super::CUES);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
    assert!(triggers().len() > 400);
}

#[test]
fn parse_errors_name_the_line() {
    let header = "event\tmode\tcameo\tlang\tforms\tactor\trecipient\tnotes\n";
    let cues = "kind\tlang\tforms\tnotes\n";
    let bad_type = format!("{header}MEET\t\t04\tar\tالتقى\tsubject\tobject\t\n");
    expect![[r#"Err("triggers.tsv: line 2: unknown event type \"MEET\"")"#]]
        .assert_eq(&format!("{:?}", Triggers::parse(&bad_type, cues).map(|t| t.len())));
    let bad_cue = "kind\tlang\tforms\tnotes\n# c\nnegatio\tar\tلم\t\n";
    expect![[r#"Err("cues.tsv: line 3: unknown cue kind \"negatio\"")"#]]
        .assert_eq(&format!("{:?}", Triggers::parse(header, bad_cue).map(|t| t.len())));
    let bad_position = format!("{header}CONSULT\t\t04\tar\tالتقى\tsubjekt\tobject\t\n");
    expect![[r#"Err("triggers.tsv: line 2: unknown position \"subjekt\"")"#]]
        .assert_eq(&format!("{:?}", Triggers::parse(&bad_position, cues).map(|t| t.len())));
}

#[test]
fn arabic_host_vso() {
    check(
        "استقبل أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني رئيس الوزراء السوري عماد خميس في طهران.",
        Lang::Ar,
        expect![[r#"
            CONSULT host 04 [استقبل] علي شمخاني -> عماد خميس
        "#]],
    );
}

#[test]
fn arabic_meet_with_conjunction_and_prep() {
    check(
        "والتقى شمخاني بالرئيس السوري بشار الأسد في دمشق.",
        Lang::Ar,
        expect![[r#"
        CONSULT meet 04 [والتقى] شمخاني -> بشار الأسد
    "#]],
    );
}

#[test]
fn arabic_negation_and_not_negation() {
    check(
        "لم يجتمع شمخاني بالرئيس السوري بشار الأسد.",
        Lang::Ar,
        expect![[r#"
        CONSULT meet 04 [يجتمع] شمخاني -> بشار الأسد negated
    "#]],
    );
    check(
        "لا يزال شمخاني يلتقي بالرئيس السوري بشار الأسد.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [يلتقي] شمخاني -> بشار الأسد
        "#]],
    );
    check(
        "نفى شمخاني أنه التقى بالرئيس السوري بشار الأسد.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [التقى] شمخاني -> بشار الأسد negated
        "#]],
    );
}

#[test]
fn arabic_future() {
    check(
        "سيلتقي شمخاني بالرئيس السوري بشار الأسد غدا.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [سيلتقي] شمخاني -> بشار الأسد future
        "#]],
    );
}

#[test]
fn persian_meet() {
    check(
        "علی شمخانی با بشار اسد دیدار کرد.",
        Lang::Fa,
        expect![[r#"
            CONSULT meet 04 [دیدار کرد] علی شمخانی -> بشار اسد
        "#]],
    );
    check(
        "علی شمخانی با بشار اسد دیدار نکرد.",
        Lang::Fa,
        expect![[r#"
            CONSULT meet 04 [دیدار نکرد] علی شمخانی -> بشار اسد negated
        "#]],
    );
}

#[test]
fn the_two_sides_are_the_last_meeting_s_participants() {
    // Not the countries the discussion was about.
    check(
        "التقى وزير الخارجية الإيراني عباس عراقجي نظيره التركي هاكان فيدان في أنقرة. وبحث الجانبان الوضع في سوريا والعراق.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [التقى] عباس عراقجي -> هاكان فيدان
            CONSULT - 04 [وبحث الجانبان] عباس عراقجي+هاكان فيدان -> عباس عراقجي+هاكان فيدان
        "#]],
    );
    // Without a meeting before, the sentence's own participants stay.
    check(
        "وبحث الجانبان الوضع في سوريا والعراق.",
        Lang::Ar,
        expect![[r#"
        CONSULT - 04 [وبحث الجانبان] سوريا+العراق -> سوريا+العراق
    "#]],
    );
}

#[test]
fn a_charge_repeated_in_one_quote_is_one_event_two_quotes_are_two() {
    check(
        "وقال عراقجي إن الدول التي لا تعترف بأخطائها وتواصل سياساتها الخاطئة ستدفع الثمن.",
        Lang::Ar,
        expect![[r#"
            ACCUSE - 11 [بأخطائها] عراقجي -> 
        "#]],
    );
    check(
        "وقال عراقجي إن وقف الحرب ضرورة، وأضاف أن الأمم المتحدة يجب أن تتحرك.",
        Lang::Ar,
        expect![[r#"
            REQUEST - 10 [ضرورة] عراقجي -> 
            REQUEST - 10 [يجب] عراقجي -> 
        "#]],
    );
}

#[test]
fn a_charge_of_crimes_in_speech_needs_a_named_owner_unless_it_is_a_pronoun() {
    check(
        "وقال عراقجي إن جرائم إسرائيل في غزة لن تمر.",
        Lang::Ar,
        expect![[r#"
        ACCUSE - 11 [جرائم] عراقجي -> إسرائيل
    "#]],
    );
    check("وقال عراقجي إن مكافحة الجرائم أولوية.", Lang::Ar, expect![[""]]);
    check("جرائم إسرائيل في غزة مستمرة.", Lang::Ar, expect![[""]]);
}

#[test]
fn the_acting_owner_of_a_verbal_noun_follows_it_at_once() {
    // The Syrian people receive the aid: a nationality two nouns on is no donor.
    check("وتواصل ايصال المساعدات الى الشعب السوري.", Lang::Ar, expect![[""]]);
    check(
        "وتواصل ايصال المساعدات السعودية الى اليمن.",
        Lang::Ar,
        expect![[r#"
        AID - 07 [ايصال المساعدات] السعودية -> اليمن
    "#]],
    );
}

#[test]
fn a_persian_relative_clause_verb_takes_no_subject_from_before_its_ke() {
    check(
        "آمریکا به جای مبارزه با گروه‌هایی که امنیت ملی خود آنها را تهدید می‌کنند به تحریم سوریه می‌پردازد.",
        Lang::Fa,
        expect![[r#"
            SANCTION - 16 [تحریم] آمریکا -> سوریه
        "#]],
    );
    // A relative clause that closed before the verb does not hide the subject.
    check(
        "ظریف که وزیر خارجه ایران است، با وزیر خارجه سوریه دیدار کرد.",
        Lang::Fa,
        expect![[r#"
            CONSULT meet 04 [دیدار کرد] ظریف -> سوریه
        "#]],
    );
}

#[test]
fn a_persian_ceasefire_or_negotiation_named_as_a_topic_is_no_event() {
    check(
        "نباید اجازه داد دشمنان سوریه از فرصت آتش‌بس و مذاکره سیاسی سوءاستفاده کنند.",
        Lang::Fa,
        expect![[""]],
    );
    check(
        "از دیروز میان سوریه و ترکیه آتش‌بس برقرار شد.",
        Lang::Fa,
        expect![[r#"
        RETREAT ceasefire 08 [آتش‌بس برقرار شد] سوریه -> ترکیه
    "#]],
    );
}

#[test]
fn a_form_ending_in_its_particle_takes_the_phrase_right_after_it() {
    // Not the next `از` further on.
    check(
        "ظریف با تقدیر از حمایت‌های روسیه از مردم سوریه گفت همکاری ادامه دارد.",
        Lang::Fa,
        expect![[r#"
            SUPPORT - 05 [با تقدیر از] ظریف -> روسیه
        "#]],
    );
}

#[test]
fn a_particle_far_after_the_trigger_belongs_to_another_verb() {
    check(
        "وأعرب لافروف عن ارتياحه حيال العلاقات المتنامية بين البلدين في مختلف المجالات واعتبرها ضمانا لعودة الاستقرار إلى سوريا.",
        Lang::Ar,
        expect![[r#"
            SUPPORT - 05 [عن ارتياحه] لافروف -> 
        "#]],
    );
    check(
        "وأعرب لافروف عن ارتياحه لموقف الصين.",
        Lang::Ar,
        expect![[r#"
        SUPPORT - 05 [عن ارتياحه] لافروف -> الصين
    "#]],
    );
}

/// Prints each event's type, trigger and unnamed groups: `actor group -> recipient group`.
fn check_groups(text: &str, lang: Lang, expect: Expect) {
    let (events, _) = run(text, lang);
    let group = |g: Option<Span>| g.map_or("-", |g| &text[g.range()]);
    let out: String = events
        .iter()
        .map(|e| {
            format!(
                "{} [{}] {} -> {}\n",
                e.kind.name(),
                &text[e.trigger.range()],
                group(e.actor_group),
                group(e.recipient_group)
            )
        })
        .collect();
    expect.assert_eq(&out);
}

#[test]
fn unnamed_groups_stand_where_no_entity_does() {
    check_groups(
        "قتل مسلحون 5 أشخاص شمال بغداد أمس.",
        Lang::Ar,
        expect![[r#"
            ASSAULT [قتل] مسلحون -> أشخاص
        "#]],
    );
    // After an unvoweled verb, people it befalls are never its actor (قُتل خمسة أشخاص).
    check_groups(
        "قتل خمسة أشخاص أمس في هجوم شنه مسلحون.",
        Lang::Ar,
        expect![[r#"
        ASSAULT [قتل] - -> أشخاص
    "#]],
    );
    check_groups(
        "وخرج آلاف المتظاهرين إلى شوارع العاصمة مطالبين برحيل الحكومة.",
        Lang::Ar,
        expect![[r#"
            PROTEST [المتظاهرين] المتظاهرين -> -
        "#]],
    );
    check_groups(
        "Gunmen killed five civilians near Kabul on Monday.",
        Lang::En,
        expect![[r#"
        ASSAULT [killed] Gunmen -> civilians
    "#]],
    );
    // A plural perfect carries its subject, which may stand a few words before it; the noun
    // after it is the object.
    check_groups(
        "وكان محتجون غاضبون قد هاجموا السفارة في طهران.",
        Lang::Ar,
        expect![[r#"
        ASSAULT [هاجموا] محتجون -> السفارة
    "#]],
    );
    // A named actor leaves no room for a group.
    check_groups(
        "قتل الجيش السوري 5 مسلحين في ريف حلب أمس.",
        Lang::Ar,
        expect![[r#"
            ASSAULT [قتل] - -> مسلحين
        "#]],
    );
}

#[test]
fn an_object_stands_within_eight_words_of_content_after_its_trigger() {
    check(
        "هاجم مسلحون قرية في شمال البلاد قبل أن يفروا إلى الجبال الوعرة القريبة من حدود تركيا.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 19 [هاجم]  -> 
        "#]],
    );
    // Names, titles and time words do not count toward the eight.
    check(
        "التقى ظريف اليوم الأحد في العاصمة السورية دمشق بالرئيس السوري بشار الأسد.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [التقى] ظريف -> بشار الأسد
        "#]],
    );
}

#[test]
fn the_issue_s_negation_and_modality_examples() {
    // `لم يلتق`: the jussive after لم, denied.
    check(
        "لم يلتق ظريف بنظيره الأمريكي أنتوني بلينكن في نيويورك.",
        Lang::Ar,
        expect![[r#"
        CONSULT meet 04 [يلتق] ظريف -> أنتوني بلينكن negated
    "#]],
    );
    // `نفى … أن`: a denied claim; `قد` belongs to the verb, so the subject stands before it.
    check(
        "ونفى المتحدث باسم الخارجية أن يكون ظريف قد التقى بلينكن.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [التقى] ظريف -> بلينكن negated
        "#]],
    );
    // A listed future form (`سيلتقي`) lies ahead.
    check(
        "سيلتقي ظريف نظيره الروسي سيرغي لافروف في موسكو.",
        Lang::Ar,
        expect![[r#"
        CONSULT meet 04 [سيلتقي] ظريف -> سيرغي لافروف future
    "#]],
    );
    // `قرار است` governs its verb across the subject, a time and a place.
    check(
        "قرار است ظریف هفته آینده در مسکو با لاوروف دیدار کند.",
        Lang::Fa,
        expect![[r#"
            CONSULT meet 04 [دیدار] ظریف -> لاوروف intended
        "#]],
    );
}

#[test]
fn an_english_subject_stands_near_its_verb() {
    check(
        "President Michel Aoun toured the port district on Thursday, two days after a huge explosion at the port killed more than a hundred people.",
        Lang::En,
        expect![[r#"
            ASSAULT - 18 [killed]  -> 
        "#]],
    );
}

#[test]
fn a_verbal_noun_that_opens_reported_words_is_not_the_speaker_s_act() {
    // The refusal is another's, and Iran owns the proposal, not the refusal.
    check(
        "واعتبر ظريف رفض قبول مقترح إيران ذريعة للتدخل.",
        Lang::Ar,
        expect![[r#"
        ACCUSE - 11 [ذريعة] ظريف -> 
    "#]],
    );
    // A verb's subject follows it with at most one word of content between.
    check(
        "انتقد اليوم بشدة وزير الخارجية الإيراني عباس عراقجي العقوبات.",
        Lang::Ar,
        expect![[r#"
        ACCUSE - 11 [انتقد] عباس عراقجي -> 
    "#]],
    );
}

#[test]
fn a_capital_acts_for_its_government_unless_a_preposition_governs_it() {
    check(
        "وأعلن البيان أن طهران والرياض اتفقتا على استئناف العلاقات.",
        Lang::Ar,
        expect![[r#"
        AGREE - 03 [اتفقتا] طهران+الرياض -> طهران+الرياض
        SUPPORT - 05 [استئناف العلاقات] الرياض -> 
    "#]],
    );
    // A title right after the verb is its subject; the capital after it is the object.
    check("واتهم الوزير السعودي طهران بالتدخل في الشؤون العربية.", Lang::Ar, expect![[""]]);
    // A preposition that governs another name before it governs nothing here.
    check(
        "وجاء في البيان الصادر في بكين ان طهران والرياض اتفقتا على ذلك.",
        Lang::Ar,
        expect![[r#"
        AGREE - 03 [اتفقتا] طهران+الرياض -> طهران+الرياض
    "#]],
    );
    // Where, not who.
    check(
        "التقى ظريف في طهران بنظيره العراقي فؤاد حسين.",
        Lang::Ar,
        expect![[r#"
        CONSULT meet 04 [التقى] ظريف -> فؤاد حسين
    "#]],
    );
    check(
        "Washington reimposed sanctions on Iranian oil exports.",
        Lang::En,
        expect![[r#"
        SANCTION - 16 [sanctions on] Washington -> Iranian
    "#]],
    );
}

#[test]
fn the_sides_of_an_agreement_are_the_names_of_its_clause() {
    check(
        "وأعلن وزير الخارجية الكويتي أحمد ناصر المحمد أن الرياض والدوحة اتفقتا على فتح الحدود.",
        Lang::Ar,
        expect![[r#"
            AGREE - 03 [اتفقتا] الرياض+الدوحة -> الرياض+الدوحة
        "#]],
    );
}

#[test]
fn english_negation() {
    check(
        "Ali Shamkhani met Bashar al-Assad in Damascus.",
        Lang::En,
        expect![[r#"
        CONSULT meet 04 [met] Ali Shamkhani -> Bashar al
    "#]],
    );
    check(
        "Ali Shamkhani did not meet Bashar al-Assad.",
        Lang::En,
        expect![[r#"
        CONSULT meet 04 [meet] Ali Shamkhani -> Bashar al negated
    "#]],
    );
}

#[test]
fn arabic_long_title_before_subject() {
    check(
        "إلتقى ممثل قائد الثورة الإسلامية أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني برئيس مكتب الأمن الوطني السوري اللواء علي مملوك وبحث معه العديد من القضايا.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [إلتقى] علي شمخاني -> علي مملوك
        "#]],
    );
}

#[test]
fn arabic_gap_and_longest_match() {
    // The subject stands in the gap of `أطلقت ... سراح`; the longer `أعلنت ... وقف إطلاق النار`
    // beats `وقف إطلاق النار` (ceasefire) and `إطلاق النار` (shooting).
    check(
        "أطلقت السلطات الإسرائيلية سراح الأسير الفلسطيني بعد أن أعلنت حماس وقف إطلاق النار.",
        Lang::Ar,
        expect![[r#"
            RETREAT release 08 [أطلقت السلطات الإسرائيلية سراح] الإسرائيلية -> الفلسطيني
            CONCEDE - 08 [أعلنت حماس وقف إطلاق النار] حماس -> 
        "#]],
    );
}

#[test]
fn arabic_object_pronoun() {
    check(
        "استقبله الرئيس السوري بشار الأسد في دمشق.",
        Lang::Ar,
        expect![[r#"
        CONSULT host 04 [استقبله] بشار الأسد -> 
    "#]],
    );
}

#[test]
fn an_arabic_definite_noun_refers_to_an_event_and_reports_none() {
    // `الهجوم` names an attack the text refers back to; `التقى` is a verb that merely starts
    // with the same letters.
    check("وقال بشار الأسد إن الهجوم على المدينة كان متوقعا.", Lang::Ar, expect![[""]]);
    check(
        "وندد الرئيس السوري بشار الأسد بالهجوم على المدينة.",
        Lang::Ar,
        expect![[r#"
        ACCUSE - 11 [وندد] بشار الأسد -> 
    "#]],
    );
    check(
        "التقى الرئيس السوري بشار الأسد نظيره الروسي فلاديمير بوتين في موسكو.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [التقى] بشار الأسد -> فلاديمير بوتين
        "#]],
    );
}

#[test]
fn an_event_noun_reports_an_event_only_with_evidence() {
    // Named in a condemnation, after a preposition or a back-reference: no attack of its own.
    check(
        "وندد الرئيس السوري بشار الأسد بهجوم على مدينة حلب.",
        Lang::Ar,
        expect![[r#"
        ACCUSE - 11 [وندد] بشار الأسد -> 
    "#]],
    );
    check("وتغيرت الحكومة بعد اغتيال رفيق الحريري.", Lang::Ar, expect![[""]]);
    check("وتبنت حركة حماس الهجوم الذي استهدف مدينة سديروت.", Lang::Ar, expect![[""]]);
    // A definite noun is told now only after its verb (`ووقع الهجوم`), not before it.
    check("وكان الهجوم وقع قرب السفارة.", Lang::Ar, expect![[""]]);
    check(
        "ووقع الهجوم قرب السفارة.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 19 [الهجوم]  -> 
    "#]],
    );
    // A verb of taking place or a past time anchor makes it a report; the source may be unnamed.
    check(
        "ووقع هجوم على مركز للشرطة في حلب.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 19 [هجوم]  -> 
    "#]],
    );
    check(
        "وأدى انفجار سيارة مفخخة أمس إلى مقتل 3 أشخاص.",
        Lang::Ar,
        expect![[r#"
            ASSAULT explosives 18 [انفجار]  -> 
            ASSAULT - 18 [مقتل]  -> 
        "#]],
    );
}

#[test]
fn a_count_after_an_event_noun_reports_it_unless_it_is_a_date() {
    check(
        "وأعلن مصدر طبي مقتل 5 أشخاص في بغداد.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 18 [وأعلن مصدر طبي مقتل]  -> 
    "#]],
    );
    check("وتغيرت السياسة الأمريكية كثيرا منذ تفجيرات 11 سبتمبر.", Lang::Ar, expect![[""]]);
}

#[test]
fn an_imperfect_or_coordinated_verbal_noun_names_no_event() {
    check("تستهدف الخطة الجديدة تحسين الاقتصاد.", Lang::Ar, expect![""]);
    check("ووجهت المحكمة إلى المتهمين تهم الخطف والقتل.", Lang::Ar, expect![[""]]);
    check("وتحدث التقرير عن اختطاف السفير وقتله في بغداد.", Lang::Ar, expect![[""]]);
    // `أمس` before the noun dates the speech verb, not the attack.
    check("وقال الوزير أمس إن الهجمات لم تغير موقف الحكومة.", Lang::Ar, expect![[""]]);
}

#[test]
fn protesters_report_a_protest_when_a_crowd_is_counted() {
    check(
        "واحتشد آلاف المتظاهرين أمام مبنى البرلمان في القاهرة.",
        Lang::Ar,
        expect![[r#"
            PROTEST demo 14 [واحتشد]  -> 
        "#]],
    );
    check(
        "وسار مئات المتظاهرين في شوارع القاهرة.",
        Lang::Ar,
        expect![[r#"
        PROTEST demo 14 [المتظاهرين]  -> 
    "#]],
    );
    check("وقال أحد المتظاهرين إن الشرطة انسحبت.", Lang::Ar, expect![[""]]);
}

#[test]
fn protesters_report_a_protest_only_as_the_subject_of_a_crowds_act() {
    // A verb before the count, with time words between (verb-subject order).
    check(
        "وخرج صباح يوم الجمعة مئات من المتظاهرين في وسط المدينة.",
        Lang::Ar,
        expect![[r#"
        PROTEST demo 14 [المتظاهرين]  -> 
    "#]],
    );
    // A plural verb after the noun (subject-verb order), and a circumstantial after it.
    check(
        "وقالت الشرطة إن نحو 300 متظاهر رفعوا الأعلام في الساحة.",
        Lang::Ar,
        expect![[r#"
        PROTEST demo 14 [متظاهر]  -> 
    "#]],
    );
    check(
        "ووقف آلاف المتظاهرين في الساحة الرئيسية هاتفين ضد الحكومة.",
        Lang::Ar,
        expect![[r#"
        PROTEST demo 14 [المتظاهرين]  -> 
    "#]],
    );
    // The object of another act, the complement of a preposition, and the subject of a
    // relative clause report no protest.
    check("وحاولت الشرطة إبعاد نحو 200 متظاهر عن الطريق.", Lang::Ar, expect![[""]]);
    check("وألقى الزعيم كلمة أمام آلاف المتظاهرين في الملعب.", Lang::Ar, expect![[""]]);
    check(
        "وأغلقت المحلات أبوابها خوفا من مئات المتظاهرين الذين تجمعوا في الشارع.",
        Lang::Ar,
        expect![[""]],
    );
    check("وتحدثت الصحف عن 5000 متظاهر في العاصمة.", Lang::Ar, expect![[""]]);
    check(
        "Police said thousands of protesters waved flags in the square.",
        Lang::En,
        expect![[r#"
        PROTEST demo 14 [protesters]  -> 
    "#]],
    );
    check("The minister spoke to thousands of protesters in the square.", Lang::En, expect![[""]]);
}

#[test]
fn a_riot_unit_is_no_riot() {
    // `مكافحة` (combating) makes what follows a topic: `شرطة مكافحة الشغب` names a unit.
    check("ونشرت السلطات شرطة مكافحة الشغب في الشوارع.", Lang::Ar, expect![[""]]);
    // Even with a count after it.
    check("ووقعت مواجهات بين عناصر مكافحة الشغب و500 شاب.", Lang::Ar, expect![[""]]);
    check(
        "واندلعت أعمال شغب في المدينة.",
        Lang::Ar,
        expect![[r#"
        PROTEST riot 14 [أعمال شغب]  -> 
    "#]],
    );
}

#[test]
fn arabic_which_led_to_and_completed_qad_are_asserted() {
    // `ما أدى إلى` is a relative clause (which led to), not a negation; `قد` before a perfect
    // verb marks a completed act, not a possibility.
    check(
        "وانفجرت سيارة مفخخة في بغداد ما أدى إلى مقتل 3 أشخاص.",
        Lang::Ar,
        expect![[r#"
        ASSAULT explosives 18 [وانفجرت سيارة مفخخة]  -> 
        ASSAULT - 18 [أدى إلى مقتل]  -> 
    "#]],
    );
    check(
        "وكانت حركة حماس قد أطلقت صواريخ على سديروت.",
        Lang::Ar,
        expect![[r#"
            ASSAULT heavy-weapons 19 [أطلقت صواريخ] حماس -> 
        "#]],
    );
}

#[test]
fn an_event_in_a_question_is_only_possible() {
    check(
        "هل أطلقت حركة حماس صواريخ على سديروت؟",
        Lang::Ar,
        expect![[r#"
            ASSAULT heavy-weapons 19 [أطلقت حركة حماس صواريخ] حماس ->  possible
        "#]],
    );
}

#[test]
fn in_speech_a_charge_or_a_call_is_the_speakers_own() {
    // A definite noun inside what someone says is the speaker's charge.
    check(
        "واعتبر وزير الخارجية الإيراني محمد جواد ظريف أن فرض العقوبات هو من الذرائع الأمريكية للضغط على الشعب.",
        Lang::Ar,
        expect![[r#"
            ACCUSE - 11 [الذرائع] محمد جواد ظريف -> الأمريكية
        "#]],
    );
    // `ضرورة` and `يجب` make a call only as someone's words.
    check(
        "وشدد ظريف على ضرورة الحوار بين دول المنطقة.",
        Lang::Ar,
        expect![[r#"
            REQUEST - 10 [ضرورة] ظريف -> 
        "#]],
    );
    check("ويجب أن تكون الأولوية للحوار بين دول المنطقة.", Lang::Ar, expect![""]);
    check(
        "ظریف در این دیدار گفت: کشورهای منطقه باید امنیت خود را تامین کنند.",
        Lang::Fa,
        expect![[r#"
            REQUEST - 10 [باید] ظریف -> 
        "#]],
    );
}

#[test]
fn english_and_persian_event_nouns_need_evidence_too() {
    check("The minister condemned the attack on the embassy.", Lang::En, expect![[""]]);
    check(
        "Ties between the two countries have changed since the assassination.",
        Lang::En,
        expect![[""]],
    );
    check(
        "A car bomb exploded in Baghdad yesterday.",
        Lang::En,
        expect![[r#"
            ASSAULT explosives 18 [car bomb]  -> 
        "#]],
    );
    check(
        "Thousands of protesters gathered in Cairo.",
        Lang::En,
        expect![[r#"
        PROTEST demo 14 [protesters]  -> 
    "#]],
    );
    check("روابط دو کشور پس از ترور تغییر کرد.", Lang::Fa, expect![[""]]);
    check(
        "در این انفجار ۵ نفر کشته شدند.",
        Lang::Fa,
        expect![[r#"
            ASSAULT - 18 [کشته شدند]  -> 
        "#]],
    );
}

#[test]
fn a_prohibition_in_speech_is_a_call_too() {
    check(
        "شمخانی گفت: نباید اجازه داد دشمنان از آتش‌بس سوءاستفاده کنند.",
        Lang::Fa,
        expect![[r#"
            REQUEST - 10 [نباید] شمخانی -> 
        "#]],
    );
}

#[test]
fn a_device_that_went_off_is_reported_and_a_scandal_is_not() {
    check(
        "وقال مصدر أمني إن عبوة ناسفة انفجرت على دورية للشرطة.",
        Lang::Ar,
        expect![[r#"
        ASSAULT explosives 18 [عبوة ناسفة]  -> 
    "#]],
    );
    check("وانفجرت فضيحة جديدة في وجه الوزير.", Lang::Ar, expect![""]);
    // `قد` before a perfect verb (`ذكروا`) makes nothing after it possible.
    check(
        "وكان شهود قد ذكروا أن هجوما نفذ ضد مدرسة للبنات.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 19 [هجوما]  -> 
    "#]],
    );
}

#[test]
fn a_demonstrative_points_back_to_an_event_already_told() {
    check(
        "ظریف امروز با همتای عمانی خود دیدار کرد. ظریف در این دیدار گفت: روابط دو کشور گسترش می‌یابد.",
        Lang::Fa,
        expect![[r#"
            CONSULT meet 04 [دیدار کرد] ظریف -> 
        "#]],
    );
    check(
        "Shinzo Abe met Hassan Rouhani in Tehran. Rouhani and Abe discussed shipping at this meeting.",
        Lang::En,
        expect![[r#"
            CONSULT meet 04 [met] Shinzo Abe -> Hassan Rouhani
        "#]],
    );
}

#[test]
fn an_arabic_verb_with_no_subject_carries_on_the_last_speaker() {
    check(
        "وقال وزير الخارجية الإيراني محمد جواد ظريف إن المحادثات كانت بناءة. وأعرب عن ارتياحه لنتائج الزيارة.",
        Lang::Ar,
        expect![[r#"
            SUPPORT - 05 [عن ارتياحه] محمد جواد ظريف -> 
        "#]],
    );
    // Only a verbal act carries the speaker on: a killing names its own participants.
    check(
        "وقال ظريف إن المحادثات كانت بناءة. وقتل ثلاثة أشخاص في انفجار.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 18 [وقتل]  -> 
        "#]],
    );
}

#[test]
fn a_charge_of_double_standards_is_the_speakers_accusation() {
    check(
        "وقال ظريف إن ازدواجية المعايير الأمريكية واضحة في ملف حقوق الإنسان.",
        Lang::Ar,
        expect![[r#"
            ACCUSE - 11 [ازدواجية المعايير] ظريف -> الأمريكية
        "#]],
    );
    check("وتحدث التقرير عن ازدواجية المعايير في السياسة الدولية.", Lang::Ar, expect![""]);
}

#[test]
fn an_event_in_a_relative_clause_is_background() {
    check("وأفرجت الشرطة عن الصحافي الذي خطف في بغداد.", Lang::Ar, expect![""]);
    check("وكشف الجيش عن الممرضة التي تم اختطافها في الجنوب.", Lang::Ar, expect![""]);
    // A verb of result and a count may stand between the pronoun and the casualties.
    check("وبدأت محاكمة المتهمين بالتفجيرات التي أوقعت 40 قتيلا.", Lang::Ar, expect![[""]]);
    check(
        "وأوقع الانفجار 40 قتيلا في السوق.",
        Lang::Ar,
        expect![[r#"
            ASSAULT explosives 18 [الانفجار]  -> 
            ASSAULT - 18 [قتيلا]  -> 
        "#]],
    );
    // `الأمر الذي أدى إلى` tells a result of the event before it.
    check(
        "وقصفت الطائرات منزلا في المدينة الأمر الذي أدى إلى مقتل 3 أشخاص.",
        Lang::Ar,
        expect![[r#"
            ASSAULT heavy-weapons 19 [وقصفت]  -> 
            ASSAULT - 18 [أدى إلى مقتل]  -> 
        "#]],
    );
    check(
        "وخطف مسلحون الصحافي في بغداد.",
        Lang::Ar,
        expect![[r#"
            ASSAULT abduct 18 [وخطف]  -> 
        "#]],
    );
}

#[test]
fn an_event_that_dates_another_is_background() {
    check("وعادت الحياة إلى المدينة بعد مقتل 20 شخصا فيها.", Lang::Ar, expect![""]);
    check("وأغلقت المدارس أبوابها بسبب هجمات أمس على الطلاب.", Lang::Ar, expect![""]);
    check("واعتقلت الشرطة خمسة طلاب خلال مظاهرة أمس في الجامعة.", Lang::Ar, expect![""]);
    // `في` sets the frame of another event, unless a verb of causing governs it.
    check(
        "وأصيب شرطي بحجر في مظاهرات أمس في العاصمة.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 18 [وأصيب]  -> 
    "#]],
    );
    check(
        "وتسبب انفجار في مقتل 5 أشخاص في السوق.",
        Lang::Ar,
        expect![[r#"
        ASSAULT - 18 [مقتل]  -> 
    "#]],
    );
    // What is said during a meeting is said at it: the meeting is news too.
    // FIXME: the possessor pronoun of `لقائه` should give شمخاني as the actor, not the object.
    check(
        "وأكد شمخاني خلال لقائه بشار الأسد في دمشق دعم إيران.",
        Lang::Ar,
        expect![[r#"
            CONSULT meet 04 [لقائه] بشار الأسد -> إيران
        "#]],
    );
    check(
        "وقال الطلاب إن مظاهرة أمس في الجامعة كانت سلمية.",
        Lang::Ar,
        expect![[r#"
            PROTEST demo 14 [مظاهرة]  -> 
        "#]],
    );
    check(
        "وأعلنت الشرطة مقتل 20 شخصا في المدينة.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 18 [وأعلنت الشرطة مقتل]  -> 
        "#]],
    );
}

#[test]
fn an_event_dated_by_a_year_alone_is_history() {
    check("وكان الرئيس قد اغتيل عام 1981 في القاهرة.", Lang::Ar, expect![""]);
    check("وفي العام 2004 قتل مسلحون 12 شخصا في القرية.", Lang::Ar, expect![""]);
    // `منذ عام` measures a span: the attack is told now.
    check(
        "وقتل مسلحون 12 شخصا في أعنف هجوم منذ عام 2004.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 18 [وقتل]  -> 
        "#]],
    );
    check(
        "وقتل مسلحون 12 شخصا في القرية أمس.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 18 [وقتل]  -> 
        "#]],
    );
}

#[test]
fn a_victims_own_account_is_an_allegation() {
    check(
        "وقال السجين إنه تعرض للتعذيب في السجن.",
        Lang::Ar,
        expect![[r#"
            ASSAULT torture 18 [للتعذيب]  ->  possible
        "#]],
    );
    check(
        "وتحدث المحامي عن مزاعم تعرض موكله للتعذيب.",
        Lang::Ar,
        expect![[r#"
            ASSAULT torture 18 [للتعذيب]  ->  possible
        "#]],
    );
    check(
        "وتعرض 14 سجينا للتعذيب في السجون.",
        Lang::Ar,
        expect![[r#"
            ASSAULT torture 18 [للتعذيب]  -> 
        "#]],
    );
}

#[test]
fn a_verb_of_taking_place_as_a_verbal_noun_or_in_the_future_reports_nothing() {
    check("وبحث القادة اللجوء إلى شن ضربات جوية على المعسكرات.", Lang::Ar, expect![[""]]);
    check(
        "وحذر التقرير من أن أي اجتياح سيؤدي إلى مقتل العشرات.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 18 [مقتل]  ->  future
        "#]],
    );
    check(
        "وشن الجيش ضربات جوية على المعسكرات.",
        Lang::Ar,
        expect![[r#"
            ASSAULT aerial 19 [ضربات جوية]  -> 
        "#]],
    );
}

#[test]
fn a_person_attacks_in_words() {
    check(
        "وهاجم شمخاني السياسة الأمريكية في المنطقة.",
        Lang::Ar,
        expect![[r#"
            ACCUSE - 11 [وهاجم] شمخاني -> الأمريكية
        "#]],
    );
    check(
        "وهاجمت إسرائيل مواقع في غزة.",
        Lang::Ar,
        expect![[r#"
            ASSAULT - 19 [وهاجمت] إسرائيل -> 
        "#]],
    );
}
