"""A role's status and since / until dates (leads, memberOf), in the three languages: each
status asserted beside a current role found in the same way (the positive control)."""
from __future__ import annotations

import pytest


def _role(extract, lang, text, person):
    triples, relations = extract(lang, text)
    found = [r for r in relations if r.type in ("leads", "memberOf")
             and text[int(r.head.split("#")[1].split("-")[0]):].startswith(person)]
    assert found, (person, triples)
    return found[0]


@pytest.mark.parametrize(("lang", "text", "person", "status"), [
    ("en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.", "James Comey", "former"),
    ("en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.", "Christopher Wray", "current"),
    ("en", "William Burns, the acting director of the CIA, arrived in Rabat.", "William Burns", "acting"),
    ("en", "The late Yasser Arafat, chairman of the Palestine Liberation Organization, was honoured.", "Yasser Arafat", "late"),
    ("fr", "L'ancien directeur de la DGSE Bernard Bajolet a rencontré le ministre.", "Bernard Bajolet", "former"),
    ("fr", "Le nouveau directeur de la DGSI Céline Berthon a été nommé mercredi.", "Céline Berthon", "appointed"),
    ("ar", "الراحل ياسر عرفات رئيس منظمة التحرير الفلسطينية.", "ياسر عرفات", "late"),
    ("ar", "وليام بيرنز، مدير وكالة المخابرات المركزية بالنيابة، وصل إلى الرباط.", "وليام بيرنز", "acting"),
    ("ar", "التقى المدير العام السابق للأمن الوطني عبد اللطيف حموشي بنظيره الإسباني.", "عبد اللطيف حموشي", "former"),
])
def test_role_status(extract, lang, text, person, status):
    assert _role(extract, lang, text, person).status == status


def test_since_and_until_dates(extract):
    since = _role(extract, "fr", "Nicolas Lerner, directeur de la DGSE depuis janvier 2024, était présent.",
                  "Nicolas Lerner")
    assert (since.status, since.start, since.end) == ("current", "2024-01", None)
    both = _role(extract, "en", "Robert Mueller, director of the FBI from 2001 to 2013, testified on Monday.",
                 "Robert Mueller")
    assert (both.status, both.start, both.end) == ("former", "2001", "2013")  # ended: over by now
    assert not both.held_now and since.held_now


def test_a_former_head_is_not_held_now_the_current_one_is(extract):
    comey = _role(extract, "en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.",
                  "James Comey")
    wray = _role(extract, "en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.",
                 "Christopher Wray")
    assert not comey.held_now and wray.held_now
