"""The desktop bundle: built with PyInstaller as ``make package`` builds it, then run headless.

One build (about 20 s on two cores) serves every check: the bundled executable renders the
sample memo to PDF and Word, which needs the templates, markings, fonts and python-docx's
own files inside the bundle, and opens its window offscreen (``--smoke``). The Linux desktop
files are validated with the freedesktop tools.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID

ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
LINUX = ROOT / "packaging" / "linux"
BUILD_TIMEOUT_S = 600
RUN_TIMEOUT_S = 60

on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"),
                              reason="the bundle is built and run on Linux in CI")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle folder, built once by the same script as ``make package``."""
    out = tmp_path_factory.mktemp("package")
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    print(result.stdout.strip().splitlines()[-1])  # "Built ... in N s; the folder holds N MB"
    return out / "dist" / "briefing-app"


def run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
        env={**os.environ, **env},
    )


@pytest.fixture(scope="module")
def fact_base(bundle, tmp_path_factory) -> Path:
    """A fact base with the sample briefing, created by the bundled executable itself."""
    path = tmp_path_factory.mktemp("factbase") / "facts.sqlite"
    result = run(bundle / "briefing-app", "--db", str(path), "init")
    assert result.returncode == 0, result.stderr
    return path


@on_linux
@pytest.mark.slow
def test_the_bundle_renders_the_sample_briefing_to_pdf(bundle, fact_base, tmp_path):
    memo = tmp_path / "memo.pdf"
    result = run(bundle / "briefing-app", "--db", str(fact_base), "render", SAMPLE_BRIEFING_ID,
                 "-o", str(memo))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(memo)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "MEMORANDUM" in text and "SUBJECT:" in text and "Petro" in text
    fonts = {font.get_object()["/BaseFont"] for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("LiberationSerif" in str(name) for name in fonts), fonts  # resources/fonts


@on_linux
@pytest.mark.slow
def test_the_bundle_renders_the_sample_briefing_to_word(bundle, fact_base, tmp_path):
    memo = tmp_path / "memo.docx"
    result = run(bundle / "briefing-app", "--db", str(fact_base), "render", SAMPLE_BRIEFING_ID,
                 "-o", str(memo))
    assert result.returncode == 0, result.stderr
    document = docx.Document(memo)
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "MEMORANDUM" in body and "SUBJECT:\tYour meeting with" in body and "Petro" in body
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "UNCLASSIFIED" in header  # python-docx's header part and resources/markings


@on_linux
@pytest.mark.slow
def test_the_bundled_app_opens_its_window_offscreen_and_quits(bundle, fact_base):
    result = run(bundle / "briefing-app", "--db", str(fact_base), "--smoke",
                 QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert "main window opened and closed (offscreen)" in result.stdout


@on_linux
@pytest.mark.slow
def test_the_bundle_leaves_out_the_qt_modules_the_app_does_not_use(bundle):
    qt = bundle / "_internal" / "PySide6"
    bindings = {path.name.split(".")[0] for path in qt.glob("Qt*.so")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport"}
    libraries = [path.name for path in (qt / "Qt" / "lib").iterdir()]
    unused = [name for name in libraries
              if name.startswith(("libQt6Qml", "libQt6Quick", "libQt6WebEngine", "libQt6Multi"))]
    assert unused == []
    # of Qt's own translations only the standard buttons' words of the Spanish UI
    assert [path.name for path in (qt / "Qt" / "translations").iterdir()] == ["qtbase_es.qm"]
    assert (bundle / "_internal" / "resources" / "translations" / "briefing_app_es.qm").is_file()


@on_linux
@pytest.mark.slow
def test_the_linux_install_script_puts_the_app_on_the_path_and_in_the_menu(bundle, tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["sh", str(LINUX / "install.sh"), str(prefix)], check=True,
                   capture_output=True, timeout=RUN_TIMEOUT_S, env={**os.environ,
                                                                      "BUNDLE": str(bundle)})
    assert (prefix / "share" / "applications" / "briefing-app.desktop").exists()
    assert (prefix / "share/icons/hicolor/256x256/apps/briefing-app.png").exists()
    result = run(prefix / "bin" / "briefing-app", "--db", str(tmp_path / "new.sqlite"), "init",
                 "--empty")  # through the link: the bundle still finds its libraries
    assert result.returncode == 0, result.stderr


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/install-system-deps installs it)")
    return path


def test_the_desktop_file_is_valid():
    result = subprocess.run([tool("desktop-file-validate"), str(LINUX / "briefing-app.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_appstream_metainfo_is_valid():
    metainfo = LINUX / "org.briefingbuilder.BriefingBuilder.metainfo.xml"
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_the_icon_comes_in_every_size_the_desktop_needs():
    icons = ROOT / "resources" / "icons"
    assert (icons / "briefing-app.svg").read_text().lstrip().startswith("<?xml")
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = icons / f"briefing-app-{size}.png"
        header = png.read_bytes()[:24]
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert (width, height) == (size, size), png.name
