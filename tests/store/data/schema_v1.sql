-- A Redshank database of schema version 1: the DDL of redshank/store/schema.py at
-- commit 1ef1f72, the last commit with schema version 1 (git show 1ef1f72:redshank/store/schema.py),
-- and a few rows written as that release wrote them. Read by tests/store/test_migrations.py.

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
    run_id TEXT NOT NULL
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

INSERT INTO schema_version VALUES (1, TIMESTAMP '2026-11-21 08:00:00');

INSERT INTO runs (run_id, started_at, finished_at, inputs, coder_version, documents, skipped, events, failures) VALUES ('run-1', TIMESTAMP '2026-11-21 08:00:00', TIMESTAMP '2026-11-21 08:01:00', '["articles/"]', 'redshank-0.1.0', 1, 0, 1, 0);

INSERT INTO runs (run_id, started_at, finished_at, inputs, coder_version) VALUES ('run-0', TIMESTAMP '2026-11-21 07:00:00', NULL, '["stopped/"]', 'redshank-0.1.0');

INSERT INTO documents (doc_id, content_hash, title, published, published_from, source, url, path, text, run_id) VALUES ('iraq-1', '30c23cbd248c3b8c', 'Iraq asks U.S. for air strikes', DATE '2014-06-12', 'metadata', 'Star Tribune', 'https://example.com/iraq', 'articles/iraq.txt', 'Iraq asked the United States to bomb militants in Mosul on Wednesday.', 'run-1');

INSERT INTO sentences VALUES ('iraq-1', 0, 0, 0, 69, 'Iraq asked the United States to bomb militants in Mosul on Wednesday.');

INSERT INTO actor_mentions VALUES ('iraq-1', 0, 'IRQ', 'Iraq', 'IRQ', 'IRQ', 'GOV', 'state', 'Iraq', 0, 4, '["actors.jsonl:IRQ"]');

INSERT INTO actor_mentions VALUES ('iraq-1', 1, 'USA', 'United States', 'USA', 'USA', 'GOV', 'state', 'United States', 15, 28, '["actors.jsonl:USA"]');

INSERT INTO events VALUES ('e1a2b3c4d5e6f708', 'iraq-1', 0, 'REQUEST', 'military', '0212', 1, 2.0, '2014-06-11', DATE '2014-06-11', DATE '2014-06-11', 'day', NULL, 'IRQ', 'IRQ', 'Iraq', 'USA', 'USA', 'United States', DATE '2014-06-12', 'redshank-0.1.0', 'run-1', '{"actor": [{"code": "IRQ", "country": "IRQ", "entries": ["actors.jsonl:IRQ"], "id": "IRQ", "name": "Iraq", "sector": "GOV", "span": {"end": 4, "start": 0}, "text": "Iraq", "type": "state"}], "auxiliary": null, "cameo": "0212", "coder_version": "redshank-0.1.0", "context": ["military"], "date": "2014-06-11", "date_end": "2014-06-11", "date_method": "weekday", "date_precision": "day", "date_start": "2014-06-11", "date_text": "Wednesday", "doc_id": "iraq-1", "event": "REQUEST", "event_id": "e1a2b3c4d5e6f708", "evidence": {"entries": ["actors.jsonl:IRQ", "actors.jsonl:USA"], "notes": [], "rule": "ask 020", "span": {"end": 10, "start": 5}, "trigger": "asked"}, "intensity": 2.0, "location": {"country": "IRQ", "geonames_id": 99072, "lat": 36.335, "lon": 43.119, "name": "Mosul", "precision": "city"}, "mode": "military", "published": "2014-06-12", "quad": 1, "quote": null, "recipient": [{"code": "USA", "country": "USA", "entries": ["actors.jsonl:USA"], "id": "USA", "name": "United States", "sector": "GOV", "span": {"end": 28, "start": 15}, "text": "United States", "type": "state"}], "sentence": "Iraq asked the United States to bomb militants in Mosul on Wednesday.", "sentence_index": 0, "sentence_span": {"end": 69, "start": 0}}');

INSERT INTO event_actors VALUES ('e1a2b3c4d5e6f708', 'actor', 0, 'IRQ', 'IRQ', 'IRQ', 'Iraq');

INSERT INTO event_actors VALUES ('e1a2b3c4d5e6f708', 'recipient', 0, 'USA', 'USA', 'USA', 'United States');

INSERT INTO clusters VALUES ('cl-e1a2b3c4d5e6f708', 'REQUEST', 'military', NULL, DATE '2014-06-11', DATE '2014-06-11', 'IRQ', 'IRQ', 'USA', 'USA', 'Mosul', 1, 1, DATE '2014-06-12', DATE '2014-06-12', 'redshank-link-0.1.0', TIMESTAMP '2026-11-21 08:01:00');

INSERT INTO cluster_members VALUES ('e1a2b3c4d5e6f708', 'cl-e1a2b3c4d5e6f708', 'iraq-1', 0, DATE '2014-06-12', NULL, 'first report');

INSERT INTO link_blocks VALUES ('REQUEST|IRQ|2014-23', 'e1a2b3c4d5e6f708');
