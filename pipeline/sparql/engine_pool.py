"""A small pool of query engine processes (:mod:`pipeline.sparql.engine`), supervised.

Each engine runs one query at a time, so one client's runaway query (over the time limit,
over the result cap, over the memory cap) ends only its own engine and its own query; the
others go on. The pool:

* replaces an engine as soon as it dies (its watcher sees the exit) with a spare started
  beforehand (so at once, however slowly a new process starts on a loaded machine), then
  starts the next spare; and says why it died (:meth:`Engine.death`: killed at the time
  limit, out of memory, exited with a message);
* pings idle engines every ``HEALTH_EVERY`` seconds and replaces one that does not answer;
* reads each engine's standard error all the time (a full pipe would block the engine) and
  keeps its last lines for the reason of a death;
* queues requests for a free engine, at most ``max_waiting`` of them (:class:`PoolBusy` past that).

Usage (in an asyncio loop)::

    pool = EnginePool(Path("outputs/.store/<generation>"), size=4, max_memory_mb=2048)
    await pool.start()
    engine = await pool.acquire(timeout=30)
    ... engine.request({...}); frames = engine.frames() ...
    pool.release(engine)         # or pool.discard(engine, "time limit") to kill it
    await pool.close()
"""
from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import os
import signal
import sys
from pathlib import Path

from pipeline.runtime.terminal import printable
from pipeline.sparql.engine import FRAME
from pipeline.sparql.prefixes import PREFIXES

log = logging.getLogger("doc2kg.sparql")
HEALTH_EVERY = 2.0  # seconds between pings of an idle engine
PING_TIMEOUT = 2.0
START_TIMEOUT = 30.0
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


LOGGED_CHARS = 300  # an engine's error line, as logged




class EngineDied(Exception):
    """The engine ended during a request; the message says why."""


class PoolBusy(Exception):
    """No engine free and the queue full (or the wait too long)."""


