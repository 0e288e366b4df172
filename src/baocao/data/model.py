"""The typed, frozen model of one notice and of the agency registry.

Field names are English; the YAML keys (aliases) are Vietnamese without diacritics, lower case,
snake_case. Values arrive as strings from the loader (no YAML 1.1 typing) and are typed here.
Cross-references (agency keys, deadlines against the meeting date, the "6 rõ" check) are
checked in :mod:`baocao.data.validate`, which knows the registry.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from baocao.vi.deadlines import Deadline

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
AgencyKey = Annotated[str, Field(pattern=KEY_PATTERN, description="khóa cơ quan trong danh mục (vd: bo-cong-thuong)")]

AUTHORITIES = ("TM", "KT", "TL", "TUQ", "Q")
URGENCY_TEXT = {"khan": "KHẨN", "thuong-khan": "THƯỢNG KHẨN", "hoa-toc": "HỎA TỐC"}
SECRECY_TEXT = {"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}
PLACEHOLDER = re.compile(r"\{thoi_han(?::(\d+))?\}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _digits(value: Any) -> Any:
    """Document numbers and counts: plain digits only, so "012" or "1e3" never sneak through."""
    if value is None or isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"0\d+", text):
        raise ValueError(f"số không viết số 0 ở đầu: viết {text.lstrip('0') or '0'}, không viết {text}")
    if not re.fullmatch(r"\d{1,6}", text):
        raise ValueError(f"cần một số nguyên dương viết bằng chữ số, nhận được {text!r}")
    return int(text)


def _iso_date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD only: no timestamps, no "16/01/2026", no impossible days."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"ngày viết dạng YYYY-MM-DD (vd: 2026-01-16), nhận được {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"ngày không có thật: {text}") from None


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _deadline(value: Any) -> Any:
    if isinstance(value, Deadline):
        return value
    if not isinstance(value, str):
        raise ValueError("thời hạn viết dạng 2026-02-05, truoc 2026-02-05, 2026-06, 2026-Q1, 2026-H1, 2026 hoặc thuong-xuyen")
    return Deadline.parse(value)


PositiveNumber = Annotated[int, BeforeValidator(_digits), Field(ge=1)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
DeadlineField = Annotated[Deadline, BeforeValidator(_deadline), Field(json_schema_extra={"type": "string"})]


# --- agency registry -------------------------------------------------------------------------

class Agency(Strict):
    name: str = Field(alias="ten", min_length=2, description="tên đầy đủ, viết hoa theo quy tắc thông thường")
    short: str | None = Field(None, alias="ten_ngan", description="tên rút gọn dùng trong danh sách (vd: Ngoại giao)")
    abbr: str | None = Field(None, alias="viet_tat", description="chữ viết tắt dùng trong ký hiệu văn bản (vd: VPCP)")
    kind: Literal["bo", "co-quan-ngang-bo", "co-quan-thuoc-cp", "chinh-phu", "tinh", "thanh-pho",
                  "ubnd", "don-vi", "hiep-hoi", "doanh-nghiep", "nhom", "ca-nhan", "khac"] = Field(alias="loai")
    parent: AgencyKey | None = Field(None, alias="chu_quan", description="cơ quan chủ quản trực tiếp, nếu có")
    place: str | None = Field(None, alias="dia_danh", description="địa danh ghi trên văn bản")
    units: dict[str, str] = Field(default_factory=dict, alias="don_vi",
                                  description="các đơn vị nội bộ: chữ viết tắt → tên (dùng ở dòng Lưu)")

    @property
    def display_short(self) -> str:
        return self.short or self.name


class Registry(Strict):
    agencies: dict[Annotated[str, Field(pattern=KEY_PATTERN)], Agency] = Field(alias="co_quan")


# --- the notice ------------------------------------------------------------------------------

class DocumentInfo(Strict):
    agency: AgencyKey = Field(alias="co_quan", description="cơ quan ban hành")
    parent_agency: AgencyKey | None = Field(None, alias="co_quan_chu_quan",
                                            description="ghi đè cơ quan chủ quản trong danh mục")
    doc_type: Literal["TB"] = Field("TB", alias="loai", description="tên loại (TB = Thông báo)")
    number: PositiveNumber | None = Field(None, alias="so", description="số văn bản; bỏ trống khi là dự thảo")
    symbol: str | None = Field(None, alias="ky_hieu", pattern=r"^[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$",
                               description="ký hiệu, mặc định TB-<viết tắt cơ quan>")
    date: IsoDate | None = Field(None, alias="ngay", description="ngày ban hành (YYYY-MM-DD); bỏ trống khi là dự thảo")
    year: Annotated[int, BeforeValidator(_digits), Field(ge=1900, le=2100)] | None = Field(
        None, alias="nam", description="năm của dự thảo chưa có ngày")
    place: str | None = Field(None, alias="dia_danh", description="mặc định lấy theo cơ quan")
    urgency: Literal["khan", "thuong-khan", "hoa-toc"] | None = Field(None, alias="do_khan")
    secrecy: Literal["mat", "toi-mat", "tuyet-mat"] | None = Field(None, alias="do_mat")
    circulation: str | None = Field(None, alias="pham_vi_luu_hanh", description="vd: LƯU HÀNH NỘI BỘ")
    summary: str | None = Field(None, alias="trich_yeu", description="trích yếu; mặc định sinh từ cuộc họp")
    audience: str = Field(alias="thong_bao_den", description="đối tượng trong câu kết: '… thông báo để {…} biết, thực hiện./.'")

    @model_validator(mode="after")
    def _draft_needs_year(self) -> "DocumentInfo":
        if self.date is None and self.year is None:
            raise ValueError("dự thảo chưa có 'ngay' thì phải có 'nam'")
        return self

    @property
    def issue_year(self) -> int:
        return self.date.year if self.date else self.year  # type: ignore[return-value]


class Attendance(Strict):
    in_person: str = Field(alias="truc_tiep")
    online: str | None = Field(None, alias="truc_tuyen")


class Meeting(Strict):
    date: IsoDate = Field(alias="ngay", description="ngày họp (YYYY-MM-DD)")
    place: str = Field(alias="dia_diem", description="vd: Trụ sở Chính phủ")
    chair: str = Field(alias="chu_tri", description="người chủ trì, kèm chức vụ")
    name: str = Field(alias="ten", description="tên cuộc họp/hội nghị, bắt đầu bằng chữ hoa")
    short_name: str = Field("cuộc họp", alias="ten_ngan", description="vd: Hội nghị, cuộc họp, buổi làm việc")
    attendance: Attendance = Field(alias="thanh_phan")
    heard: str = Field(alias="nghe", description="'Sau khi nghe {…}, …'")
    concluder: str | None = Field(None, alias="ket_luan", description="người kết luận; mặc định là người chủ trì")

    @property
    def concluded_by(self) -> str:
        return self.concluder or self.chair


class Item(Strict):
    """A khoản, điểm or sub-point: prose, or an assignment when it (or a parent) names a lead."""

    title: str | None = Field(None, alias="tieu_de", description="tiêu đề in đậm sau số thứ tự")
    text: str | None = Field(None, alias="van_ban", description="nội dung; {thoi_han} đánh dấu chỗ ghi thời hạn")
    lead: AgencyKey | None = Field(None, alias="chu_tri", description="cơ quan chủ trì")
    lead_style: Literal["chu-tri", "ten"] = Field(
        "chu-tri", alias="cach_giao", description="chu-tri: 'X chủ trì, phối hợp với Y …'; ten: 'X: …'")
    coordinators: Annotated[list[AgencyKey], BeforeValidator(_as_list)] = Field(
        default_factory=list, alias="phoi_hop", description="cơ quan phối hợp")
    coordinators_extra: str | None = Field(None, alias="phoi_hop_them", description="vd: các cơ quan liên quan")
    deadlines: Annotated[list[DeadlineField], BeforeValidator(_as_list)] = Field(
        default_factory=list, alias="thoi_han", description="một hoặc nhiều thời hạn")
    product: str | None = Field(None, alias="san_pham", description="sản phẩm phải có")
    report_to: AgencyKey | None = Field(None, alias="bao_cao", description="báo cáo ai (khóa cơ quan/người)")
    authority: str | None = Field(None, alias="tham_quyen", description="thẩm quyền quyết định, nếu khác người báo cáo")
    sub_points: list["Item"] = Field(default_factory=list, alias="y", description="các ý (i), (ii) … trong cùng đoạn")
    sub_points_numbered: bool = Field(True, alias="y_danh_so", description="false: nối các ý bằng '; ' không đánh số")
    tail: str | None = Field(None, alias="sau", description="câu viết sau các ý, trong cùng đoạn")
    points: list["Item"] = Field(default_factory=list, alias="diem", description="các điểm a), b) … (đoạn riêng)")

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return {"van_ban": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> "Item":
        if not (self.text or self.title or self.sub_points or self.points or self.lead):
            raise ValueError("mục rỗng: cần ít nhất 'van_ban', 'tieu_de', 'y' hoặc 'diem'")
        used = {int(n or 1) for n in PLACEHOLDER.findall(self.text or "")}
        if used and max(used) > len(self.deadlines):
            raise ValueError(f"'van_ban' dùng {{thoi_han:{max(used)}}} nhưng chỉ có {len(self.deadlines)} thời hạn")
        if not used and len(self.deadlines) > 1:
            raise ValueError("có nhiều thời hạn: đánh dấu chỗ ghi từng thời hạn bằng {thoi_han:1}, {thoi_han:2} …")
        return self


class Section(Strict):
    title: str = Field(alias="tieu_de", description="tiêu đề phần (I., II., …), in hoa khi trình bày")
    text: str | None = Field(None, alias="van_ban")
    clauses: list[Item] = Field(default_factory=list, alias="khoan")


class Body(Strict):
    sections: list[Section] = Field(default_factory=list, alias="phan", description="các phần I., II., …")
    clauses: list[Item] = Field(default_factory=list, alias="khoan", description="các khoản 1., 2., … khi không chia phần")

    @model_validator(mode="after")
    def _one_shape(self) -> "Body":
        if bool(self.sections) == bool(self.clauses):
            raise ValueError("'noi_dung' cần đúng một trong hai: 'phan' hoặc 'khoan'")
        return self


class Signer(Strict):
    authority: Literal[AUTHORITIES] | None = Field(None, alias="quyen_han", description="TM, KT, TL, TUQ, Q hoặc bỏ trống")  # type: ignore[valid-type]
    on_behalf: str | None = Field(None, alias="thay_mat", description="chức vụ người đứng đầu/tập thể sau quyền hạn")
    titles: Annotated[list[str], BeforeValidator(_as_list)] = Field(alias="chuc_vu", min_length=1)
    name: str = Field(alias="ho_ten")
    signature: str | None = Field(None, alias="chu_ky", description="ảnh chữ ký PNG (đường dẫn tương đối với tệp dữ liệu)")
    seal: str | None = Field(None, alias="dau", description="ảnh con dấu PNG")

    @model_validator(mode="after")
    def _authority_needs_head(self) -> "Signer":
        if self.authority and not self.on_behalf:
            raise ValueError(f"quyền hạn {self.authority}. cần 'thay_mat' (vd: BỘ TRƯỞNG, CHỦ NHIỆM)")
        if self.on_behalf and not self.authority:
            raise ValueError("'thay_mat' chỉ dùng cùng 'quyen_han'")
        return self

    @field_validator("name")
    @classmethod
    def _no_academic_prefix(cls, value: str) -> str:
        if re.match(r"^(GS|PGS|TS|ThS|KS|BS)\.", value.strip()):
            raise ValueError("không ghi học hàm, học vị trước họ tên người ký (Nghị định 30, §8)")
        return value


class RecipientGroup(Strict):
    label: str = Field(alias="nhom", description="vd: Các Bộ, VPCP, Các Tập đoàn")
    members: list[str] = Field(alias="gom", min_length=1, description="thành viên: chữ hoặc khóa cơ quan (@khoa)")


class RecipientAgency(Strict):
    agency: AgencyKey = Field(alias="co_quan")
    note: str | None = Field(None, alias="ghi_chu", description="vd: để b/c")


Recipient = str | RecipientAgency | RecipientGroup


class Archive(Strict):
    units: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list, alias="don_vi")
    copies: PositiveNumber | None = Field(None, alias="so_ban")
    drafter: str | None = Field(None, alias="nguoi_soan", description="ký hiệu/tên người soạn thảo")


class Notice(Strict):
    document: DocumentInfo = Field(alias="van_ban")
    meeting: Meeting = Field(alias="cuoc_hop")
    body: Body = Field(alias="noi_dung")
    signer: Signer = Field(alias="nguoi_ky")
    recipients: list[Recipient] = Field(alias="noi_nhan", min_length=1)
    archive: Archive = Field(alias="luu")
    agencies: dict[Annotated[str, Field(pattern=KEY_PATTERN)], Agency] = Field(
        default_factory=dict, alias="co_quan_them", description="cơ quan bổ sung cho danh mục chung")
    settings: dict[str, str] = Field(default_factory=dict, alias="trinh_bay",
                                     description="cài đặt trình bày riêng của văn bản này (xem documents/layout.py)")
