#!/usr/bin/env python3
"""Generate ROUGE parity expectations for nutgraf's Rust ROUGE (crates/nutgraf-train/src/rouge.rs).

Regenerate (needs `pip install rouge-score==0.1.2`, which pulls in nltk):

    python3 scripts/gen_rouge_reference.py
    cargo test -p nutgraf-train --test rouge_parity

Writes crates/nutgraf-train/tests/data/rouge_reference.json. Every text is synthetic: built here
from our own word lists and templates with a fixed seed, never copied from a dataset, so the
output is the same on every run. The pairs cover what can go wrong in a port: several bullets per
side, blank lines between bullets, shared and unshared words, repeats (clipped n-gram counts),
inflections that stem together, numbers, punctuation, hyphens, apostrophes, curly quotes,
non-ASCII letters ('İ' and the Kelvin sign lowercase to ASCII; the rest vanish), emoji and CJK,
"\\r\\n" and tabs, empty and punctuation-only sides, identical sides, very short and 200+ token
sides, and small-vocabulary shuffles where several LCSs tie (ROUGE-Lsum depends on which one the
backtrack picks).

Each pair is scored with RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"],
use_stemmer=True).score(reference, candidate), as tools/score_rouge.py does. Scores are stored as
[precision, recall, fmeasure] per metric, rounded to 12 decimals to keep the file small; the Rust
test compares them with a tolerance of 1e-6.
"""
import json
import os
import random

from rouge_score import rouge_scorer

SEED = 20240611
N_PAIRS = 1200
METRICS = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "nutgraf-train",
                   "tests", "data", "rouge_reference.json")

# Our own vocabulary. Families of inflections that the Porter stemmer folds together.
FAMILIES = [
    ["run", "runs", "running", "ran", "runner"],
    ["report", "reports", "reported", "reporting", "reporter"],
    ["elect", "elected", "election", "elections", "electing"],
    ["agree", "agreed", "agreement", "agrees", "agreeing"],
    ["vote", "votes", "voted", "voting", "voter", "voters"],
    ["charge", "charged", "charges", "charging"],
    ["announce", "announced", "announcement", "announcing"],
    ["flood", "floods", "flooded", "flooding"],
    ["generous", "generously", "generosity"],
    ["die", "dies", "died", "dying"],
    ["pony", "ponies"],
    ["city", "cities"],
    ["relate", "related", "relational", "relation", "relations"],
    ["hope", "hoped", "hopes", "hoping", "hopeful"],
    ["control", "controlled", "controlling", "controls"],
    ["investigate", "investigated", "investigation", "investigators"],
]
NOUNS = ["police", "officials", "minister", "council", "court", "storm", "company", "union",
         "hospital", "school", "bridge", "market", "team", "mayor", "judge", "lawmakers",
         "residents", "workers", "prices", "rates", "fire", "river", "airport", "museum",
         "coach", "players", "senate", "budget", "report", "witnesses", "bank", "farmers"]
VERBS = ["said", "says", "warned", "closed", "opened", "approved", "rejected", "blamed",
         "praised", "cut", "raised", "delayed", "confirmed", "denied", "won", "lost", "sued",
         "visited", "left", "joined"]
ADJS = ["new", "local", "federal", "former", "early", "late", "major", "small", "rising",
        "state-run", "well-known", "long-term", "so-called", "hard-hit", "record"]
PLACES = ["Paris", "Lagos", "Ohio", "Zürich", "İstanbul", "São Paulo", "Kraków", "Reykjavík",
          "Québec", "Montréal", "Düsseldorf", "Malmö", "O'Hare", "New York", "Tōkyō", "東京",
          "Île-de-France", "Ελλάδα", "Москва"]
DAYS = ["Monday", "Tuesday", "on Friday", "last week", "overnight", "in March", "this year"]
FUNCTION = ["the", "a", "an", "of", "in", "on", "at", "to", "and", "but", "for", "by", "with",
            "after", "before", "as", "it", "was", "is", "were", "has", "had", "this", "that"]
NUMBERS = ["3", "12", "1,200", "4.5", "$4.2bn", "10%", "2024", "1990s", "No. 1", "7th", "24/7",
           "9-1-1", "0.001", "£30m", "€5", "−4", "½", "3rd", "100km", "6ft", "2,500-strong"]
