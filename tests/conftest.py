"""Under CI a test that needs an outside tool must run, not skip: a skip there would let a broken
renderer or checker pass unseen. `bash scripts/run.sh test` installs every tool listed here."""
from __future__ import annotations

import os
import shutil

import pytest

TOOLS = (("LibreOffice (soffice)", ("soffice", "libreoffice")), ("Chromium", ("chromium", "chromium-browser")),
         ("poppler (pdftoppm)", ("pdftoppm",)))


def missing_tools() -> list[str]:
    from baocao.check import ocr

    missing = [name for name, commands in TOOLS if not any(shutil.which(c) for c in commands)]
    reason = ocr.available()
    return missing + ([reason] if reason else [])


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI") and (missing := missing_tools()):
        pytest.exit("CI: thiếu công cụ bộ kiểm thử cần (bash scripts/run.sh test cài chúng): " + "; ".join(missing),
                    returncode=1)
