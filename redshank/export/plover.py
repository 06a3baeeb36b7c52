"""PLOVER JSON Lines, as the PLOVER manual's "Data Fields" chapter (tables 6.1-6.6) names them.

    plover.jsonl   one PLOVER record per event (per cluster with --merged), validated by
                   the JSON Schema redshank/data/export/plover.schema.json

Required fields (table 6.1): id, date, actor, event. Entities (6.2) split our combined
code into `code` (country, or IGO/NGO/IMG/MNC) and `sector`, with the Wikidata QID in
`identifier_id` where we know it; text offsets (6.3), citation (6.5) and location (6.6)
are filled from the stored event and its document. Fields beyond the manual's are
Redshank's own and say so in docs/formats.md.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from redshank.errors import ConfigError
from redshank.export import codes
from redshank.export.catalog import PLOVER_FILE, PLOVER_SCHEMA_FILE
from redshank.export.selection import ExportEvent, Report
from redshank.model import Actor, Location, format_day
from redshank.version import __version__

FILE = PLOVER_FILE
SCHEMA_FILE = PLOVER_SCHEMA_FILE
CODEBOOK = "plover-0.8"
LANGUAGE = "en"
_GROUP_TYPES = ("IGO", "NGO", "IMG", "MNC")
_RESOLUTION = {"city": 4, "admin1": 2, "country": 1}
_FEATURE = {"city": ("P", "PPL"), "admin1": ("A", "ADM1"), "country": ("A", "PCLI")}


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema every exported PLOVER record meets."""
    text = (resources.files("redshank.data") / "export" / SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


def write(exported: list[ExportEvent], out_dir: Path) -> list[Path]:
    """Write plover.jsonl: one record per exported event that has a date (PLOVER requires
    one; an event without its own date has its document's publication date)."""
    path = out_dir / FILE
    try:
        with path.open("w", encoding="utf-8") as out:
            for item in exported:
                if item.date_range[0] is not None:
                    out.write(json.dumps(record(item), ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the export: {exc.strerror}") from exc
    return [path]


def record(item: ExportEvent) -> dict[str, Any]:
    """The PLOVER record of one exported event."""
    event = item.event
    start, end = item.date_range
    result: dict[str, Any] = {
        "id": item.id,
        "has_event": True,
        "date": format_day(start),
    }
    if start is not None and end is not None and end != start:
        result["enddate"] = end.isoformat()
    result |= {
        "date_precision": item.date_precision,
        "actor": [entity(actor) for actor in event.actor],
        "recipient": [entity(actor) for actor in event.recipient],
        "event": [event.event],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "quad_code": event.quad,
        "event_scale": event.intensity,
        "event_text": [event.evidence.trigger],
        "text_info": text_info(item.reports[0]),
        "cite_info": cite_info(item.reports[0]),
        "coder": event.coder_version,
        "cameo": event.cameo,
        "auxiliary": event.auxiliary,
        "actor_inferred": event.actor_inferred,
        "reports": len(item.documents),
    }
    location = event_loc(event.location, event.place_scope)
    if location is not None:
        result["event_loc"] = location
    if item.cluster is not None:
        result["link"] = item.cluster.cluster_id
    if item.merged:
        result["sources"] = [cite_info(report) | {"event_id": report.event.event_id}
                             for report in item.reports]
    return result


def entity(actor: Actor) -> dict[str, Any]:
    """A PLOVER entity object (table 6.2) for an actor, plus Redshank's name, type and
    combined CAMEO-style code."""
    code = actor.code if actor.code and not actor.code.startswith("-") else None
    top = actor.country or (code[:3] if code and code[:3] in _GROUP_TYPES else None)
    result: dict[str, Any] = {"code": top, "sector": actor.sector, "entity_text": actor.text}
    known = codes.identifier(actor)
    if known is not None:
        result |= {"identifier_id": known.qid, "identifier_text": known.label}
    result |= {"name": actor.name, "actor_type": actor.type, "cameo_code": code,
               "country_from": actor.country_from}
    return result


def text_info(report: Report) -> dict[str, Any]:
    """Where the event was read (table 6.3): sentence number (1-based) and the sentence's
    character offsets in the document, plus the trigger's."""
    event = report.event
    span = event.sentence_span
    return {"sequence": event.sentence_index + 1,
            "start": span.start if span else None, "end": span.end if span else None,
            "trigger_start": event.evidence.span.start, "trigger_end": event.evidence.span.end}


def cite_info(report: Report) -> dict[str, Any]:
    """The citation of the document an event was read in (table 6.5)."""
    source = report.source
    return {"corpus": "redshank", "citation": source.doc_id, "url": source.url,
            "title": source.title, "publication": source.publisher,
            "published": format_day(source.published),
            "language": LANGUAGE, "coder": report.event.coder_version, "codebook": CODEBOOK,
            "version": __version__}


def event_loc(location: Location | None, scope: str | None) -> dict[str, Any] | None:
    """The PLOVER location object (table 6.6), or None when the place has no point."""
    if location is None or location.precision not in _RESOLUTION:
        return None
    feature_class, feature_code = _FEATURE[location.precision]
    return {
        "resolved_place": location.name,
        "geonameid": location.geonames_id,
        "lat": location.lat,
        "lon": location.lon,
        "city": location.name if location.precision == "city" else None,
        "province": location.admin1,
        "country": codes.country_name(location.country),
        "country_code": location.country,
        "feature_class": feature_class,
        "feature_code": feature_code,
        "resolution": _RESOLUTION[location.precision],
        "place_scope": scope,
    }
