"""The PLOVER ontology as data: CAMEO crosswalk, conflict-cooperation scores, quads.

The event types and their quads come from the event-type table (redshank/knowledge.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from redshank.errors import DataFileError
from redshank.knowledge import event_types

EVENT_TYPES = tuple(event_types())
NOT_AN_EVENT = "-"


@dataclass(frozen=True, slots=True)
class PloverCode:
    """What a CAMEO code means in PLOVER; `event` is "-" for codes PLOVER drops."""

    cameo: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Ontology:
    """Crosswalk and score tables, loaded once."""

    crosswalk: dict[str, PloverCode]
    scores: dict[tuple[str, str], float]
    quads: dict[str, int]

    def lookup(self, cameo: str) -> PloverCode | None:
        """The PLOVER reading of a CAMEO code, falling back to its parent code."""
        code = cameo
        while code:
            if code in self.crosswalk:
                return self.crosswalk[code]
            code = code[:-1] if len(code) > 3 else ""
        return None

    def intensity(self, event: str, mode: str | None) -> float:
        """PLOVER conflict-cooperation score of an event type and mode."""
        return self.scores.get((event, mode or ""), self.scores.get((event, ""), 0.0))

    def quad(self, event: str) -> int:
        return self.quads[event]

    def cameo_for(self, event: str, mode: str | None, context: Sequence[str] = ()) -> str:
        """The CAMEO code that says `event`/`mode`: for an event whose type a reading
        changed ('vowed to attack' is THREATEN, not the ASSAULT its pattern names), so
        that `cameo` never contradicts `event`. Among the codes the crosswalk reads as
        the event and mode, one sharing a context wins, then the most general (shortest,
        then lowest); with no code for the mode, the event's most general code."""
        def rank(code: PloverCode) -> tuple[bool, int, str]:
            return (not set(code.context) & set(context), len(code.cameo), code.cameo)

        codes = [code for code in self.crosswalk.values() if code.event == event]
        same_mode = [code for code in codes if code.mode == mode]
        return min(same_mode or codes, key=rank).cameo

    def agreeing_cameo(self, cameo: str, event: str, mode: str | None,
                       context: Sequence[str] = ()) -> str:
        """`cameo` when the crosswalk reads it as `event`, else the code that says `event`."""
        reading = self.lookup(cameo)
        if reading is not None and reading.event == event:
            return cameo
        return self.cameo_for(event, mode, context)

    def is_mode(self, event: str, mode: str) -> bool:
        return (event, mode) in self.scores


def _rows(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("redshank.data.plover").joinpath(name).read_text(encoding="utf-8")
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load the packaged crosswalk and score tables."""
    crosswalk: dict[str, PloverCode] = {}
    for number, fields in _rows("cameo_plover.tsv"):
        if len(fields) != 6:
            raise DataFileError("expected 6 tab-separated fields", path="cameo_plover.tsv",
                                line=number)
        cameo, event, mode, context, note, _origin = fields
        if event != NOT_AN_EVENT and event not in EVENT_TYPES:
            raise DataFileError(f"unknown PLOVER event {event!r}", path="cameo_plover.tsv",
                                line=number)
        contexts = tuple(c for c in context.split(";") if c)
        crosswalk[cameo] = PloverCode(cameo, event, mode or None, contexts, note)
    scores: dict[tuple[str, str], float] = {}
    for number, fields in _rows("scores.tsv"):
        if len(fields) != 3:
            raise DataFileError("expected 3 tab-separated fields", path="scores.tsv", line=number)
        event, mode, score = fields
        if event not in EVENT_TYPES:
            raise DataFileError(f"unknown PLOVER event {event!r}", path="scores.tsv",
                                line=number)
        scores[(event, mode)] = float(score)
    quads = {name: row.quad for name, row in event_types().items()}
    return Ontology(crosswalk, scores, quads)
