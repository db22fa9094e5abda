"""``event_signings`` on the real pipelines (our own sentences, public names): a text told as
signed is the event of its signing; the same text without a signing is no event."""
from pipeline.entities.recognize import recognize_entities
from pipeline.entities.signings import SIGNING_LANGS, EventSignings
from pipeline.entities.tokens import LexiconMarks, token_view
from pipeline.model import Document
from pipeline.nlp import get_nlp


def signed_doc(lang, text, **config):
    """``text`` through the pipeline and a signing component of ``lang`` (the pipeline's runs in
    no language by default: ``SIGNING_LANGS``), configured by ``config``."""
    doc = get_nlp(lang)(text)
    component = EventSignings(get_nlp(lang), **({"langs": (lang,)} | config))
    component.assign(doc, component.find(doc, token_view(doc).norms, LexiconMarks(doc)))
    return doc


def signings(lang, text, **config):
    doc = signed_doc(lang, text, **config)
    return {s.text: s._.event_name for s in doc.spans["event_phrases"] if s._.event_name.antecedent is None}


def events(lang, text):
    doc = signed_doc(lang, text)
    return {m.text: m.attrs.aliases for m in recognize_entities(doc, Document(id="t", text=text, lang=lang))
            if m.type == "Event"}


def mentions(lang, text):
    doc = signed_doc(lang, text)
    return {m.text: m.type for m in recognize_entities(doc, Document(id="t", text=text, lang=lang))}


def test_arabic_a_text_after_a_signing_verb_is_the_event_with_its_topic():
    found = signings("ar", "وقعت المملكة المغربية وإسبانيا، يوم الأربعاء في الرباط، على مذكرة تفاهم للتعاون في مجال "
                           "الأمن الداخلي، بحضور الوزيرين.")
    assert list(found) == ["مذكرة تفاهم للتعاون في مجال الأمن الداخلي"]
    # the phrase stops at the party after مع
    found = signings("ar", "وقع وزير الدفاع التونسي اتفاقية للتعاون العسكري مع الجانب الإيطالي.")
    assert list(found) == ["اتفاقية للتعاون العسكري"]
    # a passive signing verb right before the text: the verb and the text are its alias
    found = signings("ar", "وفي نواكشوط، وُقّع إعلان مشترك لإقامة \"شراكة استراتيجية\" بين موريتانيا والاتحاد الأوروبي.")
    assert found["إعلان مشترك لإقامة \"شراكة استراتيجية\""].alias == "وُقّع إعلان مشترك لإقامة \"شراكة استراتيجية\""


def test_arabic_a_signing_participle_gives_the_longer_name_and_the_countries_stay_mentions():
    found = events("ar", "ووقع الوزيران في روما على الاتفاق الفني الموقع مع مدريد، حسب البيان.")
    assert found == {"الاتفاق الفني": ["الاتفاق الفني الموقع مع مدريد"]}
    kinds = mentions("ar", "وقعت الجزائر وموريتانيا على مذكرة تفاهم لإنشاء لجنة حدودية مشتركة.")
    assert kinds["مذكرة تفاهم لإنشاء لجنة حدودية مشتركة"] == "Event"
    assert kinds["الجزائر"] == kinds["موريتانيا"] == "Country"


def test_arabic_a_participle_alone_a_negation_or_a_count_makes_no_event():
    assert signings("ar", "ولم يتضمن الاتفاق الموقع مع مدريد أي التزام جديد.") == {}
    assert signings("ar", "ولم يتم، وفق المصادر ذاتها، التوقيع على أي اتفاق جديد خلال الزيارة.") == {}
    assert signings("ar", "ووقع البلدان على 12 اتفاقية ومذكرة تفاهم في ختام الدورة.") == {}


def test_arabic_an_agreement_nobody_signs_in_the_sentence_is_no_event():
    assert signings("ar", "ناقش الوزيران تطبيق الاتفاق بين البلدين.") == {}
    assert signings("ar", "وقع الهجوم في باماكو. وناقش الوزراء مذكرة تفاهم جديدة.") == {}


def test_english_the_object_of_signed_with_its_modifiers_and_topic():
    assert list(signings("en", "Egypt and Sudan signed a military cooperation agreement last week.")) \
        == ["military cooperation agreement"]
    assert list(signings("en", "Morocco and Spain have signed a memorandum of understanding on border security.")) \
        == ["memorandum of understanding on border security"]
    # the subject of a passive signing
    assert list(signings("en", "The memorandum of understanding was signed in Rabat by Abdelouafi Laftit.")) \
        == ["memorandum of understanding"]


def test_english_an_agreement_without_a_signing_negated_or_a_series_is_no_event():
    assert signings("en", "The agreement between Egypt and Sudan covers military training.") == {}
    assert signings("en", "Egypt and Sudan did not sign any military agreement in Khartoum.") == {}
    assert signings("en", "The minister travelled to Cairo to sign agreements on military cooperation.") == {}
    assert list(signings("en", "Turkey and Libya signed two military agreements in Ankara.")) == ["two military agreements"]


def test_french_a_signing_participle_names_the_event_with_its_first_complement():
    text = "La coopération est régie par un protocole d'accord signé à Madrid en mars 2019, qui a créé un comité."
    # alone, a participle makes no event (the annotators leave such texts out as often as not)
    assert signings("fr", text) == {}
    found = signings("fr", text, participle_alone=("fr",))
    assert found["protocole d'accord"].name == "protocole d'accord signé à Madrid"
    found = signings("fr", "Gérald Darmanin et son homologue marocain ont signé un accord de coopération policière à Rabat.")
    assert list(found) == ["accord de coopération policière"]


def test_the_pipeline_runs_it_in_no_language_by_default():
    # the shared dev set and tests/evaluation's sets do not count signings (module docstring)
    assert SIGNING_LANGS == ()
    text = "Gérald Darmanin et son homologue marocain ont signé un accord de coopération policière à Rabat."
    assert {s.text for s in get_nlp("fr")(text).spans["event_phrases"]} == set()
    assert list(signings("fr", text)) == ["accord de coopération policière"]


def test_french_an_accord_without_a_signing_or_negated_is_no_event():
    assert signings("fr", "L'accord entre la France et le Maroc prévoit des formations.") == {}
    assert signings("fr", "Aucun accord écrit n'a toutefois été signé entre Paris et Alger.") == {}


def test_a_bare_definite_head_refers_back_to_the_signing_named_before_it():
    doc = signed_doc("ar", "وقعت الجزائر وتونس على مذكرة تفاهم لتنمية المناطق الحدودية. ووقع المذكرة عن الجانب "
                           "التونسي وزير الداخلية.")
    spans = {s.text: s._.event_name for s in doc.spans["event_phrases"]}
    first = next(s for s in doc.spans["event_phrases"] if s.text.startswith("مذكرة تفاهم"))
    assert spans["المذكرة"].antecedent == first.start
    # with no signing named before it, the head alone is no event
    assert signings("ar", "ووقع المذكرة عن الجانب التونسي وزير الداخلية.") == {}
    assert signings("en", "Abdelouafi Laftit signed the agreement in Rabat.") == {}
