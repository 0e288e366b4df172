"""Notice → one bản TRÍCH SAO per agency it assigns work to (Decree 30, Điều 25.3b; Mẫu 3.1).

An extract re-creates every formal part of the original (header with agency, Số, place and date;
tên loại and trích yếu; the signer's block, "(Đã ký)" in place of the signature; Nơi nhận) and
only the content that concerns the agency, word for word with the original numbers
(:mod:`.selection`), then, on the same sheet under a full-width line, the TRÍCH SAO block of the
copying agency (:mod:`.copy_block`). What the decree leaves open is a setting (:mod:`.settings`).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from baocao.data.model import Notice, Registry
from baocao.documents.agencies import AgencyNames
from baocao.documents.extract.copy_block import (
    CopyBlock,
    NumberSource,
    build_copy_block,
    cite,
    copier_of,
    copy_time,
    file_time,
    numbers_from_settings,
    signature_box,
)
from baocao.documents.extract.groups import Groups
from baocao.documents.extract.selection import Concern, Reach, concerned_nodes, concerns, select
from baocao.documents.extract.settings import ExtractSettings, settings_for
from baocao.documents.notice import number_symbol
from baocao.documents.parts import Metadata, NoticeDocument
from baocao.documents.tasks import Task, notice_tasks
from baocao.errors import DataError, Problem

__all__ = ["CopyBlock", "ExtractDocument", "ExtractSettings", "NumberSource", "build_extracts", "settings_for"]

SIGNED = "(Đã ký)"


@dataclass(frozen=True)
class ExtractDocument:
    original: NoticeDocument        # formal parts of the original and the copied content
    signed_mark: str | None         # "(Đã ký)" where the original was signed
    copy: CopyBlock
    signature_box: tuple[str, ...]  # electronic copy (R43); empty for a paper copy
    agency: str                     # registry key of the agency the copy is for: the file's name
    agency_name: str
    lead_tasks: tuple[Task, ...]
    coordinator_tasks: tuple[Task, ...]
    group_tasks: tuple[Task, ...]
    general_tasks: tuple[Task, ...]
    lead_at: str                    # "điểm a, h khoản 5"
    coordinator_at: str
    meta: Metadata

    @property
    def layout(self):
        return self.original.layout


def _role(concern: Concern) -> str:
    parts = []
    if concern.lead_nodes:
        parts.append(f"chủ trì: {cite(concern.lead_nodes)}")
    if concern.group_nodes:
        parts.append(f"thực hiện: {cite(concern.group_nodes)}")
    if concern.coordinator_nodes:
        parts.append(f"phối hợp: {cite(concern.coordinator_nodes)}")
    return "; ".join(parts)


def _check_members(settings: ExtractSettings, names: AgencyNames, leads: set[str], origin: str) -> None:
    """Every member named for a group that leads an item of this notice is in the registry."""
    if not settings.group_members:
        return
    problems = []
    for group, keys in settings.members.items():
        for k, key in enumerate(keys):
            if group in leads and key not in names.agencies:
                line, column = settings.where("thanh_vien", group, k)
                problems.append(Problem(settings.source or origin, line, column, f"trich_sao.thanh_vien.{group}[{k + 1}]",
                                        f"không có cơ quan '{key}' trong danh mục (co-quan.yaml hoặc danh mục có sẵn)"))
    if problems:
        raise DataError(problems)


def build_extracts(notice: Notice, registry: Registry, doc: NoticeDocument, settings: ExtractSettings,
                   *, origin: str | Path = "", source_dir: Path | None = None,
                   numbers: NumberSource | None = None) -> tuple[ExtractDocument, ...]:
    """Every extract of *notice* (whose document model is *doc*), in the order the notice first
    names each agency. *origin* names the notice file in error messages; *numbers* gives the TrS
    numbers (default: ``trich_sao_so`` and the ones after it)."""
    origin = str(origin)
    names = AgencyNames(notice, registry)
    groups = Groups(names.agencies, settings.members, notice.document.date)
    reach = Reach(groups, settings)
    tasks = notice_tasks(notice, registry, doc)
    _check_members(settings, names, {t.lead for t in tasks}, origin)
    copier = copier_of(notice, names, settings, origin, source_dir)
    numbers = numbers or numbers_from_settings(settings)
    when = copy_time(notice, settings, origin)
    stamp = file_time(notice, settings, origin)
    signer = dataclasses.replace(doc.signer, signature=None, seal=None)
    subject = f"Trích sao Thông báo số {number_symbol(notice, names).strip()}"
    out = []
    for position, concern in enumerate(concerns(notice, tasks, reach)):
        body = select(doc.body, concerned_nodes(notice, concern.key, reach), settings)
        role = _role(concern)
        name = names.name(concern.key)
        number = numbers(copier.key, when.year, concern.key, position)
        block = build_copy_block(notice, names, doc.layout, settings, copier, number,
                                 [f"{name} ({role})" if role else name], origin)
        original = dataclasses.replace(
            doc, body=body, signer=signer,
            meta=Metadata(title=doc.meta.title, author=copier.name, subject=f"{subject} gửi {name}",
                          language=doc.meta.language, created=stamp))
        out.append(ExtractDocument(
            original=original, signed_mark=SIGNED if settings.signed_mark else None, copy=block,
            signature_box=signature_box(copier, when) if settings.electronic else (),
            agency=concern.key, agency_name=name, lead_tasks=tuple(concern.lead),
            coordinator_tasks=tuple(concern.coordinator), group_tasks=tuple(concern.via_group),
            general_tasks=tuple(concern.general), lead_at=cite(concern.lead_nodes),
            coordinator_at=cite(concern.coordinator_nodes), meta=original.meta))
    return tuple(out)
