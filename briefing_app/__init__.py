"""Briefing Builder: compose briefing memos from a local fact base.

Layers, each importable on its own and none of them importing Qt:
``store`` (SQLite, the only place with SQL) -> ``model`` (briefings, items; pure Python)
-> ``document`` (one renderer-neutral memo tree and its writers). ``cli`` and ``ui`` are
two thin faces on top.
"""

__version__ = "0.1.0"
