import pytest

from pipeline import ontology_data as data
from pipeline.ontology_data.files import ANY, Fields, check_shape


@pytest.mark.parametrize("name", sorted(data.SCHEMAS))
def test_every_project_file_has_its_shape(name):
    assert data.load_yaml(data.ONTOLOGY_DIR / name)


def test_loaders_read_once_and_share_the_result():
    assert data.person_titles() is data.person_titles()
    assert data.person_titles() is data.load_yaml(str(data.PATTERNS_DIR / "person_titles.yaml"))
    assert "يناير" in data.months()[1]["ar"]
    assert set(data.cue_families("relation_triggers.yaml")) >= {"cooperatesWith", "leads"}


def test_a_file_of_the_wrong_shape_is_an_error_naming_it(tmp_path):
    bad = tmp_path / "person_titles.yaml"
    bad.write_text("fr: [m., {x: 1}]\n", encoding="utf-8")
    with pytest.raises(data.OntologyFileError, match=r"person_titles\.yaml: .*fr\[1\]"):
        data.person_titles(bad)
    good = tmp_path / "good" / "person_titles.yaml"
    good.parent.mkdir()
    good.write_text("fr: [m.]\n", encoding="utf-8")
    assert data.person_titles(good) == {"fr": ["m."]}


def test_missing_and_unknown_keys(tmp_path):
    path = tmp_path / "generic_agencies.yaml"
    path.write_text("fillers: [the]\n", encoding="utf-8")
    with pytest.raises(data.OntologyFileError, match="missing keys"):
        data.generic_agencies(path)
    with pytest.raises(data.OntologyFileError, match="unknown key 'x'"):
        check_shape({"a": 1, "x": 2}, Fields(required={"a": int}), "f")
    with pytest.raises(data.OntologyFileError, match="not a cue file"):
        data.cue_families("months.yaml")


@pytest.mark.parametrize(("value", "shape", "ok"), [
    (1, int, True), (True, int, False), (1, float, True), ("1", float, False),
    (None, [str], True), (["a", 2], [str], False), ({"a": ["b"]}, {str: [str]}, True),
    ({1: ["b"]}, {str: [str]}, False), (None, (str, None), True), ({"z": 1}, ANY, True),
])
def test_check_shape(value, shape, ok):
    if ok:
        check_shape(value, shape, "f")
    else:
        with pytest.raises(data.OntologyFileError):
            check_shape(value, shape, "f")


def test_word_list_and_context():
    assert data.word_list()  # normalized common Arabic words
    assert "d2k" in data.jsonld_context()


def test_reporting_verbs_are_the_one_word_attribution_cues_without_anchors():
    verbs = data.reporting_verbs("ar")
    assert {"قال", "قالت", "اكد", "اعلن", "اوضح", "صرح", "اضاف"} <= verbs
    assert not any("$" in v or " " in v for v in verbs)
    # the French cues of several words ("a declare") are left out
    assert all(" " not in v for v in data.reporting_verbs("fr"))
    assert "said" in data.reporting_verbs("en")


def test_a_file_is_placed_under_the_ontology_once(tmp_path):
    from pipeline.ontology_data import files

    project = files.ONTOLOGY_DIR / "patterns" / "months.yaml"
    assert files._schema_key_of(str(project)) == "patterns/months.yaml"
    before = files._schema_key_of.cache_info().hits
    assert data.months() is data.months()
    assert files._schema_key_of.cache_info().hits >= before + 2  # no file system look-up again
    elsewhere = tmp_path / "months.yaml"  # a test's tiny file: the project file of its name
    assert files._schema_key_of(str(elsewhere)) == files._schema_key(elsewhere) == "patterns/months.yaml"
