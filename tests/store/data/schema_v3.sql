-- A Redshank database of schema version 3, with no rows: the DDL of redshank/store/schema.py
-- at commit 8e45a52, the last commit before the record tables were derived from the records
-- (git show 8e45a52:redshank/store/schema.py). Read by tests/store/test_schema.py, which
-- checks that the derived schema makes exactly this database.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    inputs TEXT NOT NULL,
    coder_version TEXT NOT NULL,
    status TEXT NOT NULL,
    pid INTEGER,
    host TEXT,
    documents INTEGER,
    skipped INTEGER,
    events INTEGER,
    failures INTEGER
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    published DATE,
    published_from TEXT NOT NULL,
    source TEXT,
    url TEXT,
    path TEXT,
    text TEXT NOT NULL,
    run_id TEXT NOT NULL,
    warnings TEXT
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id TEXT NOT NULL,
    mention_index INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT,
    country TEXT,
    sector TEXT,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    entries TEXT NOT NULL,
    country_from TEXT,
    PRIMARY KEY (doc_id, mention_index)
);

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    event TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    quad INTEGER NOT NULL,
    intensity DOUBLE PRECISION NOT NULL,
    date TEXT,
    date_start DATE,
    date_end DATE,
    date_precision TEXT NOT NULL,
    auxiliary TEXT,
    actor_inferred BOOLEAN NOT NULL,
    actor_codes TEXT,
    actor_countries TEXT,
    actor_names TEXT,
    recipient_codes TEXT,
    recipient_countries TEXT,
    recipient_names TEXT,
    published DATE,
    coder_version TEXT NOT NULL,
    run_id TEXT NOT NULL,
    record TEXT NOT NULL
);

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
);

CREATE TABLE IF NOT EXISTS failures (
    failure_id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    doc_id TEXT,
    stage TEXT NOT NULL,
    message TEXT NOT NULL,
    path TEXT,
    line INTEGER,
    recorded_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS clusters (
    cluster_id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    mode TEXT,
    auxiliary TEXT,
    date_start DATE,
    date_end DATE,
    actor_codes TEXT,
    actor_countries TEXT,
    recipient_codes TEXT,
    recipient_countries TEXT,
    location TEXT,
    reports INTEGER NOT NULL,
    events INTEGER NOT NULL,
    first_published DATE,
    last_published DATE,
    linker_version TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS cluster_members (
    event_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    published DATE,
    linked_to TEXT,
    reason TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS cluster_aliases (
    alias TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    retired_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS link_blocks (
    block_key TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (block_key, event_id)
);

CREATE TABLE IF NOT EXISTS positions (
    position_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    topic TEXT NOT NULL,
    stance TEXT NOT NULL,
    date_start DATE,
    date_end DATE,
    speaker_id TEXT,
    speaker_name TEXT,
    doc_id TEXT NOT NULL,
    doc_hash TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    published DATE,
    deriver_version TEXT NOT NULL,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS coalitions (
    coalition_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    adversary TEXT,
    adversary_code TEXT,
    adversary_name TEXT,
    adversary_aliases TEXT,
    labels TEXT,
    leaders TEXT,
    members TEXT,
    member_count INTEGER NOT NULL,
    first_date DATE,
    last_date DATE,
    deriver_version TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS coalition_members (
    membership_id TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL,
    member TEXT NOT NULL,
    role TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    doc_hash TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    date_start DATE,
    event_id TEXT,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS coalition_contributions (
    contribution_id TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    doc_hash TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    date_start DATE,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS derived_documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);

CREATE INDEX IF NOT EXISTS events_date_start ON events (date_start);

CREATE INDEX IF NOT EXISTS failures_run_id ON failures (run_id);

CREATE INDEX IF NOT EXISTS cluster_members_cluster_id ON cluster_members (cluster_id);

CREATE INDEX IF NOT EXISTS clusters_date_start ON clusters (date_start);

CREATE INDEX IF NOT EXISTS link_blocks_event_id ON link_blocks (event_id);

CREATE INDEX IF NOT EXISTS positions_doc_id ON positions (doc_id);

CREATE INDEX IF NOT EXISTS positions_holder ON positions (holder);

CREATE INDEX IF NOT EXISTS coalition_members_doc_id ON coalition_members (doc_id);

CREATE INDEX IF NOT EXISTS coalition_members_coalition_id ON coalition_members (coalition_id);

CREATE INDEX IF NOT EXISTS coalition_contributions_doc_id ON coalition_contributions (doc_id);

CREATE INDEX IF NOT EXISTS coalition_contributions_coalition_id ON coalition_contributions (coalition_id);
