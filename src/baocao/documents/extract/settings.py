"""What the decree leaves open about a bản trích sao, and where a project says it.

Two places, both optional (docs/extracts.md):

* the ``trich_sao_*`` keys of ``trinh_bay`` (in ``cai-dat.yaml`` for a folder, in a notice for
  that notice only): copying agency, first TrS number, date of copying, how omitted parts show,
  "(Đã ký)", the opening, general directives, groups, electronic copy, the Lưu line. They reach
  here through ``Layout.extract_options``;
* the ``trich_sao:`` mapping of ``cai-dat.yaml``, for what is not one value: who signs the copies
  of each copying agency (``nguoi_ky``), and the members of a group (``thanh_vien``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from pydantic import ValidationError

from baocao.data.load import LoadedDocument, format_path
from baocao.data.messages import did_you_mean, translate
from baocao.data.model import Signer
from baocao.documents.layout import Layout
from baocao.errors import Problem

TOP_KEY = "trich_sao"
STRUCTURED_KEYS = ("nguoi_ky", "thanh_vien")
ELLIPSIS = "…"
NOTHING = "khong"        # trich_sao_luoc: khong — omitted content is not marked


@dataclass(frozen=True)
class ExtractSettings:
    copier: str | None = None                 # trich_sao_co_quan: registry key of the copying agency
    first_number: int | None = None           # trich_sao_so: TrS number of the first extract
    date: dt.date | None = None               # trich_sao_ngay: default the notice's issue date
    elision: str = ELLIPSIS                   # trich_sao_luoc: what stands for omitted content ("": nothing)
    signed_mark: bool = True                  # trich_sao_da_ky: "(Đã ký)" in the original's signer block
    opening: bool = True                      # trich_sao_mo_dau
    general: bool = True                      # trich_sao_chung: directives addressed to all
    groups: str = "rieng"                     # trich_sao_nhom: rieng | thanh-vien | ca-hai
    electronic: bool = False                  # trich_sao_dien_tu: signature box (R43)
    archive: str = "VT."                      # trich_sao_luu: after "- Lưu: "
    signers: Mapping[str, Signer] = field(default_factory=dict)
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str | None = None                 # the cai-dat.yaml the structured part came from
    marks: Mapping[tuple, tuple[int, int]] = field(default_factory=dict)   # its lines, for messages

    def where(self, *path) -> tuple[int | None, int | None]:
        """Line and column of ``trich_sao.<path>`` in the settings file, or its nearest parent's."""
        full = (TOP_KEY, *path)
        while full and full not in self.marks:
            full = full[:-1]
        return self.marks.get(full, (None, None))

    @property
    def group_extracts(self) -> bool:
        """Does a group named as the lead of an item get an extract of its own?"""
        return self.groups in ("rieng", "ca-hai")

    @property
    def group_members(self) -> bool:
        """Do the members of a group get the group's items in their own extracts?"""
        return self.groups in ("thanh-vien", "ca-hai")


def from_options(options: Mapping[str, str], structured: "Structured | None" = None) -> ExtractSettings:
    """Settings from the ``trich_sao_*`` values (already checked by Layout.with_settings)."""
    o = dict(options)
    yes = {"co": True, "khong": False}
    s = structured or Structured()
    return ExtractSettings(
        copier=o.get("trich_sao_co_quan") or None,
        first_number=int(o["trich_sao_so"]) if "trich_sao_so" in o else None,
        date=dt.date.fromisoformat(o["trich_sao_ngay"]) if "trich_sao_ngay" in o else None,
        elision="" if o.get("trich_sao_luoc") == NOTHING else o.get("trich_sao_luoc", ELLIPSIS),
        signed_mark=yes[o.get("trich_sao_da_ky", "co")],
        opening=yes[o.get("trich_sao_mo_dau", "co")],
        general=yes[o.get("trich_sao_chung", "co")],
        groups=o.get("trich_sao_nhom", "rieng"),
        electronic=yes[o.get("trich_sao_dien_tu", "khong")],
        archive=o.get("trich_sao_luu", "VT.").strip() or "VT.",
        signers=dict(s.signers), members=dict(s.members), source=s.source, marks=dict(s.marks),
    )


@dataclass(frozen=True)
class Structured:
    """The ``trich_sao:`` mapping of a settings file, checked."""

    signers: Mapping[str, Signer] = field(default_factory=dict)
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str | None = None
    marks: Mapping[tuple, tuple[int, int]] = field(default_factory=dict)


def read_structured(doc: LoadedDocument) -> tuple[Structured, list[Problem]]:
    """The ``trich_sao:`` mapping of a loaded ``cai-dat.yaml`` and every problem in it."""
    name = str(doc.path)
    raw = doc.data.get(TOP_KEY) if isinstance(doc.data, dict) else None
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        line, column = doc.mark((TOP_KEY, *path)) or (None, None)
        problems.append(Problem(name, line, column, format_path((TOP_KEY, *path)), message))

    if raw is None:
        return Structured(source=name), problems
    if not isinstance(raw, dict):
        problem((), "cần một bảng khóa (nguoi_ky, thanh_vien)")
        return Structured(source=name), problems
    for key in raw:
        if key not in STRUCTURED_KEYS:
            problem((key,), f"khóa không có: '{key}'{did_you_mean(key, STRUCTURED_KEYS)} "
                            "(các lựa chọn một giá trị ghi ở trinh_bay với tiền tố trich_sao_)")
    signers: dict[str, Signer] = {}
    for agency, data in _mapping(raw.get("nguoi_ky"), ("nguoi_ky",), problem).items():
        try:
            signers[agency] = Signer.model_validate(data)
        except ValidationError as error:
            problems += translate(error, doc, Signer, (TOP_KEY, "nguoi_ky", agency))
    members: dict[str, tuple[str, ...]] = {}
    for group, keys in _mapping(raw.get("thanh_vien"), ("thanh_vien",), problem).items():
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
            problem(("thanh_vien", group), "cần danh sách khóa cơ quan thành viên (vd: [ubnd-tp-ha-noi])")
            continue
        members[group] = tuple(keys)
    marks = {k: v for k, v in doc.marks.items() if k[:1] == (TOP_KEY,)}
    return Structured(signers, members, name, marks), problems


def _mapping(value: Any, path: tuple, problem) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problem(path, "cần một bảng khóa: khóa cơ quan → giá trị")
        return {}
    return value


def structured_for(settings_file: Path | None) -> Structured:
    """The checked ``trich_sao:`` mapping of a settings file (DataError when it is wrong)."""
    from baocao.data.load import load
    from baocao.errors import DataError

    if settings_file is None or not Path(settings_file).is_file():
        return Structured()
    structured, problems = read_structured(load(settings_file))
    if problems:
        raise DataError(problems)
    return structured


def settings_for(layout: Layout, source_path: str | Path | None) -> ExtractSettings:
    """The extract settings of the notice at *source_path*: its layout's ``trich_sao_*`` values
    and the ``trich_sao:`` mapping of the ``cai-dat.yaml`` beside it."""
    from baocao.project_files import SETTINGS_FILE

    folder_file = Path(source_path).parent / SETTINGS_FILE if source_path is not None else None
    return from_options(layout.extract_options, structured_for(folder_file))
