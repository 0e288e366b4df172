"""Which agencies get an extract, and which paragraphs of the notice each one copies.

An agency is **concerned** by a node of the body when the node's lead (its own or inherited)
is that agency or one of the node's coordinators is (docs/format.md, "Assignments"); also when
the lead is a general group ("Các bộ, ngành, địa phương liên quan", with ``trich_sao_chung``) or a
group the agency belongs to (with ``trich_sao_nhom: thanh-vien``). The extract copies:

* every paragraph of a concerned node, verbatim, with its original number;
* the lead-in of every node above one ("5. Các bộ, ngành, … tập trung vào một số nội dung cụ
  thể sau:" above its "b)"): the node's own words before its first child, not what follows its
  children;
* the opening (``trich_sao_mo_dau``) and the closing sentence, which ends with "./.";
* where content is left out, one line "…" (``trich_sao_luoc``); inside a paragraph (ý of
  another agency) the "…" stands in the paragraph itself.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from baocao.data.model import Item, Notice
from baocao.data.validate.tasks import contexts
from baocao.documents.extract.groups import Groups
from baocao.documents.extract.settings import ExtractSettings
from baocao.documents.parts import Paragraph, Piece, Run
from baocao.documents.tasks import Task

INF = (10 ** 9, 0)


@dataclass
class Concern:
    """Why one agency gets an extract."""

    key: str
    lead: list[Task] = field(default_factory=list)
    coordinator: list[Task] = field(default_factory=list)
    via_group: list[Task] = field(default_factory=list)   # led by a group the agency belongs to
    general: list[Task] = field(default_factory=list)     # general directives copied to everyone
    lead_nodes: list[tuple] = field(default_factory=list)         # where it is named as the lead
    coordinator_nodes: list[tuple] = field(default_factory=list)  # where it is named to coordinate
    group_nodes: list[tuple] = field(default_factory=list)

    @property
    def tasks(self) -> list[Task]:
        seen: dict[str, Task] = {}
        for t in (*self.lead, *self.coordinator, *self.via_group, *self.general):
            seen.setdefault(t.id, t)
        return sorted(seen.values(), key=lambda t: _order(t.path))


def _order(path: tuple) -> tuple:
    return tuple(p if isinstance(p, int) else 0 for p in path[2::2])


def _add(nodes: list, path: tuple) -> None:
    if path not in nodes:
        nodes.append(path)


class Reach:
    """Does a node whose lead is *lead* (coordinated by *coordinators*) concern *agency*?"""

    def __init__(self, groups: Groups, settings: ExtractSettings):
        self.groups = groups
        self.settings = settings

    def general(self, lead: str | None) -> bool:
        return lead is not None and self.settings.general and self.groups.is_general(lead)

    def via_group(self, agency: str, lead: str | None) -> bool:
        return lead is not None and self.settings.group_members and self.groups.is_group(lead) \
            and not self.groups.is_general(lead) and agency in self.groups.members(lead)

    def __call__(self, agency: str, lead: str | None, coordinators: Iterable[str]) -> bool:
        return agency == lead or agency in coordinators or self.general(lead) or self.via_group(agency, lead)


def concerns(notice: Notice, tasks: tuple[Task, ...], reach: Reach) -> list[Concern]:
    """Every agency that gets an extract, in the order the notice first names it."""
    groups, settings = reach.groups, reach.settings
    found: dict[str, Concern] = {}

    def own(key: str) -> bool:
        """Does *key* get an extract for being named?"""
        if groups.is_general(key) and settings.general:
            return False
        if groups.is_group(key) and not groups.is_general(key):
            return settings.group_extracts
        return True

    def concern(key: str) -> Concern:
        return found.setdefault(key, Concern(key))

    general = [t for t in tasks if reach.general(t.lead)]
    by_path: dict[tuple, list[Task]] = {}
    for task in tasks:
        by_path.setdefault(task.path, []).append(task)
    for visit, _ctx in contexts(notice):
        item = visit.node if isinstance(visit.node, Item) else None
        if item is not None and item.lead and own(item.lead):
            _add(concern(item.lead).lead_nodes, visit.path)
        for task in by_path.get(visit.path, ()):
            where = task.assignment.lead_path or task.path
            if own(task.lead):
                concern(task.lead).lead.append(task)
                _add(concern(task.lead).lead_nodes, where)
            for key in task.coordinators:
                if own(key):
                    concern(key).coordinator.append(task)
                    _add(concern(key).coordinator_nodes, where)
            if settings.group_members and groups.is_group(task.lead) and not groups.is_general(task.lead):
                for key in groups.members(task.lead):
                    concern(key).via_group.append(task)
                    _add(concern(key).group_nodes, where)
    for c in found.values():
        c.general = [t for t in general if t not in c.lead and t not in c.coordinator]
    return list(found.values())


def concerned_nodes(notice: Notice, agency: str, reach: Reach) -> set[tuple]:
    """Data paths of the nodes that concern *agency* (their lead, inherited or not, reaches it)."""
    return {visit.path for visit, ctx in contexts(notice)
            if reach(agency, ctx.lead, ctx.coordinators) or agency in ctx.co_leads}


def ancestors(path: tuple) -> Iterable[tuple]:
    for end in range(len(path) - 2, 0, -2):
        yield path[:end]


def select(body: tuple[Paragraph, ...], full: set[tuple], settings: ExtractSettings) -> tuple[Paragraph, ...]:
    """The paragraphs of *body* an extract copies for the nodes *full*, with "…" for the rest."""
    wanted = set(full)
    for path in full:
        wanted.update(ancestors(path))
    # where the first words of each node's children stand: a node's own words before that
    # point are its lead-in
    first_child: dict[tuple, tuple[int, int]] = {}
    for i, paragraph in enumerate(body):
        for j, piece in enumerate(paragraph.pieces):
            for a in ancestors(piece.path):
                first_child.setdefault(a, (i, j))
    has_closing = any(p.role == "closing" for p in body)
    last = len(body) - 1

    def keep(i: int, j: int, path: tuple) -> bool:
        return path in full or (path in wanted and (i, j) < first_child.get(path, INF))

    out: list[Paragraph] = []
    left_out = False
    for i, paragraph in enumerate(body):
        if paragraph.role == "opening":
            kept = [settings.opening] * len(paragraph.pieces)
        elif paragraph.role == "closing" or (not has_closing and i == last):
            kept = [True] * len(paragraph.pieces)
        else:
            kept = [keep(i, j, piece.path) for j, piece in enumerate(paragraph.pieces)]
        if not any(kept):
            left_out = True
            continue
        if left_out and settings.elision:
            out.append(elision(settings.elision))
        left_out = False
        out.append(paragraph if all(kept) else partial(paragraph, kept, settings.elision))
    return tuple(out)


def elision(text: str) -> Paragraph:
    return Paragraph("elision", (Run(text),), (), (Piece((), text),))


def partial(paragraph: Paragraph, kept: list[bool], marker: str) -> Paragraph:
    """*paragraph* with the pieces not kept replaced by *marker* (one per run of them), every
    kept word in its original style."""
    bounds, pos = [], 0
    for piece in paragraph.pieces:
        bounds.append((pos, pos + len(piece.text)))
        pos += len(piece.text)
    if pos != len(paragraph.text):
        return paragraph            # the pieces do not cover the words: copy the paragraph whole
    runs: list[Run] = []
    pieces: list[Piece] = []
    k = 0
    while k < len(kept):
        if kept[k]:
            runs += _slice(paragraph.runs, *bounds[k])
            pieces.append(paragraph.pieces[k])
            k += 1
            continue
        end = k
        while end < len(kept) and not kept[end]:
            end += 1
        if marker:
            text = marker + (" " if end < len(kept) else "")
            runs.append(Run(text))
            pieces.append(Piece((), text))
        k = end
    if runs:
        tail = runs[-1]
        runs[-1] = Run(tail.text.rstrip(), tail.bold, tail.italic)
    return Paragraph(paragraph.role, tuple(_merge(runs)), paragraph.path, tuple(pieces))


def _slice(runs: tuple[Run, ...], start: int, end: int) -> list[Run]:
    out, pos = [], 0
    for run in runs:
        a, b = max(start, pos), min(end, pos + len(run.text))
        if a < b:
            out.append(Run(run.text[a - pos:b - pos], run.bold, run.italic))
        pos += len(run.text)
    return out


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            out.append(run)
    return out
