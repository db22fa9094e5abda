import pytest

from pipeline.relations.modality import LEFT_SCOPE, assess


def test_negation_in_each_language():
    assert assess("The two countries did not sign the agreement.", 0, 44, "en").negated
    assert assess("Le Maroc n'a pas signé l'accord avec l'Espagne.", 0, 46, "fr").negated
    assert assess("لم يوقع المغرب الاتفاق مع إسبانيا.", 0, 33, "ar").negated


def test_hedging_in_each_language():
    assert assess("Morocco reportedly shared intelligence with France.", 0, 50, "en").hedged
    assert assess("Le Maroc aurait transmis des renseignements à la France.", 0, 55, "fr").hedged
    assert assess("يعتقد أن المغرب قدم معلومات لفرنسا.", 0, 34, "ar").hedged


def test_plain_statement_is_neither():
    m = assess("Morocco and Spain signed a security agreement.", 0, 45, "en")
    assert not m.negated and not m.hedged and m.factor == 1.0


def test_the_month_may_and_a_name_are_not_a_hedge():
    text = "The exercise opened in Agadir on 9 May 2023, with Theresa May's envoy present."
    assert not assess(text, 0, len(text), "en").hedged
    modal = "Morocco may share intelligence with Spain."
    assert assess(modal, 0, len(modal), "en").hedged
    opening = "May Morocco and Spain keep sharing intelligence."
    assert assess(opening, 0, len(opening), "en").hedged


@pytest.mark.parametrize("lang, text, word, cut", [
    # The scope before a statement starts inside a word: "وأعلن" (announced) would read
    # "لن" (will not), "une" would read "ne".
    ("ar", "وأعلن رئيس المرحلة الانتقالية في مالي، العقيد أسيمي غويتا، أنه وقع الميثاق.", "مالي", "لن"),
    ("fr", "Le Niger a rejoint une alliance militaire avec le Mali en septembre.", "Mali", "ne"),
])
def test_a_word_cut_by_the_scope_is_no_cue(lang, text, word, cut):
    start = text.index(word)
    left = start - LEFT_SCOPE
    assert text[left:].startswith(cut) and text[left - 1].isalnum(), "the scope must cut a word for this test"
    assert not assess(text, start, start + len(word), lang).negated


@pytest.mark.parametrize("lang, text", [
    ("ar", "وتضم القائمة كلا من فرنسا وألمانيا"),  # "both France and Germany"
    ("fr", "La France a non seulement signé l'accord, elle l'a aussi ratifié"),
    ("en", "Spain not only signed the agreement but also ratified it"),
])
def test_a_negation_word_inside_a_not_negation_phrase_negates_nothing(lang, text):
    assert not assess(text, 0, len(text), lang).negated


def test_a_real_negation_beside_kila_min_still_negates():
    text = "ولم تشارك كلا من الجزائر وتونس في التمرين"
    assert assess(text, 0, len(text), "ar").negated
