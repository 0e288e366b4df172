"""One error family for everything baocao reports to a user.

Every message is Vietnamese; a data error names the file, line, column and field path so the
clerk can go straight to the mistake. The CLI maps each class to an exit status.
"""
from __future__ import annotations

import enum
import errno
from dataclasses import dataclass, field


class ExitStatus(enum.IntEnum):
    OK = 0
    CHECK_FAILED = 1      # baocao check found a rule broken
    DATA_ERROR = 2        # bad input data: nothing was written
    TEMPLATE_ERROR = 3    # a template under templates/ is broken
    RENDER_ERROR = 4      # a renderer or the writer failed
    USAGE = 64


class BaocaoError(Exception):
    """Base class: str(error) is the full Vietnamese message shown to the user."""

    exit_status = ExitStatus.RENDER_ERROR


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one data file."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    warning: bool = False

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        kind = "cảnh báo" if self.warning else "lỗi"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}: {kind}{field}: {self.message}"


class DataError(BaocaoError):
    """The data (YAML) is wrong. Carries every problem found, not only the first."""

    exit_status = ExitStatus.DATA_ERROR

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        errors = [p for p in self.problems if not p.warning]
        head = f"Dữ liệu không hợp lệ: {len(errors)} lỗi."
        return "\n".join([head, *(p.format() for p in self.problems)])

    @property
    def first(self) -> Problem:
        return self.problems[0]


class TemplateError(BaocaoError):
    exit_status = ExitStatus.TEMPLATE_ERROR


class RenderError(BaocaoError):
    exit_status = ExitStatus.RENDER_ERROR


@dataclass
class Warnings:
    """Warnings collected while validating (e.g. the "6 rõ" check)."""

    items: list[Problem] = field(default_factory=list)


_OS_REASONS = {
    errno.ENOENT: "không tồn tại",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "là thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ELOOP: "đường dẫn có liên kết tượng trưng vòng quanh",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "vượt hạn mức dung lượng đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "hệ thống mở quá nhiều tệp cùng lúc",
    errno.EBUSY: "tệp đang bị chiếm dụng",
    errno.EEXIST: "đã có tệp cùng tên",
    errno.ENXIO: "thiết bị không có",
    errno.ENODEV: "thiết bị không có",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese (the C library's text is English)."""
    reason = _OS_REASONS.get(error.errno)
    if reason is None:
        code = errno.errorcode.get(error.errno, str(error.errno)) if error.errno else type(error).__name__
        reason = f"lỗi hệ thống {code}"
    return reason
