"""Rules of recognition, each on the few words that make it (the real notices are in
test_import_real.py), and the YAML writer on values that need care."""
from __future__ import annotations

import datetime as dt

import pytest

from baocao.data.load import load_text
from baocao.data.registry import national_registry
from baocao.importer.emit_yaml import dump
from baocao.importer.names import AgencyIndex
from baocao.importer.read_text import paragraphs, split_text
from baocao.importer.recognise_tasks import TaskReader
from baocao.importer.sub_points import split


@pytest.fixture
def reader() -> TaskReader:
    return TaskReader(AgencyIndex(national_registry(), dt.date(2026, 3, 20)))


@pytest.mark.parametrize("text, lead, partners, extra, deadlines, report", [
    ("Giao Bộ Công Thương chủ trì, phối hợp với các Bộ: Tài chính, Khoa học và Công nghệ và các cơ quan liên "
     "quan hoàn thiện hồ sơ, báo cáo Thủ tướng Chính phủ trước ngày 30/4/2026.",
     "bo-cong-thuong", ["bo-tai-chinh", "bo-khoa-hoc-va-cong-nghe"], "các cơ quan liên quan",
     ["truoc 30/4/2026"], "thu-tuong-chinh-phu"),
    ("Bộ Tài chính: định kỳ hằng quý báo cáo Thủ tướng Chính phủ kết quả thực hiện.",
     "bo-tai-chinh", [], None, ["hang-quy"], "thu-tuong-chinh-phu"),
    ("Cơ bản nhất trí với báo cáo của Bộ Xây dựng. Bộ Xây dựng chủ trì, phối hợp với Bộ Tư pháp hoàn thiện "
     "dự thảo trong Quý II/2026.", "bo-xay-dung", ["bo-tu-phap"], None, ["2026-Q2"], None),
    ("UBND tỉnh Lào Cai khẩn trương hoàn thành công tác giải phóng mặt bằng trong tháng 6 năm 2026.",
     "ubnd-tinh-lao-cai", [], None, ["2026-06"], None),
    ("Bộ Tài chính đã hoàn thành việc rà soát theo đề nghị của Bộ Tư pháp.", None, [], None, [], None),
    ("Nghị định số 06/2022/NĐ-CP giao Bộ Tài chính chủ trì thành lập thị trường.", None, [], None, [], None),
    ("Tiếp tục chỉ đạo các cơ quan thường xuyên trao đổi thông tin.", None, [], None, [], None),
    # 655/TB-VPCP (2025), III.1: the ministry the work is sent to, and whose guidance it follows,
    # is no coordinator.
    ("Ủy ban nhân dân tỉnh Sơn La căn cứ quy định của pháp luật về đầu tư công và hướng dẫn của Bộ Tài chính "
     "để hoàn thiện thủ tục đầu tư dự án theo quy định, gửi Bộ Tài chính để xem xét, tổng hợp chung.",
     "ubnd-tinh-son-la", [], None, [], None),
])
def test_assignment_from_words(reader, text, lead, partners, extra, deadlines, report):
    found = reader.read(text, None)
    assert found.lead == lead
    assert found.coordinators == partners
    assert found.extra == extra
    assert [str(d) for d in found.deadlines] == deadlines
    assert found.report_to == report


@pytest.mark.parametrize("text, lead", [
    # 648/TB-VPCP (2025): the topic label, then the assignment, in one paragraph
    ("Về hỗ trợ kinh phí thực hiện dự án: Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế nghiên cứu.",
     "bo-tai-chinh"),
    ("Về đề nghị sửa đổi Nghị định: Giao Bộ Nội vụ nghiên cứu, tổng hợp kiến nghị của tỉnh.", "bo-noi-vu"),
    ("Về việc này: Bộ Nội vụ đã có ý kiến.", None),                 # no "Giao": a mention, not a lead
])
def test_a_topic_label_then_the_assignment(reader, text, lead):
    assert reader.read(text, None).lead == lead


