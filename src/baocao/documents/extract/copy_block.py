"""The TRÍCH SAO block (Phụ lục III, Mẫu 3.1) under an extract, and whose it is.

Left column: the copying agency's name (its chủ quản line above when it has one), the short line
under it, "Số: 05/TrS-VPCP", then "Nơi nhận:" with the agency the copy is for (and its role) and
"- Lưu: VT…". Right column: "TRÍCH SAO", the place and date of copying, then the copying signer's
block. The copying agency is ``trich_sao_co_quan``; else the issuing agency's office (Văn
phòng) when the registry knows it and ``trich_sao.nguoi_ky`` names who signs its copies; else the
issuing agency itself, whose copies are signed by the original's signer.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from baocao import vi
from baocao.data.model import Notice
from baocao.documents import metrics
from baocao.documents.agencies import AgencyNames
from baocao.documents.extract.settings import ExtractSettings
from baocao.documents.layout import Layout
from baocao.documents.notice import VN_TZ, header_lines, signer_block
from baocao.documents.parts import SignerBlock
from baocao.errors import DataError, Problem
from baocao.project_files import SETTINGS_FILE
from baocao.vi.numbering import DIEM_LETTERS, diem_letter, roman, sub_point_label

FORM = "TRÍCH SAO"
SYMBOL = "TrS"
WORDS = {"phan": "phần", "khoan": "khoản", "diem": "điểm", "y": "ý", "gach": "ý gạch đầu dòng thứ",
         "cong": "ý dấu cộng thứ", "doan": "đoạn thứ"}


class NumberSource(Protocol):
    """Where TrS numbers come from: the copying agency's register, or the settings.

    Called once per extract, in the order of the extracts; returns the number, or None for a
    draft whose number is left blank for the văn thư."""

    def __call__(self, copier: str, year: int, agency: str, position: int) -> int | None: ...


def numbers_from_settings(settings: ExtractSettings) -> NumberSource:
    """``trich_sao_so`` numbers the first extract of the notice; the others follow."""
    def number(copier: str, year: int, agency: str, position: int) -> int | None:
        return None if settings.first_number is None else settings.first_number + position
    return number


@dataclass(frozen=True)
class CopyBlock:
    form: str                       # "TRÍCH SAO"
    parent_agency: tuple[str, ...]  # chủ quản line(s) of the copying agency, not bold
    agency_lines: tuple[str, ...]
    agency_rule_mm: float
    number: int | None
    number_line: str                # "Số: 05/TrS-VPCP"
    place_date: str
    recipients_label: str
    recipients: tuple[str, ...]
    signer: SignerBlock


@dataclass(frozen=True)
class Copier:
    key: str
    name: str
    signer: SignerBlock


def _label(key: str, index: int) -> str:
    n = index + 1
    if key == "phan":
        return roman(n)
    if key == "diem":
        return diem_letter(n) if n <= len(DIEM_LETTERS) else str(n)
    if key == "y":
        return sub_point_label(n)
    return str(n)


def _words(path: tuple) -> str:
    """"điểm a khoản 5": the node at *path* named from the inside out."""
    pairs = list(zip(path[1::2], path[2::2]))
    return " ".join(f"{WORDS[k]} {_label(k, i)}" for k, i in reversed(pairs))


def cite(paths: Iterable[tuple]) -> str:
    """Where in the notice: "điểm a, h khoản 5; khoản 7", nodes with the same parent together; a
    node inside another one cited is not cited again."""
    paths = list(paths)
    outer = [p for p in paths if not any(len(q) < len(p) and p[:len(q)] == q for q in paths)]
    groups: dict[tuple, list[str]] = {}
    for path in outer:
        groups.setdefault((path[:-2], path[-2]), []).append(_label(path[-2], path[-1]))
    out = []
    for (parent, key), labels in groups.items():
        where = _words(parent)
        out.append(f"{WORDS[key]} {', '.join(labels)}" + (f" {where}" if where else ""))
    return "; ".join(out)


def copier_of(notice: Notice, names: AgencyNames, settings: ExtractSettings, origin: str,
              source_dir: Path | None) -> Copier:
    issuer = notice.document.agency
    key = settings.copier
    if key is not None and key not in names.agencies:
        raise DataError(Problem(origin, None, None, "trinh_bay.trich_sao_co_quan",
                                f"không có cơ quan '{key}' trong danh mục (co-quan.yaml hoặc danh mục có sẵn); "
                                "khóa này ghi ở trinh_bay của thông báo hoặc của cai-dat.yaml"))
    if key is None:
        office = next((k for k, a in names.agencies.items() if a.kind == "don-vi" and a.parent == issuer
                       and a.name.startswith("Văn phòng") and k in settings.signers), None)
        key = office or issuer
    if key in settings.signers:
        signer = signer_block(settings.signers[key], source_dir)
    elif key == issuer:
        signer = signer_block(notice.signer, source_dir)
    else:
        raise DataError(Problem(settings.source or str(Path(origin).parent / SETTINGS_FILE), None, None,
                                f"trich_sao.nguoi_ky.{key}",
                                f"cần người ký các bản trích sao của {names.name(key)}: thêm "
                                f"trich_sao: nguoi_ky: {key}: (quyen_han, thay_mat, chuc_vu, ho_ten) vào cai-dat.yaml"))
    # the copy is signed on paper, or digitally (R43): never with the picture of a signature
    return Copier(key, names.name(key), SignerBlock(signer.lines, signer.name, None, None))


def copy_date(notice: Notice, settings: ExtractSettings, origin: str) -> dt.date | None:
    issued = notice.document.date
    when = settings.date or issued
    if when is not None and issued is not None and when < issued:
        raise DataError(Problem(origin, None, None, "trinh_bay.trich_sao_ngay",
                                f"ngày trích sao {when.isoformat()} trước ngày ban hành {issued.isoformat()}"))
    return when


def copy_time(notice: Notice, settings: ExtractSettings, origin: str) -> dt.datetime:
    """The signing time of the copy: its date at 08:00, Vietnam time (fixed, so the bytes are)."""
    day = copy_date(notice, settings, origin) or dt.date(notice.document.issue_year, notice.document.month or 1, 1)
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=VN_TZ)


def file_time(notice: Notice, settings: ExtractSettings, origin: str) -> dt.datetime:
    """Time stamped into the files: SOURCE_DATE_EPOCH if set, else the signing time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).astimezone(VN_TZ)
    return copy_time(notice, settings, origin)


