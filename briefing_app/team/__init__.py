"""The team library: an office's shared fact base in PostgreSQL, every desktop a replica.

Each staffer keeps a full SQLite fact base; the library lives in PostgreSQL (schema
``briefing_team``, :mod:`.server_schema`). The store journals every local change
(``store/journal.py``); :mod:`.sync` pushes the journal and pulls what others changed,
merging field by field (:mod:`.merge`); a field changed on both sides becomes a conflict
that keeps both values until the staffer chooses (:mod:`.resolve`). :mod:`.join` makes a
fact base a replica. This package is the only place that speaks to PostgreSQL (psycopg 3).
"""
