"""The sample fact base: the Petro-Trump meeting of February 3, 2026.

A first start should show a real briefing, not an empty window, so the default fact base
is created with the shipped sample pack (built only from the seed news article in
``resources/sample/``). The same pack gives tests a realistic fact base.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.files import remove_stale_temp_files, sync_folder, temp_path_for
from briefing_app.core.paths import default_db_path, resource_path
from briefing_app.store import FactBase, FactBaseError, remove_fact_base

SAMPLE_PACK = resource_path("sample", "petro-trump.factpack.json")
SAMPLE_BRIEFING_ID = "b-petro-meeting"
DEFAULT_MARKING_SCHEME = "us"


def create_fact_base(path: str | os.PathLike, *, empty: bool = False) -> FactBase:
    """Create a new fact base at ``path`` holding the sample (or nothing, when ``empty``).

    Refuses to touch an existing non-empty file, so a mistyped path can never replace
    someone's facts. The file is built under a temporary name beside ``path`` and renamed
    into place once complete: a crash or a full disk midway leaves no half-made fact base
    (``init`` can simply run again), only a hidden temporary file that the next write to
    the folder clears away (:func:`briefing_app.core.files.remove_stale_temp_files`).
    """
    path = Path(path)
    _refuse_existing(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path.parent)
    building = temp_path_for(path)
    try:
        with FactBase.open(building) as fb, fb.transaction():
            fb.set_setting("marking_scheme", DEFAULT_MARKING_SCHEME)
            if not empty:
                from briefing_app.exchange.factpack import import_pack  # only to create

                import_pack(fb, SAMPLE_PACK)
        _refuse_existing(path)  # checked again: another program may have made it meanwhile
        os.replace(building, path)
        sync_folder(path.parent)
    except BaseException:
        remove_fact_base(building)
        raise
    return FactBase.open(path)


def _refuse_existing(path: Path) -> None:
    if path.exists() and (path.is_dir() or path.stat().st_size > 0):
        raise FactBaseError(
            f"{path} already exists; a new fact base is only created where no file is. "
            "Open it instead, or choose another name."
        )


def open_or_create_default(path: str | os.PathLike | None = None) -> FactBase:
    """Open the fact base at ``path`` (default: :func:`paths.default_db_path`), creating it
    with the sample on first use."""
    path = Path(path) if path is not None else default_db_path()
    if path.exists() and (path.is_dir() or path.stat().st_size > 0):
        return FactBase.open(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return create_fact_base(path)
