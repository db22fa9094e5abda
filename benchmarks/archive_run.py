"""The incremental run of the growth benchmark: a real ``doc2kg run --exports none`` adding 10
new documents to a simulated archive of N documents, timed in a child process.

The archive: copies of ``corpus/train`` (445 documents in three languages) under new ids
(``c<copy>-<id>``), as JSONL files of 500 documents. Their results are written straight
into the output folder's cache as copies of the template's results (ids renamed; the
template is processed once and kept in ``WORK/template-<fingerprint>.json``), so an archive
of N documents costs no NLP, as the store benchmark's copies of ``graph.nq`` do; and as
those, each copy's names but the countries' end with a tag of the copy (``Qb``), so a copy
names its own people, agencies and places. ``--shared-names`` keeps the template's names
in every copy: every entity is then named in N / 445 times as many documents, and a new
document brings back one unit per document that shares a name with it (the closure's
worst case). A country is shared either way: a new document that names Morocco brings
back a unit of every document that names it.

At each size: one run over the archive (clean the first time, then incremental over the
documents added since), then ``NEW_DOCUMENTS`` documents of ``tests/evaluation/data`` (new
ids) added as one more file and the timed run: its wall time, its peak RSS (the child's
``ru_maxrss``), the store's and the resolution index's size on disk, and what it resolved
and loaded (``report.json``'s ``resolution``).

Usage::

    python benchmarks/archive_run.py --documents 3000 10000 --work /tmp/archive-run
    python benchmarks/archive_run.py --documents 100000 --step 15000 --work /tmp/archive-run
        # the same work folder, grown from 10k to 100k by incremental runs of 15,000 documents
    python benchmarks/growth.py /tmp/dev/graph.nq --documents 10000 100000 --work /tmp/growth
        # its incremental row calls add_documents(documents=N, work=WORK) below
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import string
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEMPLATE = sorted((ROOT / "corpus" / "train").glob("*.jsonl"))
NEW = sorted((ROOT / "tests" / "evaluation" / "data").glob("*.jsonl"))
NEW_DOCUMENTS = 10
PER_FILE = 500


def disk_size(path: Path) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def _rows(files: list[Path]) -> list[dict]:
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def template_results(work: Path) -> dict[str, dict]:
    """Template id -> its result as a dict (processed once per pipeline fingerprint)."""
    from pipeline.model import Document
    from pipeline.runner import Pipeline
    from pipeline.runtime.cache import pipeline_fingerprint

    path = work / f"template-{pipeline_fingerprint()[:16]}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    results = Pipeline().process_batch([Document(id=r["id"], text=r["text"]) for r in _rows(TEMPLATE)])
    out = {r.document.id: r.to_dict() for r in results if r.status == "ok"}
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def copy_tag(copy: int) -> str:
    """A word for copy ``copy`` (``Qa``, ``Qb``, ... ``Qba``): what its names end with."""
    letters = ""
    while True:
        copy, digit = divmod(copy, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if not copy:
            return "Q" + letters


def cipher(copy: int) -> dict[int, str]:
    """Copy ``copy``'s letters: a permutation of the Latin letters and one of the Arabic
    letters (lam kept: the article stays one), drawn from the copy's number."""
    rng = random.Random(copy)
    table: dict[int, str] = {}
    for letters in (string.ascii_lowercase,
                    "".join(chr(c) for c in [*range(0x0628, 0x063B), *range(0x0641, 0x064B)] if c != 0x0644)):
        shuffled = list(letters)
        rng.shuffle(shuffled)
        table.update({ord(a): b for a, b in zip(letters, shuffled)})
        table.update({ord(a.upper()): b.upper() for a, b in zip(letters, shuffled) if a.isascii()})
    return table


def _forge(template: dict, document, copy: int, shared_names: bool, ciphered: bool = False) -> dict:
    """``template`` (a result) as the result of ``document``, a copy of its text under
    another id; unless ``shared_names``, every name but a country's ends with the copy's
    tag (and loses its lexicon key), as the store benchmark renames every entity IRI but a
    country's: copy 0 is the template."""
    old, new = template["document"]["id"], document.id
    body = json.dumps({"mentions": template["mentions"], "relations": template["relations"]}, ensure_ascii=False)
    body = body.replace(f'"{old}#', f'"{new}#').replace(f'"document": "{old}"', f'"document": "{new}"')
    result = dict(template, **json.loads(body))
    if copy and not shared_names:
        table = cipher(copy) if ciphered else None
        for mention in result["mentions"]:
            if mention["type"] != "Country":
                mention["text"] = (mention["text"].translate(table) if table is not None
                                   else f"{mention['text']} {copy_tag(copy)}")
                mention["key"] = None
                if table is not None:
                    mention["attrs"] = _cipher_attrs(mention.get("attrs") or {}, table)
    result["document"] = dict(template["document"], **{k: getattr(document, k) for k in (
        "id", "source", "text", "content_hash", "encoding", "title", "publisher", "date", "url")})
    return result


def _cipher_attrs(attrs: dict, table: dict[int, str]) -> dict:
    """A mention's attributes with the names they carry (aliases, acronym, bare name) in the copy's letters."""
    out = dict(attrs)
    for k in ("acronym", "name"):
        if isinstance(out.get(k), str):
            out[k] = out[k].translate(table)
    if isinstance(out.get("aliases"), list):
        out["aliases"] = [a.translate(table) if isinstance(a, str) else a for a in out["aliases"]]
    return out


