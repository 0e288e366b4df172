"""Checks that need more than one field: agency keys against the registry (and whether each body
existed on the notice's date), dates against the meeting, the shape of the body (điểm count,
nesting, {thoi_han} marks), the Lưu units, the signature and seal images."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from baocao.data.load import LoadedDocument, format_path
from baocao.data.messages import did_you_mean
from baocao.data.model import (
    MAX_ITEMS,
    PLACEHOLDER,
    Archive,
    Item,
    Notice,
    RecipientAgency,
    RecipientGroup,
    Registry,
)
from baocao.data.tree import walk
from baocao.data.validate.tasks import contexts
from baocao.data.validate.verbatim import check_verbatim
from baocao.errors import Problem
from baocao.render.images import image_problem
from baocao.vi.numbering import DIEM_LETTERS
from baocao.vi.numbers import format_number

Report = Callable[..., None]


def iter_items(notice: Notice) -> Iterator[tuple[tuple, Item, int]]:
    """Every item (khoản, điểm, "- ", "+ ", ý at any depth) with its data path and depth
    (0 = directly under the body or a phần)."""
    for visit in walk(notice):
        if visit.item is not None:
            yield visit.path, visit.item, sum(1 for p in visit.parents if isinstance(p, Item))


def _reporter(doc: LoadedDocument, problems: list[Problem]) -> Report:
    def report(path: tuple, message: str, warning: bool = False) -> None:
        line, column = doc.mark(path) or (None, None)
        problems.append(Problem(str(doc.path), line, column, format_path(path), message, warning))
    return report


def notice_day(notice: Notice) -> dt.date | None:
    """The day the notice speaks for: its issue date, else the meeting's; None for a draft."""
    if notice.document is not None and notice.document.date is not None:
        return notice.document.date
    meeting = getattr(notice, "meeting", None)
    return meeting.date if meeting is not None else None


def _existence(agency, day: dt.date, registry: Registry) -> str | None:
    if agency.exists_on(day):
        return None
    when = day.strftime("%d/%m/%Y")
    if agency.valid_from is not None and day < agency.valid_from:
        return f"'{agency.name}' chưa có vào ngày {when} (có từ ngày {agency.valid_from:%d/%m/%Y})"
    after = ", ".join(registry.agencies[k].name for k in agency.successors if k in registry.agencies)
    return (f"'{agency.name}' không còn vào ngày {when} (đến hết ngày {agency.valid_to:%d/%m/%Y}"
            + (f"; nay là {after})" if after else ")"))


def check_agency_keys(notice: Notice, registry: Registry, report: Report) -> None:
    known = registry.agencies
    day = notice_day(notice)

    def check(path: tuple, key: str | None) -> None:
        if key is None:
            return
        if key not in known:
            report(path, f"khóa cơ quan '{key}' không có trong danh mục co-quan.yaml"
                         f"{did_you_mean(key, known)}; thêm vào danh mục hoặc vào 'co_quan_them'")
        elif day is not None and (gone := _existence(known[key], day, registry)):
            report(path, f"{gone}: kiểm tra lại tên cơ quan hoặc ngày của văn bản", True)

    if notice.document is not None:
        check(("van_ban", "co_quan"), notice.document.agency)
        check(("van_ban", "co_quan_chu_quan"), notice.document.parent_agency)
    for path, item, _depth in iter_items(notice):
        check((*path, "chu_tri"), item.lead)
        for i, key in enumerate(item.co_leads):
            check((*path, "dong_chu_tri", i), key)
        for i, key in enumerate(item.coordinators):
            check((*path, "phoi_hop", i), key)
        check((*path, "bao_cao"), item.report_to)
    for i, recipient in enumerate(notice.recipients or ()):
        if isinstance(recipient, RecipientAgency):
            check(("noi_nhan", i, "co_quan"), recipient.agency)
        elif isinstance(recipient, RecipientGroup):
            for j, member in enumerate(recipient.members):
                if member.startswith("@"):
                    check(("noi_nhan", i, "gom", j), member[1:])
    for key, agency in (notice.agencies or {}).items():
        check(("co_quan_them", key, "chu_quan"), agency.parent)


