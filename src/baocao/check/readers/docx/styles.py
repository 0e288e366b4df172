"""Effective formatting of WordprocessingML paragraphs and runs.

Precedence, lowest first (ECMA-376 §17.7.2): document defaults → table style → paragraph style and
its ``basedOn`` chain → numbering level (paragraph properties only) → character style chain →
direct formatting. Theme fonts (``w:asciiTheme``…) are looked up in the theme part. Toggle
properties (bold, italic, caps) are taken as "last one set wins", which is what every producer we
know writes; the XOR rule of §17.7.3 only matters for styles that toggle twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def wattr(el, name: str, default=None):
    if el is None:
        return default
    return el.get(w(name), default)


def on_off(el) -> bool | None:
    """Value of an on/off property element (None when absent)."""
    if el is None:
        return None
    val = el.get(w("val"))
    return val is None or val.lower() not in ("0", "false", "off", "none")


def to_int(value, default=None):
    if value is None:
        return default
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def twips_to_mm(value) -> float:
    return value / 1440 * 25.4


RPR_TOGGLES = ("b", "i", "caps", "smallCaps", "vanish", "strike", "dstrike")


@dataclass
class RunProps:
    ascii: str | None = None
    h_ansi: str | None = None
    ascii_theme: str | None = None
    h_ansi_theme: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    small_caps: bool = False
    vanish: bool = False
    color: str | None = None
    theme_color: str | None = None
    underline: str | None = None
    script: bool = False          # superscript or subscript (footnote mark, drafter's initials)


def apply_rpr(props: dict[str, Any], rpr) -> None:
    if rpr is None:
        return
    fonts = rpr.find(w("rFonts"))
    if fonts is not None:
        for key, attr in (("ascii", "ascii"), ("hAnsi", "hAnsi"), ("asciiTheme", "asciiTheme"),
                          ("hAnsiTheme", "hAnsiTheme")):
            val = fonts.get(w(attr))
            if val is not None:
                props[key] = val
                # an explicit font name overrides an inherited theme font and vice versa
                if key == "ascii":
                    props.pop("asciiTheme", None)
                elif key == "hAnsi":
                    props.pop("hAnsiTheme", None)
    sz = rpr.find(w("sz"))
    if sz is not None and to_int(wattr(sz, "val")) is not None:
        props["sz"] = to_int(wattr(sz, "val"))
    for tag in RPR_TOGGLES:
        val = on_off(rpr.find(w(tag)))
        if val is not None:
            props[tag] = val
    color = rpr.find(w("color"))
    if color is not None:
        props["color"] = wattr(color, "val")
        props["themeColor"] = wattr(color, "themeColor")
    va = rpr.find(w("vertAlign"))
    if va is not None:
        props["vertAlign"] = wattr(va, "val")
    u = rpr.find(w("u"))
    if u is not None:
        props["u"] = wattr(u, "val", "single")


def run_props(props: dict[str, Any], theme_fonts: dict[str, str]) -> RunProps:
    def theme(name):
        if not name:
            return None
        major = name.startswith("major")
        return theme_fonts.get("major" if major else "minor")

    ascii_font = props.get("ascii") if "asciiTheme" not in props else theme(props["asciiTheme"])
    hansi = props.get("hAnsi") if "hAnsiTheme" not in props else theme(props["hAnsiTheme"])
    color = props.get("color")
    if color and color.lower() == "auto":
        color = None
    theme_color = props.get("themeColor")
    if theme_color in ("text1", "dark1", "tx1"):
        color = None if not color or color.upper() == "000000" else color
    elif theme_color:
        color = color or theme_color
    u = props.get("u")
    return RunProps(
        ascii=ascii_font, h_ansi=hansi or ascii_font,
        size=props["sz"] / 2 if props.get("sz") is not None else 10.0,
        bold=bool(props.get("b")), italic=bool(props.get("i")), caps=bool(props.get("caps")),
        small_caps=bool(props.get("smallCaps")), vanish=bool(props.get("vanish")),
        color=color.upper() if color and color != theme_color else color,
        underline=None if not u or u == "none" else u,
        script=props.get("vertAlign") in ("superscript", "subscript"),
    )


def apply_ppr(props: dict[str, Any], ppr) -> None:
    """Fold a w:pPr into ``props`` (values in twips, as written)."""
    if ppr is None:
        return
    jc = ppr.find(w("jc"))
    if jc is not None:
        props["jc"] = wattr(jc, "val")
    ind = ppr.find(w("ind"))
    if ind is not None:
        for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right"),
                          ("firstLine", "firstLine"), ("hanging", "hanging"),
                          ("firstLineChars", "firstLineChars"), ("hangingChars", "hangingChars"),
                          ("leftChars", "leftChars"), ("startChars", "leftChars"),
                          ("rightChars", "rightChars"), ("endChars", "rightChars")):
            val = ind.get(w(attr))
            if val is not None:
                props[key] = to_int(val, 0)
                if key == "firstLine":
                    props.pop("hanging", None)
                if key == "hanging":
                    props.pop("firstLine", None)
    sp = ppr.find(w("spacing"))
    if sp is not None:
        for attr in ("before", "after", "line", "lineRule", "beforeAutospacing", "afterAutospacing",
                     "beforeLines", "afterLines"):
            val = sp.get(w(attr))
            if val is not None:
                props[attr] = val
    for tag in ("contextualSpacing", "pageBreakBefore", "keepNext"):
        val = on_off(ppr.find(w(tag)))
        if val is not None:
            props[tag] = val
    tabs = ppr.find(w("tabs"))
    if tabs is not None:
        stops = dict(props.get("tabs", {}))
        for tab in tabs.findall(w("tab")):
            pos = to_int(wattr(tab, "pos"))
            if pos is None:
                continue
            if wattr(tab, "val") == "clear":
                stops.pop(pos, None)
            else:
                stops[pos] = wattr(tab, "val", "left")
        props["tabs"] = stops
    bdr = ppr.find(w("pBdr"))
    if bdr is not None:
        borders = dict(props.get("pBdr", {}))
        for side in ("top", "bottom", "left", "right", "between"):
            el = bdr.find(w(side))
            if el is not None:
                borders[side] = (wattr(el, "val", "single"), to_int(wattr(el, "sz"), 4))
        props["pBdr"] = borders
    num = ppr.find(w("numPr"))
    if num is not None:
        ilvl = num.find(w("ilvl"))
        num_id = num.find(w("numId"))
        if num_id is not None:
            props["numId"] = wattr(num_id, "val")
        if ilvl is not None:
            props["ilvl"] = to_int(wattr(ilvl, "val"), 0)
    style = ppr.find(w("pStyle"))
    if style is not None:
        props["pStyle"] = wattr(style, "val")


class StyleSheet:
    """Styles, theme fonts and numbering of one document."""

    def __init__(self, styles_root, theme_root=None, numbering_root=None):
        self.styles: dict[str, Any] = {}
        self.default: dict[str, str] = {}
        self.doc_rpr = None
        self.doc_ppr = None
        if styles_root is not None:
            defaults = styles_root.find(w("docDefaults"))
            if defaults is not None:
                self.doc_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
                self.doc_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
            for st in styles_root.findall(w("style")):
                sid = wattr(st, "styleId")
                if sid is None:
                    continue
                self.styles[sid] = st
                if on_off(st.find(w("default"))) or wattr(st, "default") in ("1", "true", "on"):
                    self.default.setdefault(wattr(st, "type", "paragraph"), sid)
        self.theme_fonts: dict[str, str] = {}
        if theme_root is not None:
            for which in ("major", "minor"):
                latin = theme_root.find(f".//{{{A}}}{which}Font/{{{A}}}latin")
                if latin is not None and latin.get("typeface"):
                    self.theme_fonts[which] = latin.get("typeface")
        self.numbering = Numbering(numbering_root)

    def chain(self, style_id: str | None, kind: str) -> list:
        """Style elements from the root of the basedOn chain down to ``style_id``."""
        if style_id is None or style_id not in self.styles:
            style_id = self.default.get(kind)
        out, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            st = self.styles[style_id]
            out.append(st)
            based = st.find(w("basedOn"))
            style_id = wattr(based, "val")
        return list(reversed(out))

    def paragraph_props(self, ppr, table_style: str | None, in_table: bool) -> dict[str, Any]:
        props: dict[str, Any] = {}
        apply_ppr(props, self.doc_ppr)
        if in_table:
            for st in self.chain(table_style, "table"):
                apply_ppr(props, st.find(w("pPr")))
        style_id = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style_id = wattr(ps, "val")
        style_props: dict[str, Any] = {}
        for st in self.chain(style_id, "paragraph"):
            apply_ppr(style_props, st.find(w("pPr")))
        num_id = style_props.get("numId")
        ilvl = style_props.get("ilvl", 0)
        direct: dict[str, Any] = {}
        apply_ppr(direct, ppr)
        num_id = direct.get("numId", num_id)
        ilvl = direct.get("ilvl", ilvl)
        props.update(style_props)
        if num_id not in (None, "0"):
            lvl = self.numbering.level(num_id, ilvl)
            if lvl is not None:
                apply_ppr(props, lvl.find(w("pPr")))
        for key, val in direct.items():
            if key == "pBdr":
                props["pBdr"] = {**props.get("pBdr", {}), **val}
            else:
                props[key] = val
        props["numId"], props["ilvl"] = num_id, ilvl
        props["styleId"] = style_id or self.default.get("paragraph")
        return props

    def run_base(self, ppr_style: str | None, table_style: str | None, in_table: bool) -> dict[str, Any]:
        """Run properties every run of a paragraph starts from (before its character style)."""
        props: dict[str, Any] = {}
        apply_rpr(props, self.doc_rpr)
        if in_table:
            for st in self.chain(table_style, "table"):
                apply_rpr(props, st.find(w("rPr")))
        for st in self.chain(ppr_style, "paragraph"):
            apply_rpr(props, st.find(w("rPr")))
        return props

    def run_effective(self, base: dict[str, Any], rpr) -> RunProps:
        props = dict(base)
        if rpr is not None:
            rs = rpr.find(w("rStyle"))
            if rs is not None:
                for st in self.chain(wattr(rs, "val"), "character"):
                    apply_rpr(props, st.find(w("rPr")))
            apply_rpr(props, rpr)
        return run_props(props, self.theme_fonts)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str | None) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        # Word: a..z, then aa..zz
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Automatic list labels ("1.", "a)") of numbered paragraphs."""

    def __init__(self, root):
        self.abstract: dict[str, Any] = {}
        self.nums: dict[str, tuple[str, dict[int, Any]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for ab in root.findall(w("abstractNum")):
            self.abstract[wattr(ab, "abstractNumId")] = ab
        for num in root.findall(w("num")):
            abstract_id = wattr(num.find(w("abstractNumId")), "val")
            overrides = {}
            for ov in num.findall(w("lvlOverride")):
                overrides[to_int(wattr(ov, "ilvl"), 0)] = ov
            self.nums[wattr(num, "numId")] = (abstract_id, overrides)

    def level(self, num_id: str, ilvl: int):
        if num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        ov = overrides.get(ilvl)
        if ov is not None and ov.find(w("lvl")) is not None:
            return ov.find(w("lvl"))
        ab = self.abstract.get(abstract_id)
        if ab is None:
            return None
        for lvl in ab.findall(w("lvl")):
            if to_int(wattr(lvl, "ilvl"), 0) == ilvl:
                return lvl
        return None

    def _start(self, num_id: str, ilvl: int) -> int:
        _, overrides = self.nums.get(num_id, (None, {}))
        ov = overrides.get(ilvl)
        if ov is not None and ov.find(w("startOverride")) is not None:
            return to_int(wattr(ov.find(w("startOverride")), "val"), 1)
        lvl = self.level(num_id, ilvl)
        return to_int(wattr(lvl.find(w("start")) if lvl is not None else None, "val"), 1)

    def label(self, num_id: str | None, ilvl: int) -> tuple[str, Any] | None:
        """Next label of list ``num_id`` at level ``ilvl`` and the level element (for its rPr)."""
        if num_id in (None, "0"):
            return None
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, self._start(num_id, ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt_el = lvl.find(w("numFmt"))
        fmt = wattr(fmt_el, "val", "decimal")
        text = wattr(lvl.find(w("lvlText")), "val", "")
        if fmt == "bullet":
            return text, lvl
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                value = counters.get(k, self._start(num_id, k))
                klvl = self.level(num_id, k)
                kfmt = wattr(klvl.find(w("numFmt")) if klvl is not None else None, "val", "decimal")
                text = text.replace(token, format_number(value, kfmt))
        return text, lvl
