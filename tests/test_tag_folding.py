"""Two tag names are one tag exactly when SQLite's NOCASE says so: only ASCII folds."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.tags import fold_tag


def test_ascii_letters_fold_and_other_letters_keep_their_case():
    assert fold_tag("Visa") == fold_tag("VISA") == "visa"
    assert fold_tag("Ávila") != fold_tag("ávila")
    assert fold_tag("ÑANDÚ Sur") == "ÑandÚ sur"


@given(st.text(), st.text())
def test_fold_tag_agrees_with_sqlite_nocase(a, b):
    conn = sqlite3.connect(":memory:")
    same = conn.execute("SELECT ? = ? COLLATE NOCASE", (a, b)).fetchone()[0]
    assert (fold_tag(a) == fold_tag(b)) == bool(same)
