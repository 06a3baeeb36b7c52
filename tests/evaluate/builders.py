"""Hand-made events, actors and gold files for the evaluation tests: no parser needed."""

from __future__ import annotations

import json
from pathlib import Path

from redshank.model import Actor, Document, DocumentResult, Event, Evidence, Failure, Span


def actor(code: str | None, *, country: str | None = None, kind: str = "state",
          name: str | None = None, sector: str | None = None,
          entries: tuple[str, ...] = ()) -> Actor:
    """A resolved actor; `country` defaults to the code's first three letters."""
    if country is None and code and code[:3].isalpha():
        country = code[:3]
    return Actor(text=name or code or "?", name=name or code or "?", country=country,
                 sector=sector, type=kind, id=f"id-{code or name}", span=Span(0, 1), code=code,
                 entries=list(entries))


def event(kind: str, actors: list[Actor], recipients: list[Actor] | None = None, *,
          mode: str | None = None, auxiliary: str | None = None, doc_id: str = "d",
          trigger: str = "said", at: int = 0) -> Event:
    """A coded event with just the fields scoring looks at filled in meaningfully."""
    return Event(event_id=f"e-{kind}-{len(actors)}", doc_id=doc_id, sentence_index=0,
                 sentence="s", event=kind, mode=mode, context=[], cameo=None, quad=1,
                 intensity=0.0, actor=actors, recipient=recipients or [], date=None,
                 date_precision="unknown", date_text=None, location=None,
                 auxiliary=auxiliary, quote=None,
                 evidence=Evidence(trigger=trigger, span=Span(at, at + len(trigger)),
                                   rule="test.patterns:1"),
                 published=None, coder_version="test")


def result(doc_id: str, events: list[Event], *, failed: str | None = None) -> DocumentResult:
    """A pipeline result for one gold document, optionally failed."""
    failures = [Failure(doc_id=doc_id, stage="coding", message=failed)] if failed else []
    return DocumentResult(document=Document(id=doc_id, text="s"), events=events,
                          failures=failures)


def gsr_record(record_id: str, event_name: str, source: list[str], target: list[str],
               text: str = "Something happened.", **extra: object) -> dict:
    """A PLOVER gold record as in gsr_dev.json."""
    return {"id": record_id, "date": "2000-01-01", "text": text, "event": event_name,
            "source": [{"actorText": c, "code": c} for c in source],
            "target": [{"actorText": c, "code": c} for c in target] if target else "",
            **extra}


def write_gsr(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


def petrarch_sentence(record_id: str, text: str, codings: list[str], *,
                      category: str = "DEMO", date: str = "19950101") -> str:
    """One <Sentence> element; each coding is 'SOURCE TARGET EVENT' or 'noevents'."""
    lines = [f'<Sentence date="{date}" id="{record_id}" category="{category}" sentence="true">',
             "<!-- a comment -->"]
    for coding in codings:
        if coding == "noevents":
            lines.append('<EventCoding noevents = "True"></EventCoding>')
            continue
        source, target, code = coding.split()
        lines.append(f"<EventCoding sourcecode='{source.replace('_', ' ')}' "
                     f"targetcode='{target.replace('_', ' ')}' eventcode=\"{code}\">"
                     "</EventCoding>")
    lines += ["<Text>", text, "</Text>", "<Parse>(ROOT (S (NP (NNP X))))</Parse>",
              "</Sentence>"]
    return "\n".join(lines)


def write_petrarch(path: Path, sentences: list[str]) -> Path:
    body = "\n\n".join(sentences)
    path.write_text(f"<Validation>\n<Sentences>\n{body}\n</Sentences>\n</Validation>\n",
                    encoding="utf-8")
    return path


def news_event(kind: str, actor: list[str], recipient: list[str], *,
               auxiliary: str | None = None, mode: str | None = None) -> dict:
    """A gold event as in wikinews_plover.jsonl."""
    return {"event": kind, "mode": mode, "actor": actor, "recipient": recipient,
            "actor_text": "someone", "recipient_text": "", "auxiliary": auxiliary,
            "note": "why"}


def news_record(record_id: str, text: str, events: list[dict], *, article: str = "art-1",
                selection: str = "event") -> dict:
    """A real-news gold sentence as in wikinews_plover.jsonl."""
    return {"id": record_id, "article": article, "published": "2019-07-24", "text": text,
            "events": events, "selection": selection}


def write_news(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
