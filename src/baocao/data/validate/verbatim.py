"""Text written out in full must agree with the assignment data beside it.

Where a node's words are printed as written (``cach_giao: nguyen-van``, or ``tieu-de`` with its
heading), nothing is generated that would make the data true by construction, so the data is
checked against the words: the lead is named in the node or in a heading above it, every
coordinator is named in the node or below it, and every deadline in ``thoi_han`` is written in
the text (as :func:`baocao.vi.deadline_text.mentions` reads it). A deadline phrase in the text
that ``thoi_han`` does not hold is a warning: the briefing and the calendar would miss it.
"""
from __future__ import annotations

from collections.abc import Callable

from baocao.data.model import Item, Notice, Registry, _Node
from baocao.data.tree import walk_node
from baocao.data.validate.tasks import contexts
from baocao.vi.deadline_text import find_deadlines, mentions
from baocao.vi.text import contains_words

Report = Callable[..., None]


def _own(node: _Node) -> tuple[str, ...]:
    return ((node.title,) if node.title else ()) + node.text + node.tail


def _subtree(node: _Node) -> tuple[str, ...]:
    texts: list[str] = []
    for visit in walk_node(node, "", 0, (), (), ()):
        texts += _own(visit.node)
    return tuple(texts)


def _above(parents: tuple[_Node, ...]) -> tuple[str, ...]:
    return tuple(t for p in parents for t in ((p.title,) if p.title else ()) + p.text)


def _named(texts: tuple[str, ...], names: tuple[str, ...]) -> bool:
    return any(contains_words(text, name) for text in texts for name in names)


def check_verbatim(notice: Notice, registry: Registry, report: Report) -> None:
    agencies = registry.agencies
    for visit, ctx in contexts(notice):
        item = visit.item
        if item is None:
            continue
        generated_heading = ctx.lead_style == "tieu-de" and item.lead and not item.title
        if item.co_leads and (not ctx.verbatim or generated_heading):
            report((*visit.path, "dong_chu_tri"),
                   "'dong_chu_tri' chỉ dùng khi câu chữ nêu các cơ quan đó (cach_giao: nguyen-van, hoặc "
                   "tieu-de có 'tieu_de'): câu sinh tự động chỉ ghi một cơ quan chủ trì")
        if not ctx.verbatim:
            continue
        own, below = _own(item), _subtree(item)
        if item.lead in agencies and not generated_heading:
            named_here = own + _above(visit.parents)
            leads = [(("chu_tri",), item.lead, "(và tiêu đề phía trên) không nêu cơ quan chủ trì '{}': sửa 'chu_tri' "
                                               "hoặc câu chữ")]
            leads += [(("dong_chu_tri", i), key, "không nêu cơ quan '{}' được cùng giao việc")
                      for i, key in enumerate(item.co_leads)]
            for where, key, words in leads:
                if key in agencies and not _named(named_here, agencies[key].names):
                    report((*visit.path, *where), "câu chữ của mục này " + words.format(agencies[key].name))
        for i, key in enumerate(item.coordinators):
            if key in agencies and not _named(below, agencies[key].names):
                report((*visit.path, "phoi_hop", i),
                       f"câu chữ của mục này không nêu cơ quan phối hợp '{agencies[key].name}'")
        for i, deadline in enumerate(item.deadlines):
            if not any(mentions(text, deadline) for text in below):
                written = [f"'{f.text}' ({f.deadline})" for t in below for f in find_deadlines(t) if f.firm]
                report((*visit.path, "thoi_han", i),
                       f"thời hạn '{deadline}' ({deadline.phrase()}) không có trong câu chữ; "
                       + (f"văn bản ghi {', '.join(written)}" if written else "văn bản không ghi thời hạn nào"))
        if ctx.lead is None:
            continue
        for text in own:
            for found in find_deadlines(text):
                if found.firm and found.deadline not in ctx.deadlines and not _in_children(item, found):
                    report((*visit.path, "thoi_han"),
                           f"văn bản ghi thời hạn '{found.text}' nhưng 'thoi_han' không có "
                           f"(thêm: thoi_han: {found.deadline})", True)


def _in_children(item: Item, found) -> bool:
    """A phrase a child declares (a lead-in that repeats a sub-task's deadline) is not missing."""
    return any(found.deadline in v.item.deadlines for v in walk_node(item, "", 0, (), (), ())
               if v.item is not None and v.node is not item)
