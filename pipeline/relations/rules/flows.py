"""Flows between parties: ``providesIntelligenceTo`` and ``providesTrainingTo``.

Rules: ``intelligence_flow`` and ``training_flow``, one construction reader for both (the
trigger family is the relation type): X gives information / trains -> Y, the direction
from word order, "by" (agent), "from" (source), "in" (the trainer's institutions) and
Arabic verb-first clauses. The rule id says the construction (:data:`SUFFIXES`).

A document rule, ``trainee_origins``, reads trainees named with their states ("trainees
from A, B and C") as trained by the school the document names.

Usage::

    candidates = intelligence_flow(ctx) + training_flow(ctx)
    relations = trainee_origins(dctx)
"""
from __future__ import annotations

from pipeline.language.morphology import ARTICLE, CONJUNCTIONS, PREPOSITIONS, PROCLITIC_LETTERS
from pipeline.language.normalize import normalize
from pipeline.model import Mention, Relation
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.coordination import coordinated_lists, members_with
from pipeline.relations.cues import load_cues
from pipeline.relations.patterns import LINK, Candidate, candidate, phrase_start, possessor_of
from pipeline.relations.registry import DocumentContext, relation_rule

# The constructions a rule id names after the rule's own prefix ("rule:training-flow-vso").
SUFFIXES = ("", "-vso", "-source", "-verb-first", "-coordinated", "-locative", "-final", "-visiting", "-graduates",
            "-beneficiary")
# Confidences.
DIRECT = 0.7  # "X trains Y", "Y was trained by X"
VSO = 0.65  # Arabic verb first: "زودت X Y بمعلومات", "نقلت X معلومات إلى Y"
SOURCE_TO = 0.7  # "information supplied by X to Y"; the party before the trigger, the giver
SOURCE_PRIOR = 0.65  # "Y arrested … after a tip from X"
SOURCE_FRONTED = 0.65  # "Acting on intelligence from X, Y raided …"
COORDINATED = 0.65  # "X will train units of A and B": each coordinated party
LOCATIVE = 0.65  # "training of X in Y's institutions", "transmis aux enquêteurs de Y par X"
FINAL = 0.55  # "X … دعم قوات Y تدريبا": the trigger closes the clause
TRAINEES = 0.6  # "trainees from A, B and C" at the school the document names
VISITING = 0.65  # "Russian instructors arrived in Y", "Y received Russian instructors"
GRADUATES = 0.6  # "Y personnel graduated from the X Academy"
BENEFICIARY = 0.7  # "une formation dispensée par X au profit de Y", "دورة لفائدة Y أشرفت عليها X"
# Windows, in words.
GIVER_WORDS = 6  # giver to trigger (a relative clause set off by commas left out)
RECEIVER_WORDS = 4  # trigger to receiver
RECEIVER_TO_WORDS = 7  # ... when "to" marks the receiver
SOURCE_WORDS = 3  # "information supplied by X": trigger to source
TO_WORDS = 4  # source to the party it goes "to"
FRONTED_WORDS = 6  # "from X, Y …": the source to the main clause's subject
SUBJECT_WORDS = 1  # verb first: the subject right after the verb
NEXT_RECEIVER_WORDS = 4  # verb first after a clause break: subject to object
RECIPIENT_VERB_WORDS = 3  # "Y received training from X": the recipient verb before the giver
LOCATIVE_WORDS = 5  # trainee to the trainer, after "in" or "by"
VSO_GAP_WORDS = 2  # handing verb: subject to "to" the recipient, recipient to the information
VSO_THING_WORDS = 3  # verb first: object, "to" and the thing handed over
CLAUSE_WORDS = 3  # verb first: a party closer than this before the verb is its subject
EXERCISE_WORDS = 6  # "تشارك X في التدريب", "took part in the training": participation to the trigger
FIELD_WORDS = 3  # "في مجال التكوين", "in the field of training": the field cue to the trigger
OFFICE_WORDS = 3  # "transmis la présidence": the trigger to the office handed over
DEMONYM_TRAINEE_WORDS = 4  # "ودربت تركيا حتى الآن آلاف الجنود الصوماليين": the subject to the trainees' adjective
SUPPLY_INFO_WORDS = 8  # "a fourni à l'état-major libanais des images": a supplying verb to the information
DISPATCH_WORDS = 3  # "a envoyé des formateurs": the sending verb to the trainers
ORIGIN_WORDS = 2  # a trainer noun to its state's adjective ("instructeurs militaires russes", "Russian military instructors")
AFFILIATION_WORDS = 3  # the trainers (or their adjective) to "from"/"تابعون لـ" and the body they belong to
ARRIVAL_WORDS = 3  # the arriving verb to the party arrived in ("arrived in Y", "وصل إلى Y")
RECEIVING_WORDS = 4  # the receiving party to its verb, the verb to the trainers
GRADUATION_WORDS = 8  # the graduating verb to the school (its graduates named between, in Arabic)
GRADUATE_WORDS = 3  # the graduates before their verb ("Somali personnel graduated from")
DEMONYM_TRAINEE_REACH_WORDS = 7  # "a formé plus de 15 000 soldats maliens": the training word to the trainees' adjective
BENEFICIARY_REACH_WORDS = 14  # the training word to the furthest of its two markers
MARKED_PARTY_WORDS = 4  # a marker to its party ("au profit des officiers de la police X", "for the Kenyan police")
TRAINEE_LIST_WORDS = 10  # a trainee cue to the first state of its list ("132 trainees representing 25 states, among them A")


