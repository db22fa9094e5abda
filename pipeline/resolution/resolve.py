"""Resolution stage: mentions of all documents become :class:`~pipeline.model.Entity` records.

Reads the mentions and relations of every :class:`~pipeline.model.DocumentResult`; returns
entities (canonical label, every surface form as an alias, labels and aliases by language)
and relations rewritten onto entity ids, the same fact found twice merged into one.

A *node* is one name in one document (document, blocking key). The blocking key is the
lexicon id when a lexicon entry names the mention (every name of the entry, in every
script), else ``(type group, normalized name)``. Nodes are joined with a union-find, never
by comparing all pairs:

1. within a document: an acronym and its long form (bound by the recognizer through
   ``attrs.acronym`` / ``attrs.long_form_of``, written in parentheses after it, or
   matched by initials: DGSI <-> Direction générale de la sécurité intérieure), a name of
   two lexicon entries (DGSN) read as the entry the document names elsewhere, and a
   surname or a titled surname (حموشي, M. Hammouchi) with the one full name of the
   document it belongs to; a person name cut short ("Ursula von der") with the one full
   name it begins; event names equal once head nouns and years are cut (Exercise Bright
   Star 2017 / Bright Star 2017, :mod:`.event_names`) when years and heads do not
   disagree; a syllabic acronym (CENTCOM, Europol) with the one long form it spells
   (:func:`.acronyms.is_syllabic_acronym`); a national reference (British intelligence,
   الاستخبارات البريطانية) with the one agency of that country and kind the document names
   (:mod:`.generic_agencies`); a longer form with the one shorter form it reduces to once
   its modifiers are cut (:mod:`.modifiers`: the Libyan Coast Guard / the Coast Guard,
   معبر رأس جدير الحدودي / معبر رأس جدير); a short name in parentheses also past the place
   that ends the long name (mission ... au Mali (EUTM Mali)); an acronym the lexicon gives
   an entry the document never names in full, read as the one entry of the document whose
   initials it is;
2. across documents: nodes with the same key (surnames and acronyms excepted, events
   apart), and reports of one event (:mod:`.event_identity`: a name, its translation or
   transliteration, or a kind and ordinal link them; kind, year, ordinal and, for an
   attack, day and place must agree);
3. person names across scripts and spellings (عبد اللطيف حموشي / Abdellatif Hammouchi):
   transliteration skeletons (:mod:`.transliterate`) compared with a threshold, each only
   with its neighbours in skeleton order and in reversed-skeleton order; across scripts
   the long vowels must agree too (محمد is not Mahmoud);
4. a surname or acronym seen in a document without its full form joins the one entity
   whose full name ends with it or whose initials spell it; when two entities qualify
   (two persons sharing a surname) it joins neither.

Two nodes never join across type groups (a person and an agency) or across two lexicon
entries. A place the recognizer typed by its head noun (the Schaerbeek district) takes no
lexicon entry of another type: the head says what kind of place it is. Entity ids are the lexicon id, or a hash of the type and the canonical label's
key, so they do not depend on input order or on Python's ``hash()``.

Usage::

    entities, relations = resolve_entities(results)
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.language.transliterate import (
    arabic_long_vowel_conflicts,
    is_arabic,
    long_vowel_conflicts,
    same_name,
    similarity,
    skeleton,
    skeleton_words,
    suffix_skeletons,
)
from pipeline.model import ENTITY_TYPES, OUTLET, STATUS_RANK, SYMMETRIC_RELATIONS, DocumentResult, Entity, Mention, Relation
from pipeline.resolution.acronyms import (
    acronym_key,
    initials,
    is_acronym,
    is_syllabic_acronym,
    long_form_words,
)
from pipeline.resolution.agency_states import entry_of_state, stated_country
from pipeline.resolution.event_identity import (
    EventReport,
    countries_named,
    edition_name,
    event_blocking_keys,
    event_kind,
    name_keys,
    same_event_groups,
)
from pipeline.resolution.event_names import EventSignature, event_signature
from pipeline.resolution.generic_agencies import generic_reference, is_stateless_name
from pipeline.ontology_data import Lexicon, load_lexicon, person_titles, resolution_settings
from pipeline.resolution.modifiers import bare_key, possessive_name, reduced_forms

_OPEN_PAREN = re.compile(r"\s*[(\[]\s*")
_CLOSE_PAREN = re.compile(r"\s*[)\]]")
_DOUBLED = re.compile(r"(.)\1+")  # a doubled consonant class is one (Barrot: brt)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Normalized name without the Arabic article on its words (المغرب -> مغرب)."""
    words = normalize_key(text).split()
    return " ".join(strip_article(w, min_length=4) for w in words)


@lru_cache(maxsize=1)
def _latin_articles() -> frozenset[str]:
    return frozenset(normalize_key(str(w)) for w in resolution_settings()["latin_articles"])


def _surname_words(text: str) -> list[str]:
    """Words of a person name's key, a transliterated Arabic article before the first left
    out (Al-Rawi -> ["rawi"]): a surname alone has one."""
    words = name_key(text).split()
    return words[1:] if len(words) > 1 and words[0] in _latin_articles() else words


@lru_cache(maxsize=1)
def _titles(path: str | None = None) -> tuple[tuple[str, ...], ...]:
    """Person titles as normalized word tuples, longest first."""
    data = person_titles(path)
    found = {tuple(normalize_key(t).split()) for forms in data.values() for t in forms or []}
    return tuple(sorted((t for t in found if t), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1 << 16)
def strip_title(text: str) -> str:
    """``text`` without the titles it starts with (M. Hammouchi -> Hammouchi)."""
    tokens = text.split()
    keys = [normalize_key(t).split() for t in tokens]
    words = [w for k in keys for w in k]
    dropped = 0
    changed = True
    while changed and len(words) - dropped > 1:
        changed = False
        for title in _titles():
            if len(title) < len(words) - dropped and tuple(words[dropped:dropped + len(title)]) == title:
                dropped += len(title)
                changed = True
                break
    if not dropped:
        return text
    consumed, i = 0, 0
    while i < len(tokens) and consumed < dropped:
        consumed += len(keys[i])
        i += 1
    return " ".join(tokens[i:]) if i < len(tokens) else text


def _script_lang(text: str, fallback: str) -> str:
    if is_arabic(text):
        return "ar"
    return fallback if fallback in ("fr", "en") else "en"


@lru_cache(maxsize=1)
def _type_group() -> dict[str, str]:
    return {t: group for group, types in resolution_settings()["type_groups"].items() for t in types}


def type_group(typ: str) -> str:
    return _type_group().get(typ, typ)


# Letters of a skeleton's start (and of its end) that name its transliteration block.
BLOCK_LETTERS = 3


def transliteration_blocks(skel: str) -> tuple[str, ...]:
    """The blocks a skeleton is compared in: ``>`` and the letters it begins with, ``<`` and
    the letters it ends with (reversed); none for no skeleton."""
    if not skel:
        return ()
    return (">" + skel[:BLOCK_LETTERS], "<" + skel[::-1][:BLOCK_LETTERS])


@dataclass
class Node:
    """One name in one document."""

    id: str
    document: str
    key: str
    group: str
    lexicon_id: str | None
    name: str  # the cleanest surface (titles stripped)
    kind: str  # name | surname | acronym
    mentions: list[Mention] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)  # clean surface -> mentions
    acronyms: set[str] = field(default_factory=set)  # acronyms the recognizer bound to it
    # A state body's name any state may bear (National Police, Interior Ministry), no lexicon
    # entry holds and the text ties to no state: another document's may be another state's,
    # so it joins only within its document.
    local: bool = False


