"""check_file: read a DOCX or PDF, find its parts, run every rule, return a Report."""
from __future__ import annotations

import os

from baocao.check.errors import UnreadableFile
from baocao.check.kinds import NOT_ADMINISTRATIVE, supported
from baocao.check.limits import DEFAULT_LIMITS, Budget, Limits, active, current, open_regular
from baocao.check.report import Report
from baocao.check.rules import Ctx, not_judged, run_rules
from baocao.check.structure import analyse, detect_kind
from baocao.documents import follow_up
from baocao.documents.layout import DEFAULT_LAYOUT, Layout
from baocao.errors import os_reason

KINDS = supported()
NOT_JUDGED = ("không kiểm: tệp là báo cáo theo dõi nhiệm vụ do baocao dựng (ghi trong siêu dữ liệu của PDF), "
              "không phải văn bản hành chính; dùng --kind để buộc kiểm theo một loại văn bản")
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")     # a compound file: an encrypted .docx, or a .doc


def read_document(path: str, layout: Layout = DEFAULT_LAYOUT, ocr: bool = False):
    """The neutral Document of a .docx or .pdf file (by content, whatever the extension), read
    within the active budget (:func:`~baocao.check.limits.current`)."""
    budget = current()
    with open_regular(path, budget) as source:
        try:
            magic = source.read(8)
            source.seek(0)
        except OSError as exc:
            raise UnreadableFile(path, f"không đọc được tệp ({os_reason(exc)})") from None
        if magic.startswith(b"%PDF") or (b"%PDF" in magic):
            from baocao.check.readers.pdf.reader import read_pdf

            return read_pdf(path, layout, ocr=ocr, source=source)
        if magic.startswith(b"PK"):
            from baocao.check.readers.docx.reader import read_docx

            return read_docx(path, source=source)
    if magic.startswith(OLE_MAGIC):
        raise UnreadableFile(path, "tệp Word được đặt mật khẩu (mã hóa) hoặc ở dạng .doc cũ (Word 97–2003); "
                                   "hãy lưu lại dạng .docx không đặt mật khẩu")
    ext = os.path.splitext(path)[1].lower()
    if ext in (".docx", ".pdf"):
        raise UnreadableFile(path, f"nội dung không phải {ext[1:].upper()} (tệp hỏng hoặc đổi đuôi)")
    raise UnreadableFile(path, "chỉ kiểm được tệp .docx và .pdf")


def check_file(path: str, layout: Layout = DEFAULT_LAYOUT, kind: str | None = None, ocr: bool = False,
               limits: Limits = DEFAULT_LIMITS) -> Report:
    """Check one file against R1–R43. ``kind`` forces one of ``KINDS``; None or "auto": detected.
    ``ocr``: read a PDF whose text layer cannot be trusted again with Tesseract (when installed).
    ``limits``: what reading the file may cost (:mod:`baocao.check.limits`); past one of them the
    file is refused with :class:`~baocao.check.limits.LimitExceeded`."""
    if kind == "auto":
        kind = None
    if kind is not None and kind not in KINDS:
        raise ValueError(f"loại văn bản không biết: {kind!r} (chọn một trong: auto, {', '.join(KINDS)})")
    with active(Budget(str(path), limits)) as budget:
        doc = read_document(str(path), layout, ocr=ocr)
        budget.tick()
        if kind is None and follow_up.MARK.on(doc.metadata):     # a briefing: a report for leaders
            kind, findings = NOT_ADMINISTRATIVE, not_judged(NOT_JUDGED)
        else:
            kind = kind or detect_kind(doc)
            st = analyse(doc, kind)
            findings = run_rules(Ctx(doc=doc, st=st, layout=layout, kind=kind))
        budget.tick()
    return Report(path=str(path), kind=kind, findings=findings, fmt=doc.fmt, notes=list(doc.notes))
