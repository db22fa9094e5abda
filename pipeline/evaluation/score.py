"""Document-level scoring of a ``graph.json`` against gold JSONL (rules of shared/eval/README.md).

Per document, predicted entities listing it are matched one-to-one (greedy, by number of
shared normalized names) to gold entities of the same type; relations are matched through
the untyped entity mapping (``cooperatesWith`` symmetric, ``occurredOn`` by year).
Optional gold relations are neither rewarded nor penalized. Counts are micro-averaged and
broken down by language and by type.

Usage::

    report = score(gold_docs, graph)     # graph: the parsed graph.json
    report["entities"]["all"]["f1"]
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from pipeline.language.morphology import FUSED_ARTICLE, SCORER_PROCLITIC, WA, restore_fused_article, strip_article
from pipeline.model import ENTITY_TYPES, LITERAL_RELATIONS, RELATION_TYPES, SYMMETRIC_RELATIONS

_AR_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile(r"[\"'“”«»‘’`´.,;:!?()\[\]{}،؛؟\-–—_/\\]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = _AR_DIAC.sub("", s).translate(_FOLD)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return " ".join(_PUNCT.sub(" ", s).split())


def variants(name: str) -> set[str]:
    n = norm(name)
    out = {n}
    words = n.split()
    if words:
        w0 = words[0]
        if w0.startswith(FUSED_ARTICLE) and len(w0) > 3:
            out.add(" ".join([restore_fused_article(w0)] + words[1:]))
        stripped = SCORER_PROCLITIC.sub("", w0)
        if stripped != w0:
            out.add(" ".join([stripped] + words[1:]))
        if w0.startswith(WA) and len(w0) > 3:
            out.add(" ".join([w0[1:]] + words[1:]))
    for v in list(out):
        out.add(" ".join(strip_article(w, min_length=4) for w in v.split()))
        for article in ("the ", "la ", "le ", "les ", "l "):
            if v.startswith(article):
                out.add(v[len(article):])
    return {v for v in out if v}


def names(entity: dict) -> set[str]:
    out: set[str] = set()
    for s in [entity.get("name") or entity.get("label") or "", *entity.get("aliases", [])]:
        if isinstance(s, str) and s.strip():
            out |= variants(s)
    return out


def match_entities(gold: list[dict], pred: list[dict], typed: bool) -> dict[str, str]:
    """Greedy one-to-one matching by name overlap: predicted id -> gold id."""
    pairs = []
    for g in gold:
        gn = names(g)
        for p in pred:
            if typed and p.get("type") != g["type"]:
                continue
            overlap = len(gn & names(p))
            if overlap:
                pairs.append((overlap, p["id"], g["id"]))
    pairs.sort(key=lambda x: -x[0])
    used_p: set[str] = set()
    used_g: set[str] = set()
    mapping: dict[str, str] = {}
    for _, pid, gid in pairs:
        if pid in used_p or gid in used_g:
            continue
        used_p.add(pid)
        used_g.add(gid)
        mapping[pid] = gid
    return mapping


def _year(value) -> str:
    m = re.search(r"\d{4}", str(value))
    return m.group(0) if m else str(value)


def rel_key(head, tail, typ):
    if typ in SYMMETRIC_RELATIONS:
        head, tail = sorted([head, tail], key=str)
    if typ in LITERAL_RELATIONS:
        tail = _year(tail)
    return (head, typ, tail)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, keys: list[str], slot: int, n: int = 1) -> None:
        for k in keys:
            self.counts[k][slot] += n

    def table(self) -> dict[str, dict[str, float]]:
        return {k: prf(*v) for k, v in sorted(self.counts.items())}


def score(gold_docs: list[dict], graph: dict) -> dict:
    ents = [e for e in graph.get("entities", []) if isinstance(e, dict) and "id" in e]
    rels = [r for r in graph.get("relations", []) if isinstance(r, dict)]
    ent_tally, rel_tally = _Tally(), _Tally()
    per_doc = []
    for d in gold_docs:
        did, lang = d["id"], d.get("lang", "?")
        pe = [e for e in ents if did in e.get("documents", []) and e.get("type") in ENTITY_TYPES]
        pr = [r for r in rels if did in r.get("documents", []) and r.get("type") in RELATION_TYPES]
        typed = match_entities(d["entities"], pe, typed=True)
        untyped = match_entities(d["entities"], pe, typed=False)
        gold_by_id = {g["id"]: g for g in d["entities"]}
        pred_by_id = {p["id"]: p for p in pe}
        for p in pe:
            slot = 0 if p["id"] in typed else 1
            ent_tally.add(["all", f"lang:{lang}", f"type:{p['type']}"], slot)
        matched_gold = set(typed.values())
        for g in d["entities"]:
            if g["id"] not in matched_gold:
                ent_tally.add(["all", f"lang:{lang}", f"type:{g['type']}"], 2)
        required = {rel_key(r["head"], r["tail"], r["type"]): r for r in d["relations"] if not r.get("optional")}
        optional = {rel_key(r["head"], r["tail"], r["type"]) for r in d["relations"] if r.get("optional")}
        predicted = {}
        for r in pr:
            h = untyped.get(r.get("head"))
            t = r.get("tail") if r["type"] in LITERAL_RELATIONS else untyped.get(r.get("tail"))
            key = rel_key(h or ("?", r.get("head")), t if t is not None else ("?", r.get("tail")), r["type"])
            predicted[key] = r
        for key in predicted:
            if key in required:
                rel_tally.add(["all", f"lang:{lang}", f"type:{key[1]}"], 0)
            elif key not in optional:
                rel_tally.add(["all", f"lang:{lang}", f"type:{key[1]}"], 1)
        for key in required:
            if key not in predicted:
                rel_tally.add(["all", f"lang:{lang}", f"type:{key[1]}"], 2)

        def show(key):
            h, typ, t = key
            hn = gold_by_id[h]["name"] if h in gold_by_id else (pred_by_id.get(h[1], {}).get("label", h[1]) if isinstance(h, tuple) else h)
            tn = gold_by_id[t]["name"] if isinstance(t, str) and t in gold_by_id else (
                pred_by_id.get(t[1], {}).get("label", t[1]) if isinstance(t, tuple) else t)
            return f"{hn} -{typ}-> {tn}"

        per_doc.append({
            "id": did, "lang": lang,
            "missed_entities": [f"{g['name']} ({g['type']})" for g in d["entities"] if g["id"] not in matched_gold],
            "spurious_entities": [f"{p['label']} ({p['type']})" for p in pe if p["id"] not in typed],
            "missed_relations": sorted(show(k) for k in required if k not in predicted),
            "spurious_relations": sorted(show(k) for k in predicted if k not in required and k not in optional),
        })
    return {"entities": ent_tally.table(), "relations": rel_tally.table(), "documents": per_doc}
