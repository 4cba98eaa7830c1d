"""Schema migrations, applied in order on every open (sqlite-utils Migrations).

A migration is history: never edit one that has shipped; add the next.
db/schema.sql is the snapshot of the result, checked by a test.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("desk_app")

_EVIDENCE = """
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    sources TEXT NOT NULL DEFAULT '[]',
    not_for_publication INTEGER NOT NULL DEFAULT 0,"""


def _count(name: str) -> str:
    return f"{name}_low INTEGER, {name}_high INTEGER, {name}_qualifier TEXT,"


_TABLES = f"""
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    governorate TEXT NOT NULL DEFAULT '',
    period_start TEXT, period_end TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title TEXT NOT NULL, publisher TEXT NOT NULL DEFAULT '', published TEXT,
    reference TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE places ({_EVIDENCE}
    name TEXT NOT NULL, name_ar TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL,
    governorate TEXT NOT NULL DEFAULT '', latitude REAL, longitude REAL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE parties ({_EVIDENCE}
    name TEXT NOT NULL, party_type TEXT NOT NULL, notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE figures ({_EVIDENCE}
    label TEXT NOT NULL, {_count("count")} position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sieges ({_EVIDENCE}
    title TEXT NOT NULL, period_start TEXT, period_end TEXT,
    besieging_party_ids TEXT NOT NULL DEFAULT '[]', besieged TEXT NOT NULL DEFAULT '',
    place_ids TEXT NOT NULL DEFAULT '[]', {_count("population")}
    restrictions TEXT NOT NULL DEFAULT '[]', description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agreements ({_EVIDENCE}
    title TEXT NOT NULL, date TEXT, sponsor_party_ids TEXT NOT NULL DEFAULT '[]',
    negotiators TEXT NOT NULL DEFAULT '[]', terms TEXT NOT NULL DEFAULT '[]',
    civilians_ordered_to_leave INTEGER, implementation TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE batches ({_EVIDENCE}
    number INTEGER, date TEXT, origin TEXT NOT NULL DEFAULT '',
    destinations TEXT NOT NULL DEFAULT '[]', {_count("people")} {_count("buses")}
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE incidents ({_EVIDENCE}
    title TEXT NOT NULL, date TEXT, place TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL,
    phase TEXT NOT NULL, party_ids TEXT NOT NULL DEFAULT '[]',
    attribution TEXT NOT NULL DEFAULT '', {_count("killed")} {_count("killed_children")}
    {_count("injured")} {_count("missing")}
    legal_qualifications TEXT NOT NULL DEFAULT '[]', legal_reasoning TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE testimonies ({_EVIDENCE}
    witness_label TEXT NOT NULL, witness_name TEXT, witness_contact TEXT, date TEXT,
    place TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL DEFAULT '', consent TEXT NOT NULL, sensitivity TEXT NOT NULL
);
CREATE TABLE aftermath ({_EVIDENCE}
    title TEXT NOT NULL, kind TEXT NOT NULL, place TEXT NOT NULL DEFAULT '', date TEXT,
    {_count("count")} description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE media ({_EVIDENCE}
    kind TEXT NOT NULL, caption TEXT NOT NULL, credit TEXT NOT NULL DEFAULT '', date TEXT,
    place TEXT NOT NULL DEFAULT '', file_name TEXT, sha256 TEXT
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL, record_id TEXT NOT NULL, author TEXT NOT NULL,
    created_at TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]', resolved INTEGER NOT NULL DEFAULT 0, parent_id TEXT
);
"""

# Which free-text columns of each table feed the search index. A witness's
# real name and contact are deliberately not indexed: the index is a second
# copy of what it holds, and search snippets are shown on screen.
SEARCH_FIELDS: dict[str, tuple[str, list[str]]] = {
    "cases": ("case", ["title", "slug", "governorate", "summary"]),
    "sources": ("source", ["title", "publisher", "reference"]),
    "places": ("place", ["name", "name_ar", "governorate", "notes"]),
    "parties": ("party", ["name", "notes"]),
    "figures": ("figure", ["label"]),
    "sieges": ("siege", ["title", "besieged", "description"]),
    "agreements": ("agreement", ["title", "terms", "implementation", "summary"]),
    "batches": ("batch", ["origin", "destinations", "notes"]),
    "incidents": ("incident", ["title", "place", "attribution", "legal_reasoning", "description"]),
    "testimonies": ("testimony", ["witness_label", "place", "text"]),
    "aftermath": ("aftermath", ["title", "place", "description"]),
    "media": ("media", ["caption", "credit", "place"]),
    "annotations": ("annotation", ["text", "tags"]),
}


def _search_triggers(table: str, kind: str, columns: list[str], body: str = "") -> str:
    body = body or " || ' ' || ".join(f"coalesce(new.{c}, '')" for c in columns)
    case_col = "new.id" if table == "cases" else "new.case_id"
    return f"""
CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO search_doc (record_id, kind, case_id, body)
    VALUES (new.id, '{kind}', {case_col}, desk_normalize({body}));
END;
CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN
    UPDATE search_doc SET body = desk_normalize({body}), case_id = {case_col}
    WHERE record_id = old.id;
END;
CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN
    DELETE FROM search_doc WHERE record_id = old.id;
END;
"""


_SEARCH = """
CREATE TABLE search_doc (
    rowid INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    case_id TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    body, content='search_doc', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
    INSERT INTO search_fts (rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO search_fts (rowid, body) VALUES (new.rowid, new.body);
END;
"""

_AUDIT = """
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    case_id TEXT,
    changes TEXT NOT NULL,
    new_hash TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
"""

_INDEXES = """
CREATE INDEX sources_case ON sources (case_id);
CREATE INDEX places_case ON places (case_id);
CREATE INDEX parties_case ON parties (case_id);
CREATE INDEX figures_case ON figures (case_id, position);
CREATE INDEX sieges_case ON sieges (case_id, period_start);
CREATE INDEX agreements_case ON agreements (case_id, date);
CREATE INDEX batches_case ON batches (case_id, number, date);
CREATE INDEX incidents_case ON incidents (case_id, date);
CREATE INDEX testimonies_case ON testimonies (case_id, date, witness_label);
CREATE INDEX aftermath_case ON aftermath (case_id, date);
CREATE INDEX media_case ON media (case_id, date);
CREATE INDEX annotations_case ON annotations (case_id, created_at);
CREATE INDEX annotations_record ON annotations (record_id);
"""


@migrations()
def m001_initial(db: Database) -> None:
    """Case records, the search index with its triggers, the audit log."""
    script = _TABLES + _SEARCH + _AUDIT + _INDEXES
    for table, (kind, columns) in SEARCH_FIELDS.items():
        script += _search_triggers(table, kind, columns)
    for statement in _split(script):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.splitlines():
        if not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current).strip()
        in_trigger = joined.upper().startswith("CREATE TRIGGER")
        if (in_trigger and joined.upper().endswith("END;")) or (
            not in_trigger and joined.endswith(";")
        ):
            statements.append(joined)
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


# -- m002: review workflow ------------------------------------------------------------------

DATED = {
    "cases": "period_start",
    "sieges": "period_start",
    "agreements": "date",
    "batches": "date",
    "incidents": "date",
    "testimonies": "date",
    "aftermath": "date",
    "media": "date",
}
DEFAULT_TAGS = [
    "figures",
    "date-check",
    "needs-source",
    "corroborated",
    "identity-risk",
    "translation",
]


def _dated_search_triggers(
    table: str, kind: str, columns: list[str], date_col: str, body: str = ""
) -> str:
    body = body or " || ' ' || ".join(f"coalesce(new.{c}, '')" for c in columns)
    case_col = "new.id" if table == "cases" else "new.case_id"
    return f"""
DROP TRIGGER {table}_search_ai;
DROP TRIGGER {table}_search_au;
CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO search_doc (record_id, kind, case_id, body, date)
    VALUES (new.id, '{kind}', {case_col}, desk_normalize({body}), new.{date_col});
END;
CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN
    UPDATE search_doc SET body = desk_normalize({body}), case_id = {case_col}, date = new.{date_col}
    WHERE record_id = old.id;
END;
UPDATE search_doc SET date = (SELECT {date_col} FROM {table} WHERE {table}.id = search_doc.record_id)
WHERE kind = '{kind}';
"""


@migrations()
def m002_review(db: Database) -> None:
    """Text spans on annotations, review status, a tag vocabulary, dates in the search index."""
    script = """
ALTER TABLE annotations ADD COLUMN span_start INTEGER;
ALTER TABLE annotations ADD COLUMN span_end INTEGER;
ALTER TABLE annotations ADD COLUMN quote TEXT NOT NULL DEFAULT '';
CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE INDEX reviews_case ON reviews (case_id, status);
CREATE TABLE tag_vocabulary (name TEXT PRIMARY KEY);
ALTER TABLE search_doc ADD COLUMN date TEXT;
CREATE INDEX search_doc_case ON search_doc (case_id, kind);
"""
    for table, date_col in DATED.items():
        kind, columns = SEARCH_FIELDS[table]
        script += _dated_search_triggers(table, kind, columns, date_col)
    for statement in _split(script):
        db.execute(statement)
    db.conn.executemany(
        "INSERT INTO tag_vocabulary (name) VALUES (?)", [(t,) for t in DEFAULT_TAGS]
    )


# -- m003: readable search documents ---------------------------------------------------------

LIST_COLUMNS = {"terms", "destinations", "tags"}  # JSON arrays of strings
FIELD_SEPARATOR = " \u00b7 "


def _readable_body(columns: list[str], row: str = "new") -> str:
    """A record's fields joined by a middle dot, empty ones left out, lists as 'a, b'."""
    parts = []
    for column in columns:
        value = f"{row}.{column}"
        if column in LIST_COLUMNS:
            value = (
                f"(CASE WHEN json_valid({value}) AND json_type({value}) = 'array'"
                f" THEN (SELECT group_concat(value, ', ') FROM json_each({value})) ELSE {value} END)"
            )
        parts.append(f"nullif({value}, '')")
    return f"concat_ws('{FIELD_SEPARATOR}', {', '.join(parts)})"


@migrations()
def m003_readable_search_documents(db: Database) -> None:
    """Search documents keep their fields apart ("Zoghara camp · Zoghara camp, north-east...")
    and show lists as prose, so snippets read as text; the words indexed stay the same."""
    script = ""
    for table, (kind, columns) in SEARCH_FIELDS.items():
        body = _readable_body(columns)
        if table in DATED:
            script += _dated_search_triggers(table, kind, columns, DATED[table], body)
        else:
            script += f"DROP TRIGGER {table}_search_ai;\nDROP TRIGGER {table}_search_au;\n"
            script += f"DROP TRIGGER {table}_search_ad;\n"
            script += _search_triggers(table, kind, columns, body)
        # Rewritten through search_doc's own trigger, which takes the old words out of
        # the index and puts the new text in.
        script += (
            f"UPDATE search_doc SET body = (SELECT desk_normalize({_readable_body(columns, 't')})"
            f" FROM {table} t WHERE t.id = search_doc.record_id) WHERE kind = '{kind}';\n"
        )
    for statement in _split(script):
        db.execute(statement)
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")  # every document moved
