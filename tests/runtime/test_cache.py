"""The incremental cache: keys, misses, torn entries, pruning, and entries that survive SIGKILL."""
import json
import signal
import subprocess
import sys
import time

from pipeline.model import Document, DocumentResult, Mention, StoredResult
from pipeline.runtime.cache import ResultCache, document_key, pipeline_fingerprint
from tests.conftest import ROOT


def result(doc_id="a", text="La DGSI coopère avec le Maroc.", status="ok"):
    doc = Document(id=doc_id, text=text, source=f"{doc_id}.txt", content_hash=str(hash(text)), lang="fr")
    m = Mention(id=f"{doc_id}#25-30", document=doc_id, start=25, end=30, text="Maroc", type="Country", lang="fr",
                key="country/MA")
    return DocumentResult(document=doc, mentions=[m], status=status, tokens=7)


def test_put_then_get_round_trips_the_result(tmp_path):
    cache = ResultCache(tmp_path, fingerprint="f1")
    r = result()
    cache.put(r)
    got = ResultCache(tmp_path, fingerprint="f1").get(r.document)
    assert got is not None and got.to_dict() == r.to_dict()


def test_changed_text_other_fingerprint_and_failures_miss(tmp_path):
    cache = ResultCache(tmp_path, fingerprint="f1")
    cache.put(result())
    cache.put(result("b", status="failed"))
    assert cache.get(result(text="La DGSE coopère avec le Maroc.").document) is None
    assert ResultCache(tmp_path, fingerprint="f2").get(result().document) is None
    assert cache.get(result("b").document) is None


def test_torn_entry_is_a_miss_not_an_error(tmp_path):
    cache = ResultCache(tmp_path, fingerprint="f1")
    r = result()
    cache.put(r)
    path = cache._path(document_key(r.document))
    path.write_text(path.read_text()[:40], encoding="utf-8")
    assert cache.get(r.document) is None


def test_prune_drops_unused_entries_and_other_fingerprints(tmp_path):
    old = ResultCache(tmp_path, fingerprint="old")
    old.put(result())
    cache = ResultCache(tmp_path, fingerprint="new")
    cache.put(result("a"))
    cache.put(result("gone"))
    fresh = ResultCache(tmp_path, fingerprint="new")
    assert fresh.get(result("a").document) is not None
    fresh.prune()
    assert not old.dir.exists()
    assert ResultCache(tmp_path, fingerprint="new").get(result("a").document) is not None
    assert ResultCache(tmp_path, fingerprint="new").get(result("gone").document) is None


def test_fingerprint_covers_code_and_ontology():
    fp = pipeline_fingerprint()
    assert len(fp) == 64 and fp == pipeline_fingerprint()


WRITER = """
import sys
from pipeline.model import Document, DocumentResult, Mention, StoredResult
from pipeline.runtime.cache import ResultCache
cache = ResultCache(sys.argv[1], fingerprint="f")
text = "x" * 200_000
i = 0
while True:
    doc = Document(id=f"d{i}", text=text, content_hash=str(i))
    ms = [Mention(id=f"d{i}#{k}", document=f"d{i}", start=k, end=k + 1, text="x", type="City", lang="fr") for k in range(300)]
    cache.put(DocumentResult(document=doc, mentions=ms))
    i += 1
    print(i, flush=True)
"""


def test_entries_survive_sigkill_mid_write(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    for _ in range(5):  # let it write a few entries, then kill it wherever it is
        proc.stdout.readline()
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    entries = list(tmp_path.glob("results/*/*/*.json"))
    assert len(entries) >= 5
    for path in entries:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(data["result"]["mentions"]) == 300
    # A leftover temporary file is not an entry, and pruning removes it.
    cache = ResultCache(tmp_path, fingerprint="f")
    cache.prune()
    assert not list(tmp_path.glob("results/*/*/.*.tmp"))


def test_peek_refers_to_the_entry_and_load_reads_it(tmp_path):
    """An incremental run holds a hit as a reference (StoredResult), read back with load."""
    cache = ResultCache(tmp_path, fingerprint="f1")
    r = result()
    cache.put(r)
    again = ResultCache(tmp_path, fingerprint="f1")
    stored = again.peek(r.document)
    assert isinstance(stored, StoredResult) and stored.key == document_key(r.document)
    assert (stored.id, stored.status, stored.document.source) == ("a", "ok", "a.txt")
    # counted, but its key and id are held by the reference alone (prune is given the keys)
    assert again.hits == 1 and again.hit_ids == set() and again.used == set()
    assert again.load(stored).to_dict() == r.to_dict()
    assert again.peek(result(text="La DGSE coopère avec le Maroc.").document) is None
    # an entry cut short is a miss, as for get
    path = next(p for p in tmp_path.rglob("*.json"))
    path.write_text(path.read_text()[:40])
    assert again.peek(r.document) is None and again.misses == 2


def test_prune_keeps_the_entries_of_the_references_it_is_given(tmp_path):
    """A peeked entry is not in ``used``: prune keeps it when given its key, and drops the
    entries neither used nor given."""
    writer = ResultCache(tmp_path, fingerprint="f1")
    kept, dropped, written = result(), result(text="La DGSE coopère avec le Maroc."), result(text="Rabat.")
    for r in (kept, dropped):
        writer.put(r)
    cache = ResultCache(tmp_path, fingerprint="f1")
    stored = cache.peek(kept.document)
    cache.put(written)
    assert cache.prune([stored.key]) == 1
    names = {p.stem for p in tmp_path.rglob("*.json")}
    assert names == {document_key(kept.document), document_key(written.document)}
    assert ResultCache(tmp_path, fingerprint="f1").prune() == 2  # nothing given, nothing used
