from pipeline.relations.dates import find_dates, normalize_date


def test_arabic_month_series_and_digits():
    assert normalize_date("في 13 نوفمبر ٢٠١٥", "ar") == "2015-11-13"
    assert normalize_date("في 13 تشرين الثاني 2015", "ar") == "2015-11-13"
    assert normalize_date("منذ كانون الثاني 2011", "ar") == "2011-01"
    assert normalize_date("عام 1945م", "ar") == "1945"


def test_french_and_english_dates():
    assert normalize_date("le dimanche 2 juillet 2017", "fr") == "2017-07-02"
    assert normalize_date("créé en novembre 2015", "fr") == "2015-11"
    assert normalize_date("On November 13, 2015,", "en") == "2015-11-13"
    assert normalize_date("1st September 2020", "en") == "2020-09-01"
    assert normalize_date("13/11/2015", "en") == "2015-11-13"


def test_offsets_point_into_the_original_text():
    text = "وقعت الأحداث في 13 نوفمبر ٢٠١٥ بباريس"
    [d] = find_dates(text, "ar")
    assert text[d.start:d.end] == "13 نوفمبر ٢٠١٥"


def test_month_without_year_is_not_a_date():
    assert find_dates("le 2 juillet", "fr") == []
