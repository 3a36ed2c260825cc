"""Form fields and small dialogs shared by the item editor, the managers and bulk actions:
pickers for people, sources, tags, status and marking, the partial-date field, and the
modal-dialog helper. They know nothing of the windows that use them."""
