"""Positions and coalition tables: the Store methods that keep and read them.

`PositionMethods` is mixed into `SQLStore` next to `ClusterMethods` (whose `_ids_where`
it uses). Derived rows belong to a document and remember the text they were read from
(`doc_hash`): saving a document's rows replaces them, and rows whose document changed or
disappeared are pruned. Full records are kept as JSON in `record`,
with the columns queries filter on beside it, as in the events table. `derived_documents`
remembers which text of each document was last derived, so derivation interrupted
part-way can resume with `underived_doc_ids`.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from redshank.errors import StoreError
from redshank.model import (
    Actor,
    CoalitionSummary,
    Contribution,
    Membership,
    Position,
    Sentence,
    Span,
)
from redshank.store import filters, rows
from redshank.store.position_queries import CoalitionQuery, PositionQuery
from redshank.store.primitives import SQLPrimitives, utc_now

POSITION_COLUMNS = (
    "position_id", "holder", "holder_name", "topic", "stance", "date_start", "date_end",
    "speaker_id", "speaker_name", "doc_id", "doc_hash", "sentence_index", "published",
    "deriver_version", "record",
)  # fmt: skip
MEMBERSHIP_COLUMNS = (
    "membership_id", "coalition_id", "member", "role", "doc_id", "doc_hash", "sentence_index",
    "date_start", "event_id", "record",
)  # fmt: skip
CONTRIBUTION_COLUMNS = (
    "contribution_id", "coalition_id", "actor", "kind", "status", "doc_id", "doc_hash",
    "sentence_index", "date_start", "record",
)  # fmt: skip
COALITION_COLUMNS = (
    "coalition_id", "name", "adversary", "adversary_code", "adversary_name",
    "adversary_aliases", "labels", "leaders", "members", "member_count", "first_date",
    "last_date", "deriver_version", "updated_at", "record",
)  # fmt: skip
LAST_DAY = date(9999, 12, 31)
DERIVED_TABLES = ("positions", "coalition_members", "coalition_contributions")
# Keys (actor id, or country for states) of the actors any document calls by a name.
_NAMED_AS = ("SELECT CASE WHEN a.type IN ('state', 'person') AND a.country IS NOT NULL"
             " THEN a.country ELSE a.actor_id END FROM actor_mentions a"
             " WHERE lower(a.text) = lower(?) OR lower(a.name) = lower(?)"
             " OR lower(a.code) = lower(?)")
_SPLIT = rows.LIST_SEPARATOR


def _json(record: Any) -> str:
    return json.dumps(record.to_json(), ensure_ascii=False, sort_keys=True)


def _joined(values: Sequence[str]) -> str | None:
    return _SPLIT.join(values) or None


def position_row(position: Position, doc_hash: str) -> rows.Row:
    """The positions row of a position."""
    speaker = position.speaker
    return (position.position_id, position.holder, position.holder_name, position.topic,
            position.stance, position.date_start, position.date_end,
            speaker.id if speaker else None, speaker.name if speaker else None,
            position.doc_id, doc_hash, position.sentence_index, position.published,
            position.deriver_version, _json(position))


def membership_row(membership: Membership, doc_hash: str) -> rows.Row:
    """The coalition_members row of one piece of membership evidence."""
    return (membership.membership_id, membership.coalition_id, membership.member,
            membership.role, membership.doc_id, doc_hash, membership.sentence_index,
            membership.date_start, membership.event_id, _json(membership))


def contribution_row(contribution: Contribution, doc_hash: str) -> rows.Row:
    """The coalition_contributions row of a contribution."""
    return (contribution.contribution_id, contribution.coalition_id, contribution.actor,
            contribution.kind, contribution.status, contribution.doc_id, doc_hash,
            contribution.sentence_index, contribution.date_start, _json(contribution))


def coalition_row(coalition: CoalitionSummary, updated_at: datetime) -> rows.Row:
    """The coalitions row of a coalition summary."""
    adversary = coalition.adversary
    return (coalition.coalition_id, coalition.name,
            adversary.key if adversary else None, adversary.code if adversary else None,
            adversary.name if adversary else None,
            _joined(adversary.aliases) if adversary else None,
            _joined(coalition.labels), _joined(coalition.leaders), _joined(coalition.members),
            len(coalition.members), coalition.first_date, coalition.last_date,
            coalition.deriver_version, updated_at, _json(coalition))


def _unique(records: Sequence[Any], key: str) -> list[Any]:
    first: dict[str, Any] = {}
    for record in records:
        first.setdefault(getattr(record, key), record)
    return list(first.values())


def _in_list(column: str) -> str:
    """SQL true when ? is one of the "; "-joined values of `column` (case-insensitive)."""
    return (f"('{_SPLIT}' || lower({column}) || '{_SPLIT}')"
            f" LIKE ('%{_SPLIT}' || lower(?) || '{_SPLIT}%')")


# The order of positions: date (undated last), publication (unknown last), document,
# sentence, id; a page resumes after the last row's values of these.
POSITION_ORDER = ("p.date_start", f"COALESCE(p.published, DATE '{LAST_DAY}')", "p.doc_id",
                  "p.sentence_index", "p.position_id")


def position_conditions(query: PositionQuery) -> tuple[list[str], list[Any]]:
    """The WHERE conditions of a query on positions `p` (without paging), and parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.actor is not None:
        conditions.append("(lower(p.holder) = lower(?) OR lower(p.holder_name) = lower(?)"
                          " OR lower(p.speaker_id) = lower(?) OR lower(p.speaker_name) = lower(?))")
        params.extend([query.actor] * 4)
    for column, value in (("topic", query.topic), ("stance", query.stance),
                          ("doc_id", query.doc_id)):
        if value is not None:
            conditions.append(f"lower(p.{column}) = lower(?)")
            params.append(value)
    if query.since is not None:
        conditions.append("COALESCE(p.date_end, p.date_start) >= ?")
        params.append(query.since)
    if query.until is not None:
        conditions.append("COALESCE(p.date_start, p.date_end) <= ?")
        params.append(query.until)
    return conditions, params


