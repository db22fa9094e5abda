import pytest

from pipeline.language.dates import document_dates, find_dates, normalize_date, reference_date


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


# --- every date of a document, with its precision (document_dates) -------------------------


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Il est arrivé hier, puis mardi dernier le ministre est parti. L'an dernier aussi.", "fr",
     [("hier", "2024-03-06", "day"), ("mardi dernier", "2024-03-05", "day"), ("L'an dernier", "2023", "year")]),
    ("وصل الوزير أمس، وكان قد زار الرباط الثلاثاء الماضي والشهر الماضي.", "ar",
     [("أمس", "2024-03-06", "day"), ("الثلاثاء الماضي", "2024-03-05", "day"), ("الشهر الماضي", "2024-02", "month")]),
    ("He arrived yesterday; last Tuesday and last month he was in Rabat.", "en",
     [("yesterday", "2024-03-06", "day"), ("last Tuesday", "2024-03-05", "day"), ("last month", "2024-02", "month")]),
])
def test_relative_dates_resolved_against_the_publication_date(text, lang, expected):
    dates, warnings = document_dates(text, lang, published="2024-03-07")  # a Thursday
    assert [(d.text, d.value, d.precision) for d in dates] == expected
    assert all(d.relative and not d.unresolved for d in dates) and warnings == []


def test_absolute_dates_carry_their_precision():
    dates, _ = document_dates("Créée en 2016, l'agence a signé en juillet 2017 puis le 2 mars 2024.", "fr")
    assert [(d.text, d.value, d.precision, d.relative) for d in dates] == [
        ("2016", "2016", "year", False), ("juillet 2017", "2017-07", "month", False),
        ("2 mars 2024", "2024-03-02", "day", False)]


def test_without_a_publication_date_relative_dates_are_marked_not_guessed():
    dates, _ = document_dates("The talks ended yesterday, on 19 November.", "en")
    assert [(d.text, d.value, d.unresolved) for d in dates] == [("yesterday", None, True), ("19 November", None, True)]


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("La réunion du 31 février 2024 n'a pas eu lieu.", "fr", "31 février 2024"),
    ("The meeting on 03/04/2024 was postponed.", "en", "03/04/2024"),
])
def test_impossible_or_ambiguous_dates_are_kept_as_text_with_a_warning(text, lang, kept):
    dates, warnings = document_dates(text, lang, published="2024-05-01")
    assert [(d.text, d.value, d.invalid) for d in dates] == [(kept, None, True)]
    assert len(warnings) == 1 and kept in warnings[0]


def test_day_first_numeric_dates_are_not_ambiguous_in_french():
    dates, warnings = document_dates("La réunion du 03/04/2024.", "fr")
    assert [d.value for d in dates] == ["2024-04-03"] and warnings == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("She has been deputy director since June; he left at the start of March.", "en",
     [("June", "2024-06", "month"), ("March", "2024-03", "month")]),
    ("Il assure l'intérim depuis janvier et partira d'ici la fin de l'année.", "fr",
     [("janvier", "2024-01", "month"), ("la fin de l'année", "2024", "year")]),
    ("تولى المنصب منذ مارس الماضي، بعد زيارة في يونيو.", "ar",
     [("مارس الماضي", "2024-03", "month"), ("يونيو", "2024-06", "month")]),
])
def test_month_names_alone_after_a_lead_word_or_with_last(text, lang, expected):
    dates, _ = document_dates(text, lang, published="2024-08-05")
    assert [(d.text, d.value, d.precision) for d in dates] == expected


def test_a_may_that_is_a_verb_is_no_date():
    dates, _ = document_dates("They may meet again.", "en", published="2024-08-05")
    assert dates == []


def test_a_year_inside_a_name_is_no_date_of_the_text():
    dates, _ = document_dates("Mauritania hosted Flintlock 2013 in the east. In 2013 the army grew.", "en")
    assert [(d.text, d.start) for d in dates] == [("2013", 49)]


