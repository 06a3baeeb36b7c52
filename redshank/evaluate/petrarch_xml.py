"""Read PETRARCH validation records (`petrarch-xml`), e.g. PETR.UnitTest.records.xml.

    <Sentence date="19950101" id="DEMO-00" category="DEMO">
    <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
    <Text>Arnor is about to restore full diplomatic ties with Gondor ...</Text>
    </Sentence>

A sentence has one `<EventCoding>` per expected (source, target, CAMEO event) triple, or
one `<EventCoding noevents="True">` (or `error="..."`, PETRARCH's expected input error, or
none) when no event should be coded. Codes are CAMEO actor codes (`ARN`, `ARNGOV`,
`---GOV` for a government of unknown country); `---` and `###` mean no known actor, and a
quoted code (`'"THE MINISTRY OF MAGIC"'`) an actor known only by name. CAMEO events are
mapped to PLOVER with the packaged crosswalk; a code with no PLOVER reading (PETRARCH's
test-only codes such as 903) is kept on the record as unscored. `<Parse>` trees, `<Config>`
options and comments are ignored. Ids need not be unique (PETRARCH's own file repeats
two); records are told apart by their line. Malformed input raises `GoldFileError` with
the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from xml.parsers import expat

from redshank.coding.plover import NOT_AN_EVENT, load_ontology
from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import GoldActor, GoldEvent, GoldRecord, GoldSet

NO_ACTOR = frozenset({"---", "###", ""})
_TRUE = frozenset({"true", "1", "yes"})


@dataclass(slots=True)
class _OpenSentence:
    """A `<Sentence>` being read: its attributes, codings and text so far."""

    attrs: dict[str, str]
    line: int
    codings: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    texts: int = 0


class _Reader:
    """expat handlers that collect `<Sentence>` elements into gold records."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.sentence: _OpenSentence | None = None
        self.in_text = False
        self.records: list[GoldRecord] = []

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "Sentence":
            if self.sentence is not None:
                raise GoldFileError("<Sentence> inside another <Sentence>", path=self.path,
                                    line=self.line)
            self.sentence = _OpenSentence(attrs=attrs, line=self.line)
        elif self.sentence is not None and name == "EventCoding":
            self.sentence.codings.append((self.line, attrs))
        elif self.sentence is not None and name == "Text":
            self.in_text = True
            self.sentence.texts += 1

    def end(self, name: str) -> None:
        if name == "Text":
            self.in_text = False
        elif name == "Sentence" and self.sentence is not None:
            self.records.append(_record(self.sentence, self.path))
            self.sentence = None

    def characters(self, data: str) -> None:
        if self.in_text and self.sentence is not None:
            self.sentence.text.append(data)


def read_petrarch_xml(path: str, text: str) -> GoldSet:
    """Gold records (one per `<Sentence>`) from the text of a PETRARCH validation file."""
    reader = _Reader(path)
    try:
        reader.parser.Parse(text, True)
    except expat.ExpatError as exc:
        message = expat.errors.messages.get(exc.code, str(exc))
        raise GoldFileError(f"not well-formed XML: {message} (column {exc.offset + 1})",
                            path=path, line=exc.lineno) from exc
    if not reader.records:
        raise GoldFileError("no <Sentence> records found", path=path)
    return GoldSet(path=path, format="petrarch-xml", unit="triple",
                   records=tuple(reader.records))


def _record(sentence: _OpenSentence, path: str) -> GoldRecord:
    record_id = sentence.attrs.get("id", "").strip()
    if not record_id:
        raise GoldFileError("<Sentence> has no id attribute", path=path, line=sentence.line)

    def fail(message: str, line: int = sentence.line) -> GoldFileError:
        return GoldFileError(message, path=path, line=line, record=record_id)

    text = " ".join("".join(sentence.text).split())
    if sentence.texts != 1 or not text:
        raise fail("expected one non-empty <Text> element")
    events: list[GoldEvent] = []
    unscored: list[str] = []
    for line, attrs in sentence.codings:
        if attrs.get("noevents", "").strip().lower() in _TRUE or "error" in attrs:
            continue
        missing = [key for key in ("sourcecode", "targetcode", "eventcode") if key not in attrs]
        if missing:
            raise fail(f"<EventCoding> lacks {', '.join(missing)} (or noevents=\"True\")", line)
        cameo = attrs["eventcode"].strip()
        reading = load_ontology().lookup(cameo) if cameo else None
        if reading is None or reading.event == NOT_AN_EVENT:
            unscored.append(f"{attrs['sourcecode']} {attrs['targetcode']} CAMEO {cameo}")
            continue
        events.append(GoldEvent(event=reading.event, mode=reading.mode, context=reading.context,
                                actor=_actor(attrs["sourcecode"]),
                                recipient=_actor(attrs["targetcode"]), written=f"CAMEO {cameo}"))
    category = sentence.attrs.get("category", "").strip() or None
    written_date = sentence.attrs.get("date", "").strip()
    try:
        published = _date(written_date)
    except ValueError as exc:
        raise fail(f"bad date {written_date!r}: expected YYYYMMDD") from exc
    return GoldRecord(id=record_id, text=text, published=published,
                      category=category, events=tuple(events), unscored=tuple(unscored),
                      line=sentence.line)


def _actor(code: str) -> tuple[GoldActor, ...]:
    code = code.strip()
    if code.startswith('"'):
        return (GoldActor(code="", text=code.strip('"').strip()),)
    if code in NO_ACTOR:
        return ()
    return (GoldActor(code=code.upper()),)


def _date(value: str) -> date | None:
    """A YYYYMMDD date, None if empty; ValueError if malformed."""
    return datetime.strptime(value, "%Y%m%d").date() if value else None
