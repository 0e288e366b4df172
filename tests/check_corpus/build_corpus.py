"""The check corpus: correct baselines and documents broken in exactly one rule each.

Every document is typed by hand (notice_docx: python-docx as a clerk would in Word; notice_html:
a small HTML page for WeasyPrint); PDFs of the DOCX cases come from LibreOffice. Nothing here uses
baocao's renderers or its checker. Run ``python build_corpus.py OUT_DIR`` to look at the files.
"""
from __future__ import annotations

import re

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from notice_docx import BODY, RECIPIENTS, NoticeSpec, build_docx, extract_spec  # noqa: E402
from extract_docx import CopySpec, mau31_spec  # noqa: E402
from notice_html import build_pdf as build_html_pdf  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    fmt: str                      # docx | pdf (LibreOffice from the DOCX) | html (WeasyPrint PDF)
    breaks: tuple[str, ...]       # the rules this document must fail, and no other
    spec: NoticeSpec
    kind: str | None = None       # forced --kind, None = detected
    html_options: tuple = ()
    note: str = ""

    @property
    def filename(self) -> str:
        return f"{self.name}.{'docx' if self.fmt == 'docx' else 'pdf'}"


BASE = NoticeSpec()
# The body twice over (khoản 1–5 again as 6–10): four pages.
_MAIN = tuple(p for p in BASE.body if p[0] != "closing")
LONG = replace(BASE, body=_MAIN + tuple(
    (kind, re.sub(r"^(\d+)\.", lambda m: f"{int(m.group(1)) + 5}.", text)) for kind, text in _MAIN
    if kind != "opening") + tuple(p for p in BASE.body if p[0] == "closing"))
# a draft leaves the number, the day and the month blank
DRAFT = replace(BASE, number="Số:        /TB-VPCP", place_date="Hà Nội, ngày      tháng      năm 2026")


def _body_without_dd():
    return tuple(b for b in BODY if not b[1].startswith("đ) "))


def _closing_without_mark():
    body = list(BODY)
    kind, text = body[-1]
    body[-1] = (kind, text.replace("./.", "."))
    return tuple(body)


def _recipients_missing_semicolon():
    r = list(RECIPIENTS)
    r[1] = r[1].rstrip(";")
    return tuple(r)


def _recipients_bad_luu():
    r = list(RECIPIENTS)
    r[-1] = "- Lưu VT, QHQT (2) Huy."
    return tuple(r)


