"""Reading predicate-argument structure off a spaCy dependency parse.

Everything here takes and returns spaCy tokens; no knowledge of actors or events.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from redshank.knowledge import words

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "attr", "oprd"}
DATIVE_DEPS = {"dative", "iobj"}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj", "csubjpass"}
RECIPIENT_PREPS = ("to", "with", "against", "from", "on", "at", "toward", "towards", "into",
                   "over", "for", "between")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Verbs whose object is also the subject of their infinitive complement:
# "asked the administration to consider" -> the administration considers.
OBJECT_CONTROL = words("object_control_verbs")
PLAN_OWNER_VERBS = words("plan_owner_verbs")
PLAN_NOUNS = words("plan_nouns")


# "Serb forces were engaged in ...", "Israel is opposed to ...": passive in form, the
# subject is the one acting.
STATIVE_PASSIVES = words("stative_passives")


def is_passive(verb: Token) -> bool:
    """True for "was rebuffed", "were being told", "troops deployed by X"."""
    if verb.lemma_.lower() in STATIVE_PASSIVES and not any(
            c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Tokens plus the members of their coordinations ("Britain, France and Germany")."""
    out: list[Token] = []
    for token in tokens:
        for member in (token, *token.conjuncts):
            if member not in out:
                out.append(member)
    return out


def prep_objects(token: Token, prep: str | None = None) -> list[Token]:
    """Objects of the token's prepositions ("to Iraq"), optionally of one preposition."""
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            if prep is None or child.lower_ == prep:
                objects.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return objects


def agent_objects(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb."""
    return [c for child in verb.children if child.dep_ == "agent"
            for c in child.children if c.dep_ == "pobj"]


def particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def governor(verb: Token) -> Token | None:
    """The verb or noun whose clause this verb is embedded in, if any."""
    if verb.dep_ in CLAUSE_DEPS and verb.head.i != verb.i:
        return verb.head
    return None


def clause_chain(token: Token) -> Iterator[Token]:
    """The token's clause head and every clause head above it, nearest first."""
    current: Token | None = clause_head(token)
    seen = set()
    while current is not None and current.i not in seen:
        seen.add(current.i)
        yield current
        parent = governor(current)
        current = clause_head(parent) if parent is not None else None


def clause_head(token: Token) -> Token:
    """The nearest verb at or above a token (the head of the clause it belongs to)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        if current.dep_ in CLAUSE_DEPS:
            return current
        current = current.head
    return current


def subtree_excluding(token: Token, excluded: list[Token]) -> list[Token]:
    """Tokens of a subtree minus the subtrees rooted at `excluded`."""
    banned = {t.i for root in excluded for t in root.subtree}
    return [t for t in token.subtree if t.i not in banned]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    ancestors_a = {a.i: 0}
    depth = 0
    for ancestor in a.ancestors:
        depth += 1
        ancestors_a[ancestor.i] = depth
    if b.i in ancestors_a:
        return ancestors_a[b.i]
    depth = 0
    for ancestor in (b, *b.ancestors):
        if ancestor.i in ancestors_a:
            return depth + ancestors_a[ancestor.i]
        depth += 1
    return 99


FINITE_PAST = {"VBD"}
BASE_FORM = {"VB"}


def conjunct_of(verb: Token) -> Token:
    """The verb a conjunct is really coordinated with. The parser often hangs a finite verb
    on the infinitive before it ("urged the embassy to reconsider and spoke with Pompeo":
    'spoke' under 'reconsider'); a past-tense conjunct of an infinitive complement is
    coordinated with the verb that governs the infinitive."""
    head = verb.head
    if (verb.dep_ == "conj" and verb.tag_ in FINITE_PAST and head.tag_ in BASE_FORM
            and head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i):
        return head.head
    return head

