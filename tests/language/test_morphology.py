import re

import pytest

from pipeline.language import morphology as m


def test_proclitics_longest_first():
    assert m.PROCLITICS == ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
    assert m.PROCLITIC_LETTERS == "وفبلك"
    for i, clitic in enumerate(m.PROCLITICS):
        # No proclitic is shadowed by a shorter one tried before it.
        assert not any(clitic.startswith(p) for p in m.PROCLITICS[:i])


def test_named_variants_differ_as_documented():
    assert set(m.CUE_PROCLITICS) - set(m.PROCLITICS) == {"لل"}
    assert set(m.PROCLITICS) - set(m.CUE_PROCLITICS) == {"فك"}
    assert m.DATE_PROCLITICS == ("و", "ب", "ل")
    assert set(m.PRONOUN_SUFFIXES) - set(m.POSSESSOR_SUFFIXES) == {"هن"}


@pytest.mark.parametrize(("word", "stems", "expected"), [
    ("للأمن", set(), "الامن"),          # fused ل + ال: the article comes back
    ("والمغرب", set(), "المغرب"),
    ("وبالتعاون", set(), "التعاون"),
    ("وفرنسا", {"فرنسا"}, "فرنسا"),     # a known stem after و
    ("وفرنسا", set(), "وفرنسا"),        # an unknown one stays whole
    ("ولد", set(), "ولد"),              # too short to carry a proclitic
    ("France", set(), "france"),
])
def test_strip_clitics(word, stems, expected):
    assert m.strip_clitics(word, stems) == expected


def test_split_proclitic_keeps_the_written_letters():
    assert m.split_proclitic("وَالمغرب", set()) == ("وَ", "المغرب")
    assert m.split_proclitic("للأمن", set()) == ("ل", "لأمن")
    assert m.rest_norm("ل", "لأمن") == "الامن"
    assert m.split_proclitic("المغرب", set()) is None


def test_strip_article_and_definite():
    assert m.strip_article("الداخليه") == "داخليه"
    assert m.strip_article("الى", min_length=4) == "الى"
    assert m.strip_article("وزير") == "وزير"
    assert m.strip_definite("وبالتدريب") == "تدريب"
    assert m.strip_definite("وللتدريب") == "تدريب"
    assert m.strip_definite("تدريب") == "تدريب"
    assert m.DEFINITE_WORD.match("والجهاز").group(1) == "جهاز"
    assert m.DEFINITE_WORD.match("الى") is None  # the stem needs three letters
    assert m.restore_fused_article("للامن") == "الامن"
    assert m.restore_fused_article("لجنه") == "لجنه"


def test_pronoun_suffixes():
    assert m.has_pronoun_suffix("نظيره")
    assert m.has_pronoun_suffix("قادتهن")
    assert not m.has_pronoun_suffix("قادتهن", m.POSSESSOR_SUFFIXES)
    assert not m.has_pronoun_suffix("وزارة")
    assert not m.has_pronoun_suffix("له", min_length=3)


def test_regexes_and_builder():
    assert m.LONE_PROCLITIC.sub(" ", "و التعاون ب") == "  التعاون  "
    assert m.SCORER_PROCLITIC.sub("", "بالمغرب") == "المغرب"
    assert m.SCORER_PROCLITIC.sub("", "بلجيكا") == "بلجيكا"
    month = re.compile(m.optional_proclitic(m.DATE_PROCLITICS) + "يناير")
    assert month.fullmatch("بيناير") and month.fullmatch("يناير") and not month.fullmatch("كيناير")
    assert m.is_proclitic("فل") and not m.is_proclitic("لل")
    assert m.glued_to_hamza("بإسناد") and not m.glued_to_hamza("إسناد")


