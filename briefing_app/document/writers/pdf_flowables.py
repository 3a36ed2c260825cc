"""The memo's own reportlab flowables: headings that bookmark themselves, tables that
measure once, and the pieces a tagged PDF needs to tell content from decoration -- list
bullets as labels (``Lbl``), table grids, shading and rules as artifacts.
"""

from __future__ import annotations

import reportlab.platypus as rl
from reportlab.platypus.flowables import BulletDrawer, HRFlowable

from briefing_app.document.writers.pdf_notes import CitingRow
from briefing_app.document.writers.pdf_structure import END, artifact
from briefing_app.document.writers.pdf_text import TextBlock

OUTLINE_STATE = "_briefing_outline_state"


class HeadingBlock(TextBlock):
    """A heading that sets a PDF destination and an outline (bookmark) entry where drawn.

    Drawing, not building, registers the bookmark, so it points at the page the heading
    really lands on. When a (very long) heading splits, only its first part bookmarks.
    """

    bookmark_key: str | None = None
    outline_title: str = ""
    outline_level: int = 0

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        keep = self.getKeepWithNext()
        for index, part in enumerate(parts):
            if isinstance(part, HeadingBlock):
                part.keepWithNext = keep
                part.bookmark_key = self.bookmark_key if index == 0 else None
                part.outline_title = self.outline_title
                part.outline_level = self.outline_level
        return parts

    def draw(self):
        if self.bookmark_key:
            canv = self.canv
            state = getattr(canv, OUTLINE_STATE, None)
            if state is None:
                state = {"depth": -1, "keys": set()}
                setattr(canv, OUTLINE_STATE, state)
            if self.bookmark_key not in state["keys"]:
                state["keys"].add(self.bookmark_key)
                level = min(self.outline_level, state["depth"] + 1)
                state["depth"] = level
                canv.bookmarkHorizontal(self.bookmark_key, 0, self.height)
                canv.addOutlineEntry(self.outline_title, self.bookmark_key, level=level)
        super().draw()


class MemoTable(rl.Table):
    """A table that measures its rows once per width and draws its cells directly.

    reportlab measures a table each time a frame considers it (to place it, to split it,
    to probe its footnotes), every row each time. Row heights depend only on the width
    when no cell spans rows (the memo has no spans), so the last measurement is kept.
    Each memo cell is one top-left aligned :class:`TextBlock`, drawn where reportlab
    would put it without its general cell path (measure again, save, move, restore):
    the timeline's cells were a sixth of a memo's PDF time.
    """

    _measured_for: float | None = None

    def _calc(self, availWidth, availHeight):
        if self._measured_for == availWidth and not self._spanCmds:
            return
        super()._calc(availWidth, availHeight)
        self._measured_for = availWidth

    def normalizeData(self, data):  # noqa: N802 - reportlab API
        """reportlab's rows, as rows that know the notes they cite (see ``CitingRow``)."""
        return [CitingRow(row) for row in super().normalizeData(data)]

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 - reportlab API
        # reportlab holds a cell's flowables as a tuple, here always one TextBlock
        block = cellval[0] if isinstance(cellval, tuple) and len(cellval) == 1 else cellval
        if not (
            isinstance(block, TextBlock) and cellstyle.valign == "TOP"
            and cellstyle.alignment == "LEFT" and not cellstyle.href
            and not cellstyle.destination
        ):  # fmt: skip
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        width = colwidth - cellstyle.leftPadding - cellstyle.rightPadding
        _, height = block.wrap(width, rowheight - cellstyle.topPadding - cellstyle.bottomPadding)
        top = rowpos + rowheight - cellstyle.topPadding
        block.draw_at(self.canv, colpos + cellstyle.leftPadding, top - height)

    def _drawBkgrnd(self):  # noqa: N802 - reportlab API
        if not self._bkgrndcmds:
            return
        with artifact(self.canv):  # header shading is layout, not content
            super()._drawBkgrnd()

    def _drawLines(self):  # noqa: N802 - reportlab API
        if not self._linecmds:
            return
        with artifact(self.canv):  # the grid
            super()._drawLines()


class MemoList(rl.ListFlowable):
    """A bullet or numbered list whose bullets are drawn as the ``Lbl`` of their item
    when the canvas is tagged (reportlab draws them apart from the item's text)."""

    def _makeBullet(self, value, params=None):  # noqa: N802 - reportlab API
        drawer = super()._makeBullet(value, params)
        bullet = LabelBullet.__new__(LabelBullet)
        bullet.__dict__.update(drawer.__dict__)
        return bullet


class LabelBullet(BulletDrawer):
    """reportlab's bullet, drawn as marked content of the ``label`` of the item's text
    block (see ``StoryBuilder.visit_list_item``)."""

    def drawOn(self, indenter, canv, x, y, _sW=0):  # noqa: N802,N803 - reportlab API
        marks = getattr(canv, "tagger", None)
        label = getattr(indenter._flowable, "label", None)
        if marks is None or label is None or not self.value:
            super().drawOn(indenter, canv, x, y, _sW)
            return
        canv._code.append(marks.begin(canv, label))
        super().drawOn(indenter, canv, x, y, _sW)
        canv._code.append(END)


class Rule(HRFlowable):
    """A horizontal rule (under the memo header): layout, so an artifact."""

    def draw(self):
        with artifact(self.canv):
            super().draw()
