"""Did the event happen? Negation, hypotheticals, intentions and the future tense.

"ruling out committing ground forces", "troops would not be deployed", "NATO may coordinate
airlifts", "asked X to consider carrying out airstrikes": none of these report an event
that took place. `auxiliary` reads this off the dependency parse: markers on the trigger's
own clause, then on every clause that embeds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from redshank.coding.syntax import conjunct_of, governor, particle
from redshank.knowledge import words

# The cue words are in redshank/data/words/modality.words and speech.words.
HYPOTHETICAL_MODALS = words("hypothetical_modals")
FUTURE_MODALS = words("future_modals")
CONDITIONAL_MARKS = words("conditional_marks")
PENDING_MARKS = words("pending_marks")
PRESENT_TAGS = {"VB", "VBP", "VBZ"}
NEGATING_VERBS = words("negating_verbs")
INTENTION_WORDS = words("intention_words")
COMMITMENT_WORDS = words("commitment_words")
REPORTING_VERBS = words("reporting_verbs")
FUTURE_GOVERNORS = words("future_governors")
IMPLICATIVE_IN_PAST = words("implicative_in_past")
ALLEGING_VERBS = words("alleging_verbs")
PAST_TAGS = {"VBD", "VBN"}


@dataclass(frozen=True, slots=True)
class Marker:
    """One cue: kind is negated, hypothetical, future or intention; its words and lemmas."""

    kind: str
    cue: str
    lemmas: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Modality:
    """The auxiliary mode of an event trigger, the word that set it, and what else was seen.

    `future` is set by will/shall/going to and by "would" (the future of reported speech:
    "said it would allow inspectors"); `intention` by a governing intention word ("not
    looking to put troops on the ground"); `commitment` by one that commits the actor
    ("prepared to lift the ban"); `purpose` by a purpose clause ("to protest");
    `conditional` when the statement of intention or future is itself conditional or
    modal ("unless the president agrees to step down", "must be ready to mediate").
    `cue_lemmas` are the cue's words as lemmas, for the stages that match them (positions).
    """

    auxiliary: str | None
    cue: str | None = None
    cue_lemmas: tuple[str, ...] = ()
    future: bool = False
    intention: bool = False
    commitment: bool = False
    purpose: bool = False
    conditional: bool = False

    def describe(self) -> str | None:
        if self.auxiliary is None:
            return None
        return f"{self.auxiliary} ({self.cue})" if self.cue else self.auxiliary


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _key(token: Token) -> str:
    prt = particle(token)
    return f"{token.lemma_.lower()}+{prt}" if prt else token.lemma_.lower()


def _local(verb: Token) -> list[Marker]:
    """Markers on a clause head itself: not, never, no, modals, will, if."""
    markers: list[Marker] = []
    if verb.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children):
        # "has no plans to send"
        markers.append(Marker("negated", f"no {verb.text}", ("no", _lemma(verb))))
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg" or word == "never":
            markers.append(Marker("negated", f"{word} {verb.text}",
                                  (_lemma(child), _lemma(verb))))
        elif child.dep_ == "aux" and child.tag_ == "MD":
            if word in FUTURE_MODALS:
                markers.append(Marker("future", word, (_lemma(child),)))
            elif word in HYPOTHETICAL_MODALS:
                markers.append(Marker("hypothetical", word, (_lemma(child),)))
        elif child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            markers.append(Marker("hypothetical", word, (_lemma(child),)))
        elif child.dep_ in ("dobj", "nsubjpass", "attr") and any(
                det.lower_ == "no" for det in child.children if det.dep_ == "det"):
            markers.append(Marker("negated", f"no {child.text}", ("no", _lemma(child))))
    return markers


def _past(word: Token) -> bool:
    """Is a verb, or an adjective's copula, in the past tense ('were able')?"""
    verb = word.head if word.dep_ == "acomp" else word
    return verb.tag_ in PAST_TAGS and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _embedding(clause: Token, parent: Token) -> Marker | None:
    """What embedding `clause` under `parent` says about it."""
    key = _key(parent)
    if clause.dep_ == "conj":
        return None
    if clause.dep_ == "pcomp" and parent.lower_ == "without":
        return Marker("negated", "without", ("without",))
    if key in NEGATING_VERBS and clause.dep_ in ("xcomp", "ccomp", "dobj", "pcomp"):
        return Marker("negated", parent.text if "+" not in key else key.replace("+", " "),
                      tuple(key.split("+")))
    if clause.dep_ == "advcl":
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & CONDITIONAL_MARKS:
            return Marker("hypothetical", "if", ("if",))
        if marks & PENDING_MARKS and clause.tag_ in PRESENT_TAGS:
            mark = min(marks & PENDING_MARKS)
            return Marker("hypothetical", f"{mark} {clause.text}", (mark, _lemma(clause)))
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return Marker("purpose", f"to {clause.text}", ("to", _lemma(clause)))
        return None
    if parent.lemma_.lower() in IMPLICATIVE_IN_PAST and _past(parent):
        return None
    if parent.lemma_.lower() in FUTURE_GOVERNORS and clause.dep_ == "xcomp":
        return Marker("future", "going to", ("go", "to"))
    if parent.lemma_.lower() in COMMITMENT_WORDS:
        return Marker("commitment", parent.text, (_lemma(parent),))
    if parent.lemma_.lower() in INTENTION_WORDS:
        return Marker("intention", parent.text, (_lemma(parent),))
    return None


def _stated(marker: Marker) -> bool:
    return marker.kind in ("future", "intention", "commitment") or marker.cue == "would"


def _conditional(found: list[Marker]) -> bool:
    """Is a statement of intention or future under a condition or a modal of its own?

    Markers are in the order the walk up the parse met them, so one found after the first
    stated-intention marker sits on the stating clause or above it.
    """
    stated = next((i for i, m in enumerate(found) if _stated(m)), None)
    return stated is not None and any(
        m.kind == "hypothetical" and not _stated(m) for m in found[stated + 1:])


def auxiliary(trigger: Token) -> Modality:
    """The auxiliary mode of an event trigger: negated, hypothetical, future or None."""
    found: list[Marker] = []
    clause = trigger
    for _ in range(8):
        found.extend(_local(clause))
        if conjunct_of(clause).i != clause.head.i:
            clause = conjunct_of(clause)  # coordinated with the governing verb itself
            continue
        parent = governor(clause) or (clause.head if clause.dep_ == "acomp" else None)
        if parent is None:
            break
        if clause.dep_ == "pcomp" and parent.pos_ == "ADP":
            if parent.lower_ == "without":
                found.append(Marker("negated", "without", ("without",)))
            elif parent.lower_ in ("of", "for") and parent.head.lemma_.lower() in ALLEGING_VERBS:
                found.append(Marker("hypothetical", f"{parent.head.text} {parent.text}",
                                    (_lemma(parent.head), _lemma(parent))))
            if parent.head.i == parent.i:
                break
            clause, parent = parent, parent.head
        if parent.lemma_.lower() in REPORTING_VERBS and clause.dep_ == "ccomp":
            break
        embedded = _embedding(clause, parent)
        if embedded:
            found.append(embedded)
        # an adverbial clause is on its own unless it is a purpose ('to protest'): a
        # condition ('until the government resigns') is not negated by 'will not leave'
        if clause.dep_ == "advcl" and (embedded is None or embedded.kind == "hypothetical"):
            break
        clause = parent
    kinds = {m.kind for m in found}
    flags = {"future": "future" in kinds or any(m.cue == "would" for m in found),
             "intention": bool(kinds & {"intention", "commitment"}),
             "commitment": "commitment" in kinds, "purpose": "purpose" in kinds,
             "conditional": _conditional(found)}
    for group, auxiliary_mode in ((("negated",), "negated"),
                                  (("hypothetical", "intention", "commitment", "purpose"),
                                   "hypothetical"),
                                  (("future",), "future")):
        for marker in found:
            if marker.kind in group:
                return Modality(auxiliary_mode, marker.cue, marker.lemmas, **flags)
    return Modality(None)
