"""`redshank migrate`: upgrade a database made by an older Redshank (redshank/store/migrations.py).

Any command that writes upgrades the database it opens, too; query commands open it
read-only and ask for this command instead.
"""

from __future__ import annotations

import argparse
import sys

from redshank.cli.common import db_flag, db_label

MIGRATE_EXAMPLE = "redshank migrate --db events.duckdb"


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add `migrate` to a `redshank` sub-parser set."""
    text = ("Upgrade a database made by an older Redshank to this one's schema, in place, "
            "after copying it to DB.vN.bak (N: its schema version; a PostgreSQL store's "
            "tables to the schema redshank_backup_vN). A database newer than "
            "this Redshank, or too old to upgrade, is refused untouched.")
    migrate = subparsers.add_parser("migrate", help="Upgrade a database made by an older "
                                    "Redshank.", description=text,
                                    epilog=f"example: {MIGRATE_EXAMPLE}")
    db_flag(migrate)
    migrate.set_defaults(handler=run_migrate)


def run_migrate(args: argparse.Namespace) -> int:
    from redshank.store import open_store, require_existing
    from redshank.store.schema import SCHEMA_VERSION

    require_existing(args.db)
    with open_store(args.db) as store:
        upgraded_from = getattr(store, "upgraded_from", None)
    if upgraded_from is None:
        sys.stderr.write(f"{db_label(args.db)}: schema version {SCHEMA_VERSION} is this "
                         "Redshank's; nothing to do\n")
    else:
        sys.stderr.write(f"{db_label(args.db)}: now schema version {SCHEMA_VERSION} (was "
                         f"{upgraded_from})\n")
    return 0
