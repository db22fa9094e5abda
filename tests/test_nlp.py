import tomllib
from pathlib import Path

import pipeline
from pipeline.nlp import ENTITY_COMPONENTS, arabic_stems, build_nlp


def test_entity_components_follow_the_language_pipeline():
    nlp = build_nlp("xx")
    assert nlp.pipe_names == ["sentencizer", *ENTITY_COMPONENTS]
    doc = nlp("Morocco and France signed an agreement.")
    assert {s.text for s in doc.spans["lexicon"]} >= {"Morocco", "France"}


def test_arabic_stems_come_from_the_lexicon_minus_known_words():
    stems = arabic_stems()
    assert "فرنسا" in stems  # و + فرنسا may be split
    assert "زير" not in stems  # وزير is a word, not و + زير
    assert {"مطار", "مخيم"} <= stems  # place heads that take an unquoted name: بمطار -> ب + مطار
    assert {"صحيفه", "وزيره"} <= stems  # organization heads and person titles: لصحيفة، ووزيرة


def test_one_version_string_from_pyproject():
    pyproject = Path(pipeline.__file__).resolve().parents[1] / "pyproject.toml"
    assert pipeline.__version__ == tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def test_words_of_public_figures_are_kept_whole_and_stems_for_a_preposition():
    nlp = build_nlp("ar")
    # كالاس is no ك + الاس; the conjunction and the preposition come off a listed name
    assert [t.text for t in nlp("وكايا كالاس بماكرون")] == ["و", "كايا", "كالاس", "ب", "ماكرون"]
    assert "ماكرون" in arabic_stems()