def test_mid_year_and_a_coming_january():
    dates, _ = document_dates("Les arrestations de la mi-2022 ont suivi.", "fr")
    assert [(d.text, d.value) for d in dates] == [("2022", "2022")]
    dates, _ = document_dates("The summit opens on January 9.", "en", published="2023-12-21")
    assert [d.value for d in dates] == ["2024-01-09"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le salon se tiendra du 12 au 15 novembre 2024 à Marrakech.", "fr", [("12 au 15 novembre 2024", "2024-11-12")]),
    ("يعقد المؤتمر من 3 إلى 5 مارس 2023 بالدوحة.", "ar", [("3 إلى 5 مارس 2023", "2023-03-03")]),
    ("جرت المناورات يومي 14 و15 أكتوبر 2022.", "ar", [("14 و15 أكتوبر 2022", "2022-10-14")]),
    ("La mission a duré du 25 juin au 2 juillet 2021.", "fr", [("25 juin au 2 juillet 2021", "2021-06-25")]),
    ("The drills ran from Sept. 28 to Oct. 6, 2022 in Jordan.", "en", [("Sept. 28 to Oct. 6, 2022", "2022-09-28")]),
    # a range across the new year began in the year before
    ("La trêve a tenu du 24 décembre au 2 janvier 2019.", "fr", [("24 décembre au 2 janvier 2019", "2018-12-24")]),
])
def test_a_range_with_its_year_is_one_date_its_first_day(text, lang, expected):
    dates, _ = document_dates(text, lang)
    assert [(d.text, d.value) for d in dates] == expected
    assert all(d.precision == "day" and not d.relative for d in dates)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # published on Tuesday 2024-10-15
    ("Le ministre se rendra à Dakar vendredi prochain.", "fr", [("vendredi prochain", "2024-10-18", "day")]),
    ("The talks resume next Monday.", "en", [("next Monday", "2024-10-21", "day")]),
    ("ويصل الوفد غدا الأربعاء إلى عمّان.", "ar", [("غدا الأربعاء", "2024-10-16", "day")]),
    ("Il arrivera demain, puis en mars prochain.", "fr", [("demain", "2024-10-16", "day"), ("mars prochain", "2025-03", "month")]),
    ("تنطلق المرحلة الثانية العام المقبل وتكتمل في يونيو القادم.", "ar",
     [("العام المقبل", "2025", "year"), ("يونيو القادم", "2025-06", "month")]),
    ("Le plan entrera en vigueur l'année prochaine.", "fr", [("l'année prochaine", "2025", "year")]),
])
def test_next_and_tomorrow_are_after_the_publication_date(text, lang, expected):
    dates, _ = document_dates(text, lang, published="2024-10-15")
    assert [(d.text, d.value, d.precision) for d in dates] == expected
    assert all(d.relative for d in dates)


def test_next_without_a_publication_date_stays_unresolved():
    dates, _ = document_dates("Il arrivera vendredi prochain.", "fr")
    assert [(d.text, d.value, d.unresolved) for d in dates] == [("vendredi prochain", None, True)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ('بدأت مناورات "درع الخليج 2024" بمشاركة عدة دول، بعد نسخة سنة 2022.', "ar", ["2022"]),
    ("La marine a rejoint « Phoenix Express 2023 » en mai 2023.", "fr", ["2023-05"]),
    # the year after a date word in quotes is a date
    ('وقال الوزير: "سنوقع الاتفاق سنة 2025".', "ar", ["2025"]),
])
def test_the_year_that_closes_a_quoted_name_is_no_date(text, lang, expected):
    dates, _ = document_dates(text, lang)
    assert [d.value for d in dates] == expected


@pytest.mark.parametrize(("text", "lang", "value"), [
    # published on Wednesday 2024-10-16
    ("The ministers met on Tuesday ahead of the summit on Friday.", "en", ["2024-10-15", "2024-10-18"]),
    ("Le couvre-feu s'applique à partir de samedi.", "fr", ["2024-10-19"]),
    ("وتنعقد القمة المقررة يوم الأحد بالقاهرة.", "ar", ["2024-10-20"]),
    # the coming day may be the day of publication
    ("The court will rule on Wednesday.", "en", ["2024-10-16"]),
    # Control: a future word in the sentence before says nothing of this one
    ("The court will rule. It met on Monday.", "en", ["2024-10-14"]),
])
def test_a_weekday_said_to_come_is_on_or_after_the_publication_date(text, lang, value):
    dates, _ = document_dates(text, lang, published="2024-10-16")
    assert [d.value for d in dates] == value


def test_a_range_with_no_such_day_is_kept_as_text():
    dates, warnings = document_dates("La session se tiendra du 30 au 31 février 2024.", "fr")
    assert [(d.text, d.value, d.invalid) for d in dates] == [("30 au 31 février 2024", None, True)]
    assert warnings and "30 au 31 février 2024" in warnings[0]
