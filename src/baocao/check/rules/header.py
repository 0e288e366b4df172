"""R8–R19: the two-column header, the lines under it, Số/ký hiệu, place and date."""
from __future__ import annotations

import datetime as dt
import re

from baocao.check import text as tx
from baocao.check.model import HEADER_LEFT, HEADER_RIGHT, Para
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
from baocao.check.kinds import ABBREVIATIONS, TYPE_NAMES, title_type

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
QUOC_HIEU_OLD_ACCENT = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"   # the same word, tone mark placed the old way
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@rule("R8", "§3")
def r8(c: Ctx):
    st = c.st
    if st.quoc_hieu is None:
        return fail("không thấy Quốc hiệu trên trang 1")
    pr = Problems(c)
    right = [("Quốc hiệu", st.quoc_hieu), ("Tiêu ngữ", st.tieu_ngu), ("địa danh, ngày tháng", st.place_date)]
    left = [("tên cơ quan", st.agency[0] if st.agency else None), ("số, ký hiệu", st.number)]
    for label, p in right:
        if p is None:
            pr.add(None, f"khối đầu văn bản thiếu {label}")
        elif p.region != HEADER_RIGHT:
            pr.add(p, f"{label} phải ở cột phải của khối đầu văn bản (bảng 2 cột không viền)")
    for label, p in left:
        if p is None:
            pr.add(None, f"khối đầu văn bản thiếu {label}")
        elif p.region != HEADER_LEFT:
            pr.add(p, f"{label} phải ở cột trái của khối đầu văn bản (bảng 2 cột không viền)")
    header_tables = {p.cell[0] for p in st.header_paras if p.cell is not None}
    for t in c.doc.tables:
        if t.number in header_tables and t.has_borders:
            pr.add(st.quoc_hieu, "bảng khối đầu văn bản có đường viền; phải là bảng không viền")
    if c.doc.vertical_lines_in_header:
        pr.add(st.quoc_hieu, "khối đầu văn bản có đường kẻ dọc (bảng có viền); phải không viền")
    for p in c.doc.paras:
        if p.page is not None and p.page > 1 and tx.is_quoc_hieu(p.text):
            pr.add(p, "Quốc hiệu lặp lại ở trang sau; khối đầu chỉ có ở trang 1")
            break
    return pr.outcome("khối đầu 2 cột: trái cơ quan + số; phải Quốc hiệu, Tiêu ngữ, địa danh-ngày")


@rule("R9", "§2, §3")
def r9(c: Ctx):
    p = c.st.quoc_hieu
    if p is None:
        return fail("không thấy Quốc hiệu")
    pr = Problems(c)
    if p.clean not in (QUOC_HIEU, QUOC_HIEU_OLD_ACCENT):
        pr.add(p, f"Quốc hiệu phải đúng là «{QUOC_HIEU}»")
    pr.extend(p, [bold_problem(p, "Quốc hiệu"), italic_problem(p, "Quốc hiệu"),
                  size_problem(p, 12, 13, "Quốc hiệu"),
                  centre_problem(p, [c.st.tieu_ngu], "Quốc hiệu")])
    return pr.outcome("Quốc hiệu đúng chữ, in hoa đậm, 12–13 pt, căn giữa cột phải")


@rule("R10", "§3")
def r10(c: Ctx):
    p, qh = c.st.tieu_ngu, c.st.quoc_hieu
    if p is None:
        return fail("không thấy Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»")
    pr = Problems(c)
    if p.clean != TIEU_NGU:
        hint = ""
        if re.search(r"\S-|-\S", p.clean):
            hint = " (có dấu cách hai bên gạch nối)"
        elif "–" in p.clean or "—" in p.clean:
            hint = " (gạch nối là dấu trừ «-», không phải gạch dài)"
        pr.add(p, f"Tiêu ngữ phải đúng là «{TIEU_NGU}»{hint}")
    pr.extend(p, [bold_problem(p, "Tiêu ngữ"), italic_problem(p, "Tiêu ngữ"),
                  size_problem(p, 13, 14, "Tiêu ngữ")])
    if qh is not None and p.sizes() and qh.sizes() and max(p.sizes()) < max(qh.sizes()) - 0.1:
        pr.add(p, "Tiêu ngữ không được nhỏ hơn cỡ chữ Quốc hiệu")
    if qh is not None and p.center_mm is not None and qh.center_mm is not None \
            and abs(p.center_mm - qh.center_mm) > 2.5:
        pr.add(p, f"Tiêu ngữ không căn giữa dưới Quốc hiệu (lệch {num(abs(p.center_mm - qh.center_mm))} mm)")
    return pr.outcome("Tiêu ngữ đúng chữ, có dấu cách quanh gạch nối, đậm 13–14 pt, giữa dưới Quốc hiệu")


