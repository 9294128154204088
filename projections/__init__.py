"""Projections of the RDF graph into other models: a labelled property graph and networkx."""

from projections.property_graph import PGNode, PGRelationship, PropertyGraph, property_graph

__all__ = ["PGNode", "PGRelationship", "PropertyGraph", "property_graph"]
