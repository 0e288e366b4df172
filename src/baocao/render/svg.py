"""Charts as SVG, written by hand: vector, in the document's serif, the same bytes every run.

A chart library would bring its own fonts, ids and time stamps (matplotlib salts its ids and
dates its files, pygal writes random ids); the three charts of the briefing are bars and text,
which a few dozen lines draw exactly. Labels are measured with the metrics of the serif the page
uses (:mod:`baocao.documents.metrics`), so long agency names wrap instead of running into the
bars. Every bar is a ``<g class="bar" data-label="…">`` of ``<rect class="seg" data-series="…">``
segments, each with a ``<title>`` a reader's mouse (or a test) can read; the axis ticks carry
their value in ``data-value``.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from baocao import vi
from baocao.documents import metrics

WIDTH = 680.0                    # px: the text width of an A4 page with 15 mm margins
FONT = "'Liberation Serif', Tinos, 'Times New Roman', serif"
FONT_PX = 12.0
LINE_PX = 13.5
LABEL_PX = 210.0                 # the column of agency names
BAR_PX = 14.0
PX_TO_MM = 25.4 / 96


@dataclass(frozen=True)
class Series:
    key: str                     # data-series of the segments
    label: str                   # legend text
    color: str
    ink: str = "#000"            # colour of a count written inside a segment


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]      # one per series


def num(x: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never "-0"."""
    text = f"{round(x, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_px(text: str, size: float = FONT_PX, bold: bool = False) -> float:
    return metrics.text_width_pt(text, size, bold=bold)  # a px font is as wide in px as a pt font in pt


def wrap_px(text: str, width: float, size: float = FONT_PX) -> list[str]:
    return metrics.wrap(text, width * PX_TO_MM, size * 0.75) or [text]


def nice_step(top: int, ticks: int = 8) -> int:
    """A tick step of 1, 2 or 5 × 10ⁿ giving at most *ticks* intervals up to *top*."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class Canvas:
    def __init__(self, width: float, label: str):
        self.width, self.label, self.parts = width, label, []  # type: ignore[var-annotated]

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def text(self, x: float, y: float, words: str, anchor: str = "start", size: float = FONT_PX,
             fill: str = "#000", bold: bool = False, cls: str | None = None) -> None:
        attrs = f'x="{num(x)}" y="{num(y)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if size != FONT_PX:
            attrs += f' font-size="{num(size)}"'
        if fill != "#000":
            attrs += f' fill="{fill}"'
        if bold:
            attrs += ' font-weight="bold"'
        if cls:
            attrs += f' class="{cls}"'
        self.add(f"<text {attrs}>{escape(words)}</text>")

    def svg(self, height: float) -> str:
        body = "\n".join(self.parts)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{num(self.width)}" '
                f'height="{num(height)}" viewBox="0 0 {num(self.width)} {num(height)}" role="img" '
                f'aria-label={quoteattr(self.label)} font-family="{FONT}" font-size="{num(FONT_PX)}">\n'
                f"<title>{escape(self.label)}</title>\n{body}\n</svg>")


def legend(canvas: Canvas, series: Sequence[Series], y: float) -> float:
    """Colour keys in rows across the width; returns the y below them."""
    x = 0.0
    for s in series:
        width = 16 + text_px(s.label) + 18
        if x and x + width > canvas.width:
            x, y = 0.0, y + 18
        canvas.add(f'<rect class="key" data-series="{s.key}" x="{num(x)}" y="{num(y)}" width="11" height="11" '
                   f'fill="{s.color}" stroke="#333" stroke-width="0.5"/>')
        canvas.text(x + 15, y + 10, s.label)
        x += width
    return y + 26


def horizontal_bars(label: str, bars: Sequence[Bar], series: Sequence[Series], unit: str,
                    grouped: bool = False) -> str:
    """One bar per item, its segments stacked (or, *grouped*, one thin bar per series side by
    side), the item's name wrapped on the left, the axis in *unit* at the bottom."""
    canvas = Canvas(WIDTH, label)
    y = legend(canvas, series, 0)
    plot_x, plot_w = LABEL_PX + 8, WIDTH - LABEL_PX - 8 - 34
    top = max((max(b.values, default=0) if grouped else sum(b.values)) for b in bars) if bars else 0
    step = nice_step(max(top, 1))
    axis_max = step * math.ceil(max(top, 1) / step)
    scale = plot_w / axis_max
    band = BAR_PX * len(series) if grouped else BAR_PX
    plot_top = y
    rows = []
    for bar in bars:
        lines = wrap_px(bar.label, LABEL_PX)
        pitch = max(band + 10, len(lines) * LINE_PX + 8)
        rows.append((bar, lines, y, pitch))
        y += pitch
    for value in range(0, axis_max + 1, step):
        x = plot_x + value * scale
        canvas.add(f'<g class="tick" data-value="{value}"><line x1="{num(x)}" y1="{num(plot_top - 4)}" '
                   f'x2="{num(x)}" y2="{num(y)}" stroke="#bbb" stroke-width="0.5"/>'
                   f'<text x="{num(x)}" y="{num(y + 14)}" text-anchor="middle">{vi.format_number(value)}</text></g>')
    for bar, lines, row_y, pitch in rows:
        text_y = row_y + (pitch - len(lines) * LINE_PX) / 2 + LINE_PX - 3
        for i, line in enumerate(lines):
            canvas.text(LABEL_PX, text_y + i * LINE_PX, line, anchor="end")
        bar_y = row_y + (pitch - band) / 2
        canvas.add(f"<g class=\"bar\" data-label={quoteattr(bar.label)}>")
        x = plot_x
        for i, (s, value) in enumerate(zip(series, bar.values)):
            if value == 0:
                continue
            width = value * scale
            seg_y = bar_y + (i * BAR_PX if grouped else 0)
            seg_x = plot_x if grouped else x
            canvas.add(f'<rect class="seg" data-series="{s.key}" x="{num(seg_x)}" y="{num(seg_y)}" '
                       f'width="{num(width)}" height="{num(BAR_PX)}" fill="{s.color}">'
                       f"<title>{escape(bar.label)} — {escape(s.label)}: {value}</title></rect>")
            shown = vi.format_number(value)
            if grouped:
                canvas.text(seg_x + width + 3, seg_y + BAR_PX - 3, shown, size=10)
            elif width >= text_px(shown, 10) + 4:
                canvas.text(seg_x + width / 2, seg_y + BAR_PX - 3.5, shown, anchor="middle", size=10, fill=s.ink)
            x += width
        if not grouped:
            canvas.text(x + 4, bar_y + BAR_PX - 3, vi.format_number(sum(bar.values)), bold=True, size=11)
        canvas.add("</g>")
    canvas.text(plot_x + plot_w / 2, y + 30, unit, anchor="middle", size=11, fill="#333")
    return canvas.svg(y + 36)


