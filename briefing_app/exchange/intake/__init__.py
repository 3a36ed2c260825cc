"""Article intake: from a news article, press release or readout to proposed facts, quotes,
events, people and a source, for a staffer to review (see ``docs/architecture.md``).

    article = read_article("story.html")          # or article_from_text(pasted)
    extraction = extract(article, store=fb, published="2026-02-03")
    pack = extraction_pack(extraction)           # a fact pack, v1

Qt-free and read-only towards the fact base.
"""

from .engine import extract, new_id, redate
from .pack import extraction_pack
from .proposals import Extraction, ItemProposal, PersonProposal, SourceProposal
from .reading import ArticleError, ArticleText, article_from_text, read_article

__all__ = [
    "ArticleError",
    "ArticleText",
    "Extraction",
    "ItemProposal",
    "PersonProposal",
    "SourceProposal",
    "article_from_text",
    "extract",
    "extraction_pack",
    "new_id",
    "read_article",
    "redate",
]
