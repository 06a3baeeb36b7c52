"""Choose which place an ambiguous name refers to, and say why.

Order of evidence: a qualifier in the text ("Paris, Texas"), the kind of place the text
names ("the town of", "province"), the article's countries and regions (from its dateline,
its unambiguous place names, demonyms and actors), then prominence (country > capital or
city of 1M+ or a continent, sea or region > city of 100k+ > admin1 region > county or
district > smaller town; then whether the name is the place's own name rather than an
alternate; then population).
A small town (under 100,000 people) in the article's countries does not beat a capital, a
city of a million people or a place five times its size elsewhere: "Paris" or "Geneva" in
an American article are still the European cities, unless the article names the town's
region (Texas, Illinois).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from redshank.where.gazetteer import AREA_KINDS, Gazetteer, Place, load_gazetteer, name_key

if TYPE_CHECKING:
    from redshank.where.mentions import PlaceMention

MAJOR_CITY = 1_000_000
LARGE_CITY = 100_000
OUTWEIGH_RATIO = 5
CUE_NAMES = {"city": "city", "admin1": "region", "country": "country"}
DATELINE_MARKS = frozenset({"-", "--", "—", "–", "("})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; `primary` when the name is the place's own name."""

    place: Place
    primary: bool


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen place and a human explanation of the choice."""

    place: Place
    reason: str


def prominence(candidate: Candidate) -> tuple[float, bool, int]:
    """Sort key: kind of place (one step lower when named by an alternate name), population.

    Kinds: country 4; capital 3.5; city or region of 1M+ people, continent, sea, river,
    mountain range or cross-border region 3; city of 100k+ people or a curated site 2.5;
    smaller admin1 region 2; smaller county or district 1.5; smaller town 1.
    """
    place = candidate.place
    if place.kind == "country":
        tier = 4.0
    elif place.kind == "city" and place.capital:
        tier = 3.5
    elif place.kind in AREA_KINDS or (place.kind in ("city", "admin1", "admin2")
                                      and place.population >= MAJOR_CITY):
        tier = 3.0
    elif place.kind == "site" or (place.kind == "city" and place.population >= LARGE_CITY):
        tier = 2.5
    else:
        tier = {"admin1": 2.0, "admin2": 1.5}.get(place.kind, 1.0)
    if not candidate.primary:
        tier -= 1.0
    return tier, candidate.primary, place.population


def is_major(place: Place) -> bool:
    """A country, a national capital, a city of a million people or an area (a sea)."""
    return place.kind in ("country", *AREA_KINDS) or (
        place.kind == "site" and place.country is None) or (
        place.kind == "city" and (place.capital or place.population >= MAJOR_CITY))


def is_minor(place: Place) -> bool:
    """A town or a county of under 100,000 people that is not a capital."""
    return (place.kind in ("city", "admin2") and not place.capital
            and place.population < LARGE_CITY)


def in_context(place: Place, context: Collection[str]) -> bool:
    return place.country in context or (place.admin1 is not None and place.admin1 in context)


def choose(candidates: Iterable[Candidate], context: Collection[str], *,
           qualifier: Place | None = None, cue: str | None = None) -> Choice:
    """The best candidate for a name given the article's context, with the reason."""
    pool = _distinct(candidates)
    if len(pool) == 1:
        return Choice(pool[0].place, "the only place of that name")
    notes: list[str] = []
    if qualifier is not None:
        narrowed = [c for c in pool if _within(c.place, qualifier)]
        if narrowed:
            pool = narrowed
            notes.append(f"qualified by '{qualifier.name}'")
    if cue is not None:
        narrowed = [c for c in pool if _fits_cue(c.place, cue, pool)]
        if narrowed:
            pool = narrowed
            notes.append(f"the text names a {CUE_NAMES[cue]}")
    namesakes = [region for region in pool if any(
        city.place.kind == "city" and _named_after(region.place, city.place)
        and (city.primary or not region.primary) for city in pool)]
    if namesakes and len(namesakes) < len(pool):
        pool = [c for c in pool if c not in namesakes]
        notes.append("a city rather than its namesake region")
    best = max(pool, key=prominence)
    decided = False
    if len(pool) > 1 and context:
        regional = [c for c in pool if c.place.admin1 in context]
        national = [c for c in pool if in_context(c.place, context)]
        inside = regional or national
        if inside:
            decided = True
            local = max(inside, key=prominence)
            if regional and local is not best and is_major(best.place) and in_context(
                    best.place, context):
                notes.append(f"a major place in the article's countries outweighs "
                             f"{local.place.describe()}")
            elif not regional and local is not best and is_minor(local.place) and (
                    is_major(best.place)
                    or best.place.population >= OUTWEIGH_RATIO * local.place.population):
                notes.append(f"a major place outweighs {local.place.describe()} in the "
                             "article's countries")
            else:
                where = local.place.admin1 if regional else local.place.country
                notes.append(f"in the article's {'regions' if regional else 'countries'} "
                             f"({where})")
                best = local
    if len(pool) > 1 and not decided:
        notes.append(f"most prominent of {len(pool)} places of that name")
    others = len(_distinct(candidates)) - 1
    reason = "; ".join(notes) if notes else "the only place left"
    return Choice(best.place, f"{reason} (over {others} other{'s' if others != 1 else ''})")


