"""Countries for actors from their document: a role noun or an untitled-in-the-dictionaries
person with no country takes one from its own phrase, else from the same noun named
before it, else from the article's focus.

    found = place_actors(docs, found, places)      # after locate_places, before coding

    "Kenosha police", "police in Seoul", "the governor of Lagos"   -> the phrase's place
    "the interior minister" in an article about Turkey             -> the article's focus
    "Anna Petrova, the Foreign Ministry spokeswoman" (about Russia) -> the article's focus

Who takes a country: an actor with none and a sector, coded `---` plus the sector, of type
`other`, `armed_group`, `state` or `person` (a role noun, or a titled person the
dictionaries do not know). Organisations (`igo`, `ngo`, or named ones the dictionaries
give no country: "Reuters") and sectorless nouns never do.

The phrase is the mention's own tokens and what hangs from its head through modifiers,
possessives, appositions and `in`/`from`/`of`/`for`/`at` phrases (not clauses); a place
the place stage found there, or a country the dictionaries name there ("Iraq", not
"Iraqi immigrants"), gives its country (the nearest first).

A definite role noun ("the ministry", "these rebels") points back to the last mention
before it in the document with the same sector and head noun that has a country ("the
Russian Foreign Ministry", "rebels in Syria"); a country the article's focus gave does not
count, a sector alone does not ("the ministry" is not "the British ambassador").

The article's focus (`article_focus`) is the dateline place ("ANKARA —" opening the text),
else the country named most often by the document's places and actors (countries the
dictionaries gave, people's included; a place an actor mention covers counts once), when
it is named at least `FOCUS_MIN_MENTIONS` times and at least `FOCUS_DOMINANCE` times as
often as any other country. It is not given to an actor whose sentence names a place in
another country: where the event happened says more, and the coder reads it.

Every country given here is marked on the actor (`Actor.country_from`: "phrase",
"antecedent" or "article") and explained by an `entries` line "country XXX: reason".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from redshank.actors.codes import ARMED_SECTORS, NULL_CODE, country_name, sector_label
from redshank.model import Actor, Mention
from redshank.where import PlaceMention

ROLE_TYPES = frozenset({"other", "armed_group", "state", "person"})
# Dependencies that keep a token inside the phrase of the noun it hangs from.
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "prep", "pobj", "case"})
PHRASE_PREPS = frozenset({"in", "from", "of", "for", "at"})
FOCUS_MIN_MENTIONS = 3
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
FOCUS_DOMINANCE = 2.0
# What may follow a dateline place: ", COUNTRY" or a date, an agency in parentheses, a dash.
_DATELINE_TAIL = re.compile(r"[ \t]*(?:,[^\n.—–]{0,40})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[—–-]")


@dataclass(frozen=True, slots=True)
class Focus:
    """The country an article is about, and why; `place`, the dateline's place when the
    article opens with one."""

    country: str
    reason: str
    place: PlaceMention | None = None


def place_actors(
    docs: Sequence[Doc],
    found: Sequence[list[Mention]],
    places: Sequence[list[PlaceMention]],
    text: str | None = None,
    focus: Focus | None = None,
) -> list[list[Mention]]:
    """Each paragraph's mentions, role nouns and unknown titled people given a country from
    their phrase or the article's focus (`text`, the document's, finds a dateline; a
    caller that already has the focus passes it).

    A person is one person in the whole document: the country one of their mentions gives
    ("Anna Petrova, a spokeswoman in Moscow") is given to all ("Petrova said"), and the
    focus is given or not by their first mention.
    """
    focus = focus or article_focus(found, places, text)
    wanted = [
        (p, k, _phrase_country(docs[p], mention, mentions, places[p]))
        for p, mentions in enumerate(found)
        for k, mention in enumerate(mentions)
        if _wants_country(mention.actor)
    ]
    if not wanted:
        return list(found)
    person_country: dict[str, tuple[str, str, str] | None] = {}
    for p, k, phrase in wanted:
        actor = found[p][k].actor
        if actor.type == "person" and phrase is not None and actor.id not in person_country:
            person_country[actor.id] = (*phrase, "phrase")
    for p, k, _ in wanted:
        actor = found[p][k].actor
        if actor.type == "person" and actor.id not in person_country:
            person_country[actor.id] = _focus_for(docs[p], found[p][k], places[p], focus)
    phrases = {(p, k): phrase for p, k, phrase in wanted}
    placed = [list(mentions) for mentions in found]
    latest: dict[tuple[str, str], tuple[str, str]] = {}  # (sector, head) -> country, text
    for p, mentions in enumerate(found):
        for k, mention in enumerate(mentions):
            if (p, k) in phrases:
                given = _given(docs[p], mention, phrases[p, k], person_country, latest,
                               places[p], focus)
                if given is not None:
                    placed[p][k] = mention = _with(mention, *given)
            actor = mention.actor
            if actor.country and actor.sector and actor.country_from != "article" and (
                    actor.type in ROLE_TYPES):
                latest[_kind(docs[p], mention)] = (actor.country, actor.text)
    return placed


def _given(
    doc: Doc,
    mention: Mention,
    phrase: tuple[str, str] | None,
    person_country: dict[str, tuple[str, str, str] | None],
    latest: dict[tuple[str, str], tuple[str, str]],
    paragraph_places: list[PlaceMention],
    focus: Focus | None,
) -> tuple[str, str, str] | None:
    """The country a mention wanting one takes (module docstring: phrase, antecedent,
    focus), with the reason and its source."""
    actor = mention.actor
    if actor.type == "person":
        return person_country.get(actor.id)
    if phrase is not None:
        return (*phrase, "phrase")
    antecedent = latest.get(_kind(doc, mention))
    if antecedent is not None and _definite(doc[mention.head]):
        country, text = antecedent
        return country, f"'{text}' named before it", "antecedent"
    return _focus_for(doc, mention, paragraph_places, focus)


def _kind(doc: Doc, mention: Mention) -> tuple[str, str]:
    """What a definite role noun must share with the mention it points back to: the
    sector and the head noun ("the ministry" -> "the Russian Foreign Ministry", not "the
    British ambassador")."""
    return mention.actor.sector or "", doc[mention.head].lemma_.lower()


def _definite(head: Token) -> bool:
    """A role noun that points back ("the ministry", "these militants"), not a new one
    ("a ministry", "police")."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)


def article_focus(
    found: Sequence[list[Mention]],
    places: Sequence[list[PlaceMention]],
    text: str | None = None,
) -> Focus | None:
    """The dateline's country, else the country clearly most named (module docstring)."""
    dateline = _dateline_place(places, text)
    if dateline is not None and dateline.location.country:
        return Focus(dateline.location.country, f"the dateline '{dateline.text}'", dateline)
    counts: Counter[str] = Counter()
    for mentions, paragraph_places in zip(found, places, strict=True):
        named = [m for m in mentions if m.actor.country and m.actor.country_from is None]
        counts.update(m.actor.country for m in named)
        covered = {i for m in named for i in range(m.token_start, m.token_end)}
        counts.update(p.location.country for p in paragraph_places
                      if p.location.country and p.head not in covered)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    country, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < FOCUS_MIN_MENTIONS or count < FOCUS_DOMINANCE * runner_up:
        return None
    others = f", the next {runner_up}" if runner_up else ", no other country"
    return Focus(country, f"the article's country ({country_name(country)} named {count} "
                          f"times{others})")


def _dateline_place(places: Sequence[list[PlaceMention]], text: str | None
                    ) -> PlaceMention | None:
    """A place opening the text as a dateline: "ANKARA —", "Lagos, Nigeria (AP) -"."""
    if text is None or not places or not places[0]:
        return None
    first = places[0][0]
    opening = len(text) - len(text.lstrip())
    if first.span.start != opening:
        return None
    after = text[first.span.end:]
    if first.text.isupper() and after[:1] in (",", " ", "\t"):
        return first
    return first if _DATELINE_TAIL.match(after) else None


def _wants_country(actor: Actor) -> bool:
    """A role noun or a titled unknown person with no country (`---GOV`); a named
    organisation the dictionaries give no country ("Reuters", `MED`) stays as it is."""
    return (
        actor.country is None
        and actor.sector is not None
        and actor.type in ROLE_TYPES
        and (actor.code or "").startswith(NULL_CODE)
    )


def _names_country(actor: Actor) -> bool:
    """A country or place the dictionaries name ("Iraq", "Idlib"), not a group of people
    of that country ("Russian immigrants": another actor, whose country is their own)."""
    return (bool(actor.country) and actor.country_from is None and actor.type == "state"
            and actor.sector is None)


def _phrase_country(
    doc: Doc, mention: Mention, mentions: list[Mention], paragraph_places: list[PlaceMention]
) -> tuple[str, str] | None:
    """The country of the nearest place, or dictionary country, in the mention's phrase."""
    place_at = {i: p for p in paragraph_places for i in range(p.token_start, p.token_end)}
    actor_at = {
        i: m for m in mentions if m is not mention and _names_country(m.actor)
        for i in range(m.token_start, m.token_end)
    }
    for token in _phrase(doc, mention):
        place = place_at.get(token.i)
        if place is not None and place.location.country:
            return place.location.country, f"'{place.text}' in its phrase"
        named = actor_at.get(token.i)
        if named is not None and named.actor.country:
            return named.actor.country, f"'{named.actor.text}' in its phrase"
    return None


def _focus_for(
    doc: Doc, mention: Mention, paragraph_places: list[PlaceMention], focus: Focus | None
) -> tuple[str, str, str] | None:
    """The article's focus for a mention, unless its sentence names a place elsewhere or
    its own phrase says where it is from without naming one country ("ministers from 10
    nations", "officials from several countries")."""
    if focus is None:
        return None
    head = doc[mention.head]
    follows = doc[mention.token_end] if mention.token_end < len(doc) else None
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children) or (
            follows is not None and follows.lower_ == "from"):
        return None  # the parser may hang "from 10 nations" on the verb
    sentence = head.sent
    if any(
        sentence.start <= p.head < sentence.end
        and p.location.country not in (None, focus.country)
        for p in paragraph_places
    ):
        return None
    return focus.country, focus.reason, "article"


