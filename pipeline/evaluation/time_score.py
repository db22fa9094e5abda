"""Scoring of time and sources against gold that carries them (``corpus/time/``, the format
of the time gold): publication date, dates with precision, role status and attribution,
each with precision and recall. Documents or relations without these fields are skipped,
so any gold file can be passed.

- **published**: per document with ``meta``; a predicted date that differs from the gold
  (or where the gold has none) is a false positive, a gold date not predicted a miss.
- **dates**: per document with ``dates``; a resolved date matches a gold one of the same
  value and precision (each used once), an unresolved one an unresolved gold date whose
  text holds it or is held by it (normalized). Dates kept as text (impossible, ambiguous)
  carry no value and are not counted.
- **role_dates**: the ``start`` / ``end`` of those roles (value equality); a date predicted
  on a role found where the gold has none, or another one, is a false positive.
- **role_status** and **attribution**: over the gold ``leads``/``memberOf`` relations with
  a ``status`` and the relations with ``attributed_to`` (optional ones left out), through the
  entity mapping of :mod:`pipeline.evaluation.score`. Recall: gold relations whose relation
  was found with the same status (source); precision: the same over the found ones
  (``given_relation`` is that accuracy; the difference with recall is extraction's misses).
  A relation several documents state is scored in each with what that document says
  (its ``by_document`` record), not with the merge over the corpus.
- **outlet**, **dateline**: equality of the normalized names, per document with ``meta``.

Usage::

    report = score_time(gold_docs, graph)      # graph: the parsed graph.json
    report["dates"]["p"], report["role_status"]["r"]
"""
from __future__ import annotations

from collections import Counter

from pipeline.evaluation.score import match_entities, norm, prf, rel_key
from pipeline.model import LITERAL_RELATIONS, OUTLET, ROLE_RELATIONS

FIELDS = ("published", "dates", "role_status", "role_dates", "attribution", "outlet", "dateline")


def has_time_gold(gold_docs: list[dict]) -> bool:
    """Whether any document carries time gold (meta, dates, a status or a source)."""
    return any("meta" in d or "dates" in d or any("status" in r or "attributed_to" in r for r in d["relations"])
               for d in gold_docs)


def _value_counts(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    resolved_gold = Counter((g["value"], g.get("precision")) for g in gold if g.get("value"))
    resolved_pred = Counter((p["value"], p.get("precision")) for p in pred if p.get("value"))
    tp = sum((resolved_gold & resolved_pred).values())
    open_gold = [norm(g["text"]) for g in gold if not g.get("value")]
    used = [False] * len(open_gold)
    for p in pred:
        if p.get("value"):
            continue
        text = norm(p["text"])
        for i, g in enumerate(open_gold):
            if not used[i] and text and g and (text in g or g in text):
                used[i] = True
                tp += 1
                break
    n_pred = sum(1 for p in pred if p.get("value") or p.get("unresolved"))
    return tp, n_pred - tp, len(gold) - tp


def score_time(gold_docs: list[dict], graph: dict) -> dict:
    ents = [e for e in graph.get("entities", []) if isinstance(e, dict) and "id" in e]
    rels = [r for r in graph.get("relations", []) if isinstance(r, dict)]
    records = {d["id"]: d for d in graph.get("documents", []) if isinstance(d, dict) and "id" in d}
    counts = {f: [0, 0, 0] for f in FIELDS}
    found = {"role_status": [0, 0], "attribution": [0, 0]}  # correct, matched
    per_doc = []
    for d in gold_docs:
        did = d["id"]
        record = records.get(did, {})
        misses: list[str] = []
        meta = d.get("meta")
        if meta is not None:
            for field, gold_value, pred_value in (
                    ("published", meta.get("published"), record.get("published")),
                    ("outlet", meta.get("outlet"), record.get("publisher")),
                    ("dateline", meta.get("dateline"), record.get("dateline"))):
                if field != "published":
                    gold_value = norm(gold_value) if gold_value else None
                    pred_value = norm(pred_value) if pred_value else None
                c = counts[field]
                if pred_value and pred_value == gold_value:
                    c[0] += 1
                else:
                    c[1] += bool(pred_value)
                    c[2] += bool(gold_value)
                    if pred_value or gold_value:
                        misses.append(f"{field}: {pred_value!r} for {gold_value!r}")
        if "dates" in d:
            pred = [x for x in record.get("dates") or [] if not x.get("invalid")]
            tp, fp, fn = _value_counts(d["dates"], pred)
            for i, n in enumerate((tp, fp, fn)):
                counts["dates"][i] += n
            if fp or fn:
                misses.append("dates: " + ", ".join(f"{x['text']}={x.get('value')}" for x in pred)
                              + " for " + ", ".join(f"{x['text']}={x.get('value')}" for x in d["dates"]))
        pe = [e for e in ents if did in e.get("documents", [])]
        pr = [r for r in rels if did in r.get("documents", [])]
        mapping = match_entities(d["entities"], pe, typed=False)
        predicted = {}
        for r in pr:
            h = mapping.get(r.get("head"))
            t = r.get("tail") if r["type"] in LITERAL_RELATIONS else mapping.get(r.get("tail"))
            if h is not None and t is not None:
                # A relation several documents state: what this one says of its time and source.
                own = (r.get("by_document") or {}).get(did)
                if own is not None:
                    r = {**r, **{k: own.get(k) for k in ("status", "start", "end", "attributed_to")}}
                predicted[rel_key(h, t, r["type"])] = r
        for g in d["relations"]:
            if g.get("optional"):
                continue
            key = rel_key(g["head"], g["tail"], g["type"])
            if g["type"] in ROLE_RELATIONS and "status" in g:
                r = predicted.get(key)
                for bound in ("start", "end"):  # a role's since / until dates, on the roles found
                    gold_value, pred_value = g.get(bound), (r or {}).get(bound)
                    c = counts["role_dates"]
                    if pred_value and pred_value == gold_value:
                        c[0] += 1
                        continue
                    c[1] += bool(pred_value)
                    c[2] += bool(gold_value)
                    if r is not None and (pred_value or gold_value):
                        misses.append(f"role_dates: {bound} of {g['head']} {g['type']} {g['tail']}: "
                                      f"{pred_value!r} for {gold_value!r}")
            for field, gold_value, pred_of in (
                    ("role_status", g.get("status") if g["type"] in ROLE_RELATIONS else None,
                     lambda r: r.get("status")),
                    ("attribution", g.get("attributed_to"),
                     lambda r: OUTLET if r.get("attributed_to") in (None, OUTLET)
                     else mapping.get(r.get("attributed_to"), r.get("attributed_to")))):
                if gold_value is None:
                    continue
                c = counts[field]
                r = predicted.get(key)
                if r is None:
                    c[2] += 1
                    continue
                found[field][1] += 1
                if pred_of(r) == gold_value:
                    c[0] += 1
                    found[field][0] += 1
                else:
                    c[1] += 1
                    c[2] += 1
                    misses.append(f"{field} of {g['head']} {g['type']} {g['tail']}: {pred_of(r)!r} for {gold_value!r}")
        per_doc.append({"id": did, "lang": d.get("lang", "?"), "misses": misses})
    report = {f: prf(*counts[f]) for f in FIELDS}
    for field, (correct, matched) in found.items():
        report[field]["given_relation"] = round(correct / matched, 4) if matched else 0.0
        report[field]["matched"] = matched
    report["documents"] = per_doc
    return report
