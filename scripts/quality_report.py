"""Write docs/quality.md: how well the coder does on the seeds, PLOVER gold and PETRARCH records.

Usage:
    .venv/bin/python scripts/quality_report.py [--shared DIR] [--out FILE]

DIR is the shared data folder (default: ../shared next to the repository), holding
seeds/manifest.jsonl, data/plover/gsr_dev.json, data/gold/wikinews_plover.jsonl with
wikinews_plover_articles.jsonl, and data/phoenix/PETR.UnitTest.records.xml with
PETR.Validate.actors.txt and PETR.Validate.agents.txt. Every number in the output is
computed here; the page is regenerated whole, never edited by hand. Of the dev sets' halves
only scores are written, never a sentence.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.api import code_documents  # noqa: E402
from redshank.evaluate import GoldSet, evaluate, read_gold, render_markdown  # noqa: E402
from redshank.evaluate.articles import code_in_articles, read_articles  # noqa: E402
from redshank.evaluate.halves import load_halves, score_halves  # noqa: E402
from redshank.evaluate.match import is_counted  # noqa: E402
from redshank.evaluate.render import halves_summary, halves_type_table, table  # noqa: E402
from redshank.evaluate.report import HalvesReport  # noqa: E402
from redshank.evaluate.score import CODED_ALONE, code_sentences  # noqa: E402
from redshank.model import DocumentResult, Event  # noqa: E402
from redshank.pipeline import Pipeline  # noqa: E402
from redshank.version import CODER_VERSION  # noqa: E402

COMMAND = ".venv/bin/python scripts/quality_report.py"
PETRARCH_DICTIONARIES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")

RULES = """\
## How events are scored

The same rules serve `redshank evaluate GOLD` (see `redshank evaluate --help`) and this
page; the code is `redshank/evaluate/` (rules in `match.py`).

- **Gold formats.** `plover-gsr`: PLOVER JSON records, one sentence and one gold event each
  (old names mapped: DEMAND = REQUEST, DISAPPROVE = ACCUSE, FIGHT = ASSAULT, INVESTIGATE =
  ACCUSE with mode investigate). `redshank-gold`: real-news sentences taken from whole
  articles, several gold events each (`wikinews_plover.jsonl`, conventions in its
  `ANNOTATION.md`). `petrarch-xml`: PETRARCH validation records, one
  `(source, target, CAMEO event)` triple per `<EventCoding>`, CAMEO mapped to PLOVER with
  the packaged crosswalk; codings whose CAMEO code has no PLOVER reading (PETRARCH's
  test-only codes such as 903) are listed as unscored, and coded events left over in those
  sentences are "unjudged" (neither right nor false alarms).
- **Halves.** Each dev set (gsr_dev by record, Wikinews by article) is split once into two
  fixed halves, recorded in `redshank/data/evaluation/halves.json`. Engineers read the misses
  and false alarms of half A only; nobody reads half B's sentences, and `redshank evaluate`
  refuses to print them. A change that raises A and not B fits the coder to A.
- **Coding.** Every gold sentence is one document published on the record's date; all of
  them go through one `Pipeline.run`. With `--articles` (real news), each whole article is
  coded instead, published on its date, and a coded event belongs to the gold sentence whose
  span in the article holds the start of its trigger.
- **Which coded events count.** Those a user sees by default: not negated, hypothetical or
  future (`--all` counts them all). Hidden events are named in the miss list.
- **Actors (PLOVER and PETRARCH gold).** A gold code matches a coded actor when the
  actor's code starts with it (`ARN` matches `ARN` and `ARNGOV`; `ARNGOV` does not match
  `ARN`), when it is the actor's country (`USA` matches a person with country USA), or when
  it names the actor's type (`IGO`, `NGO`). A quoted PETRARCH code (an actor known only by
  name) matches an actor of that name. Gold sectors are not required. A side (actor or
  recipient) is right when each gold actor is matched by a coded one and each coded actor
  matches a gold one; an empty gold side (no target, PETRARCH `---`) wants no coded actor.
