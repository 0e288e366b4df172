"""R1–R7: page size, margins, font family, colour, encoding, sizes."""
from __future__ import annotations

import re
import unicodedata

from baocao.check import vietnamese as vn
from baocao.check.rules.base import Ctx, Problems, num, rule, skip

MARGIN_TOL = 0.2          # DOCX: twips rounding
MEASURE_TOL = 0.8         # PDF: glyph side bearings, line boxes


@rule("R1", "§1")
def r1(c: Ctx):
    pr = Problems(c)
    notes: list[str] = []
    for s in c.doc.sections:
        w, h = s.width_mm, s.height_mm
        a4w, a4h = c.layout.page_width_mm, c.layout.page_height_mm
        if abs(w - a4w) <= 1 and abs(h - a4h) <= 1:
            continue
        if abs(w - a4h) <= 1 and abs(h - a4w) <= 1:
            if appendix_section(c, s):
                notes.append(f"{s.label} nằm ngang chỉ chứa phụ lục, bảng")
                continue
            pr.add(None, "trang nằm ngang; văn bản phải trình bày theo chiều dài khổ A4 "
                         "(chỉ được nằm ngang khi trang chỉ chứa bảng rộng)", **_where(s))
        else:
            pr.add(None, f"khổ giấy {num(w)} × {num(h)} mm, phải là A4 210 × 297 mm", **_where(s))
    return pr.outcome("khổ A4 (210 × 297 mm), trang dọc" + (f" ({'; '.join(notes)})" if notes else ""))


def appendix_section(c: Ctx, s) -> bool:
    """A DOCX section (or PDF page) that holds only what follows the signature: an appendix, a table."""
    after = c.st.after_signature_index
    if after is None:
        return False
    if s.measured:
        inside = [p for p in c.doc.paras if p.page == s.number and not p.is_empty]
    else:
        inside = [p for p in c.doc.paras if p.section == s.number and not p.is_empty]
    return bool(inside) and all(p.index > after for p in inside)


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
            if _rotated_appendix(c, s):
                continue
            for name, v, part in (("lề trên", s.margin_top_mm, "header"), ("lề dưới", s.margin_bottom_mm, "footer")):
                if v is None:
                    continue
                pushed = s.pushed.get(part)
                shown = f"{num(v)} mm (đặt {num(pushed[0])} mm, phần đầu/chân trang đẩy chữ ra)" if pushed else f"{num(v)} mm"
                if not _range(v, 20, 25, MARGIN_TOL):
                    if part == "footer" and c.doc.numbering.page_count == 1:
                        # one page whose text stops short of the bottom: the page never shows it
                        notes.append(f"{s.label}: lề dưới đặt {num(v)} mm, văn bản một trang không chạm tới")
                        continue
                    pr.add(None, f"{name} {shown}, phải 20–25 mm", **_where(s))
                elif pushed:
                    notes.append(f"{s.label}: {name} đặt {num(pushed[0])} mm nhưng chữ bắt đầu ở {num(v)} mm")
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
    return pr.outcome("lề trên và lề dưới trong khoảng 20–25 mm" + (f" ({'; '.join(notes)})" if notes else ""))


def _rotated_appendix(c: Ctx, s) -> bool:
    """A landscape section holding only an appendix: the portrait margins do not apply to it."""
    return s.width_mm > s.height_mm and appendix_section(c, s)


@rule("R3", "§1")
def r3(c: Ctx):
    pr = Problems(c)
    measured = False
    for s in c.doc.sections:
        tol = MEASURE_TOL if s.measured else MARGIN_TOL
        measured = measured or s.measured
        if not s.measured and _rotated_appendix(c, s):
            continue
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


STYLE_WORDS = re.compile(r"(\s+(bold|italic|regular|oblique|bolditalic|bold italic))+$", re.I)


def accepted_font(name: str | None, c: Ctx) -> bool:
    n = _norm_font(name)
    if c.doc.fmt == "docx":
        # "Times New Roman Bold": the family with a style word, as Windows lists it
        return n == _norm_font(c.layout.font_name) or \
            _norm_font(STYLE_WORDS.sub("", name or "")) == _norm_font(c.layout.font_name)
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
    for m in _marks(c):
        if m.font and not accepted_font(m.font, c) and m.font not in seen_bad:
            seen_bad.add(m.font)
            pr.add(None, f"số trang dùng phông {m.font}, phải là Times New Roman", "đầu trang")
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
    # what prints black: #0A0A0A from an e-office export is black to any eye, dark grey is not
    return all(int(color[i:i + 2], 16) <= 0x20 for i in (0, 2, 4))


@rule("R5", "§2")
def r5(c: Ctx):
    pr = Problems(c)
    for p, s in c.doc.all_spans():
        if s.text.strip() and not _is_black(s.color):
            shown = f"#{s.color}" if s.color and re.fullmatch(r"[0-9A-Fa-f]{6}", s.color) else (s.color or "")
            pr.add(p, f"chữ màu {shown}, văn bản phải in màu đen")
    return pr.outcome("mọi chữ màu đen")




def decomposed_marks(text: str) -> bool:
    """Diacritics typed as separate combining marks (not NFC): "Vie\u0302\u0323t". A compatibility
    singleton such as the ohm sign "Ω" is not NFC either, but it is no decomposed Vietnamese letter."""
    return any(unicodedata.combining(ch) for ch in text) and not unicodedata.is_normalized("NFC", text)


@rule("R6", "§2")
def r6(c: Ctx):
    pr = Problems(c)
    for p in c.doc.paras:
        if decomposed_marks(p.text):
            pr.add(p, "chữ không ở dạng Unicode dựng sẵn (NFC): dấu đang tách rời khỏi chữ")
            continue
        for word in p.text.split():
            if vn.legacy_word(word):
                pr.add(p, f"chữ «{word}» có mã cũ (TCVN3/VNI hoặc ký hiệu riêng), phải dùng Unicode")
                break
    return pr.outcome("chữ Unicode dựng sẵn (NFC), không có mã TCVN3/VNI")


ALLOWED_SIZES = (10.0, 11.0, 12.0, 13.0, 14.0)


def _marks(c: Ctx):
    n = c.doc.numbering
    return n.marks + [m for ms in n.later_marks.values() for m in ms] + \
        [m for ms in n.first_page_marks.values() for m in ms]


@rule("R7", "§2")
def r7(c: Ctx):
    pr = Problems(c)
    seen: set[tuple[int, float]] = set()
    for p, s in c.doc.all_spans():
        if not s.text.strip() or s.size is None or s.script:
            continue
        if all(abs(s.size - a) > 0.1 for a in ALLOWED_SIZES) and (p.index, s.size) not in seen:
            seen.add((p.index, s.size))
            pr.add(p, f"cỡ chữ {num(s.size)} pt không thuộc các cỡ 10, 11, 12, 13, 14 pt")
    for m in _marks(c):
        if m.size is not None and all(abs(m.size - a) > 0.1 for a in ALLOWED_SIZES):
            pr.add(None, f"số trang cỡ {num(m.size)} pt không thuộc các cỡ 10–14 pt", "đầu trang")
    return pr.outcome("cỡ chữ chỉ gồm 10, 11, 12, 13, 14 pt")
