"""Which state an agency belongs to (``agencyOf``).

Rules: ``agency_country`` in a sentence (a demonym, "of X", "X's" next to the agency) and
``agency_in_document`` over the document (a country named inside the agency's name; the
agency's own country in the lexicon, when the text names that country).

Usage::

    candidates = agency_country(ctx)
    relations = agency_in_document(dctx)
"""
from __future__ import annotations

from pipeline.model import Mention, Relation
from pipeline.ontology_data import load_lexicon
from pipeline.relations.context import SentenceContext, mention_key
from pipeline.relations.patterns import Candidate, candidate
from pipeline.relations.registry import DocumentContext, relation_rule
from pipeline.relations.words import rule_words

DEMONYM = 0.85  # "la police marocaine"
OF_COUNTRY = 0.8  # "the police of Morocco", "الشرطة في المغرب"
POSSESSIVE = 0.8  # "Morocco's police"
NAME_COUNTRY = 0.85  # "Direction générale de la sûreté nationale du Maroc": the country in the name
LEXICON_COUNTRY = 0.7  # the lexicon's country of the agency, named elsewhere in the text
OF_GAP_WORDS = 2  # agency, "of", country


@relation_rule(name="agency_country", produces=("agencyOf",),
               rule_ids=("rule:agency-demonym", "rule:agency-of-country", "rule:country-possessive-agency"))
def agency_country(ctx: SentenceContext) -> list[Candidate]:
    """"la police marocaine", "the police of Morocco", "Morocco's police", "الحرس الوطني
    التابع لليبيا": the agency belongs to the state (``agencyOf``)."""
    out = []
    agencies = [a for a in ctx.args if a.type == "GovernmentAgency" and not a.demonym]
    countries = [a for a in ctx.args if a.type == "Country"]
    for ag in agencies:
        for c in countries:
            if c.demonym and c.qualifier_of == ag.id:
                out.append(candidate(ag, "agencyOf", c, "rule:agency-demonym", DEMONYM))
            elif not c.demonym and c.start >= ag.end and ctx.words(ctx.gap(ag, c)) <= OF_GAP_WORDS and ctx.only_between(ag, c, ("of", "filler")) and ctx.cues("of", *ctx.gap_span(ag, c)):
                out.append(candidate(ag, "agencyOf", c, "rule:agency-of-country", OF_COUNTRY))
            elif not c.demonym and c.start >= ag.end and ctx.words(ctx.gap(ag, c)) <= OF_GAP_WORDS \
                    and ctx.only_between(ag, c, ("affiliated", "of", "filler")) and ctx.cues("affiliated", *ctx.gap_span(ag, c)):
                # the name stops before "التابع" (an Arabic body's name ends there): "X التابع لليبيا"
                out.append(candidate(ag, "agencyOf", c, "rule:agency-of-country", OF_COUNTRY))
            elif not c.demonym and c.end <= ag.start and ctx.gap(c, ag).strip().lower() in rule_words().possessive | {""}:
                out.append(candidate(ag, "agencyOf", c, "rule:country-possessive-agency", POSSESSIVE))
    return out


def _country_mentions(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Country":
            out.setdefault(mention_key(m), m)
    return out


@relation_rule(name="agency_in_document", produces=("agencyOf",), scope="document",
               rule_ids=("rule:agency-name-country", "rule:agency-lexicon-country"))
def agency_in_document(dctx: DocumentContext) -> list[Relation]:
    """An agency is ``agencyOf`` the country its name holds (``doc.spans["lexicon"]``) and
    the country the lexicon gives it, when the document names that country; the evidence
    is the agency's sentence."""
    countries = _country_mentions(dctx.mentions)
    lexicon = load_lexicon()
    country_spans = [(s.start_char, s.end_char, s.kb_id_) for s in dctx.doc.spans.get("lexicon", []) if s.label_ == "Country"]
    found: list[tuple[Mention, Mention, str, float]] = []
    for m in dctx.mentions:
        if m.type != "GovernmentAgency":
            continue
        for start, end, kb_id in country_spans:
            if m.start <= start and end <= m.end and kb_id in countries:
                found.append((m, countries[kb_id], "rule:agency-name-country", NAME_COUNTRY))
        if m.key:
            country = lexicon.country_of(m.key)
            if country in countries:
                found.append((m, countries[country], "rule:agency-lexicon-country", LEXICON_COUNTRY))
    return [Relation(head=agency.id, type="agencyOf", tail=country.id, confidence=conf, extractor=rule,
                     evidence=[dctx.evidence_at(agency)])
            for agency, country, rule, conf in found]
