"""A laid-out document (DOCX or PDF, as :mod:`baocao.check`'s readers see it) → :class:`Source`.

The checker's readers already know where the two-column header and closing blocks are, in a
Word table or on a PDF page; what is left here is finding the tên loại, the trích yếu under it,
and cutting the running text from the closing block and from what follows the signature.
"""
from __future__ import annotations

import re

from baocao.check import text as tx
from baocao.check.model import (
    BODY,
    CLOSING_LEFT,
    CLOSING_RIGHT,
    HEADER_LEFT,
    HEADER_RIGHT,
    PAGE_FOOTER,
    PAGE_HEADER,
    TABLE,
    Document,
)
from baocao.importer.errors import UnreadableSource
from baocao.importer.source import Line, Source

NOT_A_NOTICE = ("không tìm thấy tên loại «THÔNG BÁO»: tệp này không phải một thông báo "
                "(baocao chỉ nhập thông báo)")


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: str) -> str:
    # PDFium marks a hyphen that ends a line with U+0002: in Vietnamese it is a word's own hyphen
    # ("các-bon" broken after "các-"), so the line is joined back without a space.
    text = re.sub("\x02\\s*", "-", text.replace("\u00a0", " "))
    return " ".join(CONTROL.sub("", text).split())


def is_title(text: str) -> bool:
    return tx.fold(text) == "thong bao"


def _line(para, column: str = "") -> Line:
    return Line(_clean(para.text), para.all_bold(), para.all_italic(),
                None if para.align is None else para.align == "center", column)


def to_source(doc: Document, kind: str) -> Source:
    source = Source(path=doc.path, kind=kind)
    paras = [p for p in doc.paras if _clean(p.text) and p.region not in (PAGE_HEADER, PAGE_FOOTER)
             and not tx.is_rule_text(p.text)]
    title = next((i for i, p in enumerate(paras) if p.region not in (HEADER_LEFT, HEADER_RIGHT)
                  and is_title(p.text)), None)
    if title is None:
        raise UnreadableSource(doc.path, NOT_A_NOTICE)
    for p in paras[:title]:
        column = {HEADER_LEFT: "left", HEADER_RIGHT: "right"}.get(p.region, "")
        # A header typed without a table: columns separated by tabs or runs of spaces.
        pieces = [p.text] if column else [t for t in p.text.replace("\t", "   ").split("   ") if t.strip()]
        for k, piece in enumerate(pieces):
            line = _line(p, column or ("left" if k == 0 and len(pieces) > 1 else "right" if k else ""))
            source.header.append(Line(_clean(piece), line.bold, line.italic, line.centred, line.column))
    i = title + 1
    while i < len(paras) and paras[i].region == BODY and _is_summary(paras[i], paras[title]):
        source.summary.append(_line(paras[i]))
        i += 1
    closing_seen = False
    closing_at = next((k for k, p in enumerate(paras) if p.region in (CLOSING_LEFT, CLOSING_RIGHT)), len(paras))
    if any(p.region == TABLE for p in paras[i:closing_at]):
        source.notes.append("văn bản gốc có bảng trong nội dung: mỗi ô được ghi thành một đoạn, theo thứ tự hàng")
    for p in paras[i:]:
        text = _clean(p.text)
        if p.region == CLOSING_LEFT:
            closing_seen = True
            if not tx.is_recipients_label(text):
                source.recipients.append(text)
        elif p.region == CLOSING_RIGHT:
            closing_seen = True
            source.signer.append(_line(p, "right"))
        elif closing_seen:
            source.after.append(text)
        else:
            source.body.append(_line(p))
    _closing_in_body(source)
    return source


def _is_summary(para, title) -> bool:
    """The trích yếu: centred lines right under the tên loại, bold like it where weight is known."""
    text = _clean(para.text)
    if para.align not in (None, "center") or text.lower().startswith("kính gửi"):
        return False
    if para.align is None:
        return False
    if title.all_bold() and para.all_bold() is False:
        return False
    return True


def _closing_in_body(source: Source) -> None:
    """A closing block typed as plain paragraphs (no table): "Nơi nhận:" and the signer lines end
    the running text."""
    body = source.body
    cut = next((k for k, line in enumerate(body) if tx.is_recipients_label(line.text)), None)
    if cut is None:
        return
    rest = body[cut + 1:]
    del body[cut:]
    for line in rest:
        if line.text.startswith(("-", "–")) and not tx.is_signer_head(line.text):
            source.recipients.append(line.text)
        else:
            source.signer.append(line)
