"""Select the Wikinews articles of the coalition ground truth and check its truth file.

Usage:
    .venv/bin/python scripts/select_coalition_articles.py [--shared DIR] [--out FILE]
    .venv/bin/python scripts/select_coalition_articles.py --check [--truth FILE]

Writes redshank/data/evaluation/coalitions/articles.tsv (doc_id, coalition, half,
published, title), one row per article and coalition, in corpus order, and prints counts.
Only the text of the shared Wikinews corpus (wikinews_2004_2018.jsonl and
wikinews_2019_2021.jsonl) is read; "text" below is the title and the body, and a
paragraph is a line of the body (the title is a paragraph of its own).

The rule, applied in this order to every article:

kfor (NATO's Kosovo Force)
    the text matches ``\\bKFOR\\b`` or ``Kosovo Force``; or (added for a clear miss:
    "UN and NATO peacekeeping forces" in Kosovo, enwikinews-99712) one paragraph names
    Kosovo, NATO and peace-?keep*.

amis / unamid (the African Union Mission in Sudan, 2004-2007; the AU/UN hybrid
operation in Darfur, 2007-2020)
    the text names Darfur, and either (a) one paragraph names Darfur and one of
    ``African Union``, ``A.U.``, ``AMIS``, ``UNAMID``, peace-?keep*, or (b) (added for
    clear misses: enwikinews-54997, -75270, -82306, -87076, whose paragraphs about the
    African Union force say "the region" or nothing instead of Darfur, or write "A.U.")
    one paragraph names the African Union (``African Union``, ``AU``, ``A.U.``),
    ``AMIS`` or ``UNAMID`` and one of force, troops, soldiers, peace-?keep*, mission.
    The brief's plain peacekeep* missed "peace-keeping"; hence peace-?keep.
    Such an article is listed for ``amis`` when published before 2008 (AMIS handed over
    to UNAMID on 31 December 2007), and for ``unamid`` when published on or after
    2007-07-31 (Security Council resolution 1769) or when its text names UNAMID, a hybrid
    force or a joint UN/AU force; so an article of 2007 can be listed for both.

unifil (the UN Interim Force in Lebanon and its 2006 expansion)
    the text matches ``\\bUNIFIL\\b`` (any date); or it is published 2006-07-01 ..
    2007-12-31, names Lebanon, and matches peace-?keep*, "international / multinational /
    stabilisation (peace) force / contingent / troops", "UN / U.N. / United Nations
    (peace) force / troops" or "troops to Lebanon". Widened beyond the brief's
    peacekeep* / "international force" / "multinational force" for three clear misses:
    enwikinews-47208 writes "peace-keeping force", -45513 "international peace
    contingent", -48643 ("Turkey to decide on sending troops to Lebanon") "troops to
    Lebanon" under resolution 1701.

No off-topic hit was dropped: an article in which the force is only mentioned (a
summit report, an Amnesty report) is kept, and its truth facts are the few it states.
This gives 2 kfor, 28 Darfur articles (22 listed for amis, 15 for unamid, 9 for both) and
17 unifil: 47 articles, 56 rows. The corpus has only 19 articles that name Kosovo at all,
so the ~47 KFOR articles the brief expected are not in it.

half: "A" when int(sha256(doc_id).hexdigest(), 16) is even, else "B"; an article listed
for two coalitions is in the same half for both.

--check loads the truth file (truth.jsonl beside articles.tsv) and reports every line that
is not valid JSON, lacks a required field, has a value out of its closed set, a country
or organisation code missing from the actor dictionaries, a doc_id not selected (or not
selected for the fact's coalition), or evidence that is not verbatim in the article.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path

from truth_files import (
    actor_codes,
    fact_errors,
    half,
    read_corpus,
    read_tsv,
    selection_parser,
    squash,
    truth_records,
)

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "redshank" / "data" / "evaluation" / "coalitions"

KFOR = re.compile(r"\bKFOR\b|Kosovo Force")
PEACEKEEP = re.compile(r"peace-?keep", re.I)
NATO = re.compile(r"\bNATO\b")
DARFUR_FORCE = re.compile(r"African Union|\bA\.U\.|\bAMIS\b|\bUNAMID\b|peace-?keep", re.I)
AU_NAME = re.compile(r"African Union|\bAU\b|\bA\.U\.|\bAMIS\b|\bUNAMID\b")
FORCE_WORD = re.compile(r"\bforces?\b|\btroops\b|\bsoldiers\b|peace-?keep|\bmission\b", re.I)
HYBRID = re.compile(r"\bUNAMID\b|\bhybrid\b[^.]{0,40}\bforce|\bjoint\s+(?:UN|U\.N\.|United Nations"
                    r"|AU|A\.U\.|African Union)[-/ ]*(?:UN|U\.N\.|United Nations|AU|A\.U\."
                    r"|African Union)?[^.]{0,25}\bforces?\b", re.I)
UNIFIL = re.compile(r"\bUNIFIL\b")
LEBANON_FORCE = re.compile(
    r"peace-?keep"
    r"|\b(?:international|multinational|stabili[sz]ation)\s+(?:peace\s+)?(?:force|contingent|troops)"
    r"|\b(?:UN|U\.N\.|United Nations)\s+(?:peace\s+)?(?:force|troops)"
    r"|\btroops\s+to\s+Lebanon", re.I)

COALITIONS = ("kfor", "amis", "unamid", "unifil")


def paragraphs(article: dict) -> list[str]:
    return [article["title"]] + [p for p in article["text"].split("\n") if p.strip()]


def coalitions_of(article: dict) -> list[str]:
    text = article["title"] + "\n" + article["text"]
    paras = paragraphs(article)
    published = article.get("published") or ""
    found = []
    if KFOR.search(text) or any("Kosovo" in p and NATO.search(p) and PEACEKEEP.search(p)
                                for p in paras):
        found.append("kfor")
    if "Darfur" in text and (
            any("Darfur" in p and DARFUR_FORCE.search(p) for p in paras)
            or any(AU_NAME.search(p) and FORCE_WORD.search(p) for p in paras)):
        if published and published < "2008-01-01":
            found.append("amis")
        if published >= "2007-07-31" or HYBRID.search(text):
            found.append("unamid")
    if UNIFIL.search(text) or ("2006-07-01" <= published <= "2007-12-31"
                               and "Lebanon" in text and LEBANON_FORCE.search(text)):
        found.append("unifil")
    return found


def select(folder: Path) -> list[dict]:
    rows = []
    for article in read_corpus(folder):
        for coalition in coalitions_of(article):
            rows.append({"doc_id": article["id"], "coalition": coalition,
                         "half": half(article["id"]),
                         "published": article.get("published") or "",
                         "title": " ".join(article["title"].split())})
    return rows


def write_tsv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["doc_id", "coalition", "half", "published", "title"],
                                delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                quotechar=None)
        writer.writeheader()
        writer.writerows(rows)


# ---- the check of truth.jsonl -------------------------------------------------------

KINDS = {"ground-troops", "police", "air", "naval", "training", "logistics", "intelligence",
         "funding", "reconstruction", "humanitarian-aid", "arms", "command"}
TOPICS = {"ground-troops", "withdrawal", "troop-levels", "air", "naval", "funding", "mandate",
          "ceasefire", "disarmament", "deployment-conditions", "other"}
REQUIRED = {
    "coalition": {"coalition", "name", "lead", "hosts", "start", "articles"},
    "member": {"coalition", "member", "role", "doc_id", "evidence"},
    "contribution": {"coalition", "member", "kind", "count", "status", "date", "doc_id",
                     "evidence"},
    "change": {"coalition", "holder", "change", "status", "count", "month", "target",
               "doc_id", "evidence"},
    "position": {"holder", "topic", "stance", "speaker", "date", "doc_id", "evidence"},
}
CLOSED = {
    ("member", "role"): {"member", "lead", "host"},
    ("contribution", "kind"): KINDS,
    ("contribution", "status"): {"done", "pledged", "refused"},
    ("change", "change"): {"withdrawal", "cut", "increase", "deployment"},
    ("change", "status"): {"announced", "completed"},
    ("position", "topic"): TOPICS,
    ("position", "stance"): {"commit", "offer", "support", "request", "refuse", "hedge"},
}
DAY_OR_MONTH = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DATE = {"date": DAY_OR_MONTH, "start": DAY_OR_MONTH, "month": re.compile(r"^\d{4}-\d{2}$"),
        "target": re.compile(r"^\d{4}(-\d{2})?$")}


def check(truth: Path, articles: Path, folder: Path,
          coalitions: Collection[str] = COALITIONS) -> list[str]:
    """What is wrong with the truth file, one message per problem; `coalitions` is the
    closed set of coalition ids (another truth folder passes its own)."""
    selected = read_tsv(articles)
    listed: dict[str, set[str]] = {}
    for row in selected:
        listed.setdefault(row["doc_id"], set()).add(row["coalition"])
    texts = {a["id"]: squash(a["title"] + "\n" + a["text"]) for a in read_corpus(folder)
             if a["id"] in listed}
    codes = actor_codes()
    per_coalition = Counter(row["coalition"] for row in selected)
    errors = []
    for number, line in enumerate(truth.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{truth.name}:{number}"
        fact, found = fact_errors(where, line, REQUIRED, CLOSED, DATE)
        errors.extend(found)
        if fact is None:
            continue
        kind = fact["type"]
        if "coalition" in fact and fact["coalition"] is not None \
                and fact["coalition"] not in coalitions:
            errors.append(f"{where}: coalition {fact['coalition']!r} unknown")
        if "count" in fact and fact["count"] is not None \
                and not (isinstance(fact["count"], int) and fact["count"] > 0):
            errors.append(f"{where}: count {fact['count']!r} is not a positive integer")
        if kind == "coalition":
            for code in [fact["lead"], *fact["hosts"], *([fact["co_lead"]] if "co_lead" in fact
                                                         else [])]:
                if code not in codes:
                    errors.append(f"{where}: code {code!r} not in the actor dictionaries")
            if fact["articles"] != per_coalition[fact["coalition"]]:
                errors.append(f"{where}: articles {fact['articles']} but "
                              f"{per_coalition[fact['coalition']]} are listed")
            continue
        code = fact["member"] if kind in ("member", "contribution") else fact["holder"]
        if code not in codes:
            errors.append(f"{where}: code {code!r} not in the actor dictionaries")
        doc = fact["doc_id"]
        if doc not in listed:
            errors.append(f"{where}: {doc} is not a selected article")
            continue
        if fact.get("coalition") and fact["coalition"] not in listed[doc]:
            errors.append(f"{where}: {doc} is not listed for {fact['coalition']}")
        if squash(fact["evidence"]) not in texts[doc]:
            errors.append(f"{where}: evidence not verbatim in {doc}")
    return errors


def report_check(errors: list[str], truth: Path, width: int) -> int:
    """Print a check's errors and the truth's facts by type and coalition; the exit code."""
    for error in errors:
        sys.stderr.write(error + "\n")
    facts = truth_records(truth)
    counts = Counter((f.get("type"), f.get("coalition") or "-") for f in facts)
    for (kind, coalition), n in sorted(counts.items()):
        sys.stderr.write(f"{kind!s:13} {coalition!s:{width}} {n}\n")
    sys.stderr.write(f"{len(facts)} facts, {len(errors)} errors\n")
    return 1 if errors else 0


def report_selection(rows: list[dict], out: Path, coalitions: Sequence[str], width: int
                     ) -> None:
    """Write the selected rows to `out` and print the articles per coalition and half."""
    write_tsv(rows, out)
    counts = Counter((row["coalition"], row["half"]) for row in rows)
    for coalition in coalitions:
        a, b = counts[coalition, "A"], counts[coalition, "B"]
        sys.stderr.write(f"{coalition:{width}} {a + b:3} articles (A {a}, B {b})\n")
    sys.stderr.write(f"{len({row['doc_id'] for row in rows})} articles, {len(rows)} rows "
                     f"-> {out}\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = selection_parser(__doc__.splitlines()[0], OUT_DIR).parse_args(argv)
    folder = args.shared / "data" / "wikinews"
    if args.check:
        return report_check(check(args.truth, args.out, folder), args.truth, 8)
    report_selection(select(folder), args.out, COALITIONS, 7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