def check_structure(notice: Notice, report: Report) -> None:
    for count, visit in enumerate(walk(notice), start=1):
        node, path = visit.node, visit.path
        if count > MAX_ITEMS:
            report(path, f"nội dung có hơn {format_number(MAX_ITEMS)} mục (phần, khoản, điểm, ý, đoạn…), "
                         "quá giới hạn một thông báo dựng được trong thời gian hợp lý; hãy tách thành nhiều văn bản")
            break
        points = getattr(node, "points", ())
        if len(points) > len(DIEM_LETTERS):
            report((*path, "diem", len(DIEM_LETTERS)),
                   f"một khoản có tối đa {len(DIEM_LETTERS)} điểm (a đến y), khoản này có "
                   f"{len(points)} điểm; hãy tách thành khoản mới")
        if points and visit.kind != "khoan":
            report((*path, "diem"), "'diem' chỉ dùng trong khoản; trong điểm hãy dùng 'y' hoặc 'gach'")
        if getattr(node, "sub_points", None) and visit.kind == "y":
            report((*path, "y"), "một ý không chứa các ý con")
        for key, attr in (("gach", "dashes"), ("cong", "pluses")):
            if getattr(node, attr) and visit.kind == "y":
                report((*path, key), f"một ý (i), (ii) … nằm trong đoạn văn nên không chứa '{key}'")
            elif getattr(node, attr) and visit.kind == key:
                report((*path, key), f"'{key}' không đặt trong chính nó"
                                     + ("; dưới một ý '- ' dùng 'cong' cho các ý '+ '" if key == "gach" else ""))
        if visit.kind == "phan" or visit.item is None:
            texts = ((node.title,) if node.title else ()) + node.text + node.tail
            if any(PLACEHOLDER.search(text) for text in texts):
                report(path, "{thoi_han} chỉ dùng trong một mục có 'thoi_han'")
    body = getattr(notice, "body", None)
    if body is not None and any(PLACEHOLDER.search(t) for t in body.text + body.tail):
        report(("noi_dung",), "{thoi_han} chỉ dùng trong một mục có 'thoi_han'")


