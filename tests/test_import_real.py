"""Real notices imported and built again with no hand edit: seed 003 (VPCP, no header), the
transcriptions of tests/resources/real/ (VPCP, a ministry, a city, a provincial department, a
ward and a commune; before and after the 2025 reorganisation) and a real Word notice
(tests/resources/realdocs/02_…docx). Provenance: tests/resources/import/PROVENANCE.md.

Word fidelity (import_helpers.fidelity) compares the words of the source with those of the
rebuilt DOCX; the words the rebuild adds must be only what the format prints whatever the
source says (the "Nơi nhận:" and "Lưu:" labels of a source that has neither, the national
title's spelling) or what the YAML flags (a draft's year read from the text).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from import_helpers import (
    ROOT,
    assignments,
    docx_text,
    fidelity,
    import_into,
    inserted_words,
    project_copy,
    rebuild_docx,
    words,
)
from real_text import docx_parts, read_source
from rendered import SEED_003, built, loaded
from test_seed003 import EXPECTED_ASSIGNMENTS

from baocao.data.lookalikes import to_latin
from baocao.data.validate.tasks import contexts

REAL = ROOT / "tests" / "resources" / "real"
WORD_DOCX = ROOT / "tests" / "resources" / "realdocs" / "02_TB-SCT_KQKT-kho-VLNCN-NamCang1A.docx"
# What a rebuild may print that a source lacks: labels of the closing block, the national
# title as Decree 30 spells it, a draft's year (flagged in the YAML).
ALLOWED_EXTRA = {"nơi", "nhận", "lưu", "hòa", "2026"}

SOURCES = [
    # (file, what it stands for)
    (REAL / "A_vpcp-467-2024-thi-truong-cac-bon.txt", "VPCP 2024, bộ trước 2025"),
    (REAL / "A2_vpcp-655-2025-son-la.txt", "VPCP 2025, không có phần đầu, chữ Kirin trong Nơi nhận"),
    (REAL / "A3_vpcp-648-2025-dien-bien.txt", "VPCP 2025, «Về …: Giao …», việc giao nhiều cơ quan"),
    (REAL / "A5_vpcp-661-2025-mua-lu-nam-trung-bo.txt", "VPCP 2025, không có phần đầu, Bộ trưởng Bộ … chỉ đạo"),
    (REAL / "D_vpcp-472-2023-khu-cong-nghe-cao.txt", "VPCP 2023, thiếu người ký"),
    (REAL / "D_bo-ngoai-giao-05-2015-tb-lpqt-dieu-uoc.txt", "Bộ Ngoại giao 2015"),
    (REAL / "D_hanoi-ubnd-453-2026-treo-co.txt", "UBND thành phố Hà Nội 2026"),
    (REAL / "D2_sct-laocai-1894-2026-ket-qua-kiem-tra-vlncn.txt", "Sở Công Thương Lào Cai 2026"),
    (REAL / "C_phuong-cam-duong-831-2026-tiep-nhan-ho-so-ccn.txt", "UBND phường Cam Đường 2026"),
    (REAL / "C_xa-duc-hop-2021-tam-dung-tiep-cong-dan.txt", "UBND xã Đức Hợp 2021, thiếu Nơi nhận"),
    (WORD_DOCX, "Sở Công Thương Lào Cai, tệp Word thật"),
]


def _source_words(path: Path) -> list[str]:
    if path.suffix == ".docx":
        return words(docx_text(path))        # up to the signature; the appendix is kept as comments
    # As a reader sees them: a Cyrillic look-alike is the Latin letter it shows (the YAML says so).
    return words(to_latin(path.read_text(encoding="utf-8"))[0])


@pytest.fixture(scope="module", params=SOURCES, ids=[s[0].stem for s in SOURCES])
def imported(request, tmp_path_factory):
    path, _what = request.param
    if not path.exists():
        pytest.skip(f"{path} not available")
    folder = tmp_path_factory.mktemp("nhap")
    target, result = import_into(path, folder)
    docx, notice, registry = rebuild_docx(target, folder / "out")
    return path, target, result, docx, notice, registry


def test_builds_with_word_fidelity(imported):
    path, _target, _result, docx, *_ = imported
    source = _source_words(path)
    # A transcription that starts at the title has no header: the draft header of the rebuild is
    # not compared.
    headless = path.suffix == ".txt" and path.read_text(encoding="utf-8").startswith("THÔNG BÁO")
    rebuilt = words(docx_text(docx, from_title=headless))
    assert fidelity(source, rebuilt) >= 0.98
    assert set(inserted_words(source, rebuilt)) <= ALLOWED_EXTRA


def test_yaml_is_nfc_and_flags_what_the_source_lacks(imported):
    path, target, result, *_ = imported
    text = target.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    source = path.read_text(encoding="utf-8") if path.suffix == ".txt" else docx_text(path)
    data = yaml.safe_load(text)
    if "Nơi nhận" not in source:        # a blank to fill in, flagged; nothing made up
        assert "không có Nơi nhận" in text and data["noi_nhan"] == ["…"]
    if "- Lưu" not in source:
        assert "không có dòng «Lưu»" in text and data["luu"] == "…"
    if not any(line.strip().startswith(("TM.", "KT.", "TL.", "TUQ.", "Q.")) for line in source.splitlines()):
        assert data["nguoi_ky"]["ho_ten"] == "…" and "người ký" in text
    assert result.to_check == text.count("# kiểm tra lại")


def test_the_checked_in_import_of_655_is_what_import_writes(tmp_path):
    """tests/resources/real/vpcp-655-2025-son-la.yaml (built word for word in
    test_real_notices.py) is the import's own output, not a hand-corrected file."""
    source = REAL / "A2_vpcp-655-2025-son-la.txt"
    target, result = import_into(source, project_copy(tmp_path), "vpcp-655-2025-son-la.yaml")
    kept = (REAL / "vpcp-655-2025-son-la.yaml").read_text(encoding="utf-8")
    fresh = target.read_text(encoding="utf-8")
    body = [line for line in fresh.splitlines() if not line.startswith("# Nhập từ ")]
    assert body == [line for line in kept.splitlines()[6:]]
    _docx, notice, registry = rebuild_docx(target, tmp_path / "out")
    # III.1 sends its work "gửi Bộ Tài chính" and follows its guidance: no coordinator. III.5
    # writes "phối với" (sic) and the coordinator is still read; III.4 names two bodies with
    # no lead-in and stays prose.
    assert assignments(notice, registry) == [
        ("Ủy ban nhân dân tỉnh Sơn La", (), ()), ("Bộ Xây dựng", (), ()), ("Bộ Công Thương", (), ()),
        ("Bộ Giáo dục và Đào tạo", ("Bộ Tài chính",), ("truoc 2025-12-31",))]
    assert result.to_check == fresh.count("# kiểm tra lại")


