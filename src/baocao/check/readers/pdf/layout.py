"""From rows of PDF segments to paragraphs: page numbers, text block, zones, columns, rules.

Zones of a notice, top to bottom: the two-column header on page 1 (everything above the first row
centred on the text block: the tên loại), the running text, then the two-column closing block
(from "Nơi nhận", a signer's first line, or the row after the one ending "./."), then — in an
extract — the copy block from "TRÍCH SAO" on. In the running text, a new paragraph starts where the
vertical gap grows, where a line starts indented, or around a centred line.
"""
from __future__ import annotations

import bisect
import statistics
from collections import Counter
from dataclasses import replace

from baocao.check import text as tx
from baocao.check.model import (
    BODY,
    CLOSING_LEFT,
    CLOSING_RIGHT,
    HEADER_LEFT,
    HEADER_RIGHT,
    MM_PER_PT,
    TABLE,
    Document,
    HRule,
    PageMark,
    PageNumbering,
    Para,
    Section,
    Span,
)
from baocao.check.readers.pdf.glyphs import Segment

SINGLE = 1.149      # single line of Times metrics, em


def _cluster_value(values: list[float], tol: float) -> tuple[float | None, int]:
    """The value most others sit within ``tol`` of, and how many do (ties: the larger value).

    Sorted once and counted by bisection: a page of thousands of lines costs n log n, not n²."""
    xs = sorted(values)
    n = len(xs)
    best, count = None, 0
    for v in xs:
        lo = bisect.bisect_left(xs, v - tol)
        while lo > 0 and abs(xs[lo - 1] - v) <= tol:
            lo -= 1
        while lo < n and abs(xs[lo] - v) > tol:
            lo += 1
        hi = bisect.bisect_right(xs, v + tol)
        while hi < n and abs(xs[hi] - v) <= tol:
            hi += 1
        while hi > lo and abs(xs[hi - 1] - v) > tol:
            hi -= 1
        within = hi - lo
        if within > count or (within == count and best is not None and v > best):
            best, count = v, within
    return best, count


