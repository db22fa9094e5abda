"""The pipeline object: one document end to end, and what a failing relation rule leaves in the report."""
from __future__ import annotations

import json

import pytest

import pipeline.relations.extract as extract_module
from pipeline.model import Document, StoredResult
from pipeline.relations.registry import RelationRule
from pipeline.runner import Pipeline

TEXT = "La coopération sécuritaire entre le Maroc et la France s'est renforcée à Rabat."


def test_process_one_document():
    result = Pipeline().process(Document(id="d", text=TEXT))
    assert result.status == "ok" and result.document.lang == "fr"
    assert {m.key for m in result.mentions} >= {"country/MA", "country/FR"}
    assert set(result.timings) == {"language", "nlp", "entities", "relations"}


def _broken(ctx):
    raise RuntimeError("broken rule")


BROKEN = RelationRule("broken", "test", _broken, ("cooperatesWith",), "sentence", 0, ("rule:broken",))


def test_failing_relation_rule_is_a_warning_in_the_report(monkeypatch, tmp_path):
    monkeypatch.delenv(extract_module.STRICT_ENV, raising=False)
    monkeypatch.setattr(extract_module, "RULES", (BROKEN, *extract_module.RULES))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d.txt").write_text(TEXT, encoding="utf-8")
    summary = Pipeline(cache=False).run([tmp_path / "in"], tmp_path / "out")
    assert summary.exit_code == 0
    (doc,) = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]
    assert doc["status"] == "ok" and any("broken rule" in w for w in doc["warnings"])
    assert doc["relations"].get("cooperatesWith")


def test_a_document_too_short_to_tell_is_reported_with_a_warning(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hi.txt").write_text("hi", encoding="utf-8")
    (tmp_path / "in" / "d.txt").write_text(TEXT, encoding="utf-8")
    Pipeline(cache=False).run([tmp_path / "in"], tmp_path / "out")
    docs = {d["id"]: d for d in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]}
    assert any("too short to tell its language" in w for w in docs["hi"]["warnings"])
    assert docs["d"]["warnings"] == []


def test_time_and_sources_reach_the_report_and_graph_json(tmp_path):
    lines = [
        {"id": "dated", "text": "RABAT (Reuters) - Morocco and Spain cooperate against terrorism, "
                                "the Spanish Interior Ministry said yesterday.", "date": "2024-03-07",
         "url": "https://example.org/dated"},
        {"id": "undated", "text": "PARIS, 31 février 2024 (AFP) - La France et le Maroc coopèrent depuis hier."},
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    summary = Pipeline(exporters=("json",), cache=False).run([folder], tmp_path / "out")
    assert summary.exit_code == 0
    report = {d["id"]: d for d in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]}
    dated, undated = report["dated"]["metadata"], report["undated"]["metadata"]
    assert (dated["published"], dated["publisher"], dated["dateline"], dated["url"]) == (
        "2024-03-07", "Reuters", "RABAT", "https://example.org/dated")
    assert [(d["text"], d["value"]) for d in dated["dates"]] == [("yesterday", "2024-03-06")]
    # no date anywhere (the dateline's is impossible): the document runs, "hier" stays unresolved
    assert undated["published"] is None and undated["publisher"] == "AFP"
    assert [(d["text"], d["value"], d["unresolved"]) for d in undated["dates"] if not d["invalid"]] == [
        ("hier", None, True)]
    assert any("31 février 2024" in w for w in report["undated"]["warnings"])
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert {d["id"]: d["published"] for d in graph["documents"]} == {"dated": "2024-03-07", "undated": None}
    coop = [r for r in graph["relations"] if r["type"] == "cooperatesWith" and "dated" in r["documents"]]
    assert coop and all(r["attributed_to"] != "outlet" for r in coop)


