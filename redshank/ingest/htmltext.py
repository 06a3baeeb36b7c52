"""Extract the title and visible article text from HTML with the standard library parser."""

from __future__ import annotations

from html.parser import HTMLParser

SKIPPED_TAGS = frozenset(
    {"head", "script", "style", "nav", "noscript", "template", "aside", "footer", "form", "svg"}
)
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


class _ArticleTextParser(HTMLParser):
    """Collects the <title> and the text of block elements outside skipped sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.blocks: list[str] = []
        self._lines: list[str] = []
        self._line: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "body":
            # An unclosed <head> (allowed in HTML) must not hide the body.
            self._skip_depth = 0
            self._end_block()
        elif tag in SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "br":
            self._end_line()
        elif tag in BLOCK_TAGS:
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        self._end_block()

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
    becomes a newline; script, style, navigation, asides and footers are dropped.
    """
    parser = _ArticleTextParser()
    parser.feed(markup)
    parser.close()
    title = " ".join("".join(parser.title_parts).split()) or None
    return title, "\n\n".join(parser.blocks)
