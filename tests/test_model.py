from collections import OrderedDict, namedtuple
from dataclasses import asdict, dataclass, field, replace

from pipeline.model import (DateValue, Document, DocumentResult, Entity, Evidence, Mention, MentionAttrs, Relation,
                            plain)


def _result() -> DocumentResult:
    doc = Document(id="d1", text="Emmanuel Macron a reçu Mohammed VI à Paris le 3 mars 2024.", source="x.jsonl#L1",
                   lang="fr", lang_scores={"fr": 0.99}, published="2024-03-04",
                   dates=[DateValue("3 mars 2024", 43, 54, "2024-03-03", "day")])
    attrs = MentionAttrs(cue="title", role="président", aliases=["Macron"])
    mentions = [Mention("d1:m0", "d1", 0, 15, "Emmanuel Macron", "Person", "fr", attrs=attrs),
                Mention("d1:m1", "d1", 37, 42, "Paris", "City", "fr", key="city/2988507", confidence=0.9)]
    relation = Relation("d1:m0", "leads", "d1:m1", domains=["security"], extractor="rule:x",
                        evidence=[Evidence("d1", 0, 42, doc.text[:42])], status="current",
                        by_document={"d1": {"status": "current"}})
    return DocumentResult(document=doc, mentions=mentions, relations=[relation], timings={"nlp": 0.1}, tokens=14,
                          warnings=["w"])


def test_to_dict_is_what_asdict_made():
    # the cache files and the resolution index hold these dicts: same keys, order and values
    result = _result()
    before = asdict(replace(result, mentions=[]))
    before["mentions"] = [m.to_dict() for m in result.mentions]
    assert result.to_dict() == before
    assert list(result.to_dict()) == list(before)
    assert result.relations[0].to_dict() == asdict(result.relations[0])
    entity = Entity("e1", "Person", "Emmanuel Macron", aliases=["Macron"], documents=["d1"],
                    labels={"fr": "Emmanuel Macron"}, alias_langs={"fr": ["Macron"]}, spans=[["d1", 0, 15]])
    assert entity.to_dict() == asdict(entity)
    assert DocumentResult.from_dict(result.to_dict()).to_dict() == result.to_dict()


def test_to_dict_copies_containers():
    result = _result()
    data = result.to_dict()
    data["relations"][0]["evidence"].clear()
    data["document"]["lang_scores"]["ar"] = 0.5
    assert result.relations[0].evidence and "ar" not in result.document.lang_scores


@dataclass
class _Odd:
    pair: tuple = (1, "a")
    named: tuple = namedtuple("P", "x y")(1, [2])
    counts: OrderedDict = field(default_factory=lambda: OrderedDict({"k": [1]}))
    other: set = field(default_factory=lambda: {3})


def test_plain_matches_asdict_on_other_containers():
    value = _Odd()
    assert plain(value) == asdict(value)
    assert type(plain(value)["counts"]) is OrderedDict and type(plain(value)["named"]).__name__ == "P"