def _flows(ctx: SentenceContext, family: str, rule: str) -> list[Candidate]:
    out: list[Candidate] = []
    parties = ctx.parties(demonyms=True)
    # Verbs of handing over that state a flow only with the thing handed in the clause
    # ("نقلت X معلومات إلى Y"), checked in :func:`_verb_first`.
    handing = set(ctx.cues("handing_verb")) if family == "providesIntelligenceTo" else set()
    # Verbs of supplying state a flow only with the information in the clause (:data:`SUPPLY_INFO_WORDS`).
    supply = set(ctx.cues("supply_verb")) if family == "providesIntelligenceTo" else set()
    for t0, t1 in sorted(set(ctx.cues(family)) | handing | supply):
        if (t0, t1) in supply and not ctx.cues("information", t1, ctx.after(Arg("", "", "", t1, t1, ""), SUPPLY_INFO_WORDS)[1]):
            continue  # "زودت أنقرة مالي بطائرات مسيرة": drones, not information
        if (t0, t1) in handing and not (ctx.lang == "ar" and _after_vso(ctx, parties, t0, t1)):
            continue
        if (t0, t1) in handing and (t0, t1) not in set(ctx.cues(family)):
            # "نقلت X معلومات إلى Y", "أحالت X على الجانب الإسباني معطيات": verb, subject, recipient.
            subject, recipient = [a for a in parties if a.start >= t1][:2]
            if subject.key != recipient.key and not subject.demonym:
                out.append(candidate(subject, family, recipient, rule + "-vso", VSO, (t0, t1)))
            continue
        if any(a.start <= t0 and t1 <= a.end for a in ctx.args):
            continue  # a word of a name ("Direction des renseignements"), not a statement
        if family == "providesTrainingTo" and _no_training_flow(ctx, t0, t1):
            continue
        visiting = _visiting_trainers(ctx, parties, t0, t1) if family == "providesTrainingTo" else None
        if visiting is not None:
            # "Russian instructors arrived in Y", "Y received Russian instructors": the
            # trainers' state or body trains Y; the word order says nothing more.
            trainers, trained = visiting
            out.extend(candidate(g, family, r, rule + "-visiting", VISITING, (t0, t1))
                       for g in trainers for r in trained if g.key != r.key)
            continue
        marked = _beneficiary_flow(ctx, parties, t0, t1) if family == "providesTrainingTo" else None
        if marked is not None:
            # "formation dispensée par X au profit de Y", "stage au profit de Y organisé par X",
            # "X organise une formation au profit de Y": the markers say who is who.
            if marked:
                out.append(candidate(marked[0], family, marked[1], rule + "-beneficiary", BENEFICIARY, (t0, t1)))
            continue
        if family == "providesIntelligenceTo" and any(
                not any(o0 < a.end and a.start < o1 for a in ctx.args)  # (not a name: "رئاسة أمن الدولة")
                for o0, o1 in ctx.cues("handed_office", t1, ctx.after(Arg("", "", "", t1, t1, ""), OFFICE_WORDS)[1])):
            continue  # "a transmis la présidence à l'Irak": an office handed over, not information
        before = [a for a in parties if a.end <= t0 and _words_past_relative(ctx, a.end, t0) <= GIVER_WORDS]
        # "handed information on the suspects to Y", "formés ces dernières années par X": a
        # party marked by "to" or by the agent's "by" may sit further.
        # Trainees named by their body ("training 120 officers from Y", "تدريب ضباط من Y"):
        # the "from" of their origin is no agent.
        trainees = ctx.cues("trainees", t1) if family == "providesTrainingTo" else []
        # (never across a comma: "… لفائدة أجهزة الشرطة في المنطقة، إذ تقدم X" is another clause)
        # (a clause break after the trigger closes it: "… تدريبا وتجهيزا، في حين ساهمت Y";
        # "X warned that Y's warships …": what is said, not to whom)
        after = [a for a in parties if a.start >= t1 and (ctx.words(ctx.text[t1:a.start]) <= RECEIVER_WORDS
                                                          and not set(ctx.text[t1:a.start]) & set("،;؛")
                                                          and not ctx.cues("complementizer", t1, a.start)
                 or ctx.words(ctx.text[t1:a.start]) <= RECEIVER_TO_WORDS and not set(ctx.text[t1:a.start]) & set(",،")
                 and (ctx.cues("flow_to", t1, a.start) or ctx.cues("passive_agent", t1, a.start)
                      or any(c1 <= a.start for _, c1 in trainees))
                 or family == "providesTrainingTo" and _demonym_trainees(ctx, a, t1))]
        if family == "providesTrainingTo" and after and _placed(ctx, after[0]) and not _dispatched(ctx, t0):
            after = []  # "instructors have arrived in Niger", "formés en France": where, not whom
        giver = _outside_apposition(ctx, parties, before[-1], t0) if before else None
        receiver = possessor_of(ctx, parties, after[0]) if after else None
        source_cues = "flow_source" if family == "providesIntelligenceTo" else "training_source"
        # The source cue may close the trigger itself ("renseignements fournis par X").
        cue_from = t0 if family == "providesIntelligenceTo" else t1  # "trainees from Y" are Y's
        sources = [(c0, c1) for c0, c1 in ctx.cues(source_cues, cue_from, receiver.start)
                   if not any(s0 <= c0 < s1 for s0, s1 in trainees)] if receiver else []
        if receiver and ctx.words(ctx.text[t1:receiver.start]) <= SOURCE_WORDS and sources:
            # "information supplied by X", "معلومات دقيقة قدمها X", "a tip from X": the party
            # after the trigger is the source; the recipient is the one it goes "to", else
            # the party before the trigger (who acted on it: "Y arrested … after a tip from X").
            source = receiver
            to = next((a for a in parties if a.start >= source.end and a.key != source.key
                       and ctx.words(ctx.text[source.end:a.start]) <= TO_WORDS and ctx.cues("flow_to", source.end, a.start)), None)
            # Not the source's own state ("Iraqi national X … intelligence provided by Iraq's service").
            own = {a.key for a in parties if a.type == "Country" and (a.qualifier_of == source.id
                   or phrase_start(ctx, source) <= a.start < source.start)}
            prior = [a for a in parties if a.end <= t0 and a.key != source.key and a.key not in own]
            target, conf = (to, SOURCE_TO) if to else (prior[-1], SOURCE_TO if giver and prior[-1] is giver else SOURCE_PRIOR) if prior else (None, 0)
            if target is None:
                # A fronted adjunct: "Acting on intelligence from X, Y raided …", "بناء على
                # معلومات من X، أوقفت Y …": the recipient is the main clause's subject after the comma.
                target = _clause_subject_after(ctx, parties, source)
                conf = SOURCE_FRONTED
            if target is not None:
                out.append(candidate(source, family, target, rule + "-source", conf, (t0, t1)))
            continue
        named = _verb_first_demonym_trainees(ctx, giver, parties, t0, t1) if family == "providesTrainingTo" and ctx.lang == "ar" else None
        if named:
            # "ودربت تركيا آلاف الجنود الصوماليين": verb, subject, then trainees named by their state's adjective.
            out.append(candidate(named[0], family, named[1], rule + "-vso", VSO, (t0, t1)))
            continue
        if receiver and ctx.lang == "ar" and _verb_first(ctx, giver, receiver, after, t0, t1):
            # "زودت X Y بمعلومات", "أبلغت X Y", "ويدرب X Y على …": verb, subject, object.
            out.append(candidate(receiver, family, after[1], rule + "-vso", VSO, (t0, t1)))
            continue
        if giver and receiver and ctx.lang == "ar" and "،" in ctx.text[giver.end:t0] and ctx.words(ctx.text[t1:receiver.start]) <= SUBJECT_WORDS:
            # Verb first: "…، في حين نبّهت السعودية إلى …": the party right after the verb is
            # its subject, the one before the clause break belongs to another clause.
            giver = receiver
            receiver = next((a for a in after[1:] if ctx.words(ctx.text[giver.end:a.start]) <= NEXT_RECEIVER_WORDS), None)
            if receiver is None or receiver.key == giver.key:
                continue
            out.append(candidate(giver, family, receiver, rule + "-verb-first", VSO, (t0, t1)))
            continue
        if giver and receiver:
            if giver.key == receiver.key or ctx.only_between(giver, receiver, LINK):
                continue
            agent = [(a0, a1) for a0, a1 in ctx.cues("agent", t1, receiver.start)
                     if not any(c0 <= a0 < c1 for c0, c1 in trainees)]
            lo, _ = ctx.before(giver, RECIPIENT_VERB_WORDS)
            # "Y received training from X", "Y a reçu des informations de X": the recipient
            # verb before the subject or between it and the trigger.
            recipient = ctx.cues("recipient", lo, t1)
            # "دورة لفائدة Y من تأطير X": the trigger is the trainer's marker itself.
            marker = [(c0, c1) for c0, c1 in ctx.cues("trainer_marker", lo, t1 + 1) if c0 <= t0 and t1 <= c1]
            if agent or recipient or marker:
                # "Y was trained by X", "Y alerté par X", "Y received training from X",
                # "استفادة ضباط من Y من دورات يؤطرها X", "Y bénéficiera de sessions ... X"
                giver, receiver = receiver, giver
            out.append(candidate(giver, family, receiver, rule, DIRECT, (t0, t1)))
            if not (agent or recipient or marker):
                # "X will train units of A and B": each coordinated party receives it.
                out.extend(candidate(giver, family, x, rule + "-coordinated", COORDINATED, (t0, t1))
                           for x in _coordinated_after(ctx, parties, receiver) if x.key != giver.key)
        elif receiver and any(a.start >= receiver.end for a in parties):
            # "تكوين عناصر تونسية في مؤسسات أمنية إيطالية": trainee, then "in" the trainer's
            # institutions; "training of X by Y"; "transmis aux enquêteurs de Y par X".
            second = next(a for a in parties if a.start >= receiver.end)
            gap_start, gap_end = receiver.end, second.start
            if ctx.cues("locative", gap_start, gap_end) or ctx.cues("agent", gap_start, gap_end):
                if _placed(ctx, second) and not ctx.cues("agent", gap_start, gap_end):
                    continue  # "تكوين إطارات الشرطة الجزائرية في ألمانيا": the country is where, not who
                if set(ctx.text[gap_start:gap_end]) & set(",،.\n"):
                    continue  # another clause or paragraph ("… à Beyrouth.\n\nIsraël, …")
                if second.key != receiver.key and ctx.words(ctx.text[gap_start:gap_end]) <= LOCATIVE_WORDS:
                    out.append(candidate(second, family, receiver, rule + "-locative", LOCATIVE, (t0, t1)))
        elif giver and len(before) > 1 and not receiver:
            # "X … دعم القوات المسلحة لـ Y تدريبا وتجهيزا" (X supports Y's forces in training):
            # the trigger closes the clause right after the second party. Not with a word
            # between ("… وضابط من النيجر، تلقوا تكوينا", "Y travelled to Italy for
            # instruction") nor "for" before it ("ووكالة الاتحاد الأوروبي للتدريب"): most
            # such readings were false (issue 14).
            first, second = before[-2], before[-1]
            # (not "Italy's Carabinieri …": the state named as the possessor of the body)
            if first.key != second.key and not ctx.only_between(first, second, LINK) and not ctx.text[second.end:t0].strip() \
                    and not _for_trigger(ctx, t0, t1) and possessor_of(ctx, parties, first) is not second:
                out.append(candidate(first, family, second, rule + "-final", FINAL, (t0, t1)))
    return out


