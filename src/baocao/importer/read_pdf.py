"""A .pdf notice → :class:`Source`, from its text layer (the checker's PDFium reader), or read
again by Tesseract with ``ocr=True`` when the text layer cannot be trusted."""
from __future__ import annotations

from pathlib import Path

from baocao.check.errors import UnreadableFile
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.importer import guard
from baocao.importer.errors import UnreadableSource
from baocao.importer.read_layout import to_source
from baocao.importer.source import Source


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise UnreadableSource(path, f"không phải tệp PDF đọc được ({type(exc).__name__})") from None
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_pdf(path: Path, ocr: bool = False) -> Source:
    guard.check_file(path, ".pdf")
    pages = _page_count(path)
    if pages == 0:
        raise UnreadableSource(path, "tệp PDF không có trang nào")
    if pages > guard.MAX_PDF_PAGES:
        raise UnreadableSource(path, f"tệp PDF có {pages} trang; một thông báo không quá {guard.MAX_PDF_PAGES} trang")
    from baocao.check.readers.pdf.reader import read_pdf as read_layout

    try:
        doc = read_layout(str(path), DEFAULT_LAYOUT)
    except UnreadableFile as exc:
        raise UnreadableSource(path, exc.reason) from None
    usable = doc.untrusted is None and any(p.text.strip() for p in doc.paras)
    if not usable and ocr:
        return _by_ocr(path)
    if not usable:
        why = doc.untrusted or "PDF không có chữ nào (bản quét?)"
        raise UnreadableSource(path, f"không dùng được lớp chữ của PDF: {why}. Nếu máy có tesseract "
                                     "(tiếng Việt), chạy lại với --ocr để đọc bằng nhận dạng chữ.")
    return to_source(doc, "pdf")


def _by_ocr(path: Path) -> Source:
    from baocao.importer.ocr import pdf_text
    from baocao.importer.read_text import split_text

    source = split_text(str(path), [line.rstrip() for line in pdf_text(path).splitlines()])
    source.kind = "pdf"
    source.notes.append("chữ được đọc bằng nhận dạng (OCR) vì PDF không có lớp chữ dùng được: "
                        "đối chiếu từng chữ với bản gốc")
    return source