class Builder:
    def __init__(self, path, pages_rows, rules, sections, verticals, layout):
        self.path = path
        self.pages_rows = pages_rows
        self.rules = rules
        self.sections: list[Section] = sections
        self.verticals = verticals
        self.layout = layout
        self.marks: list[PageMark] = []
        self.paras: list[Para] = []
        self.notes: list[str] = []

    # ------------------------------------------------------------------ page numbers, margins
    def take_page_marks(self):
        for page_no, rows in enumerate(self.pages_rows, start=1):
            sec = self.sections[page_no - 1]
            for where in ("header", "footer"):
                while rows:
                    row = rows[0] if where == "header" else rows[-1]
                    other = rows[1] if where == "header" and len(rows) > 1 else (
                        rows[-2] if len(rows) > 1 else None)
                    text = " ".join(s.text for s in row)
                    number = tx.page_number_text(text) if len(row) == 1 else None
                    in_margin = (row[0].bottom < 18.0) if where == "header" else (row[0].top > sec.height_mm - 16.0)
                    near_edge = (row[0].top < 30.0) if where == "header" else (row[0].bottom > sec.height_mm - 30.0)
                    separated = other is None or (
                        (other[0].top - row[0].bottom > -0.3) if where == "header" else (row[0].top - other[0].bottom > -0.3))
                    if number is not None and near_edge and separated and other is not None:
                        seg = row[0]
                        span = seg.spans[0] if seg.spans else None
                        self.marks.append(PageMark(location=where, page=page_no, text=number,
                                                   center_mm=seg.center, size=seg.size,
                                                   bold=bool(span and span.bold),
                                                   italic=bool(span and span.italic),
                                                   font=span.font if span else None))
                    elif not in_margin or other is None:
                        break
                    if where == "header":
                        rows.pop(0)
                    else:
                        rows.pop()

    def text_block(self):
        segs = [s for rows in self.pages_rows for row in rows for s in row]
        if not segs:
            return None, None
        page_w = self.sections[0].width_mm
        wide = [s for s in segs if s.width >= 0.55 * (page_w - 45.0)]
        right, n_right = _cluster_value([s.x1 for s in wide], 0.5)
        left, n_left = _cluster_value([s.x0 for s in wide], 0.5)
        if n_right < 3 or right is None:
            right = max(s.x1 for s in segs)
            self.notes.append("lề phải đo theo mép chữ xa nhất (không có đoạn canh đều nhiều dòng)")
        if n_left < 3 or left is None:
            left = min(s.x0 for s in segs)
            self.notes.append("lề trái đo theo mép chữ gần nhất")
        left = min(left, min(s.x0 for s in wide)) if wide and n_left >= 3 else left
        # short documents whose wide lines are all indented first lines (a Giấy mời): the margin is
        # where several lines of any width start, a little to the left
        flush, n_flush = _cluster_value([s.x0 for s in segs if left - 15.0 <= s.x0 < left - 1.0], 0.5)
        if flush is not None and n_flush >= 3:
            left = flush
        return left, right

    # ------------------------------------------------------------------ zones
    def zones(self, rows, left, right):
        """Indices into ``rows`` where the running text, the closing and the copy block start."""
        center = (left + right) / 2
        n = len(rows)
        title = None
        for i, (page, row) in enumerate(rows):
            if page != 1:
                break
            if i == 0 or len(row) != 1:
                continue
            seg = row[0]
            if abs(seg.center - center) <= 4.0 and seg.x0 > left + 5.0 and not (
                    tx.is_quoc_hieu(seg.text) or tx.is_tieu_ngu(seg.text)):
                title = i
                break
        if title is None:
            # no centred title: the header ends before the first full-width line
            title = next((i for i, (page, row) in enumerate(rows)
                          if any(s.width > 0.7 * (right - left) for s in row)), 0)
        copy = n
        for i in range(title, n):
            if any(tx.is_trich_sao(s.text) for s in rows[i][1]):
                copy = i
                break
        closing = copy
        appendix = copy
        for i in range(title + 1, copy):
            page, row = rows[i]
            prev_text = " ".join(s.text for s in rows[i - 1][1]).rstrip()
            if any(tx.is_recipients_label(s.text) for s in row) or \
                    any(tx.is_signer_head(s.text) and s.center > center for s in row) or \
                    prev_text.endswith("./."):
                closing = i
                break
        # what follows the signature on a page of its own, from a "Phụ lục" heading: an appendix
        for i in range(closing + 1, copy):
            page, row = rows[i]
            if page != rows[i - 1][0] and tx.fold(" ".join(s.text for s in row)).startswith("phu luc"):
                appendix = i
                break
        return title, closing, appendix, copy

    # ------------------------------------------------------------------ paragraphs
    def build(self) -> Document:
        self.take_page_marks()
        left, right = self.text_block()
        if left is None:
            left = self.layout.margin_left_mm
            right = self.sections[0].width_mm - self.layout.margin_right_mm
        self.left, self.right = left, right
        center = (left + right) / 2
        rows = [(p, row) for p, page_rows in enumerate(self.pages_rows, start=1) for row in page_rows]
        # rows of underscores or dashes are drawn lines
        kept = []
        for page, row in rows:
            segs = []
            for s in row:
                if tx.is_rule_text(s.text):
                    self.rules.append(HRule(length_mm=s.width, kind="text", x0_mm=s.x0, y_mm=s.baseline,
                                            page=page, center_mm=s.center))
                else:
                    segs.append(s)
            if segs:
                kept.append((page, segs))
        rows = kept
        title, closing, appendix, copy = self.zones(rows, left, right)
        self.pitch = self.line_pitches([r for r in rows[title:closing]], left, right)
        # header block
        self.columns(rows[:title], center, HEADER_LEFT, HEADER_RIGHT)
        self.flow(rows[title:closing])
        self.columns(rows[closing:appendix], center, CLOSING_LEFT, CLOSING_RIGHT)
        for page, row in rows[appendix:copy]:
            self._new_para([self._merge(row)], TABLE, None)
        self.columns(rows[copy:], center, CLOSING_LEFT, CLOSING_RIGHT)
        for i, p in enumerate(self.paras):
            p.index = i
        self.attach_rules()
        header_bottom = rows[title][1][0].top if title < len(rows) and rows else None
        vertical = 0
        if header_bottom is not None:
            # cell borders: vertical strokes at three or more places across the header (a box
            # round an urgency mark has only two)
            xs = {round(x) for x, top, bottom in self.verticals.get(1, [])
                  if bottom <= header_bottom + 1.0 and bottom - top > 3.0}
            vertical = len(xs) if len(xs) >= 3 else 0
        self.measure_margins()
        numbering = PageNumbering(page_count=len(self.sections), marks=self.marks,
                                  text_center_mm=center)
        return Document(path=self.path, fmt="pdf", paras=self.paras, sections=self.sections,
                        numbering=numbering, rules=self.rules, text_left_mm=left, text_right_mm=right,
                        body_line_pitch_pt=self.pitch, vertical_lines_in_header=vertical, notes=self.notes)

    def line_pitches(self, rows, left, right) -> dict[float, float]:
        """Baseline distance between lines of one paragraph, per font size (points)."""
        samples: dict[float, list[float]] = {}
        lines = [(p, self._merge(row)) for p, row in rows]
        for (pa, a), (pb, b) in zip(lines, lines[1:]):
            if pa != pb or abs(a.size - b.size) > 0.1:
                continue
            if a.x1 >= right - 0.6 and b.x0 <= left + 0.6:
                samples.setdefault(a.size, []).append((b.baseline - a.baseline) / MM_PER_PT)
        return {size: statistics.median(v) for size, v in samples.items()}

    def _merge(self, row):
        """One line from the segments of a running-text row."""
        if len(row) == 1:
            return row[0]
        glyphs = [g for s in row for g in s.glyphs]
        seg = Segment(glyphs, row[0].page)
        seg.text = " ".join(s.text for s in row)
        seg.spans = []
        for s in row:
            if seg.spans:
                seg.spans[-1].text += " "
            seg.spans.extend(replace(sp)
                             for sp in s.spans)
        seg.x0, seg.x1 = min(s.x0 for s in row), max(s.x1 for s in row)
        seg.size = Counter(s.size for s in row).most_common(1)[0][0]
        seg.baseline = statistics.median(s.baseline for s in row)
        seg.top, seg.bottom = min(s.top for s in row), max(s.bottom for s in row)
        return seg

    def _new_para(self, segs, region, container):
        lines = [s.as_line() for s in segs]
        spans: list[Span] = []
        for s in segs:
            if spans:
                spans[-1].text += " "
            spans.extend(replace(sp)
                         for sp in s.spans)
        widest = max(segs, key=lambda s: s.width)
        para = Para(index=len(self.paras), text=" ".join(s.text for s in segs), spans=spans, region=region,
                    page=segs[0].page, container=container, center_mm=widest.center,
                    line_widths_mm=[s.width for s in segs], lines=lines,
                    top_mm=segs[0].top, bottom_mm=segs[-1].bottom)
        self.paras.append(para)
        return para

    def columns(self, rows, center, left_region, right_region):
        streams = {left_region: [], right_region: []}
        for page, row in rows:
            sides: dict[str, list] = {left_region: [], right_region: []}
            for seg in row:
                sides[left_region if seg.center < center else right_region].append(seg)
            for region, segs in sides.items():
                if segs:
                    # a column holds one piece of text per row ("Số:      /TB-VPCP" in a draft)
                    streams[region].append(segs[0] if len(segs) == 1 else self._merge(segs))
        for region, segs in streams.items():
            current = None
            prev = None
            for seg in segs:
                continuation = (
                    current is not None and region == left_region and prev is not None
                    and prev.page == seg.page and not seg.text.startswith(("-", "–", "+"))
                    and not tx.is_recipients_label(seg.text)
                    and (current.text.startswith(("-", "–", "+")))
                    and seg.baseline - prev.baseline <= 1.6 * seg.size * MM_PER_PT
                    and abs(seg.size - prev.size) < 0.3
                )
                if continuation:
                    current.text += " " + seg.text
                    current.spans[-1].text += " "
                    current.spans.extend(replace(sp) for sp in seg.spans)
                    current.lines.append(seg.as_line())
                    current.line_widths_mm.append(seg.width)
                    current.bottom_mm = seg.bottom
                else:
                    current = self._new_para([seg], region, None)
                prev = seg

    def _centred(self, seg, in_body: bool = False) -> bool:
        c = (self.left + self.right) / 2
        if abs(seg.center - c) > 2.5:
            return False
        if not in_body:
            # title lines may be nearly as wide as the text; what is not centred: a line running from
            # margin to margin, or an indented first line running to the right margin
            left_gap, right_gap = seg.x0 - self.left, self.right - seg.x1
            if right_gap <= 0.6 and (left_gap <= 0.3 or left_gap > 1.2):
                return False
            return True
        indent = seg.x0 - self.left
        if any(abs(indent - std) <= 0.6 for std in (10.0, 12.7)):
            return False      # in the body: an indented one-line paragraph that ends short of the margin
        return seg.x0 > self.left + 1.0 and seg.x1 < self.right - 1.0

    def flow(self, rows):
        lines = [self._merge(row) for _, row in rows]
        groups: list[list] = []
        in_body = False
        self.body_from = None
        for seg in lines:
            if not in_body and seg.x1 >= self.right - 0.6 and seg.x0 < self.left + 15.0 \
                    and not self._centred(seg):
                in_body = True      # the first line running to the right margin: the body has begun
                self.body_from = seg
            seg.in_body = in_body
            if not groups:
                groups.append([seg])
                continue
            a = groups[-1][-1]
            pitch = self.pitch.get(seg.size) or SINGLE * seg.size
            gap = (seg.baseline - a.baseline) / MM_PER_PT
            new = (
                a.page != seg.page and not (a.x1 >= self.right - 0.6 and seg.x0 <= self.left + 0.6)
                or (a.page == seg.page and gap > pitch + 2.0)
                or self._centred(a, a.in_body) or self._centred(seg, seg.in_body)
                or seg.x0 > self.left + 2.0
                or abs(a.size - seg.size) > 0.3
            )
            if new:
                groups.append([seg])
            else:
                groups[-1].append(seg)
        prev_para = None
        for segs in groups:
            para = self._new_para(segs, BODY, (self.left, self.right))
            self._describe(para, segs, prev_para)
            prev_para = para

    def _describe(self, para: Para, segs, prev: Para | None):
        left, right = self.left, self.right
        first = segs[0]
        para.first_indent_mm = first.x0 - left
        if len(segs) > 1:
            others = segs[1:]
            para.left_indent_mm = min(s.x0 for s in others) - left
            para.right_indent_mm = right - max(s.x1 for s in segs)
            body = segs[:-1]
            if all(s.x1 >= right - 0.6 for s in body) and all(s.x0 <= left + 0.6 for s in others):
                para.align = "both"
            elif all(self._centred(s, s.in_body) for s in segs):
                para.align = "center"
            elif all(s.x1 >= right - 0.6 for s in segs):
                para.align = "right"
            else:
                para.align = "left"
            pitches = [(b.baseline - a.baseline) / MM_PER_PT for a, b in zip(segs, segs[1:])
                       if a.page == b.page]
            if pitches:
                para.line_spacing = statistics.median(pitches) / (SINGLE * first.size)
        else:
            if self._centred(first, first.in_body):
                para.align = "center"
            elif first.x1 >= right - 0.6 and first.x0 > left + 10.0:
                para.align = "right"
        if prev is not None and prev.lines and prev.lines[-1].page == first.page:
            own = None
            if para.line_spacing is not None:
                own = para.line_spacing * SINGLE * first.size
            pitch = own or self.pitch.get(first.size) or SINGLE * first.size
            para.gap_before_pt = (first.baseline - prev.lines[-1].baseline) / MM_PER_PT - pitch

    # ------------------------------------------------------------------ rules under text
    def attach_rules(self):
        lines = [(para, ln) for para in self.paras for ln in para.lines]
        for rule in self.rules:
            best, best_d = None, None
            for para, ln in lines:
                if ln.page != rule.page:
                    continue
                d = rule.y_mm - ln.baseline
                if d < -0.3 or d > 1.7 * ln.size * MM_PER_PT:
                    continue
                if rule.center_mm < ln.x0 - 3.0 or rule.center_mm > ln.x1 + 3.0:
                    continue
                if best_d is None or d < best_d:
                    best, best_d = para, d
            if best is not None:
                best.rules_below.append(rule)
                rule.__dict__["_gap"] = best_d
        for para in self.paras:
            # the line drawn for the text is the nearest one under it (a cell border comes later)
            para.rules_below.sort(key=lambda r: r.__dict__.get("_gap", 0.0))

    def measure_margins(self):
        for sec in self.sections:
            paras = [ln for p in self.paras for ln in p.lines if ln.page == sec.number]
            sec.margin_left_mm = self.left
            sec.margin_right_mm = sec.width_mm - self.right
            if not paras:
                continue
            sec.margin_top_mm = min(ln.top for ln in paras)
            sec.margin_bottom_mm = sec.height_mm - max(ln.bottom for ln in paras)
            sec.top_is_minimum = sec.number != 1
            sec.bottom_is_minimum = True


def build_paragraphs(path, pages_rows, rules, sections, verticals, layout) -> Document:
    return Builder(path, pages_rows, rules, sections, verticals, layout).build()
