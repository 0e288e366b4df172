"""The assigned tasks of a built notice, as the briefing, the extracts and the exports use them.

Each task is an assignment of the data (:func:`baocao.data.validate.tasks.iter_assignments`)
with the words the notice prints for it and a stable identifier. The identifier is the task's
``ma`` when the data gives one, else its lead and a digest of its printed words without its
number: it survives renumbering, and reading the issued notice back gives the same words, so the
same identifier.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from baocao.data.model import Notice, Registry
from baocao.data.tree import label
from baocao.data.validate.tasks import Assignment, iter_assignments
from baocao.documents.agencies import AgencyNames
from baocao.documents.parts import NoticeDocument
from baocao.vi.deadlines import Deadline
from baocao.vi.text import fold_vi

KIND_OF_KEY = {"khoan": "khoan", "diem": "diem", "y": "y", "gach": "gach", "cong": "cong", "doan": "doan",
               "phan": "phan"}


@dataclass(frozen=True)
class Task:
    id: str
    number: str                 # "5.b.(i)", "II.2", "2.-1.¶2": the numbers the notice prints, joined
    position: str               # "khoản 5, điểm b, ý (i)"
    path: tuple                 # data path of the node
    text: str                   # the task's own words as printed, without its number
    lead: str                   # registry key
    lead_name: str
    coordinators: tuple[str, ...]
    coordinator_names: tuple[str, ...]
    coordinators_extra: str | None
    deadlines: tuple[Deadline, ...]
    product: str | None
    report_to: str | None
    report_to_name: str | None
    authority: str | None
    assignment: Assignment


def number_of(path: tuple) -> str:
    """The compact number of the node at *path*: its ancestors' numbers and its own."""
    parts = []
    for key, index in zip(path[1::2], path[2::2]):
        kind = KIND_OF_KEY[key]
        if kind == "doan":
            parts.append(f"¶{index + 1}")
        elif kind in ("gach", "cong"):
            parts.append(f"{label(kind, 1)}{index + 1}")
        elif kind == "y":
            parts.append(label(kind, index + 1))
        else:
            parts.append(label(kind, index + 1).rstrip(".)"))
    return ".".join(parts)


def _own_text(doc: NoticeDocument, path: tuple) -> str:
    pieces = [piece.text for paragraph in doc.body for piece in paragraph.pieces if piece.path == path]
    text = " ".join(" ".join(pieces).split())
    kind = KIND_OF_KEY.get(path[-2], "") if len(path) >= 3 else ""
    mark = label(kind, path[-1] + 1) if kind else ""
    if mark and text.startswith(mark + " "):
        text = text[len(mark) + 1:]
    return text.rstrip(";").rstrip()


def notice_tasks(notice: Notice, registry: Registry, doc: NoticeDocument) -> tuple[Task, ...]:
    """Every task of *notice* with its printed words (from *doc*) and a stable identifier."""
    names = AgencyNames(notice, registry)
    tasks: list[Task] = []
    taken: set[str] = set()
    for a in iter_assignments(notice):
        text = _own_text(doc, a.path)
        if a.item.id:
            ident = f"{a.item.id}-{a.lead}" if a.co_lead else a.item.id
        else:
            digest = hashlib.sha1(fold_vi(text).encode("utf-8")).hexdigest()[:8]
            ident = base = f"{a.lead}-{digest}"
            n = 2
            while ident in taken:
                ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        tasks.append(Task(
            id=ident, number=number_of(a.path), position=a.position, path=a.path, text=text,
            lead=a.lead, lead_name=names.name(a.lead), coordinators=a.coordinators,
            coordinator_names=tuple(names.name(k) for k in a.coordinators),
            coordinators_extra=a.coordinators_extra, deadlines=a.deadlines, product=a.product,
            report_to=a.report_to, report_to_name=names.name(a.report_to) if a.report_to else None,
            authority=a.authority, assignment=a))
    return tuple(tasks)
