"""The examples in the linking package's docstrings run and hold."""

import doctest
import importlib

import pytest

MODULES = [
    "linking.analysis",
    "linking.applicability",
    "linking.index",
    "linking.lexicon",
    "linking.profiles",
    "linking.similarity",
    "linking.tokens",
    "linking.topic_homes",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
