"""Troop facts: whose troops, how many, where, and what is done or said about them.

    a sentence's tokens (tokens.py) and actor mentions (context.py)
        -> troop phrases: a troop noun ("860 Polish soldiers", "police officers") or a
           group noun ("a contingent of 3,000", "a 3,000-strong force"), with its count
        -> links: a change cue and the troops it acts on (withdraw, depart, reduce,
           increase, deploy; station and remain for a standing presence)
        -> TroopFact: holder (possessor or nationality, subject, speaker), count, level,
           percent, change, status (refused, demanded, planned, announced, completed),
           by (the demander or another speaker), place, target date

A counted phrase with an owner and no change cue is a standing presence ("Poland's 900
troops in Iraq"); a count alone is not ("two soldiers were killed"). The reader
(reading.py) gives a clause whose troops are withdrawn or cut the topic withdrawal or
troop-levels (`links_in`) and takes target dates ("by 2008") from `target_in`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from redshank.actors.codes import country_name
from redshank.model import Actor, Span
from redshank.positions.context import DocContext, Party, party_of
from redshank.positions.lexicon import Lexicon, Match
from redshank.positions.tokens import SUBJECT_DEPS, Token, clause_window, lemma_key
from redshank.when import resolve_expression

TroopChange = Literal["deployment", "increase", "cut", "withdrawal"]
TroopStatus = Literal["announced", "planned", "completed", "demanded", "refused"]
CHANGE_OF_KIND: dict[str, TroopChange | None] = {
    "withdraw": "withdrawal", "depart": "withdrawal", "reduce": "cut", "increase": "increase",
    "deploy": "deployment", "arrive": "deployment", "station": None, "remain": None,
}  # fmt: skip
SUBJECT_KINDS = frozenset({"depart", "arrive", "remain"})  # the troops are the verb's subject
VERB_ONLY_KINDS = frozenset({"depart", "arrive", "remain", "station"})
# Words between a verb of leaving and "for" that tell when, not where ("left today, July
# 11, for East Timor", "left on Monday for Iraq"): the leaving is a departure to a place.
WHEN_TAGS = frozenset({"RB", "CD", ",", "DT", "JJ"})
WHEN_WORDS = frozenset(
    "on today yesterday tonight week month morning afternoon evening night monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split())
MAX_PHRASE_WORDS = 6  # modifiers before a troop noun: "about 860 additional Polish"
MAX_OBJECT_GAP = 9  # words from a verb to its troops: "withdraw all of its roughly 3,000"
MAX_ASIDE_WORDS = 8  # an aside between commas: ", over the next year,"
MAX_SUBJECT_GAP = 8  # words between troops and their verb: "in southern Iraq would be"
MAX_DATE_WORDS = 6  # words after a deadline word: "by the end of next year"
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
NUMBER_WORDS |= {word: 10 * (n + 2) for n, word in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
COUNT_WORDS = frozenset(
    "about around some over nearly almost roughly approximately than at least just only "
    "another additional extra more new all".split())
MORE_WORDS = frozenset({"more", "additional", "extra", "another"})
SIZE_NOUNS = frozenset({"number", "numbers", "size", "strength", "level", "levels", "total"})
# Troops someone holds captive are prisoners, not a force ("repatriate captured fighters").
CAPTIVE_WORDS = frozenset({"captured", "detained", "imprisoned", "jailed", "kidnapped",
                           "abducted", "arrested", "interned", "surrendered"})
PROPER = frozenset({"NNP", "NNPS"})  # "the Green Brigade" names a group, not troops
PHRASE_TAGS = frozenset({"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NNP", "NNPS", "NN",
                         "POS", "HYPH", "VBG", "VBN"})
OWNER_TAGS = frozenset({"NNP", "NNPS", "JJ", "POS", "NN"})
PLACE_WORDS = frozenset({"in", "into", "to", "from", "inside", "at"})
PRESENCE_PLACE_WORDS = frozenset({"in", "inside", "at", "on"})
# where troops are, go or leave, by change: "from the Netherlands" is not where they are
PLACE_WORDS_OF: dict[TroopChange | None, frozenset[str]] = {
    None: PRESENCE_PLACE_WORDS, "cut": PRESENCE_PLACE_WORDS,
    "deployment": frozenset({"to", "into", "in", "inside", "at"}),
    "increase": frozenset({"to", "into", "in", "inside", "at"}),
    "withdrawal": frozenset({"from", "in", "out"}),
}
PREPOSITIONS = frozenset({"in", "of", "from", "with", "for", "at", "on", "by", "into"})
NOT_SUBJECT_AFTER = PLACE_WORDS | {"of", "with", "against", "by", "out"}
SUBJECT_RELATIVES = frozenset({"which", "who", "that"})  # "Korea, which has 3,200 soldiers"
CONDITION_WORDS = frozenset({"if", "unless"})
GOVERNED_WORDS = frozenset({"that", "on", "upon", "for", ","})
GAP_WORDS = frozenset({"in", "from", "at", "inside", "on", "across", "to"})
PERCENT_WORDS = frozenset({"percent", "%", "per"})
NEGATION_KEYS = frozenset(map(lemma_key, ("not", "never", "without")))  # "without sending"
MODAL_KEYS = frozenset(map(lemma_key, ("will", "would", "shall")))
OBLIGATION_KEYS = frozenset(map(lemma_key, ("should", "must", "ought", "need")))
AUXILIARY_KEYS = frozenset(map(lemma_key, ("be", "have", "get")))
# verbs that may stand between troops and their verb: "troops are expected to leave"
GAP_VERB_KEYS = AUXILIARY_KEYS | frozenset(map(lemma_key, ("expect", "plan", "set",
                                                           "schedule")))
PAST_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})
YEAR = re.compile(r"^(1[89]|2[01])\d\d$")
THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
STRONG = re.compile(r"-strong$", re.IGNORECASE)
_WITHIN = re.compile(r"^within (?:the next )?(.+)$")
_DEADLINE = re.compile(r"^(?:before|till|no later than)\b")
_THE_PERIOD = re.compile(r"\bthe (year|month)\b")
_YEAR_END = re.compile(r"\b(?:the )?(?:year[- ]end|end[- ]of[- ]year)\b")
_END_DASH = re.compile(r"\bend-(\d{4})\b")
_END_OF = re.compile(r"\b(?<!the )end of\b")


@dataclass(frozen=True, slots=True)
class Target:
    """A target date stated for an action ("by 2008"): the words as written, the last day
    they name, and where they are in the document."""

    text: str
    day: date
    span: Span


@dataclass(frozen=True, slots=True)
class TroopPhrase:
    """Troops named in a sentence: tokens [first, last], the noun at `head`, the unit as the
    lexicon writes it ("soldiers"), the count of troops and whether they are more troops."""

    first: int
    head: int
    last: int
    unit: str
    count: int | None
    more: bool
    owned: bool  # a possessive ("Poland's", "its") before the count or noun


@dataclass(frozen=True, slots=True)
class TroopLink:
    """A change cue and the troops it acts on; one of them may be missing (a presence with
    no verb, "will not withdraw" with no troops named)."""

    change: TroopChange | None
    cue: Match | None
    troops: TroopPhrase | None

    @property
    def anchor(self) -> int:
        """The token the fact is about: the cue, else the troop noun."""
        if self.cue is not None:
            return self.cue.first
        assert self.troops is not None
        return self.troops.head


@dataclass(frozen=True, slots=True)
class TroopFact:
    """What a sentence says about one state's troops.

    `holder` is the state (or organisation) whose troops they are; `count` how many troops
    the sentence says are there or move ("860", "about 3,000", "by 300"), `level` the size
    a change leads to ("to 5,500") and `percent` a change by a share ("by 10 percent");
    `change` is None for a standing presence. `status` says whether it is announced,
    planned (or possible), completed (done, or in place), demanded by a third party (`by`)
    or refused; `by` is whoever states or demands it when that is not the holder. `place`
    is the country code of where the troops are, go or leave ("in Iraq", "from Iraq").
    """

    holder: Party
    count: int | None
    unit: str
    change: TroopChange | None
    status: TroopStatus
    by: Party | None
    place: str | None
    target: Target | None
    doc_id: str
    sentence_index: int
    span: Span
    trigger: str
    level: int | None = None
    percent: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Demand:
    """A third party's demand that someone act: the demand words, who demands it (None
    when not named) and their side (None for a generic agent: "kidnappers")."""

    cue: Match
    demander: Actor | None
    party: Party | None


def demand_on(ctx: DocContext, index: int, lexicon: Lexicon, at: int) -> Demand | None:
    """The demand that governs token `at` of sentence `index` ("demanded that Japan",
    "urged Germany", "called on Ukraine"), if any."""
    tokens = ctx.tokens(index)
    return _SentenceReader(ctx, index, tokens, lexicon).demand_before(at) if tokens else None


def unowned_troops(tokens: Sequence[Token], lexicon: Lexicon, first: int, last: int) -> bool:
    """True when tokens[first:last+1] name troops by where they are, not by whose they are
    ("soldiers in southern Iraq", "the peacekeepers"): no nationality or possessive
    before the troop noun."""
    for phrase in troop_phrases(tokens, lexicon):
        if first <= phrase.head <= last:
            return not any(_names_owner(tokens[i])
                           for i in range(max(first, phrase.first), phrase.head))
    return False


def _names_owner(token: Token) -> bool:
    """A proper name, a nationality or a possessive: "Poland", "Polish", "its"."""
    return token.tag in ("NNP", "NNPS", "POS", "PRP$") or (
        token.tag == "JJ" and token.text[:1].isupper())


def read_document_troops(ctx: DocContext, lexicon: Lexicon) -> list[TroopFact]:
    """The troop facts of every parsed sentence of a document."""
    return [fact for index in ctx.sentences for fact in read_troops(ctx, index, lexicon)]


def read_troops(ctx: DocContext, index: int, lexicon: Lexicon) -> list[TroopFact]:
    """The troop facts of sentence `index`, in text order."""
    tokens = ctx.tokens(index)
    if not tokens:
        return []
    links = links_in(tokens, lexicon, previous=ctx.tokens(index - 1))
    reader = _SentenceReader(ctx, index, tokens, lexicon)
    facts = [fact for link in links if (fact := reader.fact(link)) is not None]
    return sorted(facts, key=lambda f: f.span.start)


# --- troop phrases and the cues that act on them ------------------------------------


def _longest(matches: Sequence[Match]) -> list[Match]:
    """Matches none of which shares a word with a longer (or earlier) one, in text order."""
    kept: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-m.size, m.first)):
        words = set(range(match.first, match.last + 1))
        if not words & taken:
            taken |= words
            kept.append(match)
    return sorted(kept, key=lambda m: m.first)


def number_at(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """The number written at tokens[index] ("3,000", "1.5 million", "two", "a
    3,000-strong", "2.400" with dots between thousands as German and Italian reports write
    it) and the index of its last token; None when there is none."""
    word = STRONG.sub("", tokens[index].text.lower()).replace(",", "")
    value: float | None = None
    multiplied = index + 1 < len(tokens) and tokens[index + 1].text.lower() in MULTIPLIERS
    if THOUSANDS_DOTS.fullmatch(word) and not multiplied:  # "2.400 personnel": 2,400
        value = float(word.replace(".", ""))
    elif re.fullmatch(r"\d+(\.\d+)?", word):
        value = float(word)
    elif word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
    elif "-" in word and all(part in NUMBER_WORDS for part in word.split("-")):
        value = sum(NUMBER_WORDS[part] for part in word.split("-"))
    if value is None:
        return None
    last = index
    while last + 1 < len(tokens) and tokens[last + 1].text.lower() in MULTIPLIERS:
        value *= MULTIPLIERS[tokens[last + 1].text.lower()]
        last += 1
    return value, last


def _is_year(tokens: Sequence[Token], index: int) -> bool:
    return bool(YEAR.match(tokens[index].text))


def troop_phrases(tokens: Sequence[Token], lexicon: Lexicon) -> list[TroopPhrase]:
    """The troops named in a sentence: each troop or group noun with its modifiers and
    count; a group noun with "of" and troops after it is one phrase ("a contingent of
    3,000 peacekeepers"), and so is a troop noun with the nouns it compounds with ("troop
    level", "troop presence"). A group noun in a name is no troops ("the Green Brigade")
    unless a size comes with it ("the 1,990-strong United Nations Interim Force")."""
    nouns = _longest([m for m in (*lexicon.cue("troop-noun", tokens),
                                  *lexicon.cue("troop-group", tokens))
                      if tokens[m.last].tag.startswith("NN") and not (
                          m.phrase.label == "troop-group" and tokens[m.last].tag in PROPER
                          and not _sized(tokens, max(0, m.first - MAX_PHRASE_WORDS),
                                         m.first))])
    cue_words = {i for m in change_cues(tokens, lexicon) for i in range(m.first, m.last + 1)}
    phrases: list[TroopPhrase] = []
    at = 0
    while at < len(nouns):
        noun = nouns[at]
        at += 1
        if phrases and noun.first <= phrases[-1].last:
            continue
        first, count, more, owned = _modifiers(tokens, noun.first, cue_words)
        if any(t.text.lower() in CAPTIVE_WORDS for t in tokens[max(0, first - 1):noun.first]):
            continue  # "captured soldiers", "300 detained fighters": captives
        if noun.phrase.label == "troop-group":
            troops = nouns[at] if at < len(nouns) else None
            if troops is not None and troops.phrase.label == "troop-noun" and \
                    _of_modifiers(tokens, noun.last, troops.first):
                _, count, more_troops, _ = _modifiers(tokens, troops.first, cue_words)
                phrases.append(TroopPhrase(first, troops.first, troops.last,
                                           troops.phrase.text.lstrip("="), count,
                                           more or more_troops, owned))
                at += 1
                continue
            count = count if _sized(tokens, first, noun.first) else None  # "two battalions"
            last = noun.last
            if (of := _of_count(tokens, noun.last)) is not None:
                count, last = int(of[0]), of[1]
            phrases.append(TroopPhrase(first, noun.first, last, "troops", count, more, owned))
            continue
        last = noun.last
        while last + 1 < len(tokens) and tokens[last + 1].tag in ("NN", "NNS") and \
                last + 1 not in cue_words and last - noun.last < 2:
            last += 1
        phrases.append(TroopPhrase(first, noun.first, last, noun.phrase.text.lstrip("="),
                                   count, more, owned))
    return phrases


def _sized(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when a size ("3,000-strong") stands in tokens[start:end]: a group counted by
    it ("a 3,000-strong contingent"; "two battalions" counts battalions, not troops), a
    force named with it ("the 1,990-strong United Nations Interim Force")."""
    return any(STRONG.search(t.text) for t in tokens[start:end])


def _modifiers(tokens: Sequence[Token], head: int, cue_words: set[int]
               ) -> tuple[int, int | None, bool, bool]:
    """Where the words before a troop noun start, their count (the first number: "1,000
    of its 3,000 troops" is 1,000), whether they say more troops ("500 more"), and whether
    a possessive owns the count ("Poland's 900", not "two of Poland's")."""
    first = head
    while first > 0 and head - first < MAX_PHRASE_WORDS:
        token, word = tokens[first - 1], tokens[first - 1].text.lower()
        if first - 1 in cue_words:
            break
        if word == "of" and first >= 2 and (number_at(tokens, first - 2) is not None
                                            or tokens[first - 2].text.lower() in COUNT_WORDS):
            first -= 2
            continue
        if word == "to" and first >= 2 and tokens[first - 2].text.lower() == "up":
            first -= 2
            continue
        if word == ")" and first >= 3 and tokens[first - 2].tag in PROPER and \
                tokens[first - 3].text == "(":
            first -= 3  # a name's abbreviation: "the African Union (AU) force"
            continue
        if token.tag not in PHRASE_TAGS and word not in COUNT_WORDS:
            break
        first -= 1
    count = count_at = owner_at = None
    more = False
    for at in range(first, head):
        word = tokens[at].text.lower()
        if tokens[at].tag in ("POS", "PRP$") and owner_at is None:
            owner_at = at
        if word in MORE_WORDS and not (at + 1 < head and tokens[at + 1].text.lower() == "than"):
            more = True
        if count is None and (number := number_at(tokens, at)) is not None:
            count, count_at = int(number[0]), at
    owned = owner_at is not None and (count_at is None or count_at > owner_at)
    return first, count, more, owned


def _of_modifiers(tokens: Sequence[Token], group_last: int, troops_first: int) -> bool:
    """True when only "of" and a count stand between a group noun and troops: "contingent
    of (about) 3,000 soldiers"."""
    between = tokens[group_last + 1:troops_first]
    return bool(between) and between[0].text.lower() == "of" and len(between) <= 4 and all(
        t.tag in ("CD", "JJ", "NNP", "NNPS") or t.text.lower() in COUNT_WORDS
        for t in between[1:])


def _of_count(tokens: Sequence[Token], last: int) -> tuple[float, int] | None:
    """The count of a group noun given after it: "a contingent of (about) 3,000"."""
    at = last + 1
    if at >= len(tokens) or tokens[at].text.lower() != "of":
        return None
    at += 1
    while at < len(tokens) and tokens[at].text.lower() in COUNT_WORDS:
        at += 1
    return number_at(tokens, at) if at < len(tokens) else None


def links_in(tokens: Sequence[Token], lexicon: Lexicon, start: int = 0, end: int | None = None,
             previous: Sequence[Token] = ()) -> list[TroopLink]:
    """The troop changes and presences of a sentence whose cue (or troop noun) is in
    tokens[start:end]. `previous` are the previous sentence's tokens: troops named there
    let a withdrawal go without naming them again ("It will not withdraw")."""
    end = len(tokens) if end is None else end
    phrases = troop_phrases(tokens, lexicon)
    cues = change_cues(tokens, lexicon)
    used: set[int] = set()
    links: list[TroopLink] = []
    for cue in cues:
        kind = cue.phrase.label
        window = clause_window(tokens, cue.first)
        troops = _acted_on(tokens, cue, phrases, window, used)
        if troops is None:
            if kind == "withdraw" and _withdraws_alone(tokens, cue, window, phrases,
                                                        previous, lexicon):
                links.append(TroopLink("withdrawal", cue, None))
            continue
        used.add(troops.head)
        used.update(_amount_phrases(tokens, troops, cue, window, phrases))
        change = CHANGE_OF_KIND[kind]
        if kind == "depart" and _leaves_for(tokens, cue, window) is not None:
            change = "deployment"  # "left for East Timor", "left today for Iraq"
        if change == "deployment" and troops.more:
            change = "increase"
        links.append(TroopLink(change, cue, troops))
    links.extend(TroopLink(None, None, p) for p in phrases
                 if p.head not in used and p.count is not None
                 and (p.owned or _states_size(tokens, p, lexicon)))
    links = [link for link in links
             if link.change is not None or _counted_or_placed(tokens, link)]
    return sorted((link for link in links if start <= link.anchor < end),
                  key=lambda link: link.anchor)


def _states_size(tokens: Sequence[Token], phrase: TroopPhrase, lexicon: Lexicon) -> bool:
    """True when counted troops named by their country or organisation are the whole force
    it has there, not some of them: the count is definite ("the 2,000 African Union
    troops"), said to exist ("there are 3,400 Burundi and Uganda troops") or the size of a
    body of troops ("the AU force of 7,000", "a 900-strong Polish contingent"); never in a
    clause that harms or holds them ("the 12 Polish soldiers killed")."""
    if not any(_names_owner(tokens[i]) for i in range(phrase.first, phrase.head)):
        return False
    window = clause_window(tokens, phrase.head)
    if lexicon.cue("harm", tokens, *window):
        return False
    before = phrase.first - 1
    exists = before >= 1 and tokens[before].key == "be" and \
        tokens[before - 1].text.lower() == "there"
    group = bool(lexicon.cue("troop-group", tokens, phrase.head, phrase.head + 1))
    return exists or group or tokens[phrase.first].text.lower() == "the"


def _leaves_for(tokens: Sequence[Token], cue: Match, window: tuple[int, int]) -> int | None:
    """The index of "for" when a verb of leaving is followed by it, after nothing or only
    words of when ("left for East Timor", "left today, July 11, for three months in East
    Timor", "left on Monday for Iraq"): a departure to a place, not a withdrawal; None
    otherwise, and for "left for home"."""
    at = cue.last + 1
    while at < window[1] and (tokens[at].tag in WHEN_TAGS
                              or tokens[at].text.lower() in WHEN_WORDS):
        at += 1
    if at >= window[1] or tokens[at].text.lower() != "for":
        return None
    return None if at + 1 < len(tokens) and tokens[at + 1].text.lower() == "home" else at


def _counted_or_placed(tokens: Sequence[Token], link: TroopLink) -> bool:
    """A presence says something only with a count or a place ("has 460 soldiers", "keep
    its troops in East Timor"), not "have its troops face" or "maintained troop
    positions"."""
    troops = link.troops
    if troops is None:
        return False
    last = max(troops.last, link.cue.last if link.cue else troops.last)
    if troops.count is not None:
        return True
    at = last + 1
    if at >= len(tokens) or tokens[at].text.lower() not in PRESENCE_PLACE_WORDS:
        return False
    at += 1
    while at < len(tokens) and tokens[at].tag in ("DT", "JJ"):
        at += 1
    return at < len(tokens) and tokens[at].tag in PROPER


def change_cues(tokens: Sequence[Token], lexicon: Lexicon) -> list[Match]:
    """The change cues of a sentence (withdraw, reduce, deploy, ...), longest first,
    none sharing a word, in text order."""
    return _longest([m for kind in CHANGE_OF_KIND for m in lexicon.cue(kind, tokens)
                     if _is_cue_form(tokens, m)])


def change_at(tokens: Sequence[Token], lexicon: Lexicon, index: int) -> TroopChange | None:
    """The change a cue at token `index` names, if one does ("withdraw": withdrawal)."""
    return next((CHANGE_OF_KIND[m.phrase.label] for m in change_cues(tokens, lexicon)
                 if m.first <= index <= m.last), None)


def _is_cue_form(tokens: Sequence[Token], cue: Match) -> bool:
    """Change cues are verbs, or nouns for the kinds that have them ("withdrawal"); a verb
    of keeping before another verb is an auxiliary ("have left", "keep fighting"), one of
    staying before a noun an adjective ("the remaining troops")."""
    token, kind = tokens[cue.first], cue.phrase.label
    after = cue.last + 1
    while after < len(tokens) and tokens[after].tag == "RB":
        after += 1
    following = tokens[after].tag if after < len(tokens) else ""
    if kind == "station" and following in ("VBN", "VBG", "VBD", "TO"):
        return False
    if kind == "remain" and (following.startswith("NN") or following in ("JJ", "CD")):
        return False
    return token.tag.startswith("VB") or (token.tag.startswith("NN")
                                          and kind not in VERB_ONLY_KINDS)


def _is_passive(tokens: Sequence[Token], cue: Match) -> bool:
    """True for a participle after "be" or "get": "would be withdrawn", "got cut"."""
    if tokens[cue.first].tag != "VBN":
        return False
    before = [t for t in tokens[max(cue.first - 3, 0):cue.first] if t.tag != "RB"]
    return bool(before) and before[-1].key in AUXILIARY_KEYS - {lemma_key("have")}


def _acted_on(tokens: Sequence[Token], cue: Match, phrases: Sequence[TroopPhrase],
              window: tuple[int, int], used: set[int]) -> TroopPhrase | None:
    """The troops a change cue acts on: its object ("withdraw its 550 soldiers"), or its
    subject for passives and verbs of troops moving ("troops would be withdrawn", "the
    last troops left"), or the noun it compounds with ("troop withdrawal")."""
    kind = cue.phrase.label
    free = [p for p in phrases if p.head not in used and window[0] <= p.head < window[1]]
    if tokens[cue.first].tag.startswith("NN"):
        compound = [p for p in free if p.last + 1 == cue.first]
        if compound:
            return compound[0]
        after = _object(tokens, cue, free)
        return after if after is not None and tokens[cue.last + 1].text.lower() == "of" \
            else None
    if _is_passive(tokens, cue):
        return _subject(tokens, cue, free) or _parsed_subject(tokens, cue, phrases, used)
    if kind in SUBJECT_KINDS:
        return _subject(tokens, cue, free)
    found = _object(tokens, cue, free)
    if found is None and kind == "withdraw" and not _has_object(tokens, cue):
        found = _subject(tokens, cue, free)  # "the troops pulled out"
    return found


def _object(tokens: Sequence[Token], cue: Match, free: Sequence[TroopPhrase]
            ) -> TroopPhrase | None:
    after = [p for p in free if p.head > cue.first]
    if not after:
        return None
    phrase = after[0]
    if phrase.last < cue.last:
        return phrase  # inside a cue with words between: "pull its troops out"
    between = tokens[cue.last + 1:phrase.first]
    gap = phrase.head - cue.last
    if len(between) >= 2 and between[0].text == "," and between[-1].text == "," and \
            len(between) <= MAX_ASIDE_WORDS:
        gap -= len(between)  # an aside: "withdraw, over the next year, its 900 troops"
        between = []
    words = [t.text.lower() for t in (tokens[cue.last], *between)]
    if words[-2:] == ["out", "of"]:
        return None  # what troops pull out of is where they leave: "out of the force"
    if _size_of(between):
        between = []  # "reduce the number of its troops": the change acts on the troops
    allowed = all(t.tag in ("RP", "RB") or t.text.lower() in ("home", "back", "out", "of")
                  for t in between)
    return phrase if allowed and len(between) <= 2 and gap <= MAX_OBJECT_GAP else None


def _size_of(words: Sequence[Token]) -> bool:
    """True for words that name the size of what follows them: "the number of", "the
    size of", "its strength of"."""
    names = [t.text.lower() for t in words]
    if names[:1] and words[0].tag in ("DT", "PRP$"):
        names = names[1:]
    return len(names) == 2 and names[0] in SIZE_NOUNS and names[1] == "of"


def _has_object(tokens: Sequence[Token], cue: Match) -> bool:
    """True when a noun phrase (not troops) follows a verb: "withdraw its ambassador"."""
    at = cue.last + 1
    while at < len(tokens) and tokens[at].tag == "RP":
        at += 1
    return at < len(tokens) and tokens[at].tag in ("DT", "PRP$", "NN", "NNS", "CD", "PRP")


def _subject(tokens: Sequence[Token], cue: Match, free: Sequence[TroopPhrase]
             ) -> TroopPhrase | None:
    before = [p for p in free if p.last < cue.first]
    if not before:
        return None
    phrase = before[-1]
    between = tokens[phrase.last + 1:cue.first]
    if len(between) > MAX_SUBJECT_GAP or (
            phrase.first > 0 and tokens[phrase.first - 1].text.lower() in PREPOSITIONS):
        return None  # "the length of service in the Russian Forces was cut"
    for token in between:
        word = token.text.lower()
        if token.tag.startswith("VB") and token.key not in GAP_VERB_KEYS:
            return None
        if token.tag == "IN" and word not in GAP_WORDS:
            return None
        if token.tag not in ("MD", "RB", "TO", "IN", "DT", "JJ", "NNP", "NNPS", "CC", "POS",
                             ",") and not token.tag.startswith("VB"):
            return None
    return phrase


def _parsed_subject(tokens: Sequence[Token], cue: Match, phrases: Sequence[TroopPhrase],
                    used: set[int]) -> TroopPhrase | None:
    """Troops the parse makes a passive verb's subject across an aside that the word rules
    do not cross ("The Ugandan troops, 400 of whom arrived on Tuesday, were deployed")."""
    return next((p for p in phrases if p.head not in used and p.head < cue.first
                 and tokens[p.head].dep in SUBJECT_DEPS and tokens[p.head].head == cue.first),
                None)


def _withdraws_alone(tokens: Sequence[Token], cue: Match, window: tuple[int, int],
                     phrases: Sequence[TroopPhrase], previous: Sequence[Token],
                     lexicon: Lexicon) -> bool:
    """A withdrawal that names no troops ("will not withdraw", "the withdrawal from
    Iraq"): no other object follows, and troops are named before it in the sentence or in
    the previous one."""
    if any(t.tag in ("PRP", "DT", "NN", "NNS", "NNP", "CD")
           for t in tokens[cue.first + 1:cue.last]):
        return False  # an object inside the cue: "pulled them back"
    at = cue.last + 1
    while at < len(tokens) and tokens[at].tag == "RP":
        at += 1
    if at < window[1] and tokens[at].text.lower() in ("from", "of", "out"):
        place = at + 1
        while place < window[1] and tokens[place].tag in ("IN", "DT", "JJ"):
            place += 1
        if place >= window[1] or tokens[place].tag not in ("NNP", "NNPS"):
            return False
    elif at < window[1] and tokens[at].tag in ("DT", "PRP$", "NN", "NNS", "CD", "PRP"):
        return False
    named_before = any(p.last < cue.first for p in phrases)
    named_previously = bool(previous) and bool(
        lexicon.cue("troop-noun", previous) or lexicon.cue("troop-group", previous))
    return named_before or named_previously


def _amount_phrases(tokens: Sequence[Token], troops: TroopPhrase, cue: Match,
                    window: tuple[int, int], phrases: Sequence[TroopPhrase]) -> set[int]:
    """Heads of troop phrases that are a change's amount ("to 1,000 soldiers")."""
    after = max(troops.last, cue.last) + 1
    return {p.head for p in phrases if after <= p.first < window[1]
            and p.first > 0 and tokens[p.first - 1].text.lower() in ("to", "by")
            and p.count is not None}


def governs(tokens: Sequence[Token], cue_last: int, at: int) -> bool:
    """True when a demand word ending at `cue_last` takes token `at` as what it asks of:
    at most three words between them, each "that", "on", "for", a determiner or a
    possessive ("demanded that the Philippines", "called on Ukraine", "urged Germany")."""
    between = tokens[cue_last + 1:at]
    return len(between) <= 3 and all(
        t.text.lower() in GOVERNED_WORDS or t.tag in ("DT", "PRP$") for t in between)


# --- counts, places, dates ------------------------------------------------------------


def amounts(tokens: Sequence[Token], after: int, end: int, phrases: Sequence[TroopPhrase]
            ) -> tuple[int | None, int | None, float | None]:
    """The change's amounts written after a troop phrase or cue: "by N" (a count), "by N
    percent", "to N (troops)" (the level it leads to); a year ("by 2008") is a target and
    a number of something else ("to 18 months") no amount."""
    count = level = None
    percent: float | None = None
    at = after
    while at < end - 1:
        word = tokens[at].text.lower()
        at += 1
        if word not in ("by", "to"):
            continue
        while at < end and tokens[at].text.lower() in COUNT_WORDS:
            at += 1
        number = number_at(tokens, at) if at < end else None
        if number is None or (number[1] == at and _is_year(tokens, at)
                              and not _noun_follows(tokens, at)):
            continue
        value, at = number
        if _noun_follows(tokens, at) and tokens[at + 1].text.lower() not in PERCENT_WORDS \
                and not any(p.first <= at + 1 <= p.last for p in phrases):
            continue  # "cut to 18 months"
        if word == "to":
            level = int(value)
        elif at + 1 < end and tokens[at + 1].text.lower() in PERCENT_WORDS:
            percent = value
        else:
            count = int(value)
    return count, level, percent


def _noun_follows(tokens: Sequence[Token], at: int) -> bool:
    return at + 1 < len(tokens) and tokens[at + 1].tag in ("NN", "NNS")


def target_in(text: str, tokens: Sequence[Token], lexicon: Lexicon, start: int, end: int,
              published: date | None, *, future: bool = True, offset: int = 0
              ) -> Target | None:
    """The first target date in tokens[start:end]: a deadline word ("by", "before",
    "until", "within") and the longest date expression after it that redshank.when
    resolves against the publication date. A future target must not end before
    publication ("reduce by 2000" is no target in 2007); `offset` is the sentence's."""
    for cue in lexicon.cue("deadline", tokens, start, end):
        for last in range(min(cue.last + MAX_DATE_WORDS, end - 1), cue.last, -1):
            if not tokens[last].is_word or (_noun_follows(tokens, last)
                                            and number_at(tokens, last) is not None):
                continue
            words = text[tokens[cue.first].start:tokens[last].end]
            resolved = resolve_expression(_resolvable(words), published, future=future)
            if resolved is None:
                continue
            if future and published is not None and resolved.end < published:
                break
            return Target(words, resolved.end, Span(offset + tokens[cue.first].start,
                                                    offset + tokens[last].end))
    return None


def _resolvable(words: str) -> str:
    """A deadline expression in the words redshank.when resolves: "within six months" is
    "six months from now", "by the end of the year" is "by the end of this year"."""
    flat = " ".join(words.lower().split())
    within = _WITHIN.match(flat)
    if within:
        return f"{within[1]} from now"
    flat = _DEADLINE.sub("by", flat)
    flat = _YEAR_END.sub("the end of this year", flat)
    flat = _END_DASH.sub(r"the end of \1", flat)
    flat = _END_OF.sub("the end of", flat)
    return _THE_PERIOD.sub(r"this \1", flat)


# --- facts ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    actor: Actor
    party: Party | None
    first: int
    last: int


def _owner(mention: _Mention, phrases: Sequence[TroopPhrase]) -> Party | None:
    """Whose troops a mention names: for troops named with their nationality, its
    country ("Russian peacekeepers", "the British Armed Forces" are that country's,
    whatever body the coder files them under); else its side (NATO, a state)."""
    country = mention.actor.country
    troops = any(mention.first <= p.head <= mention.last for p in phrases)
    if troops and country and (mention.party is None or mention.party.type != "state"):
        return Party(country, country_name(country), "state")
    return mention.party


class _SentenceReader:
    """Reads the facts of one sentence: its tokens, mentions and speaker."""

    def __init__(self, ctx: DocContext, index: int, tokens: Sequence[Token],
                 lexicon: Lexicon) -> None:
        self.ctx, self.index, self.tokens, self.lexicon = ctx, index, tokens, lexicon
        self.text, self.offset = ctx.sentence(index)
        self.phrases = troop_phrases(tokens, lexicon)
        # the coder's actors name the country of a pronoun ("It") or a generic agent
        resolved = {(a.span.start, a.span.end): a for e in ctx.events_in(index)
                    for a in (*e.actor, *e.recipient) if a.text.strip()}
        mentioned = {(a.span.start, a.span.end): a for a, _, _ in ctx.mentions_in(index)}
        self.mentions: list[_Mention] = []
        for span, actor in {**resolved, **mentioned}.items():
            start, end = span[0] - self.offset, span[1] - self.offset
            inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
            if inside:
                known = resolved.get(span, actor)
                self.mentions.append(_Mention(actor, party_of(known), inside[0], inside[-1]))

    def fact(self, link: TroopLink) -> TroopFact | None:
        tokens, cue, troops = self.tokens, link.cue, link.troops
        window = clause_window(tokens, link.anchor)
        reasons: list[str] = []
        if cue is not None:
            reasons.append(f"change {link.change or 'presence'}: "
                           f"'{self._words(cue.first, cue.last)}' ({cue.phrase.source})")
        if troops is not None:
            reasons.append(f"troops: '{self._words(troops.first, troops.last)}'")
        holder = self._holder(link)
        if holder is None:
            return None
        party, holder_at, why = holder
        reasons.append(why)
        status = self._status(link, window, party, holder_at)
        if status is None:
            return None
        state, demander, status_why = status
        reasons.append(status_why)
        ends = [t.last for t in (cue, troops) if t is not None]
        firsts = [t.first for t in (cue, troops) if t is not None]
        count, level, percent = amounts(tokens, max(ends) + 1, window[1], self.phrases)
        if count is None and troops is not None:
            count = troops.count
        place = self._place(link, window[1])
        if place is not None:
            reasons.append(f"place {place[0]}: '{place[1]}'")
        target = target_in(self.text, tokens, self.lexicon, window[0], window[1],
                           self.ctx.published, future=state != "completed",
                           offset=self.offset)
        if target is not None:
            reasons.append(f"target {target.day}: '{target.text}'")
        by = demander if state == "demanded" else self._other_speaker(link, party)
        start, end = tokens[min(firsts)].start, tokens[max(ends)].end
        return TroopFact(
            holder=party, count=count, unit=troops.unit if troops else "troops",
            change=link.change, status=state, by=by,
            place=place[0] if place else None, target=target, doc_id=self.ctx.doc_id,
            sentence_index=self.index, span=Span(self.offset + start, self.offset + end),
            trigger=self.text[start:end], level=level, percent=percent,
            reasons=tuple(reasons))  # fmt: skip

    def _words(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start:self.tokens[last].end]

    def _holder(self, link: TroopLink) -> tuple[Party, int | None, str] | None:
        """Whose troops: the possessor or nationality of the troop phrase ("Poland's",
        "Polish"); for "its" troops and active verbs, the subject; else the speaker."""
        troops, cue = link.troops, link.cue
        if troops is not None:
            for mention in reversed(self.mentions):
                owns = [i for i in range(max(mention.first, troops.first),
                                         min(mention.last + 1, troops.head))
                        if self.tokens[i].tag in OWNER_TAGS]
                party = _owner(mention, self.phrases)
                if owns and party is not None:
                    return (party, mention.first,
                            f"holder {party.key}: '{mention.actor.text}' names whose troops")
        if cue is not None and cue.first > 0 and self.tokens[cue.first - 1].tag == "POS":
            owner = self._mention_before(cue.first - 1)  # "Poland's withdrawal"
            if owner is not None and owner.party is not None:
                return owner.party, owner.first, f"holder {owner.party.key}: " \
                                                 f"'{owner.actor.text}' names whose troops"
        acts_on_subject = cue is None or (troops is not None and troops.last < cue.first)
        pronoun = troops is not None and any(
            self.tokens[i].tag == "PRP$" for i in range(troops.first, troops.head))
        if not acts_on_subject or pronoun:
            at = troops.first if acts_on_subject and troops is not None else link.anchor
            subject = self._mention_before(at)
            party = _owner(subject, self.phrases) if subject is not None else None
            if subject is not None and party is not None:
                return party, subject.first, f"holder {party.key}: the subject " \
                                             f"'{subject.actor.text}'"
        speaker = self.ctx.speaker_of(self.index, self.lexicon,
                                      before=self.tokens[link.anchor].start)
        if speaker is not None and (party := party_of(speaker)) is not None:
            return party, None, f"holder {party.key}: the speaker {speaker.name}"
        return self._event_actor(link)

    def _event_actor(self, link: TroopLink) -> tuple[Party, int | None, str] | None:
        """The named actor the coder gave the event at the cue ("It will not withdraw":
        the country "It" stands for); never an actor it implied."""
        if link.cue is None:
            return None
        start, end = self.tokens[link.cue.first].start, self.tokens[link.cue.last].end
        for event in self.ctx.events_in(self.index):
            span = event.evidence.span
            if event.actor_inferred or not (span.start - self.offset < end
                                            and start < span.end - self.offset):
                continue
            for actor in event.actor:
                if actor.text.strip() and (party := party_of(actor)) is not None:
                    return party, None, f"holder {party.key}: the event's actor " \
                                        f"'{actor.text}' ({event.event})"
        return None

    def _mention_before(self, at: int, *, demander: bool = False) -> _Mention | None:
        """The nearest named actor with a side in the clause before token `at` that is
        neither a place ("in Iraq") nor troops themselves ("soldiers in Iraq"). For a
        `demander`, any actor ("kidnappers") but a verb's object ("militants holding the
        hostage demanded")."""
        tokens = self.tokens
        start = clause_window(tokens, at)[0]
        for mention in sorted(self.mentions, key=lambda m: -m.last):
            if mention.last >= at or (mention.party is None and not demander):
                continue
            if mention.last < start:
                return self._antecedent(start)
            if any(mention.first <= p.head <= mention.last and not any(
                    _names_owner(tokens[i]) for i in range(mention.first, p.head))
                   for p in self.phrases):
                continue  # troops named by where they are: "soldiers in Iraq"
            before = mention.first - 1
            while before >= 0 and tokens[before].tag in ("DT", "PRP$"):
                before -= 1
            if before >= 0 and tokens[before].text.lower() in NOT_SUBJECT_AFTER:
                continue
            # a verb's object is no subject ("Ethiopia, which borders Somalia, sent"),
            # unless a verb follows it ("urged Germany to", "believe Uganda must")
            after = tokens[mention.last + 1] if mention.last + 1 < len(tokens) else None
            verb_follows = after is not None and (after.tag in ("TO", "MD")
                                                  or after.tag.startswith("VB"))
            if before >= 0 and tokens[before].tag.startswith("VB") and not (
                    verb_follows and not demander):
                continue
            return mention
        return None

    def _antecedent(self, start: int) -> _Mention | None:
        """The subject of a relative clause whose words start at token `start`, after
        "which" or "who", with its verb first: the actor the pronoun refers back to
        ("South Korea, which has 3,200 soldiers in Arbil"); None for an object relative
        ("which Poland sent")."""
        tokens = self.tokens
        pronoun = start - 1
        if pronoun < 1 or start >= len(tokens) or \
                tokens[pronoun].text.lower() not in SUBJECT_RELATIVES:
            return None
        verb = tokens[start]
        if not (verb.tag.startswith("VB") or verb.tag in ("MD", "RB")):
            return None
        end = pronoun - 1 if tokens[pronoun - 1].text == "," else pronoun
        return next((m for m in self.mentions if m.last == end - 1 and m.party is not None),
                    None)

    def demand_before(self, at: int) -> Demand | None:
        """The demand word that governs token `at` and who demands it."""
        demands = [d for d in self.lexicon.cue("demand", self.tokens, 0, at) if d.last < at]
        if not demands or not governs(self.tokens, demands[-1].last, at):
            return None
        demander = self._mention_before(demands[-1].first, demander=True)
        return Demand(demands[-1], demander.actor if demander else None,
                      demander.party if demander else None)

    def _demand(self, link: TroopLink, holder: Party, holder_at: int | None) -> Demand | None:
        """A third party's demand that the holder act ("kidnappers demanded that Japan
        withdraw", "urged Germany to send", "demanded the withdrawal of Italian troops"):
        a demand word right before the holder or the change."""
        anchor = link.anchor
        demand = self.demand_before(holder_at if holder_at is not None and holder_at < anchor
                                    else anchor)
        if demand is None or (demand.party is not None and demand.party.key == holder.key):
            return None
        return demand

    def _status(self, link: TroopLink, window: tuple[int, int], holder: Party,
                holder_at: int | None) -> tuple[TroopStatus, Party | None, str] | None:
        """Demanded, refused, planned, announced or completed, from the words before the
        cue; None for an action said not to have happened ("has not withdrawn"), for a
        demand that it not happen, for a condition ("unless Japan withdraws") and for a
        modal change on a condition ("would withdraw if attacked": a threat)."""
        tokens, lexicon, anchor = self.tokens, self.lexicon, link.anchor
        if link.cue is None and tokens[anchor].dep == "pobj":
            # troops a preposition names ("as part of the 1,990-strong force") are there,
            # whatever the clause's verb may do
            return "completed", None, "status completed: troops named after a preposition"
        scope = (window[0], anchor)
        refusals = [*lexicon.cue("refusal", tokens, *scope),
                    *lexicon.cue("reject", tokens, *scope)]
        demand = self._demand(link, holder, holder_at)
        if demand is not None and not any(r.first < demand.cue.first for r in refusals):
            cue = demand.cue
            if any(t.key in NEGATION_KEYS for t in tokens[cue.last + 1:anchor]):
                return None
            name = f"'{demand.demander.text}'" if demand.demander else "an unnamed party"
            return ("demanded", demand.party,
                    f"status demanded: '{self._words(cue.first, cue.last)}' by {name}")
        opener = holder_at if holder_at is not None and holder_at < anchor else anchor
        if any(t.text.lower() in CONDITION_WORDS for t in tokens[max(scope[0] - 1, 0):opener]):
            return None  # "if Bulgaria withdrew its troops": a condition, not a fact
        group = tokens[max(scope[0], anchor - 4):anchor]
        negated = any(t.key in NEGATION_KEYS for t in group)
        plans = lexicon.cue("plan", tokens, *scope)
        intents = lexicon.cue("intention", tokens, *scope)
        modal = next((t for t in group if t.key in MODAL_KEYS), None)
        if refusals:
            cue = refusals[-1]
            return "refused", None, f"status refused: '{self._words(cue.first, cue.last)}'"
        obligation = next((t for t in group if t.key in OBLIGATION_KEYS), None)
        if obligation is not None:  # "Israeli troops should withdraw": asked, not announced
            if negated:
                return None
            return ("demanded", None,
                    f"status demanded: '{obligation.text}' (an obligation, not an announcement)")
        if negated:
            if modal is not None or plans or intents:
                return "refused", None, "status refused: a negated intention"
            return None
        if plans:
            cue = plans[-1]
            return "planned", None, f"status planned: '{self._words(cue.first, cue.last)}'"
        if modal is not None and any(t.text.lower() in CONDITION_WORDS
                                     for t in tokens[anchor:]):
            return None  # "would remove its troops if the inquiry found ...": a threat
        if modal is not None or intents:
            word = modal.text if modal is not None else self._words(intents[-1].first,
                                                                    intents[-1].last)
            return "announced", None, f"status announced: '{word}'"
        return self._tense(link, window)

    def _tense(self, link: TroopLink, window: tuple[int, int]
               ) -> tuple[TroopStatus, Party | None, str]:
        """Announced or completed by the verb's form: a past or present verb is done (or a
        presence in place); an infinitive, a progressive or a speech verb over a noun
        ("announced the withdrawal") is announced."""
        tokens, anchor = self.tokens, link.anchor
        token = tokens[anchor]
        if token.tag.startswith("NN"):
            verbs = [i for i in range(window[0], anchor) if tokens[i].tag.startswith("VB")]
            if verbs and self.lexicon.cue("speech", tokens, verbs[-1], verbs[-1] + 1):
                return "announced", None, f"status announced: '{tokens[verbs[-1]].text}'"
            after = tokens[anchor + 1:window[1]]
            if any(t.key in MODAL_KEYS for t in after[:8]):
                return "announced", None, "status announced: a modal after it"
            return "completed", None, "status completed: stated as a fact"
        previous = tokens[anchor - 1] if anchor > 0 else None
        if token.tag == "VB" and previous is not None and previous.tag == "TO":
            return "announced", None, "status announced: 'to' and the verb"
        if token.tag == "VBG" and previous is not None and previous.key == "be" and \
                previous.tag in ("VBZ", "VBP"):
            return "announced", None, f"status announced: '{previous.text} {token.text}'"
        if token.tag in PAST_TAGS or token.tag == "VBG":
            return "completed", None, f"status completed: '{token.text}' ({token.tag})"
        return "announced", None, f"status announced: '{token.text}'"

    def _place(self, link: TroopLink, end: int) -> tuple[str, str] | None:
        """Where the troops are, go or leave: a country named after a preposition of the
        change ("in", "to", "from", "out of") following the troops or the cue, or right
        after a verb of leaving ("left Iraq")."""
        tokens, cue, troops = self.tokens, link.cue, link.troops
        if cue is not None and cue.phrase.label == "depart" and cue.last + 1 < end:
            to = _leaves_for(tokens, cue, (cue.first, end)) if link.change == "deployment" \
                else None
            at = cue.last + 1 if to is None else to + 1  # "left Iraq", "left today for"
            while to is not None and at < end - 1 and tokens[at].tag == "DT":
                at += 1  # "left for the Solomon Islands"
            found = self._country_at(at) if at < end else None
            if found is not None:
                return found
        words = PLACE_WORDS_OF[link.change]
        starts = sorted({part.last + 1 for part in (cue, troops) if part is not None},
                        reverse=True)
        for start in starts:
            for at in range(start, end):
                word = tokens[at].text.lower()
                if word in words:
                    place = at + 1
                    while place < end and (tokens[place].tag in ("DT", "JJ", "NN")
                                           or tokens[place].text.lower() == "of"):
                        place += 1  # "out of the", "in southern", "to the capital"
                    if place < end and (found := self._country_at(place)) is not None:
                        return found
                elif tokens[at].tag.startswith("VB") or tokens[at].tag in ("WDT", "CC"):
                    break
        return None

    def _country_at(self, at: int) -> tuple[str, str] | None:
        for mention in self.mentions:
            if mention.first <= at <= mention.last and mention.actor.country:
                return mention.actor.country, mention.actor.text
        return None

    def _other_speaker(self, link: TroopLink, holder: Party) -> Party | None:
        speaker = self.ctx.speaker_of(self.index, self.lexicon,
                                      before=self.tokens[link.anchor].start)
        party = party_of(speaker) if speaker is not None else None
        return party if party is not None and party.key != holder.key else None
