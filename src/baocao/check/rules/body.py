"""R20–R29: tên loại, trích yếu and its line, the body text and its numbering."""
from __future__ import annotations

import re

from baocao.check import text as tx
from baocao.check.model import Para
from baocao.check.rules.base import (
    Ctx,
    Problems,
    bold_problem,
    centre_problem,
    fail,
    italic_problem,
    num,
    ok,
    rule,
    rule_under,
    short_rule_problems,
    size_problem,
    skip,
)
from baocao.check.kinds import KINDS, title_type

DIEM_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN_HEADING = re.compile(r"^([IVX]{1,6})\.\s+(.+)$")
KHOAN = re.compile(r"^(\d+)\.\s")
DIEM = re.compile(r"^([a-zđ])\)\s")
SINGLE = 1.149


@rule("R20", "§6")
def r20(c: Ctx):
    info = c.st.info
    if info is not None and info.title is None:
        return skip("không áp dụng: công văn không có tên loại (trích yếu «V/v …» ở dưới số, ký hiệu)")
    p = c.st.doc_type
    want = info.title if info is not None and info.title else "THÔNG BÁO"
    if p is None:
        return fail(f"không thấy tên loại văn bản («{want}») dưới khối đầu")
    pr = Problems(c)
    named = title_type(p.text)
    if not tx.is_upper(p.text):
        pr.add(p, f"tên loại phải viết in hoa, đang là «{p.clean}»")
    elif named != tx.fold(want) and info is not None and info.key in KINDS:
        pr.add(p, f"tên loại phải là «{want}», đang là «{p.clean}»")
    pr.extend(p, [bold_problem(p, "tên loại"), italic_problem(p, "tên loại"), size_problem(p, 13, 14, "tên loại"),
                  centre_problem(p, [], "tên loại")])
    return pr.outcome(f"«{p.clean}» in hoa, đậm, 13–14 pt, căn giữa")


@rule("R21", "§6")
def r21(c: Ctx):
    info = c.st.info
    summary = c.st.summary
    if info is not None and info.summary_under_number:
        if not summary:
            return fail("công văn thiếu trích yếu «V/v …» dưới số, ký hiệu", c.place(c.st.number))
        pr = Problems(c)
        first = summary[0]
        if not first.clean.startswith("V/v"):
            pr.add(first, f"trích yếu công văn bắt đầu bằng «V/v», đang là «{tx.excerpt(first.clean, 20)}»")
        for p in summary:
            pr.extend(p, [italic_problem(p, "trích yếu công văn"), size_problem(p, 12, 13, "trích yếu công văn")])
        return pr.outcome("trích yếu «V/v …» dưới số, ký hiệu: 12–13 pt, chữ đứng")
    if c.st.doc_type is None:
        return skip("không thấy tên loại nên không xác định được trích yếu")
    if not summary:
        if info is not None and info.summary_optional:
            return skip(f"không áp dụng: {info.name} không có trích yếu")
        return fail("không thấy trích yếu ngay dưới tên loại", c.place(c.st.doc_type))
    pr = Problems(c)
    for p in summary:
        pr.extend(p, [bold_problem(p, "trích yếu"), italic_problem(p, "trích yếu"),
                      size_problem(p, 13, 14, "trích yếu"), centre_problem(p, [], "trích yếu")])
    text = " ".join(p.clean for p in summary)
    letters = tx.letters(text)
    if letters and letters == letters.upper():
        pr.add(summary[0], "trích yếu viết in hoa toàn bộ; phải viết như câu thường (chỉ hoa chữ đầu)")
    elif letters and not letters[0].isupper():
        pr.add(summary[0], "trích yếu phải viết hoa chữ cái đầu")
    return pr.outcome("trích yếu in đậm, 13–14 pt, căn giữa, viết như câu thường")


@rule("R22", "§6")
def r22(c: Ctx):
    info = c.st.info
    if info is not None and info.summary_under_number:
        return skip("không áp dụng: trích yếu công văn không có đường kẻ dưới")
    summary = c.st.summary
    if not summary:
        return skip("không thấy trích yếu")
    line = rule_under(summary)
    if line is None:
        return fail("không có đường kẻ ngang dưới trích yếu", c.place(summary[-1]))
    widths = [w for p in summary for w in (p.line_widths_mm or [])]
    if not widths:
        return skip("không đo được bề rộng dòng trích yếu (thiếu số đo phông Times New Roman)")
    pr = Problems(c)
    ratio = short_rule_problems(pr, summary[-1], line, max(widths), c.doc.text_center_mm, "trích yếu",
                                "dòng trích yếu dài nhất")
    return pr.outcome(f"đường liền dưới trích yếu dài {num(ratio * 100, 0)}% dòng dài nhất, căn giữa")


