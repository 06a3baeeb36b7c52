"""Every event placed as well as its text allows, with the scope saying how (where/scope.py).

Through the real pipeline, on articles written for these tests.
"""

from __future__ import annotations

from datetime import date

from redshank.link.records import LinkSettings, link_record
from redshank.model import Document, Event, Location


def events_of(pipeline, text: str) -> list[Event]:
    (result,) = pipeline.run([Document(id="doc", text=text, published=date(2023, 5, 9))])
    assert not result.failures
    return result.events


def event(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.evidence.trigger == trigger]
    assert found, f"no event {trigger!r} in {[e.evidence.trigger for e in events]}"
    return found[0]


def test_a_place_governing_the_trigger_is_its_sentences(pipeline) -> None:
    arrest = event(events_of(pipeline, "Police arrested three men in Mombasa on Monday."),
                   "arrested")
    assert (arrest.location.name, arrest.place_scope) == ("Mombasa", "sentence")


def test_an_arrest_takes_the_setting_its_paragraph_named_before(pipeline) -> None:
    text = ("Thousands marched in Mombasa on Monday against the new tax. "
            "Police later detained forty students.")
    detained = event(events_of(pipeline, text), "detained")
    assert (detained.location.name, detained.place_scope) == ("Mombasa", "paragraph")
    assert any(note.startswith("place: 'Mombasa', named as a setting in its paragraph; "
                               "resolved as Mombasa: ") for note in detained.evidence.notes)


def test_a_statement_does_not_take_its_paragraphs_setting(pipeline) -> None:
    text = ("Kenya's police clashed with protesters in Mombasa on Monday. Kenya's interior "
            "minister accused Tanzania of arming the rioters. Kenya and Tanzania have long "
            "argued over the border, and Kenya said so again.")
    accusation = event(events_of(pipeline, text), "accused")
    assert accusation.place_scope != "paragraph"
    assert accusation.location is None or accusation.location.name != "Mombasa"


def test_a_place_named_otherwise_than_as_a_setting_is_not_one(pipeline) -> None:
    # "from Uganda" says where they came from, not where the arrest happened
    text = "Forty traders from Uganda crossed the border. Police arrested them."
    arrest = event(events_of(pipeline, text), "arrested")
    assert arrest.place_scope != "paragraph"


def test_the_dateline_places_what_nothing_nearer_places(pipeline) -> None:
    text = ("NAIROBI — The government rejected the opposition's demands on Tuesday. "
            "The opposition leader said talks would go on.")
    rejection = event(events_of(pipeline, text), "rejected")
    assert (rejection.location.name, rejection.place_scope) == ("Nairobi", "document")
    assert "place: the dateline 'NAIROBI'" in rejection.evidence.notes


def test_the_articles_country_places_what_nothing_nearer_places(pipeline) -> None:
    text = ("Kenya's government rejected the demands of Kenya's opposition. "
            "Kenya's president urged calm, and Kenya's parliament will meet in June.")
    urged = event(events_of(pipeline, text), "urged")
    assert (urged.location.country, urged.location.precision) == ("KEN", "country")
    assert urged.place_scope == "document"


def test_a_city_modifying_an_event_noun_is_where_it_happened(pipeline) -> None:
    events = events_of(pipeline, "A Mombasa car bombing killed four people on Friday.")
    bombing = event(events, "bombing")
    assert (bombing.location.name, bombing.place_scope) == ("Mombasa", "sentence")


def _placed(scope: str | None) -> Event:
    location = Location(name="Mombasa", country="KEN", lat=-4.05, lon=39.67,
                        precision="city")
    return Event(event_id=f"e-{scope}", doc_id="d", sentence_index=0, sentence="", event="COERCE",
                 mode=None, context=[], cameo=None, quad=4, intensity=-5.0, actor=[],
                 recipient=[], date=None, date_precision="unknown", date_text=None,
                 location=location, auxiliary=None, quote=None, evidence=None,  # type: ignore[arg-type]
                 published=None, coder_version="test", place_scope=scope)


def test_the_linker_compares_only_places_the_sentence_gave() -> None:
    settings = LinkSettings()
    assert link_record(_placed("sentence"), settings).place is not None
    assert link_record(_placed("document"), settings).place is None
