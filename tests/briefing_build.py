"""Builds sample data with the briefing, in process, once per test process and day."""
from __future__ import annotations

import functools
import io
import re
import tempfile
import unicodedata
from pathlib import Path

from rendered import DATA

AS_OF = "2026-03-27"
SEED = "thong-bao-15-tb-vpcp"


def run(argv: list[str]) -> tuple[int, str, str]:
    from baocao.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(argv, out, err)
    return status, out.getvalue(), err.getvalue()


@functools.cache
def built(as_of: str = AS_OF) -> Path:
    """The output folder of ``baocao build data/ --as-of AS_OF``."""
    out = Path(tempfile.mkdtemp(prefix="baocao-briefing-"))
    status, _out, err = run(["build", str(DATA), "--out", str(out), "--as-of", as_of])
    assert status == 0, err
    return out


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def svgs(html: str) -> list[str]:
    """The inline <svg> elements of an HTML page, each a well-formed XML document."""
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