def _demonym_trainees(ctx: SentenceContext, a: Arg, t1: int) -> bool:
    """``a`` is a state's adjective on persons of a force a few words after a training word
    ("a formé plus de 15 000 soldats maliens", "has trained thousands of Somali soldiers",
    "درّبت آلاف الجنود الصوماليين"): the persons' noun right next to it, nothing but
    quantities between the word and them (no comma, clause break, place or agent)."""
    if not a.demonym or a.qualifier_of is not None or ctx.words(ctx.text[t1:a.start]) > DEMONYM_TRAINEE_REACH_WORDS:
        return False
    gap = ctx.text[t1:a.start]
    if set(gap) & set(",،;؛.:()") or ctx.cues("locative", t1, a.start) or ctx.cues("agent", t1, a.start) \
            or ctx.cues("complementizer", t1, a.start):
        return False
    near = ctx.cues("trainee_people", ctx.before(a, 1)[0], ctx.after(a, 1)[1])
    return any(c1 <= a.start and not ctx.text[c1:a.start].strip() or a.end <= c0 and not ctx.text[a.end:c0].strip()
               for c0, c1 in near)


def _marked_party(ctx: SentenceContext, parties: list[Arg], c1: int) -> Arg | None:
    """The party a marker ending at ``c1`` introduces: the first one within
    :data:`MARKED_PARTY_WORDS`, no comma or clause break between (its body's state when it
    is a state's possessed body: "for Mali's army")."""
    a = next((a for a in parties if a.start >= c1), None)
    if a is None or ctx.words(ctx.text[c1:a.start]) > MARKED_PARTY_WORDS or set(ctx.text[c1:a.start]) & set(",،;؛.()"):
        return None
    return possessor_of(ctx, parties, a)