class Engine:
    def __init__(self, generation: Path, max_memory_mb: int, keep_network: bool = False) -> None:
        self.generation = generation
        self.max_memory_mb = max_memory_mb
        self.keep_network = keep_network
        self.proc: asyncio.subprocess.Process | None = None
        self.hello: dict = {}
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
        self.killed_for: str | None = None
        self._stderr_task: asyncio.Task | None = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    async def start(self) -> None:
        env = {**os.environ, "RUST_BACKTRACE": "0", "PYTHONPATH": os.pathsep.join(
            p for p in (str(PACKAGE_ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        args = [sys.executable, "-m", "pipeline.sparql.engine", str(self.generation),
                "--max-memory-mb", str(self.max_memory_mb), "--prefixes", json.dumps(PREFIXES)] + (["--keep-network"] if self.keep_network else [])
        self.proc = await asyncio.create_subprocess_exec(
            *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env=env, limit=1 << 20)
        self._stderr_task = asyncio.ensure_future(self._read_stderr())
        try:
            kind, payload = await asyncio.wait_for(self.read_frame(), START_TIMEOUT)
        except (EngineDied, asyncio.TimeoutError):
            self.kill("did not start")
            await self.proc.wait()
            await asyncio.sleep(0)
            raise EngineDied(f"the query engine did not start: {self.death()}") from None
        self.hello = json.loads(payload) if kind == b"H" else {}

    async def _read_stderr(self) -> None:
        pending = b""
        while True:
            chunk = await self.proc.stderr.read(65536)
            if not chunk:
                break
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()[-4096:]
            for line in lines:
                text = printable(line.decode("utf-8", "replace"), limit=LOGGED_CHARS)
                if text.strip():
                    self.stderr_tail.append(text)
                    log.debug("engine %s: %s", self.pid, text)
        if pending.strip():
            self.stderr_tail.append(printable(pending.decode("utf-8", "replace"), limit=LOGGED_CHARS))

    async def read_frame(self) -> tuple[bytes, bytes]:
        try:
            head = await self.proc.stdout.readexactly(FRAME.size)
            kind, size = FRAME.unpack(head)
            return kind, await self.proc.stdout.readexactly(size)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            # the pipe closed: let the exit status and the last error lines arrive, to say why
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.proc.wait(), 1.0)
            if self._stderr_task is not None:
                with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                    await asyncio.wait_for(asyncio.shield(self._stderr_task), 0.5)
            raise EngineDied(self.death()) from exc

    def request(self, message: dict) -> None:
        payload = json.dumps(message).encode("utf-8")
        try:
            self.proc.stdin.write(FRAME.pack(b"Q", len(payload)) + payload)
        except (ConnectionError, RuntimeError) as exc:
            raise EngineDied(self.death()) from exc

    async def ping(self) -> bool:
        try:
            self.request({"ping": True})
            kind, _ = await asyncio.wait_for(self.read_frame(), PING_TIMEOUT)
            return kind == b"P"
        except (EngineDied, asyncio.TimeoutError):
            return False

    def kill(self, reason: str) -> None:
        if self.alive:
            self.killed_for = self.killed_for or reason
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    def death(self) -> str:
        """Why the engine ended, as far as can be told (its exit status and last error lines)."""
        code = self.proc.returncode if self.proc else None
        tail = " ".join(self.stderr_tail)
        if self.killed_for:
            return f"the query engine was stopped ({self.killed_for})"
        if "memory allocation of" in tail or code == -signal.SIGABRT and "memory" in tail.lower():
            return (f"the query needed more memory than the engine's limit of {self.max_memory_mb} MB "
                    "(the engine was replaced); simplify the query")
        if code is None:
            return "the query engine stopped answering"
        if code < 0:
            return f"the query engine was killed by signal {signal.Signals(-code).name} (it was replaced)"
        last = self.stderr_tail[-1] if self.stderr_tail else "no message"
        return f"the query engine exited with code {code} ({last})"


class EnginePool:
    def __init__(self, generation: Path, *, size: int, max_memory_mb: int, max_waiting: int = 64,
                 keep_network: bool = False) -> None:
        self.generation = Path(generation)
        self.size = size
        self.max_memory_mb = max_memory_mb
        self.max_waiting = max_waiting
        self.keep_network = keep_network
        self.engines: set[Engine] = set()
        self._idle: collections.deque[Engine] = collections.deque()
        self._waiters: collections.deque[asyncio.Future] = collections.deque()
        self._tasks: set[asyncio.Task] = set()
        self._closed = False
        self._spare: Engine | None = None
        self.replaced = 0

    # -- life --------------------------------------------------------------------------
    async def start(self) -> None:
        engines = await asyncio.gather(*(self._new_engine() for _ in range(self.size + 1)))
        if engines[0].hello.get("network") != "none":
            log.warning("the query engines can reach the network (%s); the read-only guard is the only wall",
                        printable(engines[0].hello.get("how", "unknown"), limit=LOGGED_CHARS))
        self._spare = engines.pop()
        for engine in engines:
            self.release(engine)
        self._spawn(self._health())

    async def _new_engine(self) -> Engine:
        engine = Engine(self.generation, self.max_memory_mb, self.keep_network)
        await engine.start()
        self.engines.add(engine)
        self._spawn(self._watch(engine))
        return engine

    def _spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _watch(self, engine: Engine) -> None:
        await engine.proc.wait()
        if engine in self._idle:
            self._idle.remove(engine)
        if engine not in self.engines:
            return
        self.engines.discard(engine)
        if self._closed:
            return
        if engine is self._spare:
            self._spare = None
        else:
            log.warning("engine %s ended: %s; replaced", engine.pid, engine.death())
            spare, self._spare = self._spare, None
            if spare is not None and spare.alive:
                self.replaced += 1
                self.release(spare)
            else:  # no spare ready: this start is the replacement
                self.release(await self._start_engine())
                self.replaced += 1
        if self._spare is None and not self._closed:
            self._spare = await self._start_engine()

    async def _start_engine(self) -> Engine:
        delay = 0.1
        while True:
            try:
                return await self._new_engine()
            except (EngineDied, OSError) as exc:
                log.error("could not start a query engine: %s", printable(exc, limit=LOGGED_CHARS))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _health(self) -> None:
        while not self._closed:
            await asyncio.sleep(HEALTH_EVERY)
            for engine in list(self._idle):
                if engine not in self._idle:
                    continue
                self._idle.remove(engine)
                if await engine.ping():
                    self.release(engine)
                else:
                    self.discard(engine, "it did not answer a health check")

    async def close(self) -> None:
        self._closed = True
        for engine in list(self.engines):
            engine.kill("the server moved on")
            with contextlib.suppress(ProcessLookupError, RuntimeError):
                if engine.proc.stdin:
                    engine.proc.stdin.close()
        for engine in list(self.engines):
            await engine.proc.wait()
        for task in list(self._tasks):
            task.cancel()
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_exception(PoolBusy("the server is stopping"))

    # -- use -----------------------------------------------------------------------------
    async def acquire(self, timeout: float) -> Engine:
        while self._idle:
            engine = self._idle.popleft()
            if engine.alive:
                return engine
        if len(self._waiters) >= self.max_waiting:
            raise PoolBusy(f"{len(self._waiters)} queries are waiting already")
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            # shield: a time-out must not drop an engine handed over in the same instant
            await asyncio.wait_for(asyncio.shield(waiter), timeout)
        except asyncio.TimeoutError:
            pass
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())
            waiter.cancel()
            raise
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
        if waiter.done() and not waiter.cancelled():
            return waiter.result()
        waiter.cancel()
        raise PoolBusy(f"no query engine was free within {timeout:g} s")

    def release(self, engine: Engine) -> None:
        if not engine.alive or self._closed:
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(engine)
                return
        self._idle.append(engine)

    def discard(self, engine: Engine, reason: str) -> None:
        """Kill ``engine`` (its watcher starts a replacement)."""
        engine.kill(reason)

    @property
    def serving(self) -> set[Engine]:
        """The live engines that take queries (the spare is not one until it replaces one)."""
        return {e for e in self.engines if e.alive and e is not self._spare}

    @property
    def waiting(self) -> int:
        return len(self._waiters)
