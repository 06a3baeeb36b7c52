"""Time to read one HTML news page: trafilatura (`read_html`) against the old extractor.

    python bench/html_pages.py [--corpus FILE.jsonl] [--pages N] [--repeat R]

Each page is a Wikinews article set in the markup of a commercial news site: about 40
meta tags and JSON-LD, 130 kB of inline script, a 150-link menu, a cookie banner, hidden
elements, three "related" sidebars, 40 reader comments and a 100-link footer (about
150 kB a page, the median size of a news page's HTML). We print milliseconds a page for
`htmltext.html_to_text` (the baseline, measured in the same run) and for `read_html`,
their ratio, and how well `read_html` did: article paragraphs kept, pages with any
sidebar, hidden or comment text, and publication dates read.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from redshank.ingest.htmlpage import read_html
from redshank.ingest.htmltext import html_to_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2004_2018.jsonl"
MIN_WORDS = 150
CHROME_MARKER = "ZZCHROME"  # in every sidebar, hidden element and comment; never in articles


def news_page(article: dict[str, str], index: int) -> str:
    """The article wrapped in a news site's chrome."""
    title = escape(article["title"])
    published = article["published"]
    url = f"https://news.example/world/{index}"
    paragraphs = "\n".join(
        f"<p>{escape(paragraph)}</p>" for paragraph in article["text"].split("\n\n")
    )
    metas = "\n".join(
        f'<meta name="tracking-{n}" content="value {n} for the ad server">' for n in range(30)
    )
    script = "<script>" + "var x=function(a,b){return a+b};" * 1000 + "</script>"
    menu = "".join(f'<li><a href="/s/{n}">Section {n}</a></li>' for n in range(150))
    related = "".join(
        '<div class="related"><h3>Related</h3><ul>'
        + "".join(
            f'<li><a href="/r/{s}{n}">{CHROME_MARKER} Iran says it will attack Israel {n}</a></li>'
            for n in range(10)
        )
        + "</ul></div>"
        for s in range(3)
    )
    comments = "".join(
        f'<div class="comment"><span class="user">reader{n}</span>'
        f"<p>{CHROME_MARKER} Israel will strike Iran first, comment {n}.</p></div>"
        for n in range(40)
    )
    footer = "".join(f'<li><a href="/f/{n}">Footer link {n}</a></li>' for n in range(100))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | News Example</title>
<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">
<meta property="og:site_name" content="News Example"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T09:30:00Z">
{metas}
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{published}T09:30:00Z"}}</script>
{script}{script}{script}
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept</button></div>
<header><nav><ul>{menu}</ul></nav>
<div style="display:none">{CHROME_MARKER} China warns it will attack Taiwan</div></header>
<main><div class="layout"><article><h1>{title}</h1>
<div class="byline">By Staff <time datetime="{published}">{published}</time></div>
{paragraphs}
<p hidden>{CHROME_MARKER} Syria vowed to bomb Jordan.</p>
<div aria-hidden="true">{CHROME_MARKER} advertisement</div>
</article><aside class="sidebar">{related}</aside></div>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<footer><ul>{footer}</ul><p>Copyright News Example</p></footer>
{script}</body></html>"""


def load_articles(path: Path, count: int) -> list[dict[str, str]]:
    """The first `count` articles of at least MIN_WORDS words with a title and a date."""
    found: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("title") and record.get("published") and (
                len((record.get("text") or "").split()) >= MIN_WORDS
            ):
                found.append(record)
                if len(found) == count:
                    break
    return found


def fastest_ms(read: Callable[[str], object], pages: list[str], repeat: int) -> float:
    """The fastest of `repeat` passes over `pages`, in milliseconds a page."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            read(page)
        best = min(best, time.perf_counter() - start)
    return best * 1000 / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.corpus, args.pages)
    pages = [news_page(article, n) for n, article in enumerate(articles)]
    kb = sum(len(page.encode("utf-8")) for page in pages) / len(pages) / 1000
    print(f"{len(pages)} pages, {kb:.0f} kB each on average")
    baseline = fastest_ms(html_to_text, pages, args.repeat)
    new = fastest_ms(read_html, pages, args.repeat)
    print(f"html_to_text (baseline): {baseline:6.1f} ms/page")
    print(f"read_html (trafilatura): {new:6.1f} ms/page  ({new / baseline:.2f}x the baseline)")
    kept = total = leaked = dated = fallbacks = 0
    for article, page in zip(articles, pages, strict=True):
        result = read_html(page)
        expected = [" ".join(p.split()) for p in article["text"].split("\n\n") if p.strip()]
        blocks = set(result.text.split("\n\n"))
        kept += sum(1 for paragraph in expected if paragraph in blocks)
        total += len(expected)
        leaked += CHROME_MARKER in result.text
        dated += result.published == date.fromisoformat(article["published"])
        fallbacks += result.fallback
    print(f"article paragraphs kept: {kept}/{total} ({kept / total:.1%})")
    print(f"pages with sidebar, hidden or comment text: {leaked}/{len(pages)}")
    print(f"publication dates read: {dated}/{len(pages)}; fallbacks: {fallbacks}")


if __name__ == "__main__":
    main()
