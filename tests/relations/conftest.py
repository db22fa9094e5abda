"""``extract(lang, text, names, published)``: the real pipeline (spaCy + our entity stage) on a small
text, then relation extraction; ``names`` adds ``(surface, type)`` mentions the entity
stage may not know yet, so these tests judge the relation patterns alone. Extraction runs strict: a rule that
raises fails the test instead of being logged and skipped."""
from __future__ import annotations

import pytest

from pipeline.entities.recognize import recognize_entities
from pipeline.nlp import get_nlp
from pipeline.model import Document, Mention
from pipeline.relations.extract import extract_relations


def _with_names(document: Document, mentions: list[Mention], names: list[tuple[str, str]]) -> list[Mention]:
    out = list(mentions)
    for surface, typ in names:
        start = document.text.find(surface)
        assert start >= 0, surface
        end = start + len(surface)
        out = [m for m in out if m.end <= start or m.start >= end]
        out.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                           text=surface, type=typ, lang=document.lang or "und"))
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="session")
def extract():
    def run(lang: str, text: str, names: list[tuple[str, str]] = (), published: str | None = None, **kwargs):
        document = Document(id="t", text=text, lang=lang, published=published)
        doc = get_nlp(lang)(text)
        mentions = _with_names(document, recognize_entities(doc, document), list(names))
        by_id = {m.id: m.text for m in mentions}
        # an anaphor ("the drills", المناورات) is named by the event it refers to, as resolution joins them
        refers = {m.id: m.attrs.refers_to for m in mentions if m.attrs.refers_to in by_id}
        for start in refers:
            seen, target = {start}, refers[start]
            while target in refers and target not in seen:
                seen.add(target)
                target = refers[target]
            by_id[start] = by_id[target]
        kwargs.setdefault("strict", True)  # a failing rule fails the test
        relations = extract_relations(doc, document, mentions, **kwargs)
        triples = {(by_id[r.head], r.type, by_id.get(r.tail, r.tail)) for r in relations}
        return triples, relations
    return run
