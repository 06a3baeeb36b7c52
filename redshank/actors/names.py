"""Human-readable names from TABARI's upper-case phrases, and which words are acronyms.

Display case matters for matching: an all-capital word of 2-4 letters in a dictionary
name ("US", "IS", "NATO") is an acronym and must be upper case in the text, so that
"us" and "is" never match. Everything else matches in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KNOWN_ACRONYMS = frozenset(
    "US USA UK UAE EU AU UN IS NATO ISIL ISIS IAEA OPEC UNSC USSR UNDP UNHCR UNICEF UNESCO ICRC "
    "FARC CIA FBI NSA NSC DEA EPA DOD DOJ IMF PLO PKK BBC CNN IDF NGO ICC ICJ AFP ETA WHO WFP "
    "DRC DPRK ROK ASEAN ECOWAS SADC OAS OIC OSCE GCC AQAP AQI AQIM LTTE ANC MDC MQM PPP BJP "
    "SPLA SPLM PLA KDP PUK YPG PYD FSA SDF RPF RUF NPA MILF MNLF ELN AUC HTS".split()
)
LOWER_PARTICLES = frozenset(
    "of the and for in on at to by with from a an de del della des di du da dos das la le les "
    "el al bin ibn bint van von der den y e et wa fi ul ur".split()
)
NOT_ACRONYMS = frozenset("MR MRS MS ST JR SR LT MT FT GEN COL SGT CPL CPT".split())
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")
_VOWELS = set("AEIOU")


def initials(name: str) -> str:
    """`ISLAMIC STATE OF IRAQ AND THE LEVANT` -> `ISIL` (particles skipped)."""
    words = [
        w for w in re.split(r"[\s\-]+", name.upper()) if w and w.lower() not in LOWER_PARTICLES
    ]
    return "".join(w[0] for w in words if w[0].isalpha())


def entry_acronyms(names: Iterable[str]) -> frozenset[str]:
    """Words of an entry's names that are acronyms of its other names (NATO, ISIL)."""
    names = list(names)
    spelled = {initials(n) for n in names if len(n.split()) > 1}
    words = {w for n in names for w in n.upper().split()}
    return frozenset(w for w in words if len(w) > 1 and w in spelled)


def is_acronym(word: str, acronyms: frozenset[str] = frozenset()) -> bool:
    """Whether an upper-case dictionary word should stay upper case."""
    letters = word.strip("()[]\"',.")
    if not letters.isalpha() or len(letters) < 2:
        return False
    upper = letters.upper()
    if upper in KNOWN_ACRONYMS or upper in acronyms:
        return True
    if upper in NOT_ACRONYMS:
        return False
    return len(upper) <= 5 and not (set(upper) & _VOWELS) and "Y" not in upper


def display_name(raw: str, acronyms: frozenset[str] = frozenset()) -> str:
    """`NURI_AL-MALIKI` style upper-case phrase -> 'Nuri al-Maliki'."""
    words = raw.replace("_", " ").split()
    out: list[str] = []
    for index, word in enumerate(words):
        if not any(c.isalpha() for c in word):
            out.append(word)
        elif word.startswith("(") and word.endswith(")") and word[1:-1].isalpha():
            out.append(word.upper())
        elif is_acronym(word, acronyms) or _DOTTED.match(word):
            out.append(word.upper())
        else:
            out.append(_title_word(word, first=index == 0))
    return " ".join(out)


def _title_word(word: str, *, first: bool) -> str:
    """Title-case one word: hyphen parts, apostrophes, particles, Mc-."""
    parts = word.split("-")
    titled: list[str] = []
    for number, part in enumerate(parts):
        lower = part.lower()
        if (
            (not first or number > 0)
            and lower in LOWER_PARTICLES
            and len(parts) > 1
            and number < len(parts) - 1
        ):
            titled.append(lower)
        elif not first and number == 0 and lower in LOWER_PARTICLES:
            titled.append(lower)
        else:
            titled.append(_title_part(part))
    return "-".join(titled)


def _title_part(part: str) -> str:
    """One hyphen-free piece: O'BRIEN -> O'Brien, SYRIA'S -> Syria's, MCCAIN -> McCain."""
    if "'" in part:
        head, _, tail = part.partition("'")
        if len(head) == 1 and len(tail) > 1:
            return head.upper() + "'" + _title_part(tail)
        return _title_part(head) + "'" + tail.lower()
    match = re.match(r"^([(\"]*)(.*?)([)\".,]*)$", part)
    lead, core, trail = match.groups() if match else ("", part, "")
    if core[:2].upper() == "MC" and len(core) > 3 and core[2:].isalpha():
        return lead + "Mc" + core[2:].capitalize() + trail
    return lead + core.capitalize() + trail
