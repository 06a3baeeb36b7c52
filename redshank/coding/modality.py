"""Did the event happen? Negation, hypotheticals, intentions and the future tense.

"ruling out committing ground forces", "troops would not be deployed", "NATO may coordinate
airlifts", "asked X to consider carrying out airstrikes": none of these report an event
that took place. `auxiliary` reads this off the dependency parse: markers on the trigger's
own clause, then on every clause that embeds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from redshank.coding.syntax import governor, particle

HYPOTHETICAL_MODALS = {"could", "might", "may", "would", "should", "can", "must", "ought"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Governing verbs whose complement is refused, not done ("refused to send troops").
NEGATING_VERBS = {"refuse", "decline", "avoid", "fail", "reject", "deny", "oppose", "rule+out",
                  "resist", "stop", "cease", "abandon"}
# Governing verbs and nouns whose complement is wanted, planned or asked for, not done.
INTENTION_WORDS = {
    "consider", "want", "hope", "seek", "plan", "intend", "propose", "aim", "try", "attempt",
    "need", "look", "prepare", "expect", "wish", "ask", "urge", "call", "demand", "request",
    "offer", "threaten", "promise", "pledge", "agree", "vow", "decide", "willing", "ready",
    "able", "prepared", "possibility", "idea", "proposal", "suggestion", "intention",
    "readiness", "willingness", "threat", "fear", "warn", "order", "encourage", "press",
    "persuade", "push", "enlist", "reluctant", "likely", "unlikely", "risk",
    "option", "chance", "way", "effort", "bid", "campaign", "strategy", "authorize",
    "authorise", "discuss", "debate", "weigh", "mull", "contemplate",
}
# Verbs that only report: their complement keeps its own modality.
REPORTING_VERBS = {
    "say", "tell", "announce", "report", "insist", "claim", "state", "add", "confirm",
    "reiterate", "note", "explain", "write", "declare", "acknowledge", "admit", "show",
}
FUTURE_GOVERNORS = {"go"}  # "is going to attack"


@dataclass(frozen=True, slots=True)
class Modality:
    """The auxiliary mode of an event trigger and the words that set it."""

    auxiliary: str | None
    cue: str | None = None

    def describe(self) -> str | None:
        if self.auxiliary is None:
            return None
        return f"{self.auxiliary} ({self.cue})" if self.cue else self.auxiliary


def _key(token: Token) -> str:
    prt = particle(token)
    return f"{token.lemma_.lower()}+{prt}" if prt else token.lemma_.lower()


def _local(verb: Token) -> Modality | None:
    """Markers on a clause head itself: not, never, modals, will, if."""
    found: Modality | None = None
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg" or word in ("never", "no longer"):
            return Modality("negated", f"{word} {verb.text}")
        if child.dep_ == "aux" and child.tag_ == "MD":
            if word in FUTURE_MODALS:
                found = found or Modality("future", word)
            elif word in HYPOTHETICAL_MODALS:
                found = Modality("hypothetical", word)
        if child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            found = Modality("hypothetical", word)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            if any(det.lower_ == "no" for det in child.children if det.dep_ == "det"):
                return Modality("negated", f"no {child.text}")
    return found


def _embedding(clause: Token, parent: Token) -> Modality | None:
    """What embedding `clause` under `parent` says about it."""
    key = _key(parent)
    if clause.dep_ == "conj":
        return None
    if clause.dep_ == "pcomp" and parent.lower_ == "without":
        return Modality("negated", "without")
    if key in NEGATING_VERBS and clause.dep_ in ("xcomp", "ccomp", "dobj", "pcomp"):
        return Modality("negated", parent.text if "+" not in key else key.replace("+", " "))
    if clause.dep_ == "advcl":
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children):
            return Modality("hypothetical", "if")
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return Modality("hypothetical", f"purpose: to {clause.text}")
        return None
    if parent.lemma_.lower() in FUTURE_GOVERNORS and clause.dep_ == "xcomp":
        return Modality("future", "going to")
    if parent.lemma_.lower() in INTENTION_WORDS:
        return Modality("hypothetical", parent.text)
    return None


def auxiliary(trigger: Token) -> Modality:
    """The auxiliary mode of an event trigger: negated, hypothetical, future or None."""
    found: list[Modality] = []
    clause = trigger
    for _ in range(8):
        local = _local(clause)
        if local:
            found.append(local)
        parent = governor(clause)
        if parent is None:
            break
        if parent.lemma_.lower() in REPORTING_VERBS and clause.dep_ == "ccomp":
            break
        embedded = _embedding(clause, parent)
        if embedded:
            found.append(embedded)
        if clause.dep_ == "advcl" and embedded is None:
            break
        clause = parent
    for kind in ("negated", "hypothetical", "future"):
        for modality in found:
            if modality.auxiliary == kind:
                return modality
    return Modality(None)
