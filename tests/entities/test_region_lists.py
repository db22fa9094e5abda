"""``listed_regions`` (pipeline/entities/region_lists.py): Arabic regions listed without their
head after a plural, dual or governor word are the regions, not the towns."""
from pipeline.entities.recognize import recognize_entities
from pipeline.entities.region_lists import listed_regions, region_names
from pipeline.model import Document, Mention
from pipeline.nlp import get_nlp


def _mentions(text: str) -> dict[str, tuple[str, str | None]]:
    document = Document(id="t", text=text, lang="ar")
    return {m.text: (m.type, m.key) for m in recognize_entities(get_nlp("ar")(text), document)}


def test_governors_of_a_list_of_governorates_name_the_governorates():
    found = _mentions("واجتمع ولاة نابل وبنزرت وسوسة بوزير الداخلية في العاصمة.")
    assert found["نابل"] == ("Location", "location/tn-nabeul")
    assert found["بنزرت"] == ("Location", "location/tn-bizerte")
    assert found["سوسة"] == ("Location", "location/tn-sousse")


def test_a_dual_region_word_and_a_town_mention_of_the_same_span():
    text = "وحضر حاكما منطقتي ديفا وزيندر الاجتماع."
    document = Document(id="t", text=text, lang="ar")
    start = text.index("زيندر")
    town = Mention(id="t#town", document="t", start=start, end=start + 5, text="زيندر", type="City", lang="ar")
    out = {m.text: m for m in listed_regions(document, [town])}
    assert out["ديفا"].key == "location/ne-diffa" and out["زيندر"].type == "Location"


def test_a_town_after_no_region_word_stays_a_town():
    text = "وزار الوفد سوسة ثم نابل."
    document = Document(id="t", text=text, lang="ar")
    start = text.index("سوسة")
    town = Mention(id="t#town", document="t", start=start, end=start + 4, text="سوسة", type="City", lang="ar")
    assert listed_regions(document, [town]) == [town]
    # a list stops at a word that names no region
    text = "ولاة نابل والوزراء سوسة"
    assert [m.text for m in listed_regions(Document(id="t", text=text, lang="ar"), [])] == ["نابل"]


def test_region_names_come_from_the_heads_of_the_gazetteer():
    names = region_names()
    assert names[("القيروان",)] == "location/tn-kairouan" and names[("صلاح", "الدين")] == "location/iq-salah-al-din"