class UnionFind:
    """Nodes joined into entities; a join across type groups or lexicon entries is refused."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.group: dict[str, str] = {}
        self.lexicon: dict[str, str | None] = {}
        self.anchored: dict[str, bool] = {}  # holds a full name (not only surnames/acronyms)

    def add(self, node: Node) -> None:
        if node.id not in self.parent:
            self.parent[node.id] = node.id
            self.group[node.id] = node.group
            self.lexicon[node.id] = node.lexicon_id
            self.anchored[node.id] = node.kind == "name"

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.group[ra] != self.group[rb]:
            return False
        la, lb = self.lexicon[ra], self.lexicon[rb]
        if la and lb and la != lb:
            return False
        if rb < ra:  # the smaller id is the root: the result does not depend on call order
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.lexicon[ra] = la or lb
        self.anchored[ra] = self.anchored[ra] or self.anchored[rb]
        return True


def typed_by_head(m: Mention) -> bool:
    """A place the recognizer typed by its head noun (the Schaerbeek district, معبر X): the
    head says what kind of place it is, which a gazetteer entry of the same name cannot."""
    return m.source == "heads" and bool(m.attrs.head) and type_group(m.type) == "place"


def _state_conflicts(entry_id: str, state: str | None, lexicon: Lexicon) -> bool:
    """The entry is a state body of another state than the one the text gives the mention."""
    entry = lexicon.entries.get(entry_id)
    return bool(state and entry is not None and entry.type == "GovernmentAgency"
                and lexicon.country_of(entry_id) not in (None, state))


def _lexicon_id(m: Mention, name: str, lexicon: Lexicon, in_document: set[str],
                key: str | None = None, state: str | None = None, dominant: str | None = None) -> str | None:
    """The mention's lexicon id (or ``key``, the one the document's context gave it), else
    the entry of its type group that its name names.
    A name of several entries (DGSN: Morocco's, Algeria's), or a name many states share
    (a generic form), takes the entry the document names otherwise, else the one of the
    country the text gives the mention (``state``: :mod:`.agency_states`), else the one of
    the one country the document names, else the one of the country it names most
    (``dominant``: more mentions than any other). A state body's entry of another state than
    ``state`` is never taken: the entry of that state that shares the name, else none.
    A place typed by its head noun takes only an entry of that type."""
    given = key or m.key
    if given and not _state_conflicts(given, state, lexicon):
        return given
    group = type_group(m.type)
    by_head = typed_by_head(m)
    ids: list[str] = []
    for form in (normalize_key(name), name_key(name), str(m.attrs.generic_of or "")):
        for i in lexicon.by_name.get(form, [form] if form in lexicon.entries else []):
            typ = lexicon.entries[i].type
            if i not in ids and type_group(typ) == group and (not by_head or typ == m.type):
                ids.append(i)
    if state and group == "organization":
        ids = [i for i in ids if not _state_conflicts(i, state, lexicon)]
        own = entry_of_state(name, state, lexicon)
        if own and own not in ids:
            ids.append(own)
    if len(ids) == 1 and not lexicon.entries[ids[0]].is_generic_form(name):
        return ids[0]
    if not ids:  # (most mentions) none of the choices below can choose
        return None
    countries = {lexicon.entries[k].country for k in in_document
                 if k in lexicon.entries and lexicon.entries[k].type == "Country"}
    for keep in (lambda i: i in in_document,
                 lambda i: bool(state) and lexicon.country_of(i) == state,
                 lambda i: lexicon.entries[i].country in countries,
                 lambda i: bool(dominant) and lexicon.country_of(i) == dominant):
        chosen = [i for i in ids if keep(i)]
        if len(chosen) == 1:
            return chosen[0]
    return None


def _dominant_country(mentions: Iterable[Mention], lexicon: Lexicon) -> str | None:
    """The country entry the document names more often than any other, else None."""
    counts = Counter(m.key for m in mentions if m.key in lexicon.entries and lexicon.entries[m.key].type == "Country")
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _countries_differ(a: Node, b: Node) -> bool:
    """The recognizer tied the two names to different countries."""
    ca = {str(m.attrs.country) for m in a.mentions if m.attrs.country}
    cb = {str(m.attrs.country) for m in b.mentions if m.attrs.country}
    return bool(ca and cb and not ca & cb)


def _make_node(m: Mention, lexicon: Lexicon, in_document: set[str], group: str | None = None,
               key: str | None = None, state: str | None = None, dominant: str | None = None) -> Node:
    name = strip_title(m.text) if m.type == "Person" and group is None else m.text
    group = group or type_group(m.type)
    lex = None if group == "event" else _lexicon_id(m, name, lexicon, in_document, key, state, dominant)
    if lex:
        key = lex
        group = type_group(lexicon.entries[lex].type) if lex in lexicon.entries else group
        kind = "name"
    else:
        key = f"{group}|{name_key(name)}"
        if group == "person" and len(_surname_words(name)) == 1:
            kind = "surname"
        elif group == "organization" and is_acronym(name):
            kind = "acronym"
            key = f"{group}|{acronym_key(name)}"
        else:
            kind = "name"
    return Node(id=f"{m.document}\x1f{key}", document=m.document, key=key, group=group,
                lexicon_id=lex, name=name, kind=kind)


class Resolver:
    """Builds nodes document by document, then joins them (steps 1-4 of the module doc)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.settings = resolution_settings()
        self.nodes: dict[str, Node] = {}
        self.mention_node: dict[str, str] = {}
        self.uf = UnionFind()
        self.translit_window: dict[tuple[str, str], set[str]] | None = None  # :meth:`join_transliterations`
        # groups of surnames or acronyms whose full names left out of an incremental run
        # already number several entities (:meth:`join_dependents`)
        self.several_dependents: set[str] = set()
        self._reduced: dict[tuple[str, str], frozenset[str]] = {}
        self._facts: dict[str, dict[str, set[str]]] | None = None  # read before :meth:`join_all` filters
        self._published: dict[str, str] = {}  # document id -> its publication date (ISO)

    # -- step 1: within a document ------------------------------------------------------
    def add_document(self, result: DocumentResult) -> None:
        if result.document.published:
            self._published[result.document.id] = result.document.published
        doc_nodes: dict[str, Node] = {}
        by_mention: dict[str, Node] = {}
        text = result.document.text or ""
        states = {m.id: state for m in result.mentions if type_group(m.type) == "organization"
                  and (state := stated_country(text, m.start, m.end, m.text, self.lexicon, m.attrs.country))}
        in_document = {m.key for m in result.mentions
                       if m.key and not _state_conflicts(m.key, states.get(m.id), self.lexicon)}
        # a body whose state the text gives at one mention (المديرية العامة للأمن الوطني
        # المغربية) is the document's: its bare mentions are that state's too
        in_document |= {own for m in result.mentions if m.id in states and not m.key
                        and (own := entry_of_state(m.text, states[m.id], self.lexicon))}
        dominant = _dominant_country(result.mentions, self.lexicon)
        event_names = self._event_names(result.mentions)
        model_prefix = tuple(self.settings["model_sources"])
        rekeyed = self._acronym_readings(result.mentions)
        for m in result.mentions:
            # the model typing an event's name as a person or a body (Bright Star): the event
            as_event = (m.type != "Event" and not m.key and m.source.startswith(model_prefix)
                        and name_key(m.text) in event_names)
            fresh = _make_node(m, self.lexicon, in_document, "event" if as_event else None, rekeyed.get(m.id),
                               states.get(m.id), dominant)
            node = doc_nodes.setdefault(fresh.id, fresh)
            if fresh.kind == "name" and node.kind != "name":
                node.kind = "name"
            if len(fresh.name) > len(node.name):
                node.name = fresh.name
            node.mentions.append(m)
            node.names[fresh.name] += 1
            for alias in m.attrs.aliases:  # e.g. an event's bare name (باتاكلان)
                node.names[alias] += 0
            by_mention[m.id] = node
        for node in doc_nodes.values():
            node.local = (node.group == "organization" and not node.lexicon_id
                          and any(m.type == "GovernmentAgency" for m in node.mentions)
                          and not any(m.id in states for m in node.mentions)
                          and is_stateless_name(node.name, self.lexicon))
            self.nodes[node.id] = node
            self.uf.add(node)
        for mid, node in by_mention.items():
            self.mention_node[mid] = node.id
        self._bind_parentheses(result, by_mention)
        self._bind_anaphors(result.mentions, by_mention)
        self._bind_acronyms(result.mentions, doc_nodes, by_mention)
        self._bind_surnames(doc_nodes)
        self._bind_name_prefixes(doc_nodes)
        self._join_event_names(doc_nodes.values(), within_document=True)
        self._bind_syllabic_acronyms(doc_nodes)
        self._bind_national_references(doc_nodes)
        self._bind_shorter_forms(doc_nodes)

    def _bind_anaphors(self, mentions: list[Mention], by_mention: dict[str, Node]) -> None:
        """An anaphor (هذه الدورة) is the event it refers back to (``attrs.refers_to``)."""
        for m in mentions:
            target = by_mention.get(str(m.attrs.refers_to or ""))
            if target is not None:
                self.uf.union(target.id, by_mention[m.id].id)

    def _acronym_readings(self, mentions: list[Mention]) -> dict[str, str]:
        """An acronym the lexicon gives to an entry the document never names in full, when
        the document spells out the one other entry of its type group whose initials it is
        (APS, Algeria's agency in the lexicon, beside the Agence de presse sénégalaise):
        mention id -> that entry's id."""
        entries = self.lexicon.entries
        named: set[str] = set()
        by_initials: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.key in entries and not is_acronym(m.text):
                named.add(m.key)
                for key in initials(m.text):
                    by_initials[key].add(m.key)
        out: dict[str, str] = {}
        if not by_initials:
            return out
        for m in mentions:
            if m.key not in entries or m.key in named or not is_acronym(m.text):
                continue
            group = type_group(entries[m.key].type)
            found = {i for i in by_initials.get(acronym_key(m.text), ())
                     if i != m.key and type_group(entries[i].type) == group}
            if len(found) == 1:
                out[m.id] = found.pop()
        return out

    def _event_names(self, mentions: list[Mention]) -> set[str]:
        """Core names of the events the recognizer's patterns found (not the model's)."""
        prefix = tuple(self.settings["model_sources"])
        names: set[str] = set()
        for m in mentions:
            if m.type == "Event" and not m.source.startswith(prefix) and not _described(m) and not m.attrs.refers_to:
                for name in (m.text, m.attrs.name, *m.attrs.aliases):
                    if isinstance(name, str) and name.strip():
                        names.add(event_signature(name, is_qualifier=self._is_qualifier).core)
        names.discard("")
        return names

    def _bind_parentheses(self, result: DocumentResult, by_mention: dict[str, Node]) -> None:
        """``long name (SHORT)``: the shorter name in parentheses right after a name of the
        same type group is the same thing (المديرية العامة للأمن الوطني (DGSN), MI6), also
        past the place that ends the long name (mission de formation ... au Mali (EUTM))."""
        text = result.document.text
        if not text:
            return
        ordered = sorted(result.mentions, key=lambda m: (m.start, m.end))
        connectors = frozenset(normalize_key(w) for w in self.settings.get("place_connectors") or [])
        for i in range(1, len(ordered)):
            a, b = ordered[i - 1], ordered[i]
            if not (_OPEN_PAREN.fullmatch(text[a.end:b.start]) and _CLOSE_PAREN.match(text[b.end:b.end + 2])):
                continue
            if type_group(a.type) == "place" and type_group(b.type) != "place" and i >= 2:
                gap = normalize_key(text[ordered[i - 2].end:a.start]).split()
                if gap and all(w in connectors for w in gap):
                    a = ordered[i - 2]
            if a.type == "Person" or len(b.text) >= len(a.text):
                continue
            node, short = by_mention[a.id], by_mention[b.id]
            if self.uf.union(node.id, short.id):
                node.acronyms.add(b.text)

    def _bind_acronyms(self, mentions: list[Mention], doc_nodes: dict[str, Node],
                       by_mention: dict[str, Node]) -> None:
        by_acronym: dict[str, list[Node]] = defaultdict(list)
        for node in doc_nodes.values():
            if node.kind == "acronym" or is_acronym(node.name):
                by_acronym[acronym_key(node.name)].append(node)
        for m in mentions:
            node = by_mention[m.id]
            target = by_mention.get(str(m.attrs.long_form_of or ""))
            if target is not None and self.uf.union(node.id, target.id):
                target.acronyms.add(node.name)
            acr = m.attrs.acronym
            if isinstance(acr, str) and acr.strip():
                node.acronyms.add(acr.strip())
                for other in by_acronym.get(acronym_key(acr), []):
                    self.uf.union(node.id, other.id)
        long_forms: dict[str, set[str]] = defaultdict(set)
        for node in doc_nodes.values():
            if node.kind == "name" and node.group == "organization":
                for key in initials(node.name):
                    long_forms[key].add(node.id)
        for key, nodes in by_acronym.items():
            for node in nodes:
                if node.group != "organization" or self.uf.anchored[self.uf.find(node.id)]:
                    continue
                roots = {self.uf.find(n) for n in long_forms.get(key, ())}
                if len(roots) == 1:
                    self.uf.union(node.id, roots.pop())

    def _bind_surnames(self, doc_nodes: dict[str, Node]) -> None:
        full = [n for n in doc_nodes.values() if n.group == "person" and n.kind == "name"]
        if not full:
            return
        by_last: dict[str, set[str]] = defaultdict(set)
        by_first: dict[str, set[str]] = defaultdict(set)
        for n in full:
            words = name_key(n.name).split()
            if len(words) < 2:
                continue
            by_last[words[-1]].add(n.id)
            by_first[words[0]].add(n.id)
            for s in suffix_skeletons(n.name)[1:]:
                if len(s) >= self.settings["min_key_length"]:
                    by_last["\x1f" + s].add(n.id)
        for node in doc_nodes.values():
            if node.kind != "surname":
                continue
            word = _surname_words(node.name)[-1]
            skel = skeleton(node.name)
            for index, key in ((by_last, word), (by_last, "\x1f" + skel), (by_first, word)):
                roots = {self.uf.find(i) for i in index.get(key, ())}
                if len(roots) == 1:
                    self.uf.union(node.id, roots.pop())
                    break

    def _bind_name_prefixes(self, doc_nodes: dict[str, Node]) -> None:
        """A person name the model cut short (Ursula von der) joins the one full name of the
        document that begins with all its words (Ursula von der Leyen)."""
        full = [n for n in doc_nodes.values() if n.group == "person" and n.kind == "name"]
        by_prefix: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for n in full:
            words = tuple(name_key(n.name).split())
            for size in range(2, len(words)):
                by_prefix[words[:size]].add(n.id)
        for n in full:
            words = tuple(name_key(n.name).split())
            roots = {self.uf.find(i) for i in by_prefix.get(words, ())}
            if len(roots) == 1:
                self.uf.union(n.id, roots.pop())

    def _event_signatures(self, node: Node, *, qualifiers: bool = True) -> set[EventSignature]:
        """Signatures of every name of an event node (its text, the recognizer's bare name);
        ``qualifiers=False`` keeps demonyms in the core (African Lion, not Lion)."""
        sigs: set[EventSignature] = set()
        for m in node.mentions:
            year = str(m.attrs.year) if m.attrs.year else None
            head = str(m.attrs.head) if m.attrs.head else None
            if m.attrs.refers_to:  # an anaphor (هذه الدورة) names nothing: its antecedent does
                continue
            if _described(m):  # a state visit: a kind, no name (event_identity joins it by its frame)
                sigs.add(event_signature("", year=year, head=head))
                continue
            names = [m.text, m.attrs.name, *m.attrs.aliases]
            for name in names:
                if isinstance(name, str) and name.strip():
                    sig = event_signature(name, year=year, head=head,
                                          is_qualifier=self._is_qualifier if qualifiers else None)
                    if sig.core:
                        sigs.add(sig)
        return sigs

    def _is_qualifier(self, word: str) -> bool:
        return self.lexicon.demonym_country(word) is not None

    def _join_event_names(self, nodes: Iterable[Node], *, within_document: bool) -> None:
        """Events whose names are equal once head nouns and years are cut. Within a document
        a name without a year takes the one year its namesakes carry; across documents the
        years must be equal. Two different heads (attacks, summit) keep names apart, and a
        name without a head then joins neither."""
        by_core: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
        for node in nodes:
            if node.group != "event":
                continue
            for sig in self._event_signatures(node):
                if sig.core:
                    by_core[sig.core].append((node.id, sig.year, sig.head))
        for _, items in sorted(by_core.items()):
            years = {y for _, y, _ in items if y}
            by_year: dict[str | None, list[tuple[str, str | None]]] = defaultdict(list)
            for node_id, year, head in items:
                by_year[None if within_document and len(years) <= 1 else year].append((node_id, head))
            for year, members in sorted(by_year.items(), key=lambda kv: kv[0] or ""):
                if within_document and year is None and len(years) > 1:
                    continue  # a yearless name between two years: which one?
                heads = {h for _, h in members if h}
                for head in sorted(heads) if len(heads) > 1 else [None]:
                    ids = sorted({i for i, h in members if head is None or h == head})
                    for other in ids[1:]:
                        self.uf.union(ids[0], other)

    def _qualifier_starts(self, name: str) -> tuple[int, ...]:
        """Word positions a long form's own name may start at: 0, or past a leading country
        name or demonym (U.S. Central Command, United States Africa Command)."""
        tokens = name.split()
        n_words = len(long_form_words(name))
        starts = [0]
        for size in range(1, min(3, len(tokens) - 1) + 1):
            lead = " ".join(tokens[:size])
            at = len(long_form_words(lead))
            if not 0 < at < n_words:
                continue
            key = normalize_key(lead)
            for k in (key, key.replace(" ", "")):
                if any(self.lexicon.entries[i].type == "Country" for i in self.lexicon.by_name.get(k, ())):
                    starts.append(at)
                    break
            else:
                if size == 1 and self._is_qualifier(lead):
                    starts.append(at)
        return tuple(sorted(set(starts)))

    def _bind_syllabic_acronyms(self, doc_nodes: dict[str, Node]) -> None:
        """A one-word name (CENTCOM, Europol) and the one long form of the document it spells
        syllable by syllable (U.S. Central Command, European Police Office), and only when
        that long form is spelt by no other short name."""
        shorts: list[Node] = []
        longs: dict[str, list[tuple[Node, str, tuple[int, ...]]]] = defaultdict(list)
        for node in doc_nodes.values():
            if node.group != "organization":
                continue
            for name in sorted(node.names):
                if is_arabic(name):
                    continue
                words = long_form_words(name)
                if len(words) == 1 and len(acronym_key(name)) >= 4 and " " not in name.strip():
                    shorts.append(node)
                elif len(words) >= 2:
                    starts = self._qualifier_starts(name)
                    for k in starts:
                        longs[words[k][:1]].append((node, name, starts))
        if not shorts or not longs:
            return
        matches: dict[str, set[str]] = defaultdict(set)
        reverse: dict[str, set[str]] = defaultdict(set)
        for short in shorts:
            for name in sorted(short.names):
                key = acronym_key(name).lower()
                for long_node, long_name, starts in longs.get(key[:1], ()):
                    a, b = self.uf.find(short.id), self.uf.find(long_node.id)
                    if a == b or not self._joinable(a, b):
                        continue
                    if is_syllabic_acronym(name, long_name, starts=starts):
                        matches[a].add(b)
                        reverse[b].add(a)
        for a, found in sorted(matches.items()):
            if len(found) == 1:
                b = next(iter(found))
                if len(reverse[b]) == 1:
                    self.uf.union(a, b)

    def _joinable(self, a: str, b: str) -> bool:
        la, lb = self.uf.lexicon[a], self.uf.lexicon[b]
        return self.uf.group[a] == self.uf.group[b] and not (la and lb and la != lb)

    def _bind_national_references(self, doc_nodes: dict[str, Node]) -> None:
        """"British intelligence" joins the one British agency of a matching kind that the
        document names (MI6), never one of two."""
        agencies = [n for n in doc_nodes.values() if n.lexicon_id in self.lexicon.entries
                    and self.lexicon.entries[n.lexicon_id].type == "GovernmentAgency"]
        if not agencies:
            return
        for node in doc_nodes.values():
            if node.group != "organization" or node.lexicon_id:
                continue
            countries = {str(m.attrs.country) for m in node.mentions if m.attrs.country}
            ref = generic_reference(node.name, self.lexicon, next(iter(countries)) if len(countries) == 1 else None)
            if ref is None:
                continue
            country, kinds = ref
            roots = {self.uf.find(n.id) for n in agencies
                     if self.lexicon.entries[n.lexicon_id].kind in kinds
                     and self.lexicon.country_of(n.lexicon_id) == country}
            if len(roots) == 1:
                self.uf.union(node.id, roots.pop())

    def _bind_shorter_forms(self, doc_nodes: dict[str, Node]) -> None:
        """A longer form and the one shorter form of the document it reduces to once its
        modifiers are cut (:mod:`.modifiers`): the Libyan Coast Guard / the Coast Guard,
        جهاز حرس الحدود الليبي / جهاز حرس الحدود, معبر رأس جدير الحدودي / معبر رأس جدير;
        also a form the recognizer gave as the name's alias. A shorter form two longer
        ones reduce to (the Libyan and the Italian Coast Guard) joins neither; a joined
        shorter form without a lexicon entry stays out of the joins across documents
        (another text's "Coast Guard" may be another country's). The name after a
        country's possessive is a name of the body (Cyprus's National Guard: National
        Guard)."""
        groups = ("organization", "place")
        short: dict[tuple[str, str], set[str]] = defaultdict(set)
        nodes = [doc_nodes[i] for i in sorted(doc_nodes)
                 if doc_nodes[i].group in groups and doc_nodes[i].kind == "name"]
        for node in nodes:
            if self._modifier_kind(node) == "agency":
                for name in sorted(node.names):
                    owned = possessive_name(name, self.lexicon)
                    if owned:
                        node.names[owned] += 0
        for node in nodes:
            for name in node.names:
                short[(node.group, bare_key(name))].add(node.id)
        if len(nodes) < 2:
            return
        matches: dict[str, set[str]] = defaultdict(set)  # shorter root -> longer roots
        reverse: dict[str, set[str]] = defaultdict(set)
        matched: dict[str, set[str]] = defaultdict(set)  # shorter root -> its shorter nodes
        for node in nodes:
            keys: set[str] = set()
            kind = self._modifier_kind(node)
            for name in node.names if kind else ():
                keys |= self._reduced_forms(name, kind)
            for m in node.mentions:
                keys |= {bare_key(a) for a in m.attrs.aliases if isinstance(a, str)}
            for key in sorted(keys):
                for other in sorted(short.get((node.group, key), ())):
                    a, b = self.uf.find(node.id), self.uf.find(other)
                    if a == b or not self._joinable(a, b) or _countries_differ(node, doc_nodes[other]):
                        continue
                    matches[b].add(a)
                    reverse[a].add(b)
                    matched[b].add(other)
        for b, found in sorted(matches.items()):
            if len(found) != 1:
                continue
            a = next(iter(found))
            if len(reverse[a]) == 1 and self.uf.union(a, b):
                for other in matched[b]:
                    if not doc_nodes[other].lexicon_id:
                        doc_nodes[other].kind = "short"

    def _modifier_kind(self, node: Node) -> str | None:
        """``agency`` for a state body (its country restates whose it is; for a group or an
        international body a country names a branch or a mission: ISIS Libya, EUTM Mali),
        ``place`` for a place, else None."""
        if node.group == "place":
            return "place"
        entry = self.lexicon.entries.get(node.lexicon_id or "")
        if entry is not None:
            return "agency" if entry.type == "GovernmentAgency" else None
        return "agency" if any(m.type == "GovernmentAgency" for m in node.mentions) else None

    def _reduced_forms(self, name: str, kind: str) -> frozenset[str]:
        k = (name, kind)
        if k not in self._reduced:
            self._reduced[k] = reduced_forms(name, kind, self.lexicon)
        return self._reduced[k]

    # -- step 2: the same key across documents ------------------------------------------
    def join_same_keys(self) -> None:
        first: dict[str, str] = {}
        for node_id in sorted(self.nodes):
            node = self.nodes[node_id]
            if node.kind != "name" or node.local or node.group == "event":  # events: join_events
                continue
            if node.key in first:
                self.uf.union(first[node.key], node_id)
            else:
                first[node.key] = node_id

    def join_events(self, relations: Iterable[Relation]) -> None:
        """One event across documents (:mod:`.event_identity`): each document's event, with
        the dates, places and participants its relations give it, joins the reports of
        other documents that name the same event."""
        facts = self._facts if self._facts is not None else self._event_facts(relations)
        self.retype_model_events()
        for group in same_event_groups(self._event_reports(facts, lambda n: n.group == "event")):
            for other in group[1:]:
                self.uf.union(group[0], other)

    def _event_facts(self, relations: Iterable[Relation]) -> dict[str, dict[str, set[str]]]:
        """Dates, places and participants of each unit, from its document's relations, and
        the publication date of the document of each unit that is or may be an event."""
        facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for r in relations:
            head, tail = self.mention_node.get(r.head), self.mention_node.get(r.tail)
            if r.type == "occurredOn" and head:
                facts[self.uf.find(head)]["dates"].add(r.tail)
            elif r.type in ("occurredIn", "involvedIn") and head and tail:
                event, other = (head, tail) if r.type == "occurredIn" else (tail, head)
                facts[self.uf.find(event)]["places" if r.type == "occurredIn" else "participants"].add(
                    self._party_key(self.nodes[other]))
        for node in self.nodes.values():
            published = self._published.get(node.document)
            if published and (node.group == "event" or self._may_be_event(node)):
                facts[self.uf.find(node.id)]["published"].add(published)
        return facts

    def _party_key(self, node: Node) -> str:
        """A party or place of an event as event identity compares it: a person by the
        skeleton of the name, one key in both scripts (Macron, ماكرون), else the node's key.
        From the node alone, not from the joins of step 3: a stored unit keeps its facts."""
        skeleton = self._transliteration_skeleton(node) if node.group == "person" else ""
        return f"person|~{skeleton}" if skeleton else node.key

    def _event_reports(self, facts: dict[str, dict[str, set[str]]], is_event) -> list[EventReport]:
        """One report per component of the nodes ``is_event`` takes."""
        roots: dict[str, list[Node]] = defaultdict(list)
        for node_id in sorted(self.nodes):
            if is_event(self.nodes[node_id]):
                roots[self.uf.find(node_id)].append(self.nodes[node_id])
        for root, nodes in roots.items():  # the countries its name carries take part in it
            for n in nodes:
                for name in n.names:
                    facts[root]["participants"] |= countries_named(name, self._country_of)
        return [EventReport(root, nodes[0].document,
                            tuple(sorted({s for n in nodes for q in (True, False)
                                          for s in self._event_signatures(n, qualifiers=q)}, key=str)),
                            **{k: frozenset(facts[root][k]) for k in ("dates", "places", "participants")},
                            published=min(facts[root]["published"], default=None))
                for root, nodes in roots.items()]

    def _country_of(self, word: str) -> str | None:
        """A demonym's or a country name's lexicon id (Mauritanian, الموريتانية, Morocco)."""
        found = self.lexicon.demonym_country(word)
        if found:
            return found
        return next((i for i in self.lexicon.by_name.get(normalize_key(word), ())
                     if self.lexicon.entries[i].type == "Country"), None)

    def retype_model_events(self) -> None:
        """A name the model typed as a body or a place (Flintlock, African Lion 24) is an
        event when a document named that event with a year or a quoted name (Flintlock
        2019, « African Lion 2024 », فلينتلوك 2020: :func:`.event_identity.name_keys`);
        a lexicon name never is."""
        prefix = tuple(self.settings["model_sources"])
        known: set[tuple[str, str]] = set()
        for node in self.nodes.values():
            if node.group != "event":
                continue
            for sig in self._event_signatures(node, qualifiers=False):
                if not sig.core:
                    continue
                if sig.year or any(m.attrs.name and not m.source.startswith(prefix) for m in node.mentions):
                    if not self.lexicon.by_name.get(normalize_key(sig.core)):
                        known |= name_keys(sig.core)
        sizes = Counter(self.uf.find(i) for i in self.nodes)
        for node in self.nodes.values():
            if (self._may_be_event(node) and sizes[self.uf.find(node.id)] == 1
                    and name_keys(edition_name(name_key(node.name))) & known):
                node.group = "event"
                self.uf.group[node.id] = "event"

    def _may_be_event(self, node: Node) -> bool:
        """A name only the model found, of a body or a place, no lexicon entry: an event
        when another report names that event (:meth:`retype_model_events`)."""
        prefix = tuple(self.settings["model_sources"])
        return (node.group in ("organization", "place") and not node.lexicon_id and node.kind == "name"
                and all(m.source.startswith(prefix) for m in node.mentions))

    # -- step 3: person names across scripts ---------------------------------------------
    def join_transliterations(self) -> None:
        """Each skeleton is compared with its ``window`` neighbours in skeleton order within
        its block of skeletons that begin alike, and in reversed-skeleton order within its
        block of skeletons that end alike (:func:`transliteration_blocks`): one letter added
        anywhere leaves one of the two blocks shared. Blocks, not one sorted list over the
        archive, so that what a name is compared with depends only on its block's names
        (an incremental run re-resolves just the neighbourhoods it touches).

        ``translit_window`` (an incremental run's, else None): (block, node) -> the nodes
        within ``window`` after it in the whole block's order, of which this resolver holds
        only some; a pair is compared only if it is there, in the order a clean run compares
        it (the held nodes' order is the whole block's)."""
        window = int(self.settings["window"])
        blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for node in self.nodes.values():
            for key, order in self.transliteration_places(node):
                blocks[key].append((order, node.id))
        for key in sorted(blocks, key=lambda k: (k[0] != ">", k)):  # skeleton order first
            ordered = sorted(blocks[key])
            for pos, (_, a) in enumerate(ordered):
                allowed = None if self.translit_window is None else self.translit_window.get((key, a), set())
                for _, b in ordered[pos + 1:pos + 1 + window]:
                    if allowed is not None and b not in allowed:
                        continue  # not neighbours in the whole block (a partial run)
                    skel_a, skel_b = skeleton(self.nodes[a].name), skeleton(self.nodes[b].name)
                    if self.uf.find(a) != self.uf.find(b) and self._same_person(skel_a, skel_b, a, b):
                        self.uf.union(a, b)

    def transliteration_places(self, node: Node) -> list[tuple[str, str]]:
        """The node's blocks, each with what it is sorted by there (before its id)."""
        skel = self._transliteration_skeleton(node)
        return [(key, skel[::-1] if key.startswith("<") else skel) for key in transliteration_blocks(skel)]

    def _transliteration_skeleton(self, node: Node) -> str:
        """The skeleton a node is compared by across scripts, or "" when it is not."""
        if not hasattr(self, "_translit_groups"):
            self._translit_groups = {type_group(t) for t in self.settings["transliterated_types"]}
        if node.group in self._translit_groups and node.kind == "name" and not node.lexicon_id:
            return skeleton(node.name)
        return ""

    def _same_person(self, skel_a: str, skel_b: str, a: str, b: str) -> bool:
        return self.same_person_names(self.nodes[a].name, self.nodes[b].name, skel_a, skel_b)

    def same_person_names(self, name_a: str, name_b: str, skel_a: str | None = None, skel_b: str | None = None
                          ) -> bool:
        """Whether two transliterated names are one person's (what
        :meth:`join_transliterations` asks of two neighbours): a function of the names only."""
        skel_a = skeleton(name_a) if skel_a is None else skel_a
        skel_b = skeleton(name_b) if skel_b is None else skel_b
        if not self._family_names_agree(name_a, name_b):
            return False
        if len(skel_a) < self.settings["skeleton_min_length"] or len(skel_b) < self.settings["skeleton_min_length"]:
            if skel_a != skel_b:
                return False
        elif not same_name(skel_a, skel_b, self.settings["skeleton_threshold"]):
            return False
        if is_arabic(name_a) != is_arabic(name_b):
            arabic, latin = (name_a, name_b) if is_arabic(name_a) else (name_b, name_a)
            return long_vowel_conflicts(arabic, latin) == 0
        # Same script: the spellings themselves must agree (the skeleton drops vowels).
        flat_a, flat_b = name_key(name_a).replace(" ", ""), name_key(name_b).replace(" ", "")
        if similarity(flat_a, flat_b) < self.settings["latin_threshold"]:
            return False
        return not is_arabic(name_a) or arabic_long_vowel_conflicts(name_a, name_b) == 0

    def _family_names_agree(self, name_a: str, name_b: str) -> bool:
        """The family name (last word) of one name is a word, or the words to the end, past
        the given name of the other (Mahamat Idriss Deby / Mahamat Idriss Deby Itno,
        Abaaoud / أبا عود): a shared given name is not enough however long it is (محمد
        المنفي is not Mohammad Momani, Mark Rutte not Marc Conruyt)."""
        words_a = [_DOUBLED.sub(r"\1", w) for w in skeleton_words(name_a) if w]
        words_b = [_DOUBLED.sub(r"\1", w) for w in skeleton_words(name_b) if w]
        if len(words_a) < 2 or len(words_b) < 2:
            return True  # one word: the whole-name comparison decides
        threshold = self.settings["skeleton_threshold"]
        arabic_a, arabic_b = is_arabic(name_a), is_arabic(name_b)

        def same(x: str, x_arabic: bool, y: str, y_arabic: bool) -> bool:
            if same_name(x, y, threshold):
                return True
            # a French name's silent last consonant, not written in Arabic (Barrot: بارو)
            if x_arabic == y_arabic:
                return False
            arabic, latin = (x, y) if x_arabic else (y, x)
            return len(arabic) >= 2 and len(latin) == len(arabic) + 1 and latin.startswith(arabic)

        def found(family: str, family_arabic: bool, words: list[str], name: str, arabic: bool) -> bool:
            tails = set(words[1:]) | set(suffix_skeletons(name)[1:])
            return any(same(family, family_arabic, w, arabic) for w in tails)

        father_a, father_b = self._father_name(name_a), self._father_name(name_b)
        if father_a and father_b and not self._same_word(father_a, father_b):
            return False  # Salman bin Hamad Al Khalifa is not Salman bin Mohammed Al Khalifa
        return (found(words_a[-1], arabic_a, words_b, name_b, arabic_b)
                or found(words_b[-1], arabic_b, words_a, name_a, arabic_a))

    def _same_word(self, a: str, b: str) -> bool:
        """One name word in two spellings: equal skeletons and agreeing long vowels across
        scripts, letters that mostly agree within one (Hamad is not Mohammed)."""
        if is_arabic(a) != is_arabic(b):
            arabic, latin = (a, b) if is_arabic(a) else (b, a)
            return skeleton(a) == skeleton(b) and long_vowel_conflicts(arabic, latin) == 0
        if is_arabic(a):
            return skeleton(a) == skeleton(b) and arabic_long_vowel_conflicts(a, b) == 0
        return similarity(a, b) >= self.settings["latin_threshold"]

    def _father_name(self, name: str) -> str | None:
        """The word after a patronymic link (bin, ould, بن), if the name has one."""
        words = name_key(name).split()
        links = self._patronymic_links()
        for i, word in enumerate(words[1:-1], start=1):
            if word in links:
                return words[i + 1]
        return None

    def _patronymic_links(self) -> frozenset[str]:
        if not hasattr(self, "_links"):
            self._links = frozenset(normalize_key(w) for w in self.settings.get("patronymic_links") or [])
        return self._links

    # -- step 4: surnames and acronyms without their full form -----------------------------
    def join_dependents(self) -> None:
        """Step 4: the surnames and acronyms of one key (a group) that stand alone join the
        one entity their look-up finds among the full names, or one another. A group in
        ``several_dependents`` (an incremental run's: the full names it left out already
        number several entities) joins one another without looking."""
        min_len = self.settings["min_key_length"]
        targets: dict[str, set[str]] = defaultdict(set)
        for node in self.nodes.values():
            for key in self.dependent_offers(node):
                targets[key].add(node.id)
        dependents: dict[str, list[str]] = defaultdict(list)
        for node_id in sorted(self.nodes):
            node = self.nodes[node_id]
            if node.kind != "name" and not node.local:
                dependents[node.key].append(node_id)
        for key, node_ids in sorted(dependents.items()):
            sample = self.nodes[node_ids[0]]
            lookup = skeleton(sample.name) if sample.kind == "surname" else acronym_key(sample.name)
            roots = {self.uf.find(n) for n in node_ids if self.uf.anchored[self.uf.find(n)]}
            alone = [n for n in node_ids if not self.uf.anchored[self.uf.find(n)]]
            if key in self.several_dependents:
                for n in alone:
                    self.uf.union(alone[0], n)
                continue
            if len(lookup) >= min_len:
                found = sorted(targets.get(f"{sample.group}|{lookup}", ()))
                if sample.kind == "surname":
                    found = self._surname_targets(sample.name, found)
                roots |= {self.uf.find(t) for t in found}
            into = roots.pop() if len(roots) == 1 else alone[0] if alone else None
            for n in alone:
                if into is not None:
                    self.uf.union(into, n)

    def _surname_targets(self, surname: str, found: list[str]) -> list[str]:
        """The full names a lone surname may join: those spelt like it (a veto across
        scripts); when their consonants leave several, only the one spelt alike in the same
        script (Sayed: Kais Saied, not Hanena Ould Sidi nor آل سعود)."""
        agreeing = [t for t in found if self._surname_spelling_agrees(surname, self.nodes[t].name)]
        if len({self.uf.find(t) for t in found}) <= 1:
            return agreeing
        return [t for t in agreeing if is_arabic(self.nodes[t].name) == is_arabic(surname)]

    def _surname_spelling_agrees(self, surname: str, full: str) -> bool:
        """A lone surname and the words a full name ends with, which its skeleton matched,
        are spelt alike, not only consonant for consonant (Sayed is Kais Saied, not Hanena
        Ould Sidi nor آل سعود): across scripts the long vowels agree, in Latin script the
        letters mostly do."""
        size = max(1, len([w for w in skeleton_words(surname) if w]))
        tail = " ".join(full.split()[-size:])
        if is_arabic(surname) != is_arabic(tail):
            arabic, latin = (surname, tail) if is_arabic(surname) else (tail, surname)
            return long_vowel_conflicts(arabic, latin) == 0
        if is_arabic(surname):
            return arabic_long_vowel_conflicts(surname, tail) == 0
        flat_a, flat_b = name_key(surname).replace(" ", ""), name_key(tail).replace(" ", "")
        return similarity(flat_a, flat_b) >= self.settings["surname_latin_threshold"]

    # -- every join across documents, and the keys that cover them -------------------------
    def join_all(self, relations: list[Relation], keep: set[str] | None = None,
                 facts: dict[str, dict[str, set[str]]] | None = None) -> None:
        """Steps 2-4 over the nodes added so far; with ``keep``, only over the units (roots
        after step 1) it names, the others left out (an incremental run's closure); with
        ``facts``, the units' event facts as :meth:`unit_facts` gave them (units loaded by
        :meth:`load_unit` have no relations here)."""
        if keep is not None:
            facts = self._event_facts(relations)  # a unit's facts read its document's other units
            self.nodes = {i: n for i, n in self.nodes.items() if self.uf.find(i) in keep}
        if facts is not None:
            self._facts = defaultdict(lambda: defaultdict(set))
            for root, sets in facts.items():
                for k, v in sets.items():
                    self._facts[root][k] |= set(v)
        self.join_events(relations)
        self.join_same_keys()
        self.join_transliterations()
        self.join_dependents()

    def unit_facts(self, relations: list[Relation]) -> dict[str, dict[str, list[str]]]:
        """Each unit's event facts (dates, places, participants) from its document's
        relations, as step 2 reads them: what a stored unit keeps of its relations."""
        return {root: {k: sorted(v) for k, v in sets.items()} for root, sets in self._event_facts(relations).items()}

    def snapshot(self, unit: str, members: list[str]) -> dict:
        """A unit after step 1 as plain data (:meth:`load_unit` makes it again)."""
        return {
            "anchored": self.uf.anchored[unit], "lexicon": self.uf.lexicon[unit],
            "nodes": [{"id": n.id, "document": n.document, "key": n.key, "group": n.group,
                       "lexicon_id": n.lexicon_id, "name": n.name, "kind": n.kind, "local": n.local,
                       "uf_group": self.uf.group[n.id], "mentions": [m.to_dict() for m in n.mentions],
                       "names": list(n.names.items()), "acronyms": sorted(n.acronyms)}
                      for n in (self.nodes[i] for i in members)],
        }

    def load_unit(self, unit: str, data: dict) -> None:
        """Add a unit as :meth:`snapshot` gave it, as if its document had been added (step 1
        done); its document's other units are not added."""
        for d in data["nodes"]:
            node = node_of_snapshot(d)
            self.nodes[node.id] = node
            self.uf.parent[node.id] = unit
            self.uf.group[node.id] = d["uf_group"]
            self.uf.lexicon[node.id] = node.lexicon_id
            self.uf.anchored[node.id] = node.kind == "name"
            for m in node.mentions:
                self.mention_node[m.id] = node.id
        self.uf.lexicon[unit] = data["lexicon"]
        self.uf.anchored[unit] = data["anchored"]

    def units(self) -> dict[str, str]:
        """Node id -> its unit: the root of its component after step 1 (within its document)."""
        return {i: self.uf.find(i) for i in self.nodes}

    def unit_keys(self, relations: list[Relation]) -> dict[str, set[str]]:
        """The blocking keys of each unit (after step 1, before any join across documents).

        Two units of different documents can meet in a join across documents (steps 2-4 and
        the retyping of model events) only if they share a key, so the units an incremental
        run must resolve again are those linked to the changed documents' units through
        shared keys (:mod:`.incremental`). One namespace per join:

        - ``k:`` the node's blocking key (:meth:`join_same_keys`; the dependents of
          :meth:`join_dependents` grouped by key);
        - ``d:`` what a surname or acronym looks up and what a full name offers to it
          (:meth:`join_dependents`);
        - ``t`` the transliteration blocks (:meth:`join_transliterations`);
        - ``e:`` the name keys of events and of the model's names that may be one
          (:meth:`retype_model_events`);
        - ``v:`` the event reports' blocking keys (:func:`.event_identity.same_event_groups`).
        """
        min_len = self.settings["min_key_length"]
        out: dict[str, set[str]] = defaultdict(set)
        for node in self.nodes.values():
            keys = out[self.uf.find(node.id)]
            keys.update(transliteration_blocks(self._transliteration_skeleton(node)))
            if node.local:
                pass
            elif node.kind == "name":
                keys.update(f"d:{k}" for k in self.dependent_offers(node))
            elif (lookup := self.dependent_lookup(node)) is not None:
                keys.add(lookup)
            if not node.local:
                keys.add("k:" + node.key)
            # (an empty name retypes nothing: a described event's has no core, and a model's
            # name cut to nothing matches no event's; as a key it would link them all)
            if node.group == "event":
                for sig in self._event_signatures(node, qualifiers=False):
                    keys.update(f"e:{k}" for k in name_keys(sig.core) if sig.core)
            elif self._may_be_event(node):
                keys.update(f"e:{k}" for k in name_keys(edition_name(name_key(node.name))) if k[1])
        facts = self._event_facts(relations)
        reports = self._event_reports(facts, lambda n: n.group == "event" or self._may_be_event(n))
        for report, block_keys in event_blocking_keys(reports).items():
            out[report].update(f"v:{k}" for k in block_keys)
        return {unit: keys for unit, keys in out.items()}

    def dependent_lookup(self, node: Node) -> str | None:
        """The ``d:`` key a surname or an acronym looks its full names up by
        (:meth:`join_dependents`), or None (a full name, a local name, a key too short)."""
        if node.kind == "name" or node.local:
            return None
        lookup = skeleton(node.name) if node.kind == "surname" else acronym_key(node.name)
        return f"d:{node.group}|{lookup}" if len(lookup) >= self.settings["min_key_length"] else None

    def dependent_offers(self, node: Node) -> set[str]:
        """The look-up keys (without ``d:``) a full name offers to the surnames and acronyms
        of :meth:`join_dependents`: a person's last words' skeletons, an organization's
        initials and acronyms; none for a surname, an acronym or a local name."""
        if node.kind != "name" or node.local:
            return set()
        if node.group == "person" and len(name_key(node.name).split()) > 1:
            min_len = self.settings["min_key_length"]
            return {f"person|{s}" for s in suffix_skeletons(node.name)[1:] if len(s) >= min_len}
        if node.group == "organization":
            return {f"organization|{k}" for k in initials(node.name) | {acronym_key(a) for a in node.acronyms}}
        return set()

    def dependent_lookups(self) -> list[tuple[str, str, str | None, bool, str, str, str]]:
        """(unit, the node's key, its ``d:`` key or None, whether its unit holds no full name,
        node id, name, kind) of every surname and acronym (:meth:`join_dependents`' groups:
        the nodes of one key; the group's first node by id tells what it looks up). A ``d:``
        key joins anything only when some surname or acronym of that key's group may stand
        alone at step 4: its unit holds no full name after step 1 (an anchored unit stays
        anchored); the other ``d:`` keys are shared in vain (:mod:`.incremental`)."""
        out = []
        for node in self.nodes.values():
            if node.kind != "name" and not node.local:
                unit = self.uf.find(node.id)
                out.append((unit, node.key, self.dependent_lookup(node), not self.uf.anchored[unit], node.id,
                            node.name, node.kind))
        return out

    def several_by(self, kind: str, sample: str, names: list[tuple[str, str]]) -> bool:
        """Whether full names ``names`` ((entity root, name): those an incremental run leaves
        out, of the key the group's first node ``sample`` (of ``kind``) looks up) already give
        :meth:`join_dependents` several entities to choose from, whatever else the key holds:
        two roots of names spelt like the surname in its script (:meth:`_surname_targets`
        keeps those when the key has several entities), two roots for an acronym."""
        if kind == "surname":
            names = [(root, name) for root, name in names
                     if is_arabic(name) == is_arabic(sample) and self._surname_spelling_agrees(sample, name)]
        return len({root for root, _ in names}) >= 2

    # -- output --------------------------------------------------------------------------
    def components(self) -> dict[str, list[Node]]:
        out: dict[str, list[Node]] = defaultdict(list)
        for node_id in sorted(self.nodes):
            out[self.uf.find(node_id)].append(self.nodes[node_id])
        return out


