"""Getting material in and out: fact packs (JSON), CSV, the sample fact base, bounded file
reading. Built on the core and the store; no SQL."""
