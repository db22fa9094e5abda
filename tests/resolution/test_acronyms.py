from pipeline.resolution.acronyms import acronym_key, initials, is_acronym


def test_is_acronym():
    assert is_acronym("DGSN") and is_acronym("OTAN") and is_acronym("G5") and is_acronym("FC-G5S")
    assert not is_acronym("Interpol") and not is_acronym("Paris") and not is_acronym("A")
    assert not is_acronym("حموشي")


def test_initials_skip_function_words_in_french_and_english():
    assert "DGSI" in initials("Direction générale de la sécurité intérieure")
    assert "BCIJ" in initials("Bureau central d'investigations judiciaires")
    assert "FBI" in initials("Federal Bureau of Investigation")
    assert "UE" in initials("Union européenne")
    assert initials("مديرية الأمن") == set()
    assert initials("Europol") == set()


def test_acronym_key_folds_dots():
    assert acronym_key("D.G.S.N.") == "DGSN"


def test_syllabic_acronyms_take_word_beginnings_in_order():
    from pipeline.resolution.acronyms import is_syllabic_acronym
    assert is_syllabic_acronym("Europol", "European Police Office")
    assert is_syllabic_acronym("INTERPOL", "International Criminal Police Organization")
    assert is_syllabic_acronym("FRONTEX", "Frontières extérieures")
    assert is_syllabic_acronym("AFRICOM", "Africa Command")
    # past a leading qualifier only when the caller allows that start
    assert not is_syllabic_acronym("CENTCOM", "U.S. Central Command")
    assert is_syllabic_acronym("CENTCOM", "U.S. Central Command", starts=(0, 1))
    # plain initials are not syllabic; letters out of order or from nowhere do not spell
    assert not is_syllabic_acronym("DGSI", "Direction générale de la sécurité intérieure")
    assert not is_syllabic_acronym("Hamas", "Harakat al-Muqawama al-Islamiya")
    assert not is_syllabic_acronym("POLEURO", "European Police Office")
