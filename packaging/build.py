"""Build the one-folder desktop bundle with PyInstaller: ``dist/briefing-app/``.

``make package`` runs it; the bundle test runs it with temporary folders. Same command on
Linux, Windows and macOS (``python packaging/build.py``), from the project's environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "briefing-app.spec"
BUNDLE_NAME = "briefing-app"


def executable_path(dist: Path) -> Path:
    """The bundle's console executable (the one that runs the commands)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / BUNDLE_NAME / f"{BUNDLE_NAME}{suffix}"


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the executable path. Raises CalledProcessError."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    return executable_path(dist)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 1
    started = time.monotonic()
    try:
        exe = build(args.dist.resolve(), args.work.resolve())
    except subprocess.CalledProcessError as error:
        print(f"PyInstaller failed (exit status {error.returncode})", file=sys.stderr)
        return 1
    seconds = time.monotonic() - started
    megabytes = folder_size(exe.parent) / 1e6
    print(f"Built {exe} in {seconds:.0f} s; the folder holds {megabytes:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
