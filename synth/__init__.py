"""A seeded generator of synthetic Vietnamese policy documents with their answer keys."""

from synth.corpus import SynthSummary, generate_corpus
from synth.numbers import vn_number

__all__ = ["SynthSummary", "generate_corpus", "vn_number"]
