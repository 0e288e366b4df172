"""A read :class:`Source` → the raw data of a notice (the dict a YAML file would hold), with the
comments that tell the clerk where to look again.

Header, body and closing block are recognised by their own modules; this one puts them
together: the notice's day (for bodies that changed name), the issuing body (from the header,
else from the sentence that gives the notice, else from the number), a draft's year, the
closing as ``thong_bao_den`` when baocao's own sentence prints it back word for word, and the
bodies the notice adds (``co_quan_them``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from baocao.data.model import Registry
from baocao.documents.layout import Layout
from baocao.documents.wording import Templates, Wording
from baocao.importer.casing import Recaser, mostly_upper
from baocao.importer.names import AgencyIndex
from baocao.importer.recognise_body import BodyReader
from baocao.importer.recognise_closing import BLANK, read_closing
from baocao.importer.recognise_header import Issuer, read_header
from baocao.importer.recognise_tasks import TaskReader
from baocao.importer.source import Source
from baocao.vi.deadline_text import find_deadlines

AGENCY_FIELDS = ("ten", "ten_ngan", "ten_khac", "ten_dau", "viet_tat", "loai", "chu_quan", "dia_danh", "don_vi",
                 "tu_ngay", "den_ngay", "thay_boi")
MEETING = re.compile(r"^(?:Chiều |Sáng |Tối |Vào )?[Nn]gày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4}), "
                     r"tại (?P<place>[^,]{2,80}), (?P<chair>[^,.;]{4,120}?) (?:đã )?chủ trì (?P<name>[^.;]{4,400}?)"
                     r"(?:\.\s|\.$|;|$)")
MEETING_DAY = re.compile(r"^(?:Ngày|Chiều ngày|Sáng ngày|Vào ngày)\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


@dataclass
class Imported:
    data: dict
    notes: dict = field(default_factory=dict)
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    tasks: int = 0
    added: list[str] = field(default_factory=list)

    @property
    def to_check(self) -> int:
        return sum(1 for notes in self.notes.values() for n in notes if n.startswith("kiểm tra lại")) \
            + sum(1 for n in self.head if n.startswith("kiểm tra lại")) + (1 if self.tail else 0)


def _meeting_day(source: Source) -> dt.date | None:
    for line in source.body[:3]:
        m = MEETING_DAY.match(line.text)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def _year_from_text(source: Source) -> int | None:
    """A draft without its year: the year of the latest date the text names as a day."""
    years = [f.deadline.year for line in source.body for f in find_deadlines(line.text)
             if f.deadline.kind in ("ngay", "truoc_ngay") and not f.firm]
    if not years:
        years = [int(y) for line in source.body for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line.text)]
    return max(years) if years else None


def recognise(source: Source, registry: Registry, layout: Layout, templates: Templates) -> Imported:
    header = read_header(source.header)
    notes: dict[tuple, list[str]] = {}
    meeting = _meeting_day(source)
    day = header.day or meeting
    corpus = "\n".join(line.text for line in [*source.summary, *source.body])
    index = AgencyIndex(registry, day)
    issuer_finder = Issuer(index, layout, corpus)
    if header.agency_lines:
        issuer, parent = issuer_finder.find(header.agency_lines, header.symbol, header.place)
    else:
        issuer, parent = _issuer_from_text(source, index, header.symbol) or (issuer_finder.find([], None, None)[0], None)
        notes.setdefault(("van_ban", "co_quan"), []).append(
            "kiểm tra lại: văn bản gốc không có phần đầu; cơ quan ban hành suy ra từ câu chữ")
    agency = index.agencies[issuer]

    document: dict = {"co_quan": issuer}
    if parent is not None and parent != agency.parent:
        document["co_quan_chu_quan"] = parent
    document["loai"] = "TB"
    if header.number:
        document["so"] = header.number
    if header.symbol and header.symbol != f"TB-{agency.abbr}":
        document["ky_hieu"] = header.symbol
    elif not header.symbol and not agency.abbr:
        document["ky_hieu"] = "TB-" + re.sub(r"[^A-ZĐ]", "", "".join(w[0] for w in agency.name.split()).upper())
        notes.setdefault(("van_ban", "ky_hieu"), []).append("kiểm tra lại: ký hiệu không có trong văn bản gốc")
    if header.day:
        document["ngay"] = header.day.isoformat()
    else:
        year = header.year or (meeting.year if meeting else None) or _year_from_text(source)
        if year is None:
            from baocao.importer.errors import UnreadableSource
            raise UnreadableSource(source.path, "không tìm thấy năm của văn bản (ngày tháng năm ban hành để trống "
                                                "và câu chữ không ghi năm nào)")
        document["nam"] = year
        if header.month:
            document["thang"] = header.month
        if not header.year:
            notes.setdefault(("van_ban", "nam"), []).append(
                f"kiểm tra lại: văn bản gốc để trống năm ban hành; năm {year} suy ra từ câu chữ")
    place = header.place
    if place and place != (agency.place or layout.central_place):
        document["dia_danh"] = place
    for key, value in (("do_khan", header.urgency), ("do_mat", header.secrecy),
                       ("pham_vi_luu_hanh", header.circulation)):
        if value:
            document[key] = value
    notes.setdefault(("van_ban",), []).extend(header.notes)
    notes[("van_ban",)] += issuer_finder.notes

    recaser = Recaser(corpus)
    summary = " ".join(line.text for line in source.summary)
    document["trich_yeu"] = recaser.recase(summary) if summary else BLANK
    if not summary:
        notes.setdefault(("van_ban", "trich_yeu"), []).append("kiểm tra lại: văn bản gốc không có trích yếu")
    elif mostly_upper(summary):
        notes.setdefault(("van_ban", "trich_yeu"), []).append(
            "trích yếu in hoa trong văn bản gốc; chữ hoa, chữ thường lấy theo cách viết trong nội dung")

    reader = BodyReader(TaskReader(index), recaser)
    body = reader.read(source.body)
    notes.update({k: v for k, v in body.notes.items()})
    audience = _audience(body.closing, agency.name, templates)
    if audience:
        document["thong_bao_den"] = audience
    data: dict = {"van_ban": document}
    meeting_data = _meeting(body.opening)
    if meeting_data:
        data["cuoc_hop"] = meeting_data
        notes[("cuoc_hop",)] = ["cuộc họp đọc từ đoạn mở đầu: dữ liệu cho báo cáo tóm tắt; đoạn mở đầu vẫn in "
                                "nguyên văn (mo_dau)"]
    if body.opening:
        data["mo_dau"] = body.opening if len(body.opening) > 1 else body.opening[0]
    data["noi_dung"] = body.content
    if body.closing and not audience:
        data["ket_thuc"] = body.closing if len(body.closing) > 1 else body.closing[0]

    closing = read_closing(source.recipients, source.signer, index, agency.units)
    data["nguoi_ky"] = closing.signer
    data["noi_nhan"] = closing.recipients
    data["luu"] = closing.archive
    for key, lines in closing.notes.items():
        notes.setdefault((key,), []).extend(lines)

    added = [k for k in index.added]
    if added:
        data["co_quan_them"] = {k: _agency_fields(index.agencies[k]) for k in added}
        notes.setdefault(("co_quan_them",), []).append(
            "cơ quan không có trong danh mục (hoặc ghi ở phần đầu khác danh mục), thêm cho văn bản này; "
            "khóa tự sinh từ tên")
    tail = []
    after = [*closing.after, *source.after]
    if after:
        tail = ["kiểm tra lại: phần sau khối chữ ký (phụ lục …) không có chỗ trong định dạng thông báo;",
                "giữ nguyên văn dưới đây để không mất chữ nào:", ""] + after
    head = [f"Nhập từ {source.path} bằng «baocao import».",
            "Câu chữ giữ nguyên như văn bản gốc (cach_giao: nguyen-van); cơ quan chủ trì, phối hợp, thời hạn",
            "đọc từ câu chữ. Tìm «kiểm tra lại» để xem những chỗ cần người đối chiếu."]
    head += [n if n.startswith("kiểm tra lại") else f"Lưu ý: {n}" for n in source.notes]
    return Imported(data=data, notes={k: v for k, v in notes.items() if v}, head=head, tail=tail,
                    tasks=body.tasks, added=added)


def _meeting(opening: list[str]) -> dict | None:
    """Date, place, chair and name of the meeting an opening reports ("Ngày 07 tháng 10 năm 2024, tại
    trụ sở Chính phủ, Phó Thủ tướng … chủ trì cuộc họp về …")."""
    m = MEETING.match(opening[0]) if opening else None
    if m is None:
        return None
    try:
        day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return {"ngay": day.isoformat(), "dia_diem": m.group("place").strip(), "chu_tri": m.group("chair").strip(),
            "ten": m.group("name").strip()}


def _issuer_from_text(source: Source, index: AgencyIndex, symbol: str | None) -> tuple[str, None] | None:
    """No header: the body that gives the notice ("Văn phòng Chính phủ thông báo …"), or the one
    whose abbreviation the number carries."""
    for line in reversed(source.body[-3:]):
        m = re.search(r"(?:^|[.;]\s+)(?:Vậy\s+)?", line.text)
        known = index.known_at(line.text, m.end() if m else 0)
        if known is not None and re.match(r"\s+(?:xin\s+)?(?:trân trọng\s+)?thông báo", line.text[known.end:]):
            return known.key, None
    if symbol and "-" in symbol:
        abbr = symbol.split("-", 1)[1]
        keys = [k for k, a in index.agencies.items() if a.abbr == abbr]
        if len(keys) == 1:
            return keys[0], None
    return None


def _audience(closing: list[str], agency_name: str, templates: Templates) -> str | None:
    """X of "<issuer> thông báo để X biết, thực hiện./." when baocao's sentence prints the same."""
    if len(closing) != 1:
        return None
    m = re.match(re.escape(agency_name) + r" thông báo để (?P<x>.+) biết, thực hiện\./\.$", closing[0])
    if not m:
        return None
    return m.group("x") if Wording(templates).closing(agency_name, m.group("x")) == closing[0] else None


def _agency_fields(agency) -> dict:
    raw = agency.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    return {k: raw[k] for k in AGENCY_FIELDS if raw.get(k) not in (None, [], {})}