def test_exports_none_and_auto_write_the_store_only(monkeypatch, tmp_path):
    """--exports: none writes the store (and report.json), not the whole-archive files; auto
    writes them up to AUTO_EXPORT_LIMIT documents only."""
    import pipeline.runner as runner

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Morocco and Spain signed an agreement in Rabat.", encoding="utf-8")
    (corpus / "b.txt").write_text("La France et l'Allemagne ont signé un accord à Berlin.", encoding="utf-8")
    out = tmp_path / "out"
    Pipeline(exporters=("json", "store"), exports="all").run([corpus], out)
    assert (out / "graph.json").is_file() and (out / "store.json").is_file()
    summary = Pipeline(exporters=("json", "store"), exports="none").run([corpus], out)
    assert not (out / "graph.json").exists() and (out / "store.json").is_file()
    assert sorted(p.name for p in summary.files) == ["report.json", "store.json"]
    Pipeline(exporters=("json", "store"), exports="auto").run([corpus], out)
    assert (out / "graph.json").is_file()
    monkeypatch.setattr(runner, "AUTO_EXPORT_LIMIT", 1)
    Pipeline(exporters=("json", "store"), exports="auto").run([corpus], out)
    assert not (out / "graph.json").exists() and (out / "store.json").is_file()


def test_report_json_written_entry_by_entry_is_the_indented_dump_of_the_report(tmp_path):
    """write_report streams the documents' entries: the file is still byte for byte
    ``json.dumps(report, indent=1)`` (entries nested at depth 2, strings with line
    separators inside them kept on their line), and a run of no document writes it too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Morocco and \"Spain\" cooperate against terrorism,\u2028the ministry said.",
                                    encoding="utf-8")
    (folder / "two.txt").write_text("La France et le Maroc coopèrent depuis hier.", encoding="utf-8")
    Pipeline(exports="none", cache=False).run([folder], tmp_path / "out")
    text = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    report = json.loads(text)
    assert [d["id"] for d in report["documents"]] == ["one", "two"]
    assert text == json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    Pipeline(exports="none", cache=False).run([empty], tmp_path / "out2")
    text = (tmp_path / "out2" / "report.json").read_text(encoding="utf-8")
    assert json.loads(text)["documents"] == [] and text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"


def test_nested_and_outlet_mentions_reach_the_result_after_the_rules():
    text = "NEW YORK (Reuters) - Algeria holds a seat on the UN Security Council until 2025, diplomats said."
    result = Pipeline().process(Document(id="n", text=text))
    by_source = {(m.source, m.key) for m in result.mentions}
    assert ("nested", "io/un") in by_source
    un = next(m for m in result.mentions if m.source == "nested")
    assert text[un.start:un.end] == "UN"
    # no relation rule read the nested name: its mention id is in no relation
    assert all(un.id not in (r.head, r.tail) for r in result.relations)


FRENCH = "Le président Emmanuel Macron a reçu le roi Mohammed VI au palais de l'Élysée à Paris."
ENGLISH = "President Joe Biden met Prime Minister Justin Trudeau at the White House in Washington."
ARABIC = "استقبل الملك محمد السادس الرئيس الفرنسي إيمانويل ماكرون في القصر الملكي بالرباط."


def test_sampled_languages_reads_the_first_document_of_files_spread_over_the_inputs(tmp_path):
    from pipeline.ingest.read import discover
    from pipeline.runner import sampled_languages

    for i in range(12):  # a-00..a-05 French, b-06..b-11 English
        text = FRENCH if i < 6 else ENGLISH
        (tmp_path / f"{'ab'[i // 6]}-{i:02d}.txt").write_text(text, encoding="utf-8")
    # a JSON Lines file: only its first document is read (Arabic), not the English one after it
    lines = [json.dumps({"id": "c1", "text": ARABIC}), json.dumps({"id": "c2", "text": ENGLISH})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = discover([tmp_path])
    assert len(sources) == 13
    assert sampled_languages(sources) == {"fr", "en", "ar"}  # fewer files than the sample: all of them
    assert sampled_languages(sources, n=2) == {"fr", "en"}  # files 0 and 6
    assert sampled_languages(sources[12:]) == {"ar"}
    assert sampled_languages([]) == set()


# Documents that name Morocco; the new one names it "le Maroc", a new alias: Morocco's
# triples change in the named graph of every document that names it.
MOROCCO = {
    "en-1": "Morocco and Spain signed a security agreement in Madrid.",
    "en-2": "Nasser Bourita said Morocco would host the summit in Marrakech.",
    "en-3": "Europol praised Morocco for its cooperation against drug trafficking.",
    "en-4": "Pedro Sánchez visited Morocco in April 2022.",
    "en-5": "Morocco and Portugal held talks in Lisbon on migration.",
}
MAROC = "Le Maroc et la France ont signé un accord de coopération sécuritaire à Rabat."


@pytest.mark.parametrize("chunk", [1, 2])
def test_store_only_run_loads_the_touched_graphs_in_chunks_and_gives_the_clean_store(monkeypatch, tmp_path, chunk):
    """A store-only run whose change touches the graphs of many documents (a country's new
    alias, a document removed) builds and loads them ``chunk`` documents at a time; the
    store equals a clean run's."""
    from pipeline.store import oxigraph_store

    def quads(out) -> list[str]:
        return sorted(str(q) for q in oxigraph_store.open_store(out))

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in MOROCCO.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    Pipeline(exports="none").run([corpus], out)
    (corpus / "fr-1.txt").write_text(MAROC, encoding="utf-8")
    (corpus / "en-3.txt").unlink()
    monkeypatch.setattr(oxigraph_store, "TOUCHED_CHUNK", chunk)
    summary = Pipeline(exports="none").run([corpus], out)
    assert summary.counts is not None and not summary.entities  # the store-only path
    assert sum(isinstance(r, StoredResult) for r in summary.results) == 4
    assert summary.resolution["store_graphs_loaded"] >= 5 > chunk  # several chunks
    clean = tmp_path / "clean"
    Pipeline(exports="none", cache=False).run([corpus], clean)
    assert quads(out) == quads(clean)
    assert any('"Maroc"' in q and "en-1" in q for q in quads(out))


