"""One way for every writer to walk the memo tree: a visitor, as in docutils.

``visit(node)`` calls the writer's ``visit_<name>`` method, where ``<name>`` is the node's
class name in snake case (``BulletList`` -> ``visit_bullet_list``), and returns what that
method returns. A node a writer has no method for raises :class:`UnknownNodeError`: a new
node type in :mod:`briefing_app.document.model` is never dropped silently, and
``tests/test_writer_nodes.py`` asserts that every writer handles every type in
:func:`node_types`. Dispatch is on the exact class, so a subclass of a node is unknown
until a writer says how to draw it.
"""

from __future__ import annotations

import dataclasses
import re

from briefing_app.document import model
from briefing_app.document.model import UnknownNodeError

__all__ = ["NodeVisitor", "UnknownNodeError", "method_name", "node_types"]

_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_METHODS: dict[type, str] = {}  # node class -> its visit method's name


def method_name(node_type: type) -> str:
    """``visit_`` and the class name in snake case: ``NoteRef`` -> ``visit_note_ref``."""
    return "visit_" + _WORD_START.sub("_", node_type.__name__).lower()


def node_types() -> tuple[type, ...]:
    """Every node type of the document model: the dataclasses defined in its module."""
    return tuple(
        value
        for value in vars(model).values()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__ == model.__name__
    )


class NodeVisitor:
    """Base of the writers: dispatches each node to the method named after its class.

    Extra arguments of :meth:`visit` go to the method, for context a writer passes down
    (a paragraph style, the language of a quote).
    """

    writer_name = "document"  # shown in errors: "DOCX writer cannot render Chart"
    _dispatch: dict[type, object] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._dispatch = {}  # node class -> the function handling it, found once per class

    def visit(self, node: object, *args, **kwargs):
        method = self._dispatch.get(node.__class__) or self.handler(node)
        return method(self, node, *args, **kwargs)

    def handler(self, node: object):
        """The function that visits ``node`` (called with the visitor, the node and any
        context), for a loop that visits many nodes; an unknown node raises."""
        kind = node.__class__
        method = self._dispatch.get(kind)
        if method is None:
            name = _METHODS.get(kind)
            if name is None:
                name = _METHODS[kind] = method_name(kind)
            method = getattr(type(self), name, None)
            if method is None:
                return self.unknown_visit(node)
            self._dispatch[kind] = method
        return method

    def unknown_visit(self, node: object):
        raise UnknownNodeError(self.writer_name, node)
