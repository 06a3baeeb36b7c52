"""The `redshank` command: a thin layer over redshank.api, one module per command group.

    ingest.py     ingest, recode, code  code articles (and store them, or code stored ones again)
    events.py     events, explain       list stored events or clusters; say why
    dyads.py      dyads                 count events per actor-recipient pair
    link.py       link, export          event clusters; files for other tools
    positions.py  positions, coalition  stated positions and coalitions
    evaluate.py   evaluate              score the coder against a gold file
    database.py   migrate               upgrade a database made by an older Redshank
    serve.py      serve                 the HTTP API and dashboard (redshank/serve/)

Event filters are parsed and checked by redshank/query.py, shared with the Python API.
Settings come from flags, then REDSHANK_* environment variables (REDSHANK_DB,
REDSHANK_ACTORS, REDSHANK_PATTERNS: files separated by the OS path separator). Library
errors become one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from redshank import __version__
from redshank.cli import database, dyads, evaluate, events, ingest, link, positions, serve
from redshank.cli.common import error
from redshank.errors import IngestInterrupted, RedshankError

COMMAND_GROUPS = (ingest, events, dyads, link, positions, evaluate, database, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redshank", description="News articles in, sourced PLOVER political events out.")
    parser.add_argument("--version", action="version", version=f"redshank {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.configure(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except IngestInterrupted as exc:
        error(str(exc))
        return 130
    except KeyboardInterrupt:
        error("interrupted; nothing was left half-written")
        return 130
    except RedshankError as exc:
        error(str(exc))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
