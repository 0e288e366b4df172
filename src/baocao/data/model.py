"""The typed, frozen model of one notice and of the agency registry.

Field names are English; the YAML keys (aliases) are Vietnamese without diacritics, lower case,
snake_case. Values arrive as strings from the loader (no YAML 1.1 typing) and are typed here.
Cross-references (agency keys, deadlines against the meeting date, the consistency of verbatim
text with its assignment data, the "6 rõ" check) are checked in :mod:`baocao.data.validate`,
which knows the registry.

The body is a tree of nodes. Every node may hold several paragraphs (``van_ban``, ``sau``) and
children of the kinds Decree 30 and practice use: phần (I.), khoản (1.), điểm (a)), ý ((i), inline
in the paragraph), and unnumbered "- " and "+ " items (``gach``, ``cong``). A node that names a
lead agency (``chu_tri``) is an assignment; ``cach_giao`` says whether its lead-in is generated
("X chủ trì, phối hợp với …", "X: …"), printed as a heading ("X:" above its tasks) or already
written in the text (``nguyen-van``).
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
    PrivateAttr,
    field_validator,
    model_validator,
)

from baocao.data.values import (  # noqa: F401  (the limits are part of the model's interface)
    FIRST_DAY,
    LAST_DAY,
    MAX_ITEMS,
    MAX_MEETING_NAME,
    MAX_NAME,
    MAX_ROMAN,
    MAX_SUMMARY,
    MAX_TEXT,
    DeadlineField,
    IsoDate,
    Name,
    Paragraphs,
    PositiveNumber,
    Text,
    as_list,
    digits,
    limited,
)

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
AgencyKey = Annotated[str, Field(pattern=KEY_PATTERN, description="khóa cơ quan trong danh mục (vd: bo-cong-thuong)")]

AUTHORITIES = ("TM", "KT", "TL", "TUQ", "Q")
URGENCY_TEXT = {"khan": "KHẨN", "thuong-khan": "THƯỢNG KHẨN", "hoa-toc": "HỎA TỐC"}
SECRECY_TEXT = {"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}
PLACEHOLDER = re.compile(r"\{thoi_han(?::(\d+))?\}")
LEAD_STYLES = ("chu-tri", "ten", "tieu-de", "nguyen-van")
VERBATIM_STYLES = ("tieu-de", "nguyen-van")
LeadStyle = Literal["chu-tri", "ten", "tieu-de", "nguyen-van"]
TitleStyle = Literal["dam", "nghieng", "dam-nghieng", "thuong"]
ListStyle = Literal["day-du", "cac-bo", "cac-bo-lien"]
ListLast = Literal["va", "phay"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- agency registry -------------------------------------------------------------------------

class Agency(Strict):
    name: Name = Field(alias="ten", min_length=2, description="tên đầy đủ, viết hoa theo quy tắc thông thường")
    short: Name | None = Field(None, alias="ten_ngan", description="tên rút gọn dùng trong danh sách (vd: Ngoại giao)")
    aliases: Annotated[list[Text], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="ten_khac", description="các cách viết khác gặp trong văn bản (vd: UBND tỉnh Lào Cai)")
    header_lines: Annotated[list[Name], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="ten_dau", description="tên in ở phần đầu văn bản (ô 2), mỗi dòng một phần tử")
    abbr: Name | None = Field(None, alias="viet_tat", description="chữ viết tắt dùng trong ký hiệu văn bản (vd: VPCP)")
    kind: Literal["bo", "co-quan-ngang-bo", "co-quan-thuoc-cp", "chinh-phu", "tinh", "thanh-pho",
                  "ubnd", "don-vi", "hiep-hoi", "doanh-nghiep", "nhom", "ca-nhan", "khac"] = Field(alias="loai")
    parent: AgencyKey | None = Field(None, alias="chu_quan", description="cơ quan chủ quản trực tiếp, nếu có")
    place: Name | None = Field(None, alias="dia_danh", description="địa danh ghi trên văn bản")
    units: dict[str, str] = Field(default_factory=dict, alias="don_vi",
                                  description="các đơn vị nội bộ: chữ viết tắt → tên (dùng ở dòng Lưu)")
    valid_from: IsoDate | None = Field(None, alias="tu_ngay", description="ngày đầu tiên cơ quan có tên này")
    valid_to: IsoDate | None = Field(None, alias="den_ngay", description="ngày cuối cùng cơ quan có tên này")
    successors: Annotated[list[AgencyKey], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="thay_boi", description="cơ quan tiếp nhận chức năng, nhiệm vụ")

    @property
    def display_short(self) -> str:
        return self.short or self.name

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the body is written in running text: full name, other names, short name."""
        return tuple(dict.fromkeys([self.name, *self.aliases, *([self.short] if self.short else [])]))

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


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
    year: Annotated[int, BeforeValidator(digits), Field(ge=1900, le=2100)] | None = Field(
        None, alias="nam", description="năm của dự thảo chưa có ngày")
    month: Annotated[int, BeforeValidator(digits), Field(ge=1, le=12)] | None = Field(
        None, alias="thang", description="tháng của dự thảo đã biết tháng (ngày để trống)")
    place: Name | None = Field(None, alias="dia_danh", description="mặc định lấy theo cơ quan")
    urgency: Literal["khan", "thuong-khan", "hoa-toc"] | None = Field(None, alias="do_khan")
    secrecy: Literal["mat", "toi-mat", "tuyet-mat"] | None = Field(None, alias="do_mat")
    circulation: Name | None = Field(None, alias="pham_vi_luu_hanh", description="vd: LƯU HÀNH NỘI BỘ")
    summary: Annotated[str, limited(MAX_SUMMARY, "trích yếu")] | None = Field(None, alias="trich_yeu",
                                 description="trích yếu; mỗi dòng là một dòng của tiêu đề; mặc định sinh từ cuộc họp")
    audience: Text | None = Field(None, alias="thong_bao_den",
                                  description="câu kết sinh ra: '… thông báo để {…} biết, thực hiện./.'")

    @model_validator(mode="after")
    def _draft_needs_year(self) -> "DocumentInfo":
        if self.date is None and self.year is None:
            raise ValueError("dự thảo chưa có 'ngay' thì phải có 'nam'")
        if self.date is not None and self.year not in (None, self.date.year):
            raise ValueError(f"'nam' ({self.year}) khác năm của 'ngay' ({self.date.year})")
        if self.date is not None and self.month not in (None, self.date.month):
            raise ValueError(f"'thang' ({self.month}) khác tháng của 'ngay' ({self.date.month})")
        return self

    @property
    def issue_year(self) -> int:
        return self.date.year if self.date else self.year  # type: ignore[return-value]