def body_text(c: Ctx) -> list[Para]:
    """Body paragraphs the text-layout rules apply to (centred headings left out)."""
    return c.st.running_text


@rule("R23", "§7")
def r23(c: Ctx):
    body = body_text(c)
    if not body:
        return fail("không thấy phần nội dung")
    pr = Problems(c)
    decided = 0
    for p in body:
        if p.align is None:
            continue
        one_line = len(p.line_widths_mm or []) == 1
        if one_line and p.align in ("left", "both"):
            continue            # a one-line paragraph looks the same justified or left-aligned
        decided += 1
        if p.align != "both":
            names = {"left": "căn trái", "right": "căn phải", "center": "căn giữa"}
            pr.add(p, f"đoạn nội dung {names.get(p.align, p.align)}; phải canh đều hai lề")
    sizes: dict[float, Para] = {}
    for p in body:
        for s in p.visible_spans:
            if s.size is not None:
                sizes.setdefault(round(s.size, 1), p)
    for size, p in sizes.items():
        if not (13 - 0.1 <= size <= 14 + 0.1):
            pr.add(p, f"nội dung cỡ {num(size)} pt, phải 13–14 pt")
    if len(sizes) > 1:
        main = max(sizes, key=lambda s: sum(1 for p in body for sp in p.visible_spans
                                           if sp.size is not None and round(sp.size, 1) == s))
        for size, p in sizes.items():
            if size != main:
                pr.add(p, f"nội dung dùng nhiều cỡ chữ ({', '.join(num(s) for s in sorted(sizes))} pt); "
                          "toàn bộ phải cùng một cỡ")
                break
    if not decided and not pr.items:
        return skip("không xác định được căn lề của các đoạn nội dung (đoạn chỉ một dòng)")
    return pr.outcome(f"nội dung canh đều hai lề, cùng cỡ {num(next(iter(sizes), None))} pt")


@rule("R24", "§7")
def r24(c: Ctx):
    body = body_text(c)
    if not body:
        return skip("không thấy phần nội dung")
    pr = Problems(c)
    tol = 0.6       # mm: what an eye can tell apart on the page (1,25 cm reads as 1,27 cm)
    seen = 0
    for p in body:
        if p.first_indent_mm is None:
            continue
        seen += 1
        v = p.first_indent_mm
        if not (abs(v - 10.0) <= tol or abs(v - 12.7) <= tol):
            pr.add(p, f"thụt đầu dòng {num(v / 10, 2)} cm, phải 1 cm hoặc 1,27 cm")
    if not seen:
        return skip("không đo được thụt đầu dòng")
    return pr.outcome("thụt đầu dòng 1 cm hoặc 1,27 cm")


@rule("R25", "§7")
def r25(c: Ctx):
    body = body_text(c)
    pr = Problems(c)
    seen = 0
    for prev, p in zip(body, body[1:]):
        if p.gap_before_pt is None:
            continue
        if p.lines and prev.lines and p.lines[0].page != prev.lines[-1].page:
            continue
        if any(not q.is_empty for q in c.doc.paras[prev.index + 1:p.index]):
            continue        # a heading or "QUYẾT ĐỊNH:" between them: their spacing is not this pair's
        seen += 1
        tol = 0.3 if c.doc.fmt == "docx" else 0.8
        if p.gap_before_pt < 6 - tol:
            pr.add(p, f"khoảng cách với đoạn trước {num(max(p.gap_before_pt, 0))} pt, phải tối thiểu 6 pt")
    if not seen:
        return skip("không đo được khoảng cách giữa các đoạn nội dung")
    return pr.outcome("khoảng cách giữa các đoạn nội dung ≥ 6 pt")


@rule("R26", "§7")
def r26(c: Ctx):
    body = body_text(c)
    pr = Problems(c)
    seen = 0
    for p in body:
        size = max(p.sizes(), default=None)
        if p.line_exact_pt is not None:
            seen += 1
            if size and not (size - 0.1 <= p.line_exact_pt <= 1.5 * SINGLE * size + 0.5):
                pr.add(p, f"giãn dòng cố định {num(p.line_exact_pt)} pt; phải từ cỡ chữ đến 1,5 dòng")
            continue
        if p.line_spacing is None:
            continue
        seen += 1
        ls = p.line_spacing
        if c.doc.fmt == "docx":
            bad = not (1.0 - 0.01 <= ls <= 1.5 + 0.01)
        else:
            # measured pitch: at least the font size (single or "exactly ≥ body size"), at most 1.5 lines
            bad = not (1 / SINGLE - 0.03 <= ls <= 1.5 + 0.04)
        if bad:
            pr.add(p, f"giãn dòng {num(ls, 2)} dòng; phải từ 1 (đơn) đến 1,5 dòng")
    if not seen:
        return skip("không đo được khoảng cách dòng (các đoạn chỉ có một dòng)")
    return pr.outcome("giãn dòng từ 1 đến 1,5 dòng")


