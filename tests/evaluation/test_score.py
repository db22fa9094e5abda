from pipeline.evaluation.score import score, variants

GOLD = [{
    "id": "d1", "lang": "ar", "text": "",
    "entities": [
        {"id": "e1", "type": "Country", "name": "Morocco", "aliases": ["المغرب"]},
        {"id": "e2", "type": "Country", "name": "France", "aliases": ["فرنسا"]},
        {"id": "e3", "type": "Event", "name": "Bataclan attacks", "aliases": ["باتاكلان"]},
    ],
    "relations": [
        {"head": "e1", "type": "cooperatesWith", "tail": "e2"},
        {"head": "e3", "type": "occurredOn", "tail": "2015"},
        {"head": "e3", "type": "occurredIn", "tail": "e2", "optional": True},
    ],
}]


def test_variants_strip_clitics_and_articles():
    assert "مغرب" in variants("والمغرب")
    assert "امن" in variants("للأمن")
    assert "sahel" in variants("le Sahel")


def test_perfect_prediction_and_symmetry():
    graph = {
        "entities": [
            {"id": "a", "type": "Country", "label": "Morocco", "aliases": ["المغرب"], "documents": ["d1"]},
            {"id": "b", "type": "Country", "label": "France", "aliases": ["فرنسا"], "documents": ["d1"]},
            {"id": "c", "type": "Event", "label": "باتاكلان", "aliases": [], "documents": ["d1"]},
        ],
        "relations": [
            {"head": "b", "type": "cooperatesWith", "tail": "a", "documents": ["d1"]},
            {"head": "c", "type": "occurredOn", "tail": "2015-11-13", "documents": ["d1"]},
            {"head": "c", "type": "occurredIn", "tail": "b", "documents": ["d1"]},
        ],
    }
    report = score(GOLD, graph)
    assert report["entities"]["all"]["f1"] == 1.0
    assert report["relations"]["all"]["f1"] == 1.0


def test_wrong_type_is_a_miss_and_a_spurious():
    graph = {"entities": [{"id": "a", "type": "City", "label": "Morocco", "aliases": [], "documents": ["d1"]}],
             "relations": []}
    report = score(GOLD, graph)
    assert report["entities"]["all"]["tp"] == 0
    assert report["entities"]["all"]["fp"] == 1 and report["entities"]["all"]["fn"] == 3