@pytest.mark.parametrize("text, names", [
    ("Về việc lồng ghép: Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu các kiến nghị của tỉnh.",
     ["Bộ Giáo dục và Đào tạo", "Bộ Y tế"]),
    ("Các Bộ, cơ quan: Tài chính, Xây dựng theo chức năng, nhiệm vụ được giao khẩn trương rà soát.",
     ["Bộ Tài chính", "Bộ Xây dựng"]),
    ("Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế nghiên cứu.", []),
])
def test_a_task_given_to_several_bodies_is_a_task_of_each(reader, text, names):
    found = reader.read(text, None)
    assert [reader.index.name(k) for k in [found.lead, *found.co_leads] if k] == (names or ["Bộ Tài chính"])
    assert found.coordinators == ([] if names else ["bo-y-te"])


def test_a_paragraph_number_in_parentheses_is_not_part_of_the_lead(reader):
    found = reader.read("(3) Bộ Công an tiếp tục chủ động phối hợp với Bộ Xây dựng giải quyết dứt điểm vướng mắc.", None)
    assert (found.lead, found.coordinators) == ("bo-cong-an", ["bo-xay-dung"])


def test_a_lead_stated_again_takes_its_own_coordinators(reader):
    found = reader.read("Chủ trì, phối hợp với Bộ Tài chính và các bộ, cơ quan liên quan hoàn thiện hồ sơ.", "bo-y-te")
    assert (found.lead, found.coordinators, found.extra) == ("bo-y-te", ["bo-tai-chinh"], "các bộ, cơ quan liên quan")
    assert reader.read("Chủ trì tổ chức hội nghị.", "bo-y-te").lead is None     # no partner named: inherited


def test_numbered_paragraphs_in_parentheses_hold_their_dash_items():
    from baocao.importer.body_tree import build
    from baocao.importer.source import Line

    lines = [Line(t) for t in ("1. Trong đó lưu ý như sau:", "(1) Bộ Y tế chỉ đạo.", "- Chỉ đạo Ban Quản lý dự án.",
                               "- Chủ trì, phối hợp với Bộ Tài chính.", "(2) Bộ Công an tiếp tục.", "(4) Không nối tiếp.")]
    khoan = build(lines).children()[0]
    first, second = khoan.children()
    assert (first.kind, first.head.text, [c.kind for c in first.children()]) == ("doan", "(1) Bộ Y tế chỉ đạo.", ["gach", "gach"])
    # "(4)" after "(2)" opens nothing: a paragraph of the node above, with a note
    assert second.head.text == "(2) Bộ Công an tiếp tục."
    assert [line.text for line in second.texts_before()] == ["(4) Không nối tiếp."]
    assert any("(4) Không nối tiếp" in note for note in second.notes)


def test_a_task_led_by_the_head_of_a_body_is_the_body_s(reader):
    found = reader.read("Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo ngành giáo dục sửa chữa trường lớp, hoàn thành "
                        "trước ngày 10/12/2025.", None)
    assert (found.lead, [str(d) for d in found.deadlines]) == ("bo-giao-duc-va-dao-tao", ["truoc 10/12/2025"])
    # the minister and a deputy named together: no lead-in a format can hold
    assert reader.read("Đồng chí Bộ trưởng Bộ Y tế, Thứ trưởng Bộ Y tế phụ trách lĩnh vực tiếp tục bám sát.", None).lead is None


def test_bodies_the_registry_lacks(reader):
    found = reader.read("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính rà soát phương án, "
                        "báo cáo Ủy ban nhân dân tỉnh trước ngày 31/5/2026.", None)
    names = [reader.index.name(k) for k in [found.lead, *found.coordinators]]
    assert names == ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"]
    assert set(reader.index.added) == {found.lead, *found.coordinators}


def test_the_body_that_existed_on_the_day():
    before = AgencyIndex(national_registry(), dt.date(2024, 10, 14)).lookup("Bộ Nông nghiệp và Phát triển nông thôn")
    assert before == "bo-nong-nghiep-va-phat-trien-nong-thon"
    index = AgencyIndex(national_registry(), dt.date(2026, 1, 1))
    assert index.lookup("Uỷ ban nhân dân tỉnh Lào Cai") == "ubnd-tinh-lao-cai"      # old tone placement


