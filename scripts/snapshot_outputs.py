"""Snapshot graph.json and graph.ttl on every evaluation set, and compare two snapshots.

A refactoring must leave the outputs byte-identical; this is how that is shown:

    .venv/bin/python scripts/snapshot_outputs.py /tmp/before          # on the old commit
    .venv/bin/python scripts/snapshot_outputs.py /tmp/after --compare /tmp/before

Sets: the seeds, the shared dev set (when ``../shared`` is there) and every
``tests/evaluation/data/*.jsonl``. Each set is run as one corpus with ``--no-cache``.
Exit status 1 when ``--compare`` finds a difference (the differing files are named).
The checkout's own path (``d2k:sourcePath`` of the seeds) is masked, so two checkouts of
one commit compare equal.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPARED = ("graph.json", "graph.ttl")
# A checkout: the main one or a git worktree beside it, as the source paths name them.
CHECKOUT = re.compile(rb"/work/(?:main|wt-[\w.-]+)/")


def _masked(path: Path) -> bytes:
    return CHECKOUT.sub(b"<checkout>/", path.read_bytes().replace(str(ROOT).encode() + b"/", b"<checkout>/"))


def sets() -> dict[str, Path]:
    found = {"seeds": ROOT / "seeds"}
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.exists():
        found["dev"] = dev
    for path in sorted((ROOT / "tests" / "evaluation" / "data").glob("*.jsonl")):
        found[path.stem] = path
    return found


def snapshot(target: Path) -> None:
    for name, source in sets().items():
        out = target / name
        proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out),
                               "--no-cache", "-q"], cwd=ROOT, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"{name}: doc2kg run exited {proc.returncode}\n{proc.stderr}")
        print(f"{name}: {out}")


def compare(new: Path, old: Path) -> int:
    differ = []
    for name in sets():
        for file in COMPARED:
            a, b = new / name / file, old / name / file
            if not (a.exists() and b.exists() and _masked(a) == _masked(b)):
                differ.append(f"{name}/{file}")
    for line in differ:
        print(f"DIFFERS: {line}")
    print("identical" if not differ else f"{len(differ)} file(s) differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="folder to write the snapshot into")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    args = parser.parse_args()
    snapshot(args.target)
    if args.compare:
        sys.exit(compare(args.target, args.compare))


if __name__ == "__main__":
    main()