def _beneficiary_flow(ctx: SentenceContext, parties: list[Arg], t0: int, t1: int) -> tuple[Arg, Arg] | tuple[()] | None:
    """A training word followed by a beneficiary marker and its party, the trainees ("une
    formation au profit de Y", "دورة تكوينية لفائدة Y", "a course for Y"), and by a provider
    marker and its party, the trainer ("dispensée par X", "delivered by X", "أشرفت عليها X"),
    in either order; with no provider, the subject of the training word (the party right
    before it in its clause: "X a organisé un stage au profit de Y"). ``(trainer, trainee)``;
    ``()`` when the beneficiary is marked but no trainer is found (no other reading then);
    None when no beneficiary marker follows the word."""
    hi = ctx.after(Arg("", "", "", t1, t1, ""), BENEFICIARY_REACH_WORDS)[1]
    stop = min([i for i in (ctx.text.find(c, t1, hi) for c in ".;؛\n") if i >= 0] + [hi])
    trainee = next((p for p in (_marked_party(ctx, parties, c1) for _, c1 in ctx.cues("training_beneficiary", t1, stop)) if p), None)
    if trainee is None:
        return None
    trainer = next((p for p in (_marked_party(ctx, parties, c1) for _, c1 in ctx.cues("training_provider", t1, stop))
                    if p and p.key != trainee.key), None)
    if trainer is None:
        before = [a for a in parties if a.end <= t0 and _words_past_relative(ctx, a.end, t0) <= GIVER_WORDS
                  and not set(ctx.text[a.end:t0]) & set(";؛")]
        trainer = _outside_apposition(ctx, parties, before[-1], t0) if before else None
    if trainer is None or trainer.key == trainee.key or trainer.demonym and trainee.demonym:
        return ()
    return trainer, trainee


