"""The plain records that flow from stage to stage.

Ingest makes a :class:`Document`; the NLP stages find :class:`Mention` spans and
:class:`Relation` statements between them, each with its :class:`Evidence`; the
per-document work ends in a :class:`DocumentResult`. Resolution then turns mentions of
all documents into :class:`Entity` records and rewrites relations onto entity ids.

Every record is picklable (worker processes, Dask) and round-trips through plain
dicts (``to_dict`` / ``from_dict``) for the incremental cache.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

# The closed sets of the graph, declared here once. ontology/doc2kg.ttl (classes, rdfs:domain
# and rdfs:range), ontology/shapes.ttl (a shape per relation type) and the page palette
# (pipeline/exporters/html_page/palette.json) are written by hand and checked against these
# tables by tests/ontology/test_type_tables.py; the README's "Adding a relation type" says how.
ENTITY_TYPES = (
    "Country",
    "City",
    "Location",
    "GovernmentAgency",
    "InternationalOrganization",
    "Organization",
    "Person",
    "Event",
)
PARTIES = ("Country", "GovernmentAgency", "InternationalOrganization", "Organization")
PLACES = ("City", "Location", "Country")
# XSD datatypes of a date literal (YYYY-MM-DD, YYYY-MM, YYYY), the tail of a literal relation.
DATE_DATATYPES = ("date", "gYearMonth", "gYear")


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type: the entity types its head and its tail may have.

    ``tails`` are entity types, or for a ``literal`` relation the XSD datatypes of its value.
    A ``symmetric`` relation reads the same both ways (``cooperatesWith``).
    """

    name: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    symmetric: bool = False
    literal: bool = False


RELATION_SIGNATURES: dict[str, RelationType] = {r.name: r for r in (
    RelationType("cooperatesWith", PARTIES, PARTIES, symmetric=True),
    RelationType("providesIntelligenceTo", ("Country", "GovernmentAgency"), ("Country", "GovernmentAgency")),
    RelationType("providesTrainingTo", PARTIES, PARTIES),
    RelationType("leads", ("Person",), ("GovernmentAgency", "Organization", "InternationalOrganization", "Country")),
    RelationType("memberOf", ("Person", "Country"), ("Organization", "GovernmentAgency", "InternationalOrganization")),
    RelationType("agencyOf", ("GovernmentAgency",), ("Country",)),
    RelationType("locatedIn", ("City", "Location"), PLACES),
    RelationType("involvedIn", ("Person", *PARTIES), ("Event",)),
    RelationType("occurredIn", ("Event",), PLACES),
    RelationType("occurredOn", ("Event",), DATE_DATATYPES, literal=True),
)}
RELATION_TYPES = tuple(RELATION_SIGNATURES)
SYMMETRIC_RELATIONS = frozenset(r.name for r in RELATION_SIGNATURES.values() if r.symmetric)
LITERAL_RELATIONS = frozenset(r.name for r in RELATION_SIGNATURES.values() if r.literal)
DOMAINS = (
    "security",
    "intelligence",
    "counterterrorism",
    "organized_crime",
    "migration",
    "cybersecurity",
    "military",
    "economic",
    "judicial",
    "training",
    "other",
)

T = TypeVar("T")
HEADLINE_CHARS = 200  # a first line longer than this is a paragraph, cut to a headline's length


def headline(text: str) -> str | None:
    """A document's title when its source gives none: the first non-empty line of the text
    (a plain-text or JSONL article starts with its headline), cut at ``HEADLINE_CHARS``."""
    line = next((x.strip() for x in text.splitlines() if x.strip()), "")
    if not line:
        return None
    return line if len(line) <= HEADLINE_CHARS else line[: HEADLINE_CHARS - 1].rstrip() + "…"