def node_of_snapshot(d: dict) -> Node:
    """A node as :meth:`Resolver.snapshot` wrote it."""
    return Node(id=d["id"], document=d["document"], key=d["key"], group=d["group"], lexicon_id=d["lexicon_id"],
                name=d["name"], kind=d["kind"], mentions=[Mention.from_dict(m) for m in d["mentions"]],
                names=Counter(dict(d["names"])), acronyms=set(d["acronyms"]), local=d["local"])


def resolve_entities(
    results: Iterable[DocumentResult], lexicon: Lexicon | None = None
) -> tuple[list[Entity], list[Relation]]:
    lexicon = load_lexicon() if lexicon is None else lexicon
    resolver = Resolver(lexicon)
    relations_in: list[Relation] = []
    for result in results:
        if result.status != "ok":
            continue
        resolver.add_document(result)
        relations_in.extend(result.relations)
    resolver.join_all(relations_in)
    made = make_entities(resolver)
    assign_ids([(root, entity, alts) for root, (entity, alts) in made.items()])
    root_entity = {root: entity.id for root, (entity, _) in made.items()}

    def entity_of(mention_id: str) -> str | None:
        node = resolver.mention_node.get(mention_id)
        return root_entity[resolver.uf.find(node)] if node else None

    entities = sorted((entity for entity, _ in made.values()), key=lambda e: e.id)
    return entities, merge_relations(relations_in, entity_of)