def _no_training_flow(ctx: SentenceContext, t0: int, t1: int) -> bool:
    """A training trigger that names no flow: an exercise parties take part in ("تشارك في
    التدريب", "took part in the training", "التدريب المشترك", "joint training"), the field of
    an agreement ("بروتوكول تعاون في مجال التكوين", "in the field of training", "en matière
    de formation"), a venue or unit ("مراكز تدريب", "the training unit of X"), or "former avec" ("Le Burkina Faso forme avec le Mali l'AES": forms)."""
    trigger = Arg("", "", "", t0, t1, "")
    # Taking part "in" it (not "Y attended a course at X", "X hosted trainees from Y"): a
    # participation verb, then "in" (and an article) right before the trigger.
    lo = ctx.before(trigger, EXERCISE_WORDS)[0]
    prep = ctx.before(trigger, 2)[0]
    prep = next((c0 for c0, _ in ctx.cues("locative", prep, t0) if ctx.only(ctx.text[c0:t0], ("locative", "filler"))), None)
    if prep is not None and any(not set(ctx.text[c1:prep]) & set(",،") for _, c1 in ctx.cues("participation", lo, prep)):
        return True
    if ctx.cues("training_field", ctx.before(trigger, FIELD_WORDS)[0], t0):
        return True
    # The word after the trigger's word (a cue may end inside its word: "entraîn").
    word_end = t1 + len(ctx.text[t1:].split(maxsplit=1)[0]) if ctx.text[t1:t1 + 1].strip() else t1
    _, hi = ctx.after(Arg("", "", "", word_end, word_end, ""), 1)
    venue_before = [c1 for _, c1 in ctx.cues("training_venue", ctx.before(trigger, 2)[0], t0) if not ctx.text[c1:t0].strip()]
    if venue_before or ctx.cues("training_venue", word_end, hi):
        return True  # "مراكز تدريب", "centre de formation", "training unit": a place or a unit
    if ctx.cues("joint", word_end, hi) or ctx.cues("joint", ctx.before(trigger, 1)[0], t0):
        return True
    return bool(ctx.cues("with", word_end, hi))


def _visiting_trainers(ctx: SentenceContext, parties: list[Arg], t0: int, t1: int) -> tuple[list[Arg], list[Arg]] | None:
    """Trainers named by their state's adjective ("Russian military instructors",
    "instructeurs militaires russes", "مدربون عسكريون روس") and the body they belong to
    ("… from the Russian defence ministry", "تابعون للفيلق"), with the party they arrive in
    ("arrived in Y", "sont arrivés au Y", "وصل إلى Y") or that receives them ("Y have
    received Russian instructors", "Y a accueilli des instructeurs russes"). The trainers
    and the trained parties (empty when the clause names none), or None when the trigger
    is no trainer noun with a state's adjective next to it (the construction readers then
    read it)."""
    if not any(c0 < t1 and t0 < c1 for c0, c1 in ctx.cues("trainer_noun")):
        return None
    near = [a for a in parties if a.demonym and (
        t1 <= a.start and ctx.words(ctx.text[t1:a.start]) <= ORIGIN_WORDS and not set(ctx.text[t1:a.start]) & set(",،;؛")
        or a.end <= t0 and ctx.words(ctx.text[a.end:t0]) <= ORIGIN_WORDS and not set(ctx.text[a.end:t0]) & set(",،;؛"))]
    # "Russian military instructors": a body named by its state's adjective right before the
    # trainers; the state is the trainer (the adjective qualifies the body, no party itself).
    bodies = {a.id for a in parties if not a.demonym and a.end <= t0 and ctx.words(ctx.text[a.end:t0]) == 0}
    near += [a for a in ctx.args if a.demonym and a.qualifier_of in bodies and a.type == "Country"]
    trainers = list(near)
    edge = max([a.end for a in near] + [t1])
    body = next((a for a in parties if a.start >= edge and not a.demonym
                 and ctx.words(ctx.text[edge:a.start]) <= AFFILIATION_WORDS
                 and not set(ctx.text[edge:a.start]) & set(",،;؛")
                 and ctx.cues("trainer_affiliation", edge, a.start)), None)
    if body is not None:
        trainers.append(body)
    keys = {a.key for a in trainers}
    trained: list[Arg] = []
    # Arrived in Y: the arriving verb, a preposition, the party (before or after the trainers).
    for v0, v1 in ctx.cues("arrival"):
        dest = next((a for a in parties if a.start >= v1 and ctx.words(ctx.text[v1:a.start]) <= ARRIVAL_WORDS), None)
        if dest is None or dest.key in keys or dest.demonym or set(ctx.text[v1:dest.start]) & set(",،;؛"):
            continue
        if not (ctx.cues("locative", v1, dest.start) or ctx.cues("flow_to", v1, dest.start)):
            continue
        if dest.end <= t0 and ctx.words(ctx.text[dest.end:t0]) > ARRIVAL_WORDS:
            continue  # "وصل إلى Y مدربون …": the trainers right after the destination
        trained.append(dest)
    # Y received them: the party, its receiving verb, the trainers.
    lo, _ = ctx.before(Arg("", "", "", t0, t0, ""), RECEIVING_WORDS + ORIGIN_WORDS)
    for r0, r1 in ctx.cues("recipient", lo, t0) + ctx.cues("hosting", lo, t0):
        before = [a for a in parties if a.end <= r0 and a.key not in keys]
        if not before or ctx.words(ctx.text[before[-1].end:r0]) > RECEIVING_WORDS or set(ctx.text[before[-1].end:r0]) & set(",،;؛"):
            continue
        group = [before[-1]]
        for a in reversed(before[:-1]):
            if not ctx.only_between(a, group[-1], LINK):
                break
            group.append(a)
        trained.extend(a for a in group if not a.demonym)
    if not near and not (trainers and trained):
        return None  # "trainers from X worked with Y": the construction readers read it
    return trainers, trained


