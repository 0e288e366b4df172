"""The assigned tasks of a notice, and the "6 rõ" check on each of them.

A **task** is an item that is an assignment, i.e. it has its own ``chu_tri`` or inherits one from
an enclosing item (khoản → điểm → ý). When an item has ý, each ý is a task (the item itself only
introduces them); when it has điểm, each điểm is looked at in turn; otherwise the item is the task.
Everything a task does not state itself (lead and its wording, coordinators, deadlines, product,
whom to report to, deciding authority) is taken from the nearest enclosing item that states it;
coordinators always come with the lead that names them.

The "6 rõ" (rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền) of a
task, as checked here:

* **người** (who): the lead is one named body, not a group — its registry ``loai`` is not
  ``nhom`` (e.g. "các bộ, ngành, địa phương liên quan" is not rõ người);
* **việc** (what): the task has its own text (``van_ban`` or ``tieu_de``);
* **thời gian** (when): it has at least one deadline (``thoi_han``; "thuong-xuyen" counts);
* **trách nhiệm** (responsibility): who leads and who helps is spelled out — the lead is written
  "X chủ trì" (``cach_giao: chu-tri``) or coordinators are named (``phoi_hop``/``phoi_hop_them``);
* **sản phẩm** (product): ``san_pham`` is given;
* **thẩm quyền** (authority): ``bao_cao`` (whom to report to) or ``tham_quyen`` is given.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from baocao.data.model import Item, Notice, Registry
from baocao.vi.deadlines import Deadline
from baocao.vi.numbering import diem_letter, roman, sub_point_label

SIX_CLEAR = ("người", "việc", "thời gian", "trách nhiệm", "sản phẩm", "thẩm quyền")


@dataclass(frozen=True)
class Assignment:
    """One task with everything resolved. ``path`` is the data path of its item
    (e.g. ``("noi_dung", "khoan", 4, "diem", 1, "y", 0)``), ``position`` the same for a reader:
    "khoản 5, điểm b, ý (i)"."""

    item: Item
    path: tuple
    position: str
    lead: str
    lead_style: str
    own_lead: bool
    coordinators: tuple[str, ...] = ()
    coordinators_extra: str | None = None
    deadlines: tuple[Deadline, ...] = ()
    product: str | None = None
    report_to: str | None = None
    authority: str | None = None
    parents: tuple[Item, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class _Context:
    lead: str | None = None
    lead_style: str = "chu-tri"
    coordinators: tuple[str, ...] = ()
    coordinators_extra: str | None = None
    deadlines: tuple[Deadline, ...] = ()
    product: str | None = None
    report_to: str | None = None
    authority: str | None = None

    def under(self, item: Item) -> "_Context":
        lead_source = item if item.lead else None
        return _Context(
            lead=item.lead or self.lead,
            lead_style=item.lead_style if lead_source else self.lead_style,
            coordinators=tuple(item.coordinators) if lead_source else self.coordinators,
            coordinators_extra=item.coordinators_extra if lead_source else self.coordinators_extra,
            deadlines=tuple(item.deadlines) or self.deadlines,
            product=item.product or self.product,
            report_to=item.report_to or self.report_to,
            authority=item.authority or self.authority,
        )


def _walk(item: Item, path: tuple, position: list[str], ctx: _Context,
          parents: tuple[Item, ...]) -> Iterator[Assignment]:
    here = ctx.under(item)
    if item.sub_points or item.points:
        kids = [("y", i, f"ý {sub_point_label(i + 1)}", sub) for i, sub in enumerate(item.sub_points)]
        kids += [("diem", i, f"điểm {diem_letter(i + 1) if i < 23 else i + 1}", sub)
                 for i, sub in enumerate(item.points)]
        for key, i, label, sub in kids:
            yield from _walk(sub, (*path, key, i), [*position, label], here, (*parents, item))
        return
    if here.lead:
        yield Assignment(item=item, path=path, position=", ".join(position), lead=here.lead,
                         lead_style=here.lead_style, own_lead=bool(item.lead),
                         coordinators=here.coordinators, coordinators_extra=here.coordinators_extra,
                         deadlines=here.deadlines, product=here.product, report_to=here.report_to,
                         authority=here.authority, parents=parents)


def iter_clauses(notice: Notice) -> Iterator[tuple[tuple, list[str], Item]]:
    """Each khoản with its data path and its position words ("phần II", "khoản 3")."""
    if notice.body is None:  # a namespace of validated parts without a valid body
        return
    if notice.body.sections:
        for s, section in enumerate(notice.body.sections):
            for k, clause in enumerate(section.clauses):
                yield ("noi_dung", "phan", s, "khoan", k), [f"phần {roman(s + 1)}", f"khoản {k + 1}"], clause
    else:
        for k, clause in enumerate(notice.body.clauses):
            yield ("noi_dung", "khoan", k), [f"khoản {k + 1}"], clause


def iter_assignments(notice: Notice) -> Iterator[Assignment]:
    """Every task of *notice*, in document order (see the module docstring)."""
    for path, position, clause in iter_clauses(notice):
        yield from _walk(clause, path, position, _Context(), ())


def missing_clear(task: Assignment, registry: Registry | None = None) -> list[str]:
    """Which of the "6 rõ" *task* lacks, in the order of :data:`SIX_CLEAR`."""
    agency = registry.agencies.get(task.lead) if registry else None
    present = {
        "người": agency is None or agency.kind != "nhom",
        "việc": bool((task.item.text or "").strip() or (task.item.title or "").strip()),
        "thời gian": bool(task.deadlines),
        "trách nhiệm": task.lead_style == "chu-tri" or bool(task.coordinators or task.coordinators_extra),
        "sản phẩm": bool(task.product),
        "thẩm quyền": bool(task.report_to or task.authority),
    }
    return [name for name in SIX_CLEAR if not present[name]]
