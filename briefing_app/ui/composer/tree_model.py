"""The open briefing as a tree: sections, and under each its blocks.

Drag and drop speaks mime data: items dragged from the fact-base table arrive as
``application/x-briefing-item-ids`` and become blocks at the drop row; blocks and sections
dragged inside the tree arrive as ``application/x-briefing-block-ids`` /
``application/x-briefing-section-id`` and are moved. Every drop and every in-place edit
becomes a session command (undoable, saved at once). The model never changes rows itself:
it is reset from the session after each change, so ``removeRows`` stays the base no-op and
a view finishing a move drag cannot delete what was just moved.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from briefing_app.core.templates import TemplateError, load_template
from briefing_app.document import composer_ops
from briefing_app.ui.icons import kind_icon
from briefing_app.ui.item_model import ITEM_IDS_MIME
from briefing_app.ui.labels import automatic_section_note, block_kind_label, status_label

from .commands import tr, translate
from .session import ComposerSession

BLOCK_IDS_MIME = "application/x-briefing-block-ids"
SECTION_ID_MIME = "application/x-briefing-section-id"

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 11
BLOCK_ID_ROLE = Qt.ItemDataRole.UserRole + 12
KIND_ROLE = Qt.ItemDataRole.UserRole + 13
HINT_ROLE = Qt.ItemDataRole.UserRole + 14  # grey text after a section's heading

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of section rows; block rows carry their section's row + 1


class BriefingTreeModel(QAbstractItemModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Composer", "Content"), QT_TRANSLATE_NOOP("Composer", "Note"))

    def __init__(self, session: ComposerSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._sections = []
        self._hints: dict[str, str] = {}
        self._items: dict[str, tuple] = {}  # what the rows show of each cited item
        session.changed.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------ state

    def reload(self) -> None:
        """Show the session's briefing. When nothing the tree shows has changed (a header
        edit) the rows stay as they are, so typing in the header never rebuilds the tree."""
        briefing = self.session.briefing
        sections = list(briefing.sections) if briefing else []
        hints = self._template_hints(briefing.template) if briefing else {}
        shown_items = {i: (item.kind, item.status, item.title, item.text)
                       for i, item in self.session.items.items()}
        if (sections, hints, shown_items) == (self._sections, self._hints, self._items) \
                and sections:
            return
        self.beginResetModel()
        self._sections, self._hints, self._items = sections, hints, shown_items
        self.endResetModel()

    @staticmethod
    def _template_hints(name: str) -> dict[str, str]:
        try:
            template = load_template(name)
        except TemplateError:
            return {}
        return {s.heading.lower(): s.hint for s in template.sections if s.hint}

    def section_index(self, section_id: int) -> QModelIndex:
        for row, section in enumerate(self._sections):
            if section.id == section_id:
                return self.index(row, 0)
        return QModelIndex()

    def block_index(self, block_id: int) -> QModelIndex:
        for row, section in enumerate(self._sections):
            for block_row, block in enumerate(section.blocks):
                if block.id == block_id:
                    return self.index(block_row, 0, self.index(row, 0))
        return QModelIndex()

    def _section_at(self, index: AnyIndex):
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._sections[index.row()]
        return self._sections[index.internalId() - 1]

    def _block_at(self, index: AnyIndex):
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._sections[index.internalId() - 1].blocks[index.row()]

    # ------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() == _TOP:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._sections[parent.row()].blocks)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None

    # ------------------------------------------------------------ data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        block = self._block_at(index)
        if block is None:
            return self._section_data(self._sections[index.row()], index.column(), role)
        return self._block_data(block, index.column(), role)

    def _section_data(self, section, column: int, role: int):
        if role == SECTION_ID_ROLE:
            return section.id
        if role == KIND_ROLE:
            return "section"
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return section.heading
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                if section.automatic:
                    return automatic_section_note(section.automatic)
                return self._hints.get(section.heading.lower()) or None
        if column == 0 and role == HINT_ROLE:
            if section.automatic:
                return automatic_section_note(section.automatic)
            if not section.blocks:
                hint = self._hints.get(section.heading.lower(), "")
                drop = translate("Composer", "Drop items or add text")
                return drop + (f" — {hint}" if hint else "")
        return None

    def _block_data(self, block, column: int, role: int):
        item = self.session.item(block.item)
        kind = composer_ops.block_kind(block, item)
        if role == BLOCK_ID_ROLE:
            return block.id
        if role == KIND_ROLE:
            return kind
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                if kind == "missing":
                    missing = translate("Composer", "(missing item %1)")
                    return missing.replace("%1", block.item or "")
                text = composer_ops.block_text(block, item)
                if not block.is_item and not text:
                    return translate("Composer", "(empty — double-click to write)")
                return text
            if role == Qt.ItemDataRole.EditRole:  # an item's words, to override in place
                if block.is_item:
                    return block.override or (item.text if item is not None else "")
                return block.text
            if role == Qt.ItemDataRole.DecorationRole:
                return kind_icon(kind)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._block_tooltip(block, item, kind)
            if role == Qt.ItemDataRole.FontRole and block.is_item and block.override:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and kind == "missing":
                return QBrush(QColor("#c62828"))
            if role == Qt.ItemDataRole.ForegroundRole and not block.is_item and not block.text:
                return QBrush(QColor("#888888"))
        if column == 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return block.note
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8a5a00"))
            if role == Qt.ItemDataRole.ToolTipRole and block.note:
                return block.note
        return None

    @staticmethod
    def _block_tooltip(block, item, kind: str) -> str:
        label = block_kind_label(kind)
        if not block.is_item:
            return f"{label}: {block.text}" if block.text else label
        if item is None:
            return translate("Composer",
                             "This block cites an item that is no longer in the fact base.")
        text = f"{label} ({status_label(item.status).lower()})\n{item.text}"
        if block.override:
            overridden = translate("Composer", "text overridden in this memo")
            says = translate("Composer", "The fact base says:")
            text = f"{label}: {overridden}\n{block.override}\n\n{says}\n{item.text}"
        return text

    # ------------------------------------------------------------ editing in place

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemIsDragEnabled
        block = self._block_at(index)
        if block is None:
            section = self._sections[index.row()]
            flags = base
            if not section.automatic:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == 0:
                flags |= Qt.ItemFlag.ItemIsEditable
            return flags
        if index.column() == 1 or not block.is_item or self.session.item(block.item):
            return base | Qt.ItemFlag.ItemIsEditable
        return base  # a missing item has no words to override

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        value = str(value)
        block = self._block_at(index)
        if block is None:
            if index.column() != 0 or not value.strip():
                return False
            self.session.rename_section(self._sections[index.row()].id, value)
            return True
        if index.column() == 1:
            self.session.update_block(block.id, note=value)
        elif block.is_item:
            item = self.session.item(block.item)
            unchanged = item is not None and value.strip() == item.text.strip()
            self.session.update_block(block.id, override="" if unchanged else value)
        else:
            self.session.update_block(block.id, text=value)
        return True

    # ------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME, BLOCK_IDS_MIME, SECTION_ID_MIME]

    def mimeData(self, indexes) -> QMimeData:
        blocks, sections = [], []
        for index in indexes:
            if index.column() != 0:
                continue
            block = self._block_at(index)
            if block is not None:
                blocks.append(block.id)
            else:
                sections.append(self._sections[index.row()].id)
        data = QMimeData()
        briefing_id = self.session.briefing_id
        if blocks:
            data.setData(BLOCK_IDS_MIME, json.dumps(
                {"briefing": briefing_id, "blocks": blocks}).encode())
        elif sections:
            data.setData(SECTION_ID_MIME, json.dumps(
                {"briefing": briefing_id, "section": sections[0]}).encode())
        return data

    def _drop_target(self, row: int, parent: AnyIndex) -> tuple[int, int] | None:
        """(section id, row in it) for a block/item drop; None where blocks cannot go."""
        if parent.isValid() and parent.internalId() != _TOP:
            # dropped on a block: place it after that block
            section = self._sections[parent.internalId() - 1]
            return (None if section.automatic else (section.id, parent.row() + 1))
        if parent.isValid():
            section = self._sections[parent.row()]
            return None if section.automatic else (section.id, row)
        # between sections: the end of the ordinary section above, else the first one
        ordinary = [s for s in self._sections if not s.automatic]
        if not ordinary:
            return None
        above = [s for s in self._sections[:max(row, 0)] if not s.automatic] if row >= 0 \
            else ordinary
        if above:
            return above[-1].id, -1
        return ordinary[0].id, 0

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if self.session.briefing is None:
            return False
        if data.hasFormat(SECTION_ID_MIME):
            return not parent.isValid()
        if data.hasFormat(ITEM_IDS_MIME) or data.hasFormat(BLOCK_IDS_MIME):
            return self._drop_target(row, parent) is not None
        return False

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        session = self.session
        if data.hasFormat(SECTION_ID_MIME):
            payload = _json(data, SECTION_ID_MIME)
            if payload.get("briefing") != session.briefing_id:
                return False
            section = session.section(payload.get("section"))
            if section is None:
                return False
            current = self._sections.index(section)
            target = len(self._sections) if row < 0 else row
            session.move_section(section.id, target - 1 if target > current else target)
            return True
        section_id, position = self._drop_target(row, parent)
        if data.hasFormat(BLOCK_IDS_MIME):
            payload = _json(data, BLOCK_IDS_MIME)
            if payload.get("briefing") != session.briefing_id:
                return False
            session.move_blocks([int(b) for b in payload.get("blocks", [])], section_id,
                                position)
            return True
        ids = _json(data, ITEM_IDS_MIME)
        if not isinstance(ids, list):
            return False
        session.insert_items(section_id, position, [str(i) for i in ids])
        return True


def _json(data: QMimeData, mime: str):
    try:
        return json.loads(bytes(data.data(mime)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
