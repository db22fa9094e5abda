"""The package's structure, read from its source (``ast`` over ``pipeline/**/*.py``):

- no import circle between modules (imports inside functions count: they only defer one);
- layers go one way (language < entities < relations; exporters read the graph, not the
  resolver); the ontology files have one reader, :mod:`pipeline.ontology_data`;
- Arabic clitics, the article and the pronoun suffixes are spelled only in
  :mod:`pipeline.language.morphology`.
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.language import morphology

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

# Modules of relations/ and entities/ that still spell their own clitics or read ontology
# files themselves: none left (arch-rules migrated relations/, arch-entities entities/).
# Nothing outside those two packages may ever be added here.
NOT_YET_MIGRATED: set[str] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=1)
def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The package's modules ``name`` imports, anywhere in its code."""
    modules = _modules()
    package = name if (PACKAGE.parent / name.replace(".", "/") / "__init__.py").exists() else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(modules[name]):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
    return {m for m in found if m in modules and m != name}


def _strings(tree: ast.Module):
    """``(line, text)`` of every string constant that is not a docstring."""
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)
                  and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_the_import_walk_sees_known_edges():
    assert "pipeline.language.normalize" in _imports("pipeline.language.arabic")
    assert "pipeline.ontology_data.files" in _imports("pipeline.ontology_data.lexicon")
    assert "pipeline.runner" in _imports("pipeline.commands.run")


def test_no_import_cycles():
    graph = {name: _imports(name) for name in _modules()}
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [node, nxt]) if nxt in stack else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, stack + [node])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


# (importer package, packages it must not import, why)
LAYERS = [
    ("pipeline.language", ("pipeline.entities", "pipeline.relations", "pipeline.resolution", "pipeline.exporters",
                           "pipeline.graph", "pipeline.nlp", "pipeline.runner"), "language processing knows no entity rule"),
    ("pipeline.ontology_data", ("pipeline.entities", "pipeline.relations", "pipeline.resolution",
                                "pipeline.exporters", "pipeline.nlp", "pipeline.runner"), "the data owner is read by all"),
    ("pipeline.entities", ("pipeline.relations", "pipeline.resolution", "pipeline.exporters", "pipeline.runner"),
     "entities know no relations"),
    ("pipeline.relations", ("pipeline.resolution", "pipeline.exporters", "pipeline.runner"), "relations come before resolution"),
    ("pipeline.exporters", ("pipeline.resolution", "pipeline.entities", "pipeline.relations", "pipeline.runner"),
     "exporters read the graph"),
    ("pipeline.runtime", ("pipeline.runner",), "the runner composes the runtime, not the other way"),
]


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize(("layer", "forbidden", "why"), LAYERS, ids=[layer for layer, _, _ in LAYERS])
def test_layers_go_one_way(layer, forbidden, why):
    wrong = sorted(f"{name} imports {target}" for name in _modules() if _in(name, layer)
                   for target in _imports(name) if any(_in(target, f) for f in forbidden))
    assert not wrong, f"{why}:\n" + "\n".join(wrong)


def _reads_ontology_files(name: str) -> list[str]:
    """How ``name`` reads ontology files itself: importing yaml, spelling an ontology path,
    defining ONTOLOGY_DIR."""
    tree = _modules()[name]
    found = [f"line {line}: the path {text!r}" for line, text in _strings(tree)
             if text == "ontology" or text.startswith("ontology/")]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == "yaml" for a in node.names):
            found.append(f"line {node.lineno}: imports yaml")
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ONTOLOGY_DIR" for t in node.targets):
            found.append(f"line {node.lineno}: defines ONTOLOGY_DIR")
    return found


def test_only_the_data_owner_reads_ontology_files():
    readers = {name: _reads_ontology_files(name) for name in _modules()
               if not _in(name, "pipeline.ontology_data") and name not in NOT_YET_MIGRATED}
    wrong = {name: found for name, found in readers.items() if found}
    assert not wrong, wrong
    assert _reads_ontology_files("pipeline.ontology_data.files")  # the check can see a reader


_CLITIC_WORDS = frozenset(morphology.PROCLITICS[:6]) | {morphology.ARTICLE, morphology.FUSED_ARTICLE} \
    | {s for s in morphology.PRONOUN_SUFFIXES if len(s) > 1}
_SINGLE = frozenset(morphology.PROCLITIC_LETTERS)


def _arabic_runs(text: str) -> list[str]:
    runs, current = [], ""
    for ch in text:
        if "\u0621" <= ch <= "\u064a":
            current += ch
        elif current:
            runs.append(current)
            current = ""
    return runs + ([current] if current else [])


def _spelled_clitics(name: str) -> list[str]:
    """String constants of ``name`` that spell a clitic list or regex: a two-letter proclitic,
    the article or a pronoun suffix as a word of its own; a run of three or more distinct
    proclitic letters (a character class, ``lstrip`` letters); two or more single proclitics
    in one literal (an alternation) or in one set, tuple or list."""
    tree = _modules()[name]
    found = []
    for line, text in _strings(tree):
        runs = _arabic_runs(text)
        singles = {r for r in runs if r in _SINGLE}
        if (any(r in _CLITIC_WORDS for r in runs) or len(singles) >= 2
                or any(len(r) >= 3 and len(set(r)) == len(r) and set(r) <= _SINGLE for r in runs)):
            found.append(f"line {line}: {text!r}")
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len({i for i in items if i in _SINGLE}) >= 2:
                found.append(f"line {node.lineno}: a collection of proclitics")
    return found


def test_clitics_are_spelled_only_in_morphology():
    spelled = {name: _spelled_clitics(name) for name in _modules()
               if name != "pipeline.language.morphology" and name not in NOT_YET_MIGRATED}
    wrong = {name: found for name, found in spelled.items() if found}
    assert not wrong, wrong
    assert _spelled_clitics("pipeline.language.morphology")  # the scan can see a spelling


def test_not_yet_migrated_lists_only_modules_still_to_migrate():
    assert all(_in(m, "pipeline.relations") or _in(m, "pipeline.entities") for m in NOT_YET_MIGRATED)
    done = sorted(m for m in NOT_YET_MIGRATED if m in _modules()
                  and not _spelled_clitics(m) and not _reads_ontology_files(m))
    assert not done, f"migrated: remove from NOT_YET_MIGRATED: {done}"
