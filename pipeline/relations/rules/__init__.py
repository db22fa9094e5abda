"""The relation rules, one module per family, and the order they run in.

Importing this package registers every rule (:func:`pipeline.relations.registry.relation_rule`);
:data:`RULES` holds them in :data:`ORDER`, sentence rules first. The order matters: the
first rule to find a fact gives it its extractor when another finds it as sure, and the
document rules read what the rules before them found.

=============  ===========================================================================
family         rules
=============  ===========================================================================
roles          ``person_roles``, ``headed_by``, ``possessive_head``, ``state_head_of_dateline``,
               ``state_head_of_sentence``, ``minister_of_named_ministry``:
               ``leads`` / ``memberOf`` (Person -> body)
role_changes   ``role_changes``: ``leads`` said with a verb or a position ("who has led Y")
agency         ``agency_country``, ``agency_in_document``: ``agencyOf``
cooperation    ``cooperation``, ``support``, ``support_given``, ``cooperation_of``, ``founders``,
               ``joint_agents``, ``trilateral``, ``partners_of``, ``meeting_between``, ``counterparts``,
               ``hosting``, ``dual_reference``
flows          ``intelligence_flow``, ``training_flow``, ``trainee_origins`` (document)
membership     ``membership``, ``known_members``: ``memberOf`` (Country -> international organization);
               ``commissioner_of_commission`` (a commissioner -> the document's commission),
               ``bloc_members`` (a list of states -> the small bloc the document names)
places         ``places``, ``site_places``: ``locatedIn``
events         ``events``, ``event_hosts``, ``visits``, ``visit_frame_in_name``, ``event_place_in_name``, ``event_apposed_place``, ``event_dateline_place``,
               ``event_host_country``, ``event_titled_lists``
dependency     ``dependency_cues``: ``cooperatesWith``, ``involvedIn``, ``memberOf``,
               ``providesTrainingTo`` from a cue word's dependents in the parse (fr, en)
lists          ``list_members``: what one member of a list of parties has, each member has
=============  ===========================================================================

Usage::

    from pipeline.relations.rules import RULES, CATALOGUE
    [r.name for r in RULES if r.scope == "document"]
    CATALOGUE["rule:coop-between"].name           # -> 'cooperation'

``doc2kg rules`` prints the table of every rule and rule id.
"""
from __future__ import annotations

from pipeline.relations.registry import RelationRule, catalogue, ordered
from pipeline.relations.rules import (  # noqa: F401 (they register)
    agency, cooperation, dependency, events, flows, lists, membership, places, role_changes, roles,
)

ORDER = (
    # sentence rules
    "person_roles", "headed_by", "role_changes", "agency_country", "cooperation", "support", "support_given",
    "cooperation_of", "founders", "joint_agents", "trilateral", "partners_of",
    "meeting_between", "counterparts",
    "intelligence_flow", "training_flow", "hosting", "membership", "known_members", "places", "site_places", "events", "event_hosts",
    "visits", "visit_frame_in_name", "event_group_lists", "dual_reference", "possessive_head", "dependency_cues",
    # document rules, after every sentence
    "agency_in_document", "event_apposed_place", "event_place_in_name", "event_dateline_place", "event_host_country",
    "event_titled_lists", "trainee_origins", "state_head_of_dateline", "state_head_of_sentence", "minister_of_named_ministry", "commissioner_of_commission",
    "bloc_members", "list_members",
)
RULES: tuple[RelationRule, ...] = ordered(ORDER)
# Rule id (``Relation.extractor``) -> the rule that emits it.
CATALOGUE: dict[str, RelationRule] = catalogue(RULES)
