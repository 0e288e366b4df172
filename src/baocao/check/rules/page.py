"""R1–R7: page size, margins, font family, colour, encoding, sizes."""
from __future__ import annotations

import re
import unicodedata

from baocao.check.rules.base import Ctx, Problems, num, rule, skip

MARGIN_TOL = 0.2          # DOCX: twips rounding
MEASURE_TOL = 0.8         # PDF: glyph side bearings, line boxes


@rule("R1", "§1")
def r1(c: Ctx):
    pr = Problems(c)
    for s in c.doc.sections:
        w, h = s.width_mm, s.height_mm
        a4w, a4h = c.layout.page_width_mm, c.layout.page_height_mm
        if abs(w - a4w) <= 1 and abs(h - a4h) <= 1:
            continue
        if abs(w - a4h) <= 1 and abs(h - a4w) <= 1:
            pr.add(None, "trang nằm ngang; văn bản phải trình bày theo chiều dài khổ A4 "
                         "(chỉ được nằm ngang khi trang chỉ chứa bảng rộng)", **_where(s))
        else:
            pr.add(None, f"khổ giấy {num(w)} × {num(h)} mm, phải là A4 210 × 297 mm", **_where(s))
    return pr.outcome("khổ A4 (210 × 297 mm), trang dọc")


def _where(s) -> dict:
    """Place of a page-geometry fault: the PDF page, or the DOCX section."""
    return {"page": s.number} if s.measured else {"part": s.label}


def _range(value, lo, hi, tol):
    return value is not None and lo - tol <= value <= hi + tol


@rule("R2", "§1")
def r2(c: Ctx):
    pr = Problems(c)
    notes = []
    for s in c.doc.sections:
        if not s.measured:
            for name, v in (("lề trên", s.margin_top_mm), ("lề dưới", s.margin_bottom_mm)):
                if v is None:
                    continue
                if not _range(v, 20, 25, MARGIN_TOL):
                    pr.add(None, f"{name} {num(v)} mm, phải 20–25 mm", **_where(s))
            continue
        top, bottom = s.margin_top_mm, s.margin_bottom_mm
        if top is not None:
            if top < 20 - MEASURE_TOL:
                pr.add(None, f"chữ bắt đầu cách mép trên {num(top)} mm, lề trên phải 20–25 mm", **_where(s))
            elif not s.top_is_minimum and top > 25 + MEASURE_TOL:
                pr.add(None, f"dòng đầu cách mép trên {num(top)} mm, lề trên phải 20–25 mm", **_where(s))
        if bottom is not None and bottom < 20 - MEASURE_TOL:
            pr.add(None, f"chữ xuống cách mép dưới {num(bottom)} mm, lề dưới phải ≥ 20 mm", **_where(s))
    if not c.doc.sections:
        return skip("không đọc được kích thước trang")
    if c.doc.fmt == "pdf":
        first = c.doc.sections[0]
        notes = (f"lề trên đo ở trang 1: {num(first.margin_top_mm)} mm; lề dưới: chữ không xuống dưới "
                 "20 mm (giới hạn 25 mm không đo được từ PDF)")
        return pr.outcome(notes)
    return pr.outcome("lề trên và lề dưới trong khoảng 20–25 mm")


@rule("R3", "§1")
def r3(c: Ctx):
    pr = Problems(c)
    measured = False
    for s in c.doc.sections:
        tol = MEASURE_TOL if s.measured else MARGIN_TOL
        measured = measured or s.measured
        left, right = s.margin_left_mm, s.margin_right_mm
        if left is not None and not _range(left, 30, 35, tol):
            pr.add(None, f"lề trái {num(left)} mm, phải 30–35 mm", **_where(s))
        if right is not None and not _range(right, 15, 20, tol):
            pr.add(None, f"lề phải {num(right)} mm, phải 15–20 mm", **_where(s))
        if measured:
            break           # the text block is measured once for the whole PDF
    if measured:
        for p in c.doc.paras:
            for ln in p.lines:
                sec = c.doc.sections[ln.page - 1]
                if ln.x0 < 30 - MEASURE_TOL or ln.x1 > sec.width_mm - 15 + MEASURE_TOL:
                    pr.add(p, "chữ nằm ngoài vùng lề cho phép (trái ≥ 30 mm, phải ≥ 15 mm)")
                    break
        s = c.doc.sections[0]
        return pr.outcome(f"lề trái đo được {num(s.margin_left_mm)} mm, lề phải {num(s.margin_right_mm)} mm")
    return pr.outcome("lề trái 30–35 mm, lề phải 15–20 mm")