class Attendance(Strict):
    in_person: Text = Field(alias="truc_tiep")
    online: Text | None = Field(None, alias="truc_tuyen")


class Meeting(Strict):
    date: IsoDate = Field(alias="ngay", description="ngày họp (YYYY-MM-DD)")
    place: Text | None = Field(None, alias="dia_diem", description="vd: Trụ sở Chính phủ")
    chair: Name = Field(alias="chu_tri", description="người chủ trì, kèm chức vụ")
    name: Annotated[str, limited(MAX_MEETING_NAME, "tên cuộc họp")] = Field(
        alias="ten", description="tên cuộc họp/hội nghị, bắt đầu bằng chữ hoa")
    short_name: Name = Field("cuộc họp", alias="ten_ngan", description="vd: Hội nghị, cuộc họp, buổi làm việc")
    attendance: Attendance | None = Field(None, alias="thanh_phan")
    heard: Text | None = Field(None, alias="nghe", description="'Sau khi nghe {…}, …'")
    concluder: Name | None = Field(None, alias="ket_luan", description="người kết luận; mặc định là người chủ trì")

    @property
    def concluded_by(self) -> str:
        return self.concluder or self.chair


CHILD_KEYS = ("y", "doan", "khoan", "diem", "gach", "cong")


class _Node(Strict):
    """What every node of the body has: a heading, paragraphs, unnumbered items, text after its
    children, and the defaults its descendants inherit. Children print in the order their keys
    are written (``gach`` before ``diem`` if so written); ``van_ban`` always comes first and
    ``sau`` last."""

    _child_order: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _keep_child_order(cls, value: Any, handler: Any) -> Any:
        node = handler(value)
        if isinstance(value, dict):
            node._child_order = tuple(k for k in value if k in CHILD_KEYS)
        return node

    @property
    def child_order(self) -> tuple[str, ...]:
        return self._child_order

    title: Text | None = Field(None, alias="tieu_de", description="tiêu đề in sau số thứ tự, thành đoạn riêng")
    title_style: TitleStyle | None = Field(
        None, alias="kieu_tieu_de", description="dam | nghieng | dam-nghieng | thuong (mặc định: phần, khoản in đậm)")
    text: Paragraphs = Field((), alias="van_ban",
                             description="nội dung: một hay nhiều đoạn (mỗi dòng một đoạn); {thoi_han} đánh dấu chỗ ghi thời hạn")
    paragraphs: list["Item"] = Field(default_factory=list, alias="doan",
                                     description="các đoạn không đánh số, mỗi đoạn có thể là một việc được giao")
    dashes: list["Item"] = Field(default_factory=list, alias="gach", description='các ý gạch đầu dòng "- "')
    pluses: list["Item"] = Field(default_factory=list, alias="cong", description='các ý có dấu "+ "')
    tail: Paragraphs = Field((), alias="sau", description="các đoạn sau phần con (sau các ý: nối tiếp trong cùng đoạn)")
    lead_style: LeadStyle | None = Field(
        None, alias="cach_giao",
        description="chu-tri: 'X chủ trì, phối hợp với Y …'; ten: 'X: …'; tieu-de: 'X:' làm tiêu đề các việc; "
                    "nguyen-van: câu chữ đã ghi đủ trong van_ban")
    list_style: ListStyle | None = Field(
        None, alias="cach_ke", description="kể cơ quan phối hợp: day-du (Bộ A, Bộ B), cac-bo (các Bộ: A, B), "
                                           "cac-bo-lien (các Bộ A, B)")
    list_last: ListLast | None = Field(None, alias="noi_cuoi", description="nối cơ quan cuối bằng 'và' (va) hoặc dấu phẩy (phay)")