@rule("R11", "§3")
def r11(c: Ctx):
    p = c.st.tieu_ngu
    if p is None:
        return fail("không thấy Tiêu ngữ")
    line = rule_under([p])
    if line is None:
        return fail("không có đường kẻ ngang dưới Tiêu ngữ", c.place(p))
    width = p.longest_line_mm
    if width is None:
        return skip("không đo được bề rộng chữ Tiêu ngữ (thiếu số đo phông Times New Roman)")
    pr = Problems(c)
    if not line.solid:
        pr.add(p, "đường dưới Tiêu ngữ phải là nét liền")
    ratio = line.length_mm / width
    if abs(ratio - 1) > 0.10:
        pr.add(p, f"đường dưới Tiêu ngữ dài {num(line.length_mm)} mm, chữ Tiêu ngữ rộng {num(width)} mm "
                  "(phải bằng, sai lệch ≤ 10%)")
    if line.center_mm is not None and p.center_mm is not None and abs(line.center_mm - p.center_mm) > 2.5:
        pr.add(p, f"đường dưới Tiêu ngữ lệch tâm {num(abs(line.center_mm - p.center_mm))} mm")
    return pr.outcome(f"đường liền dưới Tiêu ngữ dài {num(line.length_mm)} mm, bằng bề rộng chữ {num(width)} mm")


@rule("R12", "§2, §3")
def r12(c: Ctx):
    st = c.st
    if not st.agency:
        return fail("không thấy tên cơ quan ban hành ở cột trái khối đầu")
    pr = Problems(c)
    mates = st.agency + st.parent_agency + [st.number]
    for p in st.agency:
        if not tx.is_upper(p.text):
            pr.add(p, "tên cơ quan ban hành phải viết in hoa")
        pr.extend(p, [bold_problem(p, "tên cơ quan ban hành"), italic_problem(p, "tên cơ quan ban hành"),
                      size_problem(p, 12, 13, "tên cơ quan ban hành"),
                      centre_problem(p, mates, "tên cơ quan ban hành")])
    agency_sizes = {s for p in st.agency for s in p.sizes()}
    for p in st.parent_agency:
        if not tx.is_upper(p.text):
            pr.add(p, "tên cơ quan chủ quản phải viết in hoa")
        pr.extend(p, [bold_problem(p, "tên cơ quan chủ quản", want=False),
                      size_problem(p, 12, 13, "tên cơ quan chủ quản")])
        if agency_sizes and p.sizes() and p.sizes() != agency_sizes:
            pr.add(p, "tên cơ quan chủ quản phải cùng cỡ chữ với tên cơ quan ban hành")
    return pr.outcome("tên cơ quan in hoa, đậm, 12–13 pt, căn giữa cột trái")


@rule("R13", "§3")
def r13(c: Ctx):
    agency = c.st.agency
    if not agency:
        return fail("không thấy tên cơ quan ban hành")
    line = rule_under(agency)
    if line is None:
        return fail("không có đường kẻ ngang dưới tên cơ quan ban hành", c.place(agency[-1]))
    widths = [p.longest_line_mm for p in agency if p.longest_line_mm]
    if not widths:
        return skip("không đo được bề rộng tên cơ quan (thiếu số đo phông Times New Roman)")
    pr = Problems(c)
    centre = next((p.center_mm for p in agency if p.center_mm is not None), None)
    ratio = short_rule_problems(pr, agency[-1], line, max(widths), centre, "tên cơ quan", "bề rộng tên")
    return pr.outcome(f"đường liền dưới tên cơ quan dài {num(ratio * 100, 0)}% bề rộng tên, căn giữa")


SYMBOL = r"[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+"
NUMBER_RE = re.compile(rf"^Số: (\d+)/({SYMBOL})$")
DRAFT_NUMBER_RE = re.compile(rf"^Số: /({SYMBOL})$")      # a draft: the number is left blank
DRAFT_DATE_RE = re.compile(r"^(?P<place>[^,]+), ngày tháng năm (?P<y>\d{4})$")


def number_shape_problems(p: Para, allow_plain_symbol: bool = False) -> list[str]:
    text = p.clean
    out = []
    pattern = NUMBER_RE
    if allow_plain_symbol:
        pattern = re.compile(r"^Số: (\d+)/([A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)$")
    if not pattern.match(text) and not (not allow_plain_symbol and DRAFT_NUMBER_RE.match(text)):
        if re.search(r"/\s*\d{4}\s*/", text):
            out.append(f"«{text}»: văn bản hành chính không ghi năm trong số, ký hiệu")
        elif not text.startswith("Số:"):
            out.append(f"«{text}»: phải bắt đầu bằng «Số:» (chữ S hoa, dấu hai chấm)")
        else:
            out.append(f"«{text}»: phải có dạng «Số: 15/TB-VPCP» (không dấu cách quanh «/» và «-»)")
    return out


