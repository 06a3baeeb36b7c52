"""Find date expressions in a parsed paragraph and resolve them in text order.

Candidates come from regular expressions over the paragraph text (month and weekday names
must be capitalized); the parse then rejects readings that are not dates: a modal or a
surname "May", a verb "March", a count "2000 troops", a holiday "Good Friday".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from redshank.model import DateMention, ResolvedDate, Span
from redshank.when.dateline import dateline_spans
from redshank.when.resolve import resolve_expression
from redshank.when.vocabulary import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER,
    UNIT,
    WEEKDAYS,
    alternation,
)

MONTH_NAME = rf"(?:{alternation(name.capitalize() for name in MONTHS)})"
MONTH_WITH_DAY = (
    rf"(?:{MONTH_NAME}|(?:{alternation(name.capitalize() for name in MONTH_ABBREVIATIONS)})\.?)"
)
WEEKDAY_NAME = rf"(?:{alternation(name.capitalize() for name in WEEKDAYS)})"
YEAR = r"(?<![\w,.$£€#])(?:1[89]\d\d|20\d\d)(?!\d|[,.]\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
PART = r"(?:(?i:early|mid|late)(?:-|\s+)|(?i:the\s+(?:beginning|start|middle|end)\s+of)\s+)"
EARLIER_LATER = r"(?:(?i:earlier|later)\s+)"
TIME_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
UNIT_WORD = r"(?i:day|week|month|year)"

# Each pattern is a core and an optional prefix written before it ("early", "last", "the
# end of"). The prefix is looked for only where a core matched, just before it: scanning
# every position of the text for an optional, case-insensitive prefix was most of this
# stage's time. The match is the same as that of the pattern PREFIX?CORE.
_PATTERN_SOURCES: tuple[tuple[str, str | None, str], ...] = (
    ("date", None, rf"\b(?:{WEEKDAY_NAME},?\s+)?{MONTH_WITH_DAY}\s+{DAY},?\s+{YEAR}"),
    ("date", None,
     rf"\b(?:{WEEKDAY_NAME},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_WITH_DAY},?\s+{YEAR}"),
    ("date", None, r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"),
    ("day_of_month", None, rf"\b{MONTH_WITH_DAY}\s+{DAY}\b"),
    ("day_of_month", None, rf"\b(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_NAME}\b"),
    ("month_year", PART, rf"\b{MONTH_NAME},?\s+(?:of\s+)?{YEAR}"),
    ("month", rf"{PART}?(?:(?i:last|this|next)\s+)?", rf"\b{MONTH_NAME}\b"),
    ("year", PART, YEAR),
    ("decade", rf"(?:(?i:the)\s+)?{PART}?", r"(?:(?:1[89]|20)\d0s|['’]\d0s)\b"),
    ("weekday", rf"{PART}?(?:(?i:last|this|next|past|coming)\s+)?",
     rf"\b{WEEKDAY_NAME}\b{TIME_OF_DAY}"),
    ("day_word", None,
     r"\b(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|tomorrow"
     rf"|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b{TIME_OF_DAY}"),
    ("relative", rf"(?:{PART}|{EARLIER_LATER})?", rf"\b(?i:(?:this|last|next)\s+{UNIT_WORD})\b"),
    ("ago", None, rf"\b(?i:{NUMBER}\s+{UNIT}\s+ago)\b"),
    ("from_now", None, rf"\b(?i:in\s+{NUMBER}\s+{UNIT}(?:['’]?\s+time)?)\b"),
    ("from_now", None, rf"\b(?i:{NUMBER}\s+{UNIT}\s+from\s+now)\b"),
    ("at_the_time", None, r"\b(?i:at\s+(?:the|that)\s+(?:time|point))\b"),
    ("that_unit", rf"{EARLIER_LATER}?",
     rf"\b(?i:(?:that|the\s+same|that\s+same)\s+{UNIT_WORD})\b"),
    ("next_unit", None, rf"\b(?i:the\s+(?:next|following|previous|preceding)\s+{UNIT_WORD})\b"),
    ("unit_after", None, rf"\b(?i:the\s+{UNIT_WORD}\s+(?:before|after))\b"),
    ("units_later", None, rf"\b(?i:{NUMBER}\s+{UNIT}\s+(?:later|earlier|afterwards?))\b"),
)
# How far before a core its prefix may start ("the beginning of", "earlier this").
PREFIX_WINDOW = 40


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    core: re.Pattern[str]
    # matches the whole of the text before the core from some start within the window
    prefix: re.Pattern[str] | None


PATTERNS: tuple[_Pattern, ...] = tuple(
    _Pattern(kind, re.compile(core),
             re.compile(rf"(?:{prefix})(?=\Z)") if prefix else None)
    for kind, prefix, core in _PATTERN_SOURCES
)

INCLUDED_PREPOSITIONS = frozenset(
    {"in", "on", "by", "during", "since", "until", "till", "through", "throughout", "from"}
)
EXCLUDING_PREPOSITIONS = frozenset({"before", "after"})
MONTH_GOVERNORS = INCLUDED_PREPOSITIONS | {"of", "to", "for"}
MAY_GOVERNORS = INCLUDED_PREPOSITIONS - {"from"}
YEAR_GOVERNORS = MONTH_GOVERNORS | {"between", "and", "or"}
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "wo"})
SCHEDULE_WORDS = frozenset({"due", "scheduled", "slated", "expected", "planned", "set"})
INTENTION_VERBS = frozenset(
    "plan intend hope aim want wish seek expect prepare promise pledge vow threaten agree "
    "propose offer".split()
)
MAX_VERB_CHAIN = 4
NAME_WORDS = frozenset({"today", "tomorrow", "tonight"})
WEEKDAY_NAME_WORDS = frozenset(
    "good bloody black super easter palm ash holy maundy shrove fat cyber whit giving "
    "great clean remembrance mothering trinity pentecost passion".split()
)
PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ", "MD"})
DETERMINERS = frozenset({"that", "the"})
OWNING_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "my", "your"})
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A regex match over the paragraph, the tokens it covers and where the match ends.

    A token can run past the match ("Friday-night", "Thursday(13"): the expression read is
    the match's text, not the whole token's.
    """

    kind: str
    tokens: TokenSpan
    end_char: int