def _phrase(doc: Doc, mention: Mention) -> list[Token]:
    """The mention's tokens, then the tokens hanging from its head (nearest first)."""
    inside = [doc[i] for i in range(mention.token_start, mention.token_end)]
    seen = {t.i for t in inside}
    out = list(inside)
    level = [doc[mention.head], *inside]
    while level:
        following: list[Token] = []
        for token in level:
            for child in token.children:
                if child.i in seen or child.dep_ not in PHRASE_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ not in PHRASE_PREPS:
                    continue
                seen.add(child.i)
                out.append(child)
                following.append(child)
        level = following
    return out


def _with(mention: Mention, country: str, reason: str, source: str) -> Mention:
    """The mention with its actor given `country`, marked as inferred from `source`."""
    actor = mention.actor
    code = actor.code or NULL_CODE
    code = f"{country}{code[len(NULL_CODE):]}" if code.startswith(NULL_CODE) else (
        f"{country}{actor.sector or ''}")
    entries = [*actor.entries, f"country {country}: {reason}"]
    if actor.type == "person":
        placed = replace(actor, country=country, code=code, entries=entries,
                         country_from=source)
    else:
        kind = "armed_group" if actor.sector in ARMED_SECTORS else "state"
        name = f"{country_name(country)} {sector_label(actor.sector)}"
        placed = replace(actor, country=country, code=code, id=code, name=name, type=kind,
                         entries=entries, country_from=source)
    return replace(mention, actor=placed)
