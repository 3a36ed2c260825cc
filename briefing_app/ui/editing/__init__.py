"""Editing items: the item editor, its field widgets, the duplicate check and the
controller that wires editing into the main window."""
