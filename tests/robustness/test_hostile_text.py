"""Hostile text (quotes, angle brackets, backslashes, newlines, Turtle and JSON-LD special
characters, <script>) in labels, aliases, evidence and document names: every RDF
serialization stays valid and round-trips the text; the HTML page keeps it inert."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import SKOS

from pipeline.exporters import get_exporter
from pipeline.graph.build import build_graph
from pipeline.model import Document, Entity, Evidence, Relation
from tests.conftest import ROOT

HOSTILE = [
    '<script>alert("x")</script>',
    "quote \" and ' apostrophe",
    "back\\slash \\n \\u0041 and a real\nnewline\tand tab",
    '""" triple quote ; . , @prefix ex: <http://evil/> . ^^xsd:int # comment',
    '{"@context": {"@vocab": "http://evil/"}, "@id": "_:b0"}',
    "<img src=x onerror=alert(1)> href=javascript:alert(2)",
    "\u202e RTL override and عربي «مقتبس»",
]
DOC_IDS = ['hostile "doc" <a>', "doc#frag?q=1&x=%20", "وثيقة عربية", "back\\slash"]
EXPORTERS = ("json", "rdf", "jsonld", "graphml", "nodelink", "html")


def hostile_graph() -> nx.MultiDiGraph:
    entities = []
    for i, text in enumerate(HOSTILE):
        entities.append(Entity(id=f"person/h{i}", type="Person", label=text, aliases=[text, f"alias {text}"],
                               documents=[DOC_IDS[i % len(DOC_IDS)]], labels={"en": text},
                               alias_langs={"en": [text, f"alias {text}"]}, mentions=1))
    relations = [
        Relation(head=f"person/h{i}", type="cooperatesWith", tail=f"person/h{i + 1}", domains=["security"],
                 confidence=0.9, extractor=f"rule:{HOSTILE[i]}",
                 evidence=[Evidence(DOC_IDS[i % len(DOC_IDS)], 0, len(HOSTILE[i]), HOSTILE[i])])
        for i in range(len(HOSTILE) - 1)
    ]
    documents = [Document(id=d, text="x", source=f"/in/{d}.txt", lang="en", title=HOSTILE[0], publisher=HOSTILE[3])
                 for d in DOC_IDS]
    return build_graph(entities, sorted(relations, key=lambda r: r.head), documents)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    G = hostile_graph()
    for name in EXPORTERS:
        get_exporter(name)(G, out)
    return out


def test_rdf_serializations_parse_and_keep_the_text(exported):
    g = Graph().parse(exported / "graph.ttl", format="turtle")
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert set(HOSTILE) <= labels
    quoted = {str(o) for o in g.objects() if isinstance(o, Literal)}
    assert all(h in quoted for h in HOSTILE)  # evidence sentences too
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        ds = Dataset()
        ds.parse(exported / name, format=fmt)
        assert len(ds) > 0 or sum(1 for _ in ds.quads()) > 0
    ds = Dataset()
    ds.parse(exported / "graph.jsonld", format="json-ld")
    assert set(HOSTILE) <= {str(o) for _, _, o, _ in ds.quads() if isinstance(o, Literal)}


def test_oxigraph_parses_turtle_trig_and_nquads(exported):
    for name, fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE), ("graph.trig", pyoxigraph.RdfFormat.TRIG),
                      ("graph.nq", pyoxigraph.RdfFormat.N_QUADS)):
        store = pyoxigraph.Store()
        store.load(path=str(exported / name), format=fmt)
        values = {q.object.value for q in store if isinstance(q.object, pyoxigraph.Literal)}
        assert set(HOSTILE) <= values, name


def test_json_graphml_nodelink_round_trip(exported):
    data = json.loads((exported / "graph.json").read_text(encoding="utf-8"))
    assert {e["label"] for e in data["entities"]} == set(HOSTILE)
    G = nx.read_graphml(exported / "graph.graphml")
    assert {a["label"] for _, a in G.nodes(data=True) if a.get("kind") == "entity"} == set(HOSTILE)
    link = json.loads((exported / "graph.nodelink.json").read_text(encoding="utf-8")) if (
        exported / "graph.nodelink.json").exists() else json.loads(next(exported.glob("*node*link*")).read_text())
    assert set(HOSTILE) <= {n.get("label") for n in link["nodes"]}


def test_html_keeps_hostile_text_out_of_markup(exported):
    html = (exported / "graph.html").read_text(encoding="utf-8")
    benign_dir = exported / "benign"
    benign_dir.mkdir()
    get_exporter("html")(build_graph([Entity(id="person/x", type="Person", label="x")], []), benign_dir)
    benign = (benign_dir / "graph.html").read_text(encoding="utf-8")
    # The hostile page has exactly the markup of a benign page: every `<` of the text is
    # escaped inside the data, so no tag, comment or script end comes from the text.
    tags = re.compile(r"<\s*[a-zA-Z!/?]")
    assert len(tags.findall(html)) == len(tags.findall(benign))
    assert html.lower().count("</script") == benign.lower().count("</script")


def test_hostile_file_names_and_sentences_through_the_cli(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    sentence = ("La France et le Maroc ont signé un accord de coopération sécuritaire à Rabat "
                '<script>alert("x")</script> \\ """ @prefix ^^ {"@id": "x"} <img src=x onerror=alert(1)>.')
    for name in ['hostile "doc" <a>.txt', "doc#frag?q=1&x=%20.txt", "back\\slash.txt"]:
        (inp / name).write_text(sentence, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inp), "--out", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    docs = {d for e in data["entities"] for d in e["documents"]}
    assert docs == {'hostile "doc" <a>', "doc#frag?q=1&x=%20", "back\\slash"}
    evidence = [ev["text"] for r in data["relations"] for ev in r["evidence"]]
    assert evidence and all("<script>" in t for t in evidence)
    Graph().parse(out / "graph.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    graphs = {str(g.value) for g in store.named_graphs()}
    assert len(graphs) == 3 and all(re.fullmatch(r"https://doc2kg\.org/graph/[^\s<>\"{}|\\^`]+", g) for g in graphs)
    validate = subprocess.run([sys.executable, "-m", "pipeline", "validate", str(out)], capture_output=True,
                              text=True, cwd=ROOT, timeout=300)
    assert validate.returncode == 0, validate.stdout + validate.stderr
