"""``baocao check`` as a command: output, JSON, exit statuses, --kind, --cai-dat, bad files."""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from dataclasses import replace

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "check_corpus"))

from notice_docx import NoticeSpec, build_docx, extract_spec  # noqa: E402

from baocao.check.command import main, register, run  # noqa: E402


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("check-cmd")
    out = {}
    for name, spec in (("good", NoticeSpec()), ("bad", replace(NoticeSpec(), number="Số: 5/TB-VPCP")),
                       ("extract", extract_spec())):
        path = d / f"{name}.docx"
        path.write_bytes(build_docx(spec))
        out[name] = str(path)
    garbage = d / "garbage.pdf"
    garbage.write_bytes(b"this is not a PDF")
    out["garbage"] = str(garbage)
    return out


def call(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_good_file_exits_0(files):
    status, out, err = call(files["good"])
    assert status == 0, out
    assert "R17 PASS" in out and "R41 SKIP" in out and "Kết quả:" in out
    assert err == ""


def test_broken_file_exits_1_and_names_the_rule_and_place(files):
    status, out, _ = call(files["bad"])
    assert status == 1
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("R15"))
    assert "FAIL" in line and "«Số: 5/TB-VPCP»" in line and "(§4, R15)" in line and "đoạn" in line


@pytest.mark.parametrize("name", ["garbage", "missing"])
def test_unreadable_file_exits_2_without_traceback(files, name):
    path = files.get(name, "/khong/co/tep.docx")
    status, out, err = call(files["good"], path)
    assert status == 2
    assert "không đọc được" in err and "Traceback" not in err + out
    assert "R1 " in out            # the readable file is still reported


def test_json_output(files):
    status, out, _ = call("--json", files["bad"], files["good"])
    assert status == 1
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == [files["bad"], files["good"]]
    bad = data["files"][0]
    assert bad["ok"] is False and bad["kind"] == "thong-bao" and bad["format"] == "docx"
    assert len(bad["findings"]) == 43
    r15 = next(f for f in bad["findings"] if f["rule"] == "R15")
    assert r15["status"] == "FAIL" and r15["place"]["excerpt"] == "Số: 5/TB-VPCP"
    assert data["errors"] == [] and data["ok"] is False


def test_json_lists_unreadable_files(files):
    status, out, _ = call("--json", files["garbage"])
    assert status == 2
    data = json.loads(out)
    assert data["files"] == [] and data["errors"][0]["path"] == files["garbage"]


def test_extract_is_detected_and_kind_can_be_forced(files):
    status, out, _ = call(files["extract"])
    assert status == 0 and "bản trích sao" in out and "R41 PASS" in out
    status, out, _ = call("--kind", "thong-bao", files["extract"])
    assert "R41 SKIP" in out
    status, out, _ = call("--kind", "trich-sao", files["good"])
    assert status == 1
    assert next(ln for ln in out.splitlines() if ln.strip().startswith("R41")).split()[1] == "FAIL"


def test_settings_file_changes_what_is_checked(files, tmp_path):
    settings = tmp_path / "cai-dat.yaml"
    settings.write_text("trinh_bay:\n  dia_danh_trung_uong: Huế\n", encoding="utf-8")
    status, out, _ = call("--cai-dat", str(settings), files["good"])
    assert status == 1
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("R19"))
    assert "FAIL" in line and "Huế" in line


def test_bad_settings_file_is_a_data_error(files, tmp_path):
    settings = tmp_path / "cai-dat.yaml"
    settings.write_text("trinh_bay:\n  le_trai: 50\n", encoding="utf-8")
    status, out, err = call("--cai-dat", str(settings), files["good"])
    assert status == 2 and "le_trai" in err and "Traceback" not in err


def test_register_adds_the_subcommand(files):
    parser = argparse.ArgumentParser(prog="baocao")
    sub = parser.add_subparsers(dest="command")
    register(sub)
    args = parser.parse_args(["check", "--json", "--kind", "thong-bao", files["good"]])
    assert args.files == [files["good"]] and args.json and args.kind == "thong-bao" and args.cai_dat is None
    out, err = io.StringIO(), io.StringIO()
    assert run(args, out, err) == 0
    assert json.loads(out.getvalue())["ok"] is True


def test_unknown_kind_is_a_usage_error(files):
    status, _, _ = call("--kind", "cong-an", files["good"])
    assert status == 64


@pytest.mark.parametrize("kind", ["auto", "thong-bao", "cong-van", "quyet-dinh", "ke-hoach", "bao-cao",
                                  "to-trinh", "giay-moi", "bien-ban", "trich-sao"])
def test_every_kind_is_accepted(files, kind):
    status, out, err = call("--json", "--kind", kind, files["good"])
    assert status in (0, 1) and not err
    data = json.loads(out)
    assert data["files"][0]["kind"] == ("thong-bao" if kind == "auto" else kind)
    assert set(data["files"][0]) == {"path", "format", "kind", "ok", "counts", "findings", "notes"}


def test_a_forced_cong_van_skips_the_title_rule(files):
    _, out, _ = call("--kind", "cong-van", files["good"])
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("R20"))
    assert "SKIP" in line and "công văn" in line
