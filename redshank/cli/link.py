"""Commands over event clusters: `redshank link` and `redshank export`, and the cluster
views of the events commands (redshank/cli/events.py).

- `configure(subparsers)` adds `redshank link` and `redshank export` (handlers `run_link`,
  `run_export`, also set as each parser's `handler` default);
- `write_clusters` prints what `redshank events --merged` lists;
- `run_explain_cluster(args)` explains `args.event_id` when `is_cluster_id` says it names
  a cluster (`cl-...`).

Library errors (`RedshankError`) propagate to the caller, which prints one line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import textwrap
from typing import TextIO

from redshank.cli.common import db_flag as _db_flag
from redshank.cli.common import db_label
from redshank.export.catalog import EXPORT_FORMATS, FORMAT_FILES
from redshank.link.plan import is_cluster_id
from redshank.model import Cluster
from redshank.store import require_existing as _require_db
from redshank.tables import json_safe, terminal_safe, write_table

__all__ = ["configure", "is_cluster_id", "run_explain_cluster", "run_export", "run_link",
           "write_clusters"]

LINK_EXAMPLE = "redshank link --db events.duckdb"
EXPORT_EXAMPLES = ("redshank export --format plover --out export/ --db events.duckdb",
                   "redshank export --format gdelt --all --out gdelt/ --db events.duckdb")
CLUSTER_COLUMNS = ("cluster_id", "date", "actor", "event", "mode", "recipient", "reports",
                   "events", "first_published")


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add the `link` and `export` subcommands to a `redshank` sub-parser set."""
    link = subparsers.add_parser(
        "link", help="Merge stored events that report the same event into clusters.",
        description="Link every stored event that is not in a cluster yet and derive "
                    "the positions of every document not read yet (ingest does both "
                    "itself; use it to finish an interrupted ingest or for databases "
                    "coded before). Rules: docs/merging.md.",
        epilog=f"example: {LINK_EXAMPLE}")
    _db_flag(link)
    link.add_argument("--rebuild", action="store_true",
                      help="drop all clusters and link from scratch (ids may change; "
                           "aliases are forgotten)")
    link.set_defaults(handler=run_link)

    export = subparsers.add_parser(
        "export", help="Write events in PLOVER, POLECAT, GDELT, ICEWS, JSON Lines, Parquet "
                       "or CSV files.",
        description=_export_description(),
        epilog="examples:\n" + "\n".join(f"  {example}" for example in EXPORT_EXAMPLES),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_flag(export)
    export.add_argument("--format", dest="export_format", choices=EXPORT_FORMATS,
                        default="jsonl", help="file format (default: jsonl)")
    export.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    export.add_argument("--all", dest="export_all", action="store_true",
                        help="include negated, hypothetical and future events")
    export.add_argument("--merged", dest="export_merged", action="store_true",
                        help="one row per cluster (real-world event, with its report counts "
                             "and sources) instead of one per report; gdelt always is")
    export.set_defaults(handler=run_export)


def _export_description() -> str:
    """`export --help`: what the command does and exactly which files each format writes."""
    lines = textwrap.wrap("Write the stored events into DIR in one format. Negated, "
                          "hypothetical and future events are left out unless --all. Each "
                          "format writes:", 88)
    for name, files in FORMAT_FILES.items():
        lines += textwrap.wrap(f"{name}: {files}", 88, initial_indent="  ",
                               subsequent_indent="      ")
    lines += textwrap.wrap("dtypes.json holds pandas.read_csv's arguments for each file "
                           "(column names and types: CAMEO codes stay strings). Column "
                           "mappings: docs/formats.md, 'Exports'.", 88)
    return "\n".join(lines)


def run_link(args: argparse.Namespace) -> int:
    """Link unlinked events (or rebuild every cluster), derive the positions of documents
    not read yet (what an interrupted ingest left), and report what changed."""
    from redshank.link.incremental import link_store
    from redshank.positions.derive import derive_pending
    from redshank.store import open_store

    _require_db(args.db)
    with open_store(args.db) as store:
        summary = link_store(store, rebuild=args.rebuild)
        derived = derive_pending(store)
        total = store.counts()["clusters"]
    sys.stderr.write(
        f"{summary.events} events linked: {summary.created} new clusters, {summary.grown} "
        f"grown, {summary.merged} merged into others, {summary.repaired} repaired; "
        f"{total} clusters in {db_label(args.db)}; positions derived for {derived.documents} "
        "documents\n")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export events (and clusters) to --out in --format."""
    from redshank.export import export_store
    from redshank.store import open_store

    _require_db(args.db)
    with open_store(args.db, read_only=True) as store:
        summary = export_store(store, args.out, args.export_format,
                               include_all=getattr(args, "export_all", False),
                               merged=getattr(args, "export_merged", False))
    files = ", ".join(str(path) for path in summary.files)
    sys.stderr.write(f"{summary.events} events, {summary.clusters} clusters -> {files}\n")
    return 0


def run_explain_cluster(args: argparse.Namespace) -> int:
    """`redshank explain CLUSTER_ID`: every report of a cluster and why it was merged."""
    from redshank.link.explain import describe_cluster
    from redshank.store import open_store

    _require_db(args.db)
    with open_store(args.db, read_only=True) as store:
        text = describe_cluster(store, args.event_id)
    if text is None:
        sys.stderr.write(f"redshank: no cluster {args.event_id!r} in {db_label(args.db)}; list ids "
                         "with 'redshank events --merged'\n")
        return 1
    sys.stdout.write(text + "\n")
    return 0


def _dates(cluster: Cluster) -> str:
    if cluster.date_start is None:
        return ""
    if cluster.date_end is None or cluster.date_end == cluster.date_start:
        return cluster.date_start.isoformat()
    return f"{cluster.date_start.isoformat()}..{cluster.date_end.isoformat()}"


def _row(cluster: Cluster) -> list[str]:
    return [cluster.cluster_id, _dates(cluster), "+".join(cluster.actors) or "-",
            cluster.event + (f" [{cluster.auxiliary}]" if cluster.auxiliary else ""),
            cluster.mode or "", "+".join(cluster.recipients) or "-", str(cluster.reports),
            str(len(cluster.members)),
            cluster.first_published.isoformat() if cluster.first_published else ""]


def write_clusters(clusters: list[Cluster], fmt: str, out: TextIO) -> None:
    """Print clusters as a table, JSON Lines (Cluster.to_json) or CSV; as in
    redshank.cli.events.write_events, CSV drops control characters but tab and newline."""
    if fmt == "jsonl":
        for cluster in clusters:
            out.write(json_safe(json.dumps(cluster.to_json(), ensure_ascii=False)) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([*CLUSTER_COLUMNS, "documents", "event_ids"])
        for cluster in clusters:
            row = [*_row(cluster), ";".join(dict.fromkeys(m.doc_id for m in cluster.members)),
                   ";".join(m.event_id for m in cluster.members)]
            writer.writerow([terminal_safe(value, multiline=True) for value in row])
    else:
        write_table(CLUSTER_COLUMNS, (_row(cluster) for cluster in clusters), out)
        out.write(f"{len(clusters)} clusters, "
                  f"{sum(len(c.members) for c in clusters)} reports\n")
