"""The application core: the domain (model, dates, vocabularies, markings, templates), the
store protocol every backend implements, and the operations, changes and undo through which
every face changes a fact base. Nothing here imports Qt or a database driver.
"""
