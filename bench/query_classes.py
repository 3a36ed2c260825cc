"""The classes of query the search benchmarks time: ``bench_search.py`` calls the store
with each, ``bench_gui.py`` types each into the window (the typing target covers every
class at a million items)."""

QUERIES = (
    ("empty (all items)", ""),
    ("single word", "sanciones"),
    ("accent-free word", "bogota"),
    ("prefix", "sanc"),
    ("short prefix", "pe"),
    ("one letter", "p"),
    ("phrase", '"estados unidos"'),
    ("very common word", "colombia"),
    ("two common words", "colombia petro"),
    ("no hit", "zzyzxq"),
    ("filter: kind", "kind:event"),
    ("filter: tag", "tag:extradition"),
    ("filter: dates", "after:2025-09 before:2026-02"),
    ("filter: status -tag", "status:disputed -tag:coca"),
    ("person:", "person:petro"),
    ("source:", "source:efe"),
    ("operators", "kind:quote person:marquez after:2025"),
    ("mixed", 'petro sanc "estados unidos" -trump kind:fact status:v'),
    ("exclude only", "-colombia"),
    ("junk input", "NEAR( AND * 'x'; DROP TABLE items; -- \"unbalanced"),
)
NO_HIT = "zzyzxq"