def cases() -> list[Case]:
    C = Case
    out = [
        # baselines: no rule may fail
        C("baseline", "docx", (), BASE),
        C("baseline", "pdf", (), BASE),
        C("baseline_html", "html", (), BASE),
        C("baseline_border_line", "docx", (), replace(BASE, tieu_ngu_line="border")),
        C("baseline_border_line", "pdf", (), replace(BASE, tieu_ngu_line="border")),
        C("baseline_extract", "docx", (), extract_spec()),
        C("baseline_extract", "pdf", (), extract_spec()),
        C("baseline_extract_table", "docx", (), extract_spec(extract_in_table=True)),
        C("baseline_urgent", "html", (), BASE, html_options=(("urgency", "KHẨN"),),
          note="a boxed urgency mark under Số is not a bordered header"),
        C("baseline_draft", "docx", (), DRAFT),
        C("baseline_draft", "pdf", (), DRAFT),
        C("baseline_extract_table", "pdf", (), extract_spec(extract_in_table=True)),
        # page (§1)
        C("page_letter", "docx", ("R1",), replace(BASE, page_w_mm=215.9, page_h_mm=279.4)),
        C("page_landscape", "pdf", ("R1",), replace(BASE, landscape=True)),
        C("margin_top_15", "pdf", ("R2",), replace(BASE, margin_top_mm=15.0)),
        C("margin_bottom_30", "docx", ("R2",), replace(BASE, margin_bottom_mm=30.0)),
        C("margin_left_25", "docx", ("R3",), replace(BASE, margin_left_mm=25.0)),
        C("margin_left_25", "html", ("R3",), BASE, html_options=(("margin_left_mm", 25.0),)),
        # font (§2)
        C("font_arial_run", "docx", ("R4",), replace(BASE, body_font="Arial")),
        C("font_arial_run", "pdf", ("R4",), replace(BASE, body_font="Arial")),
        C("color_red_run", "docx", ("R5",), replace(BASE, color_run="C00000")),
        C("color_red_run", "pdf", ("R5",), replace(BASE, color_run="C00000")),
        C("color_blue_run", "html", ("R5",), BASE, html_options=(("text_color", "#1F4E79"),)),
        C("text_nfd", "docx", ("R6",), replace(BASE, nfd_body=True)),
        C("size_12_5", "docx", ("R7", "R9"), replace(BASE, quoc_hieu_pt=12.5),
          note="12,5 pt is no size of the decree (R7) and not a Quốc hiệu size (R9: 12 or 13 pt)"),
        # header (§3–§5)
        C("header_borders", "docx", ("R8",), replace(BASE, header_borders=True)),
        C("header_borders", "html", ("R8",), BASE, html_options=(("header_borders", True),)),
        C("quoc_hieu_not_bold", "pdf", ("R9",), replace(BASE, quoc_hieu_bold=False)),
        C("tieu_ngu_no_spaces", "docx", ("R10",), replace(BASE, tieu_ngu="Độc lập-Tự do-Hạnh phúc")),
        C("tieu_ngu_line_short", "pdf", ("R11",), replace(BASE, tieu_ngu_line_fraction=0.7)),
        C("tieu_ngu_no_line", "docx", ("R11",), replace(BASE, tieu_ngu_line="none")),
        C("agency_not_bold", "docx", ("R12",), replace(BASE, agency_bold=False)),
        C("agency_line_long", "pdf", ("R13",), replace(BASE, agency_line_fraction=0.9)),
        C("number_spaces", "docx", ("R14",), replace(BASE, number="Số: 15 / TB - VPCP")),
        C("number_no_zero", "pdf", ("R15",), replace(BASE, number="Số: 5/TB-VPCP")),
        C("number_no_zero", "docx", ("R15",), replace(BASE, number="Số: 5/TB-VPCP")),
        C("symbol_wrong_type", "docx", ("R16",), replace(BASE, number="Số: 15/QĐ-VPCP")),
        C("date_no_zero", "docx", ("R17",), replace(BASE, place_date="Hà Nội, ngày 5 tháng 02 năm 2026")),
        C("date_not_italic", "pdf", ("R17",), replace(BASE, place_date_italic=False)),
        C("date_impossible", "pdf", ("R18",), replace(BASE, place_date="Hà Nội, ngày 30 tháng 02 năm 2026")),
        C("place_not_hanoi", "docx", ("R19",),
          replace(BASE, place_date="TP. Hồ Chí Minh, ngày 16 tháng 01 năm 2026")),
        # title (§6)
        C("doc_type_lower", "pdf", ("R20",), replace(BASE, doc_type="Thông báo")),
        C("summary_capitals", "docx", ("R21",), replace(BASE, summary_upper=True)),
        C("summary_capitals", "pdf", ("R21",), replace(BASE, summary_upper=True)),
        C("summary_line_long", "pdf", ("R22",), replace(BASE, summary_line_fraction=0.8)),
        # body (§7)
        C("body_left_aligned", "docx", ("R23",), replace(BASE, odd_align_index=2)),
        C("body_left_aligned", "pdf", ("R23",), replace(BASE, odd_align_index=2)),
        C("indent_half_cm", "pdf", ("R24",), replace(BASE, first_line_indent_cm=0.5)),
        C("no_paragraph_space", "docx", ("R25",), replace(BASE, space_after_pt=0.0)),
        C("no_paragraph_space", "pdf", ("R25",), replace(BASE, space_after_pt=0.0)),
        C("double_spacing", "pdf", ("R26",), replace(BASE, line_spacing=2.0)),
        C("double_spacing", "docx", ("R26",), replace(BASE, line_spacing=2.0)),
        C("heading_not_bold", "docx", ("R27",), replace(BASE, heading_bold=False)),
        C("diem_skip_dd", "pdf", ("R28",), replace(BASE, body=_body_without_dd())),
        C("diem_skip_dd", "docx", ("R28",), replace(BASE, body=_body_without_dd())),
        C("no_final_mark", "docx", ("R29",), replace(BASE, body=_closing_without_mark())),
        C("no_final_mark", "pdf", ("R29",), replace(BASE, body=_closing_without_mark())),
        # signature and Nơi nhận (§8, §9)
        C("signer_not_bold", "pdf", ("R30",), replace(BASE, signer_bold=False)),
        C("kt_without_deputy", "docx", ("R31",), replace(BASE, signer_titles=("KT. BỘ TRƯỞNG, CHỦ NHIỆM",))),
        C("name_with_degree", "pdf", ("R32",), replace(BASE, signer_name="TS. Nguyễn Sỹ Hiệp")),
        C("noi_nhan_below", "docx", ("R33",), replace(BASE, nơi_nhận_below=True)),
        C("noi_nhan_below", "pdf", ("R33",), replace(BASE, nơi_nhận_below=True)),
        C("noi_nhan_13pt", "pdf", ("R37",), replace(BASE, recipients_label_pt=13.0)),
        C("noi_nhan_13pt", "docx", ("R37",), replace(BASE, recipients_label_pt=13.0)),
        C("recipient_no_semicolon", "docx", ("R38",), replace(BASE, recipients=_recipients_missing_semicolon())),
        C("luu_line_wrong", "pdf", ("R39",), replace(BASE, recipients=_recipients_bad_luu())),
        # page numbers (§10)
        C("page_number_on_first", "docx", ("R40",), replace(BASE, page_number_first_page=True)),
        C("page_number_on_first", "pdf", ("R40",), replace(BASE, page_number_first_page=True)),
        C("page_number_in_footer", "pdf", ("R40",), replace(BASE, page_number_in_footer=True)),
        C("page_number_in_footer", "docx", ("R40",), replace(BASE, page_number_in_footer=True)),
        # different odd and even pages, on a document long enough to have a page 3: numbered on
        # both, or the odd header left without a number
        C("baseline_odd_even", "docx", (), replace(LONG, page_number_odd_even="both")),
        C("baseline_odd_even", "pdf", (), replace(LONG, page_number_odd_even="both")),
        C("page_number_even_only", "docx", ("R40",), replace(LONG, page_number_odd_even="even-only")),
        C("page_number_even_only", "pdf", ("R40",), replace(LONG, page_number_odd_even="even-only")),
        # the page number in a legacy font left by an old template
        C("page_number_vntime", "docx", ("R4",), replace(BASE, page_number_font=".VnTime")),
        # extract (§13)
        C("extract_no_line", "docx", ("R41",), extract_spec(extract_line=False)),
        C("extract_no_line", "pdf", ("R41",), extract_spec(extract_line=False)),
        C("extract_new_page", "pdf", ("R41",), extract_spec(extract_new_page=True)),
        C("extract_number_no_zero", "docx", ("R42",), extract_spec(extract_number="Số: 3/TrS")),
        C("extract_number_no_zero", "pdf", ("R42",), extract_spec(extract_number="Số: 3/TrS")),
        # extract laid out per Mẫu 3.1: agency left of TRÍCH SAO, the original's Nơi nhận and signer
        # kept, first điểm b); the line as a border, a drawn line, a thin filled box (with or without
        # an outline), a table border
        *[C(f"baseline_extract_mau31_{line}", fmt, (), mau31_spec(CopySpec(line=line)))
          for line in ("border", "shape", "rect", "rect-fill", "table-top") for fmt in ("docx", "pdf")],
        C("extract_mau31_no_line", "docx", ("R41",), mau31_spec(CopySpec(line="none"))),
        C("extract_mau31_no_line", "pdf", ("R41",), mau31_spec(CopySpec(line="none"))),
        C("extract_mau31_short_line", "docx", ("R41",), mau31_spec(CopySpec(line_fraction=0.6))),
        C("extract_mau31_short_line", "pdf", ("R41",), mau31_spec(CopySpec(line="shape", line_fraction=0.6))),
        C("extract_mau31_symbol_ts", "docx", ("R42",), mau31_spec(CopySpec(number="Số: 03/TS-BCT"))),
        C("extract_mau31_symbol_ts", "pdf", ("R42",), mau31_spec(CopySpec(number="Số: 03/TS-BCT"))),
        C("extract_mau31_form_not_bold", "pdf", ("R42",), mau31_spec(CopySpec(form_bold=False))),
        C("extract_mau31_agency_right", "docx", ("R42",), mau31_spec(CopySpec(agency_left=False))),
    ]
    return out


