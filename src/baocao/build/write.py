"""Writing outputs: deterministic bytes, atomic replacement, nothing half-written.

A build renders every file in memory first; only when all of them succeeded are they written,
each to a temporary file in the target folder and then renamed over the old one.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path


def normalize_docx(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the DOCX zip with fixed entry times, so the same input gives the same bytes."""
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(files: dict[Path, bytes]) -> None:
    """Write every rendered file; called only once all of them rendered without error."""
    for path, data in sorted(files.items()):
        write_atomic(path, data)
