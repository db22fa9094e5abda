"""The output folder of a run: checked before any work, locked for the run, and its outputs
switched in as one generation.

Layout of ``OUT`` (every name a reader knows stays where it was)::

    OUT/.doc2kg.lock                  the run lock (flock) and its holder: pid, start time
    OUT/.generations/<generation>/    one run's files: graph.json ... report.json store.json,
                                      store -> ../../.store/<store generation>
    OUT/current -> .generations/<generation>
    OUT/graph.json -> current/graph.json   (one link per output name, made once)
    OUT/store -> current/store
    OUT/.store/, OUT/.cache/          the store's databases, the incremental cache

A run writes every file into a new generation folder, then replaces ``OUT/current`` with
one atomic ``rename``: a run that fails or is killed before that (disk full, SIGINT,
SIGKILL) leaves the previous set whole, and the next run removes its leftovers. To read
a consistent set across a switch, resolve ``OUT/current`` once and read from there.

Usage::

    check_folder(out)                        # OutputFolderError: a file, read-only, ...
    with RunLock(out, wait=False):           # OutputBusy: another run holds it
        generation = new_generation(out)
        ...                                  # exporters write into `generation`
        publish(out, generation)             # the one atomic switch
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import socket
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

LOCK = ".doc2kg.lock"
GENERATIONS = ".generations"
CURRENT = "current"
# Folders that hold doc2kg outputs (this layout, or the store of an older one): never inputs.
MARKERS = (LOCK, GENERATIONS, ".store")


class OutputFolderError(Exception):
    """``--out`` cannot hold the outputs; the message is one line that says why."""


class OutputWriteError(Exception):
    """Writing the outputs (or the cache) failed part-way; the previous outputs are unchanged."""


class OutputBusy(OutputFolderError):
    """Another run holds the folder's lock."""

    def __init__(self, folder: Path, holder: dict) -> None:
        self.holder = holder
        super().__init__(f"{folder} is in use by another doc2kg run ({describe_holder(holder)}); "
                         "wait for it to finish or use --wait")


def describe_holder(holder: dict) -> str:
    if not holder.get("pid"):
        return "holder unknown"
    started = holder.get("started")
    when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)) if isinstance(started, (int, float)) else "?"
    host = f" on {holder['host']}" if holder.get("host") else ""
    return f"pid {holder['pid']}{host}, started {when}"


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds doc2kg outputs (a lock, generations or a store)."""
    return any(os.path.lexists(os.path.join(folder, marker)) for marker in MARKERS)


def check_folder(folder: Path) -> None:
    """Create ``folder`` if needed and make sure a run can write into it, before any work."""
    folder = Path(folder)
    if os.path.lexists(folder) and not folder.is_dir():
        raise OutputFolderError(f"--out {folder} is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".doc2kg-probe.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputFolderError(f"cannot write into the output folder {folder}: "
                                f"{exc.strerror or exc}") from None


# Folders whose lock this process holds: a nested RunLock (the CLI's, then the runner's) is a no-op.
_held: dict[Path, int] = {}


class RunLock:
    """An exclusive ``flock`` on ``OUT/.doc2kg.lock`` for the length of a run.

    The kernel drops it with the process, so a crashed run leaves no stale lock. The file
    is never deleted (deleting a lock file lets two runs lock two different files). Within
    one process the lock nests: the command line takes it before loading any model and the
    runner's own ``RunLock`` then finds it held."""

    def __init__(self, folder: Path, *, wait: bool = False, on_wait=None) -> None:
        self.folder = Path(folder)
        self.wait = wait
        self.on_wait = on_wait  # called with the holder before blocking (--wait)
        self.fd: int | None = None
        self.key: Path | None = None

    def acquire(self) -> "RunLock":
        check_folder(self.folder)
        key = self.folder.resolve()
        if key in _held:
            _held[key] += 1
            self.key = key
            return self
        path = self.folder / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise OutputFolderError(f"cannot create the lock file {path}: {exc.strerror or exc}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                if not self.wait:
                    raise OutputBusy(self.folder, holder) from None
                if self.on_wait is not None:
                    self.on_wait(holder)
                fcntl.flock(fd, fcntl.LOCK_EX)
            me = {"pid": os.getpid(), "started": round(time.time(), 3), "host": socket.gethostname()}
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(me) + "\n").encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self.fd, self.key = fd, key
        _held[key] = 1
        return self

    def release(self) -> None:
        if self.key is None:
            return
        _held[self.key] -= 1
        if not _held[self.key]:
            del _held[self.key]
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, 0)
            os.close(self.fd)  # releases the lock
        self.fd = self.key = None

    def __enter__(self) -> "RunLock":
        return self if self.key is not None else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> dict:
    try:
        holder = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
        return holder if isinstance(holder, dict) else {}
    except (OSError, ValueError):
        return {}


def current(folder: Path) -> Path | None:
    """The current generation folder of ``folder``, if it has one."""
    link = Path(folder) / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def home_of(folder: Path) -> Path:
    """The output folder a generation folder belongs to (``folder`` itself when it is not one)."""
    folder = Path(folder)
    return folder.parent.parent if folder.parent.name == GENERATIONS else folder


def new_generation(folder: Path) -> Path:
    """A new, empty generation folder under ``OUT/.generations``."""
    generation = Path(folder) / GENERATIONS / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    generation.mkdir(parents=True)
    return generation


def carry_over(folder: Path, generation: Path, names: Iterable[str]) -> list[Path]:
    """Put the current ``OUT/<name>`` files into ``generation`` unchanged (hard links, else
    copies; a link such as ``store`` is re-made to the same target); returns the new paths."""
    out = []
    for name in names:
        source, target = Path(folder) / name, generation / name
        real = source.resolve()
        if real.is_dir():
            os.symlink(os.path.relpath(real, generation), target)
        else:
            try:
                os.link(real, target)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                    raise
                shutil.copy2(real, target)
        out.append(target)
    return out


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _replace_link(link: Path, target: str) -> None:
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex}.link")
    os.symlink(target, tmp)
    try:
        if link.is_dir() and not link.is_symlink():  # a plain folder from an older layout: keep it aside
            link.rename(link.with_name(f"{link.name}.old-{int(time.time())}"))
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def publish(folder: Path, generation: Path) -> None:
    """Make ``generation`` the current set: one atomic rename of ``OUT/current``, then make
    sure each of its names has its ``OUT/<name>`` link (already there after the first run),
    and drop the links of names it does not have."""
    folder = Path(folder)
    _fsync_dir(generation)  # the files are fsynced as written (atomic_write, the store's flush); their names here
    _replace_link(folder / CURRENT, os.path.relpath(generation, folder))
    _fsync_dir(folder)
    names = {entry.name for entry in generation.iterdir() if not entry.name.startswith(".")}
    for name in sorted(names):
        _replace_link(folder / name, f"{CURRENT}/{name}")
    prefix = f"{CURRENT}/"
    for entry in folder.iterdir():
        if entry.is_symlink() and os.readlink(entry).startswith(prefix) and entry.name not in names:
            entry.unlink()


def discard(generation: Path) -> None:
    """Remove a generation that was not published (a failed or interrupted run)."""
    shutil.rmtree(generation, ignore_errors=True)


def prune(folder: Path) -> int:
    """Remove every generation but the current one (leftovers of killed runs included)."""
    keep = current(folder)
    removed = 0
    root = Path(folder) / GENERATIONS
    for entry in root.iterdir() if root.is_dir() else ():
        if entry.resolve() == keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed
