"""The one error of the importer: the input cannot become a notice (exit status 2)."""
from __future__ import annotations

from pathlib import Path

from baocao.errors import BaocaoError, ExitStatus


class UnreadableSource(BaocaoError):
    """The file cannot be read as a notice; nothing is written."""

    exit_status = ExitStatus.DATA_ERROR

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")
