"""The assigned tasks of a notice, and the "6 rõ" check on each of them.

A **task** is a node of the body that is an assignment: it names a lead agency (``chu_tri``) or
sits under a node that does. A node given to several bodies at once (``dong_chu_tri`` beside
``chu_tri``) is a task of each of them. A node with children (ý, paragraphs, điểm, "- " or "+ " items) only
introduces them — each child is a task in turn — unless it has words of its own and states a
deadline or a product of its own, which makes it a task as well; a node without children is the
task. Everything a task does
not state itself (lead and how it is written, coordinators, deadlines, product, whom to report
to, deciding authority) comes from the nearest enclosing node that states it; coordinators always
come with the lead that names them.

The "6 rõ" of a task (see docs/format.md, "6 rõ"):

* **người** (who): the lead is one named body, not a group — its registry ``loai`` is not
  ``nhom`` ("các bộ, ngành, địa phương liên quan" is not rõ người);
* **việc** (what): the task has words of its own (``van_ban``, ``tieu_de`` or ``sau``);
* **thời gian** (when): it has a deadline (``thoi_han``: a day, a period, a recurring period,
  or "thuong-xuyen");
* **trách nhiệm** (responsibility): who answers for it is one named body — a lead that is not a
  group, whether written "X chủ trì", "X: …", as the heading of its tasks or in the text;
* **sản phẩm** (product): ``san_pham`` is given;
* **thẩm quyền** (authority): ``bao_cao`` or ``tham_quyen``, else the authority of the notice's
  signer, which every notice has — so it is never missing.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from baocao.data.model import Item, Notice, Registry, _Node
from baocao.data.tree import Visit, walk
from baocao.vi.deadlines import Deadline

SIX_CLEAR = ("người", "việc", "thời gian", "trách nhiệm", "sản phẩm", "thẩm quyền")


@dataclass(frozen=True)
class Context:
    """What a node inherits from the nodes around it."""

    lead: str | None = None
    co_leads: tuple[str, ...] = ()
    lead_style: str = "chu-tri"
    lead_path: tuple = ()
    coordinators: tuple[str, ...] = ()
    coordinators_extra: str | None = None
    list_style: str = "day-du"
    list_last: str = "va"
    deadlines: tuple[Deadline, ...] = ()
    product: str | None = None
    report_to: str | None = None
    authority: str | None = None

    def under(self, node: _Node, path: tuple) -> "Context":
        changes: dict = {}
        if node.lead_style:
            changes["lead_style"] = node.lead_style
        elif isinstance(node, Item) and node.lead and not self.verbatim:
            # A lead of its own is written "X chủ trì" unless the node says otherwise; text
            # written out in full stays so below.
            changes["lead_style"] = "chu-tri"
        if node.list_style:
            changes["list_style"] = node.list_style
        if node.list_last:
            changes["list_last"] = node.list_last
        if isinstance(node, Item):
            if node.lead:
                changes.update(lead=node.lead, co_leads=tuple(node.co_leads), lead_path=path,
                               coordinators=tuple(node.coordinators), coordinators_extra=node.coordinators_extra)
            if node.deadlines:
                changes["deadlines"] = tuple(node.deadlines)
            for name in ("product", "report_to", "authority"):
                if getattr(node, name):
                    changes[name] = getattr(node, name)
        return replace(self, **changes) if changes else self

    @property
    def verbatim(self) -> bool:
        """Is the text written out in full (nothing generated around it)?"""
        return self.lead_style in ("tieu-de", "nguyen-van")


@dataclass(frozen=True)
class Assignment:
    """One task with everything resolved. ``path`` is the data path of its node (e.g.
    ``("noi_dung", "khoan", 4, "diem", 1, "y", 0)``), ``position`` the same for a reader:
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
    lead_path: tuple = ()
    parents: tuple[_Node, ...] = field(default=(), repr=False)
    co_lead: bool = False           # one of the bodies after the first of a task given to several


def contexts(notice: Notice) -> Iterator[tuple[Visit, Context]]:
    """Every node of the body with what it inherits (its own settings included)."""
    body = getattr(notice, "body", None)
    if body is None:
        return
    root = Context().under(body, ("noi_dung",))
    stack: list[tuple[tuple, Context]] = []
    for visit in walk(notice):
        while stack and visit.path[:len(stack[-1][0])] != stack[-1][0]:
            stack.pop()
        outer = stack[-1][1] if stack else root
        here = outer.under(visit.node, visit.path)
        stack.append((visit.path, here))
        yield visit, here


def _has_children(node: _Node) -> bool:
    return bool(getattr(node, "sub_points", None) or getattr(node, "points", None) or node.dashes
                or node.pluses or node.paragraphs or getattr(node, "clauses", None))


def is_task(item: Item, ctx: Context) -> bool:
    """An assignment node is a task unless it only introduces its children: a node with children
    is a task too when it has words of its own and states a deadline or a product of its own (an
    agency heading with a deadline for all its tasks is not one)."""
    if ctx.lead is None:
        return False
    return not _has_children(item) or bool(item.text and (item.deadlines or item.product))


def iter_assignments(notice: Notice) -> Iterator[Assignment]:
    """Every task of *notice*, in document order (see the module docstring)."""
    for visit, ctx in contexts(notice):
        item = visit.item
        if item is None or not is_task(item, ctx):
            continue
        # A task given to several bodies at once is a task of each (as follow-up reports count it).
        for n, lead in enumerate((ctx.lead, *ctx.co_leads)):
            yield Assignment(item=item, path=visit.path, position=", ".join(visit.position), lead=lead,
                             lead_style=ctx.lead_style, own_lead=bool(item.lead), coordinators=ctx.coordinators,
                             coordinators_extra=ctx.coordinators_extra, deadlines=ctx.deadlines,
                             product=ctx.product, report_to=ctx.report_to, authority=ctx.authority,
                             lead_path=ctx.lead_path, parents=visit.parents, co_lead=n > 0)


def missing_clear(task: Assignment, registry: Registry | None = None) -> list[str]:
    """Which of the "6 rõ" *task* lacks, in the order of :data:`SIX_CLEAR`."""
    agency = registry.agencies.get(task.lead) if registry else None
    one_body = agency is None or agency.kind != "nhom"
    present = {
        "người": one_body,
        "việc": bool(task.item.text or task.item.title or task.item.tail),
        "thời gian": bool(task.deadlines),
        "trách nhiệm": one_body,
        "sản phẩm": bool(task.product),
        "thẩm quyền": True,
    }
    return [name for name in SIX_CLEAR if not present[name]]
