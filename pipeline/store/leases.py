"""Leases on store generations: a generation someone may still read is never deleted.

A process that reads a store generation holds a shared lock (``fcntl.flock(LOCK_SH)``) on the
file ``.lease`` inside that generation's folder for as long as it may read it (``doc2kg
serve`` for as long as it serves the generation, ``doc2kg query`` for one query). Pruning
takes ``LOCK_EX | LOCK_NB`` on the same file and skips a generation it cannot lock. The
locks are the kernel's: they go away with the process that held them, so a crashed reader
leaves no stale lease. ``flock`` locks an open file description, so two ``hold`` calls in
one process are two independent shared locks.

Usage::

    with hold(generation_dir):           # readers
        store = pyoxigraph.Store.read_only(str(generation_dir))
        ...
    if try_prune(generation_dir):        # the run's prune: deleted, or False (in use, kept)
        ...
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

LEASE = ".lease"


def _open_lease(generation_dir: Path) -> int:
    return os.open(Path(generation_dir) / LEASE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)


@contextlib.contextmanager
def hold(generation_dir: Path) -> Iterator[Path]:
    """Hold a shared lease on ``generation_dir`` for the ``with`` block; yields the folder.

    Raises ``FileNotFoundError`` if the generation is gone already (pruned before the lease).
    """
    generation_dir = Path(generation_dir)
    fd = _open_lease(generation_dir)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        # A prune that held the exclusive lock while we waited has deleted the folder: our
        # lock is then on an unlinked file, and the generation is gone.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(generation_dir / LEASE))
        except FileNotFoundError:
            same = False
        if not same:
            raise FileNotFoundError(f"store generation {generation_dir} was removed")
        yield generation_dir
    finally:
        os.close(fd)  # releases the lock


def try_prune(generation_dir: Path) -> bool:
    """Delete ``generation_dir`` unless a reader holds its lease; True when it was deleted.

    The exclusive lock is held while the folder is removed, so a reader that opens the lease
    meanwhile waits, then finds the folder gone (``hold`` raises ``FileNotFoundError`` or the
    store fails to open) rather than reading a half-deleted database.
    """
    generation_dir = Path(generation_dir)
    if not generation_dir.is_dir():
        return False
    try:
        fd = _open_lease(generation_dir)
    except FileNotFoundError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(generation_dir, ignore_errors=True)
        return not generation_dir.exists()
    finally:
        os.close(fd)