def make_entities(resolver: Resolver) -> dict[str, tuple[Entity, tuple[str, str]]]:
    """Component root -> its entity, under its base id, and the two suffixes it takes
    when another entity has that id (:func:`assign_ids`)."""
    out: dict[str, tuple[Entity, tuple[str, str]]] = {}
    for root, nodes in sorted(resolver.components().items()):
        entity = _make_entity(nodes, resolver.lexicon)
        # by their names, else (one name kept in two documents) by their documents' nodes
        alts = tuple(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:6]
                     for parts in (sorted(n.key for n in nodes), sorted(n.id for n in nodes)))
        out[root] = (entity, alts)  # type: ignore[assignment]
    return out


def assign_ids(items: Iterable[tuple[str, Entity, tuple[str, ...]]]) -> None:
    """Entity ids: two entities with one label and type (one base id) are kept apart, the
    one of the smallest component root keeping the base id, the others suffixed by their
    names' digest, else their nodes' (``alts``). Only entities of one base id compete, so
    a run may assign the ids of some bases only."""
    taken: set[str] = set()
    for _, entity, alts in sorted(items, key=lambda item: item[0]):
        base = entity.id
        if base in taken:
            for alt in alts:
                entity.id = f"{base}-{alt}"
                if entity.id not in taken:
                    break
        taken.add(entity.id)


def merge_relations(relations_in: Iterable[Relation], entity_of) -> list[Relation]:
    """Relations onto entity ids; one relation per (head, type, tail), evidences united."""
    merged: dict[tuple[str, str, str], Relation] = {}
    for rel in relations_in:
        head = entity_of(rel.head)
        tail = rel.tail if rel.literal else entity_of(rel.tail)
        if head is None or tail is None or head == tail:
            continue
        if rel.type in SYMMETRIC_RELATIONS and tail < head:
            head, tail = tail, head
        k = (head, rel.type, tail)
        if k not in merged:
            merged[k] = Relation(head=head, type=rel.type, tail=tail, domains=sorted(set(rel.domains)),
                                 confidence=rel.confidence, extractor=rel.extractor, evidence=list(rel.evidence),
                                 negated=rel.negated, hedged=rel.hedged, status=rel.status, start=rel.start,
                                 end=rel.end, attributed_to=_source_of(rel.attributed_to, entity_of))
            _note_document(merged[k], rel, entity_of)
            continue
        into = merged[k]
        _note_document(into, rel, entity_of)
        _merge_time_and_source(into, rel, entity_of)
        into.domains = sorted(set(into.domains) | set(rel.domains))
        into.confidence = max(into.confidence, rel.confidence)
        into.extractor = ",".join(sorted({x for x in into.extractor.split(",") if x} | {rel.extractor} - {""}))
        into.negated = into.negated and rel.negated
        into.hedged = into.hedged and rel.hedged
        for ev in rel.evidence:
            if ev not in into.evidence:
                into.evidence.append(ev)
    relations = sorted(merged.values(), key=lambda r: (r.head, r.type, r.tail))
    for rel in relations:
        rel.evidence.sort(key=lambda e: (e.document, e.start, e.end))
        if len(rel.by_document) < 2:
            rel.by_document = {}  # one document: the relation's own fields say it
    return relations


