"""What the settings change in the extracts, and what bad settings say (docs/extracts.md)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from baocao.errors import DataError
from rendered import ROOT

DATA = ROOT / "data"
SEED = "thong-bao-15-tb-vpcp.yaml"
LAO_CAI = "thong-bao-ubnd-lao-cai.yaml"


def project(tmp_path: Path, notice: str = SEED, options: dict | None = None, cai_dat: str | None = None) -> Path:
    """A data folder with one sample notice (its trinh_bay extended by *options*) and co-quan.yaml."""
    folder = tmp_path / "data"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "co-quan.yaml", folder)
    text = (DATA / notice).read_text(encoding="utf-8")
    if options:
        if "\ntrinh_bay:\n" not in text:
            text += "\ntrinh_bay:\n"
        text += "".join(f"  {k}: {v}\n" for k, v in options.items())
    (folder / notice).write_text(text, encoding="utf-8")
    if cai_dat is not None:
        (folder / "cai-dat.yaml").write_text(cai_dat, encoding="utf-8")
    return folder / notice


def extracts_of(path: Path):
    from baocao.data.validate import load_notice
    from baocao.documents.extract import build_extracts, settings_for
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir
    from baocao.settings import layout_for

    notice, registry, _ = load_notice(path)
    layout = layout_for(notice, path.parent, path)
    doc = build_document(notice, registry, layout, Wording(templates_dir()), path.parent)
    return {e.agency: e for e in build_extracts(notice, registry, doc, settings_for(layout, path), origin=path)}


def texts(extract) -> list[str]:
    return [p.text for p in extract.original.body]


def test_defaults(tmp_path):
    e = extracts_of(project(tmp_path))["bo-cong-thuong"]
    body = texts(e)
    assert body[0].startswith("Ngày 10 tháng 01 năm 2026") and body[1] == "…"
    assert any(t.startswith("g) Các bộ, ngành, địa phương liên quan:") for t in body)
    assert e.signed_mark == "(Đã ký)" and not e.signature_box
    assert e.copy.agency_lines == ("VĂN PHÒNG CHÍNH PHỦ",) and e.copy.signer.lines == ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM")
    assert e.copy.recipients == ("- Bộ Công Thương (chủ trì: điểm b khoản 5);", "- Lưu: VT.")


def test_general_directives_left_out(tmp_path):
    found = extracts_of(project(tmp_path, options={"trich_sao_chung": "khong"}))
    assert not any(t.startswith("g) ") for t in texts(found["bo-cong-thuong"]))
    # the group they are addressed to then gets its own extract
    assert [t[:3] for t in texts(found["cac-bo-nganh-dia-phuong-lien-quan"]) if t[1:3] == ") "] == ["g) "]


def test_elision_opening_and_signed_mark(tmp_path):
    e = extracts_of(project(tmp_path, options={"trich_sao_luoc": "'[…]'", "trich_sao_mo_dau": "khong",
                                               "trich_sao_da_ky": "khong"}))["bo-xay-dung"]
    body = texts(e)
    assert body[0] == "[…]" and body[1].startswith("5. ") and "…" not in body
    assert e.signed_mark is None
    e = extracts_of(project(tmp_path / "x", options={"trich_sao_luoc": "khong"}))["bo-xay-dung"]
    assert [t[:2] for t in texts(e)] == ["Ng", "5.", "đ)", "g)", "Vă"]


def test_group_members_get_the_group_items(tmp_path):
    cai_dat = "trich_sao:\n  thanh_vien:\n    ubnd-cac-tinh-thanh-pho: [ubnd-tp-ha-noi, ubnd-tp-ho-chi-minh]\n"
    found = extracts_of(project(tmp_path, options={"trich_sao_nhom": "thanh-vien"}, cai_dat=cai_dat))
    assert "ubnd-cac-tinh-thanh-pho" not in found
    hanoi = found["ubnd-tp-ha-noi"]
    assert any(t.startswith("e) Ủy ban nhân dân các tỉnh, thành phố:") for t in texts(hanoi))
    assert hanoi.copy.recipients[0] == "- Ủy ban nhân dân thành phố Hà Nội (thực hiện: điểm e khoản 5);"
    assert len(hanoi.group_tasks) == 1 and not hanoi.lead_tasks
    both = extracts_of(project(tmp_path / "x", options={"trich_sao_nhom": "ca-hai"}, cai_dat=cai_dat))
    assert {"ubnd-cac-tinh-thanh-pho", "ubnd-tp-ha-noi", "ubnd-tp-ho-chi-minh"} <= set(both)


def test_group_members_from_the_registry(tmp_path):
    found = extracts_of(project(tmp_path, options={"trich_sao_nhom": "thanh-vien"}))
    provinces = [k for k, e in found.items() if e.group_tasks]
    assert len(provinces) == 34                  # the provinces on 16 January 2026
    assert "ubnd-tp-ha-noi" in provinces and "ubnd-tinh-yen-bai" not in provinces


def test_an_office_signs_the_copies_when_its_signer_is_known(tmp_path):
    cai_dat = ("trich_sao:\n  nguoi_ky:\n    van-phong-ubnd-tinh-lao-cai:\n      quyen_han: KT\n"
               "      thay_mat: CHÁNH VĂN PHÒNG\n      chuc_vu: PHÓ CHÁNH VĂN PHÒNG\n      ho_ten: Lê Văn Nam\n")
    e = extracts_of(project(tmp_path, LAO_CAI, cai_dat=cai_dat))["so-xay-dung"]
    cb = e.copy
    assert cb.parent_agency == ("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI") and cb.agency_lines == ("VĂN PHÒNG",)
    assert cb.number_line.endswith("/TrS-VP") and cb.place_date.startswith("Lào Cai, ngày 23 tháng 01 năm 2026")
    assert cb.signer.lines == ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG") and cb.signer.name == "Lê Văn Nam"


def test_an_electronic_copy_of_an_office_passes(tmp_path):
    from baocao.check import FAIL, PASS, check_file
    from baocao.documents.wording import templates_dir
    from baocao.render.extracts import render_one

    cai_dat = ("trich_sao:\n  nguoi_ky:\n    van-phong-ubnd-tinh-lao-cai:\n      chuc_vu: CHÁNH VĂN PHÒNG\n"
               "      ho_ten: Lê Văn Nam\n")
    e = extracts_of(project(tmp_path, LAO_CAI, {"trich_sao_so": "7", "trich_sao_dien_tu": "co"}, cai_dat))["cong-an-tinh"]
    for suffix, data in zip(("docx", "pdf"), render_one(e, templates_dir())):
        path = tmp_path / f"cong-an-tinh.{suffix}"
        path.write_bytes(data)
        findings = {f.rule: f for f in check_file(str(path), kind="trich-sao").findings}
        assert not [f.message for f in findings.values() if f.status == FAIL], suffix
        assert findings["R43"].status == PASS and findings["R42"].status == PASS


def test_copy_date(tmp_path):
    e = extracts_of(project(tmp_path, options={"trich_sao_ngay": "2026-02-02"}))["bo-tai-chinh"]
    assert e.copy.place_date == "Hà Nội, ngày 02 tháng 02 năm 2026"
    with pytest.raises(DataError, match="trước ngày ban hành"):
        extracts_of(project(tmp_path / "x", options={"trich_sao_ngay": "2026-01-02"}))


def test_a_copying_agency_without_a_signer_is_an_error(tmp_path):
    with pytest.raises(DataError, match=r"trich_sao\.nguoi_ky\.bo-cong-thuong"):
        extracts_of(project(tmp_path, options={"trich_sao_co_quan": "bo-cong-thuong"}))
    with pytest.raises(DataError, match="không có cơ quan 'bo-khong-co'"):
        extracts_of(project(tmp_path / "x", options={"trich_sao_co_quan": "bo-khong-co"}))


@pytest.mark.parametrize("key,value,words", [
    ("trich_sao_nhom", "tat-ca", "chọn một trong ca-hai, rieng, thanh-vien"),
    ("trich_sao_so", "0", "từ 1 đến 99999"),
    ("trich_sao_ngay", "16/01/2026", "YYYY-MM-DD"),
    ("trich_sao_da_ky", "yes", "co, khong"),
])
def test_bad_settings_are_refused_at_their_line(tmp_path, key, value, words):
    from baocao.cli import main

    path = project(tmp_path, LAO_CAI, options={key: value})
    err = io.StringIO()
    status = main(["build", str(path.parent), "--out", str(tmp_path / "out")], io.StringIO(), err)
    assert status == 2 and words in err.getvalue() and key in err.getvalue()
    line = path.read_text(encoding="utf-8").splitlines().index(f"  {key}: {value}") + 1
    assert f"{path}:{line}:" in err.getvalue()
    assert not (tmp_path / "out").exists()


def test_bad_trich_sao_mapping_in_cai_dat(tmp_path):
    from baocao.cli import main

    cai_dat = "trich_sao:\n  nguoi_ki: {}\n  nguoi_ky:\n    van-phong-chinh-phu:\n      ho_ten: A\n"
    path = project(tmp_path, cai_dat=cai_dat)
    err = io.StringIO()
    assert main(["validate", str(path.parent / "cai-dat.yaml")], io.StringIO(), err) == 2
    message = err.getvalue()
    assert "cai-dat.yaml:2:" in message and "nguoi_ky" in message        # did you mean
    assert "cai-dat.yaml:4:" in message and "chuc_vu" in message         # the signer needs a title


def test_an_item_of_another_agency_inside_a_paragraph(tmp_path):
    """An ý with a lead of its own: the extract of each agency keeps its own ý, "…" for the other."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tb.yaml").write_text("""\
van_ban:
  co_quan: van-phong-chinh-phu
  so: 3
  ngay: 2026-03-02
  trich_yeu: Kết luận về an toàn giao thông
  thong_bao_den: các bộ, cơ quan liên quan
noi_dung:
  khoan:
    - Tình hình giao thông năm 2025 cơ bản ổn định.
    - van_ban: "Các bộ thực hiện các nhiệm vụ sau:"
      diem:
        - chu_tri: bo-xay-dung
          san_pham: Đề án
          bao_cao: thu-tuong-chinh-phu
          y:
            - Rà soát quy hoạch mạng lưới đường bộ
            - van_ban: Kiểm tra an toàn các cầu yếu
              chu_tri: bo-cong-an
            - van_ban: Báo cáo Thủ tướng Chính phủ {thoi_han}
              thoi_han: 2026-06
nguoi_ky:
  chuc_vu: BỘ TRƯỞNG, CHỦ NHIỆM
  ho_ten: Trần Văn Sơn
noi_nhan: [Các Bộ Xây dựng, Công an]
luu:
  don_vi: [CN]
""", encoding="utf-8")
    found = extracts_of(folder / "tb.yaml")
    police = [t for t in texts(found["bo-cong-an"]) if t.startswith("a) ")]
    assert len(police) == 1
    assert police[0].startswith("a) Bộ Xây dựng chủ trì: … (ii) Bộ Công an chủ trì ")
    assert police[0].endswith(" an toàn các cầu yếu; …") and "(i)" not in police[0] and "(iii)" not in police[0]
    building = [t for t in texts(found["bo-xay-dung"]) if t.startswith("a) ")][0]
    assert "(i) Rà soát" in building and "(iii) Báo cáo" in building and "(ii)" not in building
    assert "; … (iii)" in building


