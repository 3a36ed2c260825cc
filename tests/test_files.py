"""Atomic writes: a failed write never leaves a truncated file or destroys the old one."""

import os
import stat

import pytest

from briefing_app.core.files import WriteError, atomic_output, atomic_write_text


def test_replaces_the_file_only_when_complete(tmp_path):
    target = tmp_path / "memo.txt"
    target.write_text("previous version")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write(b"half a memo")
        raise RuntimeError("export failed midway")
    assert target.read_text() == "previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.txt"]  # no temp file left behind


def test_writes_new_file(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write_text(target, "Bogotá €")
    assert target.read_text(encoding="utf-8") == "Bogotá €"


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path, umask, mode):
    # readable by others under the usual umask, private under a strict one
    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == mode


def test_replacing_keeps_the_old_files_permissions(tmp_path):
    target = tmp_path / "kept.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(WriteError, match="folder does not exist"):
        atomic_write_text(tmp_path / "nope" / "memo.pdf", "x")


def test_target_that_is_a_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(WriteError, match="it is a folder"):
        atomic_write_text(tmp_path, "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_gives_a_clear_message(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            atomic_write_text(folder / "memo.pdf", "x")
    finally:
        folder.chmod(0o700)


def test_parent_that_is_a_file_gives_a_clear_message(tmp_path):
    (tmp_path / "report.txt").write_text("not a folder")
    with pytest.raises(WriteError, match=r"Cannot write .*memo\.pdf"):
        atomic_write_text(tmp_path / "report.txt" / "memo.pdf", "x")

