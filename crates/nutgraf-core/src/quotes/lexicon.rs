//! Attribution cues: verbs of saying and their objects.

use super::phrase;
use super::token::{starts_upper, Tok, TokKind};
use super::wordset::{self, WordSet};
use crate::analyze::ascii_lower;
use crate::Span;

/// Verbs of saying, writing and asserting, in the forms news uses; base
/// forms that are mostly nouns (`claim`, `state`, `note`, `report`) are left
/// out.
const CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "claims",
    "claimed",
    "claiming",
    "argue",
    "argues",
    "argued",
    "arguing",
    "insist",
    "insists",
    "insisted",
    "notes",
    "noted",
    "explain",
    "explains",
    "explained",
    "warn",
    "warns",
    "warned",
    "announce",
    "announces",
    "announced",
    "declare",
    "declares",
    "declared",
    "deny",
    "denies",
    "denied",
    "admit",
    "admits",
    "admitted",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "suggest",
    "suggests",
    "suggested",
    "reports",
    "reported",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "tweets",
    "tweeted",
    "stated",
    "assert",
    "asserts",
    "asserted",
    "contend",
    "contends",
    "contended",
    "maintain",
    "maintains",
    "maintained",
    "emphasized",
    "stressed",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "vowed",
    "vows",
    "urged",
    "urges",
    "recalled",
    "recalls",
    "complained",
    "complains",
    "joked",
    "alleged",
    "alleges",
    "testified",
    "observed",
    "agreed",
    "asked",
    "asks",
    "continued",
    "pointed",
    "writes",
    "cautioned",
    "called",
    "calls",
    "calling",
    "described",
    "echoed",
    "cited",
    "citing",
    "criticized",
    "blamed",
    "accused",
    "accuses",
    "lauded",
    "praised",
    "condemned",
    "scolded",
    "slammed",
    "blasted",
    "characterized",
    "labeled",
    "dubbed",
    "hailed",
    "touted",
    "defended",
    "dismissed",
    "mocked",
    "questioned",
    "pledged",
    "proposed",
    "rejected",
    "demanded",
    "estimated",
    "wondered",
    "exhorted",
    "implored",
    "shouted",
    "yelled",
    "exclaimed",
    "quipped",
    "remarked",
    "mused",
    "retorted",
    "snapped",
    "boasted",
    "bragged",
    "lamented",
    "recounted",
    "reiterated",
    "reiterates",
    "branded",
    "likened",
    "proclaimed",
    "reads",
    "countered",
    "interjected",
    "opined",
    "speculated",
    "pleaded",
    "decried",
    "denounced",
    "lambasted",
    "derided",
    "ridiculed",
    "chided",
    "assailed",
    "whispered",
    "posted",
    "emailed",
    "texted",
    "assured",
    "assures",
    "chanted",
    "chanting",
    "boomed",
];

/// Cues of belief and finding, and verbs that are often nouns or mean
/// something else (`claims`, `states`, `charged`), which count only with
/// `that` after them: `polls show that ...`, `she believes that ...`.
const WEAK_CUES: [&str; 22] = [
    "believe", "believes", "believed", "think", "thinks", "thought", "found", "finds", "show",
    "shows", "showed", "know", "knows", "knew", "feel", "feels", "felt", "fear", "fears",
    "expects", "states", "charged",
];

/// Objects of `told`, `wrote` and the like: `told reporters`, `told CNN`.
const OBJECTS: WordSet<12> = WordSet::new([
    "reporters",
    "me",
    "us",
    "him",
    "her",
    "them",
    "supporters",
    "journalists",
    "voters",
    "listeners",
    "viewers",
    "crowd",
]);

/// Lowercase copy of a short token, without allocating; `None` for words
/// longer than any in our lists.
pub(super) struct Lower {
    buf: [u8; 16],
    len: usize,
    /// The word packed for [`WordSet`] look-ups (0 for none).
    key: u128,
}

