use super::*;

fn analyzed(doc: &Document) -> Analyzed<'_> {
    WordAnalyzer.analyze(NewsSegmenter::default().segment(doc))
}

/// The trimmed lead of `text` as shown words, and its rule cut.
fn trimmed(text: &str) -> (String, String) {
    let doc = Document::new(text);
    let a = analyzed(&doc);
    let i = lead_index(&a).expect("a lead");
    let mut lead = read_lead(&doc.text, a.segmented.sentences[i].span, a.sentence(i));
    let t = trim(&mut lead);
    let kept: Vec<usize> = (0..lead.words.len()).filter(|&j| t.keep[j]).collect();
    let all = crate::span::join_spans(&doc.text, &spans(&lead, &kept), false);
    let m = rule_cut(&lead.words, &kept);
    let cut = crate::span::join_spans(&doc.text, &spans(&lead, &kept[..m]), false);
    (all, cut)
}

#[test]
fn built_in_keep_model_loads() {
    let m = keep_model().expect("models/headline-keep.json is a valid model");
    assert_eq!(m.features, KEEP_FEATURES);
    assert!(compiled_keep_model().is_some());
}

#[test]
fn rules_drop_what_headlines_leave_out() {
    let (all, _) = trimmed(
        "On Monday, the harbour board, which met for six hours, has approved a new ferry \
         terminal (its third), officials said.",
    );
    assert_eq!(all, "Harbour board approved new ferry terminal");
    let (all, _) = trimmed("The Tories are to back plans for a new bridge, according to a report.");
    assert_eq!(all, "Tories to back plans for new bridge");
    // `has fallen` stays: `fallen` is no past tense.
    let (all, _) = trimmed("The price of gold has fallen to its lowest level in a year.");
    assert_eq!(all, "Price of gold has fallen to its lowest level in year");
    let (all, _) = trimmed("Rangers boss Alex Smith said he is going to stay at the club.");
    assert!(all.contains("he is going"), "{all}");
}

#[test]
fn rule_cut_ends_where_a_phrase_ends() {
    let (_, cut) = trimmed(
        "Shares in the ferry operator jumped sharply in early trading on speculation that \
         a rival firm would make a bid for the business before the end of the year.",
    );
    assert_eq!(
        cut,
        "Shares in ferry operator jumped sharply in early trading"
    );
    let (_, cut) =
        trimmed("Visitors to the harbour will be able to swim in the new pool from June.");
    assert!(!cut.ends_with("able"), "{cut}");
}

#[test]
fn subject_cut_to_a_surname_used_alone() {
    let text = "Chelsea defender Wayne Bridge could miss the rest of the season with a \
                broken ankle. Bridge was hurt on Sunday. The club said Bridge would see a \
                specialist this week.";
    let doc = Document::new(text);
    let a = analyzed(&doc);
    let i = lead_index(&a).unwrap();
    let mut lead = read_lead(&doc.text, a.segmented.sentences[i].span, a.sentence(i));
    let t = trim(&mut lead);
    let kept: Vec<usize> = (0..lead.words.len()).filter(|&j| t.keep[j]).collect();
    let short = short_subject(&a, i, &lead, &kept).expect("a surname used alone");
    let shown = crate::span::join_spans(&doc.text, &spans(&lead, &short), false);
    assert!(
        shown.starts_with("Bridge could miss rest of season"),
        "{shown}"
    );
    // A name the article never uses alone keeps its first name.
    let text = "Chelsea defender Wayne Bridge could miss the rest of the season with a \
                broken ankle. The club said the defender would see a specialist.";
    let doc = Document::new(text);
    let a = analyzed(&doc);
    let mut lead = read_lead(&doc.text, a.segmented.sentences[0].span, a.sentence(0));
    let t = trim(&mut lead);
    let kept: Vec<usize> = (0..lead.words.len()).filter(|&j| t.keep[j]).collect();
    assert!(short_subject(&a, 0, &lead, &kept).is_none());
}
