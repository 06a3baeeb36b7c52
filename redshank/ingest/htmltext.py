"""Extract the title and visible article text from HTML with the standard library parser."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser

SKIPPED_TAGS = frozenset(
    {
        "head", "script", "style", "nav", "noscript", "template", "aside", "footer", "form",
        "svg", "iframe",
    }
)  # fmt: skip
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
VOID_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)  # fmt: skip
HEAD_TAGS = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})
_SCOPE = frozenset({"html", "body", "table", "td", "th", "caption", "template"})
_CLOSES_P = BLOCK_TAGS - {"caption", "td", "th", "tr"} | {
    "aside", "details", "fieldset", "footer", "form", "hgroup", "menu", "nav",
}  # fmt: skip
# A start tag that ends an open element whose end tag HTML lets authors leave out:
# start tag -> (elements it closes, elements that stop the search).
_IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), _SCOPE | {"ul", "ol"}),
    "dt": (frozenset({"dt", "dd"}), _SCOPE | {"dl"}),
    "dd": (frozenset({"dt", "dd"}), _SCOPE | {"dl"}),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
HIDING_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*"
    r"(?:!\s*important\s*)?(?:;|$)",
    re.IGNORECASE,
)


def hides_content(tag: str, attrs: Iterable[tuple[str, str | None]]) -> bool:
    """True for an element whose content a reader never sees: skipped tags, hidden elements."""
    return tag in SKIPPED_TAGS or hidden_by_attributes(attrs)


def hidden_by_attributes(attrs: Iterable[tuple[str, str | None]]) -> bool:
    """`hidden`, `aria-hidden="true"` or an inline style that hides the element."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
        if name == "style" and value and HIDING_STYLE.search(value):
            return True
    return False


class _ArticleTextParser(HTMLParser):
    """Collects the <title> and the text of block elements outside hidden elements.

    It keeps a stack of open elements (closing those whose end tag HTML lets authors omit),
    so a hidden element hides exactly its content.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.blocks: list[str] = []
        self._lines: list[str] = []
        self._line: list[str] = []
        self._open: list[tuple[str, bool]] = []
        self._open_count: Counter[str] = Counter()
        self._hidden_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        if tag == "title":
            self._in_title = True
        elif tag == "br":
            self._end_line()
        elif tag in BLOCK_TAGS:
            self._end_block()
        if tag not in VOID_TAGS and tag != "title":
            hidden = hides_content(tag, attrs)
            self._open.append((tag, hidden))
            self._open_count[tag] += 1
            self._hidden_depth += hidden

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in BLOCK_TAGS:
            self._end_block()
        if self._open_count[tag]:
            self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._hidden_depth:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        self._end_block()

    def _close_implied(self, tag: str) -> None:
        """Close what a start tag implicitly ends: an open <p>, <li>, <td>, or the <head>."""
        if tag == "body" or (tag not in HEAD_TAGS and tag not in {"head", "html"}):
            self._close_nearest(frozenset({"head"}), frozenset())
        if tag in _CLOSES_P:
            self._close_nearest(frozenset({"p"}), _SCOPE | {"button"})
        if tag in _IMPLIED_ENDS:
            self._close_nearest(*_IMPLIED_ENDS[tag])

    def _close_nearest(self, names: frozenset[str], stops: frozenset[str]) -> None:
        if not any(self._open_count[name] for name in names):
            return
        for name, _hidden in reversed(self._open):
            if name in names:
                self._pop_to(name)
                return
            if name in stops:
                return

    def _pop_to(self, tag: str) -> None:
        while self._open:
            name, hidden = self._open.pop()
            self._open_count[name] -= 1
            self._hidden_depth -= hidden
            if name == tag:
                return

    def _end_line(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self._lines.append(line)
        self._line = []

    def _end_block(self) -> None:
        self._end_line()
        if self._lines:
            self.blocks.append("\n".join(self._lines))
        self._lines = []


def html_to_text(markup: str) -> tuple[str | None, str]:
    """The page title (or None) and its visible text, one block per paragraph or heading.

    Blocks are separated by blank lines, whitespace inside a block is collapsed and <br>
    becomes a newline. Script, style, navigation, asides, footers, iframes and hidden
    elements (`hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`)
    are dropped.
    """
    parser = _ArticleTextParser()
    parser.feed(markup)
    parser.close()
    title = " ".join("".join(parser.title_parts).split()) or None
    return title, "\n\n".join(parser.blocks)