def test_the_checked_in_import_of_648_is_what_import_writes(tmp_path):
    """The same for 648/TB-VPCP: "Về …: Giao Bộ X chủ trì …" in one paragraph is read as X's
    task; a task given to several bodies at once is a task of each (chu_tri and dong_chu_tri)."""
    source = REAL / "A3_vpcp-648-2025-dien-bien.txt"
    target, result = import_into(source, tmp_path, "vpcp-648-2025-dien-bien.yaml")
    kept = (REAL / "vpcp-648-2025-dien-bien.yaml").read_text(encoding="utf-8")
    fresh = target.read_text(encoding="utf-8")
    assert [line for line in fresh.splitlines() if not line.startswith("# Nhập từ ")] == kept.splitlines()[6:]
    _docx, notice, registry = rebuild_docx(target, tmp_path / "out")
    by_eight = ("Bộ Tài chính", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch",
                "Bộ Công Thương", "Bộ Giáo dục và Đào tạo", "Bộ Ngoại giao", "Tập đoàn Điện lực Việt Nam")
    assert assignments(notice, registry) == [
        ("Bộ Tài chính", ("Bộ Y tế",), ()), ("Bộ Giáo dục và Đào tạo", ("Bộ Tài chính",), ()),
        ("Bộ Giáo dục và Đào tạo", (), ()), ("Bộ Nội vụ", (), ()),
        ("Bộ Giáo dục và Đào tạo", (), ("truoc 2025-12-15",)), ("Bộ Y tế", (), ("truoc 2025-12-15",)),
        *((name, (), ("truoc 2025-12-05",)) for name in by_eight)]
    assert result.to_check == 0


def test_637_numbered_paragraphs_and_footnotes(tmp_path):
    """637/TB-VPCP: "(1)" … "(6)" paragraphs, each led by a body, "(1)" with "- " items; two
    footnotes the format has no place for, kept word for word in comments and flagged."""
    source = REAL / "A4_vpcp-637-2025-benh-vien-ninh-binh.txt"
    target, result = import_into(source, tmp_path, "tb.yaml")
    docx, notice, registry = rebuild_docx(target, tmp_path / "out")
    transcribed = read_source(source)
    assert docx_parts(docx).body == transcribed.body
    assert [a[0] for a in assignments(notice, registry)] == [
        "Bộ Y tế", "Bộ Y tế", "Bộ Y tế", "Bộ Công an", "Bộ Xây dựng", "Bộ Tài chính", "Ủy ban nhân dân tỉnh Ninh Bình"]
    assert assignments(notice, registry)[2][1] == ("Bộ Tài chính",)       # "- Chủ trì, phối hợp với Bộ Tài chính …"
    text = target.read_text(encoding="utf-8")
    footnotes = [line for line in transcribed.signer if line.startswith("[")]
    assert len(footnotes) == 2 and all(f"# {f}" in text for f in footnotes)
    assert "kiểm tra lại: phần sau khối chữ ký" in text and result.to_check == text.count("# kiểm tra lại")


