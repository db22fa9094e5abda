"""Roles said with a verb or a position (pipeline/relations/rules/role_changes.py), in the
three languages, with their status; passives and verbs with no body after them give none."""
from __future__ import annotations

import pytest

AR_NAMES = [("عبد اللطيف حموشي", "Person"), ("المديرية العامة للأمن الوطني", "GovernmentAgency"),
            ("مايك بومبيو", "Person"), ("وكالة المخابرات المركزية الأمريكية", "GovernmentAgency"),
            ("فريد زين الدين بن الشيخ", "Person"), ("عبد المجيد تبون", "Person")]


ROLE_CHANGES = ("rule:leads-verb", "rule:leads-helm")


def _leads(extract, lang, text, names=(), extractors=ROLE_CHANGES):
    triples, relations = extract(lang, text, list(names))
    out = {}
    for r in relations:
        if r.type == "leads" and (extractors is None or r.extractor in extractors):
            head = next(t[0] for t in triples if t[1] == "leads" and text.find(t[0]) == int(r.head.split("#")[1].split("-")[0]))
            out[head] = r.status
    return out


@pytest.mark.parametrize(("lang", "text", "person", "status"), [
    ("en", "Nicolas Lerner, who has led the DGSI since October 2018, met his Moroccan counterpart.", "Nicolas Lerner", "current"),
    ("en", "Mike Pompeo, who headed the CIA before joining the State Department, visited Rabat.", "Mike Pompeo", "former"),
    ("fr", "Bernard Bajolet, qui a dirigé la DGSE, publie ses mémoires.", "Bernard Bajolet", "former"),
    ("fr", "Le gouvernement a nommé Nicolas Lerner à la tête de la DGSE.", "Nicolas Lerner", "appointed"),
    ("ar", "وكان عبد اللطيف حموشي قد تولى قيادة المديرية العامة للأمن الوطني في ماي 2015.", "عبد اللطيف حموشي", "current"),
    ("ar", "ويشغل عبد اللطيف حموشي منصب المدير العام للمديرية العامة للأمن الوطني منذ 2015.", "عبد اللطيف حموشي", "current"),
    ("ar", "ومايك بومبيو، الذي ترأس وكالة المخابرات المركزية الأمريكية، زار الرباط.", "مايك بومبيو", "former"),
    ("ar", "وعين الرئيس عبد المجيد تبون فريد زين الدين بن الشيخ على رأس المديرية العامة للأمن الوطني.",
     "فريد زين الدين بن الشيخ", "appointed"),
])
def test_a_role_said_with_a_verb_or_a_position(extract, lang, text, person, status):
    # any rule may state the role ("à la tête de" is also a title of person_roles); its status is the point
    names = [n for n in AR_NAMES if n[0] in text] if lang == "ar" else []
    assert _leads(extract, lang, text, names, extractors=None) == {person: status}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Abdellatif Hammouchi led the Moroccan delegation to the Interpol General Assembly."),  # no body after the verb
    ("en", "Mike Pompeo met the officers who headed the CIA station in Rabat."),  # not the person before
    ("fr", "La délégation, dirigée par Bernard Bajolet, a rencontré la DGSE."),  # a passive
])
def test_no_role_without_the_person_right_before_and_the_body_right_after(extract, lang, text):
    assert _leads(extract, lang, text) == {}


@pytest.mark.parametrize(("lang", "text", "names", "person", "status"), [
    # A clause set off by two commas between the person and the position names a place or a
    # former post of its own: the position is still the person's.
    ("ar", "وعين رئيس الحكومة شكيب بنموسى، الذي شغل منصب سفير في باريس، على رأس وزارة التربية الوطنية.",
     [("شكيب بنموسى", "Person"), ("باريس", "City"), ("وزارة التربية الوطنية", "GovernmentAgency")],
     "شكيب بنموسى", "appointed"),
    ("fr", "Le gouvernement a nommé Bernard Squarcini, jusqu'ici préfet de Marseille, à la tête de la DCRI.",
     [], "Bernard Squarcini", "appointed"),
    ("en", "The president appointed John Ratcliffe, a former congressman from Texas, as head of the CIA.",
     [], "John Ratcliffe", "appointed"),
])
def test_a_position_after_a_set_off_clause(extract, lang, text, names, person, status):
    assert _leads(extract, lang, text, names) == {person: status}


def test_a_verb_that_opens_a_clause_after_the_set_off_one_is_not_the_persons_ar(extract):
    # "…، ويقود القوات الأردنية اللواء X": the verb's subject is after it, not the person before
    text = ("وجرى التمرين تحت إشراف الفريق خالد العياف، قائد القوات البرية الملكية، "
            "ويقود القوات الأردنية المشاركة اللواء يوسف الحنيطي.")
    names = [("خالد العياف", "Person"), ("القوات البرية الملكية", "GovernmentAgency"),
             ("القوات الأردنية", "GovernmentAgency"), ("يوسف الحنيطي", "Person")]
    assert "خالد العياف" not in _leads(extract, "ar", text, names)
