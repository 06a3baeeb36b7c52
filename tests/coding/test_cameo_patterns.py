"""The patterns converted from CAMEO.2.0 by scripts/convert_cameo.py: the packaged file,
how its lines code sentences, and the converter itself on a small dictionary."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from redshank.coding import Knowledge, code_sentence, load_ontology, load_patterns, match_pattern
from redshank.coding.arguments import ActorContext
from redshank.model import Document
from redshank.parse import load_nlp
from tests.conftest import mention

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_cameo.py"

# A PETRARCH verb dictionary in miniature, written for these tests.
DICTIONARY = """\
####### SYNONYM SETS #######
&ARTILLERY
+MORTAR
+HOWITZER_SHELL

####### VERB PATTERNS #######
---  HURL   [---]  ---
HURL
LOB {LOBS LOBBED LOBBING}
+HAND_OVER  [0841]
+PLEAD_FOR  [020]
- * &ARTILLERY                                        [194]   # HURL
- * (AT PROTESTERS)                                   [175]   # HURL
- &ARTILLERY *                                        [193]   # LOB
- * {TEAR GAS} (AT)                                   [175:175]
- * BALL                                              [---]
- * (FOR)                                             [042:043]
- * (BEFORE COURT)                                    [:173]
- * +                                                 [111]
- WILL NOT * BALL                                     [030]

---  SNUB   [120]  ---
SNUB
SPURN

---  DEPART   [040]  ---
GO
DEPART
ATTEND
EMBARK

---  REMARK   [010]  ---
REMARK

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_cameo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script()


@pytest.fixture(scope="module")
def converted(script: ModuleType):
    dictionary = script.read_dictionary(DICTIONARY)
    return script.convert(dictionary, script.Lexicon(), load_ontology())


def lines_of(result) -> set[str]:
    return {" ".join((line.trigger, *line.constraints, line.code)) for line in result.lines}


def test_the_packaged_file_loads_before_the_hand_written_core() -> None:
    patterns = load_patterns()
    assert patterns.files[:2] == ["cameo.patterns", "core.patterns"]
    converted = [p for p in patterns if p.id.startswith("cameo.patterns:")]
    assert len(converted) > 10_000
    assert {p.event for p in converted} >= {"REQUEST", "ASSAULT", "PROTEST", "COERCE"}


@pytest.mark.parametrize(
    ("sentence", "verb", "cameo", "event"),
    [
        # synset &FOOD, the plural "foodstuffs" matched through its lemma
        ("The Red Cross rushed foodstuffs to the flooded villages.", "rushed", "073", "AID"),
        # (FOR RELEASE): a prepositional phrase with its word
        ("The families begged for the release of the hostages.", "begged", "0253",
         "REQUEST"),
        ("The rebels rushed to the border.", "rushed", "154", "MOBILIZE"),
        # +KICK_OFF is phrasal: the pattern needs the particle
        ("The delegations kicked off talks.", "kicked", "046", "CONSULT"),
        # a [---] pattern blocks the default: "stabbed in the back" is not an assault
        ("The party stabbed its leader in the back.", "stabbed", "010", "-"),
    ],
)
def test_converted_patterns_code_sentences(sentence: str, verb: str, cameo: str,
                                            event: str) -> None:
    doc = load_nlp()(sentence)
    trigger = next(t for t in doc if t.text == verb)
    pattern = match_pattern(trigger, load_patterns())
    assert pattern is not None and pattern.id.startswith("cameo.patterns:")
    assert (pattern.cameo, pattern.event) == (cameo, event)


