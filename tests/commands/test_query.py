"""``doc2kg query`` on the seed run: the example queries, formats, stdin, errors and exit codes."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
# The issue's example queries, each with an answer in the seed article.
SEED_HAS_ROWS = {"partners_of_country", "agencies_heads_countries", "intelligence_sharing", "events_place_date",
                 "document_assertions"}
runner = CliRunner()


def query(*args: str, input: str | None = None):
    return runner.invoke(app, ["query", *args], input=input)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_example_query_from_file_as_json(seed_run, path):
    result = query(str(path), "--out", str(seed_run.out_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if path.stem in SEED_HAS_ROWS:
        assert data["results"]["bindings"], f"{path.name} found nothing on the seed"


def test_partners_as_csv(seed_run):
    result = query(str(ROOT / "ontology" / "queries" / "partners_of_country.rq"), "-o", str(seed_run.out_dir),
                   "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "https://doc2kg.org/id/country/FR" in {r["partner"] for r in rows}


def test_inline_table_shows_arabic_labels(seed_run):
    result = query("SELECT ?c ?l { ?c a d2k:Country ; skos:prefLabel ?l FILTER(lang(?l) = 'ar') } ORDER BY ?c",
                   "--out", str(seed_run.out_dir))
    assert result.exit_code == 0, result.output
    assert "country:MA" in result.stdout and "المغرب" in result.stdout


def test_param_binds_the_country_of_the_example_query(seed_run):
    path = str(ROOT / "ontology" / "queries" / "partners_of_country.rq")
    rows = lambda *args: list(csv.DictReader(io.StringIO(query(path, "-o", str(seed_run.out_dir), "-f", "csv",
                                                               *args).stdout)))
    assert {r["partner"] for r in rows("--param", "country=MA")} == {"https://doc2kg.org/id/country/FR"}
    assert {r["partner"] for r in rows("--param", "country=FR")} == {"https://doc2kg.org/id/country/MA"}
    assert len(rows()) == 2
    result = query(path, "-o", str(seed_run.out_dir), "--param", "nation=MA")
    assert result.exit_code == 2 and "no ?nation" in result.stderr and "country" in result.stderr


def test_warns_on_a_d2k_term_the_ontology_does_not_define(seed_run):
    result = query("SELECT * { ?a d2k:cooperatesWit ?b }", "-o", str(seed_run.out_dir))
    assert result.exit_code == 0
    assert "d2k:cooperatesWit (did you mean d2k:cooperatesWith?) is not defined by the ontology" in result.stderr
    assert "warning" not in query("SELECT * { ?a d2k:cooperatesWith ?b }", "-o", str(seed_run.out_dir)).stderr


def test_output_folder_as_argument_or_option_and_a_file_is_a_usage_error(seed_run, tmp_path):
    by_argument = query("ASK { ?s ?p ?o }", str(seed_run.out_dir))
    assert by_argument.exit_code == 0 and by_argument.stdout.strip() == "true"
    a_file = tmp_path / "graph.json"
    a_file.write_text("{}")
    result = query("ASK { ?s ?p ?o }", "--out", str(a_file))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and "is a file" in result.stderr


def test_stdin_and_tsv(seed_run):
    result = query("-", "--out", str(seed_run.out_dir), "--format", "tsv", input="SELECT ?c { ?c a d2k:Country }")
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == "?c"


def test_construct_as_turtle(seed_run):
    result = query("CONSTRUCT WHERE { ?c a d2k:Country }", "--out", str(seed_run.out_dir), "--format", "ttl")
    assert result.exit_code == 0 and "d2k:Country" in result.stdout


def test_syntax_error_exit_2_with_position(seed_run):
    result = query("SELECT ?s\nWHERE { ?s ?p }", "--out", str(seed_run.out_dir))
    assert result.exit_code == 2
    assert "syntax error at line 2, column" in result.stderr


@pytest.mark.parametrize("text", ["SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "CLEAR ALL"])
def test_refused_exit_2(seed_run, text):
    result = query(text, "--out", str(seed_run.out_dir))
    assert result.exit_code == 2 and "read-only" in result.stderr


def test_no_store(tmp_path):
    result = query("ASK {}", "--out", str(tmp_path))
    assert result.exit_code == 2 and "doc2kg run" in result.stderr


# -- untrusted text on the terminal, and where a query may come from (issue 18, finding 8) --------
PERSIAN = "می\u200cخواهم"  # a ZWNJ inside a word: readable text, not an escape
HOSTILE = ("[/] [link=http://evil.example/]click[/link] [bold]b[/bold] \x1b[31mred\x1b[0m "
           "\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 bell\x07 cr\roverwrite"
           " \u202eevil\u202c \u2066iso\u2069 " + PERSIAN)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory):
    import pyoxigraph as ox

    from pipeline.store.oxigraph_store import update_store

    out = tmp_path_factory.mktemp("hostile")
    update_store([ox.Quad(ox.NamedNode("https://doc2kg.org/id/doc/x"), ox.NamedNode("http://purl.org/dc/terms/title"),
                          ox.Literal(HOSTILE), ox.NamedNode("https://doc2kg.org/graph/x"))], out)
    return out


def test_table_prints_markup_and_escapes_as_text(hostile_out):
    result = query("SELECT ?t { ?d dcterms:title ?t }", "--out", str(hostile_out), "--cell-width", "0")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "[/]" in text and "[link=http://evil.example/]click[/link]" in text and "[bold]b[/bold]" in text
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text
    assert "\\x1b[31mred" in text and "\\x07" in text
    assert "\u202e" not in text and "\u2066" not in text and "\\u202eevil" in text and PERSIAN in text


def _on_a_terminal(args: list[str]) -> bytes:
    import os
    import subprocess
    import sys

    main, secondary = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "query", *args], cwd=ROOT, stdout=secondary,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    os.close(secondary)
    data = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    proc.wait(timeout=60)
    os.close(main)
    return data


@pytest.mark.parametrize("fmt", ["csv", "json", "xml", "table"])
def test_every_format_escapes_controls_on_a_terminal(hostile_out, fmt):
    out = _on_a_terminal(["SELECT ?t { ?d dcterms:title ?t }", "--out", str(hostile_out), "--format", fmt,
                          "--cell-width", "0"])  # the whole text (a table cuts long values)
    assert b"red" in out and b"\x1b[31m" not in out and b"\x1b]8;;" not in out and b"\x07" not in out
    assert "\u202e".encode() not in out and "\u2069".encode() not in out and PERSIAN.encode() in out


def test_csv_to_a_pipe_is_the_data_as_it_is(hostile_out):
    result = query("SELECT ?t { ?d dcterms:title ?t }", "--out", str(hostile_out), "--format", "csv")
    assert result.exit_code == 0 and "\x1b[31mred" in result.stdout


@pytest.mark.parametrize("make,kind", [
    (lambda tmp: tmp, "a folder"),
    (lambda tmp: __import__("pathlib").Path("/dev/zero"), "a device"),
])
def test_query_path_that_is_not_a_file(seed_run, tmp_path, make, kind):
    result = query(str(make(tmp_path)), "--out", str(seed_run.out_dir))
    assert result.exit_code == 2 and kind in result.stderr, result.stderr


def test_query_path_that_is_a_fifo_does_not_wait(seed_run, tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "q.rq"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "query", str(fifo), "--out", str(seed_run.out_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "a FIFO" in proc.stderr


def test_endless_stdin_stops_at_the_cap(seed_run):
    import subprocess
    import sys

    yes = subprocess.Popen(["yes", "# SELECT"], stdout=subprocess.PIPE)
    try:
        proc = subprocess.run([sys.executable, "-m", "pipeline", "query", "-", "--out", str(seed_run.out_dir)],
                              cwd=ROOT, stdin=yes.stdout, capture_output=True, text=True, timeout=60)
    finally:
        yes.kill()
        yes.wait()
    assert proc.returncode == 2 and "standard input is over the limit of 1000000 bytes" in proc.stderr


def test_oversized_query_file(seed_run, tmp_path):
    big = tmp_path / "big.rq"
    big.write_text("# x\n" * 300_000)
    result = query(str(big), "--out", str(seed_run.out_dir))
    assert result.exit_code == 2 and "over the limit" in result.stderr


def test_error_messages_escape_the_query(seed_run):
    result = query("SELECT * { ?s ?p \x1b[31m }", "--out", str(seed_run.out_dir))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_issue_18_service_bypass_reaches_nothing(seed_run):
    from tests.sparql.service_fuzz import Listener

    listener = Listener()
    try:
        result = query("PREFIX ex: <http://example.org/> SELECT * WHERE { BIND(ex:a\\#b AS ?z) "
                       f"SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?x }} }}", "--out", str(seed_run.out_dir))
        assert result.exit_code == 2 and listener.connections == 0
    finally:
        listener.close()


# -- the second wall: the query runs in an engine process with no network (issue 18, finding 1) --
def test_service_past_the_guard_reaches_nothing(hostile_out, monkeypatch):
    """With the read-only guard bypassed (as a future parser gap would), a SERVICE towards a
    loopback listener, sent through ``doc2kg query``, reaches nothing; the same query in an
    engine that keeps the network does connect, so the bypass is live."""
    import time

    from pipeline.sparql import run_query as run_query_module
    from pipeline.sparql.run_query import leased_generation, run_query_isolated
    from tests.sparql.service_fuzz import Listener

    monkeypatch.setattr(run_query_module, "check_read_only", lambda text, predeclared: text)
    listener = Listener()
    try:
        service = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        with leased_generation(hostile_out) as generation:
            with pytest.raises(ValueError):  # the listener closes the connection: the query fails
                run_query_isolated(generation, service, keep_network=True)
        time.sleep(0.3)
        assert listener.connections >= 1  # the guard is really out of the way
        reached = listener.connections
        result = query(service, "--out", str(hostile_out), "--format", "csv")
        time.sleep(0.3)
        if "warning: the query runs with network access" in result.stderr:
            pytest.skip("this machine does not allow a network namespace")
        assert listener.connections == reached, listener.first_bytes
        assert result.exit_code == 2 and "query failed" in result.stderr, result.output
    finally:
        listener.close()


def test_query_runs_in_a_process_without_network(hostile_out):
    from pipeline.sparql.run_query import IsolationRefused, leased_generation, run_query_isolated

    with leased_generation(hostile_out) as generation:
        try:
            result = run_query_isolated(generation, "SELECT ?t { ?d dcterms:title ?t }")
        except IsolationRefused:
            pytest.skip("this machine does not allow a network namespace")
    assert [s["t"].value for s in result.value] == [HOSTILE]


def test_refused_isolation_runs_in_process_with_a_warning(hostile_out, monkeypatch):
    from pipeline.commands import query as query_command
    from pipeline.sparql.run_query import IsolationRefused

    def refused(generation, text, substitutions=None):  # as on a machine without network namespaces
        raise IsolationRefused("unshare(CLONE_NEWNET) refused: Operation not permitted")

    monkeypatch.setattr(query_command, "run_query_isolated", refused)
    result = query("SELECT ?t { ?d dcterms:title ?t }", "--out", str(hostile_out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "warning: the query runs with network access" in result.stderr and "Operation not permitted" in result.stderr
    assert json.loads(result.stdout)["results"]["bindings"][0]["t"]["value"] == HOSTILE


LABELS = "SELECT ?entity ?label { ?entity rdfs:label ?label } ORDER BY ?label"


def csv_rows(*args: str) -> list[dict]:
    result = query(*args, "-f", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_limit_and_offset_page_the_answer(seed_run):
    out = str(seed_run.out_dir)
    whole = csv_rows(LABELS, "-o", out)
    assert len(whole) >= 5
    assert csv_rows(LABELS, "-o", out, "--limit", "2") == whole[:2]
    assert csv_rows(LABELS, "-o", out, "--limit", "2", "--offset", "2") == whole[2:4]
    assert csv_rows(LABELS, "-o", out, "--offset", "3") == whole[3:]
    # the query's own LIMIT is kept: pages run through its 3 rows and no further
    own = LABELS + " LIMIT 3"
    assert csv_rows(own, "-o", out, "--limit", "2", "--offset", "2") == whole[2:3]
    assert csv_rows(own, "-o", out, "--limit", "2", "--offset", "4") == []


def test_limit_is_for_select_and_counts_from_zero(seed_run):
    out = str(seed_run.out_dir)
    result = query("ASK { ?s ?p ?o }", "-o", out, "--limit", "1")
    assert result.exit_code == 2 and "SELECT" in result.stderr
    assert query(LABELS, "-o", out, "--limit", "-1").exit_code == 2
    table = query(LABELS, "-o", out, "--limit", "1")
    assert table.exit_code == 0 and re.search(r"(?<!\d)1 row(?!s)", table.stdout)
