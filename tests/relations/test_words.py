"""The closed word lists of the relation rules: read through the data owner (shape checked
there), typed here."""
from __future__ import annotations

import pytest

from pipeline.ontology_data import PATTERNS_DIR, OntologyFileError, relation_words
from pipeline.relations.words import RelationWords, rule_words


def test_the_file_loads_with_every_list():
    words = rule_words()
    assert isinstance(words, RelationWords)
    assert "'s" in words.possessive and "’s" in words.possessive
    assert {"and", "et"} == words.demonym_pair_joiners
    assert "و" in words.list_conjunctions_ar and "of" in words.list_filler
    assert "au" in words.object_prepositions_first and "au" not in words.object_prepositions_before_last
    assert words.elided_articles == ("l'", "d'", "l’", "d’")  # order kept: the first that fits is taken off


@pytest.mark.parametrize("content,message", [
    ("possessive: [\"'s\"]\n", "missing keys"),
    ("".join(f"{k}: [x]\n" for k in RelationWords.__dataclass_fields__).replace("possessive: [x]", "possessive: s"),
     "expected a list"),
])
def test_a_malformed_file_is_refused(tmp_path, content, message):
    bad = tmp_path / "relation_words.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(OntologyFileError, match=message):
        relation_words(bad)
    assert relation_words(PATTERNS_DIR / "relation_words.yaml")["possessive"]  # positive control


def test_possessive_reads_the_agency_of_its_state(extract):
    triples, rels = extract("en", "Morocco's DGST arrested three suspects.")
    assert triples == {("DGST", "agencyOf", "Morocco")}
    assert [r.extractor for r in rels] == ["rule:country-possessive-agency"]
    _, rels = extract("en", "Morocco and the DGST arrested three suspects.")
    assert "rule:country-possessive-agency" not in {r.extractor for r in rels}  # no possessive


def test_a_content_word_loses_its_elided_or_arabic_article(extract):
    from pipeline.relations.context import SentenceContext

    text = "ministère de l'intérieur والداخلية"
    words = SentenceContext(text, 0, len(text), "fr").content_words(0, len(text))
    assert {"interi", "داخليه"} <= words and not any(w.startswith(("l'", "وال")) for w in words)