ODD_WORDS = ["café", "naïve", "coöperate", "résumé", "straße", "Ω", "ΣΊΣΥΦΟΣ", "🚀", "👍🏽",
             "ﬁnal", "ＡＢＣ", "5\u212a", "\u212aelvin", "İİ", "ÀÉÎÕÜ", "ǅemal", "Ǆ", "ß",
             "İstanbul", "ΑΒΓ", "ab\u0301c", "x\u200by", "tab\there", "e\u0301t\u00e9"]
QUOTED = ["“I don’t know,” she said", "‘It’s over’", "\"We'll see\"", "it's", "don't", "O'Neill's",
          "rock 'n' roll", "«non»", "„quote“", "the '90s"]
PUNCT = [",", ".", ";", ":", "!", "?", "—", "–", "-", "(", ")", "...", "…", "/", "&", "*", "#",
         "@", "|", "[", "]", "{", "}", "<", ">", "~", "^", "_", "=", "+", "%", "`"]
STEM_TRAPS = ["generously", "agreed", "ponies", "caresses", "relational", "dying", "news", "was",
              "this", "sky", "skies", "feed", "bled", "hopping", "sized", "conditional",
              "abc123ing", "ing4", "1990s", "2000s", "yes", "eyes", "ies", "sses", "ational",
              "fairly", "happily", "universal", "university", "oed", "ying", "bbbing", "aaaa",
              "falling", "filing", "lying", "tying", "dies", "spied", "ebay", "owed"]


def word(rng):
    k = rng.random()
    if k < 0.30:
        return rng.choice(rng.choice(FAMILIES))
    if k < 0.50:
        return rng.choice(NOUNS)
    if k < 0.60:
        return rng.choice(VERBS)
    if k < 0.68:
        return rng.choice(ADJS)
    if k < 0.85:
        return rng.choice(FUNCTION)
    if k < 0.90:
        return rng.choice(NUMBERS)
    if k < 0.94:
        return rng.choice(STEM_TRAPS)
    if k < 0.97:
        return rng.choice(PLACES)
    return rng.choice(ODD_WORDS)


def cased(rng, w):
    k = rng.random()
    if k < 0.15:
        return w.capitalize()
    if k < 0.20:
        return w.upper()
    return w


def sentence(rng, length=None):
    """A template sentence or a random word string, with punctuation sprinkled in."""
    if length is None and rng.random() < 0.5:
        fam = rng.choice(FAMILIES)
        s = "{} {} {} {} {} {} {} {}".format(
            rng.choice(["The", "A", "Local", "Federal"]), rng.choice(ADJS), rng.choice(NOUNS),
            rng.choice(VERBS), rng.choice(fam), rng.choice(["in", "near", "outside"]),
            rng.choice(PLACES), rng.choice(DAYS))
        if rng.random() < 0.4:
            s += ", " + rng.choice(QUOTED)
        if rng.random() < 0.3:
            s += " " + rng.choice(NUMBERS) + " " + rng.choice(NOUNS)
        return s + rng.choice([".", ".", "!", "?", "", "…"])
    n = length if length is not None else rng.randint(1, 25)
    out = []
    for _ in range(n):
        out.append(cased(rng, word(rng)))
        if rng.random() < 0.12:
            out.append(rng.choice(PUNCT))
        if rng.random() < 0.03:
            out.append(rng.choice(QUOTED))
    sep = rng.choice([" ", " ", " ", "  ", "\t"])
    return sep.join(out) + rng.choice([".", "", "!", "?"])


def bullets(rng, k=None, length=None):
    k = k if k is not None else rng.randint(1, 5)
    return [sentence(rng, length) for _ in range(k)]


def join(rng, bs):
    """Bullets joined with newlines, sometimes with blank or odd lines between them."""
    out = []
    for i, b in enumerate(bs):
        if i and rng.random() < 0.12:
            out.append(rng.choice(["", "", " ", "   ", "...", "\r", "—"]))
        out.append(b)
    s = "\n".join(out)
    r = rng.random()
    if r < 0.04:
        s = s.replace("\n", "\r\n")
    elif r < 0.07:
        s = "\n" + s + "\n"
    return s


def mutate(rng, bs):
    """A candidate related to reference bullets: reorder, drop, reinflect, insert, split."""
    words = [w for b in bs for w in b.split()]
    k = rng.random()
    if k < 0.2:
        return bs[:]  # identical
    if k < 0.35:
        out = bs[:]
        rng.shuffle(out)
        return out
    if k < 0.5:
        return [b for b in bs if rng.random() < 0.6] or [rng.choice(bs)]
    if k < 0.75:
        out = []
        for b in bs:
            ws = b.split()
            new = []
            for w in ws:
                r = rng.random()
                if r < 0.15:
                    continue
                if r < 0.3:
                    fam = [f for f in FAMILIES if w.strip(".,!?").lower() in f]
                    new.append(rng.choice(fam[0]) if fam else w.upper())
                elif r < 0.4:
                    new.append(word(rng))
                else:
                    new.append(w)
            out.append(" ".join(new))
        return out
    # Regroup the reference words into different lines.
    rng.shuffle(words)
    out, i = [], 0
    while i < len(words):
        j = i + rng.randint(1, 8)
        out.append(" ".join(words[i:j]))
        i = j
    return out or [""]


