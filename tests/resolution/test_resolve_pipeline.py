"""Resolution after the real recognizers: an Arabic and a French text about one person."""
from pipeline.entities.recognize import recognize_entities
from pipeline.language.nlp import get_nlp
from pipeline.model import Document, DocumentResult
from pipeline.resolution.resolve import resolve_entities

TEXTS = {
    "ar1": ("ar", "استقبل السيد عبد اللطيف حموشي، المدير العام للأمن الوطني، وفدا من فرنسا في الرباط. "
                  "وأكد أن التعاون الأمني بين المغرب وفرنسا متين."),
    "fr1": ("fr", "Le directeur général Abdellatif Hammouchi a reçu à Rabat une délégation française. "
                  "M. Hammouchi a salué la coopération entre le Maroc et la France."),
}


def test_arabic_and_french_documents_resolve_to_shared_entities():
    results = []
    for doc_id, (lang, text) in TEXTS.items():
        document = Document(id=doc_id, text=text, lang=lang)
        mentions = recognize_entities(get_nlp(lang)(text), document)
        results.append(DocumentResult(document=document, mentions=mentions))
    entities, _ = resolve_entities(results)
    persons = [e for e in entities if e.type == "Person"]
    assert len(persons) == 1
    person = persons[0]
    assert person.label == "Abdellatif Hammouchi"
    assert {"عبد اللطيف حموشي", "Abdellatif Hammouchi", "Hammouchi"} <= set(person.aliases)
    assert person.documents == ["ar1", "fr1"]
    assert "عبد اللطيف حموشي" in person.alias_langs["ar"] and "Abdellatif Hammouchi" in person.alias_langs["fr"]
    by_id = {e.id: e for e in entities}
    assert by_id["country/MA"].documents == ["ar1", "fr1"] and by_id["country/MA"].label == "Morocco"
    assert {"المغرب", "Maroc"} <= set(by_id["country/MA"].aliases)
