"""A visit whose name holds its visitor and its destination (``visit_frame_in_name`` in
pipeline/relations/rules/events.py): the Arabic visit runs on over both ("زيارة أجراها الوزير X
إلى Y"), so the visitor and the place are read inside the name; French and English names stop
before them and :func:`visits` reads them after it."""


def _involved(triples, event):
    return {h for h, r, t in triples if r == "involvedIn" and t == event}


def test_the_visitor_and_the_destination_inside_the_name_ar(extract):
    text = ("وتأتي الاتفاقية بعد أسابيع من زيارة أجراها وزير الداخلية الإسباني فرناندو غراندي مارلاسكا إلى الرباط، "
            "التقى خلالها نظيره المغربي عبد الوافي لفتيت.")
    triples, relations = extract("ar", text)
    visit = next(t for _, r, t in triples if r == "involvedIn" and t.startswith("زيارة"))
    assert "فرناندو غراندي مارلاسكا" in _involved(triples, visit)
    assert (visit, "occurredIn", "الرباط") in triples
    assert "rule:visit-place-in-name" in {r.extractor for r in relations}


def test_a_visit_named_with_its_visitor_after_a_title_ar(extract):
    text = "وكان الحضور التركي في الصومال قد بدأ بزيارة الرئيس رجب طيب أردوغان إلى مقديشو عام 2011."
    triples, _ = extract("ar", text)
    visit = next(h for h, r, _ in triples if r == "occurredOn")
    assert "رجب طيب أردوغان" in _involved(triples, visit)
    assert (visit, "occurredIn", "مقديشو") in triples


def test_the_state_of_the_visitors_title_is_no_site_ar(extract):
    text = "ووقع الجانبان الاتفاق خلال زيارة أجراها وزير خارجية المغرب ناصر بوريطة إلى مدريد يوم الاثنين."
    triples, _ = extract("ar", text)
    visit = next(h for h, r, _ in triples if r == "occurredIn")
    assert (visit, "occurredIn", "المغرب") not in triples
    assert (visit, "occurredIn", "مدريد") in triples  # the control: the destination after إلى
    assert "ناصر بوريطة" in _involved(triples, visit)


def test_a_shorter_visit_name_keeps_its_frame_after_it_en_fr(extract):
    triples, _ = extract("en", "The deal follows the state visit of President Emmanuel Macron to Morocco in October 2024.")
    assert ("Emmanuel Macron", "involvedIn", "state visit") in triples
    assert ("state visit", "occurredIn", "Morocco") in triples
    triples, _ = extract("fr", "L'accord fait suite à la visite d'État du président Emmanuel Macron au Maroc en octobre 2024.")
    assert ("Emmanuel Macron", "involvedIn", "visite d'État") in triples
