//! Word lists: abbreviations, sentence openers, agencies, outlets, months.

/// How a token before a `.` behaves.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbr {
    /// Never ends a sentence (`Mr.`, `Sen.`, `vs.`).
    Strong,
    /// Ends a sentence only before a plausible opener (`Inc.`, `U.S.`, `Jr.`).
    Weak,
    /// Time of day: ends a sentence before any capitalized word but a zone.
    Time,
    /// Usually ends a list (`etc.`): ends a sentence before any capitalized
    /// word; in lowercase text only before a plausible opener.
    Trailing,
    /// Not an abbreviation before a digit (`No. 1`), an ordinary word otherwise.
    Number,
    /// An ordinary word.
    Word,
}

/// Classifies the token `tok` (ASCII letters and dots, no final dot).
pub(super) fn abbrev_kind(tok: &[u8], lower_mode: bool) -> Abbr {
    let n = tok.len();
    if n == 0 {
        return Abbr::Word;
    }
    if tok.contains(&b'.') {
        // Dotted initialisms: every piece one or two letters (U.S, a.m, J.K, Ph.D).
        let short = tok
            .split(|&c| c == b'.')
            .all(|p| !p.is_empty() && p.len() <= 2);
        if !short {
            return Abbr::Word;
        }
        if tok.eq_ignore_ascii_case(b"a.m") || tok.eq_ignore_ascii_case(b"p.m") {
            return Abbr::Time;
        }
        return Abbr::Weak;
    }
    if n == 1 {
        return if tok[0].is_ascii_alphabetic() {
            Abbr::Weak
        } else {
            Abbr::Word
        };
    }
    if n > 7 {
        return Abbr::Word;
    }
    let all_lower = tok.iter().all(u8::is_ascii_lowercase);
    let all_upper = tok.iter().all(u8::is_ascii_uppercase);
    let capitalized = tok[0].is_ascii_uppercase() && tok[1..].iter().all(u8::is_ascii_lowercase);
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(tok) {
        *d = s.to_ascii_lowercase();
    }
    let low = &buf[..n];
    match low {
        // Titles and ranks: written capitalized; lowercase only in lowercase text.
        b"mr" | b"mrs" | b"ms" | b"dr" | b"prof" | b"sen" | b"sens" | b"rep" | b"reps" | b"gov"
        | b"govs" | b"gen" | b"gens" | b"lt" | b"col" | b"capt" | b"cpt" | b"sgt" | b"maj"
        | b"adm" | b"cmdr" | b"cdr" | b"rev" | b"revd" | b"hon" | b"pres" | b"supt" | b"det"
        | b"insp" | b"cpl" | b"pvt" | b"pte" | b"messrs" | b"mme" | b"brig" | b"atty" | b"rt"
        | b"fr" | b"sra" | b"mlle" => {
            if capitalized || (all_lower && lower_mode) {
                Abbr::Strong
            } else {
                Abbr::Word
            }
        }
        // Places, companies, generations, months: can end a sentence.
        b"st" | b"jr" | b"sr" | b"mt" | b"ft" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ"
        | b"assn" | b"bros" | b"inc" | b"corp" | b"co" | b"ltd" | b"plc" | b"cos" | b"esq"
        | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => {
            if capitalized || all_upper || (all_lower && lower_mode) {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        // Written in lowercase.
        b"vs" | b"cf" | b"viz" => {
            if all_lower || capitalized {
                Abbr::Strong
            } else {
                Abbr::Word
            }
        }
        b"etc" => {
            if all_lower || capitalized {
                Abbr::Trailing
            } else {
                Abbr::Word
            }
        }
        b"al" | b"approx" | b"ca" | b"est" | b"incl" => {
            if all_lower || capitalized {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        b"no" | b"nos" | b"nr" | b"vol" | b"fig" | b"art" | b"ch" | b"pt" | b"op" | b"pp" => {
            Abbr::Number
        }
        // US states in AP style: only when capitalized (`ill.`, `mass.` are words).
        b"ala" | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga"
        | b"ill" | b"ind" | b"kan" | b"kans" | b"ky" | b"la" | b"md" | b"mass" | b"mich"
        | b"minn" | b"miss" | b"mo" | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa"
        | b"penn" | b"tenn" | b"tex" | b"va" | b"vt" | b"wash" | b"wis" | b"wyo" => {
            if capitalized {
                Abbr::Weak
            } else {
                Abbr::Word
            }
        }
        _ => Abbr::Word,
    }
}

/// Capitalized words that commonly open a sentence and rarely continue a name
/// after `U.S.`, `Inc.` or `Jr.`.
pub(super) const STARTERS: &[&[u8]] = &[
    b"A",
    b"About",
    b"According",
    b"After",
    b"Again",
    b"All",
    b"Also",
    b"Although",
    b"Among",
    b"An",
    b"And",
    b"Another",
    b"Are",
    b"As",
    b"At",
    b"Authorities",
    b"Because",
    b"Before",
    b"Both",
    b"But",
    b"Can",
    b"Despite",
    b"Did",
    b"During",
    b"Each",
    b"Earlier",
    b"Even",
    b"Every",
    b"For",
    b"From",
    b"He",
    b"Her",
    b"Here",
    b"His",
    b"How",
    b"However",
    b"I",
    b"If",
    b"In",
    b"Instead",
    b"Is",
    b"It",
    b"Its",
    b"Last",
    b"Later",
    b"Many",
    b"Meanwhile",
    b"More",
    b"Most",
    b"My",
    b"Now",
    b"Officials",
    b"On",
    b"One",
    b"Only",
    b"Our",
    b"She",
    b"Since",
    b"So",
    b"Some",
    b"Still",
    b"That",
    b"The",
    b"Their",
    b"Then",
    b"There",
    b"These",
    b"They",
    b"This",
    b"Those",
    b"Though",
    b"Thus",
    b"To",
    b"We",
    b"What",
    b"When",
    b"Where",
    b"While",
    b"Why",
    b"With",
    b"Yet",
    b"You",
];

/// Lowercase openers trusted after an abbreviation in lowercase text.
pub(super) const LOWER_STARTERS: &[&[u8]] = &[
    b"but",
    b"he",
    b"her",
    b"his",
    b"however",
    b"i",
    b"it",
    b"its",
    b"meanwhile",
    b"our",
    b"she",
    b"the",
    b"their",
    b"then",
    b"there",
    b"these",
    b"they",
    b"this",
    b"we",
    b"you",
];

/// Words after `a.m.` / `p.m.` that continue the time expression.
pub(super) const TIME_FOLLOWERS: &[&[u8]] = &[
    b"BST",
    b"CET",
    b"CST",
    b"CDT",
    b"EDT",
    b"EST",
    b"ET",
    b"Eastern",
    b"GMT",
    b"Friday",
    b"Local",
    b"Monday",
    b"PDT",
    b"PST",
    b"PT",
    b"Pacific",
    b"Saturday",
    b"Sunday",
    b"Thursday",
    b"Tuesday",
    b"UTC",
    b"Wednesday",
];

/// Source tags that make `(TAG)` at the head of a paragraph a dateline.
pub(super) const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "BBC",
    "Billboard",
    "Bloomberg",
    "CNET",
    "CNN",
    "CNN Money",
    "CNN Student News",
    "CNNMoney",
    "EW",
    "Entertainment Weekly",
    "Fortune",
    "HLN",
    "HLNtv",
    "Mashable",
    "PA",
    "Reuters",
    "Rolling Stone",
    "TIME",
    "The Hollywood Reporter",
    "UPI",
    "Variety",
    "WIRED",
    "Xinhua",
];

/// Words that end a byline (`..., CNN`, `... for MailOnline`).
pub(super) const OUTLETS: &[&[u8]] = &[
    b"AFP",
    b"AP",
    b"BBC",
    b"CNN",
    b"Correspondent",
    b"Editor",
    b"Guardian",
    b"MailOnline",
    b"Mail",
    b"News",
    b"Online",
    b"Post",
    b"Press",
    b"Reporter",
    b"Reporters",
    b"Reuters",
    b"Telegraph",
    b"Times",
    b"Writer",
];

/// Words that end a photo credit (`Photo: Getty Images`).
pub(super) const CREDIT_ENDS: &[&[u8]] = &[
    b"AFP",
    b"AP",
    b"Alamy",
    b"Corbis",
    b"EPA",
    b"Features",
    b"Images",
    b"PA",
    b"Reuters",
    b"Rex",
    b"Shutterstock",
];

pub(super) const MONTHS: &[&[u8]] = &[
    b"apr",
    b"april",
    b"aug",
    b"august",
    b"dec",
    b"december",
    b"feb",
    b"february",
    b"jan",
    b"january",
    b"jul",
    b"july",
    b"jun",
    b"june",
    b"mar",
    b"march",
    b"may",
    b"nov",
    b"november",
    b"oct",
    b"october",
    b"sep",
    b"sept",
    b"september",
];

pub(super) const STAMP_WORDS: &[&[u8]] = &[
    b"am",
    b"at",
    b"bst",
    b"cet",
    b"edt",
    b"est",
    b"et",
    b"friday",
    b"gmt",
    b"monday",
    b"on",
    b"pm",
    b"pst",
    b"saturday",
    b"sunday",
    b"thursday",
    b"tuesday",
    b"utc",
    b"wednesday",
];

/// Months in the languages that write a day as an ordinal with a period
/// (`1. März`, `3. května`): German, Danish, Norwegian and Czech spellings,
/// lowercased. English ones that differ are left out (`was 2. March
/// will tell` is two sentences).
pub(super) const ORDINAL_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "marts",
    "maj",
    "mars",
    "desember",
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
];

/// True when the text before the period at `i` is a day's number: one or
/// two digits after a space (or the sentence's start).
pub(super) fn day_ordinal(b: &[u8], start: usize, i: usize) -> bool {
    let mut t = i;
    while t > start && b[t - 1].is_ascii_digit() {
        t -= 1;
    }
    (1..=2).contains(&(i - t)) && (t == start || b[t - 1] == b' ')
}

/// True when the word at byte `p` of `text` is a month name.
pub(super) fn is_month_name(text: &str, p: usize) -> bool {
    let word: String = text
        .get(p..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    ORDINAL_MONTHS.contains(&word.as_str())
}

#[inline]
pub(super) fn in_list(list: &[&[u8]], w: &[u8]) -> bool {
    list.contains(&w)
}