def _dispatched(ctx: SentenceContext, t0: int) -> bool:
    """Trainers sent: a sending verb a few words before the trigger ("a envoyé des formateurs
    au Mali", "sent military trainers to Niger"); the state after them is the one trained."""
    return bool(ctx.cues("dispatch", ctx.before(Arg("", "", "", t0, t0, ""), DISPATCH_WORDS)[0], t0))


def _for_trigger(ctx: SentenceContext, t0: int, t1: int) -> bool:
    """An Arabic trigger with "for" (ل) as its proclitic ("للتدريب", "لتكوين"): the
    complement of a noun before it ("وكالة … للتدريب", "المدرسة الإيطالية لتكوين الشرطة")."""
    word = normalize(ctx.text[t0:t1]).lstrip("".join(CONJUNCTIONS))
    return ctx.lang == "ar" and word.startswith(PREPOSITIONS[1])


def _placed(ctx: SentenceContext, a: Arg) -> bool:
    """A state named after a locative preposition ("in Niger", "en France", "في ألمانيا"):
    where a training takes place, not a party to it."""
    lo, _ = ctx.before(a, 1)
    return a.type == "Country" and not a.demonym and bool(ctx.cues("locative", lo, a.start))


def _outside_apposition(ctx: SentenceContext, parties: list[Arg], giver: Arg, trigger: int) -> Arg:
    """The subject a comma-delimited apposition holding ``giver`` describes ("l'Africa Corps,
    placé sous la tutelle du ministère russe de la Défense, forme …"): the party right before
    the opening comma; ``giver`` itself when it stands in no apposition."""
    close = max(ctx.text.rfind(",", giver.end, trigger), ctx.text.rfind("،", giver.end, trigger))
    opening = max(ctx.text.rfind(",", ctx.start, giver.start), ctx.text.rfind("،", ctx.start, giver.start))
    if close < 0 or opening < 0 or any(opening < a.start and a.end <= giver.start for a in parties):
        return giver
    outer = next((a for a in reversed(parties) if a.end <= opening and not ctx.text[a.end:opening].strip()), None)
    return outer or giver


def _coordinated_after(ctx: SentenceContext, parties: list[Arg], first: Arg) -> list[Arg]:
    """The parties coordinated after ``first`` ("A, B and C", "à A et à B"), of its kind (a
    state or a body), each joined to the one before by a conjunction, articles and the
    recipient's preposition only."""
    out: list[Arg] = []
    last = first
    for x in parties:
        if x.start < last.end or x.key == first.key:
            continue
        if x.demonym or (x.type == "Country") != (first.type == "Country"):
            break
        if not ctx.cues("conjunction", last.end, x.start) or not ctx.only_between(last, x, LINK + ("flow_to",)):
            break
        out.append(x)
        last = x
    return out


def _words_past_relative(ctx: SentenceContext, start: int, end: int) -> int:
    """Words in ``text[start:end]`` leaving out a relative clause set off by commas ("X,
    which hosts the course, is to train Y", "X، الذي …، يدرب Y")."""
    text = ctx.text[start:end]
    for c0, c1 in ctx.cues("relative", start, end):
        lo = ctx.text.rfind(",", start, c0) if ctx.lang != "ar" else max(ctx.text.rfind("،", start, c0), ctx.text.rfind(",", start, c0))
        if lo < 0 or ctx.text[lo + 1:c0].strip():
            continue  # not right after a comma
        close = [i for i in (ctx.text.find(",", c1, end), ctx.text.find("،", c1, end)) if i >= 0]
        if close:
            text = ctx.text[start:lo] + ctx.text[min(close) + 1:end]
            break
    return ctx.words(text)


def _clause_subject_after(ctx: SentenceContext, parties: list[Arg], source: Arg) -> Arg | None:
    """The first party after ``source`` past a comma, within a few words: the subject of the
    main clause that a fronted adjunct ("Grâce à des renseignements fournis par X, Y …")
    precedes."""
    nxt = next((a for a in parties if a.start >= source.end and a.key != source.key), None)
    if nxt is None or ctx.words(ctx.text[source.end:nxt.start]) > FRONTED_WORDS:
        return None
    gap = ctx.text[source.end:nxt.start]
    return nxt if set(gap) & set(",،") and not ctx.cues("flow_to", source.end, nxt.start) else None


def _after_vso(ctx: SentenceContext, parties: list[Arg], t0: int, t1: int) -> bool:
    """A handing verb, its subject, the information, then "to" the recipient; or the
    recipient first, then the information ("أحالت X على الجانب الإسباني معطيات")."""
    after = [a for a in parties if a.start >= t1]
    if len(after) < 2 or ctx.words(ctx.text[t1:after[0].start]) > SUBJECT_WORDS:
        return False
    if ctx.cues("information", after[0].end, after[1].start):
        return True
    _, hi = ctx.after(after[1], VSO_GAP_WORDS)
    return (bool(ctx.cues("flow_to", after[0].end, after[1].start)) and ctx.words(ctx.text[after[0].end:after[1].start]) <= VSO_GAP_WORDS
            and bool(ctx.cues("information", after[1].end, hi)))