def resolve_ambiguous(mentions: list[PlaceMention], context_countries: Collection[str],
                      *, persons: Collection[str] = ()) -> list[PlaceMention]:
    """Mentions re-resolved with the article's countries (ISO3) and regions (ISO3.CODE).

    Two kinds of mention are dropped as people rather than places: a weak mention (a
    small town named with no locative cue) outside the article's countries, and a city
    (not a capital, under a million people) named by a word in `persons`, the article's
    surnames ("Bolton").
    """
    context = frozenset(context_countries)
    surnames = {name_key(name) for name in persons}
    resolved: list[PlaceMention] = []
    for mention in mentions:
        choice = choose(mention.candidates, context, qualifier=mention.qualifier,
                        cue=mention.cue)
        if mention.weak and is_minor(choice.place) and not in_context(choice.place, context):
            continue
        if (name_key(mention.text) in surnames and choice.place.kind == "city"
                and not is_major(choice.place)):
            continue
        resolved.append(mention.with_choice(choice))
    return resolved


def article_context(
    mentions: Iterable[PlaceMention],
    docs: Iterable[Doc] = (),
    actor_countries: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> set[str]:
    """The countries (ISO3) and regions (ISO3.CODE) an article names unambiguously.

    From the dateline ("KANDAHAR, Afghanistan (AP) -", "PARIS -": the place the article
    was filed from, as first resolved), place names that can only be in one country (or
    one region), their qualifiers, demonyms in the text ("French", "Iraqi"), and the
    countries of resolved actors.
    """
    gazetteer = gazetteer or load_gazetteer()
    context: set[str] = {code for code in actor_countries if code}
    docs = list(docs)
    for mention in mentions:
        if docs and _is_dateline(mention, docs[0]):
            context.update(code for code in (mention.place.country, mention.place.admin1)
                           if code and mention.place.kind != "country")
        if mention.weak:
            continue
        countries = {c.place.country for c in mention.candidates}
        if len(countries) == 1:
            context.update(code for code in countries if code)
        regions = {c.place.admin1 for c in mention.candidates}
        if mention.place.kind == "admin1" and len(regions) == 1 and mention.place.admin1:
            context.add(mention.place.admin1)
        if mention.qualifier is not None:
            context.add(mention.qualifier.country or "")
            if mention.qualifier.kind == "admin1" and mention.qualifier.admin1:
                context.add(mention.qualifier.admin1)
    for doc in docs:
        for token in doc:
            if token.text[:1].isupper():
                code = gazetteer.demonyms.get(name_key(token.text))
                if code:
                    context.add(code)
    context.discard("")
    return context


def _is_dateline(mention: PlaceMention, first: Doc) -> bool:
    """A place name opening the article and followed by a dash or "(Agency)"."""
    if mention.token_start != 0 or mention.span.start != 0:
        return False
    following = first[mention.token_end:mention.token_end + 4]
    return any(token.text in DATELINE_MARKS for token in following) and not any(
        token.is_alpha and token.is_lower for token in following[:1])


def _distinct(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Candidates with each place once, keeping its primary-name reading if any."""
    seen: dict[str, Candidate] = {}
    for candidate in candidates:
        known = seen.get(candidate.place.key)
        if known is None or (candidate.primary and not known.primary):
            seen[candidate.place.key] = candidate
    return list(seen.values())


def _fits_cue(place: Place, cue: str, pool: list[Candidate]) -> bool:
    """Whether a place is of the kind the text names ("province": a region).

    A county or district answers a region cue only when no province or country has the
    name: "Montenegro province" is not Montenegro county in Brazil.
    """
    if place.precision != cue:
        return False
    return place.kind != "admin2" or not any(
        c.place.kind in ("admin1", "country") for c in pool)


def _named_after(region: Place, city: Place) -> bool:
    """Whether the region is the admin1 or admin2 region around the city of its name."""
    if region.kind == "admin1":
        return city.admin1 == region.admin1
    return (region.kind == "admin2" and city.admin1 == region.admin1
            and city.admin2_name == region.name)


def _within(place: Place, container: Place) -> bool:
    if place.key == container.key or place.country != container.country:
        return False
    return container.kind == "country" or place.admin1 == container.admin1
