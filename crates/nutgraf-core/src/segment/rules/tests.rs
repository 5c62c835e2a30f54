use super::*;

/// Segments `text` and renders every segment as a string, with `D|`, `B|`
/// or `F|` in front of datelines, bylines and furniture.
fn render(text: &str) -> Vec<String> {
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    seg.sentences
        .iter()
        .map(|s| {
            let t = s.span.slice(text);
            match s.kind {
                SentenceKind::Body => t.to_string(),
                SentenceKind::Dateline => format!("D|{t}"),
                SentenceKind::Byline => format!("B|{t}"),
                SentenceKind::Furniture => format!("F|{t}"),
                SentenceKind::Heading => format!("H|{t}"),
                SentenceKind::Transcript => format!("T|{t}"),
            }
        })
        .collect()
}

/// Spans slice cleanly, lie in their paragraph, are trimmed and ordered.
fn check_invariants(seg: &Segmented<'_>) {
    let text = seg.doc.text.as_str();
    let mut last = 0;
    for p in &seg.paragraphs {
        assert!(p.start >= last && p.end <= text.len() && !p.is_empty());
        let t = text
            .get(p.start..p.end)
            .expect("paragraph on char boundaries");
        assert_eq!(t, t.trim());
        last = p.end;
    }
    let mut last = 0;
    for s in &seg.sentences {
        let p = seg.paragraphs[s.paragraph];
        assert!(p.contains(s.span), "{:?} outside {:?}", s.span, p);
        assert!(s.span.start >= last, "sentences overlap or go backwards");
        let t = text
            .get(s.span.start..s.span.end)
            .expect("sentence on char boundaries");
        assert!(!t.is_empty());
        assert_eq!(t, t.trim());
        last = s.span.end;
    }
}