def _roman_value(s: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not s or any(ch not in values for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va, vb = values[a], values.get(b, 0)
        total += -va if va < vb else va
    return total


@rule("R27", "§7")
def r27(c: Ctx):
    pr = Problems(c)
    found = 0
    for p in c.st.body:
        t = p.clean
        m = ROMAN_HEADING.match(t)
        if m and _roman_value(m.group(1)):
            found += 1
            if not tx.is_upper(m.group(2)):
                pr.add(p, f"đề mục «{tx.excerpt(t, 40)}» phải viết in hoa")
            pr.extend(p, [bold_problem(p, "đề mục La Mã")])
            continue
        m = re.match(r"^(Phần|Chương)\s+(\S+?)\.?$", t) or re.match(r"^(Phần|Chương)\s+(\S+?)[.:]?\s", t)
        if m and len(t.split()) <= 12:
            found += 1
            if _roman_value(m.group(2).upper()) is None or m.group(2) != m.group(2).upper():
                pr.add(p, f"«{m.group(1)} {m.group(2)}»: số thứ tự của Phần/Chương phải là số La Mã")
            continue
        m = re.match(r"^(Tiểu mục|Mục|Điều)\s+(\S+?)[.:]?(\s|$)", t)
        if m and len(t.split()) <= 20 and re.fullmatch(r"[0-9IVXLC]+", m.group(2)):
            found += 1
            if not m.group(2).isdigit():
                pr.add(p, f"«{m.group(1)} {m.group(2)}»: số thứ tự của Mục/Tiểu mục/Điều phải là số Ả Rập")
    if not found:
        return skip("không áp dụng: nội dung không có đề mục La Mã, Phần, Chương, Mục, Điều")
    return pr.outcome("đề mục La Mã in hoa, đậm; số Phần/Chương La Mã, số Mục/Điều Ả Rập")


@rule("R28", "§7")
def r28(c: Ctx):
    pr = Problems(c)
    k = 0
    found = 0
    for p in c.st.body:
        t = p.clean
        if KHOAN.match(t) or ROMAN_HEADING.match(t) or re.match(r"^Điều\s+\d+", t):
            k = 0
            continue
        m = DIEM.match(t)
        if not m and re.match(r"^[fjwz]\)\s", t):
            pr.add(p, f"điểm «{t[:2]}»: tiếng Việt không dùng chữ {t[0]} để đánh số điểm")
            k += 1
            continue
        if not m:
            continue
        found += 1
        letter = m.group(1)
        if c.kind == "trich-sao":
            # an extract keeps the original numbers: b) may come first, đ) after a); never back
            at = DIEM_LETTERS.index(letter) if letter in DIEM_LETTERS else None
            if at is not None and at < k:
                pr.add(p, f"điểm «{letter})» đứng sau «{DIEM_LETTERS[k - 1]})»: bản trích sao giữ thứ tự của bản gốc")
            k = (at if at is not None else k) + 1
            continue
        expected = DIEM_LETTERS[k] if k < len(DIEM_LETTERS) else None
        if expected is None:
            pr.add(p, f"điểm «{letter})» vượt quá «y)»")
        elif letter != expected:
            pr.add(p, f"điểm «{letter})» đứng sau «{DIEM_LETTERS[k - 1]})»; phải là «{expected})»"
                   if k else f"điểm đầu tiên phải là «a)», đang là «{letter})»")
        k += 1
    if not found and not pr.items:
        return skip("không áp dụng: nội dung không có điểm a), b), …")
    if c.kind == "trich-sao":
        return pr.outcome("điểm giữ số thứ tự của bản gốc, theo thứ tự a) b) c) d) đ) e) g) …")
    return pr.outcome("điểm đánh theo thứ tự a) b) c) d) đ) e) g) …, bắt đầu lại trong mỗi khoản")


@rule("R29", "§7")
def r29(c: Ctx):
    body = c.st.body
    if not body:
        return fail("không thấy phần nội dung")
    last = body[-1]
    if last.clean.endswith("./."):
        return ok("đoạn cuối kết thúc bằng «./.»")
    if c.kind == "trich-sao":
        return skip("bản trích sao có thể không chép câu kết «./.» của bản gốc")
    return fail("đoạn nội dung cuối phải kết thúc bằng «./.»", c.place(last))