@rule("R14", "§4")
def r14(c: Ctx):
    p = c.st.number
    if p is None:
        return fail("không thấy dòng «Số:» ở cột trái khối đầu")
    pr = Problems(c)
    pr.extend(p, number_shape_problems(p))
    pr.extend(p, [size_problem(p, 13, 13, "dòng số, ký hiệu"), italic_problem(p, "dòng số, ký hiệu"),
                  centre_problem(p, c.st.agency, "dòng số, ký hiệu")])
    draft = " (dự thảo: để trống số)" if DRAFT_NUMBER_RE.match(p.clean) else ""
    return pr.outcome(f"«{p.clean}» đúng dạng{draft}, 13 pt, chữ đứng, căn giữa dưới tên cơ quan")


def leading_zero_problem(p: Para) -> str | None:
    m = re.match(r"^Số:\s*(\d+)", p.clean)
    if not m:
        return None
    digits = m.group(1)
    value = int(digits)
    if value == 0:
        return f"«{p.clean}»: số văn bản bắt đầu từ 01"
    if value < 10 and digits != f"0{value}":
        return f"«{p.clean}»: số nhỏ hơn 10 phải có số 0 ở trước (0{value})"
    if value >= 10 and digits.startswith("0"):
        return f"«{p.clean}»: số từ 10 trở lên không có số 0 ở trước"
    return None


@rule("R15", "§4")
def r15(c: Ctx):
    p = c.st.number
    if p is None:
        return fail("không thấy dòng «Số:»")
    if DRAFT_NUMBER_RE.match(p.clean):
        return skip("bản dự thảo: chưa có số văn bản")
    if not re.match(r"^Số:\s*\d+", p.clean):
        return skip("không đọc được số văn bản")
    problem = leading_zero_problem(p)
    if problem:
        return fail(problem, c.place(p))
    return ok("số dưới 10 có số 0 ở trước; việc đánh lại từ 01 mỗi năm cần đối chiếu sổ đăng ký, "
              "không kiểm được từ tệp")


@rule("R16", "§4")
def r16(c: Ctx):
    p = c.st.number
    if p is None:
        return fail("không thấy dòng «Số:»")
    # the year some write into the number ("45/2026/QĐ-SCT") is R14's fault, not the type code's
    m = re.match(r"^Số:\s*\d*\s*/\s*(?:\d{4}\s*/\s*)?([^-\s/]+)", p.clean)
    if not m:
        return skip("không tách được ký hiệu sau dấu «/»")
    abbr = m.group(1)
    info = c.st.info
    if info is not None and info.summary_under_number:
        if abbr in ABBREVIATIONS:
            return fail(f"công văn không có tên loại, nhưng ký hiệu bắt đầu bằng «{abbr}» (chữ viết tắt tên loại)",
                        c.place(p))
        return ok(f"ký hiệu công văn «{abbr}-…»: tên viết tắt cơ quan và đơn vị soạn thảo, không có tên loại")
    if abbr not in ABBREVIATIONS:
        return fail(f"ký hiệu «{abbr}» không có trong bảng chữ viết tắt tên loại văn bản (Phụ lục III)",
                    c.place(p))
    if c.st.doc_type is None:
        return skip(f"ký hiệu «{abbr}» hợp lệ nhưng không thấy tên loại để đối chiếu")
    want = TYPE_NAMES.get(title_type(c.st.doc_type.text) or "")
    if want != abbr:
        return fail(f"ký hiệu «{abbr}» không khớp tên loại «{c.st.doc_type.clean}» (phải là {want})",
                    c.place(p))
    return ok(f"ký hiệu «{abbr}» khớp tên loại «{c.st.doc_type.clean}»")


DATE_RE = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})$")
# a draft leaves the day, or the day and the month, blank: "ngày    tháng 4 năm 2026"
PARTIAL_DATE_RE = re.compile(r"^(?P<place>[^,]+), ngày ?(?P<d>\d{1,2})? tháng ?(?P<m>\d{1,2})? năm (?P<y>\d{4})$")
LOOSE_DATE_RE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})$")


def parse_date(p: Para, fmt: str):
    """The date line's parts; a PDF's spaces are guessed from gaps, so they are not held against it."""
    m = DATE_RE.match(p.clean) or PARTIAL_DATE_RE.match(p.clean)
    if m is None and fmt == "pdf":
        m = LOOSE_DATE_RE.match(p.clean)
    return m


