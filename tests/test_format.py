"""The notice format on the cases real notices need, and on the defects users met.

Each test writes a small notice, loads it through the real validator and, where the output
matters, builds the document model or the DOCX/PDF and reads them back.
"""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document

from baocao.build.outputs import render_notice
from baocao.cli import main
from baocao.data.validate import load_notice
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.documents.metrics import balanced_wrap
from baocao.documents.notice import build_document
from baocao.documents.wording import Wording, templates_dir
from baocao.errors import DataError

GOOD = Path(__file__).parent / "resources" / "good"
BASE = {
    "van_ban": {"co_quan": "van-phong-bo", "so": "3", "ngay": "2026-03-02", "thong_bao_den": "các phòng"},
    "cuoc_hop": {"ngay": "2026-02-27", "dia_diem": "Phòng họp số 1", "chu_tri": "Chánh Văn phòng Nguyễn Văn An",
                 "ten": "cuộc họp giao ban tháng 2 năm 2026"},
    "nguoi_ky": {"chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Nguyễn Văn An"},
    "noi_nhan": ["Các phòng thuộc Văn phòng"],
    "luu": {"don_vi": "TH"},
}


def notice_file(tmp_path: Path, body: dict | str, **top) -> Path:
    """A notice with *body* as noi_dung (a dict, or YAML text of the whole file's noi_dung)."""
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "co-quan.yaml")
    data = {**BASE, **top}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if isinstance(body, str):
        text += body
    else:
        text += yaml.safe_dump({"noi_dung": body}, allow_unicode=True, sort_keys=False)
    path = tmp_path / "tb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def body_texts(path: Path) -> list[str]:
    notice, registry, _ = load_notice(path)
    doc = build_document(notice, registry, DEFAULT_LAYOUT, Wording(templates_dir()))
    return [p.text for p in doc.body]


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_notice(path)
    return [p.format() for p in caught.value.problems if not p.warning]


# --- structure ------------------------------------------------------------------------------

def test_a_point_with_only_a_heading_prints_it(tmp_path):
    path = notice_file(tmp_path, {"khoan": [{"van_ban": "Giao các phòng:", "diem": [
        "Phòng Tổng hợp rà soát.", {"tieu_de": "Về công tác cán bộ"}]}]})
    assert body_texts(path)[1:4] == ["1. Giao các phòng:", "a) Phòng Tổng hợp rà soát.", "b) Về công tác cán bộ"]


def test_several_paragraphs_dash_items_and_text_after_the_children(tmp_path):
    body = """noi_dung:
  van_ban: Đoạn trước khoản 1.
  khoan:
    - tieu_de: Về thể chế
      van_ban: |-
        Đoạn thứ nhất.
        Đoạn thứ hai.
      gach:
        - tieu_de: "Về rà soát phân công nhiệm vụ:"
          van_ban: Nội dung của ý.
          cong: [Ý cộng thứ nhất., Ý cộng thứ hai.]
        - Ý gạch thứ hai.
      sau: Đoạn sau các ý gạch.
  sau: Đoạn sau khoản cuối.
"""
    texts = body_texts(notice_file(tmp_path, body))
    assert texts[1:] == [
        "Đoạn trước khoản 1.", "1. Về thể chế", "Đoạn thứ nhất.", "Đoạn thứ hai.",
        "- Về rà soát phân công nhiệm vụ:", "Nội dung của ý.", "+ Ý cộng thứ nhất.", "+ Ý cộng thứ hai.",
        "- Ý gạch thứ hai.", "Đoạn sau các ý gạch.", "Đoạn sau khoản cuối.",
        "Văn phòng Bộ Thử nghiệm thông báo để các phòng biết, thực hiện./."]


def test_children_print_in_the_order_written(tmp_path):
    body = """noi_dung:
  khoan:
    - van_ban: "Giao các đơn vị gồm:"
      gach: [Phòng Tổng hợp;, Phòng Hành chính.]
      doan: ["Có trách nhiệm:"]
      diem: [Rà soát., Báo cáo.]
"""
    assert body_texts(notice_file(tmp_path, body))[1:7] == [
        "1. Giao các đơn vị gồm:", "- Phòng Tổng hợp;", "- Phòng Hành chính.", "Có trách nhiệm:",
        "a) Rà soát.", "b) Báo cáo."]


