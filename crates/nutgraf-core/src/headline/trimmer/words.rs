//! Word classes and word lists the trimming rules read: dangling words, verbs of saying, past tenses and participles.

use super::*;

/// Word classes the rules need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Other,
    Article,
    Have,
    Be,
    Been,
    Modal,
    Prep,
    Sub,
    Cond,
    Coord,
    Rel,
    To,
    Of,
    Attr,
    TimeLead,
    TimeNoun,
    Adverb,
    Dangling,
}

pub(super) fn class(lw: &str) -> Class {
    use Class::*;
    match lw {
        "the" | "a" | "an" => Article,
        "has" | "have" | "had" => Have,
        "is" | "are" | "was" | "were" => Be,
        "been" => Been,
        "will" | "would" | "could" | "should" | "can" | "may" | "might" | "must" | "be"
        | "being" => Modal,
        "to" => To,
        "of" => Of,
        "in" | "on" | "at" | "for" | "with" | "by" | "from" | "into" | "over" | "under"
        | "against" | "during" | "about" | "among" | "between" | "through" | "without"
        | "within" | "across" | "near" | "than" | "per" | "via" | "towards" | "toward"
        | "behind" | "beyond" | "upon" | "onto" | "amongst" | "including" | "ahead" | "around"
        | "up" | "down" => Prep,
        "after" | "as" | "because" | "while" | "when" | "since" | "although" | "though"
        | "whereas" | "following" | "despite" | "amid" | "amidst" | "before" | "until" | "once"
        | "but" | "yet" | "so" => Sub,
        "whether" | "unless" | "if" => Cond,
        "and" | "or" | "nor" | "plus" => Coord,
        "which" | "who" | "whose" | "whom" | "where" | "that" | "what" | "how" | "why" => Rel,
        "said" | "says" | "say" | "told" | "tells" | "warned" | "warns" | "reported"
        | "reports" | "show" | "shows" | "showed" | "shown" | "suggest" | "suggests"
        | "suggested" | "found" | "finds" | "claimed" | "claims" | "believe" | "believes"
        | "believed" | "announced" | "according" | "added" | "adds" | "confirmed" | "revealed"
        | "insisted" | "stated" | "admitted" | "argued" | "argues" | "predicted" | "predicts"
        | "estimated" | "estimates" | "concluded" | "noted" | "explained" | "writes" | "wrote"
        | "reveals" | "confirms" | "heard" | "learnt" | "learned" | "understands" | "insists"
        | "hopes" | "hoped" | "fears" | "feared" | "thinks" | "expects" | "expected" | "admits"
        | "denied" | "denies" => Attr,
        "last" | "this" | "next" | "earlier" | "later" | "late" | "early" => TimeLead,
        "week" | "weekend" | "month" | "months" | "year" | "morning" | "afternoon" | "evening"
        | "night" | "january" | "february" | "march" | "april" | "june" | "july" | "august"
        | "september" | "october" | "november" | "december" | "weeks" => TimeNoun,
        "also" | "already" | "now" | "just" | "finally" | "recently" | "still" | "again"
        | "reportedly" | "officially" => Adverb,
        "not" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "very" | "more"
        | "most" | "such" | "these" | "those" | "no" | "do" | "does" | "did" | "only" | "even"
        | "both" | "each" | "every" | "it" | "there" | "s" | "any" | "some" | "he" | "she"
        | "they" | "we" | "i" | "you" | "itself" => Dangling,
        _ => Other,
    }
}

/// True for a word no headline may end with.
pub(super) fn dangles(w: &Word) -> bool {
    use Class::*;
    matches!(
        w.class,
        Article
            | Have
            | Be
            | Been
            | Modal
            | Prep
            | Sub
            | Cond
            | Coord
            | Rel
            | To
            | Of
            | Dangling
            | TimeLead
    ) || (w.class == Attr && w.according)
        || w.class == Adverb
        || w.ly
        || w.possessive
        || w.wants_to
        || w.reports
}

