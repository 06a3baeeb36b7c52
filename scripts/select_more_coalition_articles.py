"""Select the Wikinews articles of the second (held-out) coalition ground truth and check it.

Usage:
    .venv/bin/python scripts/select_more_coalition_articles.py [--shared DIR] [--out FILE]
    .venv/bin/python scripts/select_more_coalition_articles.py --check [--truth FILE]

Writes redshank/data/evaluation/more_coalitions/articles.tsv (doc_id, coalition, half,
published, title), one row per article and coalition, in corpus order, and prints counts.
The columns, the halves and the truth schema are those of
redshank/data/evaluation/coalitions (scripts/select_coalition_articles.py), whose helpers
this script uses. Only the shared Wikinews corpus (wikinews_2004_2018.jsonl and
wikinews_2019_2021.jsonl) is read; "text" below is the title and the body, and a paragraph
is a line of the body (the title is a paragraph of its own).

Never selected, before any rule is applied:
    - an article whose title or text matches
      ``\\b(Iraq|Iraqis?|Baghdad|Afghanistan|Afghans?|Kabul|Taliban)\\b`` (any case): a
      private test set that is not read;
    - an article of the first coalition truth (coalitions/articles.tsv);
    - an article of the gold dev set (data/gold/wikinews_plover_articles.jsonl).

The rule, applied in this order to every other article (ids from the coalition
catalogue, redshank/data/coalitions/catalogue.jsonl):

amisom (African Union Mission to Somalia, 2007-)
    published on or after 2007-01-01 (the AU force that became AMISOM was being raised in
    January 2007; the AU's 2005 plan for a Peace Support Mission is another force), the
    text names Somalia or Mogadishu, and one paragraph either names ``AMISOM``,
    ``African Union``, ``AU`` or ``A.U.`` together with force, troops, soldiers,
    peace-?keep* or mission, or names Somalia or Mogadishu together with peace-?keep*.

international-stabilisation-force-timor (the Australian-led force in East Timor, 2006-2013)
    published 2006-05-01 .. 2013-03-31, the text names East Timor, Timor-Leste or Dili, and
    one paragraph matches peace-?keep*, "International Stabili[sz]ation Force",
    ``Operation Astute``, "international / multinational force(s)", or "Australian /
    Australian-led / New Zealand / Malaysian / Portuguese" (and the corpus's split
    "Australia n") followed by troops, soldiers, forces, military, deployment, Defence
    Force or peace-?keep*.

minustah (UN Stabilization Mission in Haiti, 2004-2017)
    published 2004-06-01 .. 2017-10-31, the text names Haiti, and either it matches
    ``MINUSTAH`` or "Stabili[sz]ation Mission in Haiti", or one paragraph matches
    peace-?keep* or "UN / U.N. / United Nations / [UN]" followed (within a word) by
    troops, force(s), soldiers, operations or mission.

eufor-tchad-rca (the EU force in Chad and the Central African Republic, 2008-2009)
    published 2007-07-01 .. 2009-03-31, and either the text matches ``EUFOR``, or it names
    Chad and one paragraph names ``European Union`` or ``EU`` together with force, troops,
    soldiers or peace-?keep*.

The brief's other candidates have no article: the corpus has no article from 2011 that
names Libya (operation-odyssey-dawn, unified-protector), and its only article on Yemen
after 2015 does not name the Saudi-led coalition (saudi-led-coalition-yemen).

No off-topic hit was dropped: an article in which the force is only mentioned is kept,
and its truth facts are the few it states (none, for some).
This gives 7 amisom, 9 international-stabilisation-force-timor, 8 minustah and 2
eufor-tchad-rca articles: 26 articles, 26 rows (no article is listed twice), fewer than
the 30-50 the brief hoped for; the corpus has no more.

half: "A" when int(sha256(doc_id).hexdigest(), 16) is even, else "B" (truth_files.half).

--check loads the truth file (truth.jsonl beside articles.tsv) and reports what
select_coalition_articles.check reports, with this truth's coalition ids.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from select_coalition_articles import (
    FORCE_WORD,
    PEACEKEEP,
    check,
    paragraphs,
    report_check,
    report_selection,
)
from truth_files import (
    gold_corpus_ids,
    half,
    names_private_set,
    read_corpus,
    read_tsv,
    selection_parser,
)

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "redshank" / "data" / "evaluation" / "more_coalitions"
FIRST_TRUTH = REPO / "redshank" / "data" / "evaluation" / "coalitions" / "articles.tsv"


SOMALIA = re.compile(r"\bSomalia\b|\bMogadishu\b")
AU_NAME = re.compile(r"\bAMISOM\b|African Union|\bAU\b|\bA\.U\.")
TIMOR = re.compile(r"East Timor|Timor-Leste|\bDili\b")
TIMOR_FORCE = re.compile(
    r"peace-?keep|International Stabili[sz]ation Force|Operation Astute"
    r"|\b(?:international|multinational)\s+forces?\b"
    r"|\b(?:Australian(?:-led)?|Australia\s+n(?:-led)?|New Zealand|Malaysian|Portuguese)\s+"
    r"(?:troops|soldiers|forces|military|deployment|Defence Force|peace-?keep)", re.I)
MINUSTAH = re.compile(r"\bMINUSTAH\b|Stabili[sz]ation Mission in Haiti", re.I)
UN_FORCE = re.compile(r"peace-?keep|(?:\bUN|\bU\.N\.|United Nations|\[UN\])\s+(?:\w+\s+)?"
                      r"(?:troops|forces?|soldiers|operations|mission)\b", re.I)
EUFOR = re.compile(r"\bEUFOR\b")
EU_NAME = re.compile(r"European Union|\bEU\b")
EU_FORCE_WORD = re.compile(r"\bforces?\b|\btroops\b|\bsoldiers\b|peace-?keep", re.I)

COALITIONS = ("amisom", "international-stabilisation-force-timor", "minustah",
              "eufor-tchad-rca")


def coalitions_of(article: dict) -> list[str]:
    text = article["title"] + "\n" + article["text"]
    paras = paragraphs(article)
    published = article.get("published") or ""
    found = []
    if published >= "2007-01-01" and SOMALIA.search(text) and any(
            (AU_NAME.search(p) and FORCE_WORD.search(p))
            or (SOMALIA.search(p) and PEACEKEEP.search(p)) for p in paras):
        found.append("amisom")
    if "2006-05-01" <= published <= "2013-03-31" and TIMOR.search(text) \
            and any(TIMOR_FORCE.search(p) for p in paras):
        found.append("international-stabilisation-force-timor")
    if "2004-06-01" <= published <= "2017-10-31" and "Haiti" in text and (
            MINUSTAH.search(text) or any(UN_FORCE.search(p) for p in paras)):
        found.append("minustah")
    if "2007-07-01" <= published <= "2009-03-31" and (
            EUFOR.search(text) or (re.search(r"\bChad\b", text) and any(
                EU_NAME.search(p) and EU_FORCE_WORD.search(p) for p in paras))):
        found.append("eufor-tchad-rca")
    return found


def excluded_ids(shared: Path) -> set[str]:
    """The articles of the first coalition truth and of the gold dev set."""
    return ({row["doc_id"] for row in read_tsv(FIRST_TRUTH)}
            | gold_corpus_ids(shared))


def eligible(articles: Iterable[dict], excluded: set[str]) -> Iterable[dict]:
    """The articles that may be selected: not excluded by id, and naming no private word."""
    for article in articles:
        if article["id"] in excluded:
            continue
        if names_private_set(article):
            continue
        yield article


def select(shared: Path) -> list[dict]:
    rows = []
    folder = shared / "data" / "wikinews"
    for article in eligible(read_corpus(folder), excluded_ids(shared)):
        for coalition in coalitions_of(article):
            rows.append({"doc_id": article["id"], "coalition": coalition,
                         "half": half(article["id"]),
                         "published": article.get("published") or "",
                         "title": " ".join(article["title"].split())})
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = selection_parser(__doc__.splitlines()[0], OUT_DIR).parse_args(argv)
    folder = args.shared / "data" / "wikinews"
    if args.check:
        return report_check(check(args.truth, args.out, folder, COALITIONS), args.truth, 40)
    report_selection(select(args.shared), args.out, COALITIONS, 40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
