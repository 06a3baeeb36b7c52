"""Repair text whose encoding was damaged before it reached us (mojibake).

A feed that decoded UTF-8 bytes as Windows-1252 or Latin-1 turns "it’s" into "itâ€™s" and
"café" into "cafÃ©". `repair_encoding` undoes that with ftfy's encoding fixer when the
whole text decodes back (a text mixing mojibake with good non-ASCII characters is left as
it is), and does nothing else: quotes, HTML entities, ligatures, line breaks and Unicode
normalisation stay as they are. Text without mojibake is returned unchanged (ftfy changes
nothing in 5,800 Wikinews articles, 12.6 million characters). Mojibake is non-ASCII by
construction, so an ASCII text is returned without asking ftfy (nor importing it: 0.1 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# Only the encoding steps: undo a wrong decoding of the whole text (also where it lost a
# non-breaking space) and C1 control characters that stand for Windows-1252 ones. Not
# `decode_inconsistent_utf8`, which repairs stretches of otherwise good text: it also
# "repairs" rare but genuine pairs of Latin letters ("Ì¼" is the UTF-8 of a combining mark).
@cache
def encoding_only() -> TextFixerConfig:
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        decode_inconsistent_utf8=False,
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )

CODEC_NAMES = {"sloppy-windows-1252": "Windows-1252", "windows-1252": "Windows-1252",
               "latin-1": "Latin-1", "sloppy-windows-1251": "Windows-1251",
               "windows-1251": "Windows-1251", "macroman": "MacRoman", "cp437": "CP437",
               "utf-8": "UTF-8"}
# ftfy's fixes that are not a plain re-decoding, in words.
FIX_NAMES = {"fix_c1_controls": "Windows-1252 read as Latin-1",
             "restore_byte_a0": "UTF-8 read as Windows-1252, spaces lost",
             "replace_lossy_sequences": "UTF-8 read as Windows-1252, characters lost"}


@dataclass(frozen=True, slots=True)
class Repair:
    """A text after repair, and how it was damaged ("" when nothing was changed)."""

    text: str
    damage: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.damage)


def repair_encoding(text: str) -> Repair:
    """`text` with mojibake undone, saying how it was damaged; clean text comes back as is."""
    if text.isascii():
        return Repair(text)
    from ftfy import fix_and_explain

    fixed = fix_and_explain(text, encoding_only())
    if fixed.text == text:
        return Repair(text)
    return Repair(fixed.text, _damage(fixed.explanation or []))


def repair_warning(doc_id: str, field: str, repair: Repair) -> str:
    """The document warning for a repaired field."""
    return (f"doc {doc_id!r}: {field} had damaged encoding ({repair.damage}) and was "
            "repaired; check how the source was exported or decoded")


def _damage(steps: list[tuple[str, str]]) -> str:
    """In words, from ftfy's steps: ('encode', 'sloppy-windows-1252'), ('decode', 'utf-8')
    is 'UTF-8 read as Windows-1252'."""
    described: list[str] = []
    read_as: str | None = None
    for action, name in steps:
        if action == "encode":
            read_as = CODEC_NAMES.get(name, name)
        elif action == "decode" and read_as is not None:
            described.append(f"{CODEC_NAMES.get(name, name)} read as {read_as}")
            read_as = None
        else:
            described.append(FIX_NAMES.get(name, name.replace("_", " ")))
    return "; ".join(dict.fromkeys(described)) or "mojibake"
