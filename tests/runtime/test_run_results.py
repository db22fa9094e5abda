"""A run's results with its references as rows of a SQLite table beside the cache: the order,
indexing and look-ups of a list, the references not held, the file gone with the object."""
import gc

import pytest

from pipeline.model import Document, DocumentResult, StoredResult
from pipeline.runtime import run_results
from pipeline.runtime.cache import ResultCache
from pipeline.runtime.run_results import RunResults, read_whole, remove_stale


def processed(doc_id: str, status: str = "ok") -> DocumentResult:
    return DocumentResult(document=Document(id=doc_id, text="Le Maroc.", source=f"{doc_id}.txt"), status=status)


def stored(n: int) -> StoredResult:
    return StoredResult(id=f"s{n}", source=f"/archive/part.jsonl#L{n}", key=f"{n:064x}")


def mixed() -> list:
    """Eleven results: references with a processed, a failed and a skipped one among them."""
    out: list = [stored(n) for n in range(8)]
    out.insert(2, processed("new"))
    out.insert(5, processed("bad", "failed"))
    out.append(processed("empty", "skipped"))
    return out


def same(a, b) -> bool:
    return a is b if isinstance(b, DocumentResult) else (type(a), a.id, a.source, a.key) == (type(b), b.id, b.source, b.key)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(run_results, "PAGE", 3)  # several pages, a page flushed mid-way


def test_a_run_reads_back_its_results_in_order_as_a_list_would(tmp_path, small_pages):
    want = mixed()
    results = RunResults(tmp_path)
    results.extend(want)
    assert len(results) == len(want) == 11
    assert all(same(a, b) for a, b in zip(results, want, strict=True))
    assert all(same(results[i], want[i]) for i in range(-11, 11))
    assert all(same(a, b) for a, b in zip(results[3:9:2], want[3:9:2], strict=True))
    with pytest.raises(IndexError):
        results[11]
    # only the results read whole are held; the references are rows of the file
    assert sorted(r.document.id for r in results.held.values()) == ["bad", "empty", "new"]
    assert results.references == 8 and results.ok == 9
    assert [r.document.id for r in read_whole(results)] == ["new", "bad", "empty"]
    assert results.path is not None and results.path.parent == tmp_path and results.path.is_file()
    assert [r.id for r in results.stored()] == [f"s{n}" for n in range(8)]


def test_results_are_found_by_id_and_references_by_key(tmp_path, small_pages):
    results = RunResults(tmp_path)
    results.extend(mixed())
    found = results.find({"s1", "s7", "new", "bad", "nowhere"})
    assert sorted(found) == ["new", "s1", "s7"]  # a failed result is not an ok one
    assert same(found["s7"], stored(7)) and found["new"].document.id == "new"
    assert results.held_keys([stored(3).key, "f" * 64, stored(0).key]) == {stored(3).key, stored(0).key}


def test_without_references_no_table_is_made(tmp_path):
    results = RunResults(tmp_path)
    results.extend([processed("a"), processed("b", "failed")])
    assert [r.document.id for r in results] == ["a", "b"] and results.db is None
    assert results.find({"a"})["a"].document.id == "a" and results.held_keys(["0" * 64]) == set()
    assert list(tmp_path.iterdir()) == []


def test_the_table_goes_with_the_object_and_a_killed_runs_table_with_the_next_run(tmp_path):
    results = RunResults(tmp_path)
    results.append(stored(1))
    results.flush()
    path = results.path
    assert path.is_file()
    del results
    gc.collect()
    assert not path.exists()
    closed = RunResults(tmp_path)
    closed.append(stored(2))
    closed.flush()
    closed.close()
    assert not closed.path.exists()
    left = tmp_path / f"{run_results.PREFIX}0123{run_results.SUFFIX}"  # a killed run's
    left.write_bytes(b"")
    (tmp_path / "results").mkdir()
    remove_stale(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results"]


def test_prune_keeps_the_entries_the_run_table_points_to(tmp_path):
    """The cache's prune asks the run's table which of the entries' keys it holds (a join,
    not a set of every key): those stay, the others go."""
    writer = ResultCache(tmp_path, fingerprint="f1")
    docs = [Document(id=f"d{n}", text=f"Rabat {n}.", source=f"d{n}.txt", content_hash=str(n)) for n in range(4)]
    for doc in docs:
        writer.put(DocumentResult(document=doc))
    cache = ResultCache(tmp_path, fingerprint="f1")
    results = RunResults(tmp_path)
    results.extend([cache.peek(docs[0]), cache.peek(docs[2])])
    assert cache.used == set()
    assert cache.prune(held=results.held_keys) == 2
    assert {p.stem for p in tmp_path.rglob("*.json")} == {results[0].key, results[1].key}
