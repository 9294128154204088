"""The ontology (Turtle), the SHACL shapes, the generated vocabulary module and identifiers."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "mandate.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

__all__ = ["ONTOLOGY_DIR", "ONTOLOGY_FILE", "SHAPES_FILE"]
