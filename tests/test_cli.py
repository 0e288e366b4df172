"""The command line, in process: Vietnamese help and errors, exit statuses, validate, schema, the
check delegation. ``build`` has its own test files (test_build_*.py)."""
from __future__ import annotations

import io
import json
import shutil
import sys
import types
from pathlib import Path

import jsonschema
import pytest

from baocao import cli
from baocao.cli import main
from baocao.data.load import load
from baocao.errors import ExitStatus

GOOD = Path(__file__).parent / "resources" / "good"
DATA = Path(__file__).parent.parent / "data"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_help_is_vietnamese():
    status, out, err = run(["--help"])
    assert status == 0 and err == ""
    assert out.startswith("Cách dùng: baocao")
    for words in ("tùy chọn:", "lệnh:", "in hướng dẫn này rồi thoát", "validate", "schema", "build", "check"):
        assert words in out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in out
    status, out, _ = run(["build", "-h"])
    assert status == 0 and "đối số:" in out and "--out THƯ_MỤC" in out and "--verify" in out


@pytest.mark.parametrize("argv, words", [
    ([], "thiếu đối số bắt buộc"),
    (["frob"], "lựa chọn không có: 'frob'"),
    (["validate"], "thiếu đối số bắt buộc: TỆP"),
    (["validate", "--khong-co", "x.yaml"], "đối số không hiểu: --khong-co"),
    (["build", "data", "--out"], "--out: cần một giá trị"),
])
def test_usage_errors(argv, words):
    status, out, err = run(argv)
    assert status == ExitStatus.USAGE
    assert out == ""
    assert err.startswith("Cách dùng: baocao") and words in err and "lỗi:" in err


def test_version():
    status, out, _ = run(["--version"])
    assert status == 0 and out.startswith("baocao ")


def test_validate_ok_and_bad_together(tmp_path):
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "co-quan.yaml")
    (tmp_path / "sai.yaml").write_text("van_ban: [\n", encoding="utf-8")
    status, out, err = run(["validate", str(GOOD / "toi-thieu.yaml"), str(tmp_path / "sai.yaml")])
    assert status == ExitStatus.DATA_ERROR
    assert out == f"OK: {GOOD / 'toi-thieu.yaml'}\n"
    assert f"{tmp_path / 'sai.yaml'}: 1 lỗi" in err


def test_validate_a_folder_checks_registry_and_settings_too():
    status, out, err = run(["validate", str(GOOD)])
    assert status == 0, err
    names = [line.removeprefix("OK: ") for line in out.splitlines()]
    assert [Path(n).name for n in names] == ["cai-dat.yaml", "co-quan.yaml", "day-du.yaml", "du-thao.yaml",
                                             "toi-thieu.yaml"]


def test_validate_shows_warnings_and_strict_fails(tmp_path):
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "co-quan.yaml")
    text = (GOOD / "toi-thieu.yaml").read_text(encoding="utf-8").replace(
        "      san_pham: Kế hoạch công tác quý II năm 2026\n", "")
    (tmp_path / "tb.yaml").write_text(text, encoding="utf-8")
    status, out, err = run(["validate", str(tmp_path / "tb.yaml")])
    assert status == 0 and "(1 cảnh báo)" in out
    assert "tb.yaml:18:7: cảnh báo [noi_dung.khoan[2]]: khoản 2: chưa rõ sản phẩm (6 rõ)" in err
    status, out, err = run(["validate", "--strict", str(tmp_path / "tb.yaml")])
    assert status == ExitStatus.DATA_ERROR and out == ""
    assert "tb.yaml:18:7: lỗi [noi_dung.khoan[2]]" in err


def test_long_problem_lists_are_cut_to_one_screen(tmp_path):
    shutil.copy(GOOD / "co-quan.yaml", tmp_path / "co-quan.yaml")
    text = (GOOD / "toi-thieu.yaml").read_text(encoding="utf-8")
    text += "".join(f"thua_{i}: x\n" for i in range(40))
    (tmp_path / "tb.yaml").write_text(text, encoding="utf-8")
    status, _out, err = run(["validate", str(tmp_path / "tb.yaml")])
    assert status == 2 and len(err.splitlines()) < 25 and "… và 20 vấn đề khác" in err


def schema() -> dict:
    status, out, err = run(["schema"])
    assert status == 0 and err == ""
    return json.loads(out)


def test_schema_is_valid_and_vietnamese():
    document = schema()
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["title"] == "Thông báo"
    assert document["properties"]["van_ban"]["title"] == "Văn bản"
    assert document["$defs"]["Item"]["anyOf"][0] == {"type": "string"}
    text = json.dumps(document, ensure_ascii=False)
    assert '"title": "Văn bản"' in text and "Ten Ngan" not in text and "A khoản" not in text


@pytest.mark.parametrize("name", ["toi-thieu.yaml", "day-du.yaml", "du-thao.yaml"])
def test_schema_accepts_good_notices_as_the_loader_reads_them(name):
    validator = jsonschema.Draft202012Validator(schema())
    errors = [e.message for e in validator.iter_errors(load(GOOD / name).data)]
    assert errors == []


def test_schema_accepts_native_yaml_types_as_an_editor_reads_them():
    import yaml

    validator = jsonschema.Draft202012Validator(schema())
    data = yaml.safe_load((GOOD / "day-du.yaml").read_text(encoding="utf-8"))
    data["van_ban"]["ngay"] = str(data["van_ban"]["ngay"])  # YAML 1.2 editors read dates as text
    data["cuoc_hop"]["ngay"] = str(data["cuoc_hop"]["ngay"])
    assert [e.message for e in validator.iter_errors(data)] == []


def test_schema_accepts_the_sample_data():
    notice = DATA / "thong-bao-15-tb-vpcp.yaml"
    if not notice.exists():
        pytest.skip("data/ chưa có dữ liệu mẫu")
    validator = jsonschema.Draft202012Validator(schema())
    for path in sorted(p for p in DATA.glob("thong-bao-*.yaml") if not p.name.endswith(".tien-do.yaml")):
        assert [e.message for e in validator.iter_errors(load(path).data)] == [], path


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("noi_dung"), "'noi_dung' is a required property"),
    (lambda d: d["nguoi_ky"].update(tenn="x"), "'tenn' was unexpected"),
    (lambda d: d["nguoi_ky"].update(quyen_han="KTT"), "'KTT'"),
    (lambda d: d["noi_dung"]["khoan"][1].update(chu_tri="Bộ Công Thương"), "'Bộ Công Thương'"),
    (lambda d: d["van_ban"].update(so="1a"), "'1a'"),
    (lambda d: d.update(noi_nhan=[]), "[]"),
])
def test_schema_rejects_broken_notices(change, words):
    validator = jsonschema.Draft202012Validator(schema())
    data = load(GOOD / "toi-thieu.yaml").data
    change(data)
    messages = " | ".join(e.message for e in validator.iter_errors(data))
    assert messages and words in messages


def test_check_command_is_delegated(monkeypatch):
    seen = {}
    module = types.SimpleNamespace(
        register=lambda sub: sub.add_parser("check", help="kiểm tra").add_argument("files", nargs="*"),
        run=lambda args, out, err: seen.update(files=args.files) or 1)
    monkeypatch.setattr(cli, "_check_module", lambda: module)
    status, _out, _err = run(["check", "a.docx", "b.pdf"])
    assert status == 1 and seen == {"files": ["a.docx", "b.pdf"]}


def test_python_dash_m(tmp_path):
    import subprocess

    result = subprocess.run([sys.executable, "-m", "baocao", "validate", str(GOOD / "toi-thieu.yaml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("OK: ")
