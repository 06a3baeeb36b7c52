"""spaCy's attribute ruler and rule lemmatizer, remembering their answers: same output,
a fraction of the time.

Both components work token by token in Python, and their answer for a token is a function
of a few of its attributes: the lemmatizer's of (word, POS, morphology), the attribute
ruler's single-token rules of the attributes their patterns read (tag, lower-case form,
dependency label, is-space) and the token's values before the rules. News reuses its
words, so each answer is worked out once by spaCy's own code and then copied, through one
array read and one array write per paragraph. spaCy's own lemmatizer cache leaves out
base forms (most words), and its index lookups scan lists: they are sets here.

`remember(nlp)` swaps the model's two components for these subclasses in place (their
configuration and tables unchanged); a pipeline whose components differ from what they
expect keeps spaCy's own. tests/parse/test_remembering.py checks the output against
spaCy's components.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Distinct readings each component remembers; the memory stays bounded on any corpus.
MAX_REMEMBERED = 500_000
# What the attribute ruler's patterns may read for its answers to be remembered, and what
# its rules may set.
RULE_READS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# How a rule may test the lower-case form: words it names, or a regular expression.
LOWER_TESTS = {"IN", "NOT_IN", "REGEX"}
RULE_SETS = (TAG, POS, MORPH, LEMMA, DEP)


def _table(component: object, name: str) -> dict:
    table = component.__dict__.get(name)
    if table is None:
        table = component.__dict__[name] = {}
    return table


class RememberingLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, remembering each (word, POS, morphology) lemma."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        remembered: dict[tuple[int, int, int], int] = _table(self, "_remembered")
        strings = self.vocab.strings
        for index, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue  # set by the attribute ruler's exceptions
            key = (orth, pos, morph)
            found = remembered.get(key)
            if found is None:
                if len(remembered) >= MAX_REMEMBERED:
                    remembered.clear()
                found = remembered[key] = strings.add(self.lemmatize(doc[index])[0])
            lemmas[index] = found
        doc.from_array([LEMMA], lemmas)
        return doc


class RememberingAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler, remembering what its single-token rules make of a token.

    A token a longer rule sets ("gon na") has its rules applied afresh, in spaCy's order
    (later rules win), with spaCy's own code.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        single, multi, reads, _ = self._split()
        targeted = self._targets(multi, doc)
        if targeted is None:
            return super().__call__(doc)  # a rule's index outside its match: spaCy's error
        rows = doc.to_array([*reads, *RULE_SETS])
        values = rows[:, len(reads):].copy()
        remembered: dict[tuple[int, ...], tuple[int, ...]] = _table(self, "_remembered")
        lower = reads.index(LOWER) if LOWER in reads else None
        for index, row in enumerate(rows.tolist()):
            if index in targeted:  # a longer rule's target: not a function of the token
                values[index] = self._apply(single, doc, index, targeted[index])
                continue
            if lower is not None:
                row[lower] = self._lower_class(row[lower])
            key = tuple(row)
            found = remembered.get(key)
            if found is None:
                if len(remembered) >= MAX_REMEMBERED:
                    remembered.clear()
                found = remembered[key] = self._apply(single, doc, index)
            values[index] = found
        doc.from_array(list(RULE_SETS), values)
        return doc

    def _targets(self, multi: Matcher, doc: Doc) -> dict[int, list[tuple]] | None:
        """The matches of the longer rules, by the token each sets (None if a rule's index
        falls outside its match)."""
        targeted: dict[int, list[tuple]] = {}
        for match_id, start, end in multi(doc, allow_missing=True, as_spans=False):
            attr_id = int(self.vocab.strings[match_id])
            index = self.indices[attr_id]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                return None
            targeted.setdefault(target, []).append((attr_id, match_id, start, end))
        return targeted

    def _lower_class(self, lower: int) -> int:
        """The lower-case form as the rules see it: itself if a rule names it (or its
        regular expression matches it), else 0, for all the words no rule tells apart."""
        classes: dict[int, int] = _table(self, "_lower_classes")
        found = classes.get(lower)
        if found is None:
            if len(classes) >= MAX_REMEMBERED:
                classes.clear()
            text = self.vocab.strings[lower]
            found = classes[lower] = lower if any(
                test(text) for test in self._split()[3]) else 0
        return found

    def _apply(self, single: Matcher, doc: Doc, index: int, longer: list[tuple] = ()
               ) -> tuple[int, ...]:
        """Apply to one token the single-token rules and the longer rules' matches that
        set it, in spaCy's order (later rules win); its values after."""
        matches = [(int(self.vocab.strings[match_id]), match_id, index + start, index + end)
                   for match_id, start, end in single(doc[index:index + 1], allow_missing=True,
                                                      as_spans=False)]
        self.set_annotations(doc, sorted([*matches, *longer]))
        token = doc[index]
        return (token.tag, token.pos, token.morph.key, token.lemma, token.dep)

    def _split(self) -> tuple[Matcher, Matcher, list[int], list[Callable[[str], bool]]]:
        """The rules split into single-token and longer ones (under their own keys), the
        attributes the single-token ones read, and the tests that tell a lower-case form
        apart from words no rule names (true for a named word, or one a NOT_IN excludes)."""
        built = self.__dict__.get("_split_rules")
        if built is None:
            single = Matcher(self.vocab, validate=False)
            multi = Matcher(self.vocab, validate=False)
            reads: set[int] = set()
            tests: list[Callable[[str], bool]] = []
            for attr_id in range(len(self.attrs)):
                key = str(attr_id)
                for pattern in self.matcher.get(key)[1]:
                    target = single if len(pattern) == 1 else multi
                    target.add(key, [pattern])
                    for spec in pattern:
                        reads.update(RULE_READS[name] for name in spec)
                        if "LOWER" in spec and len(pattern) == 1:
                            tests.append(_lower_test(spec["LOWER"]))
            built = (single, multi, sorted(reads), tests)
            self.__dict__["_split_rules"] = built
        return built

    @classmethod
    def handles(cls, ruler: AttributeRuler) -> bool:
        """Whether every rule reads only attributes its answers can be keyed by (the
        lower-case form compared to words or a regular expression) and sets only
        attributes written back."""
        settable = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}
        for group in ruler.patterns:
            if not set(map(str, group["attrs"])) <= settable:
                return False
            for spec in (spec for pattern in group["patterns"] for spec in pattern):
                if not set(spec) <= set(RULE_READS):
                    return False
                lower = spec.get("LOWER")
                if isinstance(lower, dict) and not set(lower) <= LOWER_TESTS:
                    return False
        return True


def _lower_test(condition: str | dict) -> Callable[[str], bool]:
    """True for a lower-case form a rule's condition tells apart from unnamed words."""
    if isinstance(condition, str):
        return condition.__eq__
    if "REGEX" in condition:
        return re.compile(condition["REGEX"]).search
    named = frozenset(condition.get("IN", ())) | frozenset(condition.get("NOT_IN", ()))
    return named.__contains__


def remember(nlp: Language) -> Language:
    """Swap the model's attribute ruler and rule lemmatizer for the remembering ones."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler and RememberingAttributeRuler.handles(ruler):
            ruler.__class__ = RememberingAttributeRuler
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
            lemmatizer.__class__ = RememberingLemmatizer
            index = lemmatizer.lookups.get_table("lemma_index")
            for key in list(index.keys()):
                index[key] = frozenset(index[key])
    return nlp
