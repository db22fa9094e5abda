"""Scoring of time and sources: publication date, dates with precision, role status and
attribution, on hand-made gold and graphs, and end to end on a tiny gold of our own."""
from __future__ import annotations

import json

from pipeline.evaluation.time_score import has_time_gold, score_time
from pipeline.graph.build import build_graph
from pipeline.exporters.graph_json import to_contract
from pipeline.model import Document
from pipeline.resolution.resolve import resolve_entities
from pipeline.runner import Pipeline

GOLD = {
    "id": "d1", "lang": "en", "text": "x",
    "meta": {"published": "2024-03-07", "outlet": "Reuters", "dateline": "RABAT"},
    "dates": [{"text": "yesterday", "value": "2024-03-06", "precision": "day", "relative": True},
              {"text": "May 2023", "value": "2023-05", "precision": "month", "relative": False},
              {"text": "on Sunday", "value": None, "precision": "day", "relative": True, "unresolved": True}],
    "entities": [{"id": "e1", "type": "Person", "name": "James Comey", "aliases": ["James Comey"]},
                 {"id": "e2", "type": "GovernmentAgency", "name": "FBI", "aliases": ["FBI"]},
                 {"id": "e3", "type": "Person", "name": "Christopher Wray", "aliases": ["Christopher Wray"]},
                 {"id": "e4", "type": "InternationalOrganization", "name": "Europol", "aliases": ["Europol"]}],
    "relations": [{"head": "e1", "type": "leads", "tail": "e2", "status": "former", "attributed_to": "outlet"},
                  {"head": "e3", "type": "leads", "tail": "e2", "status": "current", "attributed_to": "e4"}],
}


def _graph(published, dates, comey_status, wray_source):
    ents = [{"id": f"p{i}", "type": t, "label": n, "aliases": [n], "documents": ["d1"]}
            for i, (t, n) in enumerate([("Person", "James Comey"), ("GovernmentAgency", "FBI"),
                                        ("Person", "Christopher Wray"), ("InternationalOrganization", "Europol")])]
    rels = [{"head": "p0", "type": "leads", "tail": "p1", "documents": ["d1"], "status": comey_status,
             "attributed_to": "outlet"},
            {"head": "p2", "type": "leads", "tail": "p1", "documents": ["d1"], "status": "current",
             "attributed_to": wray_source}]
    docs = [{"id": "d1", "published": published, "publisher": "Reuters", "dateline": "Rabat", "dates": dates}]
    return {"entities": ents, "relations": rels, "documents": docs}


def test_everything_right():
    dates = [{"text": "yesterday", "value": "2024-03-06", "precision": "day"},
             {"text": "May 2023", "value": "2023-05", "precision": "month"},
             {"text": "Sunday", "value": None, "precision": "day", "unresolved": True}]
    report = score_time([GOLD], _graph("2024-03-07", dates, "former", "p3"))
    for field in ("published", "dates", "role_status", "attribution", "outlet", "dateline"):
        assert (report[field]["p"], report[field]["r"]) == (1.0, 1.0), field
    assert report["role_dates"]["tp"] + report["role_dates"]["fp"] + report["role_dates"]["fn"] == 0


def test_each_error_counts_where_it_belongs():
    dates = [{"text": "yesterday", "value": "2024-03-05", "precision": "day"},       # wrong day
             {"text": "May 2023", "value": "2023", "precision": "year"},            # wrong precision
             {"text": "31 février", "value": None, "invalid": True}]                # kept as text: not counted
    report = score_time([GOLD], _graph("2024-03-08", dates, "current", "outlet"))
    assert report["published"] == {**report["published"], "tp": 0, "fp": 1, "fn": 1}
    assert (report["dates"]["tp"], report["dates"]["fp"], report["dates"]["fn"]) == (0, 2, 3)
    assert (report["role_status"]["tp"], report["role_status"]["fp"], report["role_status"]["fn"]) == (1, 1, 1)
    assert (report["attribution"]["tp"], report["attribution"]["fp"], report["attribution"]["fn"]) == (1, 1, 1)
    assert report["role_status"]["given_relation"] == 0.5


def test_a_relation_not_found_is_a_miss_not_a_false_status():
    graph = _graph("2024-03-07", [], "former", "p3")
    graph["relations"] = graph["relations"][:1]
    report = score_time([GOLD], graph)
    assert (report["role_status"]["tp"], report["role_status"]["fp"], report["role_status"]["fn"]) == (1, 0, 1)


