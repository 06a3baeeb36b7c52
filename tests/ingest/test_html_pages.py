"""HTML pages read with trafilatura: article text only, page metadata, hidden text never coded."""

from __future__ import annotations

import json
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redshank.api import code_documents
from redshank.errors import InputError
from redshank.ingest.documents import IngestOptions, Metadata, document_from_bytes
from redshank.ingest.htmlpage import read_html
from redshank.model import Document, Failure
from tests.ingest.conftest import ENGLISH, FRENCH, documents, failures, read_all

PAGES = Path(__file__).parent / "data" / "html"
NEWS = PAGES / "news_article.html"
NEWS_URL = "https://www.dailyledger.example/world/2014/06/19/iraq-asks-us-for-air-strikes"
# Text in the news page's sidebars, hidden elements, banner, comments and footer. Each of
# the event sentences is coded as an event when it is given as a text of its own.
NOT_ARTICLE = [
    "Iran says it will attack Israel",
    "Kurdish fighters take control of Kirkuk",
    "Saudi Arabia criticises Qatar",
    "China warns it will attack Taiwan",
    "Russia will invade",
    "Syria vowed to bomb Jordan",
    "Turkey threatened to attack Greece",
    "Pakistan accused India",
    "Egypt condemned Ethiopia",
    "Israel will surely strike Iran",
    "We use cookies",
    "Accept all cookies",
    "All rights reserved",
    "Home",
    "Topics:",
    "Photo: Daily Ledger",
]
NOT_ARTICLE_COUNTRIES = {
    "IRN", "ISR", "SAU", "QAT", "CHN", "TWN", "RUS", "SYR", "JOR", "TUR", "GRC", "PAK",
    "IND", "EGY", "ETH",
}  # fmt: skip
ARTICLE = ENGLISH.replace("\n\n", " ")


