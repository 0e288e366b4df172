"""docs/vi-filters.md: every filter is documented and every example row is true."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from baocao import vi

DOC = Path(__file__).resolve().parent.parent / "docs" / "vi-filters.md"
ROW = re.compile(r"^\| `(?P<name>\w+)`[^|]*\| [^|]+ \| `(?P<call>[^`]+)` \| `(?P<result>[^`]*)` \|$")


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            rows.append((m["name"], m["call"], m["result"]))
    return rows


def test_every_filter_documented() -> None:
    assert {name for name, _, _ in _rows()} == set(vi.FILTERS)


@pytest.mark.parametrize(("name", "call", "result"), _rows(), ids=lambda x: str(x)[:40])
def test_example_row(name: str, call: str, result: str) -> None:
    assert call.startswith(name) or f"{name}(" in call
    namespace = {**vi.FILTERS, "date": date, "Decimal": Decimal}
    # The examples are written with \u escapes for combining marks, as Python source.
    value = eval(call, namespace)  # noqa: S307 - our own documentation
    assert (value if isinstance(value, str) else repr(value)) == result