def test_sub_points_only_where_printed_back():
    text = "Bộ Ngoại giao: (i) Theo dõi sát tình hình; (ii) Tổ chức tốt các hoạt động. (iii) Báo cáo kết quả"
    cut = split(text)
    assert cut.head == "Bộ Ngoại giao:" and cut.points == ["Theo dõi sát tình hình", "Tổ chức tốt các hoạt động.",
                                                            "Báo cáo kết quả"]
    assert split("Các việc: (i) Một, (ii) Hai") is None          # "," between ý: not printed back the same
    assert split("Chỉ một ý (i) ở đây") is None


def test_hard_wrapped_text_becomes_paragraphs():
    lines = ["1. Cơ bản thống nhất với nội dung báo cáo của Bộ Ngoại giao và các ý kiến tham",
             "luận tại Hội nghị; hoan nghênh và đánh giá cao nỗ lực của các bộ, ngành.",
             "2. Năm 2025, mặc dù khó khăn và thách thức nhiều hơn thuận lợi, công tác",
             "ngoại giao kinh tế đã đạt nhiều thành tựu quan trọng – đột phá",
             "– mở rộng thị trường.", "", "a) Quyết liệt triển khai cụ thể hóa."]
    assert paragraphs(lines) == [
        "1. Cơ bản thống nhất với nội dung báo cáo của Bộ Ngoại giao và các ý kiến tham luận tại Hội nghị; "
        "hoan nghênh và đánh giá cao nỗ lực của các bộ, ngành.",
        "2. Năm 2025, mặc dù khó khăn và thách thức nhiều hơn thuận lợi, công tác ngoại giao kinh tế đã đạt "
        "nhiều thành tựu quan trọng – đột phá – mở rộng thị trường.",
        "a) Quyết liệt triển khai cụ thể hóa."]


def test_header_in_two_columns_and_a_draft_number():
    source = split_text("x.txt", [
        "UBND TỈNH LÀO CAI           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ CÔNG THƯƠNG                 Độc lập - Tự do - Hạnh phúc",
        "Số:        /TB-SCT            Lào Cai, ngày      tháng 4 năm 2026",
        "THÔNG BÁO", "Kết quả kiểm tra", "", "Nội dung.", "",
        "Nơi nhận:                                KT. GIÁM ĐỐC",
        "- Như trên;                              PHÓ GIÁM ĐỐC",
        "- Lưu: VT, CN.", "", "                                         Hoàng Văn Thuân"])
    assert [(line.text, line.column) for line in source.header] == [
        ("UBND TỈNH LÀO CAI", "left"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right"),
        ("SỞ CÔNG THƯƠNG", "left"), ("Độc lập - Tự do - Hạnh phúc", "right"),
        ("Số:        /TB-SCT", "left"), ("Lào Cai, ngày      tháng 4 năm 2026", "right")]
    assert source.recipients == ["- Như trên;", "- Lưu: VT, CN."]
    assert [line.text for line in source.signer] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân"]


@pytest.mark.parametrize("value", [
    "Các Bộ: CA, TC", "- bắt đầu bằng gạch", "# không phải chú thích", "yes", "NO", "012", "1.5", "null", "~",
    "trích dẫn \"có\" 'nháy'", "a: b", "kết thúc bằng hai chấm:", "@khoa", "{thoi_han}", "* sao", "100%", "2026",
    "Dòng một\nDòng hai", "rất dài " * 40, "có  hai dấu cách " * 10, "…", "&neo", "!tag", "| khối", "> gấp",
])
def test_yaml_reads_back_as_written(value):
    """Every scalar the writer chooses (plain, quoted, folded) reads back as the same text."""
    data = {"van_ban": {"trich_yeu": value, "dia_danh": [value, value.strip() or "x"]}}
    text = dump(data, {("van_ban", "trich_yeu"): ["kiểm tra lại: ghi chú"]}, ["đầu tệp"], ["cuối tệp"])
    assert load_text(text).data == data
    assert "# kiểm tra lại: ghi chú" in text and text.startswith("# đầu tệp")
