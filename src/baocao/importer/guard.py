"""What an input file must be before anything reads it: a regular file of a bounded size, and
for a DOCX a zip whose members are few, small once unpacked, and free of XML entity tricks.

Python's zipfile never unpacks more than a member's declared size, so checking the declared
sizes in the central directory bounds the memory a zip bomb can take; the ratio check refuses
the ones that declare their size honestly.
"""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from baocao.errors import os_reason
from baocao.importer.errors import UnreadableSource

MAX_BYTES = {".txt": 2 * 1024 * 1024, ".docx": 20 * 1024 * 1024, ".pdf": 30 * 1024 * 1024}
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 40 * 1024 * 1024
MAX_UNPACKED_BYTES = 120 * 1024 * 1024
MAX_RATIO = 200               # unpacked / packed, for members above 1 MB unpacked
MAX_PDF_PAGES = 80


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_file(path: Path, suffix: str) -> int:
    """The size of *path* once it is known to be a regular file small enough for its kind."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableSource(path, "tệp không tồn tại") from None
    except OSError as exc:
        raise UnreadableSource(path, f"không đọc được tệp ({os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableSource(path, "đây là thư mục, không phải tệp")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableSource(path, "không phải tệp thông thường (thiết bị, ống dẫn hay socket): không đọc")
    if info.st_size == 0:
        raise UnreadableSource(path, "tệp rỗng")
    limit = MAX_BYTES[suffix]
    if info.st_size > limit:
        raise UnreadableSource(path, f"tệp quá lớn ({_mb(info.st_size)}); một thông báo {suffix} "
                                     f"không vượt quá {_mb(limit)}")
    return info.st_size


def check_zip(path: Path) -> None:
    """Refuse a DOCX whose zip could unpack into more than the limits allow."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise UnreadableSource(path, f"tệp DOCX có {len(members)} thành phần: quá nhiều, không đọc")
            total = 0
            for member in members:
                total += member.file_size
                if member.file_size > MAX_MEMBER_BYTES or total > MAX_UNPACKED_BYTES:
                    raise UnreadableSource(path, "tệp DOCX giải nén ra quá lớn (có thể là «bom zip»): không đọc")
                if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                    raise UnreadableSource(path, f"thành phần {member.filename} nén với tỉ lệ bất thường "
                                                 "(có thể là «bom zip»): không đọc")
            names = {m.filename for m in members}
            if "word/document.xml" in names:
                with archive.open("word/document.xml") as stream:
                    start = stream.read(4096)
                if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                    raise UnreadableSource(path, "XML của văn bản có khai báo DOCTYPE/ENTITY: không đọc")
    except UnreadableSource:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnreadableSource(path, "không phải tệp DOCX hợp lệ (không mở được như một tệp zip)") from None