impl Lower {
    /// The lowercase word.
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

pub(super) fn lower(text: &str, t: &Tok) -> Lower {
    let w = t.slice(text).as_bytes();
    let Some(x) = ascii_lower(w) else {
        return Lower {
            buf: [0; 16],
            len: 0,
            key: 0,
        };
    };
    // Zero-padded bytes and the length on top: `wordset::pack`'s form.
    let key = if w.len() <= wordset::MAX_LEN {
        x | (w.len() as u128) << 120
    } else {
        0
    };
    Lower {
        buf: x.to_le_bytes(),
        len: w.len(),
        key,
    }
}

/// True for a headline in Title Case: under 30 words, most words of four
/// letters or more capitalized.
pub fn is_title_case(text: &str, toks: &[Tok]) -> bool {
    let (mut words, mut long, mut upper) = (0usize, 0usize, 0usize);
    for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
        words += 1;
        if words >= 30 {
            return false;
        }
        let w = t.slice(text);
        if w.chars().nth(3).is_some() {
            long += 1;
            upper += usize::from(starts_upper(w));
        }
    }
    long >= 3 && upper * 10 >= long * 7
}

/// [`Tok::class`] bit: a verb of saying (any case).
pub(super) const CLASS_CUE: u8 = 1;
/// [`Tok::class`] bit: a cue of belief, which needs `that` after it.
const CLASS_WEAK: u8 = 2;
/// [`Tok::class`] bit: `pointed`, which needs `out` after it.
const CLASS_POINTED: u8 = 4;
/// [`Tok::class`] bit: a candidate of the built-in cue tagger
/// ([`super::tagger`]), in any case.
pub(super) const CLASS_CANDIDATE: u8 = 8;

/// [`Tok::class`] bit: one of the built-in verbs of saying (`CUES`), not a
/// learned cue.
pub(super) const CLASS_SAYING: u8 = 16;

/// The cue class of a word, for [`Tok::class`]: one set look-up per word
/// of a document instead of one per rule that asks.
pub fn word_class(word: &str) -> u8 {
    // Every cue is 3 to 12 ASCII letters.
    if !(3..=12).contains(&word.len()) || !word.is_ascii() {
        return 0;
    }
    // Most words share no (length, first two letters) with any cue: no
    // hashing.
    let b = word.as_bytes();
    let first = b[0].to_ascii_lowercase().wrapping_sub(b'a');
    let second = b[1].to_ascii_lowercase().wrapping_sub(b'a');
    if first >= 26
        || second >= 26
        || CLASS_SHAPES[word.len()][usize::from(first)] & (1 << second) == 0
    {
        return 0;
    }
    let Some(x) = ascii_lower(b) else {
        return 0;
    };
    // `wordset::pack`'s form (12 bytes at most).
    let key = x | (word.len() as u128) << 120;
    CLASSES.get(&key).map_or(0, |&(_, class)| class)
}

/// Every cue and weak cue, lowercased, with its class bits.
/// Keyed by the packed word (`wordset::pack`), with the word itself.
static CLASSES: std::sync::LazyLock<rustc_hash::FxHashMap<u128, (&'static [u8], u8)>> =
    std::sync::LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::default();
        let mut add = |w: &'static str, class: u8| {
            if let Some(key) = wordset::pack(w.as_bytes()) {
                m.entry(key).or_insert((w.as_bytes(), 0)).1 |= class;
            }
        };
        for w in CUES {
            add(w, CLASS_CUE | CLASS_SAYING);
        }
        for w in WEAK_CUES {
            add(w, CLASS_WEAK);
        }
        add("pointed", CLASS_POINTED);
        for w in learned_cues(LEARNED_CUES) {
            add(w, CLASS_CUE);
        }
        for w in super::tagger::builtin_candidates() {
            add(w, CLASS_CANDIDATE);
        }
        m
    });