def columns(label: str, bars: Sequence[Bar], series: Sequence[Series], unit: str,
            captions: Sequence[tuple[str, str]]) -> str:
    """Vertical stacked columns, one per period; *captions* are two lines under each column
    ("T01", "2026")."""
    canvas = Canvas(WIDTH, label)
    y = legend(canvas, series, 0)
    plot_x, plot_h = 36.0, 220.0
    plot_w = WIDTH - plot_x - 4
    top = max((sum(b.values) for b in bars), default=0)
    step = nice_step(max(top, 1), 6)
    axis_max = step * math.ceil(max(top, 1) / step)
    base = y + 10 + plot_h
    scale = plot_h / axis_max
    for value in range(0, axis_max + 1, step):
        ty = base - value * scale
        canvas.add(f'<g class="tick" data-value="{value}"><line x1="{num(plot_x)}" y1="{num(ty)}" '
                   f'x2="{num(plot_x + plot_w)}" y2="{num(ty)}" stroke="#bbb" stroke-width="0.5"/>'
                   f'<text x="{num(plot_x - 4)}" y="{num(ty + 4)}" text-anchor="end">{vi.format_number(value)}</text></g>')
    pitch = plot_w / max(len(bars), 1)
    width = min(pitch * 0.7, 40)
    for i, (bar, caption) in enumerate(zip(bars, captions)):
        cx = plot_x + pitch * (i + 0.5)
        canvas.add(f"<g class=\"bar\" data-label={quoteattr(bar.label)}>")
        ty = base
        for s, value in zip(series, bar.values):
            if value == 0:
                continue
            height = value * scale
            ty -= height
            canvas.add(f'<rect class="seg" data-series="{s.key}" x="{num(cx - width / 2)}" y="{num(ty)}" '
                       f'width="{num(width)}" height="{num(height)}" fill="{s.color}">'
                       f"<title>{escape(bar.label)} — {escape(s.label)}: {value}</title></rect>")
        if sum(bar.values):
            canvas.text(cx, ty - 3, vi.format_number(sum(bar.values)), anchor="middle", size=10, bold=True)
        canvas.add("</g>")
        canvas.text(cx, base + 14, caption[0], anchor="middle", size=10)
        if caption[1]:
            canvas.text(cx, base + 26, caption[1], anchor="middle", size=10, fill="#333")
    canvas.add(f'<line x1="{num(plot_x)}" y1="{num(base)}" x2="{num(plot_x + plot_w)}" y2="{num(base)}" '
               f'stroke="#000" stroke-width="0.75"/>')
    canvas.text(plot_x + plot_w / 2, base + 44, unit, anchor="middle", size=11, fill="#333")
    return canvas.svg(base + 50)
