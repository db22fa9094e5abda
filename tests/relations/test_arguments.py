"""The arguments of a document's sentences (``pipeline.relations.arguments``): a state's adjective
qualifies a name right next to it ("police marocaine", "Somali police"), never one across a sentence
end, and after a title it is the title's state."""
from pipeline.entities.recognize import recognize_entities
from pipeline.model import Document
from pipeline.nlp import get_nlp
from pipeline.relations.arguments import sentence_contexts


def _demonyms(lang: str, text: str) -> dict[str, str | None]:
    """Each demonym's text -> the text of the name it qualifies (None: a party of its own)."""
    document = Document(id="t", text=text, lang=lang)
    doc = get_nlp(lang)(text)
    contexts = sentence_contexts(doc, document, recognize_entities(doc, document))
    args = {a.id: a.text for c in contexts for a in c.args if not a.demonym}
    return {a.text: args.get(a.qualifier_of) if a.qualifier_of else None for c in contexts for a in c.args if a.demonym}


def test_a_demonym_does_not_qualify_a_name_of_the_sentence_before():
    found = _demonyms("en", "Kenya is fighting al-Shabaab. Kenyan soldiers trained by Britain took part in the offensive.")
    assert found.get("Kenyan", "missing") is None, found


def test_a_demonym_next_to_a_name_in_its_sentence_qualifies_it():
    found = _demonyms("en", "Kenya is fighting al-Shabaab with the Kenyan police.")
    assert found.get("Kenyan") == "Kenyan police", found


def test_a_demonym_after_a_title_inside_a_visit_is_the_titles_state(extract):
    # "الزيارة ... الدنماركية" agree in gender, but the demonym follows the title: the
    # prime minister's state, an argument of its own
    text = "رحبت الدنمارك بالاتفاق. وجاء ذلك بعد الزيارة التي أدتها رئيسة الوزراء الدنماركية ميته فريدريكسن إلى الرباط في مايو 2024."
    assert "الدنماركية" in _demonyms("ar", text)
    triples, _ = extract("ar", text, [("ميته فريدريكسن", "Person")])
    assert ("ميته فريدريكسن", "leads", "الدنمارك") in triples, triples


def test_a_combining_form_before_a_demonym_names_the_pairs_other_state(extract):
    # "franco-sénégalaise", "algéro-tunisienne": the combining form is a state of the pair too
    text = ("La quatrième session de la commission mixte franco-sénégalaise s'est ouverte lundi à Dakar. "
            "La France et le Sénégal y ont signé deux accords.")
    found = _demonyms("fr", text)
    assert "franco" in found and "sénégalaise" in found, found
    triples, _ = extract("fr", text)
    assert ("France", "involvedIn", "quatrième session") in triples, triples
    assert ("Sénégal", "involvedIn", "quatrième session") in triples, triples


def test_a_word_before_a_hyphen_that_is_no_combining_form_names_no_state():
    found = _demonyms("fr", "La coopération euro-marocaine a été saluée par le Maroc et l'Union européenne.")
    assert set(found) <= {"marocaine"}, found
