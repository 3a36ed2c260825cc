"""The briefing composer: briefings list, memo header form, sections and blocks, preview,
warnings and export. :class:`~.controller.ComposerController` wires it into the window."""
