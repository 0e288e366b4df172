"""Incremental builds with the real renderers: what a change rebuilds, and what it leaves alone.

A rebuilt set is a new folder swapped in, so its files have new inode numbers; a set left alone
keeps its files (same inode, same modification time) and its manifest record.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pypdfium2
import pytest

from baocao.build import outputs
from baocao.build.outputs import NOTICE_KIND, OutputKind
from baocao.build.plan import MANIFEST_NAME
from baocao.cli import main
from baocao.documents.wording import templates_dir

ROOT = Path(__file__).resolve().parents[1]
GOOD = Path(__file__).parent / "resources" / "good"


def build(*argv: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    status = main(["build", *argv, "--json"], stdout=out, stderr=err)
    summary = json.loads(out.getvalue())
    assert status == summary["status"]
    summary["stderr"] = err.getvalue()
    return summary


def states(summary: dict) -> dict[str, str]:
    return {n["folder"]: n["state"] for n in summary["notices"]}


def reasons(summary: dict) -> dict[str, str]:
    return {n["folder"]: n.get("reason", "") for n in summary["notices"] if n["state"] == "built"}


def file_ids(out: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != MANIFEST_NAME}


def manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["notices"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(GOOD, tmp_path / "data")
    return tmp_path / "data"


def test_touching_one_notice_rebuilds_only_that_notice(data, tmp_path):
    out = tmp_path / "out"
    first = build(str(data), "--out", str(out), "--jobs", "2")
    assert first["status"] == 0 and states(first) == {"day-du": "built", "du-thao": "built", "toi-thieu": "built"}
    ids, records = file_ids(out), manifest(out)
    (data / "toi-thieu.yaml").touch()  # a new time, the same bytes: nothing to do
    assert states(build(str(data), "--out", str(out))) == {"day-du": "unchanged", "du-thao": "unchanged",
                                                           "toi-thieu": "unchanged"}
    assert file_ids(out) == ids
    edit(data / "toi-thieu.yaml", "Thống nhất với", "Thống nhất cao với")
    second = build(str(data), "--out", str(out), "--jobs", "2")
    assert states(second) == {"day-du": "unchanged", "du-thao": "unchanged", "toi-thieu": "built"}
    assert reasons(second) == {"toi-thieu": "dữ liệu đã đổi"}
    now = file_ids(out)
    for name, identity in ids.items():  # the folder's summary (tong-hop/) reads every notice
        assert (now[name] == identity) == (not name.startswith(("toi-thieu/", "tong-hop/"))), name
    after = manifest(out)
    assert after["day-du"] == records["day-du"] and after["du-thao"] == records["du-thao"]
    assert after["toi-thieu"]["kinds"]["thong-bao"]["inputs"]["data"] != \
        records["toi-thieu"]["kinds"]["thong-bao"]["inputs"]["data"]
    text = "\n".join(p.text for p in docx.Document(out / "toi-thieu" / "thong-bao.docx").paragraphs)
    assert "Thống nhất cao với báo cáo" in text


def test_a_template_rebuilds_only_the_output_kind_that_reads_it(data, tmp_path, monkeypatch):
    templates = tmp_path / "templates"  # the project's folder: only what it replaces or adds
    templates.mkdir()
    (templates / "ghi-chu.j2").write_text("{{ 1 }}", encoding="utf-8")
    extra = OutputKind("ghi-chu", render=lambda job, res: {"ghi-chu.txt": job.templates.source("ghi-chu.j2").read_bytes()},
                       templates=("ghi-chu.j2",), fonts=False)
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (NOTICE_KIND, extra))
    out = tmp_path / "out"
    argv = (str(data / "toi-thieu.yaml"), str(data / "du-thao.yaml"), "--out", str(out), "--jobs", "0",
            "--templates", str(templates))
    assert build(*argv)["status"] == 0
    ids = file_ids(out)
    (templates / "ghi-chu.j2").write_text("{{ 2 }}", encoding="utf-8")
    summary = build(*argv)
    assert reasons(summary) == {"du-thao": "mẫu ghi-chu.j2 đã đổi", "toi-thieu": "mẫu ghi-chu.j2 đã đổi"}
    now = file_ids(out)
    for name in ids:  # the set is new (swapped in whole); the notice's files are the same files, linked
        assert now[name][1] == ids[name][1] if name.endswith((".docx", ".pdf")) else now[name] != ids[name]
    assert (out / "toi-thieu" / "ghi-chu.txt").read_text() == "{{ 2 }}"
    packaged = templates_dir().source("style.css.j2").read_text(encoding="utf-8")
    (templates / "style.css.j2").write_text(packaged, encoding="utf-8")  # the same bytes: nothing to do
    assert reasons(build(*argv)) == {}
    (templates / "style.css.j2").write_text(packaged + "/* lề */\n", encoding="utf-8")
    summary = build(*argv)
    assert "Dùng mẫu của dự án" in summary["stderr"] and "style.css.j2" in summary["stderr"]
    assert reasons(summary) == {"du-thao": "mẫu style.css.j2 đã đổi", "toi-thieu": "mẫu style.css.j2 đã đổi"}
    assert all(sorted(n["written"]) == [f"{n['folder']}/thong-bao.docx", f"{n['folder']}/thong-bao.pdf"]
               for n in summary["notices"])


def test_a_registry_rebuilds_the_notices_of_its_folder_only(tmp_path):
    for folder in ("bo-a", "bo-b"):
        (tmp_path / folder).mkdir()
        shutil.copy(GOOD / "co-quan.yaml", tmp_path / folder)
        shutil.copy(GOOD / "toi-thieu.yaml", tmp_path / folder / f"thong-bao-{folder}.yaml")
    out = tmp_path / "out"
    assert build(str(tmp_path / "bo-a"), str(tmp_path / "bo-b"), "--out", str(out))["status"] == 0
    edit(tmp_path / "bo-a" / "co-quan.yaml", "Văn phòng", "Văn phòng Bộ")
    summary = build(str(tmp_path / "bo-a"), str(tmp_path / "bo-b"), "--out", str(out))
    assert states(summary) == {"thong-bao-bo-a": "built", "thong-bao-bo-b": "unchanged"}
    assert reasons(summary) == {"thong-bao-bo-a": "danh mục cơ quan (co-quan.yaml) đã đổi"}


def test_settings_images_and_source_date_epoch_are_inputs(data, tmp_path, monkeypatch):
    from PIL import Image

    out = tmp_path / "out"
    assert build(str(data), "--out", str(out))["status"] == 0
    with Image.open(data / "anh" / "chu-ky.png") as image:
        image = image.copy()
    image.putpixel((0, 0), (0, 0, 255, 255) if image.mode == "RGBA" else 0)
    image.save(data / "anh" / "chu-ky.png")
    summary = build(str(data), "--out", str(out))
    assert reasons(summary) == {"day-du": "tệp anh/chu-ky.png đã đổi"}  # the only one with a signature
    edit(data / "cai-dat.yaml", "le_trai: 32", "le_trai: 31")
    assert set(reasons(build(str(data), "--out", str(out))).values()) == {"cài đặt (cai-dat.yaml) đã đổi"}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    changed = set(reasons(build(str(data), "--out", str(out))).values())  # and the briefing's day with it
    assert changed and all(r.startswith("SOURCE_DATE_EPOCH đã đổi") for r in changed), changed
    assert set(reasons(build(str(data), "--out", str(out), "--force")).values()) == {"dựng lại theo yêu cầu (--force)"}


def test_a_damaged_manifest_or_a_missing_output_means_rebuilding(data, tmp_path):
    out = tmp_path / "out"
    build(str(data / "toi-thieu.yaml"), "--out", str(out))
    (out / "toi-thieu" / "thong-bao.pdf").unlink()
    assert reasons(build(str(data / "toi-thieu.yaml"), "--out", str(out))) == \
        {"toi-thieu": "thiếu tệp kết quả thong-bao.pdf"}
    (out / MANIFEST_NAME).write_text("{ hỏng", encoding="utf-8")
    assert reasons(build(str(data / "toi-thieu.yaml"), "--out", str(out))) == {"toi-thieu": "chưa dựng"}
    assert manifest(out)["toi-thieu"]["source"] == (data / "toi-thieu.yaml").as_posix()


def test_the_shared_font_configuration_gives_the_pdf_render_pdf_gives(data):
    from baocao.build.outputs import NoticeJob, Resources, render_notice_files
    from baocao.data.validate import load_notice
    from baocao.documents.wording import templates_dir
    from baocao.settings import layout_for

    def job(name):
        path = data / name
        notice, registry, _ = load_notice(path)
        return NoticeJob(path, path.stem, notice, registry, layout_for(notice, data), templates_dir())

    from weasyprint.text.fonts import FontConfiguration

    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording
    from baocao.render.html import render_html
    from baocao.render.pdf import render_pdf

    shared = Resources()
    first = render_notice_files(job("day-du.yaml"), shared)
    render_notice_files(job("toi-thieu.yaml"), shared)
    again = render_notice_files(job("day-du.yaml"), shared)
    one = job("day-du.yaml")
    doc = build_document(one.notice, one.registry, one.layout, Wording(one.templates), data)
    alone = render_pdf(render_html(doc, one.templates), one.templates, FontConfiguration())  # a fresh one
    assert first == again and first["thong-bao.pdf"] == alone


@pytest.mark.slow
def test_two_clones_build_the_same_bytes(tmp_path):
    """Different folders, process counts and start methods: the same files, byte for byte."""
    clones = [tmp_path / "a", tmp_path / "sau" / "hon" / "b"]
    for clone, jobs in zip(clones, ("2", "0")):
        shutil.copytree(ROOT / "data", clone / "data")
        subprocess.run([sys.executable, "-m", "baocao", "build", "--jobs", jobs, "--as-of", "2026-03-27"], cwd=clone,
                       check=True, capture_output=True, timeout=300)
    a, b = ({p.relative_to(c / "output").as_posix(): p.read_bytes() for p in sorted((c / "output").rglob("*"))
             if p.is_file()} for c in clones)
    notices = [p for p in (ROOT / "data").glob("thong-bao-*.yaml") if not p.name.endswith(".tien-do.yaml")]
    assert a == b and {name.split("/")[0] for name in a if "/" in name} >= {p.stem for p in notices}
    assert str(tmp_path).encode() not in b"".join(a.values())
    for name, data in a.items():
        if name.endswith(".docx"):
            assert docx.Document(io.BytesIO(data)).paragraphs
        elif name.endswith(".pdf"):
            document = pypdfium2.PdfDocument(data)
            assert document[0].get_textpage().get_text_range().strip()


def test_the_summary_line_says_it_was_built_and_why(data, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["build", str(data), "--out", str(tmp_path / "out"), "--jobs", "0"], out, err) == 0
    line = next(line for line in err.getvalue().splitlines() if "báo cáo tổng hợp" in line)
    # the notices that assign tasks (du-thao assigns none)
    assert line.startswith("Đã dựng báo cáo tổng hợp 2 thông báo: 2 tệp") and line.endswith("(lý do: chưa dựng)"), line
    err = io.StringIO()
    assert main(["build", str(data), "--out", str(tmp_path / "out"), "--jobs", "0"], io.StringIO(), err) == 0
    assert "báo cáo tổng hợp" not in err.getvalue()           # nothing changed: nothing said


def test_a_fifo_among_the_inputs_never_blocks_a_check(data, tmp_path):
    """Hashing the inputs opens none that is not a regular file: a FIFO named like a progress
    file makes the notice stale, and `build --check` answers at once instead of waiting."""
    out = tmp_path / "out"
    assert build(str(data), "--out", str(out))["status"] == 0
    os.mkfifo(data / "toi-thieu.tien-do.yaml")
    done = subprocess.run([sys.executable, "-m", "baocao", "build", str(data), "--out", str(out), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "toi-thieu" in done.stdout + done.stderr
