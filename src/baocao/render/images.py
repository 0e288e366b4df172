"""Signature and seal images (§8): the signature centred between the title lines and the name,
the seal at its real size covering about a third of the signature on its left.

Both renderers take the geometry from ``signature_geometry`` so they place the images alike.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from docx.oxml import parse_xml
from docx.shared import Mm

from baocao.documents.layout import Layout
from baocao.documents.parts import SignerBlock
from baocao.errors import os_reason
from baocao.files import NotRegularFile, open_regular

SIGNATURE_WIDTH_MM = 40.0
# What a signature or seal picture may be. A signature scanned at 600 dpi is about 2,000 × 1,000
# pixels and 300 KB; WeasyPrint silently leaves out a picture Pillow refuses as a decompression bomb
# (the DOCX would keep it), so anything the PDF could not show is refused before rendering.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 16_000_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def image_problem(path: Path) -> str | None:
    """Why *path* cannot be embedded as a signature or seal (Vietnamese), or None when both
    renderers can: a regular PNG file within the byte and pixel budget that decodes to the end."""
    try:
        stream, info = open_regular(path)
    except (IsADirectoryError, NotRegularFile):
        return "không phải tệp ảnh thường (thư mục, ống dẫn hay thiết bị)"
    except OSError as error:
        return f"không mở được tệp ảnh ({os_reason(error)})"
    with stream:
        if info.st_size > MAX_IMAGE_BYTES:
            return (f"tệp ảnh {info.st_size / 1024 / 1024:.1f} MiB, quá giới hạn "
                    f"{MAX_IMAGE_BYTES // 1024 // 1024} MiB; hãy lưu lại ảnh nhỏ hơn")
        try:
            data = stream.read(MAX_IMAGE_BYTES + 1)
        except OSError as error:
            return f"không đọc được tệp ảnh ({os_reason(error)})"
    if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        return "không phải ảnh PNG"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if width * height > MAX_IMAGE_PIXELS:        # read from the header, before anything is decoded
        return (f"ảnh {width}×{height} điểm ảnh, quá giới hạn {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh "
                "(bản PDF không nhúng được ảnh lớn như vậy); hãy thu nhỏ ảnh")
    return _decode_problem(data)


def _decode_problem(data: bytes) -> str | None:
    from PIL import Image, ImageFile

    # WeasyPrint sets LOAD_TRUNCATED_IMAGES for the whole process once imported: a broken picture
    # would then decode as grey rows in the PDF (and stay broken in the DOCX). Judge it strictly.
    tolerant, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            image.verify()                              # the chunks and their checksums
            Image.open(io.BytesIO(data)).load()         # and the picture itself, to the last row
        except Image.DecompressionBombError:
            return f"ảnh quá lớn (hơn {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh); hãy thu nhỏ ảnh"
        except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for a broken file
            return f"ảnh PNG bị hỏng, không giải mã được ({type(error).__name__})"
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
    return None


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
