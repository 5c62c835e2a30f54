#!/usr/bin/env python3
"""nutgraf.summarize_many beside sumy's LexRank, from the same Python process.

  bench_sumy.py DATASET.jsonl[.gz] [--limit N]

sumy's English tokenizer needs NLTK's punkt data, a download this machine
cannot make; a regular-expression sentence and word splitter stands in for
it (simpler than punkt, so sumy's figure is if anything flattering). Both
pick three sentences per article on one thread. Prints one JSON line of
articles/s.
"""
import argparse
import gzip
import json
import re
import time

import nutgraf
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words


class RegexTokenizer:
    """What sumy asks of a tokenizer: sentences of a paragraph, words of a sentence."""

    language = "english"
    _sentence = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")
    _word = re.compile(r"\w+(?:['’]\w+)?")

    def to_sentences(self, paragraph):
        return [s for s in self._sentence.split(paragraph) if s.strip()]

    def to_words(self, sentence):
        return self._word.findall(sentence)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--limit", type=int, default=1000)
    a = ap.parse_args()
    opener = gzip.open if a.dataset.endswith(".gz") else open
    with opener(a.dataset, "rt", encoding="utf-8") as f:
        articles = [json.loads(line)["article"] for line in f][: a.limit]
    tokenizer = RegexTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # Both warm: models loaded, code paths run once.
    for text in articles[:10]:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)
    nutgraf.summarize_many(articles[:10], threads=1)
    t = time.perf_counter()
    for text in articles:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)
    sumy = len(articles) / (time.perf_counter() - t)
    t = time.perf_counter()
    nutgraf.summarize_many(articles, threads=1)
    ours = len(articles) / (time.perf_counter() - t)
    print(json.dumps({"articles": len(articles), "sumy_lexrank_articles_per_s": round(sumy, 1),
                      "nutgraf_summarize_many_1_thread_articles_per_s": round(ours, 1),
                      "ratio": round(ours / sumy, 1)}))


if __name__ == "__main__":
    main()
