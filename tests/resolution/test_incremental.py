"""Incremental resolution (pipeline/resolution/incremental.py): any sequence of additions,
changes and deletions resolved through the index gives exactly a clean run's entities and
relations, and the run's graph.json and store equal a clean run's."""
from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest

from pipeline.model import Document, StoredResult
from pipeline.exporters.rdf import entity_triples
from pipeline.resolution.incremental import ResolutionIndex, _lang_documents, anchored_documents, resolve_incremental
from pipeline.resolution.resolve import resolve_entities, skeleton
from pipeline.runner import RESOLUTION_INDEX, Pipeline
from pipeline.store.oxigraph_store import open_store
from tests.conftest import ROOT

# Our own sentences: names shared across documents, languages and scripts, so that every
# kind of join across documents has something to join.
OWN = {
    "hammouchi-en": "Abdellatif Hammouchi, the head of the DGSN, met Europol officials in Rabat on 12 March 2023.",
    "hammouchi-ar": "استقبل عبد اللطيف حموشي المدير العام للأمن الوطني وفدا من الأنتربول في الرباط.",
    "hammouchi-fr": "M. Hammouchi a rencontré le directeur de la DGSI à Paris pour parler de terrorisme.",
    "surname-en": "Mr. Hammouchi later flew to Madrid, where he praised the cooperation with Spain.",
    "lion-en": "Exercise African Lion 2024 took place in Agadir with Moroccan and American troops.",
    "lion-ar": "شارك الجيش المغربي في تمرين \"الأسد الإفريقي 2024\" قرب طانطان.",
    "flintlock-en": "Exercise Flintlock 2024 began in Mauritania with troops from Niger and Chad.",
    "flintlock-ar": "انطلقت مناورات فلينتلوك 2024 في موريتانيا.",
    "lion-fr": "L'exercice African Lion 2023 s'est achevé en Tunisie.",
    "saied-en": "President Saied announced an agreement with Italy on migrants.",
    "saied-ar": "استقبل قيس سعيد جورجيا ميلوني في تونس لبحث ملف الهجرة.",
    "saied-fr": "Le président Saied a annoncé un accord avec l'Italie sur les migrants.",
    "coast-en": "The Libyan Coast Guard intercepted 200 migrants near Zuwara on Sunday.",
    "coast-en2": "The Coast Guard said the boat had left Sabratha before dawn.",
    "africom-en": "The United States Africa Command (AFRICOM) sent advisers to Niger.",
    "africom-en2": "AFRICOM said its advisers left Niamey in August 2024.",
    "macron-fr": "Emmanuel Macron a rencontré le roi Mohammed VI à Rabat.",
    "macron-ar": "التقى إيمانويل ماكرون الملك محمد السادس في الرباط.",
    "vdl-en": "Ursula von der Leyen visited Tunis with Giorgia Meloni and Mark Rutte.",
    "rutte-fr": "Mark Rutte, secrétaire général de l'OTAN, s'est rendu à Rabat.",
}
# What a changed document becomes (the same id, another text).
CHANGED = {
    "hammouchi-en": "Abdellatif Hammouchi met the director of the FBI in Washington.",
    "lion-en": "Exercise African Lion 2023 ended in Tunisia with American troops.",
    "saied-en": "President Saied met Emmanuel Macron in Paris.",
    "coast-en": "The Italian Coast Guard rescued 50 migrants near Lampedusa.",
}