def build_copy_block(notice: Notice, names: AgencyNames, layout: Layout, settings: ExtractSettings,
                     copier: Copier, number: int | None, recipients: list[str], origin: str) -> CopyBlock:
    agency = names.agency(copier.key)
    lines = header_lines(agency, layout, layout.agency_pt, True)
    parent = names.agency(agency.parent) if agency.parent else None
    width = max(metrics.text_width_mm(line, layout.agency_pt, bold=True) for line in lines)
    symbol = f"{SYMBOL}-{agency.abbr}" if agency.abbr else SYMBOL
    shown = f"{number:02d}" if number else " " * 8
    issuer = names.agency(notice.document.agency)
    place = agency.place or issuer.place or layout.central_place
    day = copy_date(notice, settings, origin)
    year = notice.document.issue_year if day is None else None
    archive = settings.archive if settings.archive.endswith(".") else settings.archive + "."
    entries = [f"- {e};" for e in recipients] + [f"- Lưu: {archive}"]
    return CopyBlock(
        form=FORM,
        parent_agency=tuple(header_lines(parent, layout, layout.parent_agency_pt, False)) if parent else (),
        agency_lines=tuple(lines),
        agency_rule_mm=round(layout.agency_rule_fraction * width, 2),
        number=number,
        number_line=f"Số: {shown}/{symbol}",
        place_date=vi.format_place_date(place, day, year, notice.document.month if day is None else None),
        recipients_label="Nơi nhận:",
        recipients=tuple(entries),
        signer=copier.signer,
    )


def signature_box(copier: Copier, when: dt.datetime) -> tuple[str, ...]:
    """The signature information of an electronic copy (ô 14, R43): form, copying agency, time."""
    return (f"Hình thức sao: {FORM.capitalize()}", f"Cơ quan sao: {copier.name}",
            f"Thời gian ký: {when.isoformat()}")