def test_line_breaks_make_paragraphs_never_breaks_inside_one(tmp_path):
    body = {"khoan": [{"van_ban": "Chính phủ xem xét,\nquyết định.\n\nĐoạn ba."}]}
    path = notice_file(tmp_path, body)
    assert body_texts(path)[1:4] == ["1. Chính phủ xem xét,", "quyết định.", "Đoạn ba."]
    notice, registry, _ = load_notice(path)
    files = render_notice(notice, registry, DEFAULT_LAYOUT, path, tmp_path / "out")
    docx_bytes = next(v for k, v in files.items() if k.suffix == ".docx")
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode()
    body_xml = xml[xml.index("Ngày 27 tháng 02"):xml.index("Nơi nhận:")]
    assert "<w:br/>" not in body_xml
    words = [p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs if p.text.strip()]
    pdf_bytes = next(v for k, v in files.items() if k.suffix == ".pdf")
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        pdf_text = " ".join(page.extract_text() for page in pdf.pages)
    for paragraph in ("Chính phủ xem xét,", "quyết định.", "Đoạn ba."):
        assert any(paragraph in w for w in words) and paragraph in pdf_text


def test_text_after_sub_points_joins_without_a_double_stop(tmp_path):
    body = {"khoan": [{"chu_tri": "phong-tong-hop", "y": ["Rà soát danh mục", "Mời các đơn vị tham gia."],
                       "sau": "Phòng Hành chính bố trí kinh phí."}]}
    text = body_texts(notice_file(tmp_path, body))[1]
    assert text == ("1. Phòng Tổng hợp chủ trì: (i) Rà soát danh mục; (ii) Mời các đơn vị tham gia. "
                    "Phòng Hành chính bố trí kinh phí.")


def test_text_after_points_comes_after_them(tmp_path):
    body = {"khoan": [{"van_ban": "Giao:", "diem": ["Một.", "Hai."], "sau": "Đoạn kết của khoản."}]}
    assert body_texts(notice_file(tmp_path, body))[1:5] == ["1. Giao:", "a) Một.", "b) Hai.", "Đoạn kết của khoản."]


@pytest.mark.parametrize("where, value", [
    (("cuoc_hop", "dia_diem"), ""), (("cuoc_hop", "dia_diem"), "   "), (("van_ban", "thong_bao_den"), ""),
])
def test_empty_text_is_refused(tmp_path, where, value):
    top = {where[0]: {**BASE[where[0]], where[1]: value}}
    found = problems(notice_file(tmp_path, {"khoan": ["Một."]}, **top))
    assert any(f"[{'.'.join(where)}]" in p and "không được để trống" in p for p in found), found


def test_an_empty_heading_is_refused(tmp_path):
    found = problems(notice_file(tmp_path, {"phan": [{"tieu_de": "", "khoan": ["Một."]}]}))
    assert any("noi_dung.phan[1].tieu_de" in p for p in found), found


def test_a_meeting_without_a_place_says_nothing_of_one(tmp_path):
    meeting = {k: v for k, v in BASE["cuoc_hop"].items() if k != "dia_diem"}
    opening = body_texts(notice_file(tmp_path, {"khoan": ["Một."]}, cuoc_hop=meeting))[0]
    assert opening.startswith("Ngày 27 tháng 02 năm 2026, Chánh Văn phòng") and "tại ," not in opening


# --- deadlines and marks ------------------------------------------------------------------------

def test_mark_zero_is_refused(tmp_path):
    body = {"khoan": [{"chu_tri": "phong-tong-hop", "van_ban": "xong {thoi_han:0}", "thoi_han": "2026-04"}]}
    assert any("{thoi_han:0}" in p for p in problems(notice_file(tmp_path, body)))


def test_marks_in_heading_and_tail_are_filled(tmp_path):
    body = {"khoan": [{"chu_tri": "phong-tong-hop", "tieu_de": "Việc cần xong {thoi_han:1}",
                       "van_ban": "rà soát", "sau": "Báo cáo {thoi_han:2}.", "thoi_han": ["2026-Q2", "2026-06"]}]}
    texts = body_texts(notice_file(tmp_path, body))
    assert texts[1] == "1. Việc cần xong trong Quý II/2026" and texts[3] == "Báo cáo trong tháng 6 năm 2026."


