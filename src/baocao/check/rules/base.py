"""The rule registry and the helpers every rule uses. One function per rule R1–R43 (nd30.md, end).

A rule returns an ``Outcome``; the runner adds the rule number and the section of the spec to the
message. A rule that the file cannot decide returns SKIP with the reason, never PASS.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Callable

from baocao.check import text as tx
from baocao.check.model import Document, HRule, Para
from baocao.check.report import FAIL, PASS, SKIP, Place
from baocao.check.structure import Structure
from baocao.documents.layout import Layout

SIZE_TOL = 0.1


@dataclass
class Outcome:
    status: str
    message: str
    place: Place | None = None
    others: int = 0


@dataclass
class Ctx:
    doc: Document
    st: Structure
    layout: Layout
    kind: str
    _lines: dict = field(default_factory=dict)

    def place(self, p: Para | None, part: str | None = None) -> Place | None:
        if p is None:
            return Place(part=part) if part else None
        if self.doc.fmt == "pdf" and p.lines:
            first = p.lines[0]
            if not self._lines:
                for para in self.doc.paras:
                    for ln in para.lines:
                        self._lines.setdefault(ln.page, set()).add(round(ln.baseline, 1))
            rows = sorted(self._lines.get(first.page, []))
            line_no = next((i + 1 for i, b in enumerate(rows) if abs(b - first.baseline) < 0.15), None)
            return Place(page=first.page, line=line_no, excerpt=tx.excerpt(p.text), part=part)
        return Place(page=p.page, paragraph=p.source_index if p.source_index is not None else p.index + 1,
                     excerpt=tx.excerpt(p.text), part=part)


RULES: list[tuple[str, str, Callable[[Ctx], Outcome]]] = []


def rule(rid: str, section: str):
    def deco(fn: Callable[[Ctx], Outcome]):
        RULES.append((rid, section, fn))
        return fn
    return deco


def ok(message: str) -> Outcome:
    return Outcome(PASS, message)


def skip(message: str) -> Outcome:
    return Outcome(SKIP, message)


def fail(message: str, place: Place | None = None, others: int = 0) -> Outcome:
    return Outcome(FAIL, message, place, others)


class Problems:
    """Collects faults; the first one is reported with its place, the rest are counted."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.items: list[tuple[Para | None, str, str | None, int | None]] = []

    def add(self, para: Para | None, message: str, part: str | None = None, page: int | None = None):
        self.items.append((para, message, part, page))

    def extend(self, para: Para | None, messages):
        for m in messages:
            if m:
                self.add(para, m)

    def outcome(self, pass_message: str) -> Outcome:
        if not self.items:
            return ok(pass_message)
        para, message, part, page = self.items[0]
        place = self.ctx.place(para, part) if para is not None or page is None else Place(page=page, part=part)
        return fail(message, place, len(self.items) - 1)


def num(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "?"
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s.replace(".", ",")


def size_problem(p: Para, lo: float, hi: float, label: str) -> str | None:
    """Sizes are whole points within the range: "13–14 pt" is 13 or 14, not 13,5."""
    sizes = p.sizes()
    bad = sorted(s for s in sizes if not (lo - SIZE_TOL <= s <= hi + SIZE_TOL) or abs(s - round(s)) > SIZE_TOL)
    if bad:
        allowed = f"{num(lo)} pt" if lo == hi else f"{num(lo)}–{num(hi)} pt"
        return f"{label} cỡ chữ {', '.join(num(s) for s in bad)} pt, phải {allowed}"
    return None


def _style_problem(p: Para, attr: str, want: bool, must: str, must_not: str) -> str | None:
    spans = p.visible_spans
    if not spans:
        return None
    if want and not all(getattr(s, attr) for s in spans):
        return must
    if not want and any(getattr(s, attr) for s in spans):
        return must_not
    return None


def bold_problem(p: Para, label: str, want: bool = True) -> str | None:
    return _style_problem(p, "bold", want, f"{label} phải in đậm", f"{label} không được in đậm")


def italic_problem(p: Para, label: str, want: bool = False) -> str | None:
    return _style_problem(p, "italic", want, f"{label} phải in nghiêng", f"{label} phải là chữ đứng, không nghiêng")


def rule_under(paras: list[Para]) -> HRule | None:
    """The first line drawn under the last of ``paras`` that has one."""
    for p in reversed(paras):
        if p.rules_below:
            return p.rules_below[0]
    return None


def short_rule_problems(pr: "Problems", anchor: Para, line, width_mm: float, centre_mm: float | None,
                        what: str, measured: str) -> float:
    """The shared test of a short line under a text (§3 R13, §6 R22): solid, 1/3–1/2 of the text's
    width, centred on it. Adds what is wrong to ``pr``; returns the length ratio."""
    ratio = line.length_mm / width_mm
    if not line.solid:
        pr.add(anchor, f"đường dưới {what} phải là nét liền")
    if not (1 / 3 - 0.02 <= ratio <= 1 / 2 + 0.02):
        pr.add(anchor, f"đường dưới {what} dài {num(line.length_mm)} mm = {num(ratio * 100, 0)}% "
                       f"{measured} ({num(width_mm)} mm), phải từ 1/3 đến 1/2")
    if line.center_mm is not None and centre_mm is not None and abs(line.center_mm - centre_mm) > 2.5:
        pr.add(anchor, f"đường dưới {what} lệch tâm {num(abs(line.center_mm - centre_mm))} mm")
    return ratio


def centre_problem(p: Para, mates: list[Para | None], label: str, tol: float = 2.5) -> str | None:
    """Is ``p`` centred in its column? From alignment and cell box when known, else from the
    centres of the other lines of the same column (PDF)."""
    if p.container is not None and p.align is not None:
        # what the page shows: a line centred with spaces or tabs is centred
        c = (p.container[0] + p.container[1]) / 2
        if p.center_mm is None:
            return f"{label} phải căn giữa" if p.align != "center" else None
        if abs(p.center_mm - c) > tol:
            if p.align != "center" and p.center_mm < c - 10:
                return f"{label} phải căn giữa (đang căn {'trái' if p.align in ('left', 'both') else 'phải'})"
            return f"{label} lệch tâm cột {num(abs(p.center_mm - c))} mm"
        return None
    centres = [m.center_mm for m in mates if m is not None and m is not p and m.center_mm is not None]
    if not centres or p.center_mm is None:
        return None
    ref = statistics.median(centres)
    if abs(p.center_mm - ref) > tol:
        return f"{label} không thẳng tâm với các dòng cùng cột (lệch {num(abs(p.center_mm - ref))} mm)"
    return None
