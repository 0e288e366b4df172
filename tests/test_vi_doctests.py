"""Run the examples in the docstrings of baocao.vi as tests."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "baocao.vi",
    "baocao.vi.collate",
    "baocao.vi.dates",
    "baocao.vi.deadlines",
    "baocao.vi.deadline_text",
    "baocao.vi.numbering",
    "baocao.vi.numbers",
    "baocao.vi.text",
    "baocao.vi.words",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no docstring examples"
    assert result.failed == 0
