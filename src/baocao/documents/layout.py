"""The Decree 30 layout numbers, in one place, for every renderer and for the checker.

Values tagged [OLD]/[SEC]/[PRACTICE] in ../shared/spec/nd30.md are settings whose defaults live
here; a settings file (data/cai-dat.yaml, key ``trinh_bay``) may override them within the ranges the
decree allows. The ``trich_sao_*`` keys choose what the decree leaves open about the extracts (bản
trích sao, §13); they travel in ``Layout.extract_options`` and are read by
:mod:`baocao.documents.extract.settings`. Both the DOCX and the PDF renderer read the same ``Layout`` object, so they cannot
drift apart; ``baocao check`` reads it to know what an agency chose.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Mapping

MM_PER_PT = 25.4 / 72
# Word's "single" line for Times New Roman (and its metric twins) is ascent + descent + gap.
SINGLE_LINE_EM = 1.149

# The attribute of the settings that are not layout numbers but options of the extracts.
EXTRACT = "extract_options"

# Settings-file key -> (attribute, allowed closed range or allowed set, source in nd30.md).
SETTING_KEYS: dict[str, tuple[str, Any, str]] = {
    "le_tren": ("margin_top_mm", (20, 25), "§1 R2"),
    "le_duoi": ("margin_bottom_mm", (20, 25), "§1 R2"),
    "le_trai": ("margin_left_mm", (30, 35), "§1 R3"),
    "le_phai": ("margin_right_mm", (15, 20), "§1 R3"),
    "co_chu_noi_dung": ("body_pt", (13, 14), "§7 R23"),
    "co_chu_quoc_hieu": ("national_title_pt", (12, 13), "§2 R9"),
    "co_chu_tieu_ngu": ("motto_pt", (13, 14), "§2 R10"),
    "co_chu_co_quan": ("agency_pt", (12, 13), "§2 R12"),
    "co_chu_dia_danh": ("place_date_pt", (13, 14), "§2 R17"),
    "co_chu_ten_loai": ("doc_type_pt", (13, 14), "§2 R20"),
    "co_chu_trich_yeu": ("summary_pt", (13, 14), "§2 R21"),
    "co_chu_chu_ky": ("signer_pt", (13, 14), "§2 R30"),
    "co_chu_so_trang": ("page_number_pt", (13, 14), "§10 R40"),
    "thut_dau_dong_cm": ("first_line_indent_cm", {1.0, 1.27}, "§7 R24"),
    "cach_doan_pt": ("paragraph_space_pt", (6, 12), "§7 R25"),
    "gian_dong": ("line_spacing", (1.0, 1.5), "§7 R26"),
    "dia_danh_trung_uong": ("central_place", None, "§5 R19"),
    # Extracts (§13): not layout numbers, but chosen by the same files, folder then notice.
    "trich_sao_co_quan": (EXTRACT, None, "§13: cơ quan trích sao (khóa danh mục)"),
    "trich_sao_so": (EXTRACT, (1, 99999), "§13: số bản trích sao đầu tiên của thông báo"),
    "trich_sao_ngay": (EXTRACT, None, "§13: ngày trích sao (YYYY-MM-DD)"),
    "trich_sao_luoc": (EXTRACT, None, "§13: dòng thay phần lược bỏ (mặc định …; khong: không ghi)"),
    "trich_sao_da_ky": (EXTRACT, {"co", "khong"}, "§13: ghi (Đã ký) ở khối chữ ký bản gốc"),
    "trich_sao_mo_dau": (EXTRACT, {"co", "khong"}, "§13: chép đoạn mở đầu"),
    "trich_sao_chung": (EXTRACT, {"co", "khong"}, "§13: chép việc giao chung cho các bộ, ngành, địa phương"),
    "trich_sao_nhom": (EXTRACT, {"rieng", "thanh-vien", "ca-hai"}, "§13: việc giao cho một nhóm cơ quan"),
    "trich_sao_dien_tu": (EXTRACT, {"co", "khong"}, "§13 R43: ô chữ ký số của bản trích sao điện tử"),
    "trich_sao_luu": (EXTRACT, None, "§13: dòng Lưu của khối trích sao, sau «- Lưu: »"),
}


@dataclass(frozen=True)
class Layout:
    # Page (§1)
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    # Fonts (§2): the DOCX names Times New Roman; the PDF embeds a metric-compatible twin.
    font_name: str = "Times New Roman"
    pdf_font_families: tuple[str, ...] = ("Liberation Serif", "Tinos")
    # Sizes in points (§2 master table)
    national_title_pt: float = 13.0      # Quốc hiệu
    motto_pt: float = 14.0               # Tiêu ngữ
    parent_agency_pt: float = 13.0       # cơ quan chủ quản
    agency_pt: float = 13.0              # cơ quan ban hành
    number_pt: float = 13.0              # "Số: …"
    place_date_pt: float = 14.0
    mark_pt: float = 13.0                # KHẨN, MẬT, phạm vi lưu hành
    doc_type_pt: float = 14.0            # THÔNG BÁO
    summary_pt: float = 14.0             # trích yếu
    body_pt: float = 14.0
    signer_pt: float = 14.0
    recipients_label_pt: float = 12.0    # "Nơi nhận:"
    recipients_pt: float = 11.0
    page_number_pt: float = 14.0
    # Header table (§3): column widths in mm, summing to the text width.
    header_left_mm: float = 63.0
    # Lines under the agency name and under the trích yếu: fraction of their text's width (1/3–1/2).
    agency_rule_fraction: float = 0.4
    summary_rule_fraction: float = 0.4
    rule_width_pt: float = 0.75
    rule_gap_pt: float = 3.0             # space between a text and the short line under it
    # Body (§7)
    first_line_indent_cm: float = 1.27
    paragraph_space_pt: float = 6.0      # space after each body paragraph
    line_spacing: float = 1.0            # multiple of a single line
    # Signature block (§8): right column of the closing table.
    signer_column_mm: float = 80.0
    signature_space_pt: float = 72.0     # blank height between the title lines and the name
    seal_diameter_mm: float = 36.0
    # Place for central bodies (§5 R19)
    central_place: str = "Hà Nội"
    # The trich_sao_* settings as written, (key, value) sorted by key (§13)
    extract_options: tuple[tuple[str, str], ...] = ()

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def header_right_mm(self) -> float:
        return self.text_width_mm - self.header_left_mm

    @property
    def recipients_column_mm(self) -> float:
        return self.text_width_mm - self.signer_column_mm

    def with_settings(self, settings: Mapping[str, Any]) -> "Layout":
        """Apply a ``trinh_bay`` mapping; raises ValueError (Vietnamese) for an unknown or out-of-range key."""
        changes: dict[str, Any] = {}
        options = dict(self.extract_options)
        for key, raw in settings.items():
            if key not in SETTING_KEYS:
                known = ", ".join(sorted(SETTING_KEYS))
                raise ValueError(f"khóa cài đặt không biết: {key!r} (các khóa hợp lệ: {known})")
            attr, allowed, source = SETTING_KEYS[key]
            if attr == EXTRACT:
                options[key] = _extract_value(key, raw, allowed, source)
                continue
            if allowed is None:
                changes[attr] = str(raw)
                continue
            try:
                value = float(str(raw).replace(",", "."))
            except ValueError:
                raise ValueError(f"{key}: cần một số, nhận được {raw!r}") from None
            ok = value in allowed if isinstance(allowed, set) else allowed[0] <= value <= allowed[1]
            if not ok:
                shown = " hoặc ".join(str(v) for v in sorted(allowed)) if isinstance(allowed, set) \
                    else f"từ {allowed[0]} đến {allowed[1]}"
                raise ValueError(f"{key} = {raw}: Nghị định 30 ({source}) cho phép {shown}")
            changes[attr] = value
        if options != dict(self.extract_options):
            changes[EXTRACT] = tuple(sorted(options.items()))
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _extract_value(key: str, raw: Any, allowed: Any, source: str) -> str:
    """A ``trich_sao_*`` value as text, checked; ValueError (Vietnamese) when it cannot be."""
    import datetime as dt

    text = str(raw).strip()
    if isinstance(allowed, set) and text not in allowed:
        raise ValueError(f"{key} = {raw}: chọn một trong {', '.join(sorted(allowed))} ({source})")
    if isinstance(allowed, tuple):
        if not text.isdigit() or not allowed[0] <= int(text) <= allowed[1]:
            raise ValueError(f"{key} = {raw}: cần một số nguyên từ {allowed[0]} đến {allowed[1]} ({source})")
        text = str(int(text))
    if key == "trich_sao_ngay":
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{key} = {raw}: cần ngày dạng YYYY-MM-DD ({source})") from None
    if key == "trich_sao_co_quan" and not text:
        raise ValueError(f"{key}: cần khóa cơ quan trong danh mục ({source})")
    return text


DEFAULT_LAYOUT = Layout()
