"""What reading one file may cost: sizes, counts, pixels, time and memory.

``baocao check`` reads files that come from outside; a 3 MB DOCX can inflate to gigabytes and a
3 KB PDF can draw half a million glyphs. Every limit here is far above what real documents need (a
200-page notice uses a few percent of each) and every one is checked before the work it bounds, so
a file past a limit is refused at once with a Vietnamese message naming the limit (exit status 2).

The readers find the active :class:`Budget` with :func:`current` (set by ``check_file``); time is
checked cooperatively at every page and every few hundred paragraphs, and — for what runs inside
PDFium or libxml2 and cannot be interrupted — :mod:`baocao.check.isolate` runs each file in a child
process it stops at the time or memory limit.
"""
from __future__ import annotations

import contextlib
import contextvars
import time
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterator

from baocao import files
from baocao.check.errors import UnreadableFile
from baocao.errors import os_reason
from baocao.vi.numbers import format_number

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 256 * MiB          # the file itself
    zip_members: int = 10_000            # entries of a DOCX package
    part_bytes: int = 64 * MiB           # one part of a DOCX, uncompressed
    package_bytes: int = 256 * MiB       # everything read from one DOCX, uncompressed
    xml_elements: int = 2_000_000        # elements of one XML part
    xml_depth: int = 256                 # nesting of one XML part (libxml2's own default)
    paragraphs: int = 100_000            # paragraphs of a DOCX (table cells included)
    pdf_pages: int = 1_000
    page_glyphs: int = 40_000            # characters on one PDF page
    glyphs: int = 1_500_000              # characters in one PDF
    page_objects: int = 100_000          # objects drawn on one PDF page (inside forms too)
    path_segments: int = 1_000_000       # path segments on one PDF page
    image_pixels: int = 50_000_000       # one picture (an A4 page scanned at 600 dpi: 35 million)
    seconds: float = 25.0                # wall-clock time per file
    memory_bytes: int = 768 * MiB        # memory one file's check may add

    def with_seconds(self, seconds: float | None) -> "Limits":
        return self if seconds is None else replace(self, seconds=float(seconds))


DEFAULT_LIMITS = Limits()


def _n(value: float) -> str:
    return format_number(int(value))


def _mib(value: int) -> str:
    return f"{_n(value // MiB)} MiB"