def _note_document(into: Relation, rel: Relation, entity_of) -> None:
    """Keep what each document says of the role's time and source: a source named in one
    report is not the source of another that states the same fact."""
    if rel.by_document:  # already merged (an incremental run): its own record per document
        for doc, fields_ in rel.by_document.items():
            into.by_document.setdefault(doc, dict(fields_))
        return
    source = _source_of(rel.attributed_to, entity_of)
    for doc in sorted({ev.document for ev in rel.evidence}):
        known = into.by_document.get(doc)
        if known is None:
            into.by_document[doc] = {k: v for k, v in (("status", rel.status), ("start", rel.start),
                                                        ("end", rel.end), ("attributed_to", source)) if v}
            continue
        if STATUS_RANK.get(rel.status, 0) > STATUS_RANK.get(known.get("status"), 0):
            known["status"] = rel.status
        for key, value in (("start", rel.start), ("end", rel.end)):
            if value and not known.get(key):
                known[key] = value
        if known.get("attributed_to") in (None, OUTLET) and source not in (None, OUTLET):
            known["attributed_to"] = source


def _source_of(attributed_to: str | None, entity_of) -> str | None:
    """A relation's source onto its entity id (``outlet`` stays)."""
    if attributed_to in (None, OUTLET):
        return attributed_to
    return entity_of(attributed_to) or OUTLET