def test_a_mark_outside_the_body_is_refused(tmp_path):
    meeting = {**BASE["cuoc_hop"], "ten": "cuộc họp {thoi_han}"}
    found = problems(notice_file(tmp_path, {"khoan": ["Một."]}, cuoc_hop=meeting))
    assert any("[cuoc_hop.ten]" in p and "{thoi_han}" in p for p in found), found


def test_short_and_recurring_deadlines(tmp_path):
    body = {"khoan": [
        {"chu_tri": "phong-tong-hop", "van_ban": "hoàn thành {thoi_han}", "thoi_han": "truoc 31/12/2026"},
        {"chu_tri": "phong-hanh-chinh", "van_ban": "báo cáo {thoi_han}", "thoi_han": "truoc 20 hang-quy"}]}
    texts = body_texts(notice_file(tmp_path, body))
    assert texts[1].endswith("hoàn thành trước ngày 31/12/2026")
    assert texts[2].endswith("báo cáo trước ngày 20 của tháng cuối quý")


def test_a_draft_keeps_its_month(tmp_path):
    path = notice_file(tmp_path, {"khoan": ["Một."]},
                       van_ban={"co_quan": "van-phong-bo", "nam": "2026", "thang": "6", "thong_bao_den": "các phòng"})
    notice, registry, _ = load_notice(path)
    doc = build_document(notice, registry, DEFAULT_LAYOUT, Wording(templates_dir()))
    assert doc.header.place_date == "Hà Nội, ngày    tháng 6 năm 2026"


# --- text written out in full, checked against its data -------------------------------------------

def written(**item) -> dict:
    return {"cach_giao": "nguyen-van", "khoan": [item]}


def test_written_text_that_agrees_with_its_data_validates(tmp_path):
    body = written(van_ban="Phòng Tổng hợp chủ trì, phối hợp với Phòng Hành chính rà soát, hoàn thành "
                           "trong Quý II/2026.", chu_tri="phong-tong-hop", phoi_hop=["phong-hanh-chinh"],
                   thoi_han="2026-Q2")
    texts = body_texts(notice_file(tmp_path, body))
    assert texts[1] == ("1. Phòng Tổng hợp chủ trì, phối hợp với Phòng Hành chính rà soát, hoàn thành trong "
                        "Quý II/2026.")


@pytest.mark.parametrize("item, field, words", [
    ({"van_ban": "Phòng Hành chính rà soát.", "chu_tri": "phong-tong-hop"}, "chu_tri", "không nêu cơ quan chủ trì"),
    ({"van_ban": "Phòng Tổng hợp rà soát.", "chu_tri": "phong-tong-hop", "phoi_hop": ["phong-hanh-chinh"]},
     "phoi_hop[1]", "không nêu cơ quan phối hợp 'Phòng Hành chính'"),
    ({"van_ban": "Phòng Tổng hợp rà soát, xong trong Quý I/2026.", "chu_tri": "phong-tong-hop",
      "thoi_han": "2026-Q2"}, "thoi_han[1]", "văn bản ghi 'trong Quý I/2026' (2026-Q1)"),
    ({"van_ban": "Phòng Tổng hợp báo cáo trước ngày 20 tháng 10 năm 2026.", "chu_tri": "phong-tong-hop",
      "thoi_han": "2026-10-20"}, "thoi_han[1]", "'trước ngày 20 tháng 10 năm 2026' (truoc 2026-10-20)"),
    ({"van_ban": "Phòng Tổng hợp rà soát {thoi_han}.", "chu_tri": "phong-tong-hop", "thoi_han": "2026-04"},
     "", "không dùng {thoi_han}"),
])
def test_written_text_that_disagrees_is_an_error_at_its_line(tmp_path, item, field, words):
    path = notice_file(tmp_path, written(**item))
    found = problems(path)
    where = "noi_dung.khoan[1]" + (f".{field}" if field else "")
    match = [p for p in found if f"[{where}]" in p and words in p]
    assert match, found
    line = int(re.match(r".*?tb\.yaml:(\d+):", match[0]).group(1))
    lines = path.read_text(encoding="utf-8").splitlines()
    wanted = {"chu_tri": "chu_tri:", "phoi_hop[1]": "- phong-hanh-chinh", "thoi_han[1]": "thoi_han:", "": "- van_ban:"}
    assert wanted[field] in lines[line - 1], (line, lines[line - 1])


# --- a task given to several bodies at once (648/TB-VPCP: "Giao Bộ Giáo dục và Đào tạo, Bộ Y tế …") --

