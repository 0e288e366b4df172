"""R30–R40: signature block, Nơi nhận, signature/seal pictures, page numbers."""
from __future__ import annotations

import re

from baocao.check import images as imaging
from baocao.check import text as tx
from baocao.check.model import CLOSING_RIGHT, Para
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
    size_problem,
    skip,
)
from baocao.check.closing import Closing

LEFT_TOL = 5.0     # mm: a table cell's padding and indent put "Nơi nhận:" a few mm in from the margin
TITLES = re.compile(r"^(TM|Q|KT|TL|TUQ)\.\s")
DEGREE = re.compile(r"^(GS|PGS|TS|ThS|Ths|TSKH|KS|BS|CN|NCS)\s*\.", re.I)
# "- Lưu: VT, QHQT (2).", "- Lưu: VT, CN(Dũng).", "- Lưu: VT, KT(T.Q.Hùng), HCQT (Mến).", "- Lưu: VT, CTT. Phunt."
LUU = re.compile(r"^- Lưu: VT(?:[,.]\s*\S.*)?\.$")


def signer_problems(c: Ctx, cl: Closing) -> list[tuple[Para | None, str]]:
    out: list[tuple[Para | None, str]] = []
    if not cl.signer:
        return [(None, "không thấy khối chữ ký (chức vụ, họ tên người ký) sau phần nội dung")]
    if len(cl.signer) < 2:
        return [(cl.signer[0], "khối chữ ký phải có dòng chức vụ và dòng họ tên")]
    titles = cl.titles
    first = titles[0]
    if not (TITLES.match(first.clean) or tx.is_upper(first.text)):
        out.append((first, "dòng đầu khối chữ ký phải là quyền hạn (TM., Q., KT., TL., TUQ.) hoặc chức vụ in hoa"))
    for p in titles:
        if not tx.is_upper(p.text):
            out.append((p, "dòng quyền hạn, chức vụ phải viết in hoa"))
        for m in (bold_problem(p, "dòng chức vụ"), italic_problem(p, "dòng chức vụ"),
                  size_problem(p, 13, 14, "dòng chức vụ"), centre_problem(p, cl.signer, "dòng chức vụ")):
            if m:
                out.append((p, m))
    centre = c.doc.text_center_mm
    if first.region not in (CLOSING_RIGHT,) and first.center_mm is not None and centre is not None \
            and first.center_mm < centre:
        out.append((first, "khối chữ ký phải nằm ở cột bên phải"))
    return out


def name_problems(cl: Closing) -> list[tuple[Para | None, str]]:
    p = cl.name
    if p is None:
        return [(cl.signer[0] if cl.signer else None, "không thấy dòng họ tên người ký")]
    out = []
    for m in (bold_problem(p, "họ tên người ký"), size_problem(p, 13, 14, "họ tên người ký"),
              italic_problem(p, "họ tên người ký")):
        if m:
            out.append((p, m))
    if tx.is_upper(p.text):
        out.append((p, "họ tên người ký viết hoa chữ cái đầu mỗi tiếng, không viết in hoa toàn bộ"))
    if DEGREE.match(p.clean):
        out.append((p, f"«{p.clean}»: không ghi học hàm, học vị trước họ tên người ký"))
    return out


def label_problems(cl: Closing) -> list[tuple[Para | None, str]]:
    p = cl.label
    if p is None:
        return [(None, "không thấy «Nơi nhận:»")]
    out = []
    if not p.clean.startswith("Nơi nhận") or not p.clean.endswith(":"):
        out.append((p, f"«{p.clean}»: phải viết «Nơi nhận:» (chữ N hoa, có dấu hai chấm)"))
    for m in (bold_problem(p, "«Nơi nhận:»"), italic_problem(p, "«Nơi nhận:»", want=True),
              size_problem(p, 12, 12, "«Nơi nhận:»")):
        if m:
            out.append((p, m))
    return out