def test_a_relation_of_several_documents_is_scored_with_what_each_says():
    # The merged relation names Europol as Wray's source (d2 says so); d1 says nothing of a source.
    other = {**GOLD, "id": "d2", "meta": {}, "dates": []}
    other["relations"] = [{**GOLD["relations"][1], "attributed_to": "e4"}]
    gold_d1 = {**GOLD, "relations": [{**GOLD["relations"][1], "attributed_to": "outlet"}]}
    graph = _graph("2024-03-07", [], "former", "p3")
    for e in graph["entities"]:
        e["documents"] = ["d1", "d2"]
    wray = graph["relations"][1]
    wray["documents"] = ["d1", "d2"]
    wray["by_document"] = {"d1": {"status": "current", "attributed_to": "outlet"},
                           "d2": {"status": "current", "attributed_to": "p3"}}
    report = score_time([gold_d1, other], graph)
    assert (report["attribution"]["tp"], report["attribution"]["fp"], report["attribution"]["fn"]) == (2, 0, 0)
    del wray["by_document"]  # the corpus-wide merge alone is wrong for d1
    report = score_time([gold_d1, other], graph)
    assert (report["attribution"]["tp"], report["attribution"]["fp"]) == (1, 1)


def test_role_dates_are_scored_on_the_roles_found():
    gold = {**GOLD, "relations": [{**GOLD["relations"][0], "start": "2013-09", "end": "2017-05"},
                                  {**GOLD["relations"][1], "start": "2017-08"}]}
    graph = _graph("2024-03-07", [], "former", "p3")
    graph["relations"][0].update(start="2013-09", end="2017")   # start right, end at another precision
    graph["relations"][1].update(end="2020")                    # no end in the gold, its start missed
    report = score_time([gold], graph)
    assert (report["role_dates"]["tp"], report["role_dates"]["fp"], report["role_dates"]["fn"]) == (1, 2, 2)


def test_gold_without_time_fields_is_not_time_gold():
    plain = {k: v for k, v in GOLD.items() if k not in ("meta", "dates")}
    plain["relations"] = [{"head": "e1", "type": "leads", "tail": "e2"}]
    assert has_time_gold([GOLD]) and not has_time_gold([plain])


def test_end_to_end_on_a_gold_of_our_own():
    texts = [
        ("en", "WASHINGTON (Reuters) - Former FBI director James Comey met Christopher Wray, the director "
               "of the FBI, yesterday.", "2019-05-03",
         {"published": "2019-05-03", "outlet": "Reuters", "dateline": "WASHINGTON"},
         [{"text": "yesterday", "value": "2019-05-02", "precision": "day", "relative": True}],
         [("James Comey", "Person"), ("FBI", "GovernmentAgency"), ("Christopher Wray", "Person")],
         [(0, "leads", 1, "former"), (2, "leads", 1, "current")]),
        ("fr", "PARIS, 3 mai 2019 (AFP) - L'ancien directeur de la DGSE Bernard Bajolet a rencontré hier "
               "le ministre.", None,
         {"published": "2019-05-03", "outlet": "AFP", "dateline": "PARIS"},
         [{"text": "3 mai 2019", "value": "2019-05-03", "precision": "day", "relative": False},
          {"text": "hier", "value": "2019-05-02", "precision": "day", "relative": True}],
         [("Bernard Bajolet", "Person"), ("DGSE", "GovernmentAgency")], [(0, "leads", 1, "former")]),
    ]
    gold = []
    for i, (lang, text, date, meta, dates, ents, rels) in enumerate(texts):
        entities = [{"id": f"e{j}", "type": t, "name": n, "aliases": [n]} for j, (n, t) in enumerate(ents)]
        relations = [{"head": f"e{h}", "type": typ, "tail": f"e{t}", "status": s, "attributed_to": "outlet"}
                     for h, typ, t, s in rels]
        gold.append({"id": f"g{i}", "lang": lang, "text": text, **({"date": date} if date else {}), "meta": meta,
                     "dates": dates, "entities": entities, "relations": relations})
    pipeline = Pipeline(exporters=("json",), learned=False)
    results = [pipeline.process(Document(id=g["id"], text=g["text"], date=g.get("date"))) for g in gold]
    entities, relations = resolve_entities(results)
    graph = json.loads(json.dumps(to_contract(build_graph(entities, relations, [r.document for r in results]))))
    report = score_time(gold, graph)
    assert (report["published"]["p"], report["published"]["r"]) == (1.0, 1.0)
    assert (report["dates"]["p"], report["dates"]["r"]) == (1.0, 1.0)
    assert (report["role_status"]["p"], report["role_status"]["r"]) == (1.0, 1.0)
    assert (report["attribution"]["p"], report["attribution"]["r"]) == (1.0, 1.0)