JOINT = "Giao Phòng Tổng hợp, Phòng Kế hoạch rà soát, báo cáo trước ngày 20 tháng 3 năm 2026."


def test_a_task_given_to_several_bodies_is_a_task_of_each(tmp_path):
    from baocao.data.validate import iter_assignments

    path = notice_file(tmp_path, written(van_ban=JOINT, chu_tri="phong-tong-hop", dong_chu_tri=["phong-ke-hoach"],
                                         thoi_han="truoc 2026-03-20"))
    notice, _registry, warnings = load_notice(path)
    tasks = list(iter_assignments(notice))
    assert [(t.lead, t.co_lead, [str(d) for d in t.deadlines]) for t in tasks] == [
        ("phong-tong-hop", False, ["truoc 2026-03-20"]), ("phong-ke-hoach", True, ["truoc 2026-03-20"])]
    assert [w.message for w in warnings if "6 rõ" in w.message] == ["khoản 1: chưa rõ sản phẩm (6 rõ)"]
    assert body_texts(path)[1] == "1. " + JOINT


@pytest.mark.parametrize("item, field, words", [
    ({"van_ban": JOINT, "dong_chu_tri": ["phong-ke-hoach"]}, "", "có 'dong_chu_tri' mà không có 'chu_tri'"),
    ({"van_ban": JOINT, "chu_tri": "phong-tong-hop", "dong_chu_tri": ["phong-hanh-chinh"]}, "dong_chu_tri[1]",
     "không nêu cơ quan 'Phòng Hành chính' được cùng giao việc"),
    ({"van_ban": JOINT, "chu_tri": "phong-tong-hop", "dong_chu_tri": ["phong-khong-co"]}, "dong_chu_tri[1]",
     "khóa cơ quan 'phong-khong-co' không có trong danh mục"),
    ({"van_ban": "rà soát.", "chu_tri": "phong-tong-hop", "dong_chu_tri": ["phong-ke-hoach"], "cach_giao": "chu-tri"},
     "dong_chu_tri", "chỉ dùng khi câu chữ nêu các cơ quan đó"),
])
def test_several_bodies_are_checked_against_the_words(tmp_path, item, field, words):
    found = problems(notice_file(tmp_path, written(**item)))
    where = "noi_dung.khoan[1]" + (f".{field}" if field else "")
    assert [p for p in found if f"[{where}]" in p and words in p], found


def test_the_short_date_form_agrees_with_its_iso_deadline(tmp_path):
    body = written(van_ban="Phòng Tổng hợp hoàn thành trước ngày 31/12/2026.", chu_tri="phong-tong-hop",
                   thoi_han="truoc 2026-12-31")
    assert body_texts(notice_file(tmp_path, body))[1].endswith("trước ngày 31/12/2026.")


def test_a_deadline_in_the_words_missing_from_the_data_warns(tmp_path):
    path = notice_file(tmp_path, written(van_ban="Phòng Tổng hợp hoàn thành trong tháng 5 năm 2026.",
                                         chu_tri="phong-tong-hop", san_pham="Báo cáo"))
    _notice, _registry, warnings = load_notice(path)
    assert any("trong tháng 5 năm 2026" in w.message and "thoi_han: 2026-05" in w.message for w in warnings)


def test_an_agency_heading_names_the_lead_of_its_tasks(tmp_path):
    body = {"cach_giao": "tieu-de", "khoan": [
        {"chu_tri": "phong-tong-hop", "gach": ["Rà soát danh mục, xong trong tháng 4 năm 2026.",
                                                {"van_ban": "Báo cáo kết quả trong tháng 5 năm 2026.",
                                                 "thoi_han": "2026-05", "chu_tri": "phong-tong-hop"}],
         "thoi_han": "2026-04"}]}
    path = notice_file(tmp_path, body)
    notice, registry, _ = load_notice(path)
    doc = build_document(notice, registry, DEFAULT_LAYOUT, Wording(templates_dir()))
    heading = doc.body[1]
    assert heading.text == "1. Phòng Tổng hợp:" and all(r.bold for r in heading.runs)
    assert [p.text for p in doc.body[2:4]] == ["- Rà soát danh mục, xong trong tháng 4 năm 2026.",
                                                "- Báo cáo kết quả trong tháng 5 năm 2026."]
    # An agency heading is clear about who answers: no "trách nhiệm" or "người" warning; the
    # heading itself only introduces its tasks.
    _n, _r, warnings = load_notice(path)
    assert not any("trách nhiệm" in w.message or "người" in w.message for w in warnings)
    assert all(w.field.startswith("noi_dung.khoan[1].gach[") for w in warnings)


