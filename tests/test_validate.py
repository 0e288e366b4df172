"""load_notice / load_registry on good data; the 6 rõ check; iter_assignments; settings."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from baocao.data.model import Notice, Registry
from baocao.data.validate import (
    iter_assignments,
    load_notice,
    load_registry,
    missing_clear,
)
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.errors import DataError
from baocao.settings import layout_for, load_layout

GOOD = Path(__file__).parent / "resources" / "good"
DATA = Path(__file__).parent.parent / "data"


def write_notice(tmp_path: Path, text: str, name: str = "tb.yaml") -> Path:
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "co-quan.yaml")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def minimal() -> str:
    return (GOOD / "toi-thieu.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["toi-thieu.yaml", "day-du.yaml", "du-thao.yaml"])
def test_good_notices_validate_without_warnings(name):
    notice, registry, warnings = load_notice(GOOD / name)
    assert isinstance(notice, Notice) and isinstance(registry, Registry)
    assert warnings == []


def test_values_are_typed():
    notice, registry, _ = load_notice(GOOD / "day-du.yaml")
    assert notice.document.number == 27 and notice.archive.copies == 2
    assert notice.document.date.isoformat() == "2026-04-10"
    clause = notice.body.sections[1].clauses[0]
    assert [d.compact() for d in clause.deadlines] == ["2026-05", "2026-H2"]
    assert clause.coordinators == ["phong-tong-hop", "phong-hanh-chinh"]
    point = notice.body.sections[1].clauses[1].points[0]
    assert point.coordinators == ["phong-hanh-chinh"] and point.sub_points_numbered is False
    assert notice.signer.titles == ["PHÓ CHÁNH VĂN PHÒNG"]
    assert "doan-kiem-tra" in registry.agencies and "bo-thu-nghiem" in registry.agencies


def test_draft_has_no_number_and_a_year():
    notice, _, _ = load_notice(GOOD / "du-thao.yaml")
    assert notice.document.number is None and notice.document.date is None
    assert notice.document.issue_year == 2026


def test_registry_can_be_passed_in(tmp_path):
    registry = load_registry(GOOD / "co-quan.yaml")
    path = tmp_path / "tb.yaml"
    path.write_text(minimal(), encoding="utf-8")  # no co-quan.yaml beside it
    notice, merged, _ = load_notice(path, registry)
    assert merged.agencies.keys() == registry.agencies.keys()


def test_registry_file_is_required(tmp_path):
    path = tmp_path / "tb.yaml"
    path.write_text(minimal(), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_notice(path)
    assert "co-quan.yaml" in caught.value.first.message


def test_extra_agencies_overriding_the_registry_warn(tmp_path):
    text = minimal() + "co_quan_them:\n  phong-tong-hop: {ten: Phòng Tổng hợp mới, loai: don-vi}\n"
    notice, registry, warnings = load_notice(write_notice(tmp_path, text))
    assert registry.agencies["phong-tong-hop"].name == "Phòng Tổng hợp mới"
    assert len(warnings) == 1 and warnings[0].field == "co_quan_them.phong-tong-hop" and warnings[0].warning


def test_six_clear_warnings_and_strict(tmp_path):
    text = minimal().replace("      san_pham: Kế hoạch công tác quý II năm 2026\n", "") \
                    .replace("      bao_cao: chanh-van-phong\n", "")
    path = write_notice(tmp_path, text)
    _notice, _registry, warnings = load_notice(path)
    assert [w.line for w in warnings] == [18]
    # Without 'bao_cao' the authority is the signer's: only the product is missing.
    assert warnings[0].message == "khoản 2: chưa rõ sản phẩm (6 rõ)"
    assert warnings[0].field == "noi_dung.khoan[2]"
    with pytest.raises(DataError) as caught:
        load_notice(path, strict=True)
    assert not caught.value.first.warning and "6 rõ" in caught.value.first.message


def test_six_clear_definitions(tmp_path):
    text = minimal().replace(
        "    - chu_tri: phong-tong-hop\n",
        "    - chu_tri: cac-phong\n      cach_giao: ten\n      y:\n        - van_ban: rà soát\n"
        "        - chu_tri: phong-ke-hoach\n          thoi_han: 2026-04\n          tham_quyen: Bộ trưởng\n"
        "    - chu_tri: phong-tong-hop\n")
    notice, registry, warnings = load_notice(write_notice(tmp_path, text))
    tasks = list(iter_assignments(notice))
    assert [t.position for t in tasks] == ["khoản 2, ý (i)", "khoản 2, ý (ii)", "khoản 3"]
    assert missing_clear(tasks[0], registry) == ["người", "thời gian", "trách nhiệm", "sản phẩm"]
    assert tasks[1].own_lead and tasks[1].lead_style == "chu-tri"
    assert missing_clear(tasks[1], registry) == ["việc", "sản phẩm"]
    assert missing_clear(tasks[2], registry) == []
    assert len(warnings) == 2


def test_iter_assignments_resolves_inherited_values():
    notice, _registry, _ = load_notice(GOOD / "day-du.yaml")
    tasks = list(iter_assignments(notice))
    assert [t.position for t in tasks] == ["phần II, khoản 1", "phần II, khoản 2, điểm a, ý (i)",
                                           "phần II, khoản 2, điểm a, ý (ii)"]
    first, second, third = tasks
    assert first.own_lead and first.lead == "phong-ke-hoach" and first.authority == "Bộ trưởng Bộ Thử nghiệm"
    assert first.path == ("noi_dung", "phan", 1, "khoan", 0)
    assert not second.own_lead and second.lead == "phong-tong-hop" and second.lead_style == "ten"
    assert second.coordinators == ("phong-hanh-chinh",)
    assert [d.compact() for d in second.deadlines] == ["2026-Q2"]
    assert third.deadlines[0].kind == "thuong_xuyen" and third.product == "Danh mục cập nhật"
    assert third.path == ("noi_dung", "phan", 1, "khoan", 1, "diem", 0, "y", 1)
    # Around it: the body, phần II, khoản 2, điểm a.
    assert [type(p).__name__ for p in third.parents] == ["Body", "Section", "Item", "Item"]


def test_sub_points_get_their_own_lead(tmp_path):
    text = minimal().replace(
        "    - chu_tri: phong-tong-hop\n",
        "    - van_ban: Giao việc\n      y:\n        - Ý không giao việc\n"
        "        - chu_tri: phong-ke-hoach\n          van_ban: lập kế hoạch\n"
        "    - chu_tri: phong-tong-hop\n")
    notice, _registry, _ = load_notice(write_notice(tmp_path, text))
    tasks = list(iter_assignments(notice))
    assert [(t.position, t.lead) for t in tasks] == [("khoản 2, ý (ii)", "phong-ke-hoach"),
                                                     ("khoản 3", "phong-tong-hop")]


def test_diem_outside_a_khoan_and_nested_y_are_errors(tmp_path):
    text = minimal().replace(
        "    - Thống nhất với báo cáo của Phòng Tổng hợp.\n",
        "    - van_ban: Nội dung\n      diem:\n        - van_ban: điểm\n          diem: [x]\n"
        "        - van_ban: điểm có ý\n          y:\n            - van_ban: ý\n              y: [z]\n")
    with pytest.raises(DataError) as caught:
        load_notice(write_notice(tmp_path, text))
    fields = {p.field: p.message for p in caught.value.problems}
    assert "chỉ dùng trong khoản" in fields["noi_dung.khoan[1].diem[1].diem"]
    assert "ý con" in fields["noi_dung.khoan[1].diem[2].y[1].y"]


def test_lead_and_vt_in_luu(tmp_path):
    with pytest.raises(DataError) as caught:
        load_notice(write_notice(tmp_path, minimal().replace("don_vi: TH", "don_vi: [VT, TH]")))
    assert caught.value.first.field == "luu.don_vi[1]" and "VT" in caught.value.first.message


def test_unknown_keys_everywhere_get_a_hint(tmp_path):
    text = minimal().replace("      san_pham:", "      san_pahm:").replace("  ho_ten:", "  ho_tenn:")
    with pytest.raises(DataError) as caught:
        load_notice(write_notice(tmp_path, text))
    messages = {p.field: p.message for p in caught.value.problems}
    assert "'san_pham'" in messages["noi_dung.khoan[2].san_pahm"]
    assert "'ho_ten'" in messages["nguoi_ky.ho_tenn"]
    assert "thiếu khóa bắt buộc 'ho_ten'" in messages["nguoi_ky.ho_ten"]


def test_recipient_errors_are_reported_for_the_intended_shape(tmp_path):
    text = minimal().replace("  - Các phòng thuộc Văn phòng\n",
                             "  - co_quan: phong-tong-hop\n    ghi_chux: để biết\n  - nhom: Các phòng\n")
    with pytest.raises(DataError) as caught:
        load_notice(write_notice(tmp_path, text))
    problems = [(p.line, p.field, p.message) for p in caught.value.problems]
    assert problems == [
        (28, "noi_nhan[1].ghi_chux", "khóa không có trong định dạng: 'ghi_chux' (có phải ý bạn là 'ghi_chu'?)"),
        (29, "noi_nhan[2].gom", "thiếu khóa bắt buộc 'gom'"),
    ]


def test_settings_files(tmp_path):
    assert load_layout(None) is DEFAULT_LAYOUT
    layout = load_layout(GOOD / "cai-dat.yaml")
    assert layout.margin_left_mm == 32 and layout.line_spacing == 1.2
    notice, _, _ = load_notice(GOOD / "day-du.yaml")
    combined = layout_for(notice, GOOD)
    assert combined.margin_left_mm == 30 and combined.line_spacing == 1.2 and combined.body_pt == 14
    (tmp_path / "cai-dat.yaml").write_text("trinh_bay:\n  le_phai: 25\nle_tren: 20\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_layout(tmp_path / "cai-dat.yaml")
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "trinh_bay.le_phai"), (3, "le_tren")]
    with pytest.raises(DataError):
        layout_for(notice, tmp_path)


def test_sample_data_validates():
    notice_path = DATA / "thong-bao-15-tb-vpcp.yaml"
    if not notice_path.exists() or not (DATA / "co-quan.yaml").exists():
        pytest.skip("data/ chưa có dữ liệu mẫu")
    assert len(load_registry(DATA / "co-quan.yaml").agencies) > 50
    for path in sorted(DATA.glob("*.yaml")):
        if path.name in ("co-quan.yaml", "cai-dat.yaml") or path.name.endswith(".tien-do.yaml"):
            continue
        notice, _registry, warnings = load_notice(path)
        assert all(w.warning and "6 rõ" in w.message for w in warnings)
    notice, _registry, _ = load_notice(notice_path)
    tasks = list(iter_assignments(notice))
    assert tasks[0].position == "khoản 5, điểm a, ý (i)" and tasks[-1].position == "khoản 5, điểm h"
    assert tasks[-1].report_to == "thu-tuong-chinh-phu"
