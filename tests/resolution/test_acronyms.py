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