def test_ministries_listed_as_officials_write_them(tmp_path):
    body = {"khoan": [{"chu_tri": "bo-cong-thuong", "phoi_hop": ["bo-tai-chinh", "bo-tu-phap"],
                       "phoi_hop_them": "các cơ quan liên quan", "cach_ke": "cac-bo", "van_ban": "rà soát."},
                      {"chu_tri": "bo-cong-thuong", "phoi_hop": ["bo-tai-chinh", "bo-tu-phap"],
                       "cach_ke": "cac-bo-lien", "noi_cuoi": "phay", "van_ban": "báo cáo."}]}
    texts = body_texts(notice_file(tmp_path, body))
    assert texts[1] == "1. Bộ Công Thương chủ trì, phối hợp với các Bộ: Tài chính, Tư pháp và các cơ quan liên quan rà soát."
    assert texts[2] == "2. Bộ Công Thương chủ trì, phối hợp với các Bộ Tài chính, Tư pháp báo cáo."


# --- registry ------------------------------------------------------------------------------------

def test_a_notice_outside_any_project_validates_against_the_packaged_registry(tmp_path):
    data = {"van_ban": {"co_quan": "van-phong-chinh-phu", "so": "9", "ngay": "2026-02-10",
                        "trich_yeu": "Kết luận của Phó Thủ tướng Chính phủ về thị trường lúa gạo"},
            "noi_dung": {"cach_giao": "nguyen-van", "khoan": [
                {"van_ban": "Bộ Công Thương chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường điều hành xuất "
                            "khẩu gạo, báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2026.",
                 "chu_tri": "bo-cong-thuong", "phoi_hop": ["bo-nong-nghiep-va-moi-truong"], "thoi_han": "2026-03",
                 "bao_cao": "thu-tuong-chinh-phu", "san_pham": "Báo cáo điều hành xuất khẩu gạo"}]},
            "ket_thuc": "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.",
            "nguoi_ky": {"quyen_han": "KT", "thay_mat": "BỘ TRƯỞNG, CHỦ NHIỆM", "chuc_vu": "PHÓ CHỦ NHIỆM",
                         "ho_ten": "Nguyễn Văn B"},
            "noi_nhan": ["Thủ tướng Chính phủ"], "luu": "VT, KTTH (2)."}
    path = tmp_path / "rieng.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert not (tmp_path / "co-quan.yaml").exists()
    notice, registry, warnings = load_notice(path)
    assert registry.agencies["bo-cong-thuong"].name == "Bộ Công Thương" and not warnings


def test_a_body_that_no_longer_exists_on_the_notice_date_warns(tmp_path):
    data = yaml.safe_dump({**BASE, "van_ban": {**BASE["van_ban"], "co_quan": "van-phong-chinh-phu",
                                               "ky_hieu": "TB-VPCP"}}, allow_unicode=True)
    data += yaml.safe_dump({"noi_dung": {"khoan": [{"chu_tri": "bo-ke-hoach-va-dau-tu", "van_ban": "rà soát",
                                                     "thoi_han": "2026-06", "san_pham": "Báo cáo"}]}},
                           allow_unicode=True)
    path = tmp_path / "tb.yaml"
    path.write_text(data.replace("luu:\n  don_vi: TH\n", "luu:\n  don_vi: TH\n"), encoding="utf-8")
    _notice, _registry, warnings = load_notice(path)
    found = [w for w in warnings if w.field == "noi_dung.khoan[1].chu_tri"]
    assert found and "Bộ Kế hoạch và Đầu tư" in found[0].message and "Bộ Tài chính" in found[0].message


# --- titles and numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("title, never", [
    ("Kết luận của đồng chí Nguyễn Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm "
     "việc với Sở Công Thương về phát triển cụm công nghiệp", ("Phó", "Bí")),
    ("Về việc công khai thông tin kết quả tiếp nhận hồ sơ của đơn vị đề nghị làm chủ đầu tư xây dựng hạ tầng "
     "kỹ thuật Cụm công nghiệp Cam Đường 1, phường Cam Đường, tỉnh Lào Cai", ("Cụm", "công")),
])
def test_titles_are_not_broken_inside_names(title, never):
    lines = balanced_wrap(title, DEFAULT_LAYOUT.text_width_mm, DEFAULT_LAYOUT.summary_pt, bold=True)
    assert len(lines) > 1
    for first, second in zip(lines, lines[1:]):
        assert (first.split()[-1], second.split()[0]) != never