def _verb_first(ctx: SentenceContext, giver: Arg | None, receiver: Arg, after: list[Arg], t0: int, t1: int) -> bool:
    """An Arabic verb-first clause: the trigger verb, its subject right after it, then the
    object, right after the subject or after "to" (إلى، لـ) with at most the thing handed
    over between ("نقلت X معلومات إلى Y"); no party of the same clause before the verb."""
    if ctx.words(ctx.text[t1:receiver.start]) > SUBJECT_WORDS or len(after) < 2 or after[1].key == receiver.key:
        return False
    if receiver.demonym or after[1].demonym or normalize(ctx.text[t0:t1]).lstrip(PROCLITIC_LETTERS).startswith(ARTICLE):
        return False  # a noun, not a verb: "التدريب التونسي الجزائري المشترك"
    if not ctx.only(ctx.text[t1:receiver.start], ("filler",)):
        return False
    if giver is not None and not ("،" in ctx.text[giver.end:t0] or ctx.cues("clause_break", giver.end, t0)) and ctx.words(ctx.text[giver.end:t0]) < CLAUSE_WORDS:
        return False
    gap0, gap1 = receiver.end, after[1].start
    if ctx.cues("agent", gap0, gap1) or ctx.cues("locative", gap0, gap1) and not ctx.cues("flow_to", gap0, gap1):
        return False
    return ctx.only(ctx.text[gap0:gap1], ("filler",)) or bool(ctx.cues("flow_to", gap0, gap1)) and ctx.words(ctx.text[gap0:gap1]) <= VSO_THING_WORDS


def _verb_first_demonym_trainees(ctx: SentenceContext, giver: Arg | None, parties: list[Arg], t0: int,
                                 t1: int) -> tuple[Arg, Arg] | None:
    """An Arabic training verb, its subject right after it, then trainees named by their
    state's adjective a few words on ("ودربت تركيا حتى الآن آلاف الجنود الصوماليين"): no
    comma, place or agent between, no party of the same clause before the verb. The
    subject and the trainees, or None."""
    after = [a for a in parties if a.start >= t1][:2]
    if len(after) < 2 or ctx.words(ctx.text[t1:after[0].start]) > SUBJECT_WORDS or not ctx.only(ctx.text[t1:after[0].start], ("filler",)):
        return None
    subject, trainees = after
    if subject.demonym or not trainees.demonym or trainees.key == subject.key:
        return None
    if normalize(ctx.text[t0:t1]).lstrip(PROCLITIC_LETTERS).startswith(ARTICLE):
        return None  # a noun, not a verb
    if giver is not None and not ("،" in ctx.text[giver.end:t0] or ctx.cues("clause_break", giver.end, t0)) and ctx.words(ctx.text[giver.end:t0]) < CLAUSE_WORDS:
        return None
    gap0, gap1 = subject.end, trainees.start
    if set(ctx.text[gap0:gap1]) & set(",،.;؛") or ctx.words(ctx.text[gap0:gap1]) > DEMONYM_TRAINEE_WORDS:
        return None
    if ctx.cues("locative", gap0, gap1) or ctx.cues("agent", gap0, gap1) or ctx.cues("flow_source", gap0, gap1):
        return None
    return subject, trainees


@relation_rule(name="intelligence_flow", produces=("providesIntelligenceTo",),
               rule_ids=tuple("rule:intelligence-flow" + s for s in SUFFIXES))
def intelligence_flow(ctx: SentenceContext) -> list[Candidate]:
    """X gives information to Y (``providesIntelligenceTo``)."""
    return _flows(ctx, "providesIntelligenceTo", "rule:intelligence-flow")


@relation_rule(name="training_flow", produces=("providesTrainingTo",),
               rule_ids=tuple("rule:training-flow" + s for s in SUFFIXES))
def training_flow(ctx: SentenceContext) -> list[Candidate]:
    """X trains Y (``providesTrainingTo``)."""
    found = _flows(ctx, "providesTrainingTo", "rule:training-flow") + _graduates(ctx)
    return [c for c in found if not (isinstance(c.tail, Arg) and _own_state(ctx, c.head, c.tail))]


