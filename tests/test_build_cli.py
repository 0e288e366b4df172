"""``baocao build`` in process, with a cheap output kind standing in for the renderers.

Real rendering is tested in test_build_incremental.py; here the engine's own behaviour: which
files are notices, what each failure does to the others, the messages, the exit statuses,
``--check``, ``--json`` and ``--verify``. ``--jobs 0`` keeps rendering in this process, where
the stand-in kind is installed.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from baocao.build import outputs
from baocao.build.outputs import OutputKind
from baocao.build.plan import MANIFEST_NAME
from baocao.cli import main
from baocao.errors import ExitStatus, TemplateError

GOOD = Path(__file__).parent / "resources" / "good"
NAMES = ["day-du", "du-thao", "toi-thieu"]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def build(*argv: str) -> tuple[int, str, str]:
    return run(["build", "--jobs", "0", *argv])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Seen(list):
    """Jobs rendered; ``fail`` maps a file stem to the exception its render raises."""

    fail: dict[str, BaseException]


@pytest.fixture
def jobs(monkeypatch):
    seen = Seen()

    def render(job, resources):
        if job.data_path.stem in render.fail:
            raise render.fail[job.data_path.stem]
        seen.append(job)
        return {"ghi-chu.txt": f"{job.notice.document.agency} {job.layout.margin_left_mm}\n".encode(),
                "phu-luc/so.txt": str(job.notice.document.number).encode()}

    render.fail = {}
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (OutputKind("ghi-chu", render=render, templates=("wording.j2",),
                                                             fonts=False),))
    seen.fail = render.fail
    return seen


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(GOOD, folder)
    return folder


def test_every_notice_is_validated_then_rendered_with_its_settings(jobs, data, tmp_path):
    status, _out, err = build(str(data), "--out", str(tmp_path / "out"))
    assert status == 0, err
    assert sorted(j.data_path.stem for j in jobs) == NAMES
    job = next(j for j in jobs if j.data_path.stem == "day-du")
    assert job.layout.margin_left_mm == 30 and job.layout.line_spacing == 1.2  # cai-dat.yaml, then trinh_bay
    assert "doan-kiem-tra" in job.registry.agencies and job.slug == "day-du"
    assert err.count("Đã dựng") == 3 and "3 thông báo đã dựng" in err
    for name in NAMES:
        assert (tmp_path / "out" / name / "ghi-chu.txt").is_file()
        assert (tmp_path / "out" / name / "phu-luc" / "so.txt").is_file()


def test_a_second_build_renders_nothing(jobs, data, tmp_path):
    build(str(data), "--out", str(tmp_path / "out"))
    jobs.clear()
    before = snapshot(tmp_path / "out")
    status, _out, err = build(str(data), "--out", str(tmp_path / "out"))
    assert status == 0 and jobs == [] and "0 thông báo đã dựng, 3 không đổi" in err
    assert snapshot(tmp_path / "out") == before


def test_a_bad_notice_keeps_its_outputs_and_the_others_go_on(jobs, data, tmp_path):
    out = tmp_path / "out"
    build(str(data), "--out", str(out))
    before = snapshot(out)
    (data / "toi-thieu.yaml").write_text("van_ban: {so: 012}\n", encoding="utf-8")
    with open(data / "day-du.yaml", "a", encoding="utf-8") as handle:
        handle.write("# sửa\n")
    jobs.clear()
    status, _out, err = build(str(data), "--out", str(out))
    assert status == ExitStatus.DATA_ERROR
    assert [j.data_path.stem for j in jobs] == ["day-du"]
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k.startswith("toi-thieu/")} == \
        {k: v for k, v in before.items() if k.startswith("toi-thieu/")}
    assert after["day-du/ghi-chu.txt"][1] != before["day-du/ghi-chu.txt"][1]  # a new file, swapped in
    assert "LỖI" in err and "toi-thieu.yaml:1:" in err and "[van_ban.so]" in err
    assert "Không dựng được (kết quả cũ giữ nguyên):" in err and "1 lỗi" in err
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert sorted(manifest["notices"]) == NAMES  # the failed one keeps its last good record


def test_a_render_failure_keeps_that_notice_and_the_exit_status_says_which(jobs, data, tmp_path):
    jobs.fail["du-thao"] = TemplateError("Lỗi mẫu văn bản notice.html.j2:3: thiếu thẻ đóng")
    status, _out, err = build(str(data), "--out", str(tmp_path / "out"))
    assert status == ExitStatus.TEMPLATE_ERROR
    assert sorted(j.data_path.stem for j in jobs) == ["day-du", "toi-thieu"]
    assert not (tmp_path / "out" / "du-thao").exists()
    assert "notice.html.j2:3: thiếu thẻ đóng" in err and "2 thông báo đã dựng" in err


def test_internal_errors_are_short_unless_debug(jobs, data, tmp_path):
    jobs.fail["toi-thieu"] = ZeroDivisionError("chia cho 0")
    argv = [str(data / "toi-thieu.yaml"), "--out", str(tmp_path / "out")]
    status, _out, err = build(*argv)
    assert status == ExitStatus.RENDER_ERROR and "lỗi nội bộ: ZeroDivisionError: chia cho 0" in err
    assert "--debug" in err and "Traceback" not in err
    status, _out, err = build(*argv, "--debug")
    assert status == ExitStatus.RENDER_ERROR and "Traceback" in err


def test_an_empty_folder_is_an_error(tmp_path):
    status, _out, err = build(str(tmp_path), "--out", str(tmp_path / "out"))
    assert status == ExitStatus.DATA_ERROR and "không tìm thấy tệp thông báo" in err
    status, _out, err = build(str(tmp_path / "khong-co"))
    assert status == ExitStatus.DATA_ERROR and "khong-co: không tìm thấy tệp hoặc thư mục" in err


def test_the_default_path_is_data_and_folders_are_searched_recursively(jobs, tmp_path, monkeypatch):
    shutil.copytree(GOOD, tmp_path / "data" / "bo-a")
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "data" / "co-quan.yaml")
    shutil.copy(GOOD / "toi-thieu.yaml", tmp_path / "data" / "thong-bao-goc.yaml")
    (tmp_path / "data" / ".an").mkdir()
    shutil.copy(GOOD / "toi-thieu.yaml", tmp_path / "data" / ".an" / "khong-dung.yaml")
    (tmp_path / "data" / "bo-a" / "toi-thieu.tien-do.yaml").write_text("tien_do: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _out, err = build()
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == \
        [MANIFEST_NAME, "day-du", "du-thao", "thong-bao-goc", "toi-thieu"]
    assert {j.data_path.as_posix() for j in jobs} == {
        "data/bo-a/day-du.yaml", "data/bo-a/du-thao.yaml", "data/bo-a/toi-thieu.yaml", "data/thong-bao-goc.yaml"}
    progress = next(j for j in jobs if j.slug == "toi-thieu").progress_path
    assert progress == Path("data/bo-a/toi-thieu.tien-do.yaml")


def test_two_files_with_one_output_folder_are_refused_by_name(jobs, tmp_path):
    for folder in ("a", "b"):
        shutil.copytree(GOOD, tmp_path / folder)
    (tmp_path / "b" / "toi-thieu.yaml").rename(tmp_path / "b" / "Tôi thiểu.yaml")
    (tmp_path / "b" / "day-du.yaml").unlink()
    (tmp_path / "b" / "du-thao.yaml").unlink()
    status, _out, err = build(str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out"))
    assert status == ExitStatus.DATA_ERROR
    assert str(tmp_path / "a" / "toi-thieu.yaml") in err and str(tmp_path / "b" / "Tôi thiểu.yaml") in err
    assert "'toi-thieu/'" in err
    assert not (tmp_path / "out" / "toi-thieu").exists()
    assert (tmp_path / "out" / "day-du").is_dir()  # the others still build


@pytest.mark.parametrize("name", ["...yaml", "..yaml", "-.yaml", "“”.yaml"])
def test_a_file_name_without_letters_cannot_write_outside_the_output_folder(jobs, tmp_path, name):
    data = tmp_path / "in" / "data"
    shutil.copytree(GOOD, data)
    shutil.copy(data / "toi-thieu.yaml", data / name)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    status, _out, err = build(str(data / name), "--out", str(tmp_path / "in" / "out"))
    assert status == ExitStatus.DATA_ERROR and "đổi tên tệp" in err
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # not even the output folder


def test_registry_and_settings_files_given_by_name_are_not_notices(jobs, data, tmp_path):
    status, _out, err = build(str(data / "co-quan.yaml"), str(data / "cai-dat.yaml"), str(data / "toi-thieu.yaml"),
                              "--out", str(tmp_path / "out"))
    assert status == 0, err
    assert [j.slug for j in jobs] == ["toi-thieu"]


def test_check_lists_what_is_stale_and_writes_nothing(jobs, data, tmp_path):
    out = tmp_path / "out"
    status, stdout, err = build(str(data), "--out", str(out), "--check")
    assert status == ExitStatus.CHECK_FAILED and not out.exists()
    assert stdout.count("chưa dựng:") == 3 and "3/3 thông báo cần dựng lại" in err
    build(str(data), "--out", str(out))
    status, stdout, err = build(str(data), "--out", str(out), "--check")
    assert status == 0 and stdout == "" and "Mọi kết quả đều mới nhất (3 thông báo)" in err
    (data / "du-thao.yaml").write_text((data / "du-thao.yaml").read_text(encoding="utf-8") + "# x\n",
                                       encoding="utf-8")
    (out / "toi-thieu" / "ghi-chu.txt").write_text("sửa tay", encoding="utf-8")
    before = snapshot(out)
    status, stdout, err = build(str(data), "--out", str(out), "--check")
    assert status == ExitStatus.CHECK_FAILED and snapshot(out) == before
    assert f"cũ: {out / 'du-thao'}/ ({data / 'du-thao.yaml'}: dữ liệu đã đổi)" in stdout
    assert "toi-thieu/ (" in stdout and "tệp kết quả ghi-chu.txt đã bị sửa" in stdout
    assert "day-du" not in stdout
    status, _out, _err = build(str(data), "--out", str(out))
    assert status == 0 and (out / "toi-thieu" / "ghi-chu.txt").read_text(encoding="utf-8") != "sửa tay"


def test_json_summary(jobs, data, tmp_path):
    jobs.fail["du-thao"] = TemplateError("mẫu hỏng")
    status, stdout, _err = build(str(data), "--out", str(tmp_path / "out"), "--json")
    summary = json.loads(stdout)
    assert status == ExitStatus.TEMPLATE_ERROR and summary["status"] == status and summary["ok"] is False
    assert summary["counts"] == {"built": 2, "failed": 1}
    by_folder = {n["folder"]: n for n in summary["notices"]}
    assert by_folder["du-thao"]["state"] == "failed" and by_folder["du-thao"]["reason"] == "mẫu hỏng"
    assert by_folder["toi-thieu"]["written"] == ["toi-thieu/ghi-chu.txt", "toi-thieu/phu-luc/so.txt"]
    jobs.fail.clear()
    status, stdout, _err = build(str(data), "--out", str(tmp_path / "out"), "--check", "--json")
    summary = json.loads(stdout)
    assert status == 1 and [(n["folder"], n["state"]) for n in summary["notices"]] == [
        ("day-du", "current"), ("du-thao", "missing"), ("toi-thieu", "current")]


def test_strict_fails_a_notice_with_warnings_even_when_nothing_changed(jobs, data, tmp_path):
    text = (data / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "      san_pham: Kế hoạch công tác quý II năm 2026\n", "")
    (data / "toi-thieu.yaml").write_text(text, encoding="utf-8")
    status, _out, err = build(str(data / "toi-thieu.yaml"), "--out", str(tmp_path / "out"))
    assert status == 0 and "1 cảnh báo 6 rõ" in err
    status, _out, err = build(str(data / "toi-thieu.yaml"), "--out", str(tmp_path / "out"), "--strict")
    assert status == ExitStatus.DATA_ERROR and "--strict" in err
    assert (tmp_path / "out" / "toi-thieu" / "ghi-chu.txt").is_file()


def test_a_render_function_cannot_write_outside_its_folder(monkeypatch, data, tmp_path):
    kind = OutputKind("xau", render=lambda job, res: {"../thoat.txt": b"x"}, fonts=False)
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (kind,))
    status, _out, err = build(str(data / "toi-thieu.yaml"), "--out", str(tmp_path / "out"))
    assert status == ExitStatus.RENDER_ERROR and "'../thoat.txt'" in err
    assert not (tmp_path / "thoat.txt").exists() and not (tmp_path / "out" / "toi-thieu").exists()


def test_verify_prints_failures_only_and_remembers_results(monkeypatch, jobs, data, tmp_path):
    from baocao.check import checker
    from baocao.check.report import FAIL, PASS, Finding, Place, Report

    checked = []

    def fake_check(path, layout=None, kind=None):
        checked.append(Path(path).relative_to(tmp_path / "out").as_posix())
        bad = "du-thao" in path
        return Report(path=path, kind="thong-bao", fmt="docx", findings=[
            Finding("R1", PASS, None, "đúng khổ giấy"),
            Finding("R13", FAIL if bad else PASS, Place(page=1, excerpt="VĂN PHÒNG"), "thiếu đường kẻ")])

    monkeypatch.setattr(checker, "check_file", fake_check)
    kind = OutputKind("vb", render=lambda job, res: {"thong-bao.docx": job.slug.encode(), "ghi-chu.txt": b"x"},
                      fonts=False)
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (kind,))
    argv = [str(data), "--out", str(tmp_path / "out"), "--verify"]
    status, _out, err = build(*argv)
    assert status == ExitStatus.CHECK_FAILED
    assert sorted(checked) == ["day-du/thong-bao.docx", "du-thao/thong-bao.docx", "toi-thieu/thong-bao.docx"]
    assert "KHÔNG ĐẠT du-thao/thong-bao.docx" in err and "R13 trang 1 «VĂN PHÒNG»: thiếu đường kẻ" in err
    assert "R1 " not in err and "PASS" not in err
    assert "Kiểm tra thể thức (Nghị định 30): 3 tệp, 1 không đạt." in err
    checked.clear()
    status, _out, err = build(*argv)  # nothing changed: the results come from the manifest
    assert status == ExitStatus.CHECK_FAILED and checked == [] and "KHÔNG ĐẠT du-thao/thong-bao.docx" in err
    status, _out, err = build(*argv, "--verbose")
    assert len(checked) == 3 and "R1" in err and "PASS" in err


def test_the_lock_waits_for_another_build(jobs, data, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    import threading

    threading.Timer(0.5, lambda: os.close(fd)).start()
    status, _out, err = build(str(data / "toi-thieu.yaml"), "--out", str(out))
    assert status == 0 and "Đang chờ một lần dựng khác" in err


def test_the_output_folder_may_not_hold_the_data(jobs, tmp_path, monkeypatch):
    shutil.copytree(GOOD, tmp_path / "data")
    shutil.copy(GOOD / "toi-thieu.yaml", tmp_path / "data" / "data.yaml")
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)
    status, _out, err = build("data", "--out", ".")
    assert status == ExitStatus.DATA_ERROR and "thư mục kết quả chứa dữ liệu data" in err
    assert snapshot(tmp_path) == before
    status, _out, err = build("data", "--out", "data/output")  # inside the data folder is fine
    assert status == 0, err
    assert (tmp_path / "data" / "output" / "data" / "ghi-chu.txt").is_file() and (tmp_path / "data" / "data.yaml").is_file()


def test_an_output_folder_that_cannot_be_made_is_a_clean_error(jobs, data, tmp_path):
    (tmp_path / "tep").write_text("không phải thư mục", encoding="utf-8")
    status, _out, err = build(str(data), "--out", str(tmp_path / "tep" / "out"))
    assert status == ExitStatus.RENDER_ERROR and "không tạo được thư mục kết quả" in err and "Traceback" not in err
    assert "không phải thư mục" in err and "Not a directory" not in err  # the reason in Vietnamese
    status, _out, err = build(str(data), "--out", str(tmp_path / "tep"))
    assert status == ExitStatus.RENDER_ERROR and "đã có tệp cùng tên" in err and "File exists" not in err


def test_a_file_name_that_makes_no_folder_name_is_refused_and_nothing_escapes(jobs, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(GOOD / "toi-thieu.yaml", data / "...yaml")
    shutil.copy(GOOD / "co-quan.yaml", data / "co-quan.yaml")
    out = tmp_path / "out" / "x"
    before = set(tmp_path.rglob("*"))
    status, _out, err = build(str(data), "--out", str(out))
    assert status == ExitStatus.DATA_ERROR and "cần có chữ hoặc số" in err
    # nothing new outside --out but the folders leading to it ("...yaml" aimed one level up)
    assert {p for p in set(tmp_path.rglob("*")) - before if not p.is_relative_to(out)} <= {tmp_path / "out"}