def _norm_font(name: str) -> str:
    return re.sub(r"[\s\-_,]", "", name or "").lower()


def accepted_font(name: str | None, c: Ctx) -> bool:
    n = _norm_font(name)
    if c.doc.fmt == "docx":
        return n == _norm_font(c.layout.font_name)
    twins = [_norm_font(f) for f in (c.layout.font_name, *c.layout.pdf_font_families)]
    twins += ["timesnewroman", "timesnewromanps", "timesroman", "timesbold", "timesitalic",
              "timesbolditalic", "liberationserif", "tinos"]
    return any(n.startswith(t) for t in twins) or n == "times"


@rule("R4", "§2")
def r4(c: Ctx):
    pr = Problems(c)
    seen_bad: set[str] = set()
    unknown = 0
    not_embedded: set[str] = set()
    for p, s in c.doc.all_spans():
        if not s.text.strip():
            continue
        if s.font is None:
            unknown += 1
            continue
        if not accepted_font(s.font, c) and s.font not in seen_bad:
            seen_bad.add(s.font)
            pr.add(p, f"dùng phông {s.font}, phải là Times New Roman")
        if s.embedded is False and s.font not in not_embedded:
            not_embedded.add(s.font)
            pr.add(p, f"phông {s.font} không được nhúng vào tệp PDF")
    if c.doc.fmt == "pdf" and not c.doc.fonts:
        return pr.outcome("mọi chữ dùng Times New Roman hoặc phông tương đương (không kiểm được việc nhúng phông)")
    msg = "mọi chữ dùng Times New Roman" + (" (hoặc phông cùng số đo), phông được nhúng" if c.doc.fmt == "pdf" else "")
    if unknown:
        msg += f"; {unknown} đoạn chữ không rõ phông"
    return pr.outcome(msg)


def _is_black(color: str | None) -> bool:
    if color is None:
        return True
    if len(color) != 6 or not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return False
    return all(int(color[i:i + 2], 16) <= 5 for i in (0, 2, 4))


@rule("R5", "§2")
def r5(c: Ctx):
    pr = Problems(c)
    for p, s in c.doc.all_spans():
        if s.text.strip() and not _is_black(s.color):
            shown = f"#{s.color}" if s.color and re.fullmatch(r"[0-9A-Fa-f]{6}", s.color) else (s.color or "")
            pr.add(p, f"chữ màu {shown}, văn bản phải in màu đen")
    return pr.outcome("mọi chữ màu đen")


LEGACY = set("¸µ¶·¹¨»¼½¾ÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñöøûüþ¦§¤£¢¡¥©ª«¬®¯°±²³´")


@rule("R6", "§2")
def r6(c: Ctx):
    pr = Problems(c)
    for p in c.doc.paras:
        if not unicodedata.is_normalized("NFC", p.text):
            pr.add(p, "chữ không ở dạng Unicode dựng sẵn (NFC): dấu đang tách rời khỏi chữ")
            continue
        for word in p.text.split():
            if any(ch in LEGACY for ch in word) and any(ch.isalpha() for ch in word) \
                    or any(0xE000 <= ord(ch) <= 0xF8FF for ch in word):
                pr.add(p, f"chữ «{word}» có mã cũ (TCVN3/VNI hoặc ký hiệu riêng), phải dùng Unicode")
                break
    return pr.outcome("chữ Unicode dựng sẵn (NFC), không có mã TCVN3/VNI")


ALLOWED_SIZES = (10.0, 11.0, 12.0, 13.0, 14.0)


@rule("R7", "§2")
def r7(c: Ctx):
    pr = Problems(c)
    seen: set[tuple[int, float]] = set()
    for p, s in c.doc.all_spans():
        if not s.text.strip() or s.size is None:
            continue
        if all(abs(s.size - a) > 0.1 for a in ALLOWED_SIZES) and (p.index, s.size) not in seen:
            seen.add((p.index, s.size))
            pr.add(p, f"cỡ chữ {num(s.size)} pt không thuộc các cỡ 10, 11, 12, 13, 14 pt")
    marks = c.doc.numbering.marks + [m for ms in c.doc.numbering.later_marks.values() for m in ms] + \
        [m for ms in c.doc.numbering.first_page_marks.values() for m in ms]
    for m in marks:
        if m.size is not None and all(abs(m.size - a) > 0.1 for a in ALLOWED_SIZES):
            pr.add(None, f"số trang cỡ {num(m.size)} pt không thuộc các cỡ 10–14 pt", "đầu trang")
    return pr.outcome("cỡ chữ chỉ gồm 10, 11, 12, 13, 14 pt")