- **Pairing (PLOVER and PETRARCH gold).** In each sentence gold and coded units are paired
  one-to-one: first by event type, best actor agreement first; then leftovers of different
  types (the confusion matrix's off-diagonal cells). For PETRARCH the unit is the triple: a
  coded event with two actors and one recipient is two triples.
- **Real news (`redshank-gold`).** Gold events marked negated, hypothetical or future are
  optional: not scored (303 of the 333 Wikinews gold events are), and a coded event whose
  type only they have is neither right nor wrong. Actors match on their root only: ISO
  alpha-3 country, `IGO` or `NGO`, or a named armed group's short name (`ISIL`), which
  `redshank/data/evaluation/armed_groups.tsv` maps to the actor dictionary entries standing
  for it. A side is right when every gold root on it is matched by a coded actor; an empty
  gold side accepts anything. A gold event is found when a coded event of its sentence has
  its type, fully found when one of them also has both sides right; a coded event is right
  when its type is among its sentence's gold types (not one-to-one). Precision is also
  given on the `random` sentences alone (drawn whatever they hold).
- **Metrics.** recall = gold units found with their type / gold units; full recall = those
  with actor and recipient also right / gold units; precision = coded units of a right type
  / coded units; F1 of the two. Sentences with no gold event count for precision only.
  "exact" records have every gold unit fully right and nothing else coded. Mode and context
  are shown, not scored.
- **Actors' countries.** Of the actors and recipients of the counted coded events, the
  share with no country (a code starting `---`, or none: "the police" left as `---COP`),
  the share whose country the actor stage inferred from the document (the mention's own
  phrase or the article's focus: `Actor.country_from`, docs/actors.md) and the share the
  coder gave from the event (where it happened, the other side's country: an entries line
  `country XXX: ...`). Every other actor has its country from the dictionaries (or is an
  organisation).
"""


def _actors(event_actors: Sequence) -> str:
    return "+".join(a.code or a.country or a.name for a in event_actors) or "-"


def _event_row(event: Event) -> list[object]:
    mode = f"/{event.mode}" if event.mode else ""
    return [event.sentence_index, event.date or "", _actors(event.actor),
            f"{event.event}{mode}", _actors(event.recipient), event.evidence.trigger]


def seeds_section(results: list[DocumentResult]) -> list[str]:
    """A summary row per seed article, then a table of the events coded in each."""
    rows = []
    for result in results:
        shown = [e for e in result.events if is_counted(e)]
        rows.append([f"`{result.document.id}`", result.document.published or "",
                     result.document.title or "", len(result.sentences), len(shown),
                     len(result.events) - len(shown), len(result.failures)])
    lines = ["## Seed articles", "",
             "Events coded in `seeds/manifest.jsonl` (shown: the default view; hidden: "
             "negated, hypothetical or future).", "",
             table(["article", "published", "title", "sentences", "events shown", "hidden",
                    "failures"], rows), ""]
    for result in results:
        shown = [e for e in result.events if is_counted(e)]
        lines += [f"### `{result.document.id}`", ""]
        if shown:
            lines.append(table(["sentence", "date", "actor", "event", "recipient", "trigger"],
                               [_event_row(e) for e in shown]))
        else:
            lines.append("No events shown.")
        lines.append("")
    return lines


def _script(*args: str) -> str:
    """The Markdown printed by another measurement script of this repository."""
    done = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def measured_sections(shared: Path) -> list[str]:
    """Dates, places, toponyms, temporal expressions and cross-article merging, each
    measured by its own script."""
    return [
        "## Event dates (`tests/when/dates_gold.jsonl`, held-out `dates_heldout.jsonl`)", "",
        "Hand-written news snippets with a publication date and one marked event whose date "
        "is known; `scripts/date_accuracy.py` codes them with the full pipeline.", "",
        _script("scripts/date_accuracy.py"), "",
        "Held-out set:", "",
        _script("scripts/date_accuracy.py", "--gold", "tests/when/dates_heldout.jsonl"), "",
        "## Event places (`tests/where/places_gold.jsonl`, held-out `places_heldout.jsonl`)",
        "", _script("scripts/place_accuracy.py"), "",
        "Held-out set:", "",
        _script("scripts/place_accuracy.py", "--gold", "tests/where/places_heldout.jsonl"), "",
        "## Toponyms in real news (`tests/where/toponyms_wikinews.jsonl`)", "",
        "350 toponyms hand-annotated in 229 paragraphs of 50 random Wikinews articles "
        "(conventions in `tests/where/TOPONYMS.md`), halves by article; "
        "`scripts/toponym_accuracy.py` locates them as the pipeline does. Targets (issue 11): "
        "recall >= 0.75 with precision >= 0.9, >= 0.9 of found toponyms within 161 km.", "",
        "Half A:", "", _script("scripts/toponym_accuracy.py", "--half", "A"), "",
        "Half B:", "", _script("scripts/toponym_accuracy.py", "--half", "B"), "",
        "With `--places-ner` (the model's NER checks doubted names), half A:", "",
        _script("scripts/toponym_accuracy.py", "--half", "A", "--places-ner"), "",
        "With `--places-ner`, half B:", "",
        _script("scripts/toponym_accuracy.py", "--half", "B", "--places-ner"), "",
        "## Temporal expressions in real news (`tests/when/timex_wikinews.jsonl`)", "",
        "265 TIMEX3 expressions hand-annotated in 50 random Wikinews articles (conventions in "
        "`tests/when/TIMEX.md`), halves by article; `scripts/timex_accuracy.py` scores "
        "`redshank.api.temporal_expressions` with the TempEval-3 measures. Target (issue 11): "
        "value F1 >= 0.8.", "",
        "Half A:", "", _script("scripts/timex_accuracy.py", "--half", "A"), "",
        "Half B:", "", _script("scripts/timex_accuracy.py", "--half", "B"), "",
        "## How near their trigger events are placed (Wikinews corpus)", "",
        "`scripts/place_scope_share.py`: every coded event of a fixed random sample of the "
        "Wikinews corpus, by `place_scope` and the precision of its place.", "",
        _script("scripts/place_scope_share.py", "--shared", str(shared)), "",
        "## Cross-article merging (`tests/data/merge/articles.jsonl`)", "",
        _script("scripts/merge_quality.py"), "",
        _script("scripts/coalition_quality.py", "--shared", str(shared)), "",
        _script("scripts/coalition_quality.py", "--shared", str(shared), "--truth",
                "more_coalitions"), "",
        _script("scripts/troop_change_quality.py", "--shared", str(shared)), "",
    ]


def _gold(path: Path) -> GoldSet:
    """A gold file, named relative to the repository so the page does not name this machine."""
    return replace(read_gold(path), path=os.path.relpath(path, REPO))


def halves_section(halves: HalvesReport) -> list[str]:
    """Scores of both halves side by side, then the report of both (scores only)."""
    return ["### Halves A and B", "", halves_summary(halves), "",
            "### Per event type, halves A and B", "", halves_type_table(halves), "",
            "### Both halves", "",
            render_markdown(halves.both, title=None, level=3, max_errors=0)]


def plover_halves(shared: Path, pipeline: Pipeline) -> HalvesReport:
    gold = _gold(shared / "data" / "plover" / "gsr_dev.json")
    return score_halves(gold, code_sentences(gold, pipeline), load_halves(),
                        coding=CODED_ALONE)


def wikinews_halves(shared: Path, pipeline: Pipeline) -> HalvesReport:
    folder = shared / "data" / "gold"
    gold = _gold(folder / "wikinews_plover.jsonl")
    articles = read_articles(folder / "wikinews_plover_articles.jsonl")
    return score_halves(gold, code_in_articles(gold, articles, pipeline), load_halves(),
                        coding="in whole articles (wikinews_plover_articles.jsonl)")


def build_page(shared: Path) -> str:
    """The whole of docs/quality.md."""
    pipeline = Pipeline.load()
    seeds = list(code_documents([str(shared / "seeds" / "manifest.jsonl")], pipeline=pipeline))
    plover = plover_halves(shared, pipeline)
    wikinews = wikinews_halves(shared, pipeline)
    phoenix = shared / "data" / "phoenix"
    with_dictionaries = Pipeline.load(actor_files=[str(phoenix / n)
                                                   for n in PETRARCH_DICTIONARIES])
    petrarch = evaluate(_gold(phoenix / "PETR.UnitTest.records.xml"), with_dictionaries)
    lines = [
        "# Quality", "",
        "<!-- Generated by scripts/quality_report.py: do not edit by hand. -->", "",
        f"Regenerate with `{COMMAND}` (reads `../shared`; pass `--shared DIR` otherwise). "
        f"Coder: `{CODER_VERSION}`. The coder is under active development: numbers change "
        "with every run of this script.", "",
        "To see every miss and false alarm of half A with its sentence: "
        "`redshank evaluate ../shared/data/plover/gsr_dev.json --half A --show-errors 200`, "
        "and for real news "
        "`redshank evaluate ../shared/data/gold/wikinews_plover.jsonl --format redshank-gold "
        "--articles ../shared/data/gold/wikinews_plover_articles.jsonl --half A "
        "--show-errors 200`. Half B is never shown.", "",
        RULES,
        *seeds_section(seeds),
        "## PLOVER gold sentences (`gsr_dev.json`)", "",
        "Targets: event-type recall >= 75%, full recall >= 60%, precision of coded events "
        ">= 75% (issue 10, on unseen CAMEO-manual sentences: full recall >= 55% with "
        "precision >= 80%). Each sentence is coded alone; halves split by record.", "",
        *halves_section(plover),
        "## Real news: Wikinews sentences (`wikinews_plover.jsonl`)", "",
        "300 sentences from 91 Wikinews articles (2019-2021), coded in their whole articles; "
        "halves split by article. Targets (issue 10, on unseen real news): event-type "
        "recall >= 50%, full recall >= 30%, precision >= 70%.", "",
        *halves_section(wikinews),
        "## PETRARCH validation records (`PETR.UnitTest.records.xml`)", "",
        "Coded with the packaged dictionaries plus `PETR.Validate.actors.txt` and "
        "`PETR.Validate.agents.txt` (fictional actors: Arnor, Gondor, ...). These records "
        "test PETRARCH's own validation verb dictionary, whose CAMEO codes are not always "
        "those a CAMEO coder would give; read event-type agreement with that in mind.", "",
        render_markdown(petrarch, title=None, level=2, max_errors=0),
        *measured_sections(shared),
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "quality.md",
                        help="page to write (default: docs/quality.md)")
    args = parser.parse_args(argv)
    args.out.write_text(build_page(args.shared), encoding="utf-8")
    sys.stderr.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
