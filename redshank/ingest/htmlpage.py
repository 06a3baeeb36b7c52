"""Read a news page with trafilatura: the article's text without boilerplate, and its metadata.

Hidden elements are removed before anything is extracted, so their text is never coded.
The publication date comes only from the page's date metadata (meta tags, JSON-LD,
microdata, `<time>`), never from its URL, its body text or today's date. When trafilatura
finds no article text, the page's visible text is read whole by `htmltext.html_to_text`,
and the page says so in a warning.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

from htmldate import find_date
from lxml.etree import ParserError, XMLSyntaxError, _Element
from lxml.html import HtmlElement, fromstring
from trafilatura import bare_extraction, extract_metadata, load_html

from redshank.ingest.htmltext import HIDING_STYLE, html_to_text

HIDDEN_TAGS = frozenset({"template", "noscript", "script", "style"})
JSON_LD = "application/ld+json"
# The date metadata htmldate reads: meta tags, JSON-LD, microdata, <time> and <abbr>.
DATE_ELEMENTS = "//meta | //script[@type='application/ld+json'] | //time | //abbr | //*[@itemprop]"
EARLIEST_PUBLISHED = "1995-01-01"
LATEST_PUBLISHED = "2999-12-31"
# Characters that only guide line breaking or joining and would split words for the parser.
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")
# Elements of trafilatura's output that start a new paragraph; `lb` is a line break.
BLOCK_TAGS = frozenset({"head", "p", "item", "list", "quote", "row", "table", "code", "div"})
_URL_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", re.IGNORECASE)

# trafilatura and htmldate log every page they discard; ingest reports that itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a page yields: its article text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    fallback: bool = False


def read_html(markup: str) -> HtmlArticle:
    """The article in `markup`: text, title, publication date, URL, site name, language.

    `fallback` is true when trafilatura found no article text and the visible text of the
    whole page was read instead.
    """
    tree = _parse(markup)
    if tree is None:
        title, text = html_to_text(markup)
        return HtmlArticle(text=clean_text(text), title=title, fallback=True)
    strip_hidden(tree)
    meta = extract_metadata(tree)
    published = published_date(tree)
    language = declared_language(tree)
    for script in tree.xpath("//script"):
        script.drop_tree()
    text = article_text(tree)
    title = clean_text(meta.title) if meta.title else None
    fallback = not text
    if fallback:
        fallback_title, text = html_to_text(markup)
        title = title or fallback_title
        text = clean_text(text)
    return HtmlArticle(
        text=text,
        title=title or None,
        published=published,
        url=meta.url,
        source=_declared_site_name(meta.sitename, meta.url),
        language=language,
        fallback=fallback,
    )


def _parse(markup: str) -> HtmlElement | None:
    """The page's tree, or None when lxml cannot make one (then the fallback reads it)."""
    try:
        tree = load_html(markup)
        if tree is None and markup.strip():
            tree = fromstring(f"<div>{markup}</div>")
    except (ParserError, XMLSyntaxError, ValueError):
        return None
    return tree


def hides(element: _Element) -> bool:
    """True for an element a reader never sees (JSON-LD metadata is kept until it is read)."""
    if element.tag in HIDDEN_TAGS:
        return not (element.tag == "script" and element.get("type", "").strip() == JSON_LD)
    attributes = element.attrib
    if "hidden" in attributes:
        return True
    if attributes.get("aria-hidden", "").strip().lower() == "true":
        return True
    style = attributes.get("style")
    return bool(style and HIDING_STYLE.search(style))


def strip_hidden(tree: HtmlElement) -> None:
    """Remove hidden elements and their content, keeping the text that follows them."""
    for element in [el for el in tree.iter() if isinstance(el.tag, str) and hides(el)]:
        if element.getparent() is not None:
            element.drop_tree()


def published_date(tree: HtmlElement) -> date | None:
    """The publication date in the page's date metadata, or None; never from the URL."""
    probe = fromstring("<html><head></head><body></body></html>")
    head, body = probe
    for element in tree.xpath(DATE_ELEMENTS):
        copy = deepcopy(element)
        copy.tail = None
        (head if element.tag == "meta" else body).append(copy)
    found = find_date(
        probe,
        extensive_search=False,
        original_date=True,
        url="",
        min_date=EARLIEST_PUBLISHED,
        max_date=LATEST_PUBLISHED,
    )
    return date.fromisoformat(found) if found else None


def declared_language(tree: HtmlElement) -> str | None:
    """The language the page declares (`<html lang>`, else Content-Language), lower-cased."""
    values = [tree.get("lang"), tree.get("xml:lang")]
    values += tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
                         "='content-language']/@content")
    for value in values:
        if value and value.strip():
            return value.strip().split(",")[0].strip().lower()
    return None


def article_text(tree: HtmlElement) -> str:
    """The main text trafilatura finds (no navigation, sidebars, comments), a block a paragraph."""
    extracted = bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,
    )
    if extracted is None or extracted.body is None:
        return ""
    return clean_text("\n\n".join(blocks(extracted.body)))


def blocks(body: _Element) -> list[str]:
    """The paragraphs of trafilatura's output tree: a line break inside one becomes \\n."""
    found: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        block = "\n".join(line for line in lines if line)
        if block:
            found.append(block)
        parts.clear()

    def walk(element: _Element) -> None:
        block = element.tag in BLOCK_TAGS
        if block:
            flush()
        elif element.tag == "lb":
            parts.append("\n")
        elif element.tag == "cell":
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            walk(child)
        if block:
            flush()
        parts.append(element.tail or "")

    for child in body:
        walk(child)
    flush()
    return found


def clean_text(text: str) -> str:
    """NFC text without soft hyphens and zero-width characters."""
    return unicodedata.normalize("NFC", text.translate(INVISIBLE))


def _declared_site_name(sitename: str | None, url: str | None) -> str | None:
    """The site name the page gives; not the one trafilatura makes up from the URL's host."""
    if not sitename:
        return None
    host = _URL_HOST.match(url or "")
    if host and sitename.lower() in {host[1].lower(), host[0].lower()}:
        return None
    return clean_text(sitename)