def find_date_mentions(
    doc: Doc,
    published: date | None,
    offset: int = 0,
    previous: ResolvedDate | None = None,
) -> list[DateMention]:
    """Date expressions in one parsed paragraph, resolved in text order.

    `offset` is the paragraph's character offset in the document, so that each resolved
    date's span points into the full text; `previous` is the last date resolved before
    this paragraph, for narrative anchors such as "at the time". A dateline ("MOSCOW,
    Sept. 5, 2014 (AP) -") is the article's date stamp, not an event's date: it is skipped.
    """
    mentions: list[DateMention] = []
    paragraph = doc.text  # Doc.text is rebuilt from the tokens on every access
    datelines = dateline_spans(paragraph)
    for candidate in _select(_candidates(doc)):
        start = candidate.tokens.start_char
        if any(line_start <= start < line_end for line_start, line_end in datelines):
            continue
        tokens = _with_preposition(candidate.tokens)
        if tokens is None:
            continue
        end_char = min(tokens.end_char, candidate.end_char)
        text = paragraph[tokens.start_char:end_char]
        verb = _governing_verb(tokens)
        future = _is_future(verb) or _after_future_date(candidate.kind, previous, published)
        if candidate.kind == "day_of_month" and not future and (
                _modifies_noun(tokens) or _is_present_copula(verb)):
            resolved = _nearest_reading(text, published, previous)
        else:
            resolved = resolve_expression(text, published, previous, future=future)
        if resolved is None:
            continue
        span = Span(tokens.start_char, end_char).shift(offset)
        resolved = replace(resolved, span=span)
        mentions.append(DateMention(resolved, tokens.start, tokens.end, tokens.root.i))
        previous = resolved
    return mentions


def _after_future_date(kind: str, previous: ResolvedDate | None, published: date | None
                       ) -> bool:
    """A day or month after a date that is after publication is read forward too.

    "elections on May 9, 2006 and an inaugural meeting on June 19" (published in March).
    """
    return (kind in ("day_of_month", "month") and previous is not None
            and published is not None and previous.start > published)


def _is_present_copula(verb: Token) -> bool:
    """A present-tense "is/are": "The voting day is March 26" names the nearest March 26."""
    return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP")


