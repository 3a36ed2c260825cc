"""The Qt desktop app. The only package that imports PySide6 (tests/test_layers.py)."""
