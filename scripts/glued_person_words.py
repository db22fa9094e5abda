"""Arabic person names whose first or last word is not a name word: a count by kind.

Runs the per-document stages on the Arabic documents of gold JSONL files and looks at the
first and last word of each Person mention: a verb of saying or another name stop
(``ontology/patterns/given_names.yaml`` ``ar_name_stops`` and the attribution cues of
``time_cues.yaml``), with or without a conjunction (وقال); a preposition (a proclitic ب ل ك
or و ف glued to a definite noun, a title or a common word: ورئيس، لشؤون; a preposition
standing alone among spaCy's Arabic stop words: في، من، على); a title
(``person_titles.yaml``). Prints the count per kind and end, then the most frequent words of
each kind (with the mention's source and text around it), then the most frequent first and
last words of the other names (to spot a kind no list holds yet).

Usage::

    .venv/bin/python scripts/glued_person_words.py corpus/train/a*.jsonl
    .venv/bin/python scripts/glued_person_words.py corpus/train/a*.jsonl --top 20
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from pipeline.entities.component import AR_STOP, common_words
from pipeline.language.morphology import CONJUNCTIONS, split_proclitic, without_conjunction
from pipeline.language.normalize import normalize
from pipeline.model import Document
from pipeline.ontology_data import given_names, person_titles, reporting_verbs
from pipeline.runner import Pipeline


def _kinds() -> dict[str, frozenset[str]]:
    """verb: the verbs of saying; title: one-word titles; stop: the other name stops and
    spaCy's Arabic stop words (prepositions, pronouns, particles)."""
    verbs = reporting_verbs("ar")
    stops = frozenset(normalize(w) for w in given_names().get("ar_name_stops", [])) | AR_STOP
    titles = frozenset(normalize(t) for t in person_titles().get("ar", []) if " " not in t)
    common = common_words("ar")
    return {"verb": verbs, "title": titles, "stop": stops - verbs, "words": titles | common | stops}


def kind_of(word: str, kinds: dict[str, frozenset[str]]) -> str | None:
    """The kind of a name's end word (with or without a conjunction glued), None for a name word."""
    for kind in ("verb", "title", "stop"):  # "words": only for the clitic test below
        if without_conjunction(word, kinds[kind]) in kinds[kind]:
            return kind
    # a proclitic (و ف ب ل ك) glued to a definite noun, a title or a common word: ورئيس، لشؤون
    if split_proclitic(word, kinds["words"]):
        return "clitic + word"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    docs = []
    for path in args.gold:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    if row.get("lang", "ar") == "ar":
                        docs.append(Document(id=row["id"], text=row["text"]))
    kinds = _kinds()
    counts: Counter = Counter()
    words: dict[str, Counter] = {}
    others: dict[str, Counter] = {"first": Counter(), "last": Counter()}
    names = 0
    pipeline = Pipeline(exporters=())
    for result in pipeline.process_batch(docs):
        for m in result.mentions:
            if m.type != "Person" or result.document.lang != "ar":
                continue
            names += 1
            parts = normalize(m.text).split()
            for end, word in (("first", parts[0]), ("last", parts[-1])):
                kind = kind_of(word, kinds)
                if kind:
                    counts[(kind, end)] += 1
                    text = result.document.text
                    around = text[max(0, m.start - 25):m.end + 15].replace("\n", " ")
                    words.setdefault(f"{kind} ({end})", Counter())[f"{word}  <{m.text}> [{m.source}] ...{around}..."] += 1
                else:
                    others[end][word] += 1
    print(f"documents={len(docs)} person_mentions={names} "
          f"glued={sum(counts.values())} conjunctions={'/'.join(CONJUNCTIONS)}")
    for (kind, end), n in counts.most_common():
        print(f"  {kind:20s} {end:5s} {n}")
    for title, counter in sorted(words.items()):
        print(f"{title}:")
        for word, n in counter.most_common(args.top):
            print(f"  {n:3d}  {word}")
    for end, counter in others.items():
        print(f"other {end} words: " + ", ".join(f"{w} {n}" for w, n in counter.most_common(args.top)))


if __name__ == "__main__":
    main()