def _own_state(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """One party is the state the other's name qualifies ("Russian defence ministry" and
    Russia, "خفر السواحل الليبي" and Libya): a state and its own body, no flow between parties."""
    return any(x.demonym or x.type == "Country" for x in ctx.args
               if x.qualifier_of == a.id and x.key == b.key or x.qualifier_of == b.id and x.key == a.key)


def _graduates(ctx: SentenceContext) -> list[Candidate]:
    """Graduates and their school: "تخرج 40 ضابطا من الجيش الموريتاني من الأكاديمية X"
    (verb, graduates, school), "Y personnel graduated from the X Academy", "des officiers
    de Y sortis de l'École X" (graduates, verb, school). The school is a body named with a
    ``training_school`` head; its graduates' body (or state, by its adjective) is trained by it."""
    out: list[Candidate] = []
    parties = ctx.parties(demonyms=True)
    for g0, g1 in ctx.cues("graduation"):
        school = next((a for a in parties if a.start >= g1 and not a.demonym
                       and a.type in {"GovernmentAgency", "Organization", "InternationalOrganization"}
                       and load_cues().find("training_school", ctx.lang, a.text)), None)
        if school is None or ctx.words(ctx.text[g1:school.start]) > GRADUATION_WORDS or set(ctx.text[g1:school.start]) & set(",،;؛."):
            continue
        between = [a for a in parties if g1 <= a.start and a.end <= school.start]
        before = [a for a in parties if a.end <= g0 and ctx.words(ctx.text[a.end:g0]) <= GRADUATE_WORDS
                  and not set(ctx.text[a.end:g0]) & set(",،;؛.")]
        graduates = between or before[-1:]
        out.extend(candidate(school, "providesTrainingTo", a, "rule:training-flow-graduates", GRADUATES, (g0, g1))
                   for a in graduates if a.key != school.key and not _placed(ctx, a))
    return out


def _schools(dctx: DocumentContext) -> list[tuple[Mention, str]]:
    """The training schools the document names, each with its head word normalized: a body
    whose name opens with a school's head ("Académie internationale de …", "كلية الملك فهد
    الأمنية"), in English anywhere in it ("Egyptian Police Academy", "Royal Military Academy
    Sandhurst")."""
    out = []
    for m in dctx.mentions:
        if m.type not in {"GovernmentAgency", "Organization", "InternationalOrganization"}:
            continue
        heads = load_cues().find("training_school", m.lang, m.text)
        if not heads:
            continue
        first = heads[0]
        if m.lang != "en" and not load_cues().only(("article",), m.lang, m.text[:first[0]]):
            continue  # "ministère de l'Intérieur et de l'École nationale": not a school's name
        out.append((m, _school_head(m.text[first[0]:first[1]])))
    return out


def _school_head(word: str) -> str:
    """A school's head word without its article or proclitic ("بالأكاديمية", "l'académie")."""
    word = normalize(word).split("'")[-1].split("’")[-1]
    for article in (ARTICLE, *(p + ARTICLE for p in PROCLITIC_LETTERS)):
        if word.startswith(article) and len(word) > len(article) + 2:
            return word[len(article):]
    return word


def _trainer_school(ctx: SentenceContext, schools: list[tuple[Mention, str]], cue_start: int) -> Mention | None:
    """The school that trains the trainees of a cue at ``cue_start``: the one named before
    it in the sentence; else the one a bare head word of the sentence refers to ("… follow
    their training at the academy"); else the one school named before the sentence (none
    when several are); else the school named after it more often than any other."""
    named = [m for m, _ in schools if ctx.start <= m.start and m.end <= cue_start]
    if named:
        return named[-1]
    inside = [(m.start, m.end) for m, _ in schools]
    bare = {_school_head(ctx.text[c0:c1]) for c0, c1 in ctx.cues("training_school")
            if not any(s0 <= c0 < s1 for s0, s1 in inside)}
    pool = [(m, h) for m, h in schools if h in bare]
    if not pool:
        earlier = [m for m, _ in schools if m.end <= ctx.start]
        if len({mention_key(m) for m in earlier}) > 1:
            return None  # several schools before: the trainer is open
        if earlier:
            return earlier[-1]  # the school the text was about before the trainees' sentence
        pool, bare = schools, set()  # "l'école des cadres" of a school not named as one
    counts: dict[str, int] = {}
    for m, _ in pool:
        counts[mention_key(m)] = counts.get(mention_key(m), 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1] and not bare:
        return None  # several schools, none the document's own: the trainer is open
    top = max(counts, key=lambda k: (counts[k], -min(m.start for m, _ in pool if mention_key(m) == k)))
    return next(m for m, _ in pool if mention_key(m) == top)


@relation_rule(name="trainee_origins", produces=("providesTrainingTo",), scope="document",
               rule_ids=("rule:training-trainees",))
def trainee_origins(dctx: DocumentContext) -> list[Relation]:
    """Trainees named with the states they come from ("132 trainees representing 25 states,
    among them A, B and C", "des stagiaires venus de A, B et C", "ضباط ينحدرون من A وB")
    are trained by the school the document names (:func:`_trainer_school`). The school's
    own state is no trainee of it."""
    schools = _schools(dctx)
    if not schools:
        return []
    keys = {mention_key(m): m for m in dctx.mentions}
    by_id = {m.id: m for m in dctx.mentions}
    own = {(r.head, r.tail) for r in dctx.relations if r.type == "agencyOf"}
    own_keys = {(mention_key(by_id[h]), mention_key(by_id[t])) for h, t in own if h in by_id and t in by_id}
    out: list[Relation] = []
    for ctx in dctx.contexts:
        cues = ctx.cues("trainee_origin")
        if not cues:
            continue
        lists = coordinated_lists(ctx)
        for t0, t1 in cues:
            first = next((a for a in ctx.parties() if a.start >= t1), None)
            if first is None or first.type != "Country" or ctx.words(ctx.text[t1:first.start]) > TRAINEE_LIST_WORDS:
                continue
            if set(ctx.text[t1:first.start]) & set(".;؛"):
                continue
            school = _trainer_school(ctx, schools, t0)
            if school is None:
                continue
            for state in members_with(lists, first):
                if state.type != "Country" or (mention_key(school), state.key) in own_keys or state.key not in keys:
                    continue
                out.append(Relation(head=school.id, type="providesTrainingTo", tail=state.id, confidence=TRAINEES,
                                    extractor="rule:training-trainees", evidence=[dctx.evidence_at(by_id.get(state.id, school))]))
    return out