def _modifies_noun(tokens: TokenSpan) -> bool:
    """A date that names a noun after it ("the June 5 election"), not a verb's time."""
    root = tokens.root
    return (
        root.dep_ in ("nmod", "compound", "amod", "poss")
        and root.head.i >= tokens.end
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def _nearest_reading(
    text: str, published: date | None, previous: ResolvedDate | None
) -> ResolvedDate | None:
    """The past or future reading closest to publication.

    The tense of the verb says nothing about a noun's date: "rejected calls to delay the
    June 5 election" (published May 30) is five days ahead, not a year back.
    """
    readings = [
        reading
        for future in (False, True)
        if (reading := resolve_expression(text, published, previous, future=future))
    ]
    if published is None or not readings:
        return readings[0] if readings else None
    return min(
        readings, key=lambda r: min(abs((r.start - published).days), abs((r.end - published).days))
    )


def _candidates(doc: Doc) -> list[_Candidate]:
    """Every pattern match that aligns to tokens and that the parse accepts as a date."""
    found: list[_Candidate] = []
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    for pattern in PATTERNS:
        for match in pattern.core.finditer(text):
            start = _prefix_start(pattern, text, match.start())
            tokens = doc.char_span(start, match.end(), alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                continue
            candidate = _Candidate(pattern.kind, tokens, match.end())
            if _accept(candidate):
                found.append(candidate)
    return found


def _prefix_start(pattern: _Pattern, text: str, start: int) -> int:
    """Where the match of PREFIX?CORE starts: the earliest prefix ending at the core."""
    if pattern.prefix is None or start == 0:
        return start
    window = max(0, start - PREFIX_WINDOW)
    for begin in range(window, start):
        if pattern.prefix.match(text, begin, start):
            return begin
    return start


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates in text order, the longest winning where they overlap."""
    ordered = sorted(candidates, key=lambda c: (c.tokens.start, -len(c.tokens)))
    chosen: list[_Candidate] = []
    for candidate in ordered:
        if chosen and candidate.tokens.start < chosen[-1].tokens.end:
            continue
        chosen.append(candidate)
    return chosen


def _accept(candidate: _Candidate) -> bool:
    """Whether the parse agrees that the match is a date expression."""
    tokens = candidate.tokens
    kind = candidate.kind
    if kind in ("date", "day_of_month", "month_year", "month"):
        if any(_is_month(t) and t.pos_ in ("VERB", "AUX") for t in tokens):
            return False
    if kind == "day_of_month":
        return not any(t.like_num and _counts_next_noun(t) for t in tokens)
    if kind == "month":
        return _month_is_governed(tokens)
    if kind == "year":
        return _year_is_governed(tokens)
    if kind == "weekday":
        return _is_plain_weekday(tokens)
    if kind == "day_word":
        first = tokens[0]
        before = _token_before(tokens)
        opens = first.is_sent_start or (before is not None and before.is_punct)
        return not (first.is_title and not opens and first.lower_ in NAME_WORDS)
    if kind == "relative":
        before = _token_before(tokens)
        # "over the last year", "its past week": a length of time, not a calendar period
        return not (tokens[0].lower_ in ("last", "past") and before is not None
                    and before.lower_ in OWNING_DETERMINERS)
    if kind == "from_now" and tokens[0].lower_ == "in":
        return _allows_future(_governing_verb(tokens))
    if kind == "at_the_time":
        following = _token_after(tokens)
        return following is None or following.lower_ != "of"
    if kind == "that_unit":
        determiner = next((t for t in tokens if t.lower_ in DETERMINERS), None)
        if determiner is None:
            return False  # glued into a longer token ("x-that day"): not a determiner
        return determiner.dep_ in ("det", "") and determiner.head.i < tokens.end
    if kind == "unit_after":
        return not any(child.dep_ in ("pobj", "pcomp") for child in tokens[-1].children)
    return True


def _find_word(tokens: TokenSpan, words: Collection[str]) -> tuple[Token, list[str]] | None:
    """The first token holding one of `words`, and the words glued before it in the token.

    "mid-Saturday" -> (mid-Saturday, ["mid"]). The patterns match words in the text, but
    the tokenizer keeps "Tuesday-morning", "Thursday(13" and "Sunday—a" as one token, so a
    token can be longer than the word it was found for.
    """
    for token in tokens:
        parts = WORD.findall(token.lower_)
        for index, part in enumerate(parts):
            if part in words:
                return token, parts[:index]
    return None


def _is_month(token: Token) -> bool:
    return token.lower_.rstrip(".") in MONTHS or token.lower_.rstrip(".") in MONTH_ABBREVIATIONS


def _counts_next_noun(token: Token) -> bool:
    """A number that counts the noun after it ("10 nations"), not a day of the month."""
    return token.dep_ == "nummod" and token.head.i > token.i and not _is_month(token.head)


def _month_is_governed(tokens: TokenSpan) -> bool:
    """A bare month needs a modifier ("early May", "last March") or a governing preposition."""
    if len(tokens) > 1:
        return True
    before = _token_before(tokens)
    governors = MAY_GOVERNORS if tokens[0].text == "May" else MONTH_GOVERNORS
    return before is not None and before.lower_ in governors


def _year_is_governed(tokens: TokenSpan) -> bool:
    """A bare four-digit number is a year only after a modifier or a preposition, not a count."""
    year = tokens[-1]
    if _counts_next_noun(year):
        return False
    if len(tokens) > 1:
        return True
    before = _token_before(tokens)
    return before is not None and before.lower_ in YEAR_GOVERNORS


def _is_plain_weekday(tokens: TokenSpan) -> bool:
    """A weekday that is not part of a name ("Good Friday", "the Sunday Times").

    A place before a weekday does not make a name: wire copy writes "met in Paris Friday".
    """
    found = _find_word(tokens, WEEKDAYS)
    if found is None:
        return False
    weekday, glued = found
    if glued:
        return glued[-1] not in WEEKDAY_NAME_WORDS  # "mid-Saturday", but "Super-Tuesday"
    if weekday.i > tokens.start:
        return True  # "last Friday", "early Friday": a modifier makes it a date
    before = _token_before(tokens)
    if before is not None and before.lower_ in ("every", "each"):
        return False  # "every Friday" is a set of days, not a date
    if before is not None and before.lower_ == "on":
        return True  # "rejected on Saturday U.S. claims": the parser's compound is wrong
    if weekday.dep_ == "compound" and weekday.head.i > weekday.i and weekday.head.is_title:
        return False
    return not (
        before is not None
        and before.is_title
        and not before.is_sent_start
        and (before.lower_ in WEEKDAY_NAME_WORDS or before.pos_ == "ADJ")
    )


def _token_before(tokens: TokenSpan) -> Token | None:
    return tokens.doc[tokens.start - 1] if tokens.start > 0 else None


def _token_after(tokens: TokenSpan) -> Token | None:
    return tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None


def _with_preposition(tokens: TokenSpan) -> TokenSpan | None:
    """The expression with its governing preposition ("in May"); None after before/after."""
    before = _token_before(tokens)
    if before is None or tokens[0].lower_ in INCLUDED_PREPOSITIONS | {"at"}:
        return tokens
    if before.lower_ in EXCLUDING_PREPOSITIONS:
        return None
    if before.lower_ in INCLUDED_PREPOSITIONS and before.pos_ in ("ADP", "SCONJ", ""):
        return tokens.doc[tokens.start - 1 : tokens.end]
    return tokens


def _governing_verb(tokens: TokenSpan) -> Token:
    """The nearest verb above the expression in the dependency tree (or the sentence root)."""
    token = tokens.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _is_future(verb: Token) -> bool:
    """Whether the verb speaks of the future: "will meet", "is going to", "is due", "plans to"."""
    candidates = [verb]
    while candidates[-1].dep_ in ("conj", "xcomp") and len(candidates) < MAX_VERB_CHAIN:
        candidates.append(candidates[-1].head)
    for candidate in candidates:
        if any(
            child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUXILIARIES
            for child in candidate.children
        ):
            return True
        if candidate.dep_ == "xcomp" and candidate.head.lemma_ == "go":
            return candidate.head.tag_ == "VBG"
        scheduled = [candidate, *(c for c in candidate.children if c.dep_ == "acomp")]
        if any(t.lower_ in SCHEDULE_WORDS for t in scheduled) and _is_present(candidate):
            return True
        if _is_intended(candidate):
            return True
    return False


def _is_intended(verb: Token) -> bool:
    """An infinitive under a present verb of intention or "be": "plans to", "is to visit"."""
    if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    # the lemmatizer misreads some present forms ("hopes" -> "hop"): try the word too
    intends = head.lemma_ in INTENTION_VERBS or head.lower_.removesuffix("s") in INTENTION_VERBS
    return (intends or head.lemma_ == "be") and _is_present(head)


def _is_present(verb: Token) -> bool:
    """Whether the verb, or its first auxiliary, is in the present tense."""
    if verb.tag_ in PRESENT_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children)


def _allows_future(verb: Token) -> bool:
    """Whether "in two weeks" under this verb can mean a future date rather than a duration."""
    return _is_future(verb) or _is_present(verb)
