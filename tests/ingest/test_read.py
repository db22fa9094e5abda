import codecs
import json

import pytest

from pipeline.ingest.read import IngestError, Source, UniqueIds, decode, discover, html_to_text, read_source
from pipeline.model import Document, headline

AR = "تعاون أمني بين المغرب وفرنسا في مكافحة الإرهاب والهجرة غير النظامية."
FR = "La coopération sécuritaire entre le Maroc et la France s'est renforcée après les attentats."


def _read(path):
    return list(read_source(Source(path, path.stem)))


@pytest.mark.parametrize(
    "data,expected",
    [
        (AR.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + AR.encode("utf-8"), "utf-8-sig"),
        (AR.encode("utf-16"), "utf-16"),
        ((AR + " " + AR).encode("cp1256"), "cp1256"),
        ((FR + " " + FR).encode("cp1252"), "cp1252"),
    ],
)
def test_decode_detects_encoding(data, expected):
    text, encoding = decode(data)
    assert text.strip().startswith(AR[:10]) or text.strip().startswith(FR[:10])
    if expected in ("utf-8", "utf-8-sig", "utf-16"):
        assert encoding == expected
    else:
        # charset-normalizer may name a superset of the code page; the text must be right.
        assert text.startswith(AR if "ت" in text else FR)


def test_binary_is_refused(tmp_path):
    path = tmp_path / "img.txt"
    path.write_bytes(bytes(range(256)) * 20)
    (item,) = _read(path)
    assert isinstance(item, tuple) and isinstance(item[1], IngestError)


def test_control_characters_are_those_of_unicode_category_cc():
    # _looks_binary counts them with one regex: exactly Unicode's Cc, less \t \n \v \f \r.
    import unicodedata

    from pipeline.ingest.read import _CONTROL

    wrong = [hex(cp) for cp in range(0x110000)
             if (unicodedata.category(chr(cp)) == "Cc" and chr(cp) not in "\n\t\r\f\v") != bool(_CONTROL.match(chr(cp)))]
    assert wrong == []


def test_text_with_c1_controls_is_refused_and_tabs_are_not(tmp_path):
    binary = tmp_path / "c1.txt"
    binary.write_text("Le Maroc et la France" + "\x85\x9c" * 10 + " coopèrent.", encoding="utf-8")
    tabs = tmp_path / "tabs.txt"
    tabs.write_text("Le Maroc\tet\tla France\n" * 20, encoding="utf-8")
    (item,) = _read(binary)
    assert isinstance(item, tuple) and "binary" in str(item[1])
    (doc,) = _read(tabs)
    assert isinstance(doc, Document)


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\t ")
    (item,) = _read(path)
    assert "empty" in str(item[1])


def test_html_keeps_article_drops_script_and_nav():
    html = ("<html><head><title>T</title><script>var x='SCRIPT';</script><style>.a{}</style></head><body>"
            "<nav>Accueil Menu NAVIGATION</nav><article><h1>Titre</h1><p>" + FR + "</p><p>" + FR + "</p></article>"
            "<footer>FOOTER</footer></body></html>")
    text, _ = html_to_text(html)
    assert "Maroc" in text
    assert "SCRIPT" not in text and "NAVIGATION" not in text


