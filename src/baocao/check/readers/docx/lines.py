"""What a DOCX paragraph's first line shows: leading tabs and spaces, lines cut by line breaks."""
from __future__ import annotations

import re
from dataclasses import replace

from baocao.check import metrics
from baocao.check.model import Para, Span
from baocao.check.readers.docx.styles import twips_to_mm


def leading_advance(text: str, size: float, left: float, first: float, tabs: dict, default_tab_mm: float) -> float | None:
    """Width (mm) of the spaces and tabs the paragraph starts with; None without font metrics."""
    pos = left + first                      # from the text column's left edge
    start = pos
    for ch in text:
        if ch in (" ", "\u00a0"):
            w_ = metrics.text_width_mm(" ", size)
            if w_ is None:
                return None
            pos += w_
        elif ch == "\t":
            stops = sorted(twips_to_mm(t) for t, kind in tabs.items() if kind != "bar")
            nxt = next((t for t in stops if t > pos + 0.01), None)
            if nxt is None:
                step = default_tab_mm or 12.7
                nxt = (int((pos + 0.01) // step) + 1) * step
                if first < 0 and left > pos + 0.01:
                    nxt = min(nxt, left)     # a hanging indent is a tab stop of its own
            pos = nxt
        else:
            break
    return pos - start


def split_lines(para: Para, res) -> list[tuple[Para, object]]:
    """A paragraph whose lines are cut by line breaks (Shift+Enter): one part per line, as the
    page shows them ("CỘNG HÒA …⏎Độc lập - Tự do - Hạnh phúc" typed as one paragraph).

    ``res`` is the reader's ParaResult: the last part keeps it (borders, shapes), the others get an
    empty one."""
    groups: list[list[Span]] = [[]]
    for span in para.spans:
        parts = span.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                groups.append([])
            if part:
                groups[-1].append(replace(span, text=part))
    groups = [g for g in groups if "".join(sp.text for sp in g).strip()]
    if len(groups) < 2:
        return [(para, res)]
    out = []
    for k, spans in enumerate(groups):
        text = "".join(sp.text for sp in spans)
        widths = metrics.wrap_widths([(sp.text.replace("\t", " "), sp.size or 12.0, sp.bold, sp.italic)
                                      for sp in spans], None)
        piece = replace(para, text=text, spans=spans, line_widths_mm=widths, rules_below=[], lines=[],
                        space_before_pt=para.space_before_pt if k == 0 else 0.0,
                        space_after_pt=para.space_after_pt if k == len(groups) - 1 else 0.0)
        if para.align != "center" and widths and para.container is not None:
            start = para.container[0] + (para.left_indent_mm or 0) + (para.first_indent_mm if k == 0 else 0)
            piece.center_mm = start + widths[0] / 2
        last = k == len(groups) - 1
        piece_res = res if last else type(res)(piece, indents=res.indents)
        if last:
            res.para = piece
        out.append((piece, piece_res))
    return out


def app_pages(pkg) -> int | None:
    """The page count Word or LibreOffice saved in docProps/app.xml (None when another program wrote it)."""
    blob = pkg.blob("docProps/app.xml")
    if not blob:
        return None
    text = blob.decode("utf-8", "replace")
    if "Microsoft Office Word" not in text and "LibreOffice" not in text:
        return None
    m = re.search(r"<Pages>(\d+)</Pages>", text)
    return int(m.group(1)) if m else None
