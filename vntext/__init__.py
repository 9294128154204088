"""Vietnamese text helpers shared by ingest, identifiers and search."""

from vntext.folding import fold_accents, fold_tone_placement, match_key, slugify
from vntext.normalize import normalize_unicode

__all__ = ["fold_accents", "fold_tone_placement", "match_key", "normalize_unicode", "slugify"]