# Values that dataclasses.asdict passes through deepcopy unchanged (immutable leaves).
_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields, in order (``fields()`` builds them anew each call)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def plain(value: Any) -> Any:
    """What :func:`dataclasses.asdict` makes of ``value`` (dataclasses as dicts of their
    fields, lists, tuples and dicts copied through, anything else deep-copied), without
    asdict's deepcopy of every string and number: writing the results to the cache and the
    resolution index spent most of its time there."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if hasattr(kind, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in field_names(kind)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple, as asdict
        return kind(*[plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return kind(plain(v) for v in value)
    if isinstance(value, dict):
        return kind((plain(k), plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


class Record:
    """Dict round-trip shared by all records."""

    # Records are slotted (no per-instance __dict__): a 20,000-document run holds ~350,000 mentions.
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return cls._from_fields(data)  # type: ignore[attr-defined]

    @classmethod
    def _from_fields(cls: type[T], data: dict[str, Any]) -> T:
        # Subclasses call this, not super(): slotted dataclasses are rebuilt classes, so
        # a zero-argument super() in their methods does not find them.
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


# Precision of an ISO date value by its length: YYYY, YYYY-MM, YYYY-MM-DD.
DATE_PRECISIONS = {4: "year", 7: "month", 10: "day"}
# What the text says of a role's time (leads, memberOf); a role with an end, a former or a
# late holder is not held now (no truthy triple in RDF, see ontology/README.md).
ROLE_STATUSES = ("current", "former", "acting", "appointed", "late")
HELD_NOW = frozenset({"current", "acting", "appointed"})
# When two statements of one role disagree, the one that knows more of its end wins: a text
# that calls a head "former" or "late" was written after one that calls him current.
STATUS_RANK = {None: 0, "current": 1, "appointed": 2, "acting": 3, "former": 4, "late": 5}
ROLE_RELATIONS = frozenset({"leads", "memberOf"})


def held_now(rel_type: str, status: str | None, end: str | None) -> bool:
    """A role whose holder holds it now (not former, late or ended), or any other relation:
    what gets a truthy triple in RDF (ontology/README.md)."""
    return rel_type not in ROLE_RELATIONS or (status in (None, *HELD_NOW) and not end)


# The source of a statement when the text names none: the document's outlet.
OUTLET = "outlet"


@dataclass(slots=True)
class DateValue(Record):
    """A date expression of a text, normalized: ``value`` is ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (``precision`` year, month or day), ``None`` when it cannot be known
    (a relative date without a publication date: ``unresolved``; an impossible or ambiguous
    date: ``invalid``, kept as its text). ``relative``: read against the publication date."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None = None
    relative: bool = False
    unresolved: bool = False
    invalid: bool = False


@dataclass(slots=True)
class Document(Record):
    """One input text. ``text`` is the text as read (decoded, HTML stripped); every
    offset elsewhere points into it.

    Metadata as the input gives it (HTML metadata, JSONL fields): ``title`` (else, set at
    ingest, :func:`headline` of the text), ``publisher`` (the outlet), ``date`` (the
    publication date as written), ``url``. What the pipeline reads from them and the text's
    dateline (never changing the input fields, which key the cache): ``published`` (ISO date
    at its precision), ``outlet``, ``dateline`` (the place the dateline names) and ``dates``
    (every date expression of the text, normalized)."""

    id: str
    text: str
    source: str = ""
    lang: str | None = None
    encoding: str | None = None
    content_hash: str = ""
    title: str | None = None
    publisher: str | None = None
    lang_scores: dict[str, float] = field(default_factory=dict)
    date: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    dates: list[DateValue] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        data = dict(data)
        data["dates"] = [DateValue.from_dict(d) for d in data.get("dates") or []]
        return cls._from_fields(data)


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """Where a statement was read: a span of the original text of one document."""

    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class MentionAttrs(Record):
    """What a recognizer knows of a mention beyond its span and type (each field ``None``
    or empty when it does not apply)."""

    # An acronym in parentheses after a long form: bound both ways; one of several
    # acronyms of one body (ACSRT/CAERT) keeps the whole parenthesis.
    acronym: str | None = None
    long_form_of: str | None = None  # the long form's mention id
    part_of_acronym: str | None = None
    # An agency's country id (a demonym or country in or next to its name).
    country: str | None = None
    # The lexicon id of a name many states share (وزارة الداخلية), bound by context later.
    generic_of: str | None = None
    head: str | None = None  # the head noun of a head-noun name or an event
    name: str | None = None  # an event's name alone (باتاكلان)
    aliases: list[str] = field(default_factory=list)
    year: str | None = None  # an event's year
    cue: str | None = None  # what marked a person: title | apposition | given_name
    role: str | None = None  # a person's title or role words
    refers_to: str | None = None  # an anaphor's (هذه الدورة): the mention id of what it refers back to

    def to_dict(self) -> dict[str, Any]:
        # Only what is set: a cached mention holds the few facts that apply to it. Its
        # fields are strings and lists of strings: copied by hand, not by asdict's deepcopy
        # (a third of the time of writing the resolution index).
        out: dict[str, Any] = {}
        for name in field_names(type(self)):
            value = getattr(self, name)
            if value:
                out[name] = list(value) if isinstance(value, list) else value
        return out


@dataclass(slots=True)
class Mention(Record):
    """A typed span of a document that names an entity.

    ``key`` is the lexicon id when a lexicon entry was matched (``country/MA``),
    ``None`` for names found by patterns or a statistical model.
    """

    id: str
    document: str
    start: int
    end: int
    text: str
    type: str
    lang: str
    key: str | None = None
    source: str = ""
    confidence: float = 1.0
    attrs: MentionAttrs = field(default_factory=MentionAttrs)

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in field_names(type(self)) if name != "attrs"}
        data["attrs"] = self.attrs.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mention":
        data = dict(data)
        data["attrs"] = MentionAttrs.from_dict(data.get("attrs") or {})
        return cls._from_fields(data)


@dataclass(slots=True)
class Relation(Record):
    """A statement ``head --type--> tail``.

    Before resolution ``head`` and ``tail`` are mention ids; after it, entity ids. The
    tail of a literal relation (``occurredOn``) is a date string ``YYYY[-MM[-DD]]``.
    """

    head: str
    type: str
    tail: str
    domains: list[str] = field(default_factory=list)
    confidence: float = 1.0
    extractor: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    negated: bool = False
    hedged: bool = False
    # A role's time (leads, memberOf): one of ROLE_STATUSES, and since / until dates (ISO).
    status: str | None = None
    start: str | None = None
    end: str | None = None
    # Who states it: a mention id (an entity id after resolution), or OUTLET by default.
    attributed_to: str | None = None
    # After resolution, when several documents state it: what each says of the role's time
    # and source, document id -> {status, start, end, attributed_to} (the fields above are
    # the merge of these).
    by_document: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def held_now(self) -> bool:
        return held_now(self.type, self.status, self.end)

    @property
    def literal(self) -> bool:
        return self.type in LITERAL_RELATIONS

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Relation":
        data = dict(data)
        data["evidence"] = [Evidence(**e) for e in data.get("evidence", [])]
        return cls._from_fields(data)


@dataclass(slots=True)
class Entity(Record):
    """A resolved thing: every mention of it, in every document and script."""

    id: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    key: str | None = None
    # Canonical label per language (en, fr, ar) when a lexicon entry or the text gives one.
    labels: dict[str, str] = field(default_factory=dict)
    # Surface forms by language tag, for language-tagged RDF labels.
    alias_langs: dict[str, list[str]] = field(default_factory=dict)
    mentions: int = 0
    iso3166: str | None = None
    geonames: int | None = None
    # The country code a gazetteer place lies in (a GeoNames city's), whatever the texts say.
    country: str | None = None
    # Where it is named: ``[document, start, end]`` of every mention, in document order.
    spans: list[list] = field(default_factory=list)
    # An Event's kind (exercise, summit, session, visit, attack...) from its head nouns
    # (``ontology/patterns/event_kinds.yaml``); None for other types or an unknown head.
    event_kind: str | None = None


@dataclass(slots=True)
class DocumentResult(Record):
    """What the per-document stages produced for one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    status: str = "ok"  # ok | failed | skipped
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    tokens: int = 0
    # Problems that did not fail the document (a relation rule that raised; the others ran).
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: [m.to_dict() for m in self.mentions] if name == "mentions" else plain(getattr(self, name))
                for name in field_names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentResult":
        return cls(
            document=Document.from_dict(data["document"]),
            mentions=[Mention.from_dict(m) for m in data.get("mentions", [])],
            relations=[Relation.from_dict(r) for r in data.get("relations", [])],
            status=data.get("status", "ok"),
            error=data.get("error"),
            timings=data.get("timings", {}),
            tokens=data.get("tokens", 0),
            warnings=data.get("warnings", []),
        )


@dataclass(slots=True)
class StoredResult:
    """A document's result left on disk (the runner's cache, under ``key``): what an
    incremental run holds of a document it did not process again, read back only when a
    stage needs it. A few hundred bytes, where a :class:`DocumentResult` holds the text,
    the mentions and the relations."""

    id: str
    source: str
    key: str
    status: str = "ok"

    @property
    def document(self) -> Document:
        return Document(id=self.id, text="", source=self.source)

    @property
    def warnings(self) -> list[str]:  # told when the result was made
        return []