def _merge_time_and_source(into: Relation, rel: Relation, entity_of) -> None:
    if STATUS_RANK.get(rel.status, 0) > STATUS_RANK.get(into.status, 0):  # the later knowledge wins
        into.status = rel.status
    into.start = into.start or rel.start
    into.end = into.end or rel.end
    source = _source_of(rel.attributed_to, entity_of)
    if into.attributed_to in (None, OUTLET) and source not in (None, OUTLET):
        into.attributed_to = source  # a named source over the outlet's default
    elif into.attributed_to is None:
        into.attributed_to = source


def _best_name(forms: Counter) -> str:
    """The most complete form: most words, longest key, most frequent, then alphabetical."""
    return min(forms, key=lambda s: (-len(name_key(s).split()), -len(name_key(s)), -forms[s], s))


def _entity_type(nodes: list[Node]) -> str:
    """The type of the most trusted reading (a mention's confidence is its recognizer's
    trust: a head noun's explicit typing outranks the model's guesses, however many), the
    summed confidence among equally trusted readings, then the type order."""
    best: dict[str, float] = {}
    weights: Counter = Counter()
    for n in nodes:
        for m in n.mentions:  # a model's name for an event votes for Event
            typ = "Event" if n.group == "event" else m.type
            best[typ] = max(best.get(typ, 0.0), round(m.confidence, 6))
            weights[typ] += m.confidence
    return min(weights, key=lambda t: (-best[t], -round(weights[t], 6),
                                       ENTITY_TYPES.index(t) if t in ENTITY_TYPES else 99, t))