def test_the_checked_in_import_of_661_is_what_import_writes(tmp_path):
    """661/TB-VPCP: a task led by a minister ("Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo …") is
    the ministry's; "Bộ Quốc phòng, Bộ Công an huy động …" is one task of two bodies."""
    target, _result = import_into(REAL / "A5_vpcp-661-2025-mua-lu-nam-trung-bo.txt", tmp_path, "vpcp-661-2025-mua-lu.yaml")
    kept = (REAL / "vpcp-661-2025-mua-lu.yaml").read_text(encoding="utf-8")
    fresh = target.read_text(encoding="utf-8")
    assert [line for line in fresh.splitlines() if not line.startswith("# Nhập từ ")] == kept.splitlines()[6:]
    _docx, notice, registry = rebuild_docx(target, tmp_path / "out")
    assert [a[0] for a in assignments(notice, registry)] == [
        "Bộ Quốc phòng", "Bộ Công an", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Bộ Giáo dục và Đào tạo", "Bộ Y tế"]


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve"> Nghị quyết số 46/NQ-CP </w:t></w:r>'
    '<w:r><w:t>ngày 08 tháng 3 năm 2025.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>Công điện số 158/CĐ-TTg.</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>')


def test_the_footnotes_of_a_word_file_are_kept_word_for_word(tmp_path):
    """The body's text does not hold a DOCX's footnotes; they are kept at the end of the file,
    flagged, never dropped."""
    if not WORD_DOCX.exists():
        pytest.skip("real DOCX not available")
    import zipfile

    source = tmp_path / "co-chu-thich.docx"
    with zipfile.ZipFile(WORD_DOCX) as original, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            if item.filename != "word/footnotes.xml":
                copy.writestr(item, original.read(item.filename))
        copy.writestr("word/footnotes.xml", FOOTNOTES_XML)
    target, result = import_into(source, project_copy(tmp_path))
    text = target.read_text(encoding="utf-8")
    assert "# [1] Nghị quyết số 46/NQ-CP ngày 08 tháng 3 năm 2025." in text
    assert "# [2] Công điện số 158/CĐ-TTg." in text
    assert "văn bản gốc có 2 chú thích cuối trang" in text and result.to_check == text.count("# kiểm tra lại")


def test_invisible_characters_ligatures_and_lookalikes_are_cleaned_with_a_note(tmp_path):
    source = tmp_path / "tb.txt"
    text = (REAL / "D_hanoi-ubnd-453-2026-treo-co.txt").read_text(encoding="utf-8")
    dirty = text.replace("Hà Nội", "Hà Nộ\u00adi", 1).replace("thành phố", "thành\u200b phố", 1)
    dirty = dirty.replace("Lưu: VT", "Lưu: V\u0422", 1).replace("Ủy ban", "Ủy \ufb01ban", 1)
    source.write_text(dirty, encoding="utf-8")
    target, result = import_into(source, project_copy(tmp_path))
    yaml_text = target.read_text(encoding="utf-8")
    for note in ("U+00AD SOFT HYPHEN ×1", "U+200B ZERO WIDTH SPACE ×1", "«ﬁ» ×1 → «fi»", "«VТ»"):
        assert note in yaml_text, note
    assert result.to_check == yaml_text.count("# kiểm tra lại")
    assert yaml.safe_load(yaml_text)["luu"] == "VT, KGVX"
    rebuilt = docx_text(rebuild_docx(target, tmp_path / "out")[0])
    assert "Hà Nội, ngày" in rebuilt and "Ủy fiban" in rebuilt and "thành phố" in rebuilt
    assert not any(ch in rebuilt for ch in "\u00ad\u200b\ufb01\u0422")


def test_appendix_after_the_signature_is_kept_verbatim(tmp_path):
    if not WORD_DOCX.exists():
        pytest.skip("real DOCX not available")
    from docx import Document

    target, _result = import_into(WORD_DOCX, tmp_path)
    text = target.read_text(encoding="utf-8")
    paragraphs = [p.text.strip() for p in Document(str(WORD_DOCX)).paragraphs if p.text.strip()]
    appendix = paragraphs[paragraphs.index("Phụ lục 01"):]
    # Kept as written, in Unicode NFC like every text of a notice file ("Ω" OHM SIGN is "Ω").
    assert appendix and all(unicodedata.normalize("NFC", " ".join(p.split())) in text for p in appendix)


