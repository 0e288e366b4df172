"""Ý written inside a paragraph — "…: (i) Lên lộ trình …; (ii) Đẩy mạnh …" — cut into the
node's own words and its ý, only where baocao prints the very same paragraph back (the "; "
between ý, a space after one that ends in a full stop)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.documents.body import join_inline
from baocao.vi.numbering import sub_point_label


@dataclass(frozen=True)
class Split:
    head: str                  # the node's own words before "(i)"
    points: list[str]          # the ý, without their "(i)" label
    tail: str | None = None    # words after the last ý that continue the paragraph (``sau``)


def _label(k: int) -> str:
    return sub_point_label(k)


def split(text: str, tail_starts=None) -> Split | None:
    """Cut *text* at "(i)", "(ii)" … ; *tail_starts(rest)* says whether the words after a "; "
    in the last ý begin a new subject (they then continue the paragraph as ``sau``)."""
    marks: list[re.Match] = []
    pos = 0
    k = 1
    while True:
        m = re.compile(r"(?:(?<=\s)|^)" + re.escape(_label(k)) + r"\s+").search(text, pos)
        if not m:
            break
        marks.append(m)
        pos, k = m.end(), k + 1
    if len(marks) < 2:
        return None
    head = text[:marks[0].start()].rstrip()
    if not head:
        return None
    points = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        points.append(text[m.end():end].rstrip())
    for i in range(len(points) - 1):
        if points[i].endswith(";"):
            points[i] = points[i][:-1].rstrip()
    if not all(points):
        return None
    tail = None
    if tail_starts is not None:
        for m in re.finditer(r";\s+", points[-1]):
            rest = points[-1][m.end():]
            if tail_starts(rest):
                points[-1], tail = points[-1][:m.start()], rest
                break
    labelled = [f"{_label(i + 1)} {p}" for i, p in enumerate(points)] + ([tail] if tail else [])
    if f"{head} " + "".join(join_inline(labelled)) != text:
        return None
    return Split(head, points, tail)
