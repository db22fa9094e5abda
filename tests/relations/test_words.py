"""The closed word lists of the relation rules: loaded from YAML, checked when loaded."""
from __future__ import annotations

import pytest

from pipeline.relations.words import WORDS_FILE, parse_relation_words, relation_words


def test_the_file_loads_with_every_list():
    words = relation_words()
    assert "'s" in words.possessive and "’s" in words.possessive
    assert {"and", "et"} == words.demonym_pair_joiners
    assert "و" in words.list_conjunctions_ar and "of" in words.list_filler
    assert "au" in words.object_prepositions_first and "au" not in words.object_prepositions_before_last


@pytest.mark.parametrize("loaded,message", [
    ([], "expected the lists"),
    ({"possessive": ["'s"]}, "expected the lists"),
])
def test_a_missing_or_unknown_list_is_refused(loaded, message):
    with pytest.raises(ValueError, match=message):
        parse_relation_words(loaded)


def test_a_list_of_non_strings_is_refused():
    import yaml

    loaded = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    assert parse_relation_words(loaded) == relation_words()  # positive control
    loaded["pair_joiners"] = "-"
    with pytest.raises(ValueError, match="pair_joiners"):
        parse_relation_words(loaded)


def test_possessive_reads_the_agency_of_its_state(extract):
    triples, rels = extract("en", "Morocco's DGST arrested three suspects.")
    assert triples == {("DGST", "agencyOf", "Morocco")}
    assert [r.extractor for r in rels] == ["rule:country-possessive-agency"]
    _, rels = extract("en", "Morocco and the DGST arrested three suspects.")
    assert "rule:country-possessive-agency" not in {r.extractor for r in rels}  # no possessive