def test_without_conjunction_only_before_a_listed_stem():
    verbs = {"قال", "اكد"}
    assert m.without_conjunction("وقال", verbs) == "قال"
    assert m.without_conjunction("فاكد", verbs) == "اكد"
    assert m.without_conjunction("قال", verbs) == "قال"
    # a preposition is no conjunction; a word whose rest is not listed keeps its letters
    assert m.without_conjunction("بقال", verbs) == "بقال"
    assert m.without_conjunction("وليد", verbs) == "وليد"


def test_hamza_initial_reads_the_written_alef():
    assert m.hamza_initial("ألكسندر") and m.hamza_initial("إيلفا")
    assert not m.hamza_initial("الداخلية") and not m.hamza_initial("أ")


def test_hamza_contradicts_a_bare_letter_of_the_lexicon_form():
    assert m.hamza_contradicts("بأنه", "بانه") and m.hamza_contradicts("آب", "إب")
    assert m.hamza_contradicts("بؤر", "بور")
    assert not m.hamza_contradicts("إسطنبول", "اسطنبول")  # a first alef written bare agrees
    assert not m.hamza_contradicts("مأرب", "مأرب") and not m.hamza_contradicts("بانه", "بانه")
    assert not m.hamza_contradicts("مأربي", "مأرب")  # other letters: no verdict


def test_lam_prefixed_is_l_glued_to_an_indefinite_noun():
    assert m.lam_prefixed("لمكافحه") and not m.lam_prefixed("للامن") and not m.lam_prefixed("لها")


def test_gender_agreement_of_an_adjective_with_the_noun_that_starts_a_phrase():
    assert m.is_feminine("زياره") and m.is_feminine("مناورات") and not m.is_feminine("تمرين")
    assert m.agrees_in_gender("القمه العربيه", "الروسيه")
    assert m.agrees_in_gender("بزياره", "المصريه")  # a proclitic on the noun
    assert m.agrees_in_gender("التمرين العسكري", "العماني")
    assert not m.agrees_in_gender("زياره وزير الداخليه", "الفرنسي")
    assert not m.agrees_in_gender("", "الفرنسي")


def test_pronoun_suffixed_words_are_told_from_names():
    assert m.pronoun_suffixed("حينها") and m.pronoun_suffixed("بأنها") and m.pronoun_suffixed("ولايته")
    assert m.pronoun_suffixed("اهتمامه")
    # names ending in ه: short ones and compounds with الله
    assert not m.pronoun_suffixed("طه") and not m.pronoun_suffixed("وجيه") and not m.pronoun_suffixed("عبدالله")
    assert not m.pronoun_suffixed("فاطمة") and not m.pronoun_suffixed("أوليفييه")


@pytest.mark.parametrize("word, expected", [
    ("للاتحاد", True),  # ل + الاتحاد: of the Union
    ("لـ\"داعش\"", True),  # ل with a tatweel
    ("لبنان", False),  # a name that starts with ل
    ("ليبيا", False),
    ("الاتحاد", False),
])
def test_lam_genitive(word, expected):
    assert m.lam_genitive(word) is expected


def test_lam_glued_before():
    text = "المؤتمر الإقليمي لمنطقة الشرق الأوسط"
    assert m.lam_glued_before(text, text.index("منطقة"))
    assert not m.lam_glued_before(text, text.index("الإقليمي"))
    assert not m.lam_glued_before("ولبنان", 2)  # the ل of a word, not glued before it


def test_possessed_forms_write_ta_marbuta_as_ta():
    assert m.possessed_forms("رئيس") == ("رئيسه", "رئيسها")
    assert m.possessed_forms("سفيرة") == ("سفيرته", "سفيرتها")


def test_split_proclitic_takes_only_the_conjunction_off_a_conjunct_stem():
    names = {"ايفان", "عمر"}
    assert m.split_proclitic("وإيفان", frozenset(), names) == ("و", "إيفان")
    assert m.split_proclitic("فعمر", frozenset(), names) == ("ف", "عمر")
    assert m.split_proclitic("بعمر", frozenset(), names) is None  # "aged": no name after ب
    assert m.split_proclitic("وإيفان", frozenset()) is None
