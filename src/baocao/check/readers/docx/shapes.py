"""Drawn lines and pictures inside DOCX runs: DrawingML (wps shapes, pictures) and legacy VML."""
from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.check.model import HRule, Image
from baocao.check.readers.docx.styles import to_int

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMU_PER_MM = 36000.0
LINE_PRESETS = {"line", "straightConnector1"}


@dataclass
class ShapeResult:
    rule: HRule | None = None
    image: Image | None = None
    offset_mm: float | None = None     # vertical offset from the anchoring paragraph's top
    inline: bool = False


def _units_to_mm(value: str) -> float | None:
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|emu)?\s*", value or "")
    if not m:
        return None
    num = float(m.group(1))
    unit = m.group(2) or "px"
    factor = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96,
              "emu": 1 / EMU_PER_MM}[unit]
    return num * factor


class ShapeReader:
    def __init__(self, reader):
        self.reader = reader
        self.rels = reader.pkg.rels

    def read(self, el, ctx) -> list[ShapeResult]:
        tag = el.tag
        if tag == f"{{{MC}}}AlternateContent":
            choice = el.find(f"{{{MC}}}Choice")
            out = []
            if choice is not None:
                for child in choice:
                    out.extend(self.read(child, ctx))
            return out
        if tag == f"{{{W}}}drawing":
            out = []
            for container in el:
                out.extend(self._drawing(container, ctx))
            return out
        if tag in (f"{{{W}}}pict", f"{{{W}}}object"):
            return self._vml(el, ctx)
        return []

    # ------------------------------------------------------------------ DrawingML
    def _position(self, container, ctx, length_mm):
        """(x0, centre) of an anchored shape, in page millimetres, when the XML fixes them."""
        pos = container.find(f"{{{WP}}}positionH")
        if pos is None:
            return None, None
        rel = pos.get("relativeFrom")
        x0_c, x1_c = ctx.container
        if rel == "column":
            base0, base1 = x0_c, x1_c
        elif rel == "margin":
            base0, base1 = self.reader.text_left, self.reader.text_right
        elif rel == "page":
            base0, base1 = 0.0, self.reader.page_width
        else:
            return None, None
        align = pos.find(f"{{{WP}}}align")
        off = pos.find(f"{{{WP}}}posOffset")
        if align is not None and base1 is not None:
            a = (align.text or "").strip()
            if a == "center":
                c = (base0 + base1) / 2
                return c - length_mm / 2, c
            if a == "left":
                return base0, base0 + length_mm / 2
            if a == "right":
                return base1 - length_mm, base1 - length_mm / 2
            return None, None
        if off is not None:
            x0 = base0 + to_int(off.text, 0) / EMU_PER_MM
            return x0, x0 + length_mm / 2
        return None, None

    def _vertical_offset(self, container) -> float | None:
        pos = container.find(f"{{{WP}}}positionV")
        if pos is None or pos.get("relativeFrom") not in ("paragraph", "line"):
            return None
        off = pos.find(f"{{{WP}}}posOffset")
        if off is None:
            return None
        return to_int(off.text, 0) / EMU_PER_MM

    def _line_props(self, sp_pr) -> tuple[bool, bool]:
        """(visible, solid) of a shape outline."""
        if sp_pr is None:
            return True, True
        ln = sp_pr.find(f"{{{A}}}ln")
        if ln is None:
            return True, True
        if ln.find(f"{{{A}}}noFill") is not None:
            # No outline: a thin filled rectangle still draws a line ("a line made as a shape").
            return sp_pr.find(f"{{{A}}}solidFill") is not None, True
        dash = ln.find(f"{{{A}}}prstDash")
        solid = dash is None or dash.get("val") in (None, "solid")
        if ln.find(f"{{{A}}}custDash") is not None:
            solid = False
        return True, solid

    def _drawing(self, container, ctx) -> list[ShapeResult]:
        inline = container.tag == f"{{{WP}}}inline"
        if container.tag not in (f"{{{WP}}}inline", f"{{{WP}}}anchor"):
            return []
        extent = container.find(f"{{{WP}}}extent")
        cx = to_int(extent.get("cx"), 0) / EMU_PER_MM if extent is not None else 0.0
        cy = to_int(extent.get("cy"), 0) / EMU_PER_MM if extent is not None else 0.0
        offset = None if inline else self._vertical_offset(container)
        out: list[ShapeResult] = []
        for wsp in container.iter(f"{{{WPS}}}wsp"):
            sp_pr = wsp.find(f"{{{WPS}}}spPr")
            geom = sp_pr.find(f"{{{A}}}prstGeom") if sp_pr is not None else None
            prst = geom.get("prst") if geom is not None else None
            xfrm = sp_pr.find(f"{{{A}}}xfrm") if sp_pr is not None else None
            rot = to_int(xfrm.get("rot"), 0) if xfrm is not None else 0
            ext = xfrm.find(f"{{{A}}}ext") if xfrm is not None else None
            w_mm = to_int(ext.get("cx"), 0) / EMU_PER_MM if ext is not None else cx
            h_mm = to_int(ext.get("cy"), 0) / EMU_PER_MM if ext is not None else cy
            if rot % 10800000 == 5400000:
                w_mm, h_mm = h_mm, w_mm
            visible, solid = self._line_props(sp_pr)
            if not visible:
                continue
            thin = h_mm < 0.6 and w_mm > 2.0
            if (prst in LINE_PRESETS and thin) or (prst == "rect" and thin):
                x0, center = (None, None) if inline else self._position(container, ctx, w_mm)
                out.append(ShapeResult(HRule(length_mm=w_mm, kind="shape", solid=solid, x0_mm=x0,
                                             center_mm=center), offset_mm=offset, inline=inline))
        for blip in container.iter(f"{{{A}}}blip"):
            rid = blip.get(f"{{{R}}}embed")
            out.append(ShapeResult(image=self._image(rid), offset_mm=offset, inline=inline))
        return out

    def _image(self, rid: str | None) -> Image:
        target = self.rels.get(rid or "", (None, None))[1]
        fmt, alpha, mean = self.reader.pkg.picture(target) if target else (None, None, None)
        if fmt is None and target:
            fmt = target.rsplit(".", 1)[-1].lower()
        return Image(page=None, format=fmt, has_alpha=alpha, mean_rgb=mean)

    # ------------------------------------------------------------------ VML
    def _vml(self, el, ctx) -> list[ShapeResult]:
        out: list[ShapeResult] = []
        for line in el.iter(f"{{{V}}}line"):
            if (line.get("stroked") or "t").lower() in ("f", "false"):
                continue
            try:
                (x1, y1), (x2, y2) = [[_units_to_mm(v) or 0.0 for v in (line.get(k) or "0,0").split(",")[:2]]
                                      for k in ("from", "to")]
            except ValueError:
                continue
            if abs(y2 - y1) < 0.6 and abs(x2 - x1) > 2.0:
                stroke = line.find(f"{{{V}}}stroke")
                solid = stroke is None or (stroke.get("dashstyle") or "solid") == "solid"
                out.append(ShapeResult(HRule(length_mm=abs(x2 - x1), kind="shape", solid=solid)))
        for shape in list(el.iter(f"{{{V}}}rect")) + list(el.iter(f"{{{V}}}shape")):
            style = dict(
                (k.strip().lower(), v.strip()) for k, _, v in
                (item.partition(":") for item in (shape.get("style") or "").split(";")) if k
            )
            width = _units_to_mm(style.get("width", "")) if "width" in style else None
            height = _units_to_mm(style.get("height", "")) if "height" in style else None
            if width and height is not None and height < 0.6 and width > 2.0 \
                    and shape.find(f"{{{V}}}imagedata") is None:
                out.append(ShapeResult(HRule(length_mm=width, kind="shape")))
        for data in el.iter(f"{{{V}}}imagedata"):
            rid = data.get(f"{{{R}}}id")
            out.append(ShapeResult(image=self._image(rid)))
        return out