def position_sort_key(position: Position) -> tuple[Any, ...]:
    """The values of POSITION_ORDER for a position: what `PositionQuery.after` takes."""
    return (position.date_start, position.published or LAST_DAY, position.doc_id,
            position.sentence_index, position.position_id)


def select_positions_sql(query: PositionQuery) -> tuple[str, list[Any]]:
    """The SELECT of positions.record for a query, and its parameters."""
    conditions, params = position_conditions(query)
    page, page_params = filters.after_condition(POSITION_ORDER, query.after)
    limit = f" LIMIT {int(query.limit)}" if query.limit is not None else ""
    return (f"SELECT p.record FROM positions p{filters.where(conditions + page)} ORDER BY"
            f" p.date_start IS NULL, {', '.join(POSITION_ORDER)}{limit}",
            params + page_params)


def select_coalitions_sql(query: CoalitionQuery) -> tuple[str, list[Any]]:
    """The SELECT of coalitions.record for a query, and its parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.against is not None:
        conditions.append("(lower(c.adversary) = lower(?) OR lower(c.adversary_code) = lower(?)"
                          " OR lower(c.adversary_name) = lower(?) OR "
                          + _in_list("c.adversary_aliases") + " OR c.adversary IN ("
                          + _NAMED_AS + "))")
        params.extend([query.against] * 7)
    if query.name is not None:
        conditions.append("(lower(c.name) LIKE ('%' || lower(?) || '%') OR lower(c.labels) LIKE"
                          " ('%' || lower(?) || '%') OR lower(c.coalition_id) = lower(?))")
        params.extend([query.name] * 3)
    if query.member is not None:
        conditions.append(_in_list("c.members"))
        params.append(query.member)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return (f"SELECT c.record FROM coalitions c{where} ORDER BY c.first_date IS NULL,"
            " c.first_date, c.coalition_id", params)


class PositionMethods(SQLPrimitives):
    """Store methods for positions, coalition memberships, contributions and coalitions."""

    @abstractmethod
    def _ids_where(self, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]: ...

    def save_derived(self, documents: Mapping[str, str], positions: Sequence[Position],
                     memberships: Sequence[Membership], contributions: Sequence[Contribution]
                     ) -> list[str]:
        """Replace the positions, memberships and contributions read from `documents`
        (doc_id -> content hash of the text they were read from), and record those
        documents as derived from that text, in one transaction.

        Returns the ids of the coalitions whose memberships or contributions changed.
        """
        doc_ids = list(documents)
        for record in (*positions, *memberships, *contributions):
            if record.doc_id not in documents:
                raise StoreError(f"{self.target}: derived record of doc {record.doc_id!r} "
                                 "saved without its document hash")
        with self._operation(f"save positions of {len(doc_ids)} documents"), self._transaction():
            touched = {row[0] for table in ("coalition_members", "coalition_contributions")
                       for row in self._ids_where(
                           f"SELECT DISTINCT coalition_id FROM {table} WHERE doc_id IN ({{ids}})",
                           doc_ids)}
            for table in (*DERIVED_TABLES, "derived_documents"):
                self._ids_where(f"DELETE FROM {table} WHERE doc_id IN ({{ids}})", doc_ids)
            self._insert_frame("derived_documents", ("doc_id", "content_hash"),
                              sorted(documents.items()))
            self._insert_frame("positions", POSITION_COLUMNS, [
                position_row(p, documents[p.doc_id])
                for p in _unique(positions, "position_id")])
            self._insert_frame("coalition_members", MEMBERSHIP_COLUMNS, [
                membership_row(m, documents[m.doc_id])
                for m in _unique(memberships, "membership_id")])
            self._insert_frame("coalition_contributions", CONTRIBUTION_COLUMNS, [
                contribution_row(c, documents[c.doc_id])
                for c in _unique(contributions, "contribution_id")])
        touched.update(m.coalition_id for m in memberships)
        touched.update(c.coalition_id for c in contributions)
        return sorted(touched)

    def prune_derived(self) -> list[str]:
        """Drop derived rows whose document is gone or was re-coded with another text;
        returns the ids of the coalitions that lost rows."""
        stale = ("NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = {table}.doc_id"
                 " AND d.content_hash = {table}.doc_hash)")
        with self._operation("prune positions"), self._transaction():
            touched = {row[0] for table in ("coalition_members", "coalition_contributions")
                       for row in self._fetch(f"SELECT DISTINCT coalition_id FROM {table}"
                                              f" WHERE {stale.format(table=table)}")}
            for table in DERIVED_TABLES:
                self._fetch(f"DELETE FROM {table} WHERE {stale.format(table=table)}")
            self._fetch("DELETE FROM derived_documents WHERE NOT EXISTS (SELECT 1 FROM"
                        " documents d WHERE d.doc_id = derived_documents.doc_id"
                        " AND d.content_hash = derived_documents.content_hash)")
        return sorted(touched)

    def clear_derived(self) -> None:
        """Delete every position, membership, contribution and coalition, and forget which
        documents were derived."""
        with self._operation("clear positions"), self._transaction():
            for table in (*DERIVED_TABLES, "coalitions", "derived_documents"):
                self._fetch(f"DELETE FROM {table}")

    def underived_doc_ids(self) -> list[str]:
        """Stored documents not derived from their current text (never derived, derived
        from a text since re-coded, or cleared), sorted."""
        return self._column(
            "list underived documents",
            "SELECT d.doc_id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM"
            " derived_documents r WHERE r.doc_id = d.doc_id"
            " AND r.content_hash = d.content_hash) ORDER BY d.doc_id")

    def coalition_ids(self) -> list[str]:
        """Ids of every coalition with a summary, a membership or a contribution, sorted."""
        return self._column(
            "list coalition ids",
            "SELECT coalition_id FROM coalitions UNION SELECT coalition_id FROM"
            " coalition_members UNION SELECT coalition_id FROM coalition_contributions"
            " ORDER BY coalition_id")

    def save_coalitions(self, coalitions: Sequence[CoalitionSummary],
                        deleted: Sequence[str] = ()) -> None:
        """Upsert coalition summaries and delete the coalitions in `deleted`."""
        now = utc_now()
        ids = [c.coalition_id for c in coalitions] + list(deleted)
        with self._operation(f"save {len(coalitions)} coalitions"), self._transaction():
            self._ids_where("DELETE FROM coalitions WHERE coalition_id IN ({ids})", ids)
            self._insert_frame("coalitions", COALITION_COLUMNS,
                              [coalition_row(c, now) for c in coalitions])

    def query_positions(self, query: PositionQuery) -> list[Position]:
        """Positions matching `query`, ordered by date, publication, document and sentence."""
        sql, params = select_positions_sql(query)
        with self._operation("query positions"):
            found = self._fetch(sql, params)
        return [Position.from_json(json.loads(row[0])) for row in found]

    def count_positions(self, query: PositionQuery) -> int:
        """How many positions match `query`, ignoring its limit and `after`."""
        conditions, params = position_conditions(query)
        with self._operation("count positions"):
            return self._fetch(f"SELECT count(*) FROM positions p{filters.where(conditions)}",
                               params)[0][0]

    def query_coalitions(self, query: CoalitionQuery) -> list[CoalitionSummary]:
        """Coalitions matching `query`, oldest first."""
        sql, params = select_coalitions_sql(query)
        with self._operation("query coalitions"):
            found = self._fetch(sql, params)
        return [CoalitionSummary.from_json(json.loads(row[0])) for row in found]

    def memberships_of(self, coalition_ids: Sequence[str]) -> list[Membership]:
        """Membership evidence of the coalitions in `coalition_ids`, oldest first."""
        with self._operation("read coalition members"):
            found = self._ids_where(
                "SELECT record, date_start, doc_id, sentence_index, membership_id"
                " FROM coalition_members WHERE coalition_id IN ({ids})", coalition_ids)
        return [Membership.from_json(json.loads(row[0])) for row in sorted(found, key=_order)]

    def contributions_of(self, coalition_ids: Sequence[str]) -> list[Contribution]:
        """Contributions recorded for the coalitions in `coalition_ids`, oldest first."""
        with self._operation("read coalition contributions"):
            found = self._ids_where(
                "SELECT record, date_start, doc_id, sentence_index, contribution_id"
                " FROM coalition_contributions WHERE coalition_id IN ({ids})", coalition_ids)
        return [Contribution.from_json(json.loads(row[0])) for row in sorted(found, key=_order)]

    def get_sentences(self, doc_id: str) -> list[Sentence]:
        """The stored sentences of a document, in order."""
        with self._operation(f"read sentences of doc {doc_id!r}"):
            found = self._fetch(
                "SELECT sentence_index, paragraph, start_char, end_char, text FROM sentences"
                " WHERE doc_id = ? ORDER BY sentence_index", [doc_id])
        return [Sentence(doc_id=doc_id, index=row[0], paragraph=row[1],
                         span=Span(row[2], row[3]), text=row[4]) for row in found]

    def get_actor_mentions(self, doc_id: str) -> list[Actor]:
        """The actors found in a document, in the order they were found."""
        with self._operation(f"read actors of doc {doc_id!r}"):
            found = self._fetch(
                "SELECT text, name, country, sector, type, actor_id, start_char, end_char,"
                " code, entries, country_from FROM actor_mentions WHERE doc_id = ?"
                " ORDER BY mention_index", [doc_id])
        return [Actor(text=row[0], name=row[1], country=row[2], sector=row[3], type=row[4],
                      id=row[5], span=Span(row[6], row[7]), code=row[8],
                      entries=json.loads(row[9]), country_from=row[10]) for row in found]

    def document_hashes(self, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
        """doc_id -> content hash of the stored documents (all, or those in `doc_ids`)."""
        with self._operation("read document hashes"):
            if doc_ids is None:
                found = self._fetch("SELECT doc_id, content_hash FROM documents ORDER BY doc_id")
            else:
                found = self._ids_where(
                    "SELECT doc_id, content_hash FROM documents WHERE doc_id IN ({ids})", doc_ids)
        return dict(found)


def _order(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return (row[1] is None, row[1], row[2], row[3], row[4])
