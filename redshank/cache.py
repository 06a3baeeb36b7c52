"""Compiled knowledge cached on disk, so a start-up reads a pickle instead of parsing files.

The cache lives in REDSHANK_CACHE_DIR (default ~/.cache/redshank), next to the actor
index (redshank/actors/matcher.py) and the gazetteer (redshank/where/gazetteer.py). A file
is named for what it holds and a key: a hash of `CACHE_FORMAT`, the Redshank version and
the content of every source file (data files and the modules that compile them), so an
edited data file or parser is a new key, never a stale hit. A missing, unreadable or
corrupt file is rebuilt from the sources; a cache that cannot be written costs only speed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from redshank.version import __version__

log = logging.getLogger(__name__)

CACHE_FORMAT = "1"
T = TypeVar("T")


def cache_dir() -> Path:
    """REDSHANK_CACHE_DIR, else ~/.cache/redshank."""
    configured = os.environ.get("REDSHANK_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "redshank"


def cache_key(sources: Iterable[tuple[str, bytes]]) -> str:
    """A hash of the cache format, the Redshank version and each (name, content) source."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}".encode())
    for name, content in sources:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()[:24]


def cached(kind: str, sources: Iterable[tuple[str, bytes]], build: Callable[[], T],
           check: Callable[[object], bool]) -> T:
    """`build()`, or what an earlier `build()` over the same sources stored.

    `check` vets what was read (its type and shape); anything it rejects, or a file that
    does not unpickle, is rebuilt and rewritten.
    """
    path = cache_dir() / f"{kind}-{cache_key(sources)}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if check(value):
            return value
        log.debug("%s cache at %s has the wrong shape; rebuilding", kind, path)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a corrupt pickle raises almost anything; rebuilding is safe
        log.debug("%s cache at %s is unreadable (%s); rebuilding", kind, path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as exc:
        log.warning("cannot write the %s cache %s: %s", kind, path, exc)
    return value