def _make_entity(nodes: list[Node], lexicon: Lexicon) -> Entity:
    mentions = [m for n in nodes for m in n.mentions]
    lex_id = next((n.lexicon_id for n in nodes if n.lexicon_id), None)
    entry = lexicon.entries.get(lex_id) if lex_id else None
    surfaces = Counter(m.text for m in mentions)
    names: Counter = Counter()
    for n in nodes:
        names.update(n.names)
    acronyms = {a for n in nodes for a in n.acronyms}
    alias_langs: dict[str, set[str]] = defaultdict(set)
    for n in nodes:
        for m in n.mentions:
            alias_langs[_script_lang(m.text, m.lang)].add(m.text)
        lang = n.mentions[0].lang
        for name in n.names:
            alias_langs[_script_lang(name, lang)].add(name)
        for a in n.acronyms:
            alias_langs[_script_lang(a, n.mentions[0].lang)].add(a)
    aliases = sorted(set(surfaces) | set(names) | acronyms)

    if entry is not None:
        typ, label, labels = entry.type, entry.label, dict(entry.labels)
        entity_id = entry.id
    else:
        if lex_id:  # a lexicon id the loaded lexicon does not know: still the stable id
            entity_id = lex_id
        typ = _entity_type(nodes)
        full = Counter({k: v for k, v in names.items() if not is_acronym(k)}) or names
        latin = Counter({k: v for k, v in full.items() if not is_arabic(k)})
        label = _best_name(latin or full)
        labels = {}
        for lang, forms in alias_langs.items():
            candidates = Counter({f: full[f] for f in forms if f in full})
            if candidates:
                labels[lang] = _best_name(candidates)
        if not lex_id:
            digest = hashlib.sha1(f"{typ}|{name_key(label)}".encode("utf-8")).hexdigest()[:12]
            entity_id = f"{typ.lower()}/{digest}"
    return Entity(
        id=entity_id,
        type=typ,
        label=label,
        aliases=aliases,
        documents=sorted({m.document for m in mentions}),
        key=lex_id,
        labels=labels,
        alias_langs={lang: sorted(v) for lang, v in sorted(alias_langs.items())},
        mentions=len(mentions),
        iso3166=entry.iso3166 if entry else None,
        geonames=entry.geonames if entry else None,
        country=entry.country if entry and typ == "City" else None,
        spans=[list(x) for x in sorted({(m.document, m.start, m.end) for m in mentions})],
        event_kind=_event_kind(mentions) if typ == "Event" else None,
    )


def _described(m: Mention) -> bool:
    """An event the recognizer found by a description, not a name (a state visit, زيارة
    عمل: ``event_patterns`` gives it a head and no name)."""
    return m.type == "Event" and m.source == "events" and bool(m.attrs.head) and not m.attrs.name


def _event_kind(mentions: list[Mention]) -> str | None:
    """The kind most of an event's mentions name by their head noun (the recognizer's head,
    else the first word or two-word phrase of the mention that names a kind: "the fourth
    session of..."); ties go to the first in text order."""
    votes: Counter = Counter()
    for m in sorted(mentions, key=lambda m: (m.document, m.start)):
        words = m.text.split()
        heads = [m.attrs.head] if m.attrs.head else [
            h for i in range(len(words)) for h in (" ".join(words[i:i + 2]), words[i])]
        kind = next((k for k in map(event_kind, heads) if k), None)
        if kind:
            votes[kind] += 1
    return max(votes, key=lambda k: (votes[k], -list(votes).index(k))) if votes else None