/// Words that need the `to` after them (`will be able to`, `set to`).
pub(super) fn wants_to(lw: &str) -> bool {
    matches!(
        lw,
        "able"
            | "unable"
            | "likely"
            | "unlikely"
            | "set"
            | "due"
            | "poised"
            | "ready"
            | "going"
            | "expected"
            | "bound"
            | "keen"
            | "willing"
            | "eager"
            | "trying"
            | "seeking"
            | "planning"
            | "aiming"
            | "hoping"
            | "want"
            | "wants"
            | "plans"
            | "plan"
            | "need"
            | "needs"
            | "forced"
            | "allowed"
            | "urged"
            | "asked"
            | "decided"
            | "agreed"
            | "failed"
            | "refused"
            | "threatened"
            | "tried"
            | "began"
            | "continue"
            | "continues"
            | "is"
            | "are"
            | "used"
            | "about"
            | "order"
            | "enough"
            | "determined"
            | "prepared"
            | "reluctant"
            | "free"
    )
}

/// Nouns in `-ly` (an adverb in `-ly` cannot end a headline, these can).
pub(super) fn ly_noun(lw: &str) -> bool {
    matches!(
        lw,
        "family"
            | "assembly"
            | "supply"
            | "reply"
            | "rally"
            | "anomaly"
            | "monopoly"
            | "bully"
            | "folly"
            | "melancholy"
            | "belly"
            | "jelly"
            | "ally"
    )
}

/// Past participles that read as the past tense too (`has won` → `won`).
pub(super) fn irregular_past(lw: &str) -> bool {
    matches!(
        lw,
        "made"
            | "won"
            | "lost"
            | "said"
            | "told"
            | "left"
            | "got"
            | "set"
            | "put"
            | "cut"
            | "hit"
            | "paid"
            | "sold"
            | "bought"
            | "built"
            | "brought"
            | "held"
            | "kept"
            | "led"
            | "met"
            | "struck"
            | "spent"
            | "found"
            | "sent"
            | "lent"
            | "dealt"
            | "felt"
            | "heard"
            | "meant"
            | "shut"
            | "split"
            | "spread"
            | "bid"
            | "quit"
            | "hurt"
            | "caught"
            | "taught"
            | "thought"
            | "sought"
            | "fought"
            | "stood"
            | "understood"
            | "swept"
            | "hung"
            | "stuck"
            | "dug"
            | "spun"
            | "upheld"
            | "beat"
            | "let"
    )
}

/// True for a past participle (after `been`, `is`: a passive).
pub(super) fn participle(lw: &str) -> bool {
    (lw.len() > 3 && (lw.ends_with("ed") || lw.ends_with("en") || lw.ends_with("wn")))
        || irregular_past(lw)
        || matches!(
            lw,
            "seen"
                | "begun"
                | "become"
                | "shown"
                | "grown"
                | "thrown"
                | "drawn"
                | "known"
                | "flown"
                | "run"
                | "come"
                | "gone"
                | "done"
                | "overcome"
                | "withdrawn"
        )
}

/// True for a participle that reads as the past tense once `has` is dropped
/// (`has posted` → `posted`, but not `has fallen` → `fallen`).
pub(super) fn past_tense(lw: &str) -> bool {
    (lw.len() > 3 && lw.ends_with("ed")) || irregular_past(lw)
}

/// Verbs of saying and thinking that take a clause (`said that ...`).
pub(super) fn reporting(lw: &str) -> bool {
    matches!(
        lw,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "warned"
            | "warns"
            | "believes"
            | "believe"
            | "claimed"
            | "claims"
            | "hopes"
            | "hoped"
            | "fears"
            | "feared"
            | "thinks"
            | "expects"
            | "insists"
            | "insisted"
            | "admits"
            | "admitted"
            | "argued"
            | "argues"
            | "predicted"
            | "predicts"
            | "suggested"
            | "suggests"
            | "revealed"
            | "confirmed"
            | "denied"
            | "telling"
    )
}