/// The cues learned from PolNeAR train by `nutgraf train-quotes`
/// ([`learn_cues`]): verbs and phrases of attribution beyond the verbs of
/// saying (`endorsed`, `declined`, `seemed`, `touted`...), which read as
/// cues like the verbs of saying in `CUES`.
pub const LEARNED_CUES: &str = include_str!("../../models/quote-cues.tsv");

/// Fewest times a word must open or sit in a gold cue to be learned.
pub const LEARNED_MIN_CUES: u32 = 8;

/// Least share of a word's occurrences that must be in a gold cue for it to
/// be learned.
pub const LEARNED_MIN_RATE: f64 = 0.4;

/// The words of a learned-cue table ([`learn_cues`]'s output): the first
/// field of each line that is not a `#` comment.
pub fn learned_cues(table: &str) -> impl Iterator<Item = &str> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|w| (3..=12).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// True for a word some rule already gives a role (a cue, an opener, a
/// determiner, `according`...): learning never relabels it.
fn is_known(w: &str) -> bool {
    let lists: [&[&str]; 14] = [
        CUES,
        &WEAK_CUES,
        OBJECTS.words(),
        TELL.words(),
        OPENERS.words(),
        DETERMINERS.words(),
        AFTER_SUBJECT.words(),
        ADJECTIVE_PARTICIPLES.words(),
        CLAUSE_OPENERS.words(),
        NON_SUBJECT.words(),
        SUBORDINATORS.words(),
        phrase::SKIPPED_OPENERS.words(),
        phrase::NO_SPEAKER_OPENERS.words(),
        phrase::SPEAKER_PRONOUNS.words(),
    ];
    matches!(
        w,
        "according" | "pointed" | "that" | "out" | "this" | "from" | "by"
    ) || lists.iter().any(|l| l.contains(&w))
}

/// Learns cue words from annotated texts: each text with the character
/// spans of its gold cues. A word (3 to 12 ASCII letters, lowercased) is
/// learned when at least [`LEARNED_MIN_CUES`] of its occurrences, and at
/// least [`LEARNED_MIN_RATE`] of them, start inside a gold cue, and no rule
/// knows it already. Returns the table that [`LEARNED_CUES`] holds: a
/// comment, then `word<TAB>in a cue<TAB>occurrences`, sorted by word.
pub fn learn_cues<'a>(texts: impl IntoIterator<Item = (&'a str, &'a [(usize, usize)])>) -> String {
    let mut counts: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    for (text, cues) in texts {
        let mut chars = text.char_indices().enumerate().peekable();
        while let Some((ci, (bi, c))) = chars.next() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            let mut end = bi + 1;
            while let Some(&(_, (b, c))) = chars.peek() {
                if !c.is_ascii_alphabetic() {
                    break;
                }
                end = b + 1;
                chars.next();
            }
            let word = text[bi..end].to_ascii_lowercase();
            let in_cue = cues.iter().any(|&(a, b)| a <= ci && ci < b);
            let e = counts.entry(word).or_default();
            e.0 += u32::from(in_cue);
            e.1 += 1;
        }
    }
    let mut out = format!(
        "# Cue words learned by `nutgraf train-quotes` from PolNeAR gold cues: word, times in a cue, occurrences.\n\
         # Kept: at least {LEARNED_MIN_CUES} times in a cue, in at least {LEARNED_MIN_RATE} of its occurrences, 3 to 12 letters, no rule's word.\n"
    );
    for (w, (cue, occ)) in counts {
        if cue >= LEARNED_MIN_CUES
            && f64::from(cue) >= LEARNED_MIN_RATE * f64::from(occ)
            && (3..=12).contains(&w.len())
            && !is_known(&w)
        {
            out.push_str(&format!("{w}\t{cue}\t{occ}\n"));
        }
    }
    out
}

