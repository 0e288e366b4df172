"""Can the text a PDF gives be trusted to be the text its pages show?

Three ways it cannot: a scan whose words are an invisible OCR layer (render mode 3 over a page-size
picture: fonts and sizes are the OCR program's guess), a page with pictures and no text at all, and
a font whose ToUnicode map is wrong (Ghostscript re-embedding, Word 2010's "Save as PDF" turning Ư
into Ƣ): the glyphs are drawn right, but what they extract to is not Vietnamese. Rules that read the
text then SKIP with the reason; rules that only need the page boxes or the glyph positions still run.
"""
from __future__ import annotations

from baocao.check import vietnamese as vn


def assess(contents, texts) -> str | None:
    """Why the text cannot be trusted, or None."""
    visible = sum(len(c.glyphs) for c in contents)
    hidden = sum(c.invisible_glyphs for c in contents)
    covered = max((c.page_images_area for c in contents), default=0.0)
    if hidden > visible and hidden > 20:
        return ("bản quét có lớp chữ nhận dạng (OCR) ẩn: phông, cỡ chữ và vị trí chữ là phỏng đoán của "
                "chương trình OCR, không phải của văn bản")
    if visible < 20 and covered > 0.5:
        return "bản quét không có lớp chữ (chỉ có hình ảnh trang)"
    quality = vn.assess(texts)
    if not quality.trusted:
        sample = ", ".join(f"«{w}»" for w in quality.examples)
        return (f"lớp chữ của PDF không đọc ra tiếng Việt đúng như trang in ({quality.foreign + quality.broken}"
                f"/{quality.words} từ hỏng, ví dụ {sample}): bảng mã ToUnicode của phông bị sai "
                "(thường do Word 2010 «Save as PDF» hoặc Ghostscript nhúng lại phông)")
    return None
