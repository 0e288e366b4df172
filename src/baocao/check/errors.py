"""Errors of ``baocao check``."""
from __future__ import annotations

from baocao.errors import BaocaoError, ExitStatus


class UnreadableFile(BaocaoError):
    """The file cannot be opened as a DOCX or PDF: checked nothing, exit status 2."""

    exit_status = ExitStatus.DATA_ERROR

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: không đọc được tệp — {reason}")