def _soffice_pdf(docx_paths: list[str], out_dir: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not docx_paths:
        return
    profile = tempfile.mkdtemp(prefix="baocao-check-lo-")
    try:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", out_dir, *docx_paths],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def generate(out_dir: str) -> dict[tuple[str, str], str | None]:
    """Write every case to ``out_dir``; map (name, fmt) to the file, or None when it could not be made."""
    os.makedirs(out_dir, exist_ok=True)
    src = os.path.join(out_dir, "src")
    os.makedirs(src, exist_ok=True)
    made: dict[tuple[str, str], str | None] = {}
    to_convert = []
    for case in cases():
        if case.fmt == "docx":
            path = os.path.join(out_dir, case.filename)
            with open(path, "wb") as fh:
                fh.write(build_docx(case.spec))
            made[(case.name, case.fmt)] = path
        elif case.fmt == "pdf":
            docx_path = os.path.join(src, f"{case.name}.docx")
            with open(docx_path, "wb") as fh:
                fh.write(build_docx(case.spec))
            to_convert.append((case, docx_path))
        else:
            path = os.path.join(out_dir, f"{case.name}.pdf")
            with open(path, "wb") as fh:
                fh.write(build_html_pdf(case.spec, **dict(case.html_options)))
            made[(case.name, case.fmt)] = path
    pdf_dir = os.path.join(out_dir, "lo")
    os.makedirs(pdf_dir, exist_ok=True)
    _soffice_pdf([p for _, p in to_convert], pdf_dir)
    for case, docx_path in to_convert:
        pdf = os.path.join(pdf_dir, f"{case.name}.pdf")
        made[(case.name, case.fmt)] = pdf if os.path.exists(pdf) and os.path.getsize(pdf) > 0 else None
    return made


if __name__ == "__main__":  # pragma: no cover - manual use
    target = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="baocao-check-corpus-")
    for key, path in generate(target).items():
        print(f"{key[0]:<28} {key[1]:<5} {path}")
