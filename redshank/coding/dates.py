"""Which date expression of a sentence governs an event's trigger, and why."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from redshank.coding.syntax import (
    SUBJECT_DEPS,
    clause_chain,
    clause_head,
    tree_distance,
)
from redshank.knowledge import words
from redshank.model import DateMention

DATE_CLIMB_DEPS = {"xcomp", "conj", "relcl", "acl", "advcl", "pcomp"}
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "poss", "nummod"}
FORWARD_VERBS = words("forward_verbs")
NON_FINITE_TAGS = {"VB", "VBG"}
RECENT_DAYS = 366


def _finite(clause: Token) -> bool:
    """A clause with a subordinator or a tensed verb (not "calls to delay ...")."""
    return (any(c.dep_ == "mark" for c in clause.children)
            or clause.tag_ not in NON_FINITE_TAGS)


def _non_finite_complements(trigger: Token) -> list[Token]:
    """Gerund and infinitive complements of the trigger or of its object, with no subject."""
    hosts = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    found = []
    for host in hosts:
        for child in host.children:
            clause = child
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                clause = next((c for c in child.children if c.dep_ == "pcomp"), None)
            elif child.dep_ not in ("xcomp", "acl"):
                continue
            if clause is not None and clause.tag_ in NON_FINITE_TAGS | {"VBN"} and not any(
                    c.dep_ in SUBJECT_DEPS for c in clause.children):
                found.append(clause)
    return found


def governing_date(trigger: Token, dates: list[DateMention], published: date | None = None
                   ) -> tuple[DateMention | None, str]:
    """The date expression that governs the trigger's clause, with the reason.

    In order: a date on the event's clause or a clause that governs it, or in a finite
    temporal clause attached to it ("As the threat escalated in May, al-Maliki asked ...");
    failing that, a recent date at the end of a non-finite complement ("accused Iran of
    meddling last month"). A date that modifies a noun ("the June 5 election") governs
    only that noun.
    """
    chain = [trigger.i]
    for clause in clause_chain(trigger):
        if clause.i not in chain:
            chain.append(clause.i)
        if clause.dep_ not in DATE_CLIMB_DEPS:
            break
    sentence = trigger.doc
    best: tuple[int, DateMention, str] | None = None
    for mention in dates:
        head = sentence[mention.head]
        if (head.dep_ in NOUN_MODIFIER_DEPS and head.head.pos_ in ("NOUN", "PROPN")
                and head.head.i != trigger.i):
            continue
        date_clause = clause_head(head)
        if date_clause.i in chain:
            reason = ("on the event's clause" if date_clause.i == chain[0]
                      else f"on the governing clause '{date_clause.text}'")
        elif (date_clause.dep_ == "advcl" and date_clause.head.i in chain[:1]
              and _finite(date_clause)):
            reason = f"in the subordinate clause '{date_clause.text}'"
        else:
            continue
        distance = tree_distance(trigger, head)
        if best is None or distance < best[0]:
            best = (distance, mention, reason)
    if best:
        return best[1], best[2]
    if trigger.lemma_.lower() in FORWARD_VERBS:
        return None, ""
    for complement in _non_finite_complements(trigger):
        inside = [m for m in dates if complement.left_edge.i <= m.head <= complement.right_edge.i
                  and m.token_end >= complement.right_edge.i]
        for mention in inside:
            ends = mention.resolved.end
            if published is None or abs((published - ends).days) <= RECENT_DAYS:
                return mention, f"at the end of the complement '{complement.text}'"
    return None, ""