def test_a_rerun_keeps_the_entries_it_held_as_references_and_reports_them_cached(tmp_path):
    """The cache does not list the keys and ids of the hits a run holds as references
    (StoredResult): the entries survive the prune all the same, the report marks them
    cached, and a document renamed for a duplicate id (read whole) is listed."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    lines = [{"id": "rabat", "text": f"Le Maroc et la France ont signé un accord à Rabat ({n})."} for n in (1, 2)]
    (corpus / "rabat.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                        encoding="utf-8")
    (corpus / "madrid.txt").write_text("Morocco and Spain signed a security agreement in Madrid.", encoding="utf-8")
    out = tmp_path / "out"
    Pipeline(exports="none").run([corpus], out)
    entries = sorted(p.name for p in (out / ".cache").glob("results/*/*/*.json"))
    (corpus / "madrid.txt").write_text("Morocco and Portugal held talks in Lisbon.", encoding="utf-8")
    summary = Pipeline(exports="none").run([corpus], out)
    assert summary.cached == 2 and sum(isinstance(r, StoredResult) for r in summary.results) == 1
    renamed = next(r.document.id for r in summary.results if not isinstance(r, StoredResult) and r.document.id != "madrid")
    assert summary.cached_ids == {renamed}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted((d["id"], d["cached"]) for d in report["documents"]) == sorted(
        [("madrid", False), ("rabat", True), (renamed, True)])
    now = sorted(p.name for p in (out / ".cache").glob("results/*/*/*.json"))
    assert len(now) == 3 and len(set(now) & set(entries)) == 2  # the two unchanged kept, the old madrid gone


def test_a_store_only_rerun_keeps_its_references_as_rows_and_reports_as_from_a_list(monkeypatch, tmp_path):
    """The references of a store-only rerun are rows of the run's table beside the cache,
    read a page at a time: the run holds only the new document, and its report.json is
    byte for byte the one written from the same results as a list; the table goes with them."""
    import dataclasses
    import gc

    from pipeline.runtime import run_results
    from pipeline.runtime.cache import ResultCache
    from pipeline.runtime.run_results import RunResults

    monkeypatch.setattr(run_results, "PAGE", 2)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in MOROCCO.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    Pipeline(exports="none").run([corpus], out)
    (corpus / "fr-1.txt").write_text(MAROC, encoding="utf-8")
    summary = Pipeline(exports="none").run([corpus], out)
    results = summary.results
    assert isinstance(results, RunResults) and results.path.parent == out / ".cache"
    assert results.references == 5 and [r.document.id for r in results.held.values()] == ["fr-1"]
    assert [r.document.id for r in results] == ["en-1", "en-2", "en-3", "en-4", "en-5", "fr-1"]
    listed = dataclasses.replace(summary, results=list(results),
                                 files=[f for f in summary.files if f.name != "report.json"])
    (tmp_path / "listed").mkdir()
    Pipeline().write_report(listed, tmp_path / "listed", load=ResultCache(out / ".cache").load)
    assert (tmp_path / "listed" / "report.json").read_bytes() == (out / "report.json").read_bytes()
    del summary, results, listed
    gc.collect()
    assert not list((out / ".cache").glob("run-*"))