def date_problems(p: Para, fmt: str = "docx") -> list[str]:
    text = p.clean
    m = parse_date(p, fmt)
    if not m:
        return [f"«{text}»: phải có dạng «Hà Nội, ngày 05 tháng 3 năm 2026»"]
    out = []
    place = m.group("place").strip()
    if not place[0].isupper():
        out.append(f"địa danh «{place}» phải viết hoa chữ cái đầu")
    d, mo = m.group("d"), m.group("m")
    if d is not None and not re.fullmatch(r"0[1-9]|[12]\d|3[01]", d):
        out.append(f"«ngày {d}»: ngày dưới 10 viết có số 0 ở trước (ví dụ «ngày 05»)")
    if mo is not None and not re.fullmatch(r"01|02|[3-9]|1[0-2]", mo):
        if mo in ("1", "2"):
            out.append(f"«tháng {mo}»: tháng 1 và tháng 2 viết «01», «02»")
        else:
            out.append(f"«tháng {mo}»: tháng 3 đến 12 viết không có số 0 ở trước")
    if d is not None and mo is None:
        out.append(f"«{text}»: đã có ngày thì phải có tháng")
    return out


def is_draft_date(p: Para, fmt: str) -> bool:
    m = parse_date(p, fmt)
    return m is not None and m.group("d") is None


def same_row(a: Para, b: Para) -> bool | None:
    if a.lines and b.lines:
        return a.lines[0].page == b.lines[0].page and abs(a.lines[0].baseline - b.lines[0].baseline) <= 1.5
    if a.cell is not None and b.cell is not None:
        return a.cell[0] == b.cell[0] and a.cell[1] == b.cell[1] and \
            _nonempty_rank(a) == _nonempty_rank(b)
    return None


def _nonempty_rank(p: Para) -> int | None:
    return p.cell_rank


@rule("R17", "§5")
def r17(c: Ctx):
    p = c.st.place_date
    if p is None:
        return fail("không thấy dòng địa danh, ngày tháng năm ở cột phải khối đầu")
    pr = Problems(c)
    pr.extend(p, date_problems(p, c.doc.fmt))
    pr.extend(p, [italic_problem(p, "dòng địa danh, ngày tháng", want=True),
                  size_problem(p, 13, 14, "dòng địa danh, ngày tháng"),
                  centre_problem(p, [c.st.quoc_hieu, c.st.tieu_ngu], "dòng địa danh, ngày tháng")])
    if c.st.number is not None:
        row = same_row(p, c.st.number)
        if row is False:
            pr.add(p, "dòng địa danh, ngày tháng phải ngang hàng với dòng «Số:»")
    draft = " (dự thảo: phần để trống không kiểm)" if is_draft_date(p, c.doc.fmt) else ""
    return pr.outcome(f"«{p.clean}» đúng dạng{draft}, in nghiêng, 13–14 pt, ngang hàng với dòng «Số:»")


@rule("R18", "§5")
def r18(c: Ctx):
    p = c.st.place_date
    if p is None:
        return fail("không thấy ngày ban hành")
    m = parse_date(p, c.doc.fmt)
    if m is not None and (m.group("d") is None or m.group("m") is None):
        return skip("bản dự thảo: chưa có ngày ban hành")
    if not m:
        return skip("không đọc được ngày tháng năm để kiểm")
    try:
        dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return fail(f"«{p.clean}» không phải là ngày có thật", c.place(p))
    return ok("ngày ban hành là ngày có thật (việc trùng ngày ký cần đối chiếu, không kiểm được từ tệp)")


CENTRAL = ("van phong chinh phu", "thanh tra chinh phu", "ngan hang nha nuoc viet nam", "uy ban dan toc",
           "chinh phu")


def is_central(agency_text: str) -> bool:
    f = tx.fold(agency_text)
    return f.startswith("bo ") or any(f.startswith(n) for n in CENTRAL)


@rule("R19", "§5")
def r19(c: Ctx):
    p = c.st.place_date
    if p is None or not c.st.agency:
        return skip("không thấy tên cơ quan hoặc dòng địa danh")
    m = parse_date(p, c.doc.fmt) or re.match(r"^(?P<place>[^,]+),", p.clean)
    if not m:
        return skip("không tách được địa danh")
    agency = " ".join(a.clean for a in c.st.agency)
    if not is_central(agency):
        return skip("cơ quan địa phương: địa danh theo nơi đóng trụ sở, không kiểm được từ tệp")
    place = m.group("place").strip()
    if place != c.layout.central_place:
        return fail(f"cơ quan trung ương «{agency}» ghi địa danh «{place}», phải là «{c.layout.central_place}»",
                    c.place(p))
    return ok(f"cơ quan trung ương, địa danh «{place}»")

