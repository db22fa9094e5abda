"""The arguments of a document's sentences (``pipeline.relations.arguments``)."""
from __future__ import annotations

from pipeline.model import Document
from pipeline.nlp import get_nlp
from pipeline.entities.recognize import recognize_entities
from pipeline.relations.arguments import sentence_contexts


def _demonyms(text: str) -> list[str]:
    document = Document(id="t", text=text, lang="ar")
    doc = get_nlp("ar")(text)
    contexts = sentence_contexts(doc, document, recognize_entities(doc, document))
    return [a.text for ctx in contexts for a in ctx.args if a.demonym]


def test_a_demonym_after_a_title_inside_a_visit_is_the_titles_state(extract):
    # "الزيارة ... الدنماركية" agree in gender, but the demonym follows the title: the
    # prime minister's state, an argument of its own
    text = "رحبت الدنمارك بالاتفاق. وجاء ذلك بعد الزيارة التي أدتها رئيسة الوزراء الدنماركية ميته فريدريكسن إلى الرباط في مايو 2024."
    assert "الدنماركية" in _demonyms(text)
    triples, _ = extract("ar", text, [("ميته فريدريكسن", "Person")])
    assert ("ميته فريدريكسن", "leads", "الدنمارك") in triples, triples