def check_stray_marks(data: Any, report: Report, path: tuple = ()) -> None:
    """{thoi_han} outside the body fills nothing: refused where it would be printed as is."""
    if isinstance(data, dict):
        for key, value in data.items():
            if path or key != "noi_dung":
                check_stray_marks(value, report, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            check_stray_marks(value, report, (*path, i))
    elif isinstance(data, str) and PLACEHOLDER.search(data):
        report(path, "{thoi_han} chỉ dùng trong 'van_ban', 'tieu_de' hoặc 'sau' của một mục có 'thoi_han'")


def check_marks(notice: Notice, report: Report) -> None:
    """{thoi_han} marks: never in text written out in full; one per deadline where several."""
    for visit, ctx in contexts(notice):
        item = visit.item
        if item is None:
            continue
        marked = any(PLACEHOLDER.search(text) for text in item.texts())
        if ctx.verbatim and marked:
            report(visit.path, f"cách giao '{ctx.lead_style}' ghi câu chữ như văn bản gốc: không dùng "
                               "{thoi_han}, hãy ghi thời hạn bằng chữ (vd: trong Quý I/2026)")
        elif not ctx.verbatim and not marked and len(item.deadlines) > 1:
            report((*visit.path, "thoi_han"), "có nhiều thời hạn: đánh dấu chỗ ghi từng thời hạn bằng "
                                              "{thoi_han:1}, {thoi_han:2} …")


def check_dates(notice: Notice, report: Report) -> None:
    if notice.meeting is None:
        return
    meeting = notice.meeting.date
    issued = notice.document.date if notice.document is not None else None
    if issued is not None and issued < meeting:
        report(("van_ban", "ngay"), f"ngày ban hành {issued.isoformat()} trước ngày họp {meeting.isoformat()}")
    for path, item, _depth in iter_items(notice):
        for i, deadline in enumerate(item.deadlines):
            last = deadline.last_day()
            if last is not None and last < meeting:
                report((*path, "thoi_han", i),
                       f"thời hạn '{deadline.compact()}' đã qua trước ngày họp {meeting.isoformat()}")


def check_issuer(notice: Notice, registry: Registry, report: Report) -> None:
    if notice.document is None:
        return
    agency = registry.agencies.get(notice.document.agency)
    if agency is None:
        return
    if notice.document.symbol is None and not agency.abbr:
        report(("van_ban", "co_quan"), f"cơ quan '{notice.document.agency}' chưa có 'viet_tat' trong "
                                       "danh mục: thêm 'viet_tat' hoặc ghi 'ky_hieu' (vd: TB-VPCP)")
    units = notice.archive.units if isinstance(notice.archive, Archive) else ()
    for i, unit in enumerate(units):
        if unit == "VT":
            report(("luu", "don_vi", i), "không ghi 'VT': dòng Lưu luôn bắt đầu bằng VT")
        elif agency.units and unit not in agency.units:
            report(("luu", "don_vi", i), f"đơn vị '{unit}' không có trong 'don_vi' của cơ quan "
                                         f"'{notice.document.agency}'{did_you_mean(unit, agency.units)}")


def check_images(notice: Notice, base_dir: Path, report: Report) -> None:
    """Signature and seal pictures: a relative path inside the data file's folder (no absolute
    path, no "..", no symbolic link leading out: a pull request must not embed a picture from the
    builder's machine), a PNG both renderers can embed."""
    if notice.signer is None:
        return
    for key, value in (("chu_ky", notice.signer.signature), ("dau", notice.signer.seal)):
        if not value:
            continue
        problem = image_path_problem(value, base_dir)
        if problem is None:
            problem = image_problem(base_dir / value)
            if problem and "không tồn tại" in problem:
                problem = f"không tìm thấy tệp ảnh '{value}' (đường dẫn tính từ thư mục chứa tệp dữ liệu)"
            elif problem:
                problem = f"tệp '{value}': {problem}"
        if problem:
            report(("nguoi_ky", key), problem)


def image_path_problem(value: str, base_dir: Path) -> str | None:
    """Why *value* may not name a picture of the notice in *base_dir*, or None."""
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).anchor or value.startswith("~"):
        return (f"đường dẫn ảnh '{value}' phải là đường dẫn tương đối, tính từ thư mục chứa tệp dữ liệu "
                "(vd: anh/chu-ky.png)")
    folder = base_dir.resolve()
    try:
        target = (base_dir / value).resolve()
    except (OSError, RuntimeError):       # a loop of symbolic links
        return f"đường dẫn ảnh '{value}' có liên kết tượng trưng vòng quanh"
    if not target.is_relative_to(folder):
        return (f"ảnh '{value}' nằm ngoài thư mục chứa tệp dữ liệu ({folder}); hãy chép ảnh vào thư mục "
                "đó (không dùng '..' hay liên kết tượng trưng ra ngoài)")
    return None


def check_extra_agencies(notice: Notice, base: Registry, report: Report) -> None:
    for key in notice.agencies or {}:
        if key in base.agencies:
            report(("co_quan_them", key), f"khóa '{key}' đã có trong danh mục chung; văn bản này "
                                          "dùng định nghĩa trong 'co_quan_them'", True)


def cross_check(notice: Notice | Any, doc: LoadedDocument, base: Registry, registry: Registry) -> list[Problem]:
    """All cross-field problems of *notice* (*registry* = *base* plus ``co_quan_them``).

    *notice* may also be a namespace holding only the top-level parts that validated (the others
    None), so that these checks still run when another part of the file is wrong."""
    problems: list[Problem] = []
    report = _reporter(doc, problems)
    check_agency_keys(notice, registry, report)
    check_structure(notice, report)
    check_marks(notice, report)
    check_stray_marks(doc.data, report)
    check_verbatim(notice, registry, report)
    check_dates(notice, report)
    check_issuer(notice, registry, report)
    check_images(notice, doc.path.parent, report)
    check_extra_agencies(notice, base, report)
    return problems


def check_registry(registry: Registry, doc: LoadedDocument) -> list[Problem]:
    """Parent agencies (chu_quan) of a registry must be in the same registry."""
    problems: list[Problem] = []
    report = _reporter(doc, problems)
    known = registry.agencies
    for key, agency in known.items():
        if agency.parent is not None and agency.parent not in known:
            report(("co_quan", key, "chu_quan"),
                   f"cơ quan chủ quản '{agency.parent}' không có trong danh mục{did_you_mean(agency.parent, known)}")
        if agency.parent == key:
            report(("co_quan", key, "chu_quan"), "một cơ quan không thể là chủ quản của chính nó")
    return problems