/// For each word length and first letter, a bit per second letter that
/// some cue has.
static CLASS_SHAPES: std::sync::LazyLock<[[u32; 26]; 13]> = std::sync::LazyLock::new(|| {
    let mut shapes = [[0u32; 26]; 13];
    for (w, _) in CLASSES.values() {
        let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
            continue;
        };
        let (a, b) = (a.wrapping_sub(b'a'), b.wrapping_sub(b'a'));
        if let Some(s) = shapes.get_mut(w.len()).filter(|_| a < 26 && b < 26) {
            s[usize::from(a)] |= 1 << b;
        }
    }
    shapes
});

/// True when token `t`, lowercased, is one of `list`'s words.
pub(super) fn listed<const N: usize>(list: &WordSet<N>, text: &str, t: &Tok) -> bool {
    list.has_key(lower(text, t).key)
}

/// True when token `t` (any case) is a verb of saying: names stop there.
pub fn is_cue_word(t: &Tok) -> bool {
    t.class & CLASS_CUE != 0
}

/// A word class without the cue tagger's candidate bit: what the rules'
/// lists say of the word, the same whichever tagger is built in (the
/// speaker chooser and the confidence model read it).
pub fn rule_class(class: u8) -> u8 {
    class & !(CLASS_CANDIDATE | CLASS_SAYING)
}

/// Reads token `t` as a cue from here on (the cue tagger's verdict).
pub(super) fn mark_cue(t: &mut Tok) {
    t.class |= CLASS_CUE;
}

/// A cue at token `k`: its span and the index of the token after it.
/// `pointed` needs `out`; weak cues need `that` next.
pub fn cue_at(text: &str, toks: &[Tok], k: usize) -> Option<(Span, usize)> {
    // Verbs of saying are lowercase in running text (`State` is a name),
    // capitalized in Title Case headlines.
    let t = toks
        .get(k)
        .filter(|t| t.kind == TokKind::Word && (!starts_upper(t.slice(text)) || t.title_case))?;
    if t.class == 0 {
        return None;
    }
    // `Despite continued violence`, `the reported attack`: after a
    // preposition or determiner a participle is an adjective, not a verb
    // (nouns stay cues: `his claim that`).
    if k > 0
        && t.slice(text).ends_with("ed")
        && ADJECTIVE_AFTER.has_key(lower(text, &toks[k - 1]).key)
    {
        return None;
    }
    // `The strike was called off`: a phrasal verb, not a cue.
    if toks.get(k + 1).is_some_and(|n| lower(text, n) == "off") {
        return None;
    }
    // `continued to assert` is an attribution, `continued to launch
    // attacks` is none: before `to`, `continued` is a cue only when the verb
    // after it may be one (PolNeAR train: a gold cue in 17 of 28 uses of
    // `continued to`, all before a verb of saying or arguing).
    if lower(text, t) == "continued"
        && toks.get(k + 1).is_some_and(|n| lower(text, n) == "to")
        && toks
            .get(k + 2)
            .is_none_or(|v| v.class & (CLASS_CUE | CLASS_WEAK | CLASS_CANDIDATE) == 0)
    {
        return None;
    }
    // `the statement said`: a learned cue (a noun, often) right before a
    // verb of saying is that verb's subject, not a cue.
    if t.class & CLASS_SAYING == 0
        && toks
            .get(k + 1)
            .is_some_and(|n| n.class & CLASS_SAYING != 0 && !starts_upper(n.slice(text)))
    {
        return None;
    }
    if t.class & CLASS_POINTED != 0 {
        let next = toks.get(k + 1)?;
        return (lower(text, next) == "out").then(|| (Span::new(t.start, next.end), k + 2));
    }
    if t.class & CLASS_CUE != 0 {
        return Some((Span::new(t.start, t.end), k + 1));
    }
    if t.class & CLASS_WEAK != 0 {
        let next = toks.get(k + 1)?;
        return (lower(text, next) == "that").then(|| (Span::new(t.start, t.end), k + 1));
    }
    None
}

