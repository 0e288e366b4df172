"""Opening an input file: regular files only, and never waiting on a FIFO or a device.

``open(path)`` on a FIFO waits until someone writes to it, and a device can answer for ever
(``/dev/zero``). Every input baocao reads — data files, pictures, documents to check — goes through
:func:`open_regular`, which opens the path non-blocking and looks at what it opened before reading.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, a socket or a device; ``kind`` names it in Vietnamese."""

    def __init__(self, path: str, kind: str):
        super().__init__(f"{path}: {kind}")
        self.kind = kind


def open_regular(path: str | os.PathLike) -> tuple[BinaryIO, os.stat_result]:
    """*path* opened for reading in binary, with its ``stat``, if it is a regular file.

    A special file is refused from ``stat`` without being opened (opening some devices does
    something); the open file is checked again, as the path may have changed in between.
    Raises FileNotFoundError, IsADirectoryError, NotRegularFile or another OSError."""
    _regular(path, os.stat(path).st_mode)
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        _regular(path, info.st_mode)
        return os.fdopen(fd, "rb"), info
    except BaseException:
        os.close(fd)
        raise


def _regular(path: str | os.PathLike, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(str(path), _kind(mode))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "ống dẫn (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "thiết bị"
    return "tệp đặc biệt"