class LimitExceeded(UnreadableFile):
    """The file is past one of the limits: nothing was checked, exit status 2."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        Exception.__init__(self, f"{path}: không kiểm tra — vượt giới hạn: {reason}")


class Budget:
    """The limits of one file and what it has used so far."""

    def __init__(self, path: str, limits: Limits = DEFAULT_LIMITS):
        self.path = path
        self.limits = limits
        self.started = time.monotonic()
        self.deadline = self.started + limits.seconds
        self.read_bytes = 0
        self.glyph_total = 0

    def refuse(self, reason: str) -> LimitExceeded:
        return LimitExceeded(self.path, reason)

    def tick(self) -> None:
        """Stop when the file's time is up (called at every page and every few paragraphs)."""
        if time.monotonic() > self.deadline:
            raise self.refuse(time_message(self.limits.seconds))

    # -- files and packages -----------------------------------------------------------------
    def file_size(self, size: int) -> None:
        if size > self.limits.file_bytes:
            raise self.refuse(f"tệp {_mib(size)} (tối đa {_mib(self.limits.file_bytes)} mỗi tệp)")

    def zip_members(self, count: int) -> None:
        if count > self.limits.zip_members:
            raise self.refuse(f"gói DOCX có {_n(count)} phần (tối đa {_n(self.limits.zip_members)})")

    def part_bytes(self, part: str, size: int) -> None:
        """*size* bytes of *part* read so far (or declared): within the part and package limits."""
        if size > self.limits.part_bytes:
            raise self.refuse(f"phần {part} giải nén ra hơn {_mib(self.limits.part_bytes)} "
                              f"(tối đa {_mib(self.limits.part_bytes)} mỗi phần)")
        if self.read_bytes + size > self.limits.package_bytes:
            raise self.refuse(f"các phần của gói DOCX giải nén ra hơn {_mib(self.limits.package_bytes)} "
                              f"(tối đa {_mib(self.limits.package_bytes)} mỗi tệp)")

    def count_read(self, size: int) -> None:
        self.read_bytes += size

    def xml_elements(self, part: str, count: int) -> None:
        if count > self.limits.xml_elements:
            raise self.refuse(f"phần {part} có hơn {_n(self.limits.xml_elements)} phần tử XML "
                              f"(tối đa {_n(self.limits.xml_elements)} mỗi phần)")

    def xml_depth(self, part: str) -> LimitExceeded:
        return self.refuse(f"XML của phần {part} lồng quá {_n(self.limits.xml_depth)} mức")

    def paragraphs(self, count: int) -> None:
        if count > self.limits.paragraphs:
            raise self.refuse(f"văn bản có {_n(count)} đoạn (tối đa {_n(self.limits.paragraphs)} đoạn)")

    # -- PDF --------------------------------------------------------------------------------
    def pdf_pages(self, count: int) -> None:
        if count > self.limits.pdf_pages:
            raise self.refuse(f"PDF có {_n(count)} trang (tối đa {_n(self.limits.pdf_pages)} trang)")

    def glyphs(self, count: int, page: int) -> None:
        if count > self.limits.page_glyphs:
            raise self.refuse(f"trang {page} có {_n(count)} ký tự (tối đa {_n(self.limits.page_glyphs)} "
                              "ký tự mỗi trang)")
        self.glyph_total += count
        if self.glyph_total > self.limits.glyphs:
            raise self.refuse(f"PDF có hơn {_n(self.limits.glyphs)} ký tự (tối đa {_n(self.limits.glyphs)} "
                              "ký tự mỗi tệp)")

    def page_objects(self, count: int, page: int) -> None:
        if count > self.limits.page_objects:
            raise self.refuse(f"trang {page} vẽ hơn {_n(self.limits.page_objects)} đối tượng "
                              f"(tối đa {_n(self.limits.page_objects)} mỗi trang)")

    def path_segments(self, count: int, page: int) -> None:
        if count > self.limits.path_segments:
            raise self.refuse(f"trang {page} có hơn {_n(self.limits.path_segments)} nét vẽ "
                              f"(tối đa {_n(self.limits.path_segments)} mỗi trang)")

    def pixels(self, width: int, height: int, where: str) -> None:
        if width * height > self.limits.image_pixels:
            raise self.refuse(f"ảnh {where} có {_n(width)}×{_n(height)} = {_n(width * height)} điểm ảnh "
                              f"(tối đa {_n(self.limits.image_pixels)} điểm ảnh mỗi ảnh)")

    def too_many_pixels(self, where: str) -> LimitExceeded:
        return self.refuse(f"ảnh {where} có hơn {_n(self.limits.image_pixels)} điểm ảnh "
                           f"(tối đa {_n(self.limits.image_pixels)} điểm ảnh mỗi ảnh)")


def time_message(seconds: float) -> str:
    return (f"kiểm tra quá {_n(seconds)} giây (thời gian tối đa cho mỗi tệp; "
            "tăng bằng --thoi-gian-toi-da nếu tệp thật sự dài)")


def memory_message(limit: int) -> str:
    return f"đọc tệp cần hơn {_mib(limit)} bộ nhớ (tối đa {_mib(limit)} cho mỗi tệp)"


_active: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("baocao_check_budget", default=None)


def current() -> Budget:
    """The budget of the file being read (default limits when none was set, e.g. in a test)."""
    budget = _active.get()
    return budget if budget is not None else Budget("<tệp>")


@contextlib.contextmanager
def active(budget: Budget) -> Iterator[Budget]:
    token = _active.set(budget)
    try:
        yield budget
    finally:
        _active.reset(token)


def open_regular(path: str, budget: Budget) -> BinaryIO:
    """*path* opened for reading if it is a regular file within the size limit: a FIFO, a socket,
    a device or a folder is refused without being read (:func:`baocao.files.open_regular`)."""
    try:
        source, info = files.open_regular(path)
    except FileNotFoundError:
        raise UnreadableFile(path, "tệp không tồn tại") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "đây là thư mục, không phải tệp") from None
    except files.NotRegularFile as exc:
        raise UnreadableFile(path, f"đây là {exc.kind}, không phải tệp thường; chỉ đọc tệp .docx và .pdf "
                                   "thường") from None
    except OSError as exc:
        raise UnreadableFile(path, f"không mở được tệp ({os_reason(exc)})") from None
    try:
        budget.file_size(info.st_size)
    except BaseException:
        source.close()
        raise
    return source
