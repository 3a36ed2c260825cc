"""The memo as one renderer-neutral tree (``model``), built from a briefing (``build``),
checked before export (``preflight``) and written by the writers in ``writers``."""
