"""The change journal of a team replica: triggers that note every changed object.

A fact base that is a replica of a team library (see :mod:`.replica`) must push every
local change, whoever made it: an operation of the app, an import from the command line,
a cascade of a merge or a tag rename, or the sqlite-utils CLI. So the journal is kept by
SQLite itself. (The core's commit hook sees only operations run through a Library, and an
operation that reaches "any item" — a renamed tag — would have to be worked out again;
the triggers see each row that really changed, in the same transaction, on every path.)

Before any row of an object changes, a trigger adds the object to
``sync_pending`` in the same transaction, once, with the object as it was then (its
``base``: the last state the server knows, which the sync merges against). A rolled-back
change leaves no trace; a committed one is always there.

- ``sync_pending.seq`` (AUTOINCREMENT, never reused) orders the push: the order in which
  objects first changed, so a person is pushed before the item that names them.
- The triggers record only while ``sync_recording`` holds its row: a fact base that is not
  a replica pays one look into an empty table per written row. The sync removes the row
  inside its own transactions while it writes what it pulled.
- An object's data is one JSON object, built here by SQL (:func:`object_json`), both for
  the ``base`` a trigger keeps and for the state the sync reads, so equal states are equal
  text. Items carry their tags (names) and people (ids) in order; a briefing carries its
  participants and its sections with their blocks, without the local row ids.

Objects, by kind: ``person``, ``source``, ``tag`` (keyed by its name folded like
NOCASE), ``item``, ``saved_search`` (keyed by its folded name) and ``briefing``; each
object's key is its ``object_id``. :data:`KINDS` is also the order in which pulled
objects are written (what others refer to first).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("person", "source", "tag", "item", "saved_search", "briefing")

_ITEM_FIELDS = (
    "kind", "title", "text", "date", "source_id", "status", "marking", "notes", "speaker_id",
    "language", "translation", "context", "end_date", "location", "created", "updated",
)
# The briefing columns as the journal's migration (schema version 6) released them; the
# columns added since come after them, and each such migration recreates the briefing
# triggers (:func:`briefing_trigger_statements`) so that their ``base`` carries them.
_RELEASED_BRIEFING_FIELDS = (
    "title", "subject", "memo_to", "memo_from", "memo_through", "date", "meeting_title",
    "meeting_date", "meeting_location", "marking", "template", "portion_marking",
    "note_style", "language", "created", "updated",
)
_BRIEFING_FIELDS = (*_RELEASED_BRIEFING_FIELDS, "page_size")
FIELDS = {
    "person": ("name", "role", "organization", "country", "notes"),
    "source": ("outlet", "title", "url", "published", "accessed", "notes"),
    "tag": ("name",),
    "item": (*_ITEM_FIELDS, "tags", "people"),
    "saved_search": ("name", "query", "position"),
    "briefing": (*_BRIEFING_FIELDS, "participants", "sections"),
}
"""The fields of each kind's data, in the order of its JSON object."""


def _pairs(alias: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"'{c}', {alias}.{c}" for c in columns)


def _array(select: str, *, of_objects: bool = False) -> str:
    """A JSON array of the rows of ``select`` (one column named ``v``), in its order.
    JSON objects lose their JSON type on the way out of a subquery; ``json(v)`` gives it
    back, so they nest as objects and not as text."""
    value = "json(v)" if of_objects else "v"
    return f"json((SELECT json_group_array({value}) FROM ({select})))"


def object_json(kind: str, key: str, *,
                briefing_fields: tuple[str, ...] = _BRIEFING_FIELDS) -> str:
    """An SQL expression: the data of the object of ``kind`` whose key is the SQL
    expression ``key``, as JSON text, or NULL when there is no such object.
    ``briefing_fields`` are the briefing columns it reads (those of the schema version a
    migration builds triggers for)."""
    if kind == "item":
        tags = _array("""SELECT t.name AS v FROM item_tags it JOIN tags t ON t.id = it.tag_id
            WHERE it.item_id = x.id ORDER BY it.position""")
        people = _array("""SELECT person_id AS v FROM item_people WHERE item_id = x.id
            ORDER BY position""")
        return f"""(SELECT json_object({_pairs("x", _ITEM_FIELDS)}, 'tags', {tags},
            'people', {people}) FROM items x WHERE x.id = {key})"""
    if kind == "person":
        return f"""(SELECT json_object({_pairs("x", FIELDS["person"])})
            FROM people x WHERE x.id = {key})"""
    if kind == "source":
        return f"""(SELECT json_object({_pairs("x", FIELDS["source"])})
            FROM sources x WHERE x.id = {key})"""
    # Tags and saved searches are named with NOCASE columns: ``x.name = key`` folds case
    # and uses their unique index.
    if kind == "tag":
        return f"(SELECT json_object('name', x.name) FROM tags x WHERE x.name = {key})"
    if kind == "saved_search":
        return f"""(SELECT json_object({_pairs("x", FIELDS["saved_search"])})
            FROM saved_searches x WHERE x.name = {key})"""
    if kind == "briefing":
        participants = _array("""SELECT person_id AS v FROM briefing_participants
            WHERE briefing_id = x.id ORDER BY position""")
        blocks = _array("""SELECT json_object('item_id', k.item_id, 'note', k.note,
                'override', k.override, 'text', k.text, 'style', k.style) AS v
            FROM blocks k WHERE k.section_id = s.id ORDER BY k.position""", of_objects=True)
        sections = _array(f"""SELECT json_object('heading', s.heading,
                'automatic', s.automatic, 'blocks', {blocks}) AS v
            FROM sections s WHERE s.briefing_id = x.id ORDER BY s.position""", of_objects=True)
        return f"""(SELECT json_object({_pairs("x", briefing_fields)},
            'participants', {participants}, 'sections', {sections})
            FROM briefings x WHERE x.id = {key})"""
    raise ValueError(f"{kind!r} is not a kind of synced object")