def page(body: str, head: str = "", lang: str = "en") -> str:
    """A small news page around `body`, with a menu and a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>'
        f"<main><article>{body}</article></main>"
        "<footer><p>Copyright 2014 Example News. All rights reserved.</p></footer></body></html>"
    )


def read_page(tmp_path: Path, markup: str, name: str = "page.html", **options) -> Document:
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    [item] = read_all([str(path)], **options)
    assert isinstance(item, Document), item
    return item


def read_failure(tmp_path: Path, markup: str, name: str = "page.html") -> Failure:
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    [item] = read_all([str(path)])
    assert isinstance(item, Failure), item
    return item


@pytest.fixture(scope="module")
def news() -> Document:
    [item] = read_all([str(NEWS)])
    assert isinstance(item, Document), item
    return item


def test_news_page_metadata_comes_from_its_meta_tags(news: Document) -> None:
    assert news.id == "news_article"
    assert news.title == "Iraq asks U.S. for air strikes on Sunni militants"
    assert news.published == date(2014, 6, 18)
    assert news.published_from == "metadata"
    assert news.url == NEWS_URL
    assert news.source == "The Daily Ledger"
    assert news.warnings == []


def test_news_page_text_is_the_article_in_paragraphs(news: Document) -> None:
    paragraphs = news.text.split("\n\n")
    assert paragraphs[0] == "Iraq asks U.S. for air strikes on Sunni militants"
    assert paragraphs[1].startswith("BAGHDAD, June 18 (Daily Ledger) - Iraq asked the United")
    assert paragraphs[1].endswith("Foreign Minister Hoshyar Zebari said.")
    assert paragraphs[-1].startswith("President Barack Obama said")
    assert len(paragraphs) == 5
    assert "\n\n\n" not in news.text
    assert unicodedata.is_normalized("NFC", news.text)


@pytest.mark.parametrize("words", NOT_ARTICLE)
def test_news_page_text_has_no_sidebar_hidden_banner_comment_or_footer(
    news: Document, words: str
) -> None:
    assert words not in news.text


def test_news_page_yields_the_article_events_and_none_from_its_boilerplate(pipeline) -> None:
    [result] = list(code_documents([str(NEWS)], pipeline=pipeline))
    assert result.failures == []
    events = result.events
    assert any(e.event == "REQUEST" and e.evidence.trigger == "asked" for e in events)
    for event in events:
        countries = {actor.country for actor in event.actor + event.recipient}
        assert not countries & NOT_ARTICLE_COUNTRIES, event.sentence
        assert event.event != "THREATEN", event.sentence
        sentence = event.sentence_span
        assert sentence is not None
        assert result.document.text[sentence.start : sentence.end] == event.sentence
        trigger = event.evidence.span
        assert event.evidence.trigger.startswith(result.document.text[trigger.start : trigger.end])


def test_sidebar_headline_alone_is_coded_as_a_threat(pipeline) -> None:
    """What the news page test guards against: the sidebar headline is an event sentence."""
    from redshank.api import code_texts

    [result] = list(code_texts(["Related: Iran says it will attack Israel"], pipeline=pipeline))
    assert [event.event for event in result.events] == ["THREATEN"]


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        ('<meta property="article:published_time" content="2014-06-18T23:30:00-05:00">'
         '<meta property="article:modified_time" content="2014-06-20T08:00:00Z">',
         "", date(2014, 6, 18)),
        ('<meta name="date" content="June 12, 2014">', "", date(2014, 6, 12)),
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
         '[{"@type": "NewsArticle", "datePublished": "2014-06-16T09:00:00Z", '
         '"dateModified": "2014-06-21"}]}</script>', "", date(2014, 6, 16)),
        ("", '<time datetime="2014-06-15T08:00:00Z">15 June</time>', date(2014, 6, 15)),
        ("", '<meta itemprop="datePublished" content="2014-06-13">', date(2014, 6, 13)),
    ],
    ids=["article-meta", "meta-name-date", "json-ld-graph", "time-element", "microdata"],
)
def test_publication_date_from_the_page_metadata(
    tmp_path: Path, head: str, body_extra: str, expected: date
) -> None:
    markup = page(f"<h1>Coalition formed</h1>{body_extra}<p>{ARTICLE}</p>", head)
    doc = read_page(tmp_path, markup)
    assert (doc.published, doc.published_from) == (expected, "metadata")


def test_no_publication_date_is_guessed_from_the_url_text_images_or_today(
    tmp_path: Path,
) -> None:
    head = (
        '<title>Coalition formed 2014-06-11</title>'
        '<link rel="canonical" href="https://news.example/2014/06/19/coalition">'
        '<meta property="og:url" content="https://news.example/2014/06/19/coalition">'
    )
    body = (
        '<div itemprop="articleBody"><h1>Coalition formed on June 11, 2014</h1>'
        '<div class="date">Posted 2014-06-10</div>'
        f'<p>On 3 March 2014 the talks began. {ARTICLE}</p>'
        '<img src="/images/2014/06/09/photo.jpg" alt="photo"></div>'
    )
    doc = read_page(tmp_path, page(body, head))
    assert doc.url == "https://news.example/2014/06/19/coalition"
    assert (doc.published, doc.published_from) == (None, "none")


@pytest.mark.parametrize(
    ("head", "body_extra"),
    [
        ('<meta property="article:modified_time" content="2014-06-21T10:00:00Z">', ""),
        ('<meta name="last-modified" content="2014-06-21">', ""),
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"dateModified": "2014-06-21T10:00:00Z"}</script>', ""),
        ("", '<time itemprop="dateModified" datetime="2014-06-21">Updated</time>'),
        ("", '<time class="updated" datetime="2014-06-21">Updated 21 June</time>'),
    ],
    ids=["article-meta", "last-modified", "json-ld", "microdata", "time-class"],
)
def test_a_modification_date_is_not_taken_as_the_publication_date(
    tmp_path: Path, head: str, body_extra: str
) -> None:
    doc = read_page(tmp_path, page(f"{body_extra}<p>{ARTICLE}</p>", head))
    assert doc.published is None


def test_time_marked_as_published_wins_over_other_times(tmp_path: Path) -> None:
    body = (
        '<time datetime="2014-06-10">Talks began on 10 June</time>'
        '<time itemprop="datePublished" datetime="2014-06-13T10:00">13 June</time>'
        f"<p>{ARTICLE}</p>"
    )
    assert read_page(tmp_path, page(body)).published == date(2014, 6, 13)


def test_page_metadata_wins_over_published_and_source_options(news: Document) -> None:
    [doc] = read_all([str(NEWS)], published=date(2020, 1, 1), source="Wire")
    assert isinstance(doc, Document)
    assert (doc.published, doc.source) == (date(2014, 6, 18), "The Daily Ledger")


def test_published_and_source_options_fill_what_the_page_lacks(tmp_path: Path) -> None:
    doc = read_page(
        tmp_path, page(f"<p>{ARTICLE}</p>"), published=date(2014, 6, 1), source="Wire"
    )
    assert (doc.published, doc.published_from, doc.source) == (date(2014, 6, 1), "metadata",
                                                               "Wire")


def test_site_name_is_not_made_up_from_the_url(tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://www.news.example/world/coalition">'
    doc = read_page(tmp_path, page(f"<p>{ARTICLE}</p>", head), source="Wire")
    assert (doc.url, doc.source) == ("https://www.news.example/world/coalition", "Wire")


def test_manifest_record_metadata_wins_over_the_page(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "story.html")
    record = {"path": "story.html", "title": "Own title", "published": "2014-06-17",
              "source": "Own source"}
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps(record) + "\n" + json.dumps({"path": "bare.html"}) + "\n")
    shutil.copy(NEWS, tmp_path / "bare.html")
    (tmp_path / "bare.html").write_text(NEWS.read_text().replace("Iraq asked", "Iraq begged"))
    own, bare = read_all([str(manifest)], source="Flag source")
    assert isinstance(own, Document)
    assert isinstance(bare, Document)
    assert (own.title, own.published, own.source, own.url) == (
        "Own title", date(2014, 6, 17), "Own source", NEWS_URL)
    assert (bare.title, bare.published, bare.source) == (
        "Iraq asks U.S. for air strikes on Sunni militants", date(2014, 6, 18),
        "The Daily Ledger")


@pytest.mark.parametrize(
    "hidden",
    [
        '<div style="display:none">SECRET words</div>',
        '<p style="color: red; display: none !important">SECRET words</p>',
        '<span style="visibility:hidden">SECRET words</span>',
        "<div hidden><p>SECRET</p><div>words</div></div>",
        '<p aria-hidden="true">SECRET words</p>',
        '<p aria-hidden="TRUE">SECRET words</p>',
        "<noscript><p>SECRET enable scripts</p></noscript>",
        "<template><p>SECRET template</p></template>",
        "<script>document.write('SECRET script')</script>",
        "<style>p::after { content: 'SECRET style' }</style>",
        "<p hidden>SECRET unclosed paragraph",
        "<ul><li hidden>SECRET item<li>Shown item</ul>",
    ],
)
def test_hidden_html_is_stripped_before_extraction(tmp_path: Path, hidden: str) -> None:
    markup = page(f"<h1>Coalition formed</h1><p>{ARTICLE}</p>{hidden}<p>Visible <b>after</b>.</p>")
    doc = read_page(tmp_path, markup)
    assert "SECRET" not in doc.text
    assert doc.text.startswith("Coalition formed\n\nThe United States said on Friday")
    assert doc.text.endswith("Visible after.")


def test_visible_text_around_a_hidden_span_stays_one_paragraph() -> None:
    article = read_html(page(f"<p>Iraq asked <span hidden>SECRET</span> the U.S. {ARTICLE}</p>"))
    assert article.text == f"Iraq asked the U.S. {ARTICLE}"


def test_line_breaks_lists_and_quotes_keep_their_structure() -> None:
    article = read_html(
        page(
            f"<h1>Coalition formed</h1><p>{ARTICLE}<br>Second line.</p>"
            "<blockquote><p>We will not send troops, the president said.</p></blockquote>"
            "<ul><li>First point of the plan</li><li>Second point of the plan</li></ul>"
        )
    )
    assert article.text.split("\n\n") == [
        "Coalition formed",
        f"{ARTICLE}\nSecond line.",
        "We will not send troops, the president said.",
        "First point of the plan",
        "Second point of the plan",
    ]


def test_text_is_nfc_without_soft_hyphens_or_zero_width_spaces(tmp_path: Path) -> None:
    body = f"<p>Qu\u0065\u0301bec and Wash\u00adington\u200b agreed. {ARTICLE}</p>"
    doc = read_page(tmp_path, page(body))
    assert doc.text.startswith("Qu\u00e9bec and Washington agreed.")
    assert unicodedata.is_normalized("NFC", doc.text)


def test_french_page_is_refused_as_not_english(tmp_path: Path) -> None:
    [failure] = read_all([str(PAGES / "french_article.html")])
    assert isinstance(failure, Failure)
    assert failure.doc_id == "french_article"
    assert failure.stage == "ingest"
    assert "does not look like English" in failure.message
    assert "declares its language as 'fr'" in failure.message


def test_short_page_declared_french_is_refused(tmp_path: Path) -> None:
    failure = read_failure(tmp_path, page("<p>Le Mali demande l'aide de la France.</p>",
                                          lang="fr-FR"))
    assert "does not look like English" in failure.message
    assert "too short" in failure.message


def test_french_text_on_a_page_without_a_language_is_refused(tmp_path: Path) -> None:
    failure = read_failure(tmp_path, page(f"<p>{FRENCH}</p>", lang=""))
    assert "does not look like English" in failure.message


def test_english_text_on_a_page_declared_german_is_read_with_a_warning(tmp_path: Path) -> None:
    doc = read_page(tmp_path, page(f"<h1>Coalition</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>",
                                   lang="de"))
    [warning] = doc.warnings
    assert "declares its language as 'de'" in warning
    assert "reads as English" in warning


def test_malformed_html_gives_best_effort_text(tmp_path: Path) -> None:
    [doc] = read_all([str(PAGES / "malformed_article.html")])
    assert isinstance(doc, Document)
    assert doc.title == "Kurds take Kirkuk"
    assert doc.published == date(2014, 6, 12)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Kurds take Kirkuk"
    assert paragraphs[1].startswith("Kurdish forces took full control of the northern oil city")
    assert any(p.startswith("Iraqi army units fled") and p.endswith("to hold it.")
               for p in paragraphs)
    assert "Baghdad condemned the move & also accused the Kurds" in doc.text


@pytest.mark.parametrize("markup", ["</p></div><br><!-- a comment -->",
                                    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                    "<div hidden><p>Only hidden text here.</p></div>"])
def test_page_without_visible_text_is_a_failure_naming_it(tmp_path: Path, markup: str) -> None:
    failure = read_failure(tmp_path, markup, name="empty-page.html")
    assert failure.doc_id == "empty-page"
    assert failure.path == str(tmp_path / "empty-page.html")
    assert "has no visible paragraph or heading text" in failure.message


@pytest.mark.parametrize(
    "markup",
    [
        "Iraq asked the U.S. for help.",
        "<html><body><span>Iraq asked the U.S. for help.</span></body></html>",
        '<html><body><div class="footer">Iraq asked the U.S. for help.</div></body></html>',
    ],
)
def test_page_trafilatura_finds_no_text_in_is_read_whole_with_a_warning(
    tmp_path: Path, markup: str
) -> None:
    doc = read_page(tmp_path, markup, name="brief.html")
    assert doc.text == "Iraq asked the U.S. for help."
    [warning] = doc.warnings
    assert warning.startswith("doc 'brief': no article text found by trafilatura")


def test_each_html_page_is_one_document_in_a_folder(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "a.html")
    (tmp_path / "b.htm").write_text(page(f"<p>{ARTICLE}</p>"), encoding="utf-8")
    items = read_all([str(tmp_path)])
    assert failures(items) == []
    assert [doc.id for doc in documents(items)] == ["a", "b"]


tags = st.sampled_from(["p", "div", "span", "b", "li", "ul", "br", "table", "td", "h1", "nav",
                        "aside", "script", "template", "article", "body", "html", "head"])
markup_pieces = (
    st.builds(lambda tag: f"<{tag}>", tags)
    | st.builds(lambda tag: f"</{tag}>", tags)
    | st.sampled_from(["<p hidden>", '<div style="display:none">', "<!--", "-->", "&amp;",
                       "&", "<", ">", "\u00ad", "e\u0301", "\n\n", "<meta lang='fr'>"])
    | st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(markup_pieces, max_size=30))
def test_any_markup_gives_a_document_or_a_failure_and_clean_paragraphs(pieces: list[str]) -> None:
    markup = "".join(pieces)
    data = (markup + f"<p>{ARTICLE}</p>").encode("utf-8")
    meta = Metadata(id="page")
    try:
        doc = document_from_bytes(data, meta, path="page.html", html=True,
                                  options=IngestOptions())
    except InputError as exc:
        assert exc.doc_id == "page"
        return
    assert unicodedata.is_normalized("NFC", doc.text)
    assert "\u00ad" not in doc.text
    for paragraph in doc.text.split("\n\n"):
        assert paragraph
        assert all(line and line == " ".join(line.split()) for line in paragraph.split("\n"))