def entries_problems(cl: Closing) -> list[tuple[Para | None, str]]:
    if cl.label is None:
        return [(None, "không thấy «Nơi nhận:»")]
    if not cl.entries:
        return [(cl.label, "«Nơi nhận:» không có dòng nơi nhận nào")]
    out = []
    for i, e in enumerate(cl.entries):
        p = e.paras[0]
        last = i == len(cl.entries) - 1
        if not e.text.startswith("- "):
            out.append((p, f"«{tx.excerpt(e.text, 40)}»: mỗi nơi nhận bắt đầu bằng «- »"))
        if not last and not e.text.endswith(";"):
            out.append((p, f"«{tx.excerpt(e.text, 40)}»: nơi nhận (trừ dòng cuối) kết thúc bằng «;»"))
        for q in e.paras:
            for m in (size_problem(q, 11, 11, "dòng nơi nhận"), italic_problem(q, "dòng nơi nhận")):
                if m:
                    out.append((q, m))
    return out


def luu_problems(cl: Closing) -> list[tuple[Para | None, str]]:
    if not cl.entries:
        return [(cl.label, "không thấy dòng «- Lưu: VT, …»")]
    e = cl.entries[-1]
    if not LUU.match(e.text):
        return [(e.paras[0], f"«{tx.excerpt(e.text, 50)}»: dòng cuối phải có dạng «- Lưu: VT, …» và kết thúc bằng «.»")]
    return []


def _report(c: Ctx, items, pass_message: str):
    pr = Problems(c)
    for para, message in items:
        pr.add(para, message)
    return pr.outcome(pass_message)


@rule("R30", "§8")
def r30(c: Ctx):
    return _report(c, signer_problems(c, c.st.signing),
                   "khối chữ ký bên phải: quyền hạn, chức vụ in hoa, đậm, 13–14 pt, căn giữa")


@rule("R31", "§8")
def r31(c: Ctx):
    cl = c.st.signing
    if not cl.titles:
        return skip("không thấy dòng chức vụ")
    if not cl.titles[0].clean.startswith("KT."):
        return skip("không áp dụng: không ký thay (KT.)")
    if len(cl.titles) < 2 or not tx.is_upper(cl.titles[1].text):
        return fail("ký thay (KT.) phải có dòng thứ hai ghi chức vụ của cấp phó (ví dụ «PHÓ CHỦ NHIỆM»)",
                    c.place(cl.titles[0]))
    return ok(f"ký thay, có dòng chức vụ cấp phó «{cl.titles[1].clean}»")


@rule("R32", "§8")
def r32(c: Ctx):
    cl = c.st.signing
    if not cl.signer:
        return fail("không thấy khối chữ ký")
    return _report(c, name_problems(cl), "họ tên người ký in đậm, 13–14 pt, không kèm học hàm, học vị")


@rule("R33", "§9")
def r33(c: Ctx):
    cl = c.st.signing
    if cl.label is None or not cl.signer:
        return fail("không thấy «Nơi nhận:» hoặc khối chữ ký")
    label, first = cl.label, cl.signer[0]
    left = c.doc.text_left_mm
    if label.lines and first.lines:
        a, b = label.lines[0], first.lines[0]
        line_mm = max(a.size, b.size) * 1.149 * 25.4 / 72
        if a.page != b.page or abs(a.top - b.top) > line_mm:
            return fail("«Nơi nhận:» phải ngang hàng với dòng đầu của khối chữ ký, cùng trang", c.place(label))
        if left is not None and abs(a.x0 - left) > LEFT_TOL:
            return fail(f"«Nơi nhận:» phải sát lề trái (đang cách {num(a.x0 - left)} mm)", c.place(label))
        return ok("«Nơi nhận:» sát lề trái, ngang hàng với dòng đầu khối chữ ký")
    if label.cell is None or first.cell is None:
        return skip("khối chữ ký và «Nơi nhận:» không nằm trong bảng: không xác định được vị trí dọc từ DOCX")
    if label.cell[:2] != first.cell[:2] or label.cell_rank != 0 or first.cell_rank != 0:
        return fail("«Nơi nhận:» phải ở cùng hàng bảng và ngang với dòng đầu của khối chữ ký", c.place(label))
    if left is not None and label.container is not None:
        x = label.container[0] + (label.left_indent_mm or 0)
        if abs(x - left) > LEFT_TOL:
            return fail(f"«Nơi nhận:» phải sát lề trái (đang cách {num(x - left)} mm)", c.place(label))
    return ok("«Nơi nhận:» sát lề trái, ngang hàng với dòng đầu khối chữ ký")


