"""uvicorn's httptools protocol with the limits a public endpoint needs, per connection.

uvicorn parses HTTP with llhttp (``httptools``), which already refuses a negative or
non-numeric ``Content-Length``, two ``Content-Length`` headers, and ``Content-Length``
together with ``Transfer-Encoding`` (request smuggling): all ``400`` and the connection
closed. This subclass adds what uvicorn leaves to the application or does not bound:

* a deadline for reading each request (head and body): ``read_timeout`` seconds from the
  connection (or the end of the previous answer) to the request's last byte; a client
  dripping a byte a second is answered ``408`` and cut. Idle keep-alive connections are
  closed by uvicorn's own keep-alive timeout;
* the request line and headers: ``max_head_bytes`` (``431``); the URL alone
  ``max_request_bytes`` (``414``);
* connections: past ``max_connections`` a new one gets ``503`` with ``Retry-After``.

Running out of file descriptors is asyncio's: ``accept`` failing with ``EMFILE`` pauses
accepting for a second rather than spinning.

Usage::

    protocol = guarded_protocol(read_timeout=10, max_head_bytes=65536, max_request_bytes=1_000_000,
                                max_connections=1000)
    uvicorn.Config(app, http=protocol, ...)
"""
from __future__ import annotations

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class _Reject(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _plain(status: int, reason: str, message: str, headers: str = "") -> bytes:
    body = (message + "\n").encode("utf-8")
    return (f"HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n{headers}\r\n").encode("ascii") + body


class GuardedProtocol(HttpToolsProtocol):
    read_timeout = 10.0
    max_head_bytes = 65536
    max_request_bytes = 1_000_000
    max_connections = 1000

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._reading = True
        self._read_deadline = self.loop.call_later(self.read_timeout, self._read_timed_out)
        if len(self.connections) > self.max_connections:
            self._close_with(503, "Service Unavailable", "too many connections; try again", "retry-after: 1\r\n")

    def connection_lost(self, exc) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def _cancel_deadline(self) -> None:
        if getattr(self, "_read_deadline", None) is not None:
            self._read_deadline.cancel()
            self._read_deadline = None

    def _close_with(self, status: int, reason: str, message: str, headers: str = "") -> None:
        self._cancel_deadline()
        if not self.transport.is_closing():
            if self.cycle is None or not self.cycle.response_started:
                self.transport.write(_plain(status, reason, message, headers))
            self.transport.close()

    def _read_timed_out(self) -> None:
        self._read_deadline = None
        if self._reading:
            self._close_with(408, "Request Timeout", f"the request was not received within {self.read_timeout:g} s")

    def data_received(self, data: bytes) -> None:
        if self.transport.is_closing():
            return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            cause = exc.__context__ or exc.__cause__
            if isinstance(cause, _Reject):
                reasons = {413: "Content Too Large", 414: "URI Too Long", 431: "Request Header Fields Too Large"}
                self._close_with(cause.status, reasons.get(cause.status, "Bad Request"), cause.reason)
            else:
                self._close_with(400, "Bad Request", "invalid HTTP request")
        except httptools.HttpParserUpgrade:
            self._close_with(400, "Bad Request", "protocol upgrades are not supported")
        except httptools.HttpParserError as exc:
            self._close_with(400, "Bad Request", f"invalid HTTP request: {str(exc)[:100]}")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._reading = True
        if self._read_deadline is None:
            self._read_deadline = self.loop.call_later(self.read_timeout, self._read_timed_out)

    def on_url(self, url: bytes) -> None:
        self._head_bytes += len(url)
        if len(self.url) + len(url) > self.max_request_bytes:
            raise _Reject(414, f"the URL is over the limit of {self.max_request_bytes} bytes")
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_bytes += len(name) + len(value) + 4
        if self._head_bytes > self.max_head_bytes + self.max_request_bytes:
            raise _Reject(431, "the request's headers are too large")
        if name.lower() == b"content-length" and value.strip().isdigit() \
                and int(value) > self.max_request_bytes:
            raise _Reject(413, f"request body of {int(value)} bytes is over the limit of {self.max_request_bytes}")
        super().on_header(name, value)

    def on_message_complete(self) -> None:
        self._reading = False
        self._cancel_deadline()
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # A pipelined request already read counts as read; the next one arms the deadline.


def guarded_protocol(**limits) -> type[GuardedProtocol]:
    """A :class:`GuardedProtocol` subclass with these class-level limits."""
    return type("GuardedProtocolWithLimits", (GuardedProtocol,), limits)