@pytest.mark.parametrize("name, source", [
    ("thong-bao-467-tb-vpcp-2024.yaml", REAL / "A_vpcp-467-2024-thi-truong-cac-bon.txt"),
    ("thong-bao-831-tb-ubnd-cam-duong.yaml", REAL / "C_phuong-cam-duong-831-2026-tiep-nhan-ho-so-ccn.txt"),
])
def test_same_as_the_hand_written_sample(name, source, tmp_path):
    """The same real notice typed in by hand (data/) and imported from its text: the same
    paragraphs and the same assignments."""
    target, _result = import_into(source, project_copy(tmp_path), name)
    docx, notice, registry = rebuild_docx(target, tmp_path / "out")
    sample = built(Path(ROOT / "data" / name))["docx"]
    assert docx_parts(docx).body == docx_parts(sample).body
    # The hand-written sample ends one Nơi nhận entry with ";" where the notice has "." (see its
    # comments); the import keeps the notice's own punctuation.
    assert [r.rstrip(";.") for r in docx_parts(docx).recipients] == \
        [r.rstrip(";.") for r in docx_parts(sample).recipients]
    hand, hand_registry, _layout = loaded(ROOT / "data" / name)
    assert assignments(notice, registry) == assignments(hand, hand_registry)
    if hand.meeting is not None:            # read from the opening, as the hand-written file holds it
        assert (notice.meeting.date, notice.meeting.place, notice.meeting.chair, notice.meeting.name) == \
            (hand.meeting.date, hand.meeting.place, hand.meeting.chair, hand.meeting.name)
    else:
        assert notice.meeting is None


# --- seed 003 -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    folder = project_copy(tmp_path_factory.mktemp("seed"))
    target, result = import_into(SEED_003, folder, "seed-003.yaml")
    docx, notice, registry = rebuild_docx(target, folder / "out")
    return target, result, docx, notice, registry


def _at(notice, position: tuple[str, ...]):
    """(node, what it inherits) at a reader's position ("khoản 5", "điểm a", "ý (iii)")."""
    for visit, ctx in contexts(notice):
        if visit.position == position:
            return visit.item, ctx
    raise AssertionError(f"nothing at {position}")


@pytest.mark.parametrize("expected", EXPECTED_ASSIGNMENTS,
                         ids=[f"5{e[1]}{'-' + e[2] if e[2] else ''}" for e in EXPECTED_ASSIGNMENTS])
def test_seed_point_5_leads_and_deadlines(seed, expected):
    khoan, diem, y, lead, coordinators, extra, deadlines, report_to = expected
    _target, _result, _docx, notice, registry = seed
    position = (f"khoản {khoan}", f"điểm {diem}") + ((f"ý ({y})",) if y else ())
    item, ctx = _at(notice, position)
    assert ctx.lead == lead
    assert list(ctx.coordinators) == coordinators
    assert [str(d) for d in item.deadlines] == deadlines
    if extra:
        assert ctx.coordinators_extra == extra
    if report_to:
        assert ctx.report_to == report_to


def test_seed_assignments_as_the_hand_written_sample(seed):
    _target, _result, _docx, notice, registry = seed
    hand, hand_registry, _layout = loaded(ROOT / "data" / "thong-bao-15-tb-vpcp.yaml")
    assert assignments(notice, registry) == assignments(hand, hand_registry)


def test_seed_word_fidelity(seed):
    _target, _result, docx, *_ = seed
    text = SEED_003.read_text(encoding="utf-8")
    source = words(text[text.index("THÔNG BÁO"):])         # the seed has no header
    assert fidelity(source, words(docx_text(docx, from_title=True))) >= 0.99


def test_seed_meeting_from_the_opening(seed):
    _target, _result, _docx, notice, _registry = seed
    hand, _hand_registry, _layout = loaded(ROOT / "data" / "thong-bao-15-tb-vpcp.yaml")
    assert (notice.meeting.date, notice.meeting.chair, notice.meeting.name) == \
        (hand.meeting.date, hand.meeting.chair, hand.meeting.name)


def test_seed_draft_header_is_flagged(seed):
    target, *_ = seed
    text = target.read_text(encoding="utf-8")
    assert "không có phần đầu" in text and "năm 2026 suy ra từ câu chữ" in text
    document = yaml.safe_load(text)["van_ban"]
    assert str(document["nam"]) == "2026" and "so" not in document and "ngay" not in document


def test_same_bytes_in_two_processes(tmp_path):
    """The same notice gives the same YAML, whatever the process (hash seeds differ)."""
    import os
    import subprocess
    import sys

    source = REAL / "D2_sct-laocai-1894-2026-ket-qua-kiem-tra-vlncn.txt"
    outputs = []
    for seed_value in ("1", "2"):
        target = tmp_path / f"kq-{seed_value}.yaml"
        subprocess.run([sys.executable, "-m", "baocao", "import", str(source), "-o", str(target)], check=True,
                       capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed_value})
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
