"""Read input files into :class:`~pipeline.model.Document` records.

Supported: ``.txt``, ``.md``, ``.html``/``.htm`` (article text only) and ``.jsonl`` (one
document per line, text in its ``text`` field). Encodings are detected: a BOM first,
then charset-normalizer.

Usage::

    from pipeline.ingest.read import discover, read_source
    for source in discover(["seeds/"]):
        for doc in read_source(source):
            print(doc.id, doc.lang, len(doc.text))
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.model import Document, headline
from pipeline.runtime.output_folder import is_output_folder

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
MAX_BYTES = 50 * 1024 * 1024
# spaCy's default Doc length limit: longer texts need too much memory to parse in one piece.
MAX_CHARS = 1_000_000

# Code pages of Arabic, French and English news, in order of preference on near-ties.
PREFERRED_ENCODINGS = ("cp1256", "cp1252", "latin_1", "iso8859_15", "iso8859_6", "cp720", "cp864")
PREFERRED_CHAOS_MARGIN = 0.1

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) but the
# line and tab ones (\t \n \v \f \r): one regex scan, not a category look-up per character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Characters that carry no text but can hide or reorder it (bidi overrides, zero-width).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00]")


class IngestError(Exception):
    """A file that cannot be read as a document; the message says why."""


@dataclass(frozen=True)
class Source:
    """One input file found by :func:`discover`, with the document id it will get."""

    path: Path
    doc_id: str


def discover(inputs: Iterable[str | os.PathLike[str]], exclude: Iterable[str | os.PathLike[str]] = (),
             on_skip: Callable[[Path], None] | None = None) -> list[Source]:
    """Files under ``inputs`` (files or folders, recursive), sorted, with unique ids.

    A document id is the file name without extension. When two files share a name, the
    first in path order keeps it and the others get ``name~<hash of the path>``, so ids
    do not depend on traversal order. Symlinked folders are not followed (no loops).
    Outputs are never inputs: the folders in ``exclude`` (the run's ``--out``) and any
    folder that holds doc2kg outputs are skipped (``on_skip`` is told of each).
    """
    excluded = {Path(e).resolve() for e in exclude}
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                here = Path(root)
                if here.resolve() in excluded or is_output_folder(here):
                    dirs[:] = []
                    if on_skip is not None:
                        on_skip(here)
                    continue
                dirs.sort()
                paths.extend(here / f for f in sorted(files) if Path(f).suffix.lower() in SUFFIXES)
        else:
            paths.append(p)
    seen: set[str] = set()
    sources: list[Source] = []
    for path in sorted(set(paths), key=lambda x: str(x)):
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        doc_id = stem
        if doc_id in seen:
            doc_id = f"{stem}~{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"
        seen.add(doc_id)
        sources.append(Source(path, doc_id))
    return sources


class UniqueIds:
    """Document ids made unique in reading order: the first document with an id keeps it, a
    later one (a repeated ``id`` in a JSONL file, or the name of a file) becomes ``id~2``,
    ``id~3``..., so each document keeps its own named graph and its offsets trace back to
    its own text.

    Usage::

        ids = UniqueIds()
        warning = ids.claim(document)   # None, or why document.id was changed
    """

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}  # id -> the source of the document that holds it

    def claim(self, document: Document) -> str | None:
        wanted = document.id
        if wanted not in self.sources:
            self.sources[wanted] = document.source
            return None
        n = 2
        while f"{wanted}~{n}" in self.sources:
            n += 1
        document.id = f"{wanted}~{n}"
        self.sources[document.id] = document.source
        return (f"duplicate document id {wanted!r}: {document.source} is read as {document.id!r} "
                f"({wanted!r} is {self.sources[wanted]})")


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of ``data``; raises :class:`IngestError` for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {name} after its byte-order mark: {exc.reason}") from exc
    if b"\x00" not in data:  # NULs: UTF-16/32 without a BOM, or binary; let the detector decide
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    matches = list(from_bytes(data))
    if not matches:
        raise IngestError("binary or undecodable content (no text encoding fits)")
    # Single-byte code pages are often near-ties (cp1252 vs cp1250 for French): among the
    # plausible candidates, prefer the code pages of our languages.
    floor = min(m.chaos for m in matches) + PREFERRED_CHAOS_MARGIN
    plausible = [m for m in matches if m.chaos <= floor]
    preferred = [m for m in plausible if m.encoding in PREFERRED_ENCODINGS]
    best = min(preferred, key=lambda m: PREFERRED_ENCODINGS.index(m.encoding)) if preferred else matches[0]
    return str(best), best.encoding


def clean_text(text: str) -> str:
    """NFC text without NULs, bidi controls and zero-width characters; line ends as \\n."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) > 0.05


class _StreamText(HTMLParser):
    """Text outside script, style and navigation, read as a stream (no tree, so any depth)."""

    SKIP = {"script", "style", "nav", "header", "footer", "noscript", "template", "aside", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.parts.append(data.strip())

    @classmethod
    def extract(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        parser.close()
        return "\n".join(parser.parts)


@dataclass(frozen=True)
class PageMetadata:
    """What an HTML page's metadata says of the article (each ``None`` when it says nothing)."""

    title: str | None = None
    date: str | None = None  # the publication date, ISO (htmldate, trafilatura)
    outlet: str | None = None  # the site's name
    url: str | None = None


def html_metadata(html: str) -> PageMetadata:
    """Title, publication date, site name and URL from the page's metadata (Open Graph,
    schema.org, ``<meta>``, ``<time>``), read by trafilatura and htmldate."""
    import trafilatura  # heavy; only HTML inputs need it

    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura/lxml give up on some malformed pages
        meta = None
    date = getattr(meta, "date", None)
    if not date:
        try:
            from htmldate import find_date

            # original_date: the first publication, not the last update; no guess from the URL alone.
            date = find_date(html, original_date=True, extensive_search=False)
        except Exception:
            date = None
    return PageMetadata(title=getattr(meta, "title", None) or None, date=date or None,
                        outlet=getattr(meta, "sitename", None) or None, url=getattr(meta, "url", None) or None)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text and title of an HTML page: no script, style or navigation."""
    import trafilatura  # heavy; only HTML inputs need it

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta is not None else None
    except Exception:  # trafilatura/lxml give up on some malformed pages; the stream reader does not
        text, title = None, None
    if not text:
        text = _StreamText.extract(html)
    return text, title


def _document(doc_id: str, text: str, source: str, encoding: str, title: str | None = None) -> Document:
    text = clean_text(text)
    if not text.strip():
        raise IngestError("empty document (no text after decoding)")
    if _looks_binary(text):
        raise IngestError("binary content (control characters in the text)")
    if len(text) > MAX_CHARS:
        raise IngestError(f"document too long ({len(text):,} characters > {MAX_CHARS:,}); split it into articles")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = " ".join(str(title).split()) if title else ""
    return Document(id=doc_id, text=text, source=source, encoding=encoding, content_hash=digest,
                    title=title or headline(text))


def read_source(source: Source) -> Iterator[Document | tuple[str, IngestError]]:
    """Documents of one file; a failure is yielded as ``(doc_id, IngestError)``.

    A ``.jsonl`` file yields one document per line (id from its ``id`` field, else
    ``<file>-<line>``), and one error per bad line, so one bad line loses nothing else.
    """
    path = source.path
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file (device, pipe or socket)")
        size = info.st_size
        if size > MAX_BYTES:
            raise IngestError(f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
    except IngestError as exc:
        yield source.doc_id, exc
        return
    except OSError as exc:
        yield source.doc_id, IngestError(f"cannot read file: {exc.strerror or exc}")
        return
    try:
        text, encoding = decode(data)
    except IngestError as exc:
        yield source.doc_id, exc
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(source, text, encoding)
        return
    try:
        if suffix in (".html", ".htm"):
            page = html_metadata(text)
            text, title = html_to_text(text)
            doc = _document(source.doc_id, text, str(path), encoding, page.title or title)
            doc.date, doc.publisher, doc.url = page.date, page.outlet, page.url
            yield doc
        else:
            yield _document(source.doc_id, text, str(path), encoding)
    except IngestError as exc:
        yield source.doc_id, exc


def _read_jsonl(source: Source, text: str, encoding: str) -> Iterator[Document | tuple[str, IngestError]]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fallback = f"{source.doc_id}-{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield fallback, IngestError(f"line {lineno}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield fallback, IngestError(f"line {lineno}: no string 'text' field")
            continue
        doc_id = str(obj.get("id") or fallback)
        try:
            doc = document_from_json(obj, doc_id, f"{source.path}#L{lineno}", encoding)
        except IngestError as exc:
            yield doc_id, IngestError(f"line {lineno}: {exc}")
            continue
        yield doc


def _field(obj: dict, *names: str) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def document_from_json(obj: dict, doc_id: str, source: str, encoding: str = "utf-8") -> Document:
    """A document from a JSON object: ``text``, and the metadata fields ``title``, ``date``
    (publication date, normalized later), ``url`` and ``source`` (or ``publisher``: the outlet)."""
    doc = _document(doc_id, obj["text"], source, encoding, _field(obj, "title"))
    doc.publisher = _field(obj, "publisher", "source")
    doc.date = _field(obj, "date", "published")
    doc.url = _field(obj, "url")
    return doc
