"""HTTP parsing and limits of the endpoint, on raw sockets: lengths, smuggling, sizes, slow clients,
queueing with Retry-After, streamed results, and the result cap once streaming began."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest
import requests

from pipeline.sparql.endpoint import COMMIT_BYTES, Endpoint, Limits, free_port

FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
BIG = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # tens of MB on the seed run


@pytest.fixture(scope="module")
def endpoint(seed_run):
    ep = Endpoint(seed_run.out_dir, port=free_port(),
                  limits=Limits(timeout=4, read_timeout=2, engines=2, max_waiting=2, max_result_bytes=3_000_000,
                                max_request_bytes=20_000))
    ep.start()
    yield ep
    ep.stop()


def raw(endpoint, data: bytes, wait: float = 5.0) -> bytes:
    host, port = endpoint.socket.getsockname()[:2]
    with socket.create_connection((host, port), timeout=wait) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except TimeoutError:
            pass
    return b"".join(chunks)


def status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1 ") else 0


def post(body: bytes, *headers: str) -> bytes:
    head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n" + "".join(
        h + "\r\n" for h in headers) + "\r\n"
    return head.encode() + body


@pytest.mark.parametrize("headers", [
    ("Content-Length: -1",),
    ("Content-Length: +5",),
    ("Content-Length: 5", "Content-Length: 5"),
    ("Content-Length: 5", "Content-Length: 6"),
    ("Content-Length: 6", "Transfer-Encoding: chunked"),
    ("Transfer-Encoding: chunked", "Content-Length: 6"),
    ("Content-Length: 0x10",),
])
def test_bad_framing_is_refused_and_closed(endpoint, headers):
    response = raw(endpoint, post(b"ASK {}", *headers) + b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status(response) == 400, response[:200]
    assert response.count(b"HTTP/1.1 ") == 1  # nothing smuggled behind it is answered


def test_chunked_body_alone_is_accepted(endpoint):
    response = raw(endpoint, post(b"6\r\nASK {}\r\n0\r\n\r\n", "Transfer-Encoding: chunked", "Connection: close"))
    assert status(response) == 200 and b'"boolean"' in response


def test_declared_oversized_body_refused_unread(endpoint):
    started = time.monotonic()
    response = raw(endpoint, post(b"#" * 100, "Content-Length: 400000000"))
    assert status(response) == 413 and time.monotonic() - started < 2


def test_chunked_oversized_body_refused(endpoint):
    chunk = b"#" * 10_000
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
    assert status(raw(endpoint, post(body, "Transfer-Encoding: chunked"))) == 413


def test_long_url_and_headers(endpoint):
    assert status(raw(endpoint, b"GET /sparql?query=" + b"a" * 30_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")) == 414
    many = "".join(f"X-H{i}: {'v' * 100}\r\n" for i in range(1000)).encode()
    assert status(raw(endpoint, b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")) == 431


def test_post_without_length_is_411(endpoint):
    assert status(raw(endpoint, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\r\n")) == 411


def test_dripping_client_is_cut(endpoint):
    host, port = endpoint.socket.getsockname()[:2]
    request = post(b"ASK {}", "Content-Length: 6")
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=10) as s:
        answer = b""
        for byte in request:
            try:
                s.sendall(bytes([byte]))
            except OSError:
                break
            time.sleep(0.25)
            s.setblocking(False)
            try:
                answer += s.recv(4096)
            except BlockingIOError:
                pass
            s.setblocking(True)
            if answer:
                break
    assert status(answer) == 408 and time.monotonic() - started < 4


def test_idle_connection_is_cut(endpoint):
    started = time.monotonic()
    assert status(raw(endpoint, b"", wait=10)) == 408 and time.monotonic() - started < 4


def test_queue_full_gets_503_with_retry_after(endpoint):
    results = []

    def slow():
        results.append(requests.get(endpoint.url + "/sparql", params={"query": FOREVER}, timeout=30))

    threads = [threading.Thread(target=slow) for _ in range(4)]  # 2 engines busy, 2 waiting
    for t in threads:
        t.start()
    deadline = time.monotonic() + 3
    while endpoint.served.pool.waiting < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    r = requests.get(endpoint.url + "/sparql", params={"query": "ASK {}"}, timeout=30)
    for t in threads:
        t.join()
    assert r.status_code == 503 and r.headers["Retry-After"] == "1" and "busy" in r.text
    assert sorted(x.status_code for x in results) == [503] * 4
    assert sum("time limit" in x.text for x in results) >= 2  # the two that ran; the two queued: busy or timed out
    assert all("time limit" in x.text or "busy" in x.text for x in results)
    assert requests.get(endpoint.url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200


def test_large_result_is_streamed(endpoint):
    query = "SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 5000"
    r = requests.get(endpoint.url + "/sparql", params={"query": query}, timeout=30, stream=True,
                     headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and "Content-Length" not in r.headers and r.headers["Transfer-Encoding"] == "chunked"
    data = json.loads(r.content)
    assert len(data["results"]["bindings"]) == 5000 and len(r.content) > COMMIT_BYTES


def test_result_over_the_cap_after_streaming_began_is_cut_not_truncated(endpoint):
    r = requests.get(endpoint.url + "/sparql", params={"query": BIG}, timeout=30, stream=True)
    assert r.status_code == 200
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        r.content  # noqa: B018 - reading it is the test
    assert requests.get(endpoint.url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200


def test_oversized_query_does_not_fail_other_clients(endpoint):
    codes, stop = [], threading.Event()

    def steady():
        session = requests.Session()
        while not stop.is_set():
            codes.append(session.get(endpoint.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30).status_code)

    t = threading.Thread(target=steady)
    t.start()
    for _ in range(5):
        r = requests.get(endpoint.url + "/sparql", params={"query": "SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 2000000"},
                         timeout=30, stream=True)
        with pytest.raises(requests.exceptions.ChunkedEncodingError):
            r.content  # noqa: B018
    stop.set()
    t.join()
    assert codes and set(codes) == {200}, set(codes)


def test_method_not_allowed(endpoint):
    assert requests.delete(endpoint.url + "/sparql", timeout=10).status_code == 405
