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
from html import unescape

from htmldate import find_date
from lxml.etree import ParserError, XMLSyntaxError, _Element
from lxml.html import HtmlElement, fromstring
from trafilatura import bare_extraction, load_html
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

from redshank.ingest.htmltext import hidden_by_attributes, html_to_text
from redshank.model import parse_day

JSON_LD = "application/ld+json"
# Elements a reader never sees (JSON-LD metadata is kept until it is read); elements with a
# `style` are candidates, checked by htmltext.hidden_by_attributes.
HIDDEN_ELEMENTS = (
    "//template | //noscript | //style"
    f" | //script[not(normalize-space(@type) = '{JSON_LD}')]"
    " | //*[@hidden]"
    " | //*[translate(normalize-space(@aria-hidden), 'TRUE', 'true') = 'true']"
    " | //*[@style]"
)
# The date metadata htmldate reads: meta tags, JSON-LD, <time>, <abbr> and microdata dates
# (not other microdata: `itemprop="articleBody"` holds the whole text and its dates).
DATE_ELEMENTS = (
    f"//meta | //script[normalize-space(@type) = '{JSON_LD}'] | //time | //abbr"
    " | //*[contains(translate(@itemprop, 'DATE', 'date'), 'date')]"
)
# A modification date is not a publication date: htmldate falls back to one when the page
# has no other, so such elements and JSON-LD values are left out of what it reads.
MODIFIED = re.compile(r"modif|updat|revis|last-?mod", re.IGNORECASE)
PUBLISHED = re.compile(r"publish|pubdate|created", re.IGNORECASE)
DATE_ATTRIBUTES = ("name", "property", "itemprop", "http-equiv", "class", "id")
# Elements holding a date for the reader; when some are marked as the publication date,
# the others (an event's date, a "last updated") are not read.
CLOCKS = frozenset({"time", "abbr"})
JSON_LD_MODIFIED = re.compile(r'"date(?:Modified|Updated)"\s*:\s*"[^"]*"', re.IGNORECASE)
EARLIEST_PUBLISHED = "1995-01-01"
LATEST_PUBLISHED = "2999-12-31"
# Characters that only guide line breaking or joining and would split words for the parser.
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")
# Elements of trafilatura's output that start a new paragraph; `lb` is a line break.
BLOCK_TAGS = frozenset({"head", "p", "item", "list", "quote", "row", "table", "code", "div"})

LOGGER = logging.getLogger(__name__)


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
    title, url, site_name = page_metadata(tree)
    published = published_date(tree)
    language = declared_language(tree)
    for script in tree.xpath("//script"):
        script.drop_tree()
    text = article_text(tree)
    fallback = not text
    if fallback:
        fallback_title, text = html_to_text(markup)
        title = title or fallback_title
        text = clean_text(text)
    return HtmlArticle(
        text=text,
        title=title,
        published=published,
        url=url,
        source=site_name,
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


def strip_hidden(tree: HtmlElement) -> None:
    """Remove hidden elements and their content, keeping the text that follows them."""
    for element in tree.xpath(HIDDEN_ELEMENTS):
        hidden = element.tag in {"template", "noscript", "style", "script"} or _hidden(element)
        if hidden and element.getparent() is not None:
            element.drop_tree()


def _hidden(element: _Element) -> bool:
    return hidden_by_attributes(element.attrib.items())


def page_metadata(tree: HtmlElement) -> tuple[str | None, str | None, str | None]:
    """The page's title, URL and site name, as trafilatura's `extract_metadata` finds them
    (meta tags, OpenGraph, JSON-LD, `<title>`, `<h1>`, the canonical link), without the
    author, licence, categories and date searches we do not use, and without a site name
    made up from the URL's host."""
    found = examine_meta(tree)
    try:
        found = extract_meta_json(tree, found)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        LOGGER.debug("JSON-LD metadata not read", exc_info=True)
    title = found.title or extract_title(tree)
    url = found.url or extract_url(tree)
    site_name = found.sitename or extract_sitename(tree)
    if site_name:
        site_name = site_name.lstrip("@")
    return _clean_field(title), _clean_field(url), _clean_field(site_name)


def _clean_field(value: str | None) -> str | None:
    value = clean_text(" ".join(unescape(value).split())) if value else ""
    return value or None


def published_date(tree: HtmlElement) -> date | None:
    """The publication date in the page's date metadata, or None.

    htmldate reads a page made of the date metadata alone (no URL, text or images), and
    no modification dates.
    """
    probe = fromstring("<html><head></head><body></body></html>")
    head, body = probe
    elements = [
        element for element in tree.xpath(DATE_ELEMENTS)
        if not any(MODIFIED.search(element.get(name, "")) for name in DATE_ATTRIBUTES)
    ]
    if any(_marked_published(element) for element in elements if element.tag in CLOCKS):
        elements = [el for el in elements if el.tag not in CLOCKS or _marked_published(el)]
    for element in elements:
        copy = deepcopy(element)
        copy.tail = None
        if copy.tag == "script" and copy.text:
            copy.text = JSON_LD_MODIFIED.sub('"dateModified": null', copy.text)
        (head if element.tag == "meta" else body).append(copy)
    found = find_date(
        probe,
        extensive_search=False,
        original_date=True,
        url="",
        min_date=EARLIEST_PUBLISHED,
        max_date=LATEST_PUBLISHED,
    )
    return parse_day(found, "htmldate's date")


def _marked_published(element: _Element) -> bool:
    return "pubdate" in element.attrib or any(
        PUBLISHED.search(element.get(name, "")) for name in DATE_ATTRIBUTES
    )


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
    return "\n\n".join(blocks(extracted.body))


def blocks(body: _Element) -> list[str]:
    """The paragraphs of trafilatura's output tree; `<br>` becomes a line break inside one."""
    found: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        block = clean_text("".join(parts))
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
        parts.append(_spaced(element.text))
        for child in element:
            walk(child)
        if block:
            flush()
        parts.append(_spaced(element.tail))

    for child in body:
        walk(child)
    flush()
    return found


def _spaced(text: str | None) -> str:
    """Text of the output tree, its line breaks from the page's source turned into spaces."""
    return text.replace("\n", " ") if text else ""


def clean_text(text: str) -> str:
    """NFC text without soft hyphens and zero-width characters, empty lines, or runs of
    whitespace inside a line; paragraphs stay separated by one blank line."""
    text = unicodedata.normalize("NFC", text.translate(INVISIBLE))
    paragraphs = []
    for block in text.split("\n\n"):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)

