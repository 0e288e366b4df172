"""R36: the signature-information box of an electronic copy or a separately filed attachment."""
from __future__ import annotations

import re

from baocao.check.model import Para
from baocao.check.rules.base import Ctx, num, rule, skip
from baocao.check.rules.sign import _report


ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?\+07:00")


def box_problems(c: Ctx, box: list[Para]) -> list[tuple[Para | None, str]]:
    from baocao.check.rules.page import _is_black, accepted_font

    out = []
    text = " ".join(p.clean for p in box)
    if not ISO.search(text):
        out.append((box[0], "ô thông tin chữ ký số phải có thời gian ký theo ISO 8601, múi giờ +07:00"))
    for p in box:
        for s in p.visible_spans:
            if not accepted_font(s.font, c):
                out.append((p, f"ô thông tin chữ ký số dùng phông {s.font}, phải Times New Roman"))
            if s.size is not None and abs(s.size - 10) > 0.1:
                out.append((p, f"ô thông tin chữ ký số cỡ {num(s.size)} pt, phải 10 pt"))
            if s.italic or s.bold:
                out.append((p, "ô thông tin chữ ký số phải chữ đứng, không đậm"))
            if not _is_black(s.color):
                out.append((p, "ô thông tin chữ ký số phải màu đen"))
    page1 = [im for im in c.doc.images if im.page == 1 and im.top is not None and box[0].top_mm is not None
             and im.top < (box[-1].bottom_mm or 0) + 5]
    if page1:
        out.append((box[0], "ô thông tin chữ ký số không kèm hình ảnh"))
    return out


@rule("R36", "§8")
def r36(c: Ctx):
    box = c.st.sig_box
    if not box:
        return skip("không có ô thông tin chữ ký số ở góc phải trang 1 (chỉ bắt buộc với bản sao điện tử, "
                    "phụ lục tách tệp)")
    return _report(c, box_problems(c, box), "ô thông tin chữ ký số: Times New Roman 10 pt, đen, thời gian ISO 8601")