def test_an_unknown_member_is_an_error_at_its_line(tmp_path):
    cai_dat = "trich_sao:\n  thanh_vien:\n    ubnd-cac-tinh-thanh-pho:\n      - ubnd-tp-ha-noi\n      - ubnd-tp-ha-noii\n"
    with pytest.raises(DataError) as caught:
        extracts_of(project(tmp_path, options={"trich_sao_nhom": "thanh-vien"}, cai_dat=cai_dat))
    assert "cai-dat.yaml:5:" in str(caught.value) and "'ubnd-tp-ha-noii'" in str(caught.value)


def test_a_project_notice_template_without_the_blocks_is_refused(tmp_path):
    """A project's notice.html.j2 made before the extracts has no blocks for them: a loud error,
    not an extract without its TRÍCH SAO block."""
    from baocao.documents.wording import PACKAGE_TEMPLATES, templates_dir
    from baocao.errors import TemplateError
    from baocao.render.extracts import render_one

    folder = tmp_path / "templates"
    folder.mkdir()
    old = (PACKAGE_TEMPLATES / "notice.html.j2").read_text(encoding="utf-8")
    for block in ("closing", "signature_space", "header_right_top", "style"):
        old = old.replace("{% block " + block + " %}", "")
    (folder / "notice.html.j2").write_text(old.replace("{% endblock %}", ""), encoding="utf-8")
    extract = next(iter(extracts_of(project(tmp_path)).values()))
    with pytest.raises(TemplateError, match="extract.html.j2"):
        render_one(extract, templates_dir(folder))