def _signature_pictures(c: Ctx):
    cl = c.st.signing
    if not cl.signer:
        return [], cl
    indices = {p.index for p in cl.signer}
    pics = []
    top = cl.signer[0].top_mm
    bottom = cl.signer[-1].bottom_mm
    page = cl.signer[0].page
    for im in c.doc.images:
        if im.para_index is not None and (im.para_index in indices or
                                          (c.doc.paras[im.para_index].region == CLOSING_RIGHT
                                           if im.para_index < len(c.doc.paras) else False)):
            pics.append(im)
        elif im.page is not None and im.page == page and top is not None and bottom is not None \
                and im.bottom is not None and im.bottom > top - 5 and im.top < bottom + 5:
            pics.append(im)
    return pics, cl


def _transparent(c: Ctx, im) -> bool:
    """A PDF keeps no PNG files: a transparent picture is any picture with a soft mask there
    (Word stores a transparent signature as JPEG + mask). A DOCX keeps the file itself."""
    if c.doc.fmt == "pdf":
        return bool(im.has_alpha)
    return bool(im.has_alpha) and im.format in ("png", "gif", "tiff", "webp", None) or bool(im.has_alpha and im.format == "jpeg")


@rule("R34", "§8")
def r34(c: Ctx):
    pics, cl = _signature_pictures(c)
    if not pics:
        return skip("không có hình chữ ký (bản giấy ký tay hoặc chưa ký số)")
    sig = next((p for p in pics if imaging.dominant(p.mean_rgb) == "blue"), None)
    if sig is None:
        seal_only = all(imaging.dominant(p.mean_rgb) == "red" for p in pics)
        if seal_only:
            return skip("chỉ có hình con dấu, không có hình chữ ký")
        return fail("hình chữ ký phải màu xanh", c.place(cl.signer[0]))
    pr = Problems(c)
    if not _transparent(c, sig):
        pr.add(cl.signer[0], "hình chữ ký phải là ảnh PNG nền trong suốt (ảnh này không trong suốt)")
    titles, name = cl.titles, cl.name
    if sig.x0 is not None and titles and name is not None:
        centre = (sig.x0 + sig.x1) / 2
        block = name.center_mm
        if block is not None and abs(centre - block) > 5:
            pr.add(name, f"hình chữ ký lệch tâm khối chữ ký {num(abs(centre - block))} mm")
        if titles[-1].bottom_mm is not None and name.top_mm is not None:
            mid = (sig.top + sig.bottom) / 2
            if not (titles[-1].bottom_mm - 2 <= mid <= name.top_mm + 2):
                pr.add(name, "hình chữ ký phải nằm giữa dòng chức vụ và dòng họ tên")
        return pr.outcome("hình chữ ký PNG trong suốt, màu xanh, giữa dòng chức vụ và họ tên")
    if pr.items:
        return pr.outcome("")
    return skip("hình chữ ký PNG trong suốt, màu xanh; vị trí không đo được trong DOCX")