def test_jsonl_one_document_per_line_and_bad_lines_reported(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": AR}), "{not json", json.dumps({"text": FR}), json.dumps({"no": 1})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read(path)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, tuple)]
    assert [d.id for d in docs] == ["a", "batch-3"]
    assert len(errors) == 2 and "line 2" in str(errors[0][1])


def test_discover_recursive_and_collisions_deterministic(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "doc.txt").write_text(FR)
    (tmp_path / "b" / "doc.md").write_text(FR)
    (tmp_path / "b" / "skip.pdf").write_text("x")
    first = discover([tmp_path])
    again = discover([tmp_path / "b", tmp_path / "a"])
    assert [s.doc_id for s in first] == [s.doc_id for s in again]
    assert first[0].doc_id == "doc" and first[1].doc_id.startswith("doc~")
    assert len(first) == 2


def test_bidi_and_zero_width_removed(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Le\u202e Maroc\u200b et la France coopèrent.", encoding="utf-8")
    (doc,) = _read(path)
    assert doc.text == "Le Maroc et la France coopèrent."


def test_discover_skips_the_output_folder_and_folders_holding_outputs(tmp_path):
    (tmp_path / "doc.txt").write_text(FR)
    out = tmp_path / "out"  # this run's --out: skipped even before it holds anything
    out.mkdir()
    (out / "graph.html").write_text("<html>Noto Naskh Arabic</html>")
    older = tmp_path / "older"  # another run's outputs, known by its lock file
    older.mkdir()
    (older / ".doc2kg.lock").write_text("")
    (older / "graph.html").write_text("<html></html>")
    skipped = []
    sources = discover([tmp_path], exclude=[out], on_skip=skipped.append)
    assert [s.doc_id for s in sources] == ["doc"]
    assert skipped == [older, out]


def test_duplicate_ids_are_renamed_in_reading_order(tmp_path):
    ids = UniqueIds()
    docs = [Document(id="x", text=FR, source="a.jsonl#L1"), Document(id="x", text=AR, source="a.jsonl#L2"),
            Document(id="x~2", text=FR, source="x~2.txt"), Document(id="x", text=FR, source="x.txt")]
    warnings = [ids.claim(d) for d in docs]
    assert [d.id for d in docs] == ["x", "x~2", "x~2~2", "x~3"]
    assert warnings[0] is None
    assert "duplicate document id 'x'" in warnings[1] and "a.jsonl#L2" in warnings[1] and "a.jsonl#L1" in warnings[1]
    assert docs[1].text == AR  # the text stays with its own id


def test_a_document_title_is_its_sources_else_its_first_line(tmp_path):
    (tmp_path / "a.txt").write_text("\n  المغرب وفرنسا: تعاون أمني  \n\n" + AR, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join([
        json.dumps({"id": "with", "title": "Le Maroc et la France\n coopèrent", "text": "Dépêche\n\n" + FR}),
        json.dumps({"id": "without", "text": FR + "\n" + FR}),
    ]), encoding="utf-8")
    (tmp_path / "c.txt").write_text("x" * 500, encoding="utf-8")
    titles = {d.id: d.title for path in sorted(tmp_path.iterdir()) for d in _read(path)}
    assert titles["a"] == "المغرب وفرنسا: تعاون أمني"
    assert titles["with"] == "Le Maroc et la France coopèrent"  # the source's, on one line
    assert titles["without"] == FR
    assert len(titles["c"]) == 200 and titles["c"].endswith("…")


def test_jsonl_metadata_fields(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "a", "text": FR, "title": "Coopération", "date": "2024-03-05",
                         "url": "https://example.org/a", "source": "Le Matin"}),
             json.dumps({"id": "b", "text": AR})]
    path.write_text("\n".join(lines), encoding="utf-8")
    a, b = _read(path)
    assert (a.title, a.date, a.url, a.publisher) == ("Coopération", "2024-03-05", "https://example.org/a", "Le Matin")
    assert (b.date, b.url, b.publisher) == (None, None, None)
    assert b.title == headline(AR)  # no title given: the first line


def test_html_metadata_gives_title_date_outlet_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Coopération sécuritaire | Le Journal</title>"
        '<meta property="og:title" content="Coopération sécuritaire">'
        '<meta property="og:site_name" content="Le Journal">'
        '<meta property="og:url" content="https://journal.example/cooperation">'
        '<meta property="article:published_time" content="2024-03-05T08:00:00+00:00">'
        "</head><body><article><p>" + FR + "</p><p>" + FR + "</p></article></body></html>", encoding="utf-8")
    (doc,) = _read(path)
    assert doc.title == "Coopération sécuritaire"
    assert (doc.date, doc.publisher, doc.url) == ("2024-03-05", "Le Journal", "https://journal.example/cooperation")
