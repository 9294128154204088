"""Exports of the graph to files, chosen by format name from one registry."""

from exports.registry import EXPORTERS, ExporterEntry, export, register

__all__ = ["EXPORTERS", "ExporterEntry", "export", "register"]