@rule("R35", "§8")
def r35(c: Ctx):
    pics, cl = _signature_pictures(c)
    seal = next((p for p in pics if imaging.dominant(p.mean_rgb) == "red"), None)
    if seal is None:
        return skip("không có hình con dấu")
    pr = Problems(c)
    if not _transparent(c, seal):
        pr.add(cl.signer[0], "hình con dấu phải là ảnh PNG nền trong suốt (ảnh này không trong suốt)")
    if seal.width_mm is None:
        if pr.items:
            return pr.outcome("")
        return skip("hình dấu PNG trong suốt, màu đỏ; kích thước, vị trí không đo được trong DOCX")
    d = max(seal.width_mm, seal.height_mm)
    want = c.layout.seal_diameter_mm
    if abs(d - want) > 0.05 * want:
        pr.add(cl.signer[0], f"hình con dấu đường kính {num(d)} mm, phải bằng kích thước thật {num(want)} mm (±5%)")
    sig = next((p for p in pics if imaging.dominant(p.mean_rgb) == "blue"), None)
    if sig is not None and sig.x0 is not None:
        overlap = max(0.0, min(seal.x1, sig.x1) - max(seal.x0, sig.x0))
        share = overlap / max(sig.width_mm, 0.1)
        if not ((seal.x0 + seal.x1) / 2 < (sig.x0 + sig.x1) / 2 and 0.2 <= share <= 0.5):
            pr.add(cl.signer[0], f"hình dấu phải trùm khoảng 1/3 hình chữ ký về bên trái (đang {num(share * 100, 0)}%)")
    return pr.outcome("hình con dấu PNG trong suốt, màu đỏ, đúng kích thước, trùm 1/3 chữ ký bên trái")


@rule("R37", "§9")
def r37(c: Ctx):
    return _report(c, label_problems(c.st.signing), "«Nơi nhận:» đậm, nghiêng, 12 pt")


@rule("R38", "§9")
def r38(c: Ctx):
    return _report(c, entries_problems(c.st.signing), "mỗi nơi nhận 11 pt, chữ đứng, bắt đầu «- », kết thúc «;»")


@rule("R39", "§9")
def r39(c: Ctx):
    return _report(c, luu_problems(c.st.signing), "dòng cuối «- Lưu: VT, …» kết thúc bằng dấu chấm")


def _appendix_section(c: Ctx, number: int) -> bool:
    from baocao.check.rules.page import appendix_section

    return number <= len(c.doc.sections) and appendix_section(c, c.doc.sections[number - 1])


def _odd_even_problems(pr: Problems, n, section: int) -> None:
    """With different odd and even pages, both headers must number their pages: an even header
    alone leaves pages 3, 5 … bare, an odd one alone pages 2, 4 …"""
    if section not in n.odd_even_marks:
        return
    odd, even = n.odd_even_marks[section]
    pages = n.page_count
    if not any(m.is_field for m in even) and (pages is None or pages >= 2):
        pr.add(None, f"phần {section}: bật «trang chẵn, lẻ khác nhau» nhưng đầu trang chẵn không có số trang "
                     "(trang 2, 4 … không đánh số)", f"phần {section}")
    if not any(m.is_field for m in odd) and (pages is None or pages >= 3):
        pr.add(None, f"phần {section}: bật «trang chẵn, lẻ khác nhau» nhưng đầu trang lẻ không có số trang "
                     "(trang 3, 5 … không đánh số)", f"phần {section}")


def _pages_before(c: Ctx, number: int) -> int:
    """Pages before a section starts, when only the first section precedes it (estimated)."""
    return (c.doc.numbering.page_count or 0) if number == 2 else -10


