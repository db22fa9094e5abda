"""A seeded generator of queries that try to reach a loopback listener through SERVICE or LOAD,
hidden by escapes, comments, strings, case and Unicode; and the listener that counts attempts.

Used by tests/sparql/test_service_fuzz.py against ``doc2kg query``'s function and ``/sparql``.
"""
from __future__ import annotations

import random
import socket
import threading


class Listener:
    """A loopback TCP listener that counts every connection (and closes it at once)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.first_bytes: list[bytes] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.settimeout(0.2)
            try:
                self.first_bytes.append(conn.recv(200))
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self.sock.close()


def _escape_some(word: str, rng: random.Random) -> str:
    return "".join(f"\\u{ord(c):04X}" if rng.random() < 0.3 else c for c in word)


def _keyword(word: str, rng: random.Random) -> str:
    """``word`` as a SPARQL keyword might be disguised."""
    choice = rng.randrange(9)
    if choice == 0:
        return word
    if choice == 1:
        return "".join(c.lower() if rng.random() < 0.5 else c for c in word)
    if choice == 2:
        return _escape_some(word, rng)
    if choice == 3:  # full-width letters
        return "".join(chr(ord(c) + 0xFEE0) if rng.random() < 0.4 else c for c in word)
    if choice == 4:  # zero-width and soft hyphen inside
        at = rng.randrange(1, len(word))
        return word[:at] + rng.choice(["\u200b", "\u00ad", "\u200d", "\ufeff"]) + word[at:]
    if choice == 5:  # look-alike letters: Turkish dotted I, Cyrillic E/C
        return word.replace("I", rng.choice(["\u0130", "I"])).replace("E", rng.choice(["\u0415", "E"]))
    if choice == 6:
        return word.lower()
    if choice == 7:
        return f"\\U{ord(word[0]):08X}" + word[1:]
    return word.title()


def _target(port: int, rng: random.Random) -> str:
    iri = f"http://127.0.0.1:{port}/sparql"
    choice = rng.randrange(6)
    if choice == 0:
        return f"<{iri}>"
    if choice == 1:
        return "<" + _escape_some(iri, rng) + ">"
    if choice == 2:
        return f"<http://localhost:{port}/{rng.choice(['x', 'a#b', 'q?x=1'])}>"
    if choice == 3:
        return f"ex:{rng.choice(['sparql', 'a', 'x'])}"  # with PREFIX ex: <http://127.0.0.1:port/>
    if choice == 4:
        return "?svc"  # bound by VALUES or BIND
    return f"<http://127.0.0.1:{port}/\\u0041#>"


def _hider(rng: random.Random) -> str:
    """Text placed before the SERVICE/LOAD: what fooled (or might fool) a checker."""
    return rng.choice([
        "BIND(ex:a\\#b AS ?z) ",          # the issue's escape read as a comment by the old guard
        "?s ?p \"\\u0022\" . ",           # a string for Oxigraph, a long-string opener for rdflib's \u pass
        "# comment\r",                   # comment ended by \r for Oxigraph, not for rdflib
        "# comment\n",
        "?s ?p '''x''' . ",
        "?s ?p \"\"\"a\"\"\" . ",
        "?s ?p \"# not a comment\" . ",
        "?s <http://x/#frag> ?o . ",
        "?s ?p \"\\\\\" . ",
        "?s ?p '\\u0027' . ",
        "FILTER(?o < ?p) ",
        "?s ?p ?o \u2028 ",
        "?s ?p ?o \u0085 ",
        "",
        "?s ?p \"\\n\" . ",
        "BIND(\"SERVICE\" AS ?w) ",
        "?s ex:a\\.b ?o . ",
    ])


def _service_pattern(port: int, rng: random.Random) -> str:
    keyword = _keyword("SERVICE", rng) + (" " + _keyword("SILENT", rng) if rng.random() < 0.3 else "")
    pattern = f"{keyword} {_target(port, rng)} {{ ?s ?p ?o }}"
    wrap = rng.randrange(6)
    if wrap == 1:
        pattern = f"OPTIONAL {{ {pattern} }}"
    elif wrap == 2:
        pattern = f"{{ ?s ?p ?o }} UNION {{ {pattern} }}"
    elif wrap == 3:
        pattern = f"FILTER EXISTS {{ {pattern} }}"
    elif wrap == 4:
        pattern = f"{{ SELECT * WHERE {{ {pattern} }} }}"
    return pattern


def generate(port: int, n: int, seed: int = 18) -> list[str]:
    """``n`` queries, each trying SERVICE or LOAD towards ``127.0.0.1:port``."""
    rng = random.Random(seed)
    out = []
    prologue = f"PREFIX ex: <http://127.0.0.1:{port}/> "
    for _ in range(n):
        kind = rng.random()
        binder = (f"VALUES ?svc {{ <http://127.0.0.1:{port}/sparql> }} " if rng.random() < 0.5
                  else f"BIND(<http://127.0.0.1:{port}/sparql> AS ?svc) ")
        if kind < 0.75:
            body = _hider(rng) + binder + _service_pattern(port, rng) + rng.choice(["", " # tail", " ?s ?p ?o ."])
            form = rng.choice(["SELECT * WHERE", "select * where", "ASK", "CONSTRUCT WHERE", "SELECT ?s"])
            if form == "CONSTRUCT WHERE":
                form = "CONSTRUCT { ?s ?p ?o } WHERE"
            query = f"{prologue}{form} {{ {body} }}"
        else:
            load = f"{_keyword('LOAD', rng)} {_target(port, rng)}"
            query = rng.choice([
                f"{prologue}{load}",
                f"{prologue}{load} INTO GRAPH <http://g>",
                f"{prologue}SELECT * {{ }} ; {load}",
                f"{prologue}ASK {{ }} # \r{load}",
                f"{prologue}ASK {{ ?s ?p \"\\u0022\" }} {load}",
                f"{prologue}{_hider(rng)}{load}",
            ])
        out.append(query)
    return out