class Item(_Node):
    """A khoản, điểm, "- "/"+ " item or ý: prose, or an assignment when it (or a parent) names a lead."""

    id: str | None = Field(None, alias="ma", pattern=KEY_PATTERN,
                           description="mã nhiệm vụ cố định (dùng ở tệp tiến độ); mặc định sinh từ nội dung")
    lead: AgencyKey | None = Field(None, alias="chu_tri", description="cơ quan chủ trì")
    co_leads: Annotated[list[AgencyKey], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="dong_chu_tri",
        description="các cơ quan cùng được giao việc này (\"Giao Bộ A, Bộ B …\"): mỗi cơ quan một nhiệm vụ; "
                    "chỉ dùng khi câu chữ ghi nguyên văn")
    coordinators: Annotated[list[AgencyKey], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="phoi_hop", description="cơ quan phối hợp")
    coordinators_extra: Text | None = Field(None, alias="phoi_hop_them", description="vd: các cơ quan liên quan")
    deadlines: Annotated[list[DeadlineField], BeforeValidator(as_list)] = Field(
        default_factory=list, alias="thoi_han", description="một hoặc nhiều thời hạn")
    product: Text | None = Field(None, alias="san_pham", description="sản phẩm phải có")
    report_to: AgencyKey | None = Field(None, alias="bao_cao", description="báo cáo ai (khóa cơ quan/người)")
    authority: Text | None = Field(None, alias="tham_quyen", description="thẩm quyền quyết định, nếu khác người báo cáo")
    sub_points: list["Item"] = Field(default_factory=list, alias="y", max_length=MAX_ROMAN,
                                     description="các ý (i), (ii) … trong cùng đoạn")
    sub_points_numbered: bool = Field(True, alias="y_danh_so", description="false: nối các ý bằng '; ' không đánh số")
    points: list["Item"] = Field(default_factory=list, alias="diem", description="các điểm a), b) … (đoạn riêng)")

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return {"van_ban": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> "Item":
        if not (self.text or self.title or self.sub_points or self.points or self.dashes or self.pluses
                or self.paragraphs or self.lead):
            raise ValueError("mục rỗng: cần ít nhất 'van_ban', 'tieu_de', 'y', 'doan', 'diem', 'gach' hoặc 'cong'")
        if self.co_leads and not self.lead:
            raise ValueError("có 'dong_chu_tri' mà không có 'chu_tri': ghi cơ quan nêu đầu tiên vào 'chu_tri'")
        used = [int(n or 1) for part in self.texts() for n in PLACEHOLDER.findall(part)]
        if 0 in used:
            raise ValueError("{thoi_han:0} không có: thời hạn đánh số từ 1 ({thoi_han:1}, {thoi_han:2} …)")
        if used and max(used) > len(self.deadlines):
            raise ValueError(f"dùng {{thoi_han:{max(used)}}} nhưng chỉ có {len(self.deadlines)} thời hạn"
                             + ("" if self.deadlines else " (thiếu 'thoi_han')"))
        return self

    def texts(self) -> tuple[str, ...]:
        """Every text of the item itself that may hold a {thoi_han} mark: title, paragraphs, tail."""
        return ((self.title,) if self.title else ()) + self.text + self.tail


class Section(_Node):
    title: Text = Field(alias="tieu_de", description="tiêu đề phần (I., II., …), in hoa khi trình bày")
    clauses: list[Item] = Field(default_factory=list, alias="khoan")


class Body(_Node):
    """The body: paragraphs before the first numbered part, then phần or khoản (or unnumbered
    items), then paragraphs after the last."""

    sections: list[Section] = Field(default_factory=list, alias="phan", max_length=MAX_ROMAN,
                                    description="các phần I., II., …")
    clauses: list[Item] = Field(default_factory=list, alias="khoan", description="các khoản 1., 2., … khi không chia phần")

    @model_validator(mode="after")
    def _one_shape(self) -> "Body":
        if self.sections and self.clauses:
            raise ValueError("'noi_dung' có 'phan' thì các khoản đặt trong từng phần, không đặt 'khoan' ở ngoài")
        if not (self.sections or self.clauses or self.text or self.paragraphs or self.dashes or self.pluses
                or self.tail):
            raise ValueError("'noi_dung' trống: cần 'van_ban', 'phan', 'khoan' hoặc 'gach'")
        return self


class Signer(Strict):
    authority: Literal[AUTHORITIES] | None = Field(None, alias="quyen_han", description="TM, KT, TL, TUQ, Q hoặc bỏ trống")  # type: ignore[valid-type]
    on_behalf: Name | None = Field(None, alias="thay_mat", description="chức vụ người đứng đầu/tập thể sau quyền hạn")
    titles: Annotated[list[Name], BeforeValidator(as_list)] = Field(alias="chuc_vu", min_length=1)
    name: Name = Field(alias="ho_ten")
    signature: Text | None = Field(None, alias="chu_ky", description="ảnh chữ ký PNG (đường dẫn tương đối với tệp dữ liệu)")
    seal: Text | None = Field(None, alias="dau", description="ảnh con dấu PNG")

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
    label: Text = Field(alias="nhom", description="vd: Các Bộ, VPCP, Các Tập đoàn")
    members: list[Text] = Field(alias="gom", min_length=1, description="thành viên: chữ hoặc khóa cơ quan (@khoa)")


class RecipientAgency(Strict):
    agency: AgencyKey = Field(alias="co_quan")
    note: Text | None = Field(None, alias="ghi_chu", description="vd: để b/c")


Recipient = Text | RecipientAgency | RecipientGroup


class Archive(Strict):
    units: Annotated[list[Text], BeforeValidator(as_list)] = Field(default_factory=list, alias="don_vi")
    copies: PositiveNumber | None = Field(None, alias="so_ban")
    drafter: Text | None = Field(None, alias="nguoi_soan", description="ký hiệu/tên người soạn thảo")


class Notice(Strict):
    document: DocumentInfo = Field(alias="van_ban")
    meeting: Meeting | None = Field(None, alias="cuoc_hop",
                                    description="cuộc họp (nếu là thông báo kết luận); sinh đoạn mở đầu khi không có 'mo_dau'")
    opening: Paragraphs = Field((), alias="mo_dau", description="đoạn mở đầu ghi nguyên văn (một hay nhiều đoạn)")
    body: Body = Field(alias="noi_dung")
    closing: Paragraphs = Field((), alias="ket_thuc", description="câu kết ghi nguyên văn (thay cho câu kết sinh ra)")
    signer: Signer = Field(alias="nguoi_ky")
    recipients: list[Recipient] = Field(alias="noi_nhan", min_length=1)
    archive: Archive | Text = Field(alias="luu", description="dòng Lưu: các phần (don_vi, so_ban, nguoi_soan), "
                                                            "hoặc nguyên văn sau '- Lưu: ' (vd: 'VT, NN (2)NXT.')")
    agencies: dict[Annotated[str, Field(pattern=KEY_PATTERN)], Agency] = Field(
        default_factory=dict, alias="co_quan_them", description="cơ quan bổ sung cho danh mục chung")
    settings: dict[str, str] = Field(default_factory=dict, alias="trinh_bay",
                                     description="cài đặt trình bày riêng của văn bản này (xem documents/layout.py)")

    @model_validator(mode="after")
    def _words_have_a_source(self) -> "Notice":
        if self.meeting is None and not self.document.summary:
            raise ValueError("không có 'cuoc_hop' thì phải ghi 'van_ban.trich_yeu'")
        return self