def any_object_json(kind_column: str, key_column: str) -> str:
    """The data of the object named by two columns (kind, key), whatever its kind."""
    cases = " ".join(f"WHEN '{k}' THEN {object_json(k, key_column)}" for k in KINDS)
    return f"(CASE {kind_column} {cases} END)"


# ---------------------------------------------------------------- the triggers


@dataclass(frozen=True)
class _Watch:
    """A write to ``table`` that changes the objects of ``kind`` whose keys ``keys``
    selects (one column named ``k``; ``old``/``new`` are the written row)."""

    table: str
    event: str
    kind: str
    keys: str


RECORDING = "EXISTS (SELECT 1 FROM sync_recording)"


def _watches() -> list[_Watch]:
    watches: list[_Watch] = []

    def each_event(table: str, kind: str, old: str, new: str) -> None:
        watches.append(_Watch(table, "INSERT", kind, f"SELECT {new} AS k"))
        watches.append(_Watch(table, "UPDATE", kind,
                              f"SELECT {old} AS k UNION SELECT {new}"))
        watches.append(_Watch(table, "DELETE", kind, f"SELECT {old} AS k"))

    each_event("people", "person", "old.id", "new.id")
    each_event("sources", "source", "old.id", "new.id")
    # Saving an item inserts its tags with INSERT OR IGNORE: a tag that exists is no change.
    watches.append(_Watch("tags", "INSERT", "tag", "SELECT lower(new.name) AS k WHERE NOT "
                          "EXISTS (SELECT 1 FROM tags WHERE name = new.name)"))
    watches.append(_Watch("tags", "UPDATE", "tag",
                          "SELECT lower(old.name) AS k UNION SELECT lower(new.name)"))
    watches.append(_Watch("tags", "DELETE", "tag", "SELECT lower(old.name) AS k"))
    # A renamed tag changes every item that carries it (the item's data holds tag names).
    watches.append(_Watch("tags", "UPDATE", "item",
                          "SELECT item_id AS k FROM item_tags WHERE tag_id = old.id"))
    each_event("items", "item", "old.id", "new.id")
    each_event("item_tags", "item", "old.item_id", "new.item_id")
    each_event("item_people", "item", "old.item_id", "new.item_id")
    each_event("saved_searches", "saved_search", "lower(old.name)", "lower(new.name)")
    each_event("briefings", "briefing", "old.id", "new.id")
    each_event("briefing_participants", "briefing", "old.briefing_id", "new.briefing_id")
    each_event("sections", "briefing", "old.briefing_id", "new.briefing_id")
    section_of = "(SELECT briefing_id FROM sections WHERE id = {}.section_id)"
    each_event("blocks", "briefing", section_of.format("old"), section_of.format("new"))
    return watches


def _trigger_name(watch: _Watch, number: int) -> str:
    return f"sync_{watch.table}_{watch.event.lower()}_{number}"


def _trigger(watch: _Watch, number: int, briefing_fields: tuple[str, ...]) -> str:
    data = object_json(watch.kind, "keys.k", briefing_fields=briefing_fields)
    return f"""CREATE TRIGGER {_trigger_name(watch, number)}
    BEFORE {watch.event} ON {watch.table} WHEN {RECORDING}
    BEGIN
        INSERT OR IGNORE INTO sync_pending(kind, object_id, base)
        SELECT DISTINCT '{watch.kind}', keys.k, {data}
        FROM ({watch.keys}) AS keys
        WHERE keys.k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_pending p
            WHERE p.kind = '{watch.kind}' AND p.object_id = keys.k);
    END"""


TABLES = (
    """CREATE TABLE sync_replica (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server TEXT NOT NULL,
        library_id TEXT NOT NULL,
        replica_id TEXT NOT NULL,
        seen_version INTEGER NOT NULL DEFAULT 0,
        cursor_version INTEGER,
        cursor_kind INTEGER,
        cursor_id TEXT,
        last_sync TEXT NOT NULL DEFAULT '',
        last_error TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE TABLE sync_recording (active INTEGER PRIMARY KEY CHECK (active = 1))",
    """CREATE TABLE sync_pending (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        base TEXT,
        UNIQUE (kind, object_id)
    )""",
    """CREATE TABLE sync_deferred (
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        mine TEXT,
        PRIMARY KEY (kind, object_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        field TEXT NOT NULL,
        mine TEXT,
        theirs TEXT,
        created TEXT NOT NULL
    )""",
    "CREATE INDEX sync_conflicts_by_object ON sync_conflicts(kind, object_id)",
)


def create_statements() -> tuple[str, ...]:
    """The journal's tables and triggers as released (one migration of :mod:`.schema`)."""
    triggers = tuple(_trigger(w, n, _RELEASED_BRIEFING_FIELDS)
                     for n, w in enumerate(_watches(), start=1))
    return (*TABLES, *triggers)


def briefing_trigger_statements() -> tuple[str, ...]:
    """Drop and recreate the triggers that keep a briefing's data, with today's briefing
    columns: the migration that adds a briefing column ends with these (the triggers are
    dropped and created again, not the tables they watch)."""
    statements: list[str] = []
    for number, watch in enumerate(_watches(), start=1):
        if watch.kind == "briefing":
            statements.append(f"DROP TRIGGER IF EXISTS {_trigger_name(watch, number)}")
            statements.append(_trigger(watch, number, _BRIEFING_FIELDS))
    return tuple(statements)


def trigger_names() -> list[str]:
    """The names of the journal's triggers (a replica checks they are all there)."""
    return [_trigger_name(w, n) for n, w in enumerate(_watches(), start=1)]