def test_a_verb_alone_takes_its_lexicon_default() -> None:
    doc = load_nlp()("The gang stabbed a policeman.")
    pattern = match_pattern(doc[2], load_patterns())
    assert pattern is not None and pattern.id.startswith("plover.tsv:")
    assert (pattern.event, pattern.mode) == ("ASSAULT", "primitive")


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        ("Egypt rushed food to Gaza.", [("AID", ["EGY"], ["PSE"])]),
        # PLOVER's AID requires a recipient (manual 3.6.2): that line keeps needs=2
        ("Egypt rushed food.", []),
        # no blanket needs=2: a one-sided REQUEST is coded (PLOVER 3.8.1: no recipient needed)
        ("Egypt begged for the release of the hostages.", [("REQUEST", ["EGY"], [])]),
    ],
)
def test_converted_lines_need_a_second_party_only_where_plover_does(sentence: str,
                                                                   events: list) -> None:
    doc = load_nlp()(sentence)
    spans = [(0, 1, "EGY", "EGY")] + ([(4, 5, "PSE", "PSE")] if "Gaza" in sentence else [])
    mentions = [mention(doc, s, e, code=c, country=country) for s, e, c, country in spans]
    ctx = ActorContext(sentence=doc[:], offset=0, mentions=mentions, quotes=[], speakers={},
                       persons=[], recent=[])
    document = Document(id="test", text=sentence, published=date(2014, 6, 11))
    coded = code_sentence(doc[:], 0, ctx, [], document,
                          Knowledge(load_patterns(), load_ontology()))
    assert [(e.event, [a.code for a in e.actor], [a.code for a in e.recipient])
            for e in coded] == events
    assert all(e.evidence.rule.startswith("cameo.patterns:") for e in coded)


def test_a_block_member_has_patterns_but_no_default() -> None:
    patterns = load_patterns()
    doc = load_nlp()("The families begged for mercy.")
    assert patterns.candidates("verb", "beg")
    assert match_pattern(doc[2], patterns) is None


def test_synsets_become_prefixed_word_sets_of_lemmas(converted) -> None:
    assert converted.sets == {"&C_ARTILLERY": "mortar howitzer_shell"}
    assert {"hurl obj:&C_ARTILLERY 194", "lob obj:&C_ARTILLERY 194",
            "hurl subj:&C_ARTILLERY 193"} <= lines_of(converted)


def test_phrases_prepositions_and_multi_word_verbs(converted) -> None:
    lines = lines_of(converted)
    assert "hurl prep.at:protester 175" in lines
    assert "hurl obj:tear_gas obj:at 175" in lines
    assert "hand+over 0841" in lines
    assert "plead prep.for 020" in lines


def test_null_codes_and_reversed_codes(converted) -> None:
    lines = lines_of(converted)
    assert "hurl obj:ball 010" in lines
    assert not any("173" in line or "111" in line or "042" in line for line in lines)
    assert converted.dropped["pattern: code for the target only ([:code]): roles reversed"] == 1
    assert converted.dropped["pattern: auxiliary or negation before the verb"] == 1


def test_defaults_only_where_the_verb_alone_is_an_event(converted) -> None:
    defaults = {line.trigger for line in converted.lines if not line.constraints}
    # [---] block: no default; SNUB and SPURN form a tight synonym set; DEPART heads a large
    # block whose members (GO, ATTEND, EMBARK) share patterns, not meaning; REMARK is 01x
    assert defaults == {"hand+over", "snub", "spurn", "depart"}


def test_defaults_go_to_the_lexicon_and_specific_lines_to_the_patterns(
        script: ModuleType, converted) -> None:
    ontology = load_ontology()
    patterns = script.render(converted, ontology)
    lexicon = script.render_lexicon(converted, ontology)
    assert "hurl " in patterns and "\nsnub " not in patterns
    assert "snub               120\tCAMEO.2.0.txt L" in lexicon
    assert "depart             040 needs=2\t" in lexicon
    assert "needs=2" not in patterns.split("hurl", 1)[1].split("\n", 1)[0]


def test_the_converter_is_deterministic(script: ModuleType, converted) -> None:
    again = script.convert(script.read_dictionary(DICTIONARY), script.Lexicon(),
                           load_ontology())
    ontology = load_ontology()
    assert script.render(again, ontology) == script.render(converted, ontology)
    assert script.render_lexicon(again, ontology) == script.render_lexicon(converted, ontology)
