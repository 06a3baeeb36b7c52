"""Find place names in a parsed paragraph and resolve each to a gazetteer place.

Candidates are capitalised token sequences that the gazetteer knows (longest match
first). The parse then rejects names that are part of a larger proper name: an
organisation or a person ("Washington Post", "Paris Club", "Michael Jordan", "University of
Paris"). spaCy's NER is not used. Each mention is resolved without article context here;
`resolve_ambiguous` revisits the choice once the article's countries are known. The word
lists are in redshank/data/words/places.words, speech.words and calendar.words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from redshank.knowledge import words
from redshank.model import Location, Span
from redshank.where.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from redshank.where.resolve import Candidate, Choice, choose

# Prepositions that put a place name in a locative or directional role.
PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "outside", "inside", "from", "to", "into", "across", "around",
    "throughout", "within", "toward", "towards", "through", "via", "of", "between", "and",
    "or", "on", "over", "off", "along", "beyond", "by",
})
# A capitalised word right after a place name that keeps it a place ("Gaza City").
PLACE_SUFFIXES = words("place_suffixes")
# A capitalised head before "of" that makes the next name a place ("Republic of Iraq").
PLACE_HEADS = words("place_suffixes", "place_heads")
# Words after a place name that make the whole an organisation ("Georgia Tech").
ORGANISATION_WORDS = words("organisation_words")
DIRECTIONS = words("directions")
CALENDAR_WORDS = words("weekdays", "months")
CITY_CUES = words("city_cues")
REGION_CUES = words("region_cues")
CONNECTORS = frozenset({"of", "the", "de", "del", "la", "le", "al", "el", "and", "upon",
                        "on", "am", "an", "der", "du", "des", "di", "da", "do", "dos",
                        "-", "'s", "bin", "ibn", "y", ",", "."})
SMALL_TOWN = 100_000
# A small town named as the subject or possessor of something is a person ("McDonough said").
PERSON_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "appos", "compound"})
SPEECH_VERBS = words("person_speech_verbs")


@dataclass(slots=True)
class PlaceMention:
    """A place name found in a parsed paragraph (tokens [start, end)), resolved.

    `candidates` are every place the name may refer to; `reason` says why `place` was
    chosen. `qualifier` is a following place that narrows the choice ("Paris, Texas");
    `cue` is the kind of place the text names ("the town of" -> city, "province" ->
    admin1; the "Texas" of "Paris, Texas" -> admin1, as it qualifies the name before it);
    `weak` marks a small town named with no locative cue, which `resolve_ambiguous` keeps
    only when the article's countries support it. `adjectival` marks a country named by
    its demonym or adjective ("French troops", "the Iraqis"): a mention of the country,
    not a toponym, and never where an event happened.
    """

    location: Location
    place: Place
    token_start: int
    token_end: int
    head: int
    text: str
    span: Span
    candidates: tuple[Candidate, ...]
    reason: str
    qualifier: Place | None = None
    cue: str | None = None
    weak: bool = False
    adjectival: bool = False

    def with_choice(self, choice: Choice) -> PlaceMention:
        """This mention with another candidate chosen."""
        return replace(self, location=choice.place.location(), place=choice.place,
                       reason=choice.reason)


def find_place_mentions(doc: Doc, offset: int = 0, *, gazetteer: Gazetteer | None = None
                        ) -> list[PlaceMention]:
    """Place names in one parsed paragraph, in text order, each resolved without context.

    `offset` is the paragraph's character offset in the document, so that spans point
    into the full text.
    """
    gazetteer = gazetteer or load_gazetteer()
    found: list[tuple[TokenSpan, list[Candidate]]] = []
    words = _Words.of(doc)
    starts = [i for i, text in enumerate(words.text) if _may_start(text, gazetteer)]
    i = 0
    for start in starts:
        if start < i:
            continue
        match = _longest_match(doc, start, gazetteer, words)
        if match is None:
            i = start + 1
            continue
        tokens, candidates = match
        if not _is_proper(tokens) or _inside_larger_name(tokens, candidates, gazetteer):
            i = tokens.end
            continue
        found.append((tokens, candidates))
        i = tokens.end
    mentions: list[PlaceMention] = []
    qualifiers: dict[int, Place] = {}
    for index, (tokens, candidates) in enumerate(found):
        qualifier = _qualifier(tokens, candidates, found[index + 1:index + 2])
        if qualifier is not None:
            qualifiers[index] = qualifier
        previous = qualifiers.get(index - 1)
        cue = previous.precision if previous is not None else _cue(tokens)
        choice = choose(candidates, frozenset(), qualifier=qualifier, cue=cue)
        weak = (qualifier is None and _is_small_town(choice.place)
                and not has_place_preposition(tokens))
        if (weak and tokens.root.dep_ in PERSON_ROLES) or _speaks(tokens, choice.place):
            continue
        span = Span(tokens.start_char, tokens.end_char).shift(offset)
        mentions.append(PlaceMention(
            location=choice.place.location(), place=choice.place, token_start=tokens.start,
            token_end=tokens.end, head=tokens.root.i, text=tokens.text, span=span,
            candidates=tuple(candidates), reason=choice.reason, qualifier=qualifier, cue=cue,
            weak=weak))
    return mentions


def find_adjectival_mentions(doc: Doc, offset: int = 0, *, gazetteer: Gazetteer | None = None,
                             taken: Iterable[PlaceMention] = ()) -> list[PlaceMention]:
    """Countries named by a demonym or adjective ("French troops", "the Iraqis"), flagged
    `adjectival`, outside the tokens of `taken` (the paragraph's toponyms) and outside
    longer proper names ("the French Open", "Syrian Observatory for Human Rights")."""
    gazetteer = gazetteer or load_gazetteer()
    covered = {i for m in taken for i in range(m.token_start, m.token_end)}
    found: list[PlaceMention] = []
    for token in doc:
        if token.i in covered or not token.text[:1].isupper():
            continue
        key = name_key(token.text)
        iso3 = gazetteer.demonyms.get(key) or (  # "the Peruvians"
            gazetteer.demonyms.get(key[:-1]) if key.endswith("s") else None)
        country = gazetteer.places.get(f"country:{iso3}") if iso3 else None
        if country is None:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and _propn_word(after) and name_key(after.text) not in (
                gazetteer.demonyms):
            continue
        span = Span(token.idx, token.idx + len(token)).shift(offset)
        found.append(PlaceMention(
            location=country.location(), place=country, token_start=token.i,
            token_end=token.i + 1, head=token.i, text=token.text, span=span,
            candidates=(Candidate(country, False),),
            reason=f"'{token.text}' is the demonym or adjective of {country.name}",
            adjectival=True))
    return found


def _may_start(text: str, gazetteer: Gazetteer) -> bool:
    """A cheap test on the token text: could a place name start here?"""
    if not text[:1].isupper() and text.lower() not in DIRECTIONS:
        return False
    return text.lower() in DIRECTIONS or name_key(text).split(" ")[0] in gazetteer.first_words


@dataclass(frozen=True, slots=True)
class _Words:
    """Per-token attributes of a paragraph, read once (spaCy builds a Token per access)."""

    text: list[str]
    lower: list[str]
    with_ws: list[str]
    punct: list[bool]
    boundary: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        tokens = list(doc)
        return cls([t.text for t in tokens], [t.lower_ for t in tokens],
                   [t.text_with_ws for t in tokens], [t.is_punct for t in tokens],
                   [bool(t.is_sent_start) or t.is_space for t in tokens])


def _longest_match(doc: Doc, start: int, gazetteer: Gazetteer, words: _Words
                   ) -> tuple[TokenSpan, list[Candidate]] | None:
    """The longest gazetteer name starting at a capitalised token, with its candidates."""
    n = len(words.text)
    first = words.text[start]
    lowercase_direction = (words.lower[start] in DIRECTIONS and start + 1 < n
                           and words.text[start + 1][:1].isupper())
    if not (first[:1].isupper() or lowercase_direction) or \
            name_key(first).split(" ")[0] not in gazetteer.first_words:
        return None
    limit = min(n, start + gazetteer.max_tokens + 2)
    end = start + 1
    while end < limit and not words.boundary[end]:
        end += 1
    for stop in range(end, start, -1):
        if words.punct[stop - 1] or words.lower[stop - 1] in CONNECTORS:
            continue
        last = words.text[stop - 1]
        if stop - start > 1 and not last[:1].isupper() and last not in PLACE_SUFFIXES:
            continue  # an alternate name ending in a common word: "Gaza by" (Danish)
        text = "".join(words.with_ws[start:stop - 1]) + words.text[stop - 1]
        places = gazetteer.lookup(text)
        if places:
            return doc[start:stop], [Candidate(place, primary) for place, primary in places]
    return None


def _is_proper(tokens: TokenSpan) -> bool:
    """Every content word is capitalised and the parse reads the name as a proper noun."""
    words = [t for t in tokens if t.lower_ not in CONNECTORS and not t.is_punct]
    if len(words) > 1 and words[0].lower_ in DIRECTIONS:
        words = words[1:]
    if len(words) > 1 and words[-1].lower_ in PLACE_SUFFIXES:
        words = words[:-1]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if any(t.pos_ == "PROPN" for t in words):
        return True
    return all(t.pos_ == "NOUN" for t in words) and not tokens[0].is_sent_start


def _propn_word(token: Token) -> bool:
    """A capitalised proper-noun word that can extend a name ("Post" in "Washington Post").

    Not a direction, a weekday or month ("Baghdad Thursday"), nor an adjective compound
    such as "Israeli-occupied".
    """
    return (token.text[:1].isupper() and token.pos_ == "PROPN"
            and token.lower_ not in DIRECTIONS and token.lower_ not in CALENDAR_WORDS
            and all(part[:1].isupper() for part in token.text.split("-") if part))


def _inside_larger_name(tokens: TokenSpan, candidates: list[Candidate],
                        gazetteer: Gazetteer) -> bool:
    """Whether the place name is part of a person's or an organisation's name."""
    doc = tokens.doc
    is_country = any(c.place.kind == "country" for c in candidates)
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if (after is not None and after.lower_ == "of" and tokens.end + 1 < len(doc)
            and doc[tokens.end + 1].text[:1].isupper() and not is_country):
        return True
    if after is not None and _propn_word(after) and not after.is_sent_start:
        word = after.lower_
        if word in ORGANISATION_WORDS:
            return True
        if (not is_country and word not in PLACE_SUFFIXES
                and name_key(after.text) not in gazetteer.demonyms):
            return True
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    if before is None or tokens[0].is_sent_start:
        return False
    if before.lower_ == "of" and tokens.start >= 2:
        head = doc[tokens.start - 2]
        if not head.text[:1].isupper() or head.pos_ not in ("PROPN", "NOUN"):
            return False
        named_state = (head.lower_ == "state" and tokens.start >= 3
                       and _propn_word(doc[tokens.start - 3]))
        if is_country:
            return named_state
        return named_state or (not head.is_sent_start and head.lower_ not in PLACE_HEADS)
    return _propn_word(before) and name_key(before.text) not in gazetteer.demonyms


def _qualifier(tokens: TokenSpan, candidates: list[Candidate],
               following: list[tuple[TokenSpan, list[Candidate]]]) -> Place | None:
    """A country or region right after a comma that contains one of the candidates."""
    if not following:
        return None
    next_tokens, next_candidates = following[0]
    between = tokens.doc[tokens.end:next_tokens.start]
    if len(between) != 1 or between[0].text != ",":
        return None
    for container in next_candidates:
        region = container.place
        if region.kind not in ("country", "admin1"):
            continue
        for candidate in candidates:
            place = candidate.place
            if place.key != region.key and place.country == region.country and (
                    region.kind == "country" or place.admin1 == region.admin1):
                return region
    return None


def _cue(tokens: TokenSpan) -> str | None:
    """"city" after "the town of", "admin1" before "province": the kind the text names."""
    doc = tokens.doc
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if after is not None and after.lower_ in REGION_CUES:
        return "admin1"
    if after is not None and after.lower_ in CITY_CUES - {"capital"}:
        return "city"
    if tokens.start >= 2 and doc[tokens.start - 1].lower_ == "of":
        head = doc[tokens.start - 2].lower_
        if head in CITY_CUES:
            return "city"
        if head in REGION_CUES:
            return "admin1"
    return None


def _speaks(tokens: TokenSpan, place: Place) -> bool:
    """A city that is not a capital as the subject of "said" is a person ("Bolton said")."""
    root = tokens.root
    return (place.kind == "city" and not place.capital and root.dep_ == "nsubj"
            and root.head.lemma_.lower() in SPEECH_VERBS)


def _is_small_town(place: Place) -> bool:
    return place.kind == "city" and not place.capital and place.population < SMALL_TOWN


def has_place_preposition(tokens: TokenSpan) -> bool:
    """A preposition or "the town of" right before the name marks it as a place."""
    doc = tokens.doc
    index = tokens.start - 1
    while index >= 0 and (doc[index].lower_ in DIRECTIONS or doc[index].lower_ == "the"):
        index -= 1
    return (index >= 0 and doc[index].lower_ in PLACE_PREPOSITIONS - {"of", "and", "or"}) or (
        index >= 1 and doc[index].lower_ == "of" and doc[index - 1].lower_ in CITY_CUES
        | REGION_CUES)


def person_names(docs: Iterable[Doc], gazetteer: Gazetteer | None = None) -> set[str]:
    """Surnames of an article's people: last words of multi-word proper names ("John Bolton").

    `resolve_ambiguous` drops a city named by one of these words alone ("Bolton said").
    """
    gazetteer = gazetteer or load_gazetteer()
    names: set[str] = set()
    for doc in docs:
        for token in doc:
            if token.i == 0 or not _propn_word(token):
                continue
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and _propn_word(following):
                continue
            start = token.i
            while start > 0 and (_propn_word(doc[start - 1])
                                 or (doc[start - 1].text[:1].isupper()
                                 and doc[start - 1].text.endswith("."))):
                start -= 1
            if start == token.i or (doc[start].is_sent_start and start + 1 == token.i):
                continue
            first = name_key(doc[start].text)
            if first in gazetteer.demonyms or gazetteer.lookup(doc[start:token.i + 1].text):
                continue
            names.add(name_key(token.text))
    return names