#[test]
fn hard_cases() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        // Plain endings.
        ("The vote passed. Critics were furious! Would it last?",
         &["The vote passed.", "Critics were furious!", "Would it last?"]),
        ("Rain fell all day.   Roads flooded.", &["Rain fell all day.", "Roads flooded."]),
        ("No punctuation at all here", &["No punctuation at all here"]),
        // Titles and ranks.
        ("Mr. Lopez and Mrs. Hart met Dr. Osei. They talked.",
         &["Mr. Lopez and Mrs. Hart met Dr. Osei.", "They talked."]),
        ("Sen. Ruth Alder and Rep. Tom Vance spoke first.", &["Sen. Ruth Alder and Rep. Tom Vance spoke first."]),
        ("Gov. Ellen Marsh thanked Lt. Col. Ray Dunn and Gen. Hal Price.",
         &["Gov. Ellen Marsh thanked Lt. Col. Ray Dunn and Gen. Hal Price."]),
        ("Prof. Ana Ruiz left St. Paul on Friday. Ms. Kerr stayed.",
         &["Prof. Ana Ruiz left St. Paul on Friday.", "Ms. Kerr stayed."]),
        ("Martin Hale Jr. Day is a holiday. Sam Hale Sr. The elder spoke.",
         &["Martin Hale Jr. Day is a holiday.", "Sam Hale Sr.", "The elder spoke."]),
        // Countries and organizations.
        ("The U.S. economy grew. The U.K. and the U.N. agreed.",
         &["The U.S. economy grew.", "The U.K. and the U.N. agreed."]),
        ("She moved to the U.S. The move was hard.", &["She moved to the U.S.", "The move was hard."]),
        ("He returned to the U.S. He never left again.", &["He returned to the U.S.", "He never left again."]),
        ("Officials in the U.S. Senate objected.", &["Officials in the U.S. Senate objected."]),
        ("Talks at the U.N. It was tense.", &["Talks at the U.N.", "It was tense."]),
        ("They flew to Washington, D.C. The next day they rested.",
         &["They flew to Washington, D.C.", "The next day they rested."]),
        // Initials.
        ("J.K. Rowling wrote it. George W. Bush read it.", &["J.K. Rowling wrote it.", "George W. Bush read it."]),
        ("The novel by J. R. R. Tolkien sold well.", &["The novel by J. R. R. Tolkien sold well."]),
        ("He admired Malcolm X. He said so often.", &["He admired Malcolm X.", "He said so often."]),
        // Dates, times, companies.
        ("The law takes effect Jan. 1 and ends Sept. 30. Few noticed.",
         &["The law takes effect Jan. 1 and ends Sept. 30.", "Few noticed."]),
        ("Talks began Oct. 3 and stalled Nov. 14, officials said.",
         &["Talks began Oct. 3 and stalled Nov. 14, officials said."]),
        ("The store opens at 9 a.m. The line formed early.", &["The store opens at 9 a.m.", "The line formed early."]),
        ("The meeting ended at 5 p.m. ET on Tuesday.", &["The meeting ended at 5 p.m. ET on Tuesday."]),
        ("The blast hit at 6 a.m. Firefighters arrived soon after.",
         &["The blast hit at 6 a.m.", "Firefighters arrived soon after."]),
        ("Acme Inc. said profits rose. Bolt Corp. Chief Executive Dana Roe disagreed.",
         &["Acme Inc. said profits rose.", "Bolt Corp. Chief Executive Dana Roe disagreed."]),
        ("He sued Harlan & Co. The firm settled.", &["He sued Harlan & Co.", "The firm settled."]),
        ("Orbit Ltd. and Vane Co. merged.", &["Orbit Ltd. and Vane Co. merged."]),
        ("It was ranked No. 1 in the world. No. The board said no.",
         &["It was ranked No. 1 in the world.", "No.", "The board said no."]),
        ("It was Smith vs. Jones again. Apples, pears, etc. were sold.",
         &["It was Smith vs. Jones again.", "Apples, pears, etc. were sold."]),
        ("They sold pens, paper, etc. Much of it was cheap.", &["They sold pens, paper, etc.", "Much of it was cheap."]),
        ("She was born in Jackson, Miss. She moved away at 18.",
         &["She was born in Jackson, Miss.", "She moved away at 18."]),
        ("He felt ill. Doctors saw him.", &["He felt ill.", "Doctors saw him."]),
        // Numbers and money.
        ("Profits rose 3.5% to $1.13bn. Sales hit 2.5m units.",
         &["Profits rose 3.5% to $1.13bn.", "Sales hit 2.5m units."]),
        ("Shares fell to 12.75p. Analysts shrugged.", &["Shares fell to 12.75p.", "Analysts shrugged."]),
        ("It ended in 1998. 2001 was worse.", &["It ended in 1998.", "2001 was worse."]),
        // Ellipses.
        // A period glued to the next sentence, as scraped text has it.
        ("The court heard.Shocking details followed. Visit news.Example.com today.",
         &["The court heard.", "Shocking details followed.", "Visit news.Example.com today."]),
        ("It was late.The crowd left, and mail.Server.net stayed up.",
         &["It was late.", "The crowd left, and mail.Server.net stayed up."]),
        ("He paused... then went on. It was late.", &["He paused... then went on.", "It was late."]),
        ("She waited… Nobody came.", &["She waited…", "Nobody came."]),
        ("\"I thought we had time...\" Those were his words.",
         &["\"I thought we had time...\"", "Those were his words."]),
        ("Wait . . . what happened? Nobody knew.", &["Wait . . . what happened?", "Nobody knew."]),
        // Quotes.
        ("\"We will win.\" The crowd roared.", &["\"We will win.\"", "The crowd roared."]),
        ("“Is it over?” she asked. “Yes.” He nodded.",
         &["“Is it over?” she asked.", "“Yes.”", "He nodded."]),
        ("He called it 'a disgrace!' Then he left.", &["He called it 'a disgrace!'", "Then he left."]),
        ("\"Stop!\" he shouted.", &["\"Stop!\" he shouted."]),
        ("He said: \"Time is short. \"\n\nThe rest followed.", &["He said: \"Time is short. \"", "The rest followed."]),
        ("\"It was cold. It was dark. We ran,\" she said.",
         &["\"It was cold.", "It was dark.", "We ran,\" she said."]),
        ("She said: ‘We are done.’ Then silence.", &["She said: ‘We are done.’", "Then silence."]),
        ("“Never again. ” Then he left. \" We agree,\" they said.",
         &["“Never again. ”", "Then he left.", "\" We agree,\" they said."]),
        // URLs, e-mail, domains.
        ("Read it at CNN.com today. More at www.example.org/news?id=4.",
         &["Read it at CNN.com today.", "More at www.example.org/news?id=4."]),
        ("Write to tips@example.com. We reply fast.", &["Write to tips@example.com.", "We reply fast."]),
        ("See https://example.com/a.b/c for details. Then call.",
         &["See https://example.com/a.b/c for details.", "Then call."]),
        // Parentheses.
        ("He resigned. (He later denied it.) The board met.",
         &["He resigned.", "(He later denied it.)", "The board met."]),
        ("The agency (known as the F.B.I.) declined to comment.",
         &["The agency (known as the F.B.I.) declined to comment."]),
        // Lists and bullets.
        ("Key points:\n• Taxes will rise\n• Spending will fall",
         &["Key points:", "Taxes will rise", "Spending will fall"]),
        ("1. Turn off the power.\n2. Remove the cover.", &["Turn off the power.", "Remove the cover."]),
        ("Steps:\n\n- Open the box\n- Read the card", &["Steps:", "Open the box", "Read the card"]),
        // Datelines.
        ("WASHINGTON (CNN) -- The Senate voted on Tuesday.",
         &["D|WASHINGTON (CNN) --", "The Senate voted on Tuesday."]),
        ("Washington (CNN) The president spoke.", &["D|Washington (CNN)", "The president spoke."]),
        ("Kabul, Afghanistan (CNN) Gunmen attacked a hotel.",
         &["D|Kabul, Afghanistan (CNN)", "Gunmen attacked a hotel."]),
        ("(CNN)Nearly 100 people were hurt.", &["D|(CNN)", "Nearly 100 people were hurt."]),
        ("(CNN) -- A storm is coming.", &["D|(CNN) --", "A storm is coming."]),
        ("LONDON, England (Reuters) -- Prices fell.", &["D|LONDON, England (Reuters) --", "Prices fell."]),
        ("NEW YORK (AP) — Stocks rose.", &["D|NEW YORK (AP) —", "Stocks rose."]),
        ("PARIS -- The museum reopened.", &["D|PARIS --", "The museum reopened."]),
        ("SAN JUAN, Puerto Rico -- Power returned.", &["D|SAN JUAN, Puerto Rico --", "Power returned."]),
        ("South of Basra, Iraq (CNN)Smoke rose.", &["D|South of Basra, Iraq (CNN)", "Smoke rose."]),
        ("DJ Kim Ray - a veteran - says clubs are back.", &["DJ Kim Ray - a veteran - says clubs are back."]),
        ("Tom Reed (pictured) won the race.", &["Tom Reed (pictured) won the race."]),
        ("Fuel tax (GST) rose again. Drivers complained.", &["Fuel tax (GST) rose again.", "Drivers complained."]),
        // Bylines and stamps.
        ("By Jane Doe, CNN\n\nThe river rose overnight.", &["B|By Jane Doe, CNN", "The river rose overnight."]),
        ("By Jane Doe, CNN The river rose overnight.", &["B|By Jane Doe, CNN", "The river rose overnight."]),
        ("By . Daily Mail Reporter . The river rose overnight.",
         &["B|By . Daily Mail Reporter .", "The river rose overnight."]),
        ("By Jane Doe and John Smith for MailOnline\nThe river rose.",
         &["B|By Jane Doe and John Smith for MailOnline", "The river rose."]),
        ("By . Ann Lee . PUBLISHED: . 12:01 EST, 5 April 2015 . | . UPDATED: . 14:22 EST, 5 April 2015 . A dog barked.",
         &["B|By . Ann Lee .", "B|PUBLISHED: . 12:01 EST, 5 April 2015 . | . UPDATED: . 14:22 EST, 5 April 2015 .", "A dog barked."]),
        ("Last updated at 9:41 AM on 12th April 2015\nA dog barked.",
         &["B|Last updated at 9:41 AM on 12th April 2015", "A dog barked."]),
        ("Updated 1732 GMT (0132 HKT) April 5, 2015\nA dog barked.",
         &["B|Updated 1732 GMT (0132 HKT) April 5, 2015", "A dog barked."]),
        ("Updated rules take effect in 2016. Firms must comply.",
         &["Updated rules take effect in 2016.", "Firms must comply."]),
        ("By the time police came, the crowd had gone.", &["By the time police came, the crowd had gone."]),
        ("By 2030 the city will double. Planners agree.", &["By 2030 the city will double.", "Planners agree."]),
        ("By Monday, Smith had resigned.", &["By Monday, Smith had resigned."]),
        // Furniture.
        ("The dog was found. Scroll down for video. Its owner wept.",
         &["The dog was found.", "F|Scroll down for video.", "Its owner wept."]),
        ("Scroll down for videos\nThe dog was found.", &["F|Scroll down for videos", "The dog was found."]),
        ("Photo: Getty Images\nThe dog was found.", &["F|Photo: Getty Images", "The dog was found."]),
        ("The dog was found. (Photo by Ann Lee/Getty Images) Its owner wept.",
         &["The dog was found.", "F|(Photo by Ann Lee/Getty Images)", "Its owner wept."]),
        ("Share this article\nClick here for the full list.\nREAD MORE: How the flood began",
         &["F|Share this article", "F|Click here for the full list.", "F|READ MORE: How the flood began"]),
        ("The dog was found. Follow @dogwatch on Twitter.", &["The dog was found.", "F|Follow @dogwatch on Twitter."]),
        ("It rained. CNN's Jane Doe contributed to this report.",
         &["It rained.", "F|CNN's Jane Doe contributed to this report."]),
        ("Follow the money, she said.", &["Follow the money, she said."]),
        ("Video footage showed the crash. Photos were shared.",
         &["Video footage showed the crash.", "Photos were shared."]),
        ("She contributed to the fund. It grew.", &["She contributed to the fund.", "It grew."]),
        // Lowercase text.
        ("he went to the u.s. on monday. then he left.", &["he went to the u.s. on monday.", "then he left."]),
        ("mr. smith met dr. jones at 9 a.m. on friday. they talked.",
         &["mr. smith met dr. jones at 9 a.m. on friday.", "they talked."]),
        ("prices rose 2.5% this year. analysts were surprised. why? nobody knows.",
         &["prices rose 2.5% this year.", "analysts were surprised.", "why?", "nobody knows."]),
        ("the talks at the u.n. ended. u.s. officials walked out of the u.n. building.",
         &["the talks at the u.n. ended.", "u.s. officials walked out of the u.n. building."]),
        ("she lives in the u.k. it is cold there.", &["she lives in the u.k.", "it is cold there."]),
        ("\"why?\" he asked. she shrugged.", &["\"why?\" he asked.", "she shrugged."]),
        ("we met at NASA in the U.S. last week. it went well. then we flew home.",
         &["we met at NASA in the U.S. last week.", "it went well.", "then we flew home."]),
    ];
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let got = render(input);
        if got != *expected {
            failures.push(format!(
                "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn ordinal_dates_and_low_quotes() {
    assert_eq!(
        render("Der Rat hat am 1. März beschlossen, die Brücke zu schließen. Die Arbeiten dauern bis zum 15. August."),
        [
            "Der Rat hat am 1. März beschlossen, die Brücke zu schließen.",
            "Die Arbeiten dauern bis zum 15. August.",
        ]
    );
    // „ opens a quote: the sentence before ends at its period.
    assert_eq!(
        render("Der Rat tagte am Montag. \u{201e}Wir warten nicht\u{201c}, sagte sie."),
        [
            "Der Rat tagte am Montag.",
            "\u{201e}Wir warten nicht\u{201c}, sagte sie.",
        ]
    );
    // A number before a period ends an English sentence as before.
    assert_eq!(
        render("The score was 2. March will tell."),
        ["The score was 2.", "March will tell."]
    );
}

#[test]
fn paragraphs_split_on_blank_lines() {
    let text = "  First one. Second one.\n\n \t\nThird one.\r\n\r\nFourth\nstill fourth.  ";
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
    assert_eq!(
        paras,
        [
            "First one. Second one.",
            "Third one.",
            "Fourth\nstill fourth."
        ]
    );
    let para_of: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(para_of, [0, 0, 1, 2]);
}

#[test]
fn paragraphs_from_single_newlines() {
    // One blank line anywhere between content switches to blank-line mode.
    let text = "\nFirst line\n  \nSecond line. More\nThird line\n";
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    assert_eq!(seg.paragraphs.len(), 2);
    // Blank lines only at the ends do not: every line is a paragraph.
    let text = "One line\nTwo line\n\n";
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
    assert_eq!(paras, ["One line", "Two line"]);
    let text = "A whole article on one line. With two sentences.";
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    assert_eq!(seg.paragraphs, [Span::new(0, text.len())]);
    assert_eq!(seg.sentences.len(), 2);
}

#[test]
fn no_panic_on_odd_input() {
    let mut junk = String::new();
    for i in 0u32..4000 {
        let c = char::from_u32((i * 7919) % 0x3000).unwrap_or('\u{fffd}');
        junk.push(c);
        if i % 13 == 0 {
            junk.push_str(". ");
        }
        if i % 17 == 0 {
            junk.push_str("\u{0}\u{1b}\u{7f}\u{85}\u{2028}…”’ \n");
        }
    }
    let inputs = [
        String::new(),
        " \n\t\r\n  ".to_string(),
        "\u{a0}\u{3000}".to_string(),
        junk,
        ".".repeat(5000),
        "?!.…\"'()[]“”‘’ -- — . | .".repeat(300),
        "(CNN".to_string(),
        "By".to_string(),
        "By ".to_string(),
        "PUBLISHED:".to_string(),
        "WASHINGTON (".to_string(),
        "1.".to_string(),
        "• ".to_string(),
        "Mr.".to_string(),
        "(Photo by".to_string(),
        "a\n\n\n\nb\n".to_string(),
        "x\u{a0}.\u{a0}Y \u{2026}".to_string(),
        format!("{}...x and more", "a".repeat(SOFT_CAP - 1)),
        format!("{}?!x and more", "b".repeat(SOFT_CAP - 1)),
        format!("{}\u{2026}x and more", "c".repeat(SOFT_CAP - 2)),
    ];
    for text in inputs {
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        check_invariants(&seg);
    }
}

#[test]
fn long_text_without_punctuation_is_capped() {
    let line = "word ".repeat(1_000_000); // 5 MB on one line
    let doc = Document::new(line);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    assert!(seg.sentences.len() > 1000);
    assert!(seg
        .sentences
        .iter()
        .all(|s| s.span.len() <= SOFT_CAP + HARD_CAP));

    let solid = "é".repeat(2_000_000); // no white space at all
    let doc = Document::new(solid);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    assert!(seg
        .sentences
        .iter()
        .all(|s| s.span.len() <= SOFT_CAP + HARD_CAP + 4));

    let lines = "a line with no stop\n".repeat(100);
    let text = format!("Start\n\n{lines}");
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    assert!(seg.sentences.iter().all(|s| s.span.len() <= SOFT_CAP + 200));
}

#[test]
fn spans_slice_back_exactly() {
    let text = "WASHINGTON (CNN) -- “It’s over,” said Sen. Ada Byrne.  The U.S. Senate voted 52-48.\n\n\
                By the end, Mr. Ruiz had left… Scroll down for video.\n\n  \u{a0}(Photo by Kim Dee/AP) Then rain.";
    let doc = Document::new(text);
    let seg = NewsSegmenter::default().segment(&doc);
    check_invariants(&seg);
    let all: Vec<&str> = (0..seg.sentences.len())
        .map(|i| seg.sentence_text(i))
        .collect();
    assert_eq!(
        all,
        [
            "WASHINGTON (CNN) --",
            "“It’s over,” said Sen. Ada Byrne.",
            "The U.S. Senate voted 52-48.",
            "By the end, Mr. Ruiz had left…",
            "Scroll down for video.",
            "(Photo by Kim Dee/AP)",
            "Then rain.",
        ]
    );
}
