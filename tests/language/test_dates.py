from pipeline.language.dates import find_dates, normalize_date, reference_date


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
    assert [d.value for d in find_dates("le 2 juillet 2024", "fr")] == ["2024-07-02"]


def test_double_arabic_month_form():
    assert normalize_date("يوم الأربعاء 3 تشرين الأول/أكتوبر 2018", "ar") == "2018-10-03"


def test_partial_dates_need_a_reference():
    assert find_dates("la réunion du 4 février", "fr") == []
    assert [d.value for d in find_dates("la réunion du 4 février", "fr", reference="2019-03-10")] == ["2019-02-04"]


def test_range_takes_its_first_day():
    [d] = find_dates("drills from 3 to 21 June", "en", reference="2021-05-30")
    assert d.value == "2021-06-03"
    [d] = find_dates("manœuvres du 2 au 9 octobre", "fr", reference="2020-10-01")
    assert d.value == "2020-10-02"


def test_weekday_is_the_last_one_on_or_before_the_reference():
    # 2022-06-15 is a Wednesday: "on Monday" is the 13th, "الأربعاء" the day itself.
    assert [d.value for d in find_dates("They met on Monday.", "en", reference="2022-06-15")] == ["2022-06-13"]
    assert [d.value for d in find_dates("اجتمع الوفدان يوم الأربعاء", "ar", reference="2022-06-15")] == ["2022-06-15"]
    assert [d.value for d in find_dates("jeudi dernier", "fr", reference="2022")] == ["2022"]


def test_weekday_before_a_full_date_is_part_of_it():
    [d] = find_dates("vendredi 8 avril 2016", "fr", reference="2016-04-10")
    assert d.value == "2016-04-08"


def test_december_in_a_january_dispatch_is_the_year_before():
    [d] = find_dates("depuis le 20 décembre", "fr", reference="2020-01-15")
    assert d.value == "2019-12-20"


def test_reference_is_the_first_full_date():
    text = "TUNIS, 4 mars 2021 - L'accord signé en 2019 a été prolongé le 2 mars 2021."
    assert reference_date(text, "fr") == "2021-03-04"
    assert reference_date("Founded in July 2015, the unit grew.", "en") == "2015-07"
    assert reference_date("No date here.", "en") is None