def grow(archive: Path, out: Path, documents: int, work: Path, shared_names: bool = False,
         ciphered: bool = False) -> int:
    """Write archive files up to ``documents`` documents and their results into ``out``'s
    cache; returns how many documents were added."""
    from pipeline.ingest.read import discover
    from pipeline.runner import Pipeline
    from pipeline.runtime.cache import ResultCache, document_key

    rows = _rows(TEMPLATE)
    archive.mkdir(parents=True, exist_ok=True)
    have = sum(1 for f in archive.glob("part*.jsonl") for _ in f.open(encoding="utf-8"))
    if have >= documents:
        return 0
    templates = template_results(work)
    cache = ResultCache(out / ".cache")
    added = 0
    for start in range(have, documents, PER_FILE):
        path = archive / f"part{start // PER_FILE:05d}.jsonl"
        chunk = [(i // len(rows), rows[i % len(rows)]) for i in range(start, min(documents, start + PER_FILE))]
        path.write_text("".join(json.dumps({"id": f"c{copy}-{r['id']}", "text": r["text"]}, ensure_ascii=False) + "\n"
                                for copy, r in chunk), encoding="utf-8")
        for document in Pipeline().read(discover([path])):
            template = templates.get(document.id.split("-", 1)[1])
            if template is None:  # the template failed on it: processed by the run
                continue
            key = document_key(document)
            entry = cache._path(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            copy = int(document.id.split("-", 1)[0][1:])
            entry.write_text(json.dumps({"key": key, "result": _forge(template, document, copy, shared_names, ciphered)},
                                        ensure_ascii=False), encoding="utf-8")
            added += 1
    return added


def timed_run(archive: Path, out: Path) -> dict:
    """``doc2kg run ARCHIVE --out OUT --exports none`` in a child process: seconds, peak RSS, report."""
    code = ("import json, resource, sys, time; from pathlib import Path; from pipeline.runner import Pipeline; "
            "t = time.perf_counter(); s = Pipeline(exports='none').run([Path(sys.argv[1])], Path(sys.argv[2])); "
            "print(json.dumps({'seconds': round(time.perf_counter() - t, 2), "
            "'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "
            "'exit': s.exit_code}))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(archive), str(out)], env=env, capture_output=True,
                          text=True, check=True, cwd=ROOT)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row["wall_s"] = round(time.perf_counter() - t, 2)  # with the interpreter's and the models' start
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["totals"]
    row["resolution"] = report.get("resolution", {})
    return row


def add_documents(documents: int, work: Path, shared_names: bool = False, step: int | None = None,
                  ciphered: bool = False) -> dict:
    """The growth benchmark's hook: the archive grown to ``documents``, then 10 new ones added.
    With ``step``, the archive grows by at most ``step`` documents a run (each an incremental
    run of ``doc2kg run --exports none``, timed as a prepare row): an archive too large for
    one clean run is prepared as an archive grows, in batches."""
    work = Path(work) / ("archive-run-shared" if shared_names else "archive-run-cipher" if ciphered else "archive-run")
    archive, out = work / "archive", work / "out"
    have = sum(1 for f in archive.glob("part*.jsonl") for _ in f.open(encoding="utf-8")) if archive.is_dir() else 0
    targets = [documents]
    if step and have:
        targets = list(range(have + step, documents, step)) + [documents]
    prepares = []
    for target in targets:
        # in a child process: the template's NLP is not the caller's memory
        done = subprocess.run([sys.executable, __file__, "--grow", str(target), "--work", str(work)]
                              + (["--shared-names"] if shared_names else []) + (["--cipher"] if ciphered else []),
                              check=True,
                              capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        added = int(done.stdout.strip().splitlines()[-1])
        if added or not (out / "report.json").is_file():
            prepares.append(dict(timed_run(archive, out), documents=target, added=added,
                                 load_average=os.getloadavg()))
            print(json.dumps({"prepare": prepares[-1]}), file=sys.stderr, flush=True)
    prepare = prepares[0] if len(prepares) == 1 else prepares or None
    rows = _rows(NEW)[:NEW_DOCUMENTS]
    new = archive / f"zz-new-{documents:09d}.jsonl"
    new.write_text("".join(json.dumps({"id": f"new{documents}-{r['id']}", "text": r["text"]}, ensure_ascii=False)
                           + "\n" for r in rows), encoding="utf-8")
    row = timed_run(archive, out)
    store = (out / "store").resolve()
    return {"archive_documents": documents + NEW_DOCUMENTS * len(list(archive.glob("zz-new-*.jsonl"))),
            "prepare": prepare, "add_10": row, "store_mib": round(disk_size(store) / 2**20),
            "index_mib": round(disk_size(out / ".index") / 2**20),
            "cache_mib": round(disk_size(out / ".cache") / 2**20)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[3000, 10_000])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--shared-names", action="store_true",
                        help="every copy names the same entities (the closure's worst case)")
    parser.add_argument("--step", type=int, help="grow the archive by at most this many documents a run")
    parser.add_argument("--cipher", action="store_true",
                        help="a copy's names (but a country's) in its own letters, not tagged: no tag shared by "
                             "the copies' initials, surnames or transliteration blocks")
    parser.add_argument("--grow", type=int, help=argparse.SUPPRESS)  # add_documents' child: grow, print how many
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.grow is not None:
        print(grow(args.work / "archive", args.work / "out", args.grow, args.work, args.shared_names, args.cipher))
        return
    for documents in sorted(args.documents):
        print(json.dumps({"documents": documents, "load_average": os.getloadavg(),
                          **add_documents(documents, args.work, args.shared_names, args.step, args.cipher)}),
              flush=True)
    print(f"this process's peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
