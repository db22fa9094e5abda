"""B-cubed scoring of entity identity across documents (pipeline/evaluation/identity.py)."""
import pytest

from pipeline.evaluation.identity import bcubed, gold_clusters, gold_key, identity_items, score_identity


def gold(doc_id: str, *entities: tuple) -> dict:
    """A gold document whose entities are ``(type, name, aliases...)``."""
    return {"id": doc_id, "lang": "en", "text": "", "relations": [],
            "entities": [{"id": f"e{i}", "type": t, "name": n, "aliases": list(a)} for i, (t, n, *a) in enumerate(entities)]}


def pred(entity_id: str, label: str, *documents: str, aliases=()) -> dict:
    return {"id": entity_id, "type": "Person", "label": label, "aliases": list(aliases), "documents": list(documents)}


GOLD = [
    gold("d1", ("Person", "Mohammed VI", "محمد السادس")),
    gold("d2", ("Person", "Mohamed Bazoum", "محمد بازوم")),
    gold("d3", ("Person", "Mohammed VI", "King Mohammed VI")),
]


def test_perfect_resolution_scores_one():
    graph = {"entities": [pred("p/m6", "Mohammed VI", "d1", "d3", aliases=["محمد السادس"]),
                          pred("p/bazoum", "Mohamed Bazoum", "d2")]}
    report = score_identity(GOLD, graph)
    assert (report["p"], report["r"], report["f1"]) == (1.0, 1.0, 1.0)
    assert report["merges"] == [] and report["splits"] == []


def test_a_wrong_merge_across_documents_costs_precision_and_is_named():
    graph = {"entities": [pred("p/x", "Mohammed VI", "d1", "d2", "d3", aliases=["محمد السادس", "محمد بازوم"])]}
    report = score_identity(GOLD, graph)
    # items d1, d3 (Mohammed VI) and d2 (Bazoum) in one predicted cluster
    assert report["p"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3, abs=1e-4)
    assert report["r"] == 1.0
    [merge] = report["merges"]
    assert merge["entity"] == "p/x" and merge["pairs"] == 2
    assert {p["name"] for p in merge["gold"]} == {"Mohammed VI (Person)", "Mohamed Bazoum (Person)"}


def test_a_split_costs_recall_and_is_named():
    graph = {"entities": [pred("p/a", "Mohammed VI", "d1"), pred("p/b", "King Mohammed VI", "d3"),
                          pred("p/bazoum", "Mohamed Bazoum", "d2")]}
    report = score_identity(GOLD, graph)
    assert report["p"] == 1.0 and report["r"] == pytest.approx((1 / 2 + 1 + 1 / 2) / 3, abs=1e-4)
    assert [s["gold"] for s in report["splits"]] == ["Mohammed VI (Person)"]


def test_a_split_within_one_document_is_seen():
    gold_docs = [gold("d1", ("Person", "Kais Saied", "Saied"))]
    graph = {"entities": [pred("p/full", "Kais Saied", "d1"), pred("p/short", "Saied", "d1")]}
    items, unmatched = identity_items(gold_docs, graph)
    assert sorted(i.predicted for i in items) == ["p/full", "p/short"] and unmatched == 0
    assert score_identity(gold_docs, graph)["r"] == 0.5


def test_two_gold_entities_of_one_document_in_one_prediction_are_a_merge():
    gold_docs = [gold("d1", ("Person", "Ursula von der Leyen", "von der Leyen"), ("Person", "Heiko Maas", "Maas"))]
    graph = {"entities": [pred("p/x", "von der Leyen", "d1", aliases=["Maas"])]}
    items, _ = identity_items(gold_docs, graph)
    assert len(items) == 2 and {i.predicted for i in items} == {"p/x"}
    assert score_identity(gold_docs, graph)["p"] == 0.5


def test_unmatched_gold_entities_are_counted_not_scored():
    graph = {"entities": [pred("p/m6", "Mohammed VI", "d1", "d3")]}
    report = score_identity(GOLD, graph)
    assert report["unmatched"] == 1 and report["items"] == 2 and report["p"] == 1.0


def test_gold_names_of_one_entity_written_differently_are_one_cluster():
    docs = [
        gold("a", ("GovernmentAgency", "General Directorate for National Security (DGSN, Morocco)", "DGSN")),
        gold("b", ("GovernmentAgency", "General Directorate of National Security (Morocco)")),
        gold("c", ("GovernmentAgency", "General Directorate of National Security")),
        gold("d", ("Organization", "AFP")),
        gold("e", ("Organization", "Agence France-Presse", "AFP")),
    ]
    cluster = gold_clusters(docs)
    keys = [cluster[gold_key(d["entities"][0])] for d in docs]
    assert keys[0] == keys[1] == keys[2]
    assert keys[3] == keys[4]


def test_an_unqualified_gold_name_of_two_qualified_ones_stays_apart():
    docs = [
        gold("a", ("GovernmentAgency", "General Directorate of National Security (Morocco)")),
        gold("b", ("GovernmentAgency", "General Directorate of National Security (Algeria)")),
        gold("c", ("GovernmentAgency", "General Directorate of National Security")),
    ]
    cluster = gold_clusters(docs)
    assert len({cluster[gold_key(d["entities"][0])] for d in docs}) == 3


def test_bcubed_of_nothing_is_zero():
    assert bcubed([]) == (0.0, 0.0, 0.0)