@rule("R40", "§10")
def r40(c: Ctx):
    n = c.doc.numbering
    pr = Problems(c)
    centre = n.text_center_mm

    def section_centre(m):
        if m.section is not None and c.doc.fmt == "docx" and m.section <= len(c.doc.sections):
            sec = c.doc.sections[m.section - 1]
            if sec.margin_left_mm is not None and sec.margin_right_mm is not None:
                return (sec.margin_left_mm + sec.width_mm - sec.margin_right_mm) / 2
        return centre

    def mark_problems(m, where: str):
        centre = section_centre(m)
        if m.location != "header":
            pr.add(None, f"{where}: số trang đặt ở chân trang; phải ở giữa phần đầu trang (lề trên)",
                   "chân trang")
            return
        if m.number_format not in (None, "decimal"):
            pr.add(None, f"{where}: số trang phải là số Ả Rập", "đầu trang")
        if m.size is not None and not (13 - 0.1 <= m.size <= 14 + 0.1):
            pr.add(None, f"{where}: số trang cỡ {num(m.size)} pt, phải 13–14 pt", "đầu trang")
        if m.italic:
            pr.add(None, f"{where}: số trang phải là chữ đứng", "đầu trang")
        if m.align not in (None, "center"):
            pr.add(None, f"{where}: số trang phải căn giữa", "đầu trang")
        elif m.center_mm is not None and centre is not None and abs(m.center_mm - centre) > 3.0:
            pr.add(None, f"{where}: số trang lệch giữa {num(abs(m.center_mm - centre))} mm", "đầu trang")

    if c.doc.fmt == "pdf":
        by_page: dict[int, list] = {}
        for m in n.marks:
            by_page.setdefault(m.page, []).append(m)
        if by_page.get(1):
            pr.add(None, f"trang 1 có số trang «{by_page[1][0].text}»; trang đầu không đánh số", "trang 1")
        for page in range(2, (n.page_count or 1) + 1):
            marks = by_page.get(page, [])
            if not marks:
                pr.add(None, f"trang {page} không có số trang ở đầu trang", f"trang {page}")
                continue
            for m in marks:
                if m.location == "header" and m.text != str(page):
                    pr.add(None, f"trang {page} ghi số trang «{m.text}», phải là «{page}»", f"trang {page}")
                mark_problems(m, f"trang {page}")
        pages = n.page_count or 1
        msg = "văn bản một trang, không đánh số trang" if pages == 1 else \
            f"trang 1 không số; trang 2–{pages} có số Ả Rập liên tục, giữa đầu trang, 13–14 pt"
        return pr.outcome(msg)

    # DOCX: PAGE fields of each section's headers and footers
    sections = sorted(set(n.first_page_marks) | set(n.later_marks))
    if not sections:
        return skip("không đọc được phần đầu/chân trang")
    first = n.first_page_marks.get(sections[0], [])
    if first:
        pr.add(None, "trang 1 hiện số trang; phải bật «trang đầu khác» với đầu trang trống", "phần 1")
    any_later = False
    for s in sections:
        later = n.later_marks.get(s, [])
        fields = [m for m in later if m.is_field]
        manual = [m for m in later if not m.is_field]
        if manual and not fields:
            pr.add(None, f"phần {s}: số trang gõ tay «{manual[0].text}»; phải dùng trường PAGE", f"phần {s}")
        for m in later:
            mark_problems(m, f"phần {s}")
            if m.start not in (None, 1) and s == sections[0]:
                pr.add(None, f"phần {s}: số trang bắt đầu từ {m.start}, phải từ 1", f"phần {s}")
            if m.start is not None and s != sections[0] and not _appendix_section(c, s) \
                    and m.start != _pages_before(c, s) + 1:
                pr.add(None, f"phần {s}: đánh số lại từ {m.start}; số trang phải liên tục", f"phần {s}")
        if fields:
            any_later = True
            _odd_even_problems(pr, n, s)
        if s != sections[0] and not any(m.is_field for m in n.first_page_marks.get(s, [])):
            pr.add(None, f"trang đầu của phần {s} không có số trang", f"phần {s}")
    if not any_later:
        pages = n.page_count
        if pages == 1:
            return pr.outcome("văn bản một trang (ước tính theo số dòng), không cần số trang")
        if pages is None:
            if pr.items:
                return pr.outcome("")
            return skip("không có trường số trang; không ước tính được văn bản có quá một trang hay không")
        pr.add(None, "văn bản dài hơn một trang (ước tính theo số dòng) nhưng không có số trang từ trang 2",
               "đầu trang")
    return pr.outcome("trang đầu không số; từ trang 2 có trường PAGE giữa đầu trang, số Ả Rập, 13–14 pt")

