"""Managing the records items point at: people, sources and tags, each in its own dialog."""