def test_a_written_line_break_in_the_title_is_kept(tmp_path):
    path = notice_file(tmp_path, {"khoan": ["Một."]}, van_ban={
        **BASE["van_ban"], "trich_yeu": "Kết luận của Chánh Văn phòng\ntại cuộc họp giao ban"})
    notice, registry, _ = load_notice(path)
    doc = build_document(notice, registry, DEFAULT_LAYOUT, Wording(templates_dir()))
    assert doc.summary_lines == ("Kết luận của Chánh Văn phòng", "tại cuộc họp giao ban")


def test_document_numbers_are_not_broken_at_a_line_end(tmp_path):
    number = "525/QĐ-UBND"
    text = ("Căn cứ các quyết định " + " ".join(f"số {n}{number[3:]}" for n in range(520, 560)) + " của tỉnh.")
    path = notice_file(tmp_path, {"khoan": [text]})
    notice, registry, _ = load_notice(path)
    files = render_notice(notice, registry, DEFAULT_LAYOUT, path, tmp_path / "out")
    pdf_bytes = next(v for k, v in files.items() if k.suffix == ".pdf")
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        lines = [line["text"] for page in pdf.pages for line in page.extract_text_lines()]
    body = [line for line in lines if "QĐ" in line or "UBND" in line]
    assert len(body) > 3
    assert not any(re.search(r"\d/$|QĐ-$|/$", line.strip()) for line in body), body
    assert not any(re.match(r"^(QĐ|UBND)", line.strip()) for line in body), body
    docx_bytes = next(v for k, v in files.items() if k.suffix == ".docx")
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode()
    assert "<w:noBreakHyphen/>" in xml
    paragraphs = [p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs]
    assert any("số 525/QĐ-UBND số 526/QĐ-UBND" in p for p in paragraphs)


# --- templates ---------------------------------------------------------------------------------------

def run(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_templates_in_the_current_directory_are_never_used(tmp_path, monkeypatch):
    path = notice_file(tmp_path, {"khoan": ["Một."]})
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "wording.j2").write_text("{% macro closing(a, b) %}CHỮ LẠ{% endmacro %}")
    monkeypatch.chdir(tmp_path)
    status, _out, err = run(["build", str(path), "--out", str(tmp_path / "out")])
    assert status == 0, err
    text = " ".join(p.text for p in Document(str(tmp_path / "out" / "tb" / "thong-bao.docx")).paragraphs)
    assert "CHỮ LẠ" not in text and "biết, thực hiện./." in text


def test_a_project_template_replaces_the_packaged_one_of_its_name(tmp_path):
    path = notice_file(tmp_path, {"khoan": ["Một."]})
    folder = tmp_path / "mau"
    folder.mkdir()
    packaged = templates_dir().source("wording.j2").read_text(encoding="utf-8")
    (folder / "wording.j2").write_text(packaged.replace("biết, thực hiện./.", "biết và thực hiện./."),
                                       encoding="utf-8")
    (tmp_path / "cai-dat.yaml").write_text("thu_muc_mau: mau\n", encoding="utf-8")
    status, _out, err = run(["build", str(path), "--out", str(tmp_path / "out"), "--debug"])
    assert status == 0, err
    assert "wording.j2" in err and str(folder) in err
    assert f"mẫu notice.html.j2: {templates_dir().source('notice.html.j2')}" in err
    text = " ".join(p.text for p in Document(str(tmp_path / "out" / "tb" / "thong-bao.docx")).paragraphs)
    assert "biết và thực hiện./." in text


def test_a_templates_folder_outside_the_project_is_refused(tmp_path):
    project = tmp_path / "du-an"
    data = project / "data"
    data.mkdir(parents=True)
    (data / "cai-dat.yaml").write_text("thu_muc_mau: ../../ngoai\n", encoding="utf-8")
    (tmp_path / "ngoai").mkdir()
    status, _out, err = run(["validate", str(data / "cai-dat.yaml")])
    assert status == 2 and "nằm ngoài dự án" in err
