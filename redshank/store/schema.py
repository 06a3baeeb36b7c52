"""The database schema in SQL that DuckDB and PostgreSQL both accept (see docs/formats.md).

The tables that keep one record each are derived from the records (redshank/store/tables.py);
the others, which are not one record, are written here: schema_version, event_actors,
cluster_aliases, link_blocks and derived_documents.
"""

from __future__ import annotations

from redshank.store.tables import record_table

SCHEMA_VERSION = 3

TABLES = (
    "schema_version",
    "runs",
    "documents",
    "sentences",
    "actor_mentions",
    "events",
    "event_actors",
    "failures",
    "clusters",
    "cluster_members",
    "cluster_aliases",
    "link_blocks",
    "positions",
    "coalitions",
    "coalition_members",
    "coalition_contributions",
    "derived_documents",
)

HAND_WRITTEN: dict[str, str] = {
    "schema_version": """
    CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER NOT NULL,
        applied_at TIMESTAMP NOT NULL
    )
    """,
    "event_actors": """
    CREATE TABLE IF NOT EXISTS event_actors (
        event_id TEXT NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        code TEXT,
        country TEXT,
        name TEXT NOT NULL,
        country_from TEXT,
        PRIMARY KEY (event_id, role, position)
    )
    """,
    "cluster_aliases": """
    CREATE TABLE IF NOT EXISTS cluster_aliases (
        alias TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL,
        retired_at TIMESTAMP NOT NULL
    )
    """,
    "link_blocks": """
    CREATE TABLE IF NOT EXISTS link_blocks (
        block_key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (block_key, event_id)
    )
    """,
    "derived_documents": """
    CREATE TABLE IF NOT EXISTS derived_documents (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL
    )
    """,
}

SCHEMA = (
    *(HAND_WRITTEN[name] if name in HAND_WRITTEN else record_table(name).create_sql()
      for name in TABLES),
    "CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_date_start ON events (date_start)",
    "CREATE INDEX IF NOT EXISTS failures_run_id ON failures (run_id)",
    "CREATE INDEX IF NOT EXISTS cluster_members_cluster_id ON cluster_members (cluster_id)",
    "CREATE INDEX IF NOT EXISTS clusters_date_start ON clusters (date_start)",
    "CREATE INDEX IF NOT EXISTS link_blocks_event_id ON link_blocks (event_id)",
    "CREATE INDEX IF NOT EXISTS positions_doc_id ON positions (doc_id)",
    "CREATE INDEX IF NOT EXISTS positions_holder ON positions (holder)",
    "CREATE INDEX IF NOT EXISTS coalition_members_doc_id ON coalition_members (doc_id)",
    "CREATE INDEX IF NOT EXISTS coalition_members_coalition_id"
    " ON coalition_members (coalition_id)",
    "CREATE INDEX IF NOT EXISTS coalition_contributions_doc_id"
    " ON coalition_contributions (doc_id)",
    "CREATE INDEX IF NOT EXISTS coalition_contributions_coalition_id"
    " ON coalition_contributions (coalition_id)",
)
