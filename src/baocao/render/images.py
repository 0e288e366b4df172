"""Signature and seal images (§8): the signature centred between the title lines and the name,
the seal at its real size covering about a third of the signature on its left.

Both renderers take the geometry from ``signature_geometry`` so they place the images alike.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import parse_xml
from docx.shared import Mm

from baocao.documents.layout import Layout
from baocao.documents.parts import SignerBlock

SIGNATURE_WIDTH_MM = 40.0


@dataclass(frozen=True)
class Geometry:
    signature_width_mm: float
    signature_left_mm: float      # from the left edge of the signer column
    seal_diameter_mm: float
    seal_left_mm: float
    seal_top_mm: float            # from the top of the blank space


def signature_geometry(layout: Layout) -> Geometry:
    column = layout.signer_column_mm
    sig_left = (column - SIGNATURE_WIDTH_MM) / 2
    seal = layout.seal_diameter_mm
    # The seal's right edge reaches one third into the signature.
    seal_left = sig_left + SIGNATURE_WIDTH_MM / 3 - seal
    space_mm = layout.signature_space_pt * 25.4 / 72
    return Geometry(SIGNATURE_WIDTH_MM, sig_left, seal, seal_left, (space_mm - seal) / 2)


def add_docx_images(paragraph, signer: SignerBlock, layout: Layout) -> None:
    if not (signer.signature or signer.seal):
        return
    geo = signature_geometry(layout)
    if signer.signature:
        run = paragraph.add_run()
        run.add_picture(str(signer.signature), width=Mm(geo.signature_width_mm))
    if signer.seal:
        run = paragraph.add_run()
        shape = run.add_picture(str(signer.seal), width=Mm(geo.seal_diameter_mm),
                                height=Mm(geo.seal_diameter_mm))
        _float_behind(shape._inline, Mm(geo.seal_left_mm), Mm(geo.seal_top_mm))


def _float_behind(inline, left_emu: int, top_emu: int) -> None:
    """Turn an inline picture into one anchored to the paragraph, drawn over the signature."""
    extent = inline.extent
    doc_pr = inline.docPr
    graphic = inline.graphic
    anchor = parse_xml(
        '<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(left_emu)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(top_emu)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{extent.cx}" cy="{extent.cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{doc_pr.id}" name="{doc_pr.name}"/>'
        '<wp:cNvGraphicFramePr/></wp:anchor>'
    )
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)