def _tuning_documents(n: int = 8) -> dict[str, str]:
    docs: dict[str, str] = {}
    for path in sorted((ROOT / "tests" / "evaluation" / "data").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs.update({f"tune-{r['id']}": r["text"] for r in rows[:n // 4]})
    return docs


@pytest.fixture(scope="module")
def pool():
    """id -> (result, result of its changed text or None), every text processed once."""
    texts = OWN | _tuning_documents()
    pipeline = Pipeline()
    first = pipeline.process_batch([Document(id=i, text=t) for i, t in texts.items()])
    second = pipeline.process_batch([Document(id=i, text=t) for i, t in CHANGED.items()])
    changed = {r.document.id: r for r in second}
    assert all(r.status == "ok" for r in first + second)
    return {r.document.id: (r, changed.get(r.document.id)) for r in first}


def _dump(entities, relations):
    return [e.to_dict() for e in entities], [r.to_dict() for r in relations]


def _check(results, index, stats=None):
    got = _dump(*resolve_incremental(results, index, "test", stats=stats))
    want = _dump(*resolve_entities(results))
    assert got[0] == want[0]
    assert got[1] == want[1]
    return want


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_additions_changes_and_deletions_equal_a_clean_run(pool, tmp_path, seed):
    rng = random.Random(seed)
    ids = sorted(pool)
    present: dict[str, int] = {}  # id -> version (0 first text, 1 changed text)
    index = tmp_path / "resolution.sqlite"
    modes = []
    for _ in range(10):
        absent = [i for i in ids if i not in present]
        changeable = [i for i in present if pool[i][1] is not None]
        ops = (["add"] * 3 if absent else []) + (["delete"] if present else []) + (["change"] if changeable else [])
        op = rng.choice(ops)
        for _ in range(rng.randint(1, 3)):
            if op == "add" and absent:
                present[absent.pop(rng.randrange(len(absent)))] = 0
            elif op == "delete" and present:
                present.pop(rng.choice(sorted(present)))
            elif op == "change":
                changeable = [i for i in present if pool[i][1] is not None]
                if changeable:
                    i = rng.choice(sorted(changeable))
                    present[i] = 1 - present[i]
        results = [pool[i][v] for i, v in sorted(present.items())]
        stats: dict = {}
        _check(results, index, stats)
        modes.append(stats["mode"])
    assert modes[0] == "full" and set(modes[1:]) == {"incremental"}


@pytest.mark.parametrize("first, second, label", [
    ("hammouchi-en", "hammouchi-ar", "Abdellatif Hammouchi"),  # transliteration (t blocks)
    ("hammouchi-en", "surname-en", "Abdellatif Hammouchi"),    # a lone surname (d keys)
    ("saied-en", "saied-fr", "Saied"),                         # one surname in two documents (k keys)
    ("lion-en", "lion-ar", "African Lion"),                    # one event, by its translation (v keys)
    ("flintlock-en", "flintlock-ar", "Flintlock"),             # one event, by its skeleton (v keys)
    ("macron-fr", "macron-ar", "Emmanuel Macron"),             # transliteration
])
def test_a_join_across_documents_is_found_by_an_incremental_run(pool, tmp_path, first, second, label):
    """Each join across documents is covered by a key: the second document's run resolves
    the first one's unit again and joins it (a key missing, the entity would stay split)."""
    index = tmp_path / "resolution.sqlite"
    _check([pool[first][0]], index)
    stats: dict = {}
    entities, _ = _check([pool[first][0], pool[second][0]], index, stats)
    # only the second document is read again; the first one's unit comes from the index
    assert stats["mode"] == "incremental" and stats["resolved_documents"] == 1 and stats["units"] >= 1
    joined = [e for e in entities if label in e["label"] and {first, second} <= set(e["documents"])]
    assert joined, f"{label} not joined across {first} and {second}"


def test_an_unrelated_document_resolves_only_itself(pool, tmp_path):
    index = tmp_path / "resolution.sqlite"
    _check([pool["coast-en"][0], pool["africom-en"][0], pool["africom-en2"][0]], index)
    stats: dict = {}
    _check([pool["coast-en"][0], pool["africom-en"][0], pool["africom-en2"][0], pool["rutte-fr"][0]], index, stats)
    assert {k: stats[k] for k in ("mode", "dirty_documents", "resolved_documents", "units", "closure_documents")} == {
        "mode": "incremental", "dirty_documents": 1, "resolved_documents": 1, "units": 0, "closure_documents": 0}
    assert stats["touched_documents"] == {"rutte-fr"} and stats["changed_entities"]


def test_the_dirty_documents_are_told_in_sqlite_added_changed_and_removed(tmp_path):
    index = ResolutionIndex(tmp_path / "resolution.sqlite")
    try:
        index.db.executemany("INSERT INTO docs (doc, digest) VALUES (?, ?)",
                             [("rabat", "a"), ("tunis", "b"), ("niamey", "c")])
        # niamey changed, tunis removed, agadir added, rabat unchanged
        assert index.dirty_docs({"rabat": "a", "niamey": "z", "agadir": "d"}) == ["agadir", "niamey", "tunis"]
        assert index.dirty_docs({"rabat": "a", "tunis": "b", "niamey": "c"}) == []
        assert index.dirty_docs({}) == ["niamey", "rabat", "tunis"]
    finally:
        index.close()


def test_another_fingerprint_resolves_everything_again(pool, tmp_path):
    index = tmp_path / "resolution.sqlite"
    results = [pool["saied-en"][0], pool["saied-ar"][0]]
    resolve_incremental(results, index, "one")
    stats: dict = {}
    got = _dump(*resolve_incremental(results, index, "two", stats=stats))
    assert stats["mode"] == "full" and got == _dump(*resolve_entities(results))


def _quads(out):
    store = open_store(out)
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


def test_runs_with_the_index_give_the_clean_graph_and_store(pool, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    out = tmp_path / "out"
    pipeline = Pipeline(exporters=("json", "store"))
    steps = [
        {"a": OWN["hammouchi-en"], "b": OWN["lion-en"], "c": OWN["saied-en"]},
        {"a": OWN["hammouchi-en"], "b": OWN["lion-en"], "c": OWN["saied-en"], "d": OWN["hammouchi-ar"]},
        {"a": CHANGED["hammouchi-en"], "b": OWN["lion-en"], "d": OWN["hammouchi-ar"], "e": OWN["lion-ar"]},
    ]
    for number, files in enumerate(steps):
        for old in corpus.iterdir():
            old.unlink()
        for name, text in files.items():
            (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        summary = pipeline.run([corpus], out)
        assert summary.resolution["mode"] == ("full" if number == 0 else "incremental")
        # after the first run, the store loads only the named graphs that changed: the
        # changed documents' and those of entities and relations whose triples changed
        loaded = summary.resolution.get("store_graphs_loaded")
        assert loaded is None if number == 0 else summary.resolution["dirty_documents"] <= loaded
        if number == 1:  # d joins a's Hammouchi (a new alias): b and c are not loaded again
            assert loaded == 2
        clean = tmp_path / f"clean{number}"
        Pipeline(exporters=("json", "store"), cache=False).run([corpus], clean)
        assert (out / "graph.json").read_bytes() == (clean / "graph.json").read_bytes()
        assert _quads(out) == _quads(clean)
    assert (out / RESOLUTION_INDEX).is_file()
    assert json.loads((out / "store.json").read_text())["quads"] == len(_quads(clean)) - _default_quads(clean)


def _default_quads(out):
    return sum(1 for _ in open_store(out).quads_for_pattern(None, None, None, ox.DefaultGraph()))


@pytest.mark.parametrize("seed", [4, 5])
def test_store_only_runs_hold_the_change_and_give_the_clean_store(tmp_path, seed):
    """Runs into the store alone (``exports="none"``) over random additions, changes and
    deletions: after the first, each holds the unchanged documents as references to the
    cache (StoredResult), loads only touched named graphs, and its store and report totals
    equal a clean run's."""
    rng = random.Random(seed)
    corpus = tmp_path / "in"
    corpus.mkdir()
    out = tmp_path / "out"
    pipeline = Pipeline(exports="none")
    present: dict[str, str] = {}
    for number in range(5):
        absent = [i for i in sorted(OWN) if i not in present]
        for i in rng.sample(absent, min(len(absent), 6 if number == 0 else rng.randint(1, 3))):
            present[i] = OWN[i]
        if number and rng.random() < 0.6:
            present.pop(rng.choice(sorted(present)))
        changeable = sorted(set(present) & set(CHANGED))
        if number and changeable:
            i = rng.choice(changeable)
            present[i] = CHANGED[i] if present[i] == OWN[i] else OWN[i]
        for old in corpus.iterdir():
            old.unlink()
        for name, text in present.items():
            (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        summary = pipeline.run([corpus], out)
        clean = tmp_path / f"clean{number}"
        clean_summary = Pipeline(exports="none", cache=False).run([corpus], clean)
        assert _quads(out) == _quads(clean)
        report = json.loads((out / "report.json").read_text())["totals"]
        clean_report = json.loads((clean / "report.json").read_text())["totals"]
        assert (report["entities"], report["relations"]) == (clean_report["entities"], clean_report["relations"])
        assert [d["id"] for d in json.loads((out / "report.json").read_text())["documents"]] == sorted(present)
        if number:
            assert summary.counts is not None and not summary.entities  # nothing held but the change
            assert sum(isinstance(r, StoredResult) for r in summary.results) == summary.cached > 0
            assert summary.resolution["store_graphs_loaded"] >= summary.resolution["dirty_documents"]
            assert summary.resolution["store_graphs_loaded"] < len(present) or len(present) < 4
        assert summary.entity_types() == clean_summary.entity_types()


# Many documents naming one country, city and agency (each with its own people): the
# lexicon-anchored entities (pipeline/resolution/anchored.py) take a new unit without
# bringing back every unit that names them.
SHARED = {
    "ma-01": "Pedro Sánchez visited Morocco on 3 May 2023 and met Nasser Bourita in Rabat.",
    "ma-02": "Le Maroc a accueilli Olaf Scholz à Rabat en juin 2022.",
    "ma-03": "استقبل المغرب وزير الخارجية أنتوني بلينكن في مراكش.",
    "ma-04": "Europol and the Moroccan police arrested two suspects in Tangier.",
    "ma-05": "The European Union Agency for Law Enforcement Cooperation (Europol) praised Morocco.",
    "ma-06": "Josep Borrell said the European Union would support Morocco after the earthquake.",
    "ma-07": "Giorgia Meloni a rencontré Aziz Akhannouch au Maroc pour parler de migration.",
    "ma-08": "Morocco and Spain reopened the border crossing at Ceuta, said José Manuel Albares.",
    "ma-09": "Europol said Moroccan investigators had shared data on a network based in Casablanca.",
    "ma-10": "زار رئيس الوزراء الإسباني بيدرو سانشيز المغرب والتقى الملك محمد السادس في الرباط.",
    "ma-11": "Stéphane Séjourné s'est rendu à Rabat, où le Maroc a signé un accord avec la France.",
    "ma-12": "The Moroccan authorities and Europol dismantled a cell in Fez, Abdellatif Hammouchi said.",
    "ma-13": "Antonio Guterres thanked Morocco for hosting the conference in Marrakech.",
    "ma-14": "EUROPOL and Morocco's police seized cocaine in the port of Tangier Med.",
}


@pytest.fixture(scope="module")
def shared_pool():
    results = Pipeline().process_batch([Document(id=i, text=t) for i, t in SHARED.items()])
    assert all(r.status == "ok" for r in results)
    return {r.document.id: r for r in results}


def test_a_document_naming_a_shared_country_brings_back_one_unit_of_it(shared_pool, tmp_path):
    index = tmp_path / "resolution.sqlite"
    ids = sorted(shared_pool)
    morocco = [i for i in ids[:-1] if any(m.key == "country/MA" for m in shared_pool[i].mentions)]
    assert len(morocco) >= 10
    _check([shared_pool[i] for i in ids[:-1]], index)
    stats: dict = {}
    entities, _ = _check([shared_pool[i] for i in ids], index, stats)
    # the new document names Morocco and Europol: one stored unit stands for each entity
    # (its key's other units are not loaded), where the closure held one per document
    assert stats["mode"] == "incremental" and stats["anchored_entities"] == 2
    assert stats["units"] == 2 and stats["closure_documents"] == 2
    country = next(e for e in entities if e["id"] == "country/MA")
    assert set(morocco) | {ids[-1]} <= set(country["documents"])
    # and a document that leaves takes its counts away (its aliases, spans, documents)
    stats = {}
    entities, _ = _check([shared_pool[i] for i in ids if i != "ma-03"], index, stats)
    country = next(e for e in entities if e["id"] == "country/MA")
    assert "ma-03" not in country["documents"] and "المغرب" in country["aliases"]  # ma-10 still names it
    assert stats["units"] <= 3


@pytest.mark.parametrize("seed", [6, 7])
def test_random_runs_over_shared_entities_equal_a_clean_run(shared_pool, pool, tmp_path, seed):
    """Additions and deletions among documents that share countries, cities and agencies
    (and documents of the other pool whose names join theirs): each tally stays a clean run's record."""
    rng = random.Random(seed)
    texts = {**shared_pool, **{i: pool[i][0] for i in ("hammouchi-en", "hammouchi-ar", "macron-fr", "rutte-fr")}}
    ids = sorted(texts)
    present: set[str] = set()
    index = tmp_path / "resolution.sqlite"
    for step in range(8):
        absent = sorted(set(ids) - present)
        present |= set(rng.sample(absent, min(len(absent), 8 if step == 0 else rng.randint(1, 3))))
        if step and rng.random() < 0.7:
            present -= set(rng.sample(sorted(present), rng.randint(1, 2)))
        _check([texts[i] for i in sorted(present)], index)


def test_an_anchored_entity_keeps_its_documents_and_spans_as_rows_and_tells_the_store_a_few(shared_pool, tmp_path):
    """A country's documents and spans are rows of the index, changed by the run's units
    (not its record, which grows with the archive): a lean run's record of it holds only the
    documents whose languages its statements read, and those give the statements of all."""
    index = tmp_path / "resolution.sqlite"
    ids = sorted(shared_pool)
    _check([shared_pool[i] for i in ids[:-1]], index)
    db = ResolutionIndex(index)
    try:
        record = json.loads(db.db.execute("SELECT record FROM entities WHERE root = '@country/MA'").fetchone()[0])
        rows = db.db.execute("SELECT COUNT(*) FROM tally_docs WHERE root = '@country/MA'").fetchone()[0]
    finally:
        db.close()
    assert record["documents"] == [] and record["spans"] == [] and rows >= 10
    stats: dict = {}
    resolve_incremental([shared_pool[i] for i in ids], index, "test", stats=stats, lean=True)
    after = json.loads(stats["entity_changes"]["country/MA"][1])
    entities, _ = resolve_entities([shared_pool[i] for i in ids])
    country = next(e for e in entities if e.id == "country/MA")
    assert 2 <= len(after["documents"]) <= 4 < len(country.documents)  # ar, en, fr and a second Latin one
    assert "country/MA" in stats["anchored_changes"] and stats["anchored_moved"] == {ids[-1]}
    assert anchored_documents(index, "country/MA") == country.documents
    langs = {r.document.id: r.document.lang for r in shared_pool.values()}
    assert entity_triples(after, langs) == entity_triples(country.to_dict(), langs)
    # a single French or English document is what a label's language reads: kept apart from two
    for latin in (["ma-02"], ["ma-02", "ma-07"], ["ma-01", "ma-02", "ma-03"]):
        docs = latin + ["ma-03"]
        tmp = tmp_path / f"single-{len(latin)}.sqlite"
        resolve_incremental([shared_pool[i] for i in sorted(set(docs))], tmp, "test")
        db = ResolutionIndex(tmp)
        try:
            few = _lang_documents(db, "@country/MA")
        finally:
            db.close()
        whole = dict(country.to_dict(), documents=sorted(set(docs)))
        assert entity_triples(dict(whole, documents=few), langs) == entity_triples(whole, langs)
        assert sum(langs[d] in ("fr", "en") for d in few) == min(2, sum(langs[d] in ("fr", "en") for d in set(docs)))


@pytest.mark.parametrize("seed", [8, 9])
def test_store_only_runs_over_a_shared_country_give_the_clean_store(shared_pool, tmp_path, seed):
    """Store-only runs adding and removing documents that name Morocco (its saved signature
    holds a few of its documents): each store equals a clean run's, and a new spelling of
    Morocco (its statements change) loads the named graph of every document that names it."""
    rng = random.Random(seed)
    corpus = tmp_path / "in"
    corpus.mkdir()
    out = tmp_path / "out"
    present = set(rng.sample(sorted(SHARED), 8))
    for number in range(4):
        if number:
            absent = sorted(set(SHARED) - present)
            present |= set(rng.sample(absent, min(len(absent), rng.randint(1, 2))))
            present -= set(rng.sample(sorted(present), 1))
        for old in corpus.iterdir():
            old.unlink()
        for name in present:
            (corpus / f"{name}.txt").write_text(SHARED[name], encoding="utf-8")
        if number == 3:  # a spelling of Morocco no other document has
            (corpus / "ma-99.txt").write_text("Le Royaume du Maroc et l'Espagne ont signé un accord.",
                                              encoding="utf-8")
        summary = Pipeline(exports="none").run([corpus], out)
        clean = tmp_path / f"clean{number}"
        Pipeline(exports="none", cache=False).run([corpus], clean)
        assert _quads(out) == _quads(clean)
        if number == 3:  # its new alias is in the named graph of every document that names it
            assert summary.resolution["store_graphs_loaded"] >= len(anchored_documents(out / RESOLUTION_INDEX,
                                                                                         "country/MA")) >= 5


def test_a_described_event_shares_no_empty_name_key(tmp_path):
    """A state visit is described, not named: its unit offers no name key to the retyping
    of model events (an empty one would link every described event of the archive)."""
    from pipeline.ontology_data import load_lexicon
    from pipeline.resolution.resolve import Resolver

    (result,) = Pipeline().process_batch([Document(
        id="visit", text="Le président Macron a effectué une visite d'État au Maroc en octobre 2024.")])
    resolver = Resolver(load_lexicon())
    resolver.add_document(result)
    keys = resolver.unit_keys(result.relations)
    event = next(unit for unit in keys if unit.startswith("visit\x1fevent|"))
    assert any(k.startswith("v:frame") for k in keys[event])  # joined by its frame, not a name
    assert not {k for ks in keys.values() for k in ks if k.startswith("e:") and "''" in k}


# People of one transliteration block (their skeletons begin alike, ">mhm"), each in a
# document of their own: no key but the block links them.
MOHAMED = {
    "mo-01": "Mohamed Salah scored twice for Liverpool on Saturday.",
    "mo-02": "Mohamed Morsi was elected president of Egypt in 2012.",
    "mo-03": "Mohamed Bouazizi set himself on fire in Sidi Bouzid in December 2010.",
    "mo-04": "Mohamed Abdelaziz led the Polisario Front for forty years.",
    "mo-05": "Mohamed Ould Ghazouani was re-elected president of Mauritania in 2024.",
    "mo-06": "Mohamed ElBaradei led the International Atomic Energy Agency.",
    "mo-07": "Mohamed Nasheed was president of the Maldives.",
    "mo-08": "Mohamed Elneny played in midfield for Arsenal.",
    "mo-09": "Mohamed Boudiaf was assassinated in Annaba in 1992.",
    "mo-10": "Mohamed Choukri wrote his novel in Tangier.",
    "mo-11": "Mohamed Hamdan Dagalo commands the Rapid Support Forces in Sudan.",
    "mo-12": "Mohamed Siad Barre ruled Somalia until 1991.",
    "mo-13": "Mohamed Abdullahi Farmaajo was president of Somalia.",
    "mo-14": "Mohamed Talbi was a Tunisian historian.",
    "mo-15": "Mohamed Dionne was prime minister of Senegal.",
    "mo-16": "Mohamed Hadid is a real estate developer in California.",
    "mo-17": "Mohamed Diop stood for the mayoralty of Dakar.",
    "mo-18": "Mohamed Zinet directed a film in Algiers.",
    "mo-ar": "وصل محمد بازوم إلى مطار نيامي.",
}
BAZOUM = "Mohamed Bazoum gave a long speech on Monday."


@pytest.fixture(scope="module")
def mohamed_pool():
    texts = {**MOHAMED, "mo-new": BAZOUM}
    results = Pipeline().process_batch([Document(id=i, text=t) for i, t in texts.items()])
    assert all(r.status == "ok" for r in results)
    return {r.document.id: r for r in results}


def _block_people(results) -> dict[str, str]:
    """Document -> the skeleton of its person's name in the ">mhm" block."""
    out = {}
    for r in results:
        for m in r.mentions:
            if m.type == "Person" and skeleton(m.text).startswith("mhm"):
                out[r.document.id] = skeleton(m.text)
    return out


def test_a_new_name_between_stored_names_of_a_block_loads_its_neighbours_only(mohamed_pool, tmp_path):
    """Mohamed Bazoum (a new document) sorts between stored names of a block of 19 people:
    the run compares it with its neighbours and joins the stored Arabic spelling, without
    bringing back the whole block (a closure by whole blocks held every one of them)."""
    stored = [mohamed_pool[i] for i in sorted(MOHAMED)]
    people = _block_people(stored)
    assert len(people) >= 15 and "mo-ar" in people
    new = skeleton("Mohamed Bazoum")
    assert min(people.values()) < new < max(people.values())  # it falls inside the block
    index = tmp_path / "resolution.sqlite"
    _check(stored, index)
    stats: dict = {}
    entities, _ = _check(stored + [mohamed_pool["mo-new"]], index, stats)
    assert stats["mode"] == "incremental"
    joined = [e for e in entities if {"mo-ar", "mo-new"} <= set(e["documents"]) and e["type"] == "Person"]
    assert len(joined) == 1 and joined[0]["label"] == "Mohamed Bazoum"
    # at most `window` neighbours each side in each of its two blocks, not the 19 people
    assert 1 <= stats["units"] <= 2 * 2 * 6 and stats["closure_documents"] < len(people)
    # and its removal parts them again
    stats = {}
    entities, _ = _check(stored, index, stats)
    assert not [e for e in entities if {"mo-ar", "mo-new"} & set(e["documents"]) == {"mo-ar", "mo-new"}]
    assert stats["closure_documents"] < len(people)


@pytest.mark.parametrize("seed", [8, 9])
def test_random_runs_with_a_narrow_window_equal_a_clean_run(mohamed_pool, pool, tmp_path, monkeypatch, seed):
    """With one neighbour each side (the clean run's setting too), a name added or removed
    parts or brings together stored neighbours often: the runs still equal a clean run."""
    from pipeline.ontology_data import load_lexicon, resolution_settings
    from pipeline.resolution.resolve import Resolver

    monkeypatch.setitem(resolution_settings(), "window", 1)
    assert Resolver(load_lexicon()).settings["window"] == 1
    rng = random.Random(seed)
    texts = {**mohamed_pool, **{i: pool[i][0] for i in ("hammouchi-en", "hammouchi-ar", "macron-fr", "macron-ar")}}
    ids = sorted(texts)
    present: set[str] = set()
    index = tmp_path / "resolution.sqlite"
    for step in range(8):
        absent = sorted(set(ids) - present)
        present |= set(rng.sample(absent, min(len(absent), 10 if step == 0 else rng.randint(1, 3))))
        if step and rng.random() < 0.7:
            present -= set(rng.sample(sorted(present), rng.randint(1, 2)))
        _check([texts[i] for i in sorted(present)], index)


# One skeleton (mhmdbs), two people: in both blocks the three names sort by their
# documents' ids, Mohamed Abbas between the two spellings of Mahmoud Abbas.
ABBAS = {
    "ab-1": "Mahmoud Abbas gave a speech on Tuesday.",
    "ab-2": "Mohamed Abbas scored a goal on Sunday.",
    "ab-3": "وصل الرئيس محمود عباس إلى القاهرة.",
}


def test_a_removed_name_brings_its_stored_neighbours_together(tmp_path, monkeypatch):
    """With one neighbour each side, Mohamed Abbas keeps the two spellings of Mahmoud
    Abbas apart; when his document goes, they become neighbours and join (the run loads
    both: the neighbours of a removed name, and here his surname's key too)."""
    from pipeline.ontology_data import resolution_settings

    monkeypatch.setitem(resolution_settings(), "window", 1)
    results = {r.document.id: r for r in Pipeline().process_batch([Document(id=i, text=t) for i, t in ABBAS.items()])}
    index = tmp_path / "resolution.sqlite"

    def mahmoud(want):
        return sorted(sorted(e["documents"]) for e in want[0] if {"ab-1", "ab-3"} & set(e["documents"])
                      and e["type"] == "Person")

    assert mahmoud(_check([results[i] for i in sorted(ABBAS)], index)) == [["ab-1"], ["ab-3"]]
    stats: dict = {}
    assert mahmoud(_check([results["ab-1"], results["ab-3"]], index, stats)) == [["ab-1", "ab-3"]]
    assert stats["mode"] == "incremental" and stats["units"] == 2


# People of one surname and bodies of one set of initials, each in a document of their own,
# and a lone surname and a lone acronym that may stand for one of them
# (:class:`pipeline.resolution.incremental._Lookups`).
BHUTTO = {
    "bh-1": "Benazir Bhutto said on Monday that elections would be held in Karachi.",
    "bh-2": "Zulfikar Ali Bhutto said on Monday that the talks in Simla had ended.",
    "bh-3": "Fatima Bhutto said on Monday that her novel would be published in London.",
    "bh-4": "Shahnawaz Bhutto said on Monday that he would stay in Nice.",
    "bh-5": "Sanam Bhutto said on Monday that she lived in London.",
    "bh-6": "Aseefa Bhutto said on Monday that she would campaign in Larkana.",
    "bh-7": "Mumtaz Bhutto said on Monday that he would stay in Sukkur.",
}
AFC = {
    "af-1": "The Asian Football Confederation moved the final to Doha.",
    "af-2": "The African Finance Corporation (AFC) invested in a port in Lagos.",  # the acronym bound to it
    "af-3": "Arsenal Football Club signed a striker from Madrid.",
    "af-4": "The Australian Flying Corps trained pilots near Melbourne.",
    "af-5": "The Armed Forces Council met in Khartoum on Tuesday.",
}
NAMESAKES_NEW = {
    "bh-new": "Fatima Bhutto told reporters in Dubai that she was writing a new book.",
    "bh-lone": "Mr. Bhutto told reporters in Islamabad that the treaty would be signed.",
    "af-new": "The Asian Football Confederation fined the club in Riyadh.",
    "af-lone": "The AFC suspended the referee for six months.",
}


@pytest.fixture(scope="module")
def namesakes():
    texts = {**BHUTTO, **AFC, **NAMESAKES_NEW}
    results = Pipeline().process_batch([Document(id=i, text=t) for i, t in texts.items()])
    assert all(r.status == "ok" for r in results)
    return {r.document.id: r for r in results}


def _together(entities, a: str, b: str) -> bool:
    return any({a, b} <= set(e["documents"]) for e in entities if e["type"] != "Event")


def test_a_new_full_name_joins_its_namesake_without_bringing_back_the_surname(namesakes, tmp_path, monkeypatch):
    """Fatima Bhutto (a new document) shares her surname's key with six stored Bhuttos and
    joins the stored Fatima Bhutto only; no lone Bhutto is stored, so the surname's key joins
    nothing and its people are not loaded (but her transliteration block's neighbours)."""
    from pipeline.ontology_data import resolution_settings

    monkeypatch.setitem(resolution_settings(), "window", 1)
    people = [i for i in sorted(BHUTTO) if any(m.type == "Person" for m in namesakes[i].mentions)]
    assert len(people) >= 6
    index = tmp_path / "resolution.sqlite"
    stored = [namesakes[i] for i in sorted(BHUTTO)]
    _check(stored, index)
    stats: dict = {}
    entities, _ = _check(stored + [namesakes["bh-new"]], index, stats)
    assert _together(entities, "bh-3", "bh-new")
    assert not any(_together(entities, i, "bh-new") for i in people if i not in ("bh-3", "bh-5"))
    # the stored Fatima Bhutto, her entity, one block neighbour each side: not the surname's people
    assert stats["mode"] == "incremental" and 1 <= stats["closure_documents"] <= 4 < len(people)


def test_a_new_long_form_joins_its_namesake_without_bringing_back_the_initials(namesakes, tmp_path):
    """The Asian Football Confederation (a new document) shares its initials with four stored
    bodies, one of which names itself AFC in its own document; no lone AFC is stored, so the
    initials join nothing and only the stored Asian Football Confederation is loaded."""
    index = tmp_path / "resolution.sqlite"
    stored = [namesakes[i] for i in sorted(AFC)]
    _check(stored, index)
    stats: dict = {}
    entities, _ = _check(stored + [namesakes["af-new"]], index, stats)
    assert _together(entities, "af-1", "af-new")
    assert not any(_together(entities, i, "af-new") for i in sorted(AFC) if i != "af-1")
    assert stats["mode"] == "incremental" and stats["units"] == 1 and stats["closure_documents"] == 1


@pytest.mark.parametrize("lone, full, other", [
    ("bh-lone", "bh-1", "bh-3"),  # Mr. Bhutto is Benazir Bhutto while she is the only Bhutto
    ("af-lone", "af-1", "af-2"),  # the AFC is the Asian Football Confederation while ...
    ("af-lone", "af-1", "af-3"),
])
def test_a_new_namesake_parts_a_stored_lone_surname_or_acronym_from_its_full_name(namesakes, tmp_path, lone,
                                                                                full, other):
    """A stored lone surname (acronym) joins the one full name its key finds; a new document
    with another full name of that key leaves it two, and the lone one stays alone (and joins
    again when that document goes): the key is followed, the stored lone one resolved again."""
    index = tmp_path / "resolution.sqlite"
    base = [namesakes[lone], namesakes[full], namesakes["bh-7" if lone.startswith("af") else "af-4"]]
    assert _together(_check(base, index)[0], lone, full)
    stats: dict = {}
    entities, _ = _check(base + [namesakes[other]], index, stats)
    assert not _together(entities, lone, full) and stats["closure_documents"] >= 2
    assert _together(_check(base, index)[0], lone, full)


@pytest.mark.parametrize("lone_stored", [True, False])
def test_a_new_namesake_among_many_stored_ones_leaves_the_surnames_people_out(namesakes, tmp_path, monkeypatch,
                                                                             lone_stored):
    """A lone "Mr. Bhutto" (stored, or new with her) makes the surname's key live, but the
    stored Bhuttos of entities of their own that the run leaves out already give it several
    to choose from: a new Fatima Bhutto brings none of them back, and the lone Bhutto stays
    alone (the run tells the resolver "several": with Fatima Bhutto alone inside it would
    join her); equal to a clean run."""
    from pipeline.ontology_data import resolution_settings

    monkeypatch.setitem(resolution_settings(), "window", 1)
    index = tmp_path / "resolution.sqlite"
    stored = [namesakes[i] for i in sorted(BHUTTO)] + ([namesakes["bh-lone"]] if lone_stored else [])
    _check(stored, index)
    stats: dict = {}
    new = [namesakes["bh-new"]] + ([] if lone_stored else [namesakes["bh-lone"]])
    entities, _ = _check(stored + new, index, stats)
    assert _together(entities, "bh-3", "bh-new") and not _together(entities, "bh-lone", "bh-new")
    # Fatima Bhutto's entity and block neighbours (and the stored lone one): not the surname's seven
    assert stats["mode"] == "incremental" and stats["closure_documents"] <= 4 < len(BHUTTO)


@pytest.mark.parametrize("seed", [10, 11, 12, 13])
def test_random_runs_over_namesakes_equal_a_clean_run(namesakes, tmp_path, seed):
    rng = random.Random(seed)
    ids = sorted(namesakes)
    present: set[str] = set()
    index = tmp_path / "resolution.sqlite"
    for step in range(8):
        absent = sorted(set(ids) - present)
        present |= set(rng.sample(absent, min(len(absent), 6 if step == 0 else rng.randint(1, 3))))
        if step and rng.random() < 0.7:
            present -= set(rng.sample(sorted(present), rng.randint(1, 2)))
        _check([namesakes[i] for i in sorted(present)], index)