/// Words after which a cue word is an adjective (`despite continued`).
const ADJECTIVE_AFTER: WordSet<14> = WordSet::new([
    "despite", "amid", "the", "a", "an", "its", "their", "his", "her", "our", "of", "with",
    "without", "against",
]);

/// `according to` at token `k`: its span and the index after it.
pub fn according_to(text: &str, toks: &[Tok], k: usize) -> Option<(Span, usize)> {
    let (a, b) = (toks.get(k)?, toks.get(k + 1)?);
    (lower(text, a) == "according" && lower(text, b) == "to")
        .then(|| (Span::new(a.start, b.end), k + 2))
}

/// True for a word that can be the object of a cue (`reporters`, `CNN`).
pub fn is_cue_object(text: &str, t: &Tok) -> bool {
    t.kind == TokKind::Word && (OBJECTS.has_key(lower(text, t).key) || starts_upper(t.slice(text)))
}

/// True for a cue whose object is the listener (`told`, `asked`).
pub fn is_tell(text: &str, t: &Tok) -> bool {
    TELL.has_key(lower(text, t).key)
}

/// Cues whose object is the listener: `told reporters ...`.
const TELL: WordSet<10> = WordSet::new([
    "tell", "tells", "told", "telling", "asked", "asks", "warned", "assured", "reminded",
    "informed",
]);

/// From the token after a cue, skips its object to where the reported
/// content starts: `told reporters on Monday [that content]`,
/// `told reporters [content]`, `said [content]`. `after` is the token after
/// the cue, which is the token before it.
pub fn skip_cue_object(text: &str, toks: &[Tok], after: usize, limit: usize) -> usize {
    // `that` within the next seven words, with no punctuation before it.
    for (k, t) in toks.iter().enumerate().skip(after).take(8) {
        if t.start >= limit || t.kind != TokKind::Word {
            break;
        }
        if lower(text, t) == "that" {
            // PolNeAR's content spans start at the complementizer.
            return k;
        }
    }
    let tells = after
        .checked_sub(1)
        .and_then(|c| toks.get(c))
        .is_some_and(|c| TELL.has_key(lower(text, c).key));
    if !tells {
        return after;
    }
    // The listener: `reporters`, `CNN`, `The Washington Post`.
    let mut k = after;
    while k < toks.len() && toks[k].start < limit && is_cue_object(text, &toks[k]) {
        if k - after >= 5 {
            return after;
        }
        k += 1;
    }
    k
}

/// Words that open an adverbial phrase before a sentence's subject:
/// `During a May interview, ...`, `In contrast, ...`.
pub(super) const OPENERS: WordSet<35> = WordSet::new([
    "to",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "following",
    "as",
    "while",
    "when",
    "although",
    "though",
    "since",
    "with",
    "despite",
    "over",
    "under",
    "from",
    "by",
    "amid",
    "for",
    "if",
    "because",
    "unlike",
    "like",
    "until",
    "last",
    "earlier",
    "later",
    "speaking",
    "asked",
    "without",
    "throughout",
    "instead",
]);

/// True for a word (any case) that opens an adverbial phrase.
pub fn is_adverbial_opener(text: &str, t: &Tok) -> bool {
    listed(&OPENERS, text, t)
}

/// Determiners and quantifiers that open a noun phrase.
const DETERMINERS: WordSet<21> = WordSet::new([
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "some", "many", "several", "other", "both", "most", "only", "few",
]);

/// True for a determiner (any case).
pub fn is_determiner(text: &str, t: &Tok) -> bool {
    listed(&DETERMINERS, text, t)
}

/// Raising verbs, and `known`: `X is expected to ...`, `X seems to ...`,
/// `X is known for ...` name no one who said anything.
const RAISING: WordSet<8> = WordSet::new([
    "expected", "seem", "seems", "seemed", "appear", "appears", "appeared", "known",
]);

