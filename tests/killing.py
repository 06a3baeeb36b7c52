"""The start of a driver script that SIGKILLs a Redshank command at a point of its work:
`kill_at(point, count)` lets COUNT calls of the point's store method through and kills
the process in the next ("store": saving a batch; "link": inside the transaction saving
clusters, once it has written rows; "derive": saving positions). Tests append the
command to run (tests/test_reliability.py, tests/test_recode.py)."""

KILL_AT = """
import os, signal, sys
from redshank.cli import main
from redshank.positions.derive import derive_pending
from redshank.store.sql import SQLStore
from redshank.store.clusters import ClusterMethods
from redshank.store.positions import PositionMethods

derive_pending.__kwdefaults__["chunk_size"] = 8

def killing(owner, name, count, inside=False):
    original = getattr(owner, name)
    calls = {"n": 0}
    def wrapper(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > count:
            if not inside:
                os.kill(os.getpid(), signal.SIGKILL)
            # kill inside the method's transaction, once it has written some rows
            write = self._insert_frame
            def dying(*a, **k):
                write(*a, **k)
                os.kill(os.getpid(), signal.SIGKILL)
            self._insert_frame = dying
        return original(self, *args, **kwargs)
    setattr(owner, name, wrapper)

def kill_at(point, count):
    if point == "store":
        killing(SQLStore, "save_results", count)
    elif point == "link":
        killing(ClusterMethods, "save_clusters", count, inside=True)
    elif point == "derive":
        killing(PositionMethods, "save_derived", count)
"""