def tiny_vocab_pair(rng):
    """Short lines over 2-4 words: many tied LCSs, so the backtrack's choice shows."""
    vocab = rng.sample(["a", "b", "c", "d", "x", "y", "run", "ran", "run"], rng.randint(2, 4))

    def side():
        return "\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(0, 7)))
                         for _ in range(rng.randint(1, 5)))
    return side(), side()


def fuzz_text(rng):
    alphabet = ("abcXYZ019 -'’“”.,\n\t\r" + "éİ\u212aßΩ東🚀\u0301\u0307ǅﬁ" + "   ")
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


FIXED = [
    ("", ""),
    ("", "Police said on Monday."),
    ("Police said on Monday.", ""),
    ("!!! ... — ?", "Police said on Monday."),
    ("Police said on Monday.", "... !!! “” ‘’ --"),
    ("...", "..."),
    ("\n\n\n", "\n"),
    ("   ", "\t"),
    ("a", "a"),
    ("a", "A."),
    ("the the the the", "the the"),
    ("Running runs ran runner.", "run RUNNING Runs"),
    ("İstanbul İSTANBUL istanbul", "i stanbul"),
    ("5\u212a race in \u212aenya", "5k race in kenya"),
    ("café naïve Zürich", "caf na ve z rich"),
    ("東京 🚀 Ω ＡＢＣ", "東京 🚀 Ω ＡＢＣ"),
    ("don’t stop", "don't stop"),
    ("state-of-the-art", "state of the art"),
    ("w1 w2 w3 w4", "w3 w4\nw1 w2"),
    ("w1 w9\nw1 w8", "w1"),
    ("a b\nb a", "b a\na b"),
    ("one\r\ntwo\r\nthree", "one two three"),
    ("1,200 people, 4.5%", "1200 people 4 5"),
]


def pairs(rng):
    out = list(FIXED)
    while len(out) < N_PAIRS:
        k = rng.random()
        if k < 0.45:
            ref = bullets(rng)
            cand = mutate(rng, ref) if rng.random() < 0.7 else bullets(rng)
            out.append((join(rng, ref), join(rng, cand)))
        elif k < 0.60:
            out.append(tiny_vocab_pair(rng))
        elif k < 0.70:
            out.append((fuzz_text(rng), fuzz_text(rng)))
        elif k < 0.78:
            # Long sides: 200+ tokens in a few long lines.
            ref = bullets(rng, k=rng.randint(1, 4), length=rng.randint(60, 110))
            cand = mutate(rng, ref) if rng.random() < 0.6 else bullets(rng, k=3, length=80)
            out.append((join(rng, ref), join(rng, cand)))
        elif k < 0.86:
            # Very short sides.
            out.append((sentence(rng, rng.randint(0, 3)), sentence(rng, rng.randint(0, 3))))
        elif k < 0.92:
            # One side empty, blank or punctuation only.
            other = join(rng, bullets(rng))
            odd = rng.choice(["", "\n", " ", "...", "“”", "— – -", "!?", "\n\n", "🚀 東京"])
            out.append((odd, other) if rng.random() < 0.5 else (other, odd))
        else:
            s = join(rng, bullets(rng))
            out.append((s, s))
    return out


def main():
    rng = random.Random(SEED)
    sc = rouge_scorer.RougeScorer(METRICS, use_stemmer=True)
    rows = []
    for ref, cand in pairs(rng):
        s = sc.score(ref, cand)
        rows.append({"reference": ref, "candidate": cand,
                     "scores": {m: [round(float(x), 12) for x in s[m]] for m in METRICS}})
    doc = {
        "generator": "scripts/gen_rouge_reference.py",
        "scorer": "rouge-score 0.1.2, RougeScorer(%s, use_stemmer=True)" % METRICS,
        "score_layout": "[precision, recall, fmeasure]",
        "seed": SEED,
        "pairs": rows,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print("wrote %d pairs to %s (%d bytes)" % (len(rows), os.path.normpath(OUT), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