/// True for a raising verb or `known` (any case).
pub fn is_raising(text: &str, t: &Tok) -> bool {
    listed(&RAISING, text, t)
}

/// Forms of `be`, as before a passive participle.
const BE: WordSet<8> = WordSet::new(["is", "are", "was", "were", "be", "been", "being", "am"]);

/// True for a form of `be` (any case).
pub fn is_be(text: &str, t: &Tok) -> bool {
    listed(&BE, text, t)
}

/// Possessive determiners.
const POSSESSIVES: WordSet<6> = WordSet::new(["his", "her", "their", "its", "our", "my"]);

/// True for a possessive determiner (any case): `her criticism` is hers.
pub fn is_possessive(text: &str, t: &Tok) -> bool {
    listed(&POSSESSIVES, text, t)
}

/// Auxiliaries and adverbs that follow a subject.
const AFTER_SUBJECT: WordSet<24> = WordSet::new([
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "did",
    "does", "do", "also", "then", "never", "may", "might", "should", "must", "who", "which",
    "that",
]);

/// True when token `k` looks like the verb after a subject: an
/// auxiliary, a cue, or a lowercase word in `-ed`.
pub fn is_verb_like(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let w = t.slice(text);
    if starts_upper(w) {
        return false;
    }
    let l = lower(text, t);
    AFTER_SUBJECT.has_key(l.key)
        || is_cue_word(t)
        || (w.len() > 4 && w.ends_with("ed") && !is_adjective_participle(text, t))
}

/// Participles in `-ed` that news puts before a noun as adjectives:
/// `retired neurosurgeon`, `embattled mayor`.
const ADJECTIVE_PARTICIPLES: WordSet<22> = WordSet::new([
    "retired",
    "alleged",
    "accused",
    "embattled",
    "unnamed",
    "elected",
    "indicted",
    "convicted",
    "disgraced",
    "unidentified",
    "detained",
    "jailed",
    "ousted",
    "beleaguered",
    "celebrated",
    "acclaimed",
    "renowned",
    "respected",
    "wounded",
    "injured",
    "married",
    "appointed",
]);

/// True for an `-ed` word that is usually an adjective before a noun.
pub fn is_adjective_participle(text: &str, t: &Tok) -> bool {
    listed(&ADJECTIVE_PARTICIPLES, text, t)
}

/// Conjunctions and subordinators that open a new clause.
const CLAUSE_OPENERS: WordSet<14> = WordSet::new([
    "but", "and", "or", "while", "whereas", "though", "although", "because", "so", "yet", "if",
    "unless", "when", "since",
]);

/// True for a word (any case) that opens a new clause (`but`, `while`).
pub fn is_clause_opener(text: &str, t: &Tok) -> bool {
    listed(&CLAUSE_OPENERS, text, t)
}

/// Words that never open a subject: prepositions not in [`OPENERS`],
/// object pronouns, and verbs that take no speaker before them.
const NON_SUBJECT: WordSet<14> = WordSet::new([
    "to", "of", "into", "about", "onto", "upon", "him", "them", "me", "us", "let", "per", "via",
    "than",
]);

/// True for a word (any case) that cannot open a speaker phrase.
pub fn is_non_subject(text: &str, t: &Tok) -> bool {
    // `US officials`: an acronym, not the pronoun.
    let w = t.slice(text);
    let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    !acronym && listed(&NON_SUBJECT, text, t)
}

/// Words that open a subordinate clause before the main one.
const SUBORDINATORS: WordSet<11> = WordSet::new([
    "while", "although", "though", "as", "because", "since", "if", "when", "after", "before",
    "whereas",
]);

/// True for a word (any case) that opens a subordinate clause.
pub fn is_subordinator(text: &str, t: &Tok) -> bool {
    listed(&SUBORDINATORS, text, t)
}
