"""The wild corpus: documents of every kind typed the way offices type them in LibreOffice Writer,
saved as DOCX and as PDF by LibreOffice itself. Their verdicts, rule by rule, are in ``expect/``.

``python documents.py OUT_DIR`` writes them to look at.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from fodt import Doc, render  # noqa: E402

P1 = ("Ngày 12 tháng 01 năm 2026, Đoàn kiểm tra của Sở Công Thương đã kiểm tra công tác bảo quản, sử dụng "
      "vật liệu nổ công nghiệp tại kho chứa của Công ty cổ phần Khoáng sản Lào Cai. Sau khi xem xét hồ sơ và "
      "kiểm tra thực tế, Sở Công Thương thông báo kết quả như sau:")
P2 = ("1. Kho chứa được xây dựng đúng thiết kế đã được thẩm định; hệ thống chống sét, phòng cháy và chữa "
      "cháy hoạt động bình thường; sổ sách theo dõi xuất, nhập vật liệu nổ được ghi chép đầy đủ.")
P3 = ("2. Công ty có trách nhiệm khắc phục ngay các tồn tại nêu trên, báo cáo kết quả về Sở Công Thương "
      "trước ngày 28 tháng 02 năm 2026 để theo dõi, tổng hợp.")
DIEM = ("a) Bổ sung biển báo, nội quy ra vào kho theo đúng quy định hiện hành về an toàn.",
        "b) Kiểm tra định kỳ hệ thống chống sét và lập biên bản đo điện trở tiếp địa hằng năm.",
        "c) Tổ chức huấn luyện lại cho thủ kho và người phục vụ trước ngày 15 tháng 3 năm 2026.")
END = "Sở Công Thương thông báo để Công ty biết, thực hiện./."
BODY = (("Noidung", P1), ("Noidung", P2), ("Noidung", P3)) + tuple(("Noidung", d) for d in DIEM) + \
    (("Noidung", END),)
LONG = BODY[:-1] + tuple(("Noidung", P1.replace("Ngày 12", f"Lần {i}, ngày 12")) for i in range(2, 9)) + \
    (("Noidung", END),)

TB = Doc(body=BODY)
CV = Doc(number="Số: 212/SCT-QLCN", title=None, summary=(),
         summary_vv=("V/v tăng cường quản lý vật liệu", "nổ công nghiệp trên địa bàn tỉnh"),
         kinh_gui=("Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố",),
         body=(("Noidung", "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về tăng cường quản lý vật liệu nổ công "
                           "nghiệp, Sở Công Thương đề nghị các địa phương thực hiện một số nội dung sau:"),
               ("Noidung", P2), ("Noidung", P3),
               ("Noidung", "Đề nghị các đơn vị quan tâm phối hợp thực hiện./.")))
QD = Doc(number="Số: 45/QĐ-SCT", title="QUYẾT ĐỊNH",
         summary=("Về việc công nhận kết quả huấn luyện kỹ thuật an toàn", "vật liệu nổ công nghiệp"),
         issuer="GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI", signer=("GIÁM ĐỐC",), name="Nguyễn Văn Bình",
         body=(("PCC", "Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29 tháng 6 năm 2024;"),
               ("PCC", "Căn cứ Nghị định số 181/2024/NĐ-CP ngày 31 tháng 12 năm 2024 của Chính phủ quy định chi "
                       "tiết một số điều của Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ;"),
               ("PCC", "Theo đề nghị của Trưởng phòng Quản lý công nghiệp."),
               ("PGiuaDam", "QUYẾT ĐỊNH:"),
               ("Noidung", "Điều 1. Công nhận kết quả huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp cho 12 "
                           "học viên của Công ty cổ phần Khoáng sản Lào Cai (có danh sách kèm theo)."),
               ("Noidung", "Điều 2. Kết quả trên là căn cứ để cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn "
                           "vật liệu nổ công nghiệp cho các học viên nêu tại Điều 1."),
               ("Noidung", "Điều 3. Chánh Văn phòng Sở, Trưởng phòng Quản lý công nghiệp và các học viên có tên "
                           "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")),
         recipients=("- Như Điều 3;", "- Ban Giám đốc Sở;", "- Lưu: VT, QLCN."))
KH = Doc(number="Số: 08/KH-SCT", title="KẾ HOẠCH",
         summary=("Kiểm tra an toàn vật liệu nổ công nghiệp năm 2026",),
         body=(("PMuc", "I. MỤC ĐÍCH, YÊU CẦU"), ("Noidung", P2.replace("1. ", "1. Mục đích: ")),
               ("Noidung", P3.replace("2. ", "2. Yêu cầu: ")), ("PMuc", "II. NỘI DUNG KIỂM TRA"),
               ("Noidung", "1. Kiểm tra các nội dung sau:")) + tuple(("Noidung", d) for d in DIEM) +
         (("Noidung", "Trên đây là Kế hoạch kiểm tra an toàn vật liệu nổ công nghiệp năm 2026 của Sở Công "
                      "Thương./."),))
BC = replace(KH, number="Số: 31/BC-SCT", title="BÁO CÁO",
             summary=("Kết quả quản lý vật liệu nổ công nghiệp quý I",),
             body=(("PMuc", "I. KẾT QUẢ ĐẠT ĐƯỢC"), ("Noidung", P1), ("Noidung", P2), ("PMuc", "II. TỒN TẠI"),
                   ("Noidung", P3), ("Noidung", "Sở Công Thương báo cáo để Ủy ban nhân dân tỉnh biết, chỉ đạo./.")),
             signer=("GIÁM ĐỐC",), name="Nguyễn Văn Bình",
             recipients=("- UBND tỉnh (b/c);", "- Lưu: VT, QLCN."))
TTR = replace(TB, number="Số: 19/TTr-SCT", title="TỜ TRÌNH",
              summary=("Về việc phê duyệt kế hoạch kiểm tra năm 2026",),
              kinh_gui=("Kính gửi: Ủy ban nhân dân tỉnh Lào Cai",),
              body=(("Noidung", P1.replace("thông báo kết quả", "kính trình")), ("Noidung", P2),
                    ("Noidung", "Sở Công Thương kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.")),
              signer=("GIÁM ĐỐC",), name="Nguyễn Văn Bình",
              recipients=("- Như trên;", "- Lưu: VT, QLCN."))
GM = replace(TB, number="Số: 07/GM-SCT", title="GIẤY MỜI", summary=("Họp rà soát công tác an toàn vật liệu nổ",),
             body=(("Noidung", "Sở Công Thương trân trọng kính mời đại diện lãnh đạo các đơn vị dự họp:"),
                   ("Noidung", "1. Thời gian: 08 giờ 00 phút, ngày 20 tháng 01 năm 2026."),
                   ("Noidung", "2. Địa điểm: Phòng họp tầng 3, trụ sở Sở Công Thương, phường Cam Đường."),
                   ("Noidung", "Rất mong các đại biểu tham dự đúng thành phần, thời gian./.")),
             recipients=("- Như thành phần;", "- Lưu: VT, QLCN."))
BB = replace(TB, number="Số: 02/BB-SCT", title="BIÊN BẢN", summary=("Kiểm tra kho vật liệu nổ công nghiệp",),
             body=(("Noidung", P1.replace("thông báo kết quả như sau", "lập biên bản như sau")), ("Noidung", P2),
                   ("Noidung", "Biên bản kết thúc lúc 11 giờ 00 phút cùng ngày, đã đọc lại cho các bên cùng nghe "
                               "và thống nhất ký tên./.")),
             signer=("TRƯỞNG ĐOÀN",), name="Lê Văn Hùng", recipients=("- Công ty;", "- Lưu: VT, QLCN."))
DRAFT_NO = "Số:        /TB-SCT"
DRAFT_DATE = "Lào Cai, ngày      tháng      năm 2026"

# name -> document; the name says what is special about it
DOCS: dict[str, Doc] = {
    "tb_border_lines": TB,
    "tb_dash_lines": replace(TB, agency_line="dashes"),
    "tb_header_line_break": replace(TB, header_in_one_paragraph=True),
    "tb_draft": replace(TB, number=DRAFT_NO, place_date=DRAFT_DATE),
    "tb_draft_month": replace(TB, number=DRAFT_NO, place_date="Lào Cai, ngày      tháng 4 năm 2026"),
    "tb_date_spaces": replace(TB, date_lead="  "),
    "tb_two_pages": replace(TB, body=LONG),
    "tb_appendix": replace(TB, appendix=("Phụ lục", "DANH SÁCH KHO ĐƯỢC KIỂM TRA",
                                         "1. Kho chứa vật liệu nổ công nghiệp của Công ty cổ phần Khoáng sản "
                                         "Lào Cai tại xã Mường Bo, huyện Bảo Thắng.")),
    "tb_subscript_initials": replace(TB, recipients=("- Như trên;", "- Ban Giám đốc Sở;",
                                                     "- Lưu: VT, QLCN[sub](Hùng)[/sub].")),
    "tb_tab_indent": replace(TB, indent="0cm", body=tuple((s, "\t" + t) for s, t in BODY)),
    "cv_basic": CV,
    "cv_kinh_gui_list": replace(CV, kinh_gui=("Kính gửi:", "- Ủy ban nhân dân các huyện, thị xã, thành phố;",
                                              "- Các doanh nghiệp hoạt động vật liệu nổ công nghiệp."),
                                kg_indent="2cm"),
    "cv_draft": replace(CV, number="Số:        /SCT-QLCN", place_date=DRAFT_DATE),
    "qd_basic": QD,
    "qd_landscape_appendix": replace(QD, landscape_table=True),
    "kh_basic": KH,
    "bc_basic": BC,
    "tt_basic": TTR,
    "gm_basic": GM,
    "bb_basic": BB,
    # faults a văn thư finds
    "tb_so_14pt": replace(TB, so_pt="14pt"),
    "cv_entries_12pt": replace(CV, entry_pt="12pt"),
    "tb_date_no_zero": replace(TB, place_date="Lào Cai, ngày 5 tháng 3 năm 2026"),
    "kh_red_text": replace(KH, body=KH.body[:2] + (("PDo", KH.body[2][1]),) + KH.body[3:]),
    "bc_diem_f": replace(KH, body=KH.body[:5] + (("Noidung", "a) Kiểm tra hồ sơ."), ("Noidung", "b) Kiểm tra kho."),
                                                 ("Noidung", "c) Kiểm tra sổ sách."), ("Noidung", "d) Kiểm tra biển báo."),
                                                 ("Noidung", "e) Kiểm tra chống sét."),
                                                 ("Noidung", "f) Kiểm tra phòng cháy.")) + KH.body[-1:]),
    "tb_no_final_mark": replace(TB, body=BODY[:-1] + (("Noidung", END.replace("./.", ".")),)),
    "gm_tieu_ngu_13_5": replace(GM, tn_pt="13.5pt"),
    "qd_summary_caps": replace(QD, summary=("VỀ VIỆC CÔNG NHẬN KẾT QUẢ HUẤN LUYỆN", "KỸ THUẬT AN TOÀN")),
    "cv_date_off_centre": replace(CV, date_lead="              "),
    "tb_two_pages_no_number": replace(TB, body=LONG, page_numbers=False),
    "tt_luu_without_vt": replace(TTR, recipients=("- Như trên;", "- Lưu: QLCN.")),
    "bc_agency_not_bold": replace(BC, agency_bold=False, parent=None),
    "tb_tcvn3_word": replace(TB, body=BODY[:1] + (("Noidung", "Kho chøa ®­îc x©y dùng ®óng thiÕt kÕ ®· ®­îc thÈm "
                                                              "®Þnh."),) + BODY[1:]),
    "cv_spacing_3pt": replace(CV, after="3pt"),
    "qd_so_with_year": replace(QD, number="Số: 45/2026/QĐ-SCT"),
}


def soffice(paths: list[str], fmt: str, out_dir: str) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or not paths:
        return
    profile = tempfile.mkdtemp(prefix="baocao-wild-lo-")
    try:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", out_dir, *paths], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def generate(out_dir: str) -> dict[str, dict[str, str | None]]:
    """Write every document as .fodt, then DOCX and PDF saved by LibreOffice; name -> {fmt: path}."""
    src = os.path.join(out_dir, "fodt")
    os.makedirs(src, exist_ok=True)
    paths = []
    for name, doc in DOCS.items():
        path = os.path.join(src, name + ".fodt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(render(doc))
        paths.append(path)
    docx_dir, pdf_dir = os.path.join(out_dir, "docx"), os.path.join(out_dir, "pdf")
    os.makedirs(docx_dir, exist_ok=True)
    os.makedirs(pdf_dir, exist_ok=True)
    soffice(paths, "docx", docx_dir)
    soffice(paths, "pdf", pdf_dir)
    out: dict[str, dict[str, str | None]] = {}
    for name in DOCS:
        out[name] = {}
        for fmt, folder in (("docx", docx_dir), ("pdf", pdf_dir)):
            p = os.path.join(folder, f"{name}.{fmt}")
            out[name][fmt] = p if os.path.exists(p) and os.path.getsize(p) > 0 else None
    return out


if __name__ == "__main__":  # pragma: no cover - manual use
    target = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="baocao-wild-")
    for name, files in generate(target).items():
        print(f"{name:<28} {files['docx']}  {files['pdf']}")
