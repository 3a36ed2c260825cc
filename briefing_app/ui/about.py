"""Help > About: what the app is, which versions run it, and the licences it ships.

Library names, versions and licences come from the installed packages' metadata
(``importlib.metadata``). A frozen bundle may carry no metadata, so each library also has
the licence it is known to use and a module whose ``__version__`` can stand in; a library
found neither way is not in this copy and is not listed. "Copy Version Info" puts a plain
text summary on the clipboard for bug reports.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import platform
import sys
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_app import __version__
from briefing_app.core.paths import resource_path

APP_NAME = "Briefing Builder"
APP_LICENCE = "MIT"  # as pyproject.toml declares; a test keeps the two equal
FONT_LICENCE_PARTS = ("fonts", "LICENSE-Liberation.txt")
FONT_NAME = "Liberation Serif"
FONT_LICENCE = "SIL Open Font License 1.1"
QT_LICENCE = "LGPL-3.0-only"
_QT_FAMILY = "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"


@dataclass(frozen=True)
class KnownLibrary:
    distribution: str  # name on PyPI
    module: str  # importable module with a __version__, "" when there is none
    licence: str  # used when the metadata is missing or says nothing


KNOWN_LIBRARIES = (
    KnownLibrary("PySide6-Essentials", "PySide6", _QT_FAMILY),
    KnownLibrary("PySide6_Pdf", "", _QT_FAMILY),
    KnownLibrary("shiboken6", "shiboken6", _QT_FAMILY),
    KnownLibrary("python-docx", "docx", "MIT"),
    KnownLibrary("lxml", "lxml", "BSD-3-Clause"),
    KnownLibrary("typing_extensions", "", "PSF-2.0"),
    KnownLibrary("reportlab", "reportlab", "BSD-3-Clause"),
    KnownLibrary("rl_accel", "", "BSD-3-Clause"),
    KnownLibrary("pillow", "PIL", "MIT-CMU"),
    KnownLibrary("charset-normalizer", "charset_normalizer", "MIT"),
    KnownLibrary("sqlite-utils", "", "Apache-2.0"),
    KnownLibrary("sqlite-fts4", "", "Apache-2.0"),
    KnownLibrary("click", "", "BSD-3-Clause"),
    KnownLibrary("click-default-group", "", "BSD-3-Clause"),
    KnownLibrary("tabulate", "tabulate", "MIT"),
    KnownLibrary("python-dateutil", "dateutil", "Apache-2.0 OR BSD-3-Clause"),
    KnownLibrary("pluggy", "pluggy", "MIT"),
    KnownLibrary("platformdirs", "platformdirs", "MIT"),
)


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def licence_from_metadata(meta) -> str:
    """The licence a package declares: its SPDX expression, a short License field, or its
    licence classifiers; "" when it declares none of them."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers)


def _module_version(module: str) -> str:
    if not module:
        return ""
    try:
        return str(getattr(importlib.import_module(module), "__version__", "") or "")
    except ImportError:
        return ""


def library_info(known: tuple[KnownLibrary, ...] = KNOWN_LIBRARIES) -> list[Library]:
    """The libraries of ``known`` present in this copy, with version and licence."""
    found = []
    for library in known:
        try:
            meta = metadata.metadata(library.distribution)
        except metadata.PackageNotFoundError:
            version = _module_version(library.module)
            if version:
                found.append(Library(library.distribution, version, library.licence))
            continue
        licence = licence_from_metadata(meta) or library.licence
        found.append(Library(meta["Name"] or library.distribution, meta["Version"] or "",
                             licence))
    return found


def version_lines() -> list[str]:
    """The versions a bug report needs, one per line."""
    frozen = " (bundled)" if getattr(sys, "frozen", False) else ""
    platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else ""
    return [
        f"{APP_NAME} {__version__}{frozen}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"{platform.platform()}" + (f", Qt platform {platform_name}" if platform_name else ""),
    ]


def version_report(libraries: list[Library]) -> str:
    """Plain text for the clipboard: the versions, then each library."""
    lines = version_lines() + ["", "Libraries:"]
    lines += [f"  {lib.name} {lib.version} ({lib.licence})" for lib in libraries]
    return "\n".join(lines) + "\n"


def font_licence_text() -> str:
    return resource_path(*FONT_LICENCE_PARTS).read_text(encoding="utf-8")


class AboutDialog(QDialog):
    """Name, version and description above tabs: versions, libraries, font licence."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Briefing Builder"))
        self.resize(640, 520)
        self.libraries = library_info()

        icon = QLabel(self)
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(64, 64))
        title = QLabel(f"<h2 style='margin:0'>{APP_NAME}</h2>", self)
        title.setObjectName("aboutTitle")
        version = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        version.setObjectName("aboutVersion")
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        description = QLabel(self.tr(
            "Keep a fact base of facts, quotes, events, people and sources, and compose "
            "briefing memos from it, exported to Word and PDF."), self)
        description.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(version)
        heading.addWidget(description)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("aboutTabs")
        self.tabs.addTab(self._versions_page(), self.tr("&Versions"))
        self.tabs.addTab(self._libraries_page(), self.tr("&Libraries"))
        self.tabs.addTab(self._font_page(), self.tr("&Font Licence"))

        self.copy_button = QPushButton(self.tr("&Copy Version Info"), self)
        self.copy_button.setObjectName("copyVersionInfo")
        self.copy_button.setToolTip(self.tr("Copy the versions for a bug report"))
        self.copy_button.clicked.connect(self.copy_version_info)
        self.copied_label = QLabel(self)
        self.copied_label.setObjectName("copiedLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.copied_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    def _versions_page(self) -> QWidget:
        text = "<br>".join(_escape(line) for line in version_lines())
        licence = self.tr("%1 is free software under the %2 licence.") \
            .replace("%1", APP_NAME).replace("%2", APP_LICENCE)
        fonts = self.tr("Memos are set in %1 (%2), shipped with the app.") \
            .replace("%1", FONT_NAME).replace("%2", FONT_LICENCE)
        qt = self.tr("Qt and PySide6 are used under the %1 licence.").replace("%1", QT_LICENCE)
        label = QLabel(f"<p>{text}</p><p>{_escape(licence)}<br>{_escape(qt)}<br>"
                       f"{_escape(fonts)}</p>", self)
        label.setObjectName("aboutVersions")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setContentsMargins(10, 10, 10, 10)
        return label

    def _libraries_page(self) -> QWidget:
        rows = [Library("Qt", qVersion(), QT_LICENCE), *self.libraries,
                Library(FONT_NAME, "", FONT_LICENCE)]
        self.library_table = table = QTableWidget(len(rows), 3, self)
        table.setObjectName("aboutLibraries")
        table.setAccessibleName(self.tr("Libraries and their licences"))
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Version"),
                                         self.tr("Licence")])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        for number, row in enumerate(rows):
            for column, value in enumerate((row.name, row.version, row.licence)):
                table.setItem(number, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _font_page(self) -> QWidget:
        self.font_licence = QPlainTextEdit(self)
        self.font_licence.setObjectName("fontLicence")
        self.font_licence.setAccessibleName(self.tr("Font licence"))
        self.font_licence.setReadOnly(True)
        self.font_licence.setPlainText(font_licence_text())
        return self.font_licence

    def copy_version_info(self) -> str:
        report = version_report(self.libraries)
        QGuiApplication.clipboard().setText(report)
        self.copied_label.setText(self.tr("Copied."))
        return report


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
