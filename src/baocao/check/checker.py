"""check_file: read a DOCX or PDF, find its parts, run every rule, return a Report."""
from __future__ import annotations

import os

from baocao.check.errors import UnreadableFile
from baocao.check.kinds import supported
from baocao.check.report import Report
from baocao.check.rules import Ctx, run_rules
from baocao.check.structure import analyse, detect_kind
from baocao.documents.layout import DEFAULT_LAYOUT, Layout

KINDS = supported()


def read_document(path: str, layout: Layout = DEFAULT_LAYOUT, ocr: bool = False):
    """The neutral Document of a .docx or .pdf file (by content, whatever the extension)."""
    if not os.path.exists(path):
        raise UnreadableFile(path, "tệp không tồn tại")
    if os.path.isdir(path):
        raise UnreadableFile(path, "đây là thư mục, không phải tệp")
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise UnreadableFile(path, f"không mở được tệp ({exc.strerror or exc})") from None
    if magic.startswith(b"%PDF") or (b"%PDF" in magic):
        from baocao.check.readers.pdf.reader import read_pdf

        return read_pdf(path, layout, ocr=ocr)
    if magic.startswith(b"PK"):
        from baocao.check.readers.docx.reader import read_docx

        return read_docx(path)
    ext = os.path.splitext(path)[1].lower()
    if ext in (".docx", ".pdf"):
        raise UnreadableFile(path, f"nội dung không phải {ext[1:].upper()} (tệp hỏng hoặc đổi đuôi)")
    raise UnreadableFile(path, "chỉ kiểm được tệp .docx và .pdf")


def check_file(path: str, layout: Layout = DEFAULT_LAYOUT, kind: str | None = None, ocr: bool = False) -> Report:
    """Check one file against R1–R43. ``kind`` forces one of ``KINDS``; None or "auto": detected.
    ``ocr``: read a PDF whose text layer cannot be trusted again with Tesseract (when installed)."""
    if kind == "auto":
        kind = None
    if kind is not None and kind not in KINDS:
        raise ValueError(f"loại văn bản không biết: {kind!r} (chọn một trong: auto, {', '.join(KINDS)})")
    doc = read_document(str(path), layout, ocr=ocr)
    kind = kind or detect_kind(doc)
    st = analyse(doc, kind)
    findings = run_rules(Ctx(doc=doc, st=st, layout=layout, kind=kind))
    return Report(path=str(path), kind=kind, findings=findings, fmt=doc.fmt, notes=list(doc.notes))
