"""Progress files (<tên>.tien-do.yaml): format, references to tasks, Vietnamese errors at file:line."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from briefing_build import AS_OF, run
from rendered import DATA, loaded

from baocao.data.progress import load_progress, progress_path
from baocao.documents.notice import build_document
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Wording, templates_dir
from baocao.errors import DataError, ExitStatus
from baocao.vi.deadlines import Deadline

NOTICE = DATA / "thong-bao-15-tb-vpcp.yaml"


@pytest.fixture(scope="module")
def seed():
    notice, registry, layout = loaded(NOTICE)
    doc = build_document(notice, registry, layout, Wording(templates_dir()))
    return notice, notice_tasks(notice, registry, doc)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "thong-bao.tien-do.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, seed) -> list:
    notice, tasks = seed
    with pytest.raises(DataError) as caught:
        load_progress(path, tasks, notice)
    return caught.value.problems


def test_sample_progress_resolves_numbers_to_identifiers(seed):
    notice, tasks = seed
    progress = load_progress(progress_path(NOTICE), tasks, notice)
    by_number = {t.number: t.id for t in tasks}
    entry = progress.of(by_number["5.h"])
    assert entry.state == "hoan-thanh" and entry.completed == dt.date(2026, 3, 2)
    assert entry.result.startswith("Báo cáo số 45/BC-BNG")
    milestone = progress.of(by_number["5.c"]).milestone(Deadline.parse("truoc 2026-02-05"))
    assert milestone.day == dt.date(2026, 2, 4)
    assert progress.updated == dt.date(2026, 3, 20)
    assert progress.of(by_number["5.d.(i)"]) is None


def test_identifiers_and_numbers_both_name_a_task(tmp_path, seed):
    notice, tasks = seed
    task = next(t for t in tasks if t.number == "5.b.(i)")
    path = write(tmp_path, f"nhiem_vu:\n  {task.id}:\n    trang_thai: dang-thuc-hien\n"
                           "  5.B.(ii):\n    trang_thai: chua-thuc-hien\n")
    progress = load_progress(path, tasks, notice)
    assert progress.of(task.id).state == "dang-thuc-hien"
    assert progress.of(next(t.id for t in tasks if t.number == "5.b.(ii)")).state == "chua-thuc-hien"


def test_unknown_task_is_refused_at_its_line_with_the_nearest_one(tmp_path, seed):
    path = write(tmp_path, "nhiem_vu:\n  5.b.(i):\n    trang_thai: dang-thuc-hien\n  5.x:\n    trang_thai: hoan-thanh\n"
                           "    ngay_hoan_thanh: 2026-03-01\n")
    [p] = problems(path, seed)
    assert (p.line, p.field) == (4, "nhiem_vu.5.x") and "không có nhiệm vụ '5.x'" in p.message
    assert "có phải ý bạn là" in p.message


def test_misspelt_status_is_refused_with_a_suggestion(tmp_path, seed):
    path = write(tmp_path, "nhiem_vu:\n  5.h:\n    trang_thai: hoan-thnah\n")
    [p] = problems(path, seed)
    assert p.line == 3 and p.field == "nhiem_vu.5.h.trang_thai"
    assert "'hoan-thnah'" in p.message and "'hoan-thanh'" in p.message


def test_completion_before_the_notice_is_refused(tmp_path, seed):
    path = write(tmp_path, "nhiem_vu:\n  5.h:\n    trang_thai: hoan-thanh\n    ngay_hoan_thanh: 2026-01-05\n")
    [p] = problems(path, seed)
    assert p.line == 4 and "05/01/2026 trước ngày của thông báo (16/01/2026)" in p.message


@pytest.mark.parametrize("text, line, words", [
    ("nhiem_vu:\n  5.h:\n    trang_thai: hoan-thanh\n", 3, "cần 'ngay_hoan_thanh'"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: dang-thuc-hien\n    ngay_hoan_thanh: 2026-03-01\n", 4, "có 'ngay_hoan_thanh'"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: hoan-thanh\n    ngay_hoan_thanh: 2026-02-30\n", 4, "ngày không có thật"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: hoan-thanh\n    ngay_hoan_thanh: 2026-03-01\n    ghi_chus: x\n", 5,
     "có phải ý bạn là 'ghi_chu'"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: dang-thuc-hien\n  5.H:\n    trang_thai: dang-thuc-hien\n", 4, "đã ghi ở dòng 2"),
    ("nhiem_vu:\n  5.c:\n    trang_thai: dang-thuc-hien\n    moc:\n      truoc 2026-03-05:\n"
     "        ngay_hoan_thanh: 2026-02-01\n", 5, "không phải thời hạn của nhiệm vụ 5.c"),
    ("nhiem_vu:\n  5.c:\n    trang_thai: dang-thuc-hien\n    bao_cao_dinh_ky:\n      - ngay: 2026-02-01\n", 4,
     "không có thời hạn định kỳ"),
    ("nhiem_vu:\n  5.c:\n", 2, "cần 'trang_thai'"),
    ("- 5.c\n", 1, "bảng khóa"),
])
def test_bad_progress_is_named_at_its_line(tmp_path, seed, text, line, words):
    [p] = problems(write(tmp_path, text), seed)
    assert p.line == line and words in p.message, p.format()


def test_a_number_naming_two_tasks_is_ambiguous(tmp_path):
    tasks = [SimpleNamespace(id="2", number="1.a", deadlines=()), SimpleNamespace(id="x-1", number="2", deadlines=())]
    path = write(tmp_path, "nhiem_vu:\n  '2':\n    trang_thai: chua-thuc-hien\n")
    with pytest.raises(DataError) as caught:
        load_progress(path, tasks, None)
    assert "chỉ nhiều nhiệm vụ" in caught.value.first.message and caught.value.first.line == 2


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("co-quan.yaml", NOTICE.name):
        shutil.copy(DATA / name, folder / name)
    return folder


@pytest.mark.parametrize("text, line, words", [
    ("nhiem_vu:\n  5.b.(ix):\n    trang_thai: dang-thuc-hien\n", 2, "không có nhiệm vụ '5.b.(ix)'"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: hoan-thanh\n    ngay_hoan_thanh: 2025-12-31\n", 4, "trước ngày của thông báo"),
    ("nhiem_vu:\n  5.h:\n    trang_thai: xong\n", 3, "trạng thái 'xong' không có"),
])
def test_build_with_bad_progress_exits_2_and_writes_nothing(tmp_path, text, line, words):
    folder = copy_data(tmp_path)
    bad = folder / "thong-bao-15-tb-vpcp.tien-do.yaml"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status, _out, err = run(["build", str(folder), "--out", str(out), "--as-of", AS_OF])
    assert status == ExitStatus.DATA_ERROR
    assert f"{bad}:{line}:" in err and words in err and "kết quả cũ giữ nguyên" in err
    assert "Traceback" not in err and not out.exists()
    status, _out, err = run(["validate", str(bad)])
    assert status == ExitStatus.DATA_ERROR and f"{bad}:{line}:" in err and words in err


def test_validate_accepts_the_sample_progress():
    status, out, err = run(["validate", str(progress_path(NOTICE))])
    assert status == 0, err
    assert "OK" in out


def test_a_progress_file_without_its_notice(tmp_path):
    lone = tmp_path / "khong-co.tien-do.yaml"
    lone.write_text("nhiem_vu: {}\n", encoding="utf-8")
    status, _out, err = run(["validate", str(lone)])
    assert status == ExitStatus.DATA_ERROR and "không có tệp thông báo khong-co.yaml" in err
