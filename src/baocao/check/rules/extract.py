"""R41–R43: the TRÍCH SAO block of an extract."""
from __future__ import annotations

import re

from baocao.check import text as tx
from baocao.check.rules.base import (
    Ctx,
    Problems,
    bold_problem,
    fail,
    italic_problem,
    ok,
    rule,
    size_problem,
    skip,
)
from baocao.check.rules.header import date_problems, leading_zero_problem
from baocao.check.rules.sigbox import box_problems
from baocao.check.rules.sign import (
    entries_problems,
    label_problems,
    luu_problems,
    name_problems,
    signer_problems,
)

NOT_EXTRACT = "không áp dụng: không phải bản trích sao"
COPY_NUMBER = re.compile(r"^Số: (\d+)/TrS(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*$")
DRAFT_COPY_NUMBER = re.compile(r"^Số: ?/TrS(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*$")    # the number left for the văn thư


@rule("R41", "§13")
def r41(c: Ctx):
    if c.kind != "trich-sao":
        return skip(NOT_EXTRACT)
    cb = c.st.copy
    if cb is None:
        return fail("không thấy khối «TRÍCH SAO»")
    if cb.line is None:
        if cb.near_lines:
            return fail("đường kẻ trước khối «TRÍCH SAO» không dài hết chiều rộng vùng chữ", c.place(cb.heading))
        return fail("thiếu đường kẻ liền hết chiều rộng vùng chữ giữa phần trích và khối «TRÍCH SAO»",
                    c.place(cb.heading))
    if not cb.line.solid:
        return fail("đường kẻ trước khối «TRÍCH SAO» phải là nét liền", c.place(cb.heading))
    # same sheet: a page break in a DOCX, the measured pages in a PDF
    if cb.heading.page_break_before or any(p.page_break_before for p in cb.paras):
        return fail("khối «TRÍCH SAO» phải ở cùng trang với phần cuối nội dung được trích", c.place(cb.heading))
    if cb.before is not None and cb.before.lines and cb.heading.lines:
        pages = {ln.page for p in cb.paras for ln in p.lines} | {cb.heading.lines[0].page}
        if len(pages) > 1 or cb.before.lines[-1].page not in pages:
            return fail("khối «TRÍCH SAO» phải ở cùng trang với phần cuối nội dung được trích",
                        c.place(cb.heading))
    return ok("đường liền hết vùng chữ, khối «TRÍCH SAO» ngay sau phần trích, cùng trang")


@rule("R42", "§13")
def r42(c: Ctx):
    if c.kind != "trich-sao":
        return skip(NOT_EXTRACT)
    cb = c.st.copy
    if cb is None:
        return fail("không thấy khối «TRÍCH SAO»")
    pr = Problems(c)
    h = cb.heading
    if h.clean != "TRÍCH SAO":
        pr.add(h, f"«{h.clean}»: phải ghi «TRÍCH SAO» in hoa")
    pr.extend(h, [bold_problem(h, "«TRÍCH SAO»"), italic_problem(h, "«TRÍCH SAO»"),
                  size_problem(h, 13, 14, "«TRÍCH SAO»")])
    if not cb.agency:
        pr.add(h, "khối trích sao thiếu tên cơ quan trích sao (in hoa, ở cột trái, trên «Số:»)")
    for p in cb.agency:
        pr.extend(p, [size_problem(p, 12, 13, "tên cơ quan trích sao")])
    if cb.agency and not cb.agency[-1].all_bold():
        pr.add(cb.agency[-1], "tên cơ quan trích sao phải in đậm")
    if cb.number is None:
        pr.add(h, "khối trích sao thiếu «Số: …/TrS»")
    elif not tx.is_draft_number(cb.number.text):
        if not COPY_NUMBER.match(cb.number.clean):
            pr.add(cb.number, f"«{cb.number.clean}»: số bản trích sao phải có dạng «Số: 05/TrS» hoặc «Số: 05/TrS-VPCP»")
        z = leading_zero_problem(cb.number)
        if z:
            pr.add(cb.number, z)
    elif not DRAFT_COPY_NUMBER.match(cb.number.clean):
        pr.add(cb.number, f"«{cb.number.clean}»: ký hiệu bản trích sao phải là «TrS»")
    if cb.place_date is None:
        pr.add(h, "khối trích sao thiếu địa danh, ngày tháng năm")
    else:
        pr.extend(cb.place_date, date_problems(cb.place_date))
        pr.extend(cb.place_date, [italic_problem(cb.place_date, "ngày trích sao", want=True),
                                  size_problem(cb.place_date, 13, 14, "ngày trích sao")])
    for group in (signer_problems(c, cb.closing), name_problems(cb.closing), label_problems(cb.closing),
                  entries_problems(cb.closing), luu_problems(cb.closing)):
        for para, message in group:
            pr.add(para or h, f"khối trích sao: {message}")
    return pr.outcome("khối «TRÍCH SAO» đủ: tên cơ quan, «Số: NN/TrS», ngày, chữ ký, nơi nhận")


@rule("R43", "§13")
def r43(c: Ctx):
    if c.kind != "trich-sao":
        return skip(NOT_EXTRACT)
    box = c.st.sig_box
    if not box:
        return skip("không có ô thông tin chữ ký số ở góc phải trang 1 (chỉ bắt buộc với bản trích sao điện tử)")
    pr = Problems(c)
    text = " ".join(p.clean for p in box)
    if "TRÍCH SAO" not in text.upper():
        pr.add(box[0], "ô thông tin chữ ký số phải ghi hình thức «TRÍCH SAO»")
    cb = c.st.copy
    agency = tx.fold(" ".join(p.clean for p in cb.agency)) if cb is not None and cb.agency else None
    if agency:
        # the box names the agency of the copy block, in capitals or not, its chủ quản line or not
        names = {agency, tx.fold(cb.agency[-1].clean)} if len(cb.agency) > 1 else {agency}
        if not any(name in tx.fold(text) for name in names):
            pr.add(box[0], f"ô thông tin chữ ký số phải ghi tên cơ quan trích sao «{cb.agency[-1].clean}»")
    elif not any(tx.is_upper(p.text) and len(tx.letters(p.text)) > 4 for p in box) and \
            not re.search(r"[A-ZĐ]{2,}(?: [A-ZĐ]{2,})+", text):
        pr.add(box[0], "ô thông tin chữ ký số phải ghi tên cơ quan trích sao")
    for para, message in box_problems(c, box):
        pr.add(para, message)
    return pr.outcome("ô thông tin chữ ký số của bản trích sao điện tử đúng quy định")
