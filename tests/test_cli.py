"""The command line, in process: Vietnamese help and errors, exit statuses, schema, build wiring."""
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
from baocao.errors import ExitStatus, TemplateError

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


@pytest.fixture
def fake_build(monkeypatch):
    calls = []
    module = types.ModuleType("baocao.build.outputs")

    def render_notice(notice, registry, layout, source_path, out_dir, templates=None, **_options):
        calls.append((notice, registry, layout, Path(source_path), Path(out_dir)))
        return {Path(out_dir) / Path(source_path).stem / "thong-bao.docx": b"docx"}

    module.render_notice = render_notice
    monkeypatch.setitem(sys.modules, "baocao.build.outputs", module)
    return calls


def test_build_validates_everything_then_builds_each_notice(fake_build, tmp_path):
    status, _out, err = run(["build", str(GOOD), "--out", str(tmp_path / "out")])
    assert status == 0, err
    assert [c[3].name for c in fake_build] == ["day-du.yaml", "du-thao.yaml", "toi-thieu.yaml"]
    notice, registry, layout, _source, out_dir = fake_build[0]
    assert layout.margin_left_mm == 30 and layout.line_spacing == 1.2  # cai-dat.yaml, then trinh_bay
    assert "doan-kiem-tra" in registry.agencies and out_dir == tmp_path / "out"
    assert err.count("Đã dựng") == 3


def test_build_writes_nothing_when_one_notice_is_bad(fake_build, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(GOOD, folder)
    (folder / "sai.yaml").write_text("van_ban: {so: 012}\n", encoding="utf-8")
    status, _out, err = run(["build", str(folder), "--out", str(tmp_path / "out")])
    assert status == ExitStatus.DATA_ERROR and fake_build == []
    assert not (tmp_path / "out").exists() and "không dựng văn bản nào" in err


def test_build_writes_nothing_when_a_later_notice_fails_to_render(monkeypatch, fake_build, tmp_path):
    render = sys.modules["baocao.build.outputs"].render_notice

    def fail_on_second(notice, registry, layout, source_path, out_dir, templates=None, **_options):
        if len(fake_build) == 1:
            raise TemplateError("mẫu notice.html.j2 hỏng ở dòng 3")
        return render(notice, registry, layout, source_path, out_dir, templates)

    monkeypatch.setattr(sys.modules["baocao.build.outputs"], "render_notice", fail_on_second)
    status, _out, err = run(["build", str(GOOD), "--out", str(tmp_path / "out")])
    assert status == ExitStatus.TEMPLATE_ERROR and len(fake_build) == 1
    assert not (tmp_path / "out").exists()


def test_build_of_an_empty_folder(tmp_path):
    status, _out, err = run(["build", str(tmp_path)])
    assert status == ExitStatus.DATA_ERROR and "không tìm thấy tệp thông báo" in err


def test_errors_map_to_exit_statuses(monkeypatch, fake_build, tmp_path):
    def broken_template(*args, **_options):
        raise TemplateError("mẫu notice.html.j2 hỏng ở dòng 3")

    monkeypatch.setattr(sys.modules["baocao.build.outputs"], "render_notice", broken_template)
    status, _out, err = run(["build", str(GOOD / "toi-thieu.yaml"), "--out", str(tmp_path)])
    assert status == ExitStatus.TEMPLATE_ERROR and err.strip().endswith("mẫu notice.html.j2 hỏng ở dòng 3")


def test_internal_errors_are_short_unless_debug(monkeypatch, fake_build, tmp_path):
    def crash(*args, **_options):
        raise ZeroDivisionError("chia cho 0")

    monkeypatch.setattr(sys.modules["baocao.build.outputs"], "render_notice", crash)
    argv = ["build", str(GOOD / "toi-thieu.yaml"), "--out", str(tmp_path)]
    status, _out, err = run(argv)
    assert status == 4 and "lỗi nội bộ" in err and "--debug" in err and "Traceback" not in err
    status, _out, err = run(["--debug", *argv])
    assert status == 4 and "Traceback" in err
    status, _out, err = run([*argv, "--debug"])
    assert status == 4 and "Traceback" in err


def test_check_command_is_delegated(monkeypatch):
    seen = {}
    module = types.SimpleNamespace(
        register=lambda sub: sub.add_parser("check", help="kiểm tra").add_argument("files", nargs="*"),
        run=lambda args, out, err: seen.update(files=args.files) or 1)
    monkeypatch.setattr(cli, "check_command", module)
    status, _out, _err = run(["check", "a.docx", "b.pdf"])
    assert status == 1 and seen == {"files": ["a.docx", "b.pdf"]}


def test_python_dash_m(tmp_path):
    import subprocess

    result = subprocess.run([sys.executable, "-m", "baocao", "validate", str(GOOD / "toi-thieu.yaml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("OK: ")


def test_build_verify_runs_check_on_the_written_files(monkeypatch, fake_build, tmp_path):
    seen = {}
    module = types.SimpleNamespace(
        register=lambda sub: sub.add_parser("check", help="kiểm tra").add_argument("files", nargs="+"),
        run=lambda args, out, err: seen.update(files=args.files) or 1)
    monkeypatch.setattr(cli, "check_command", module)
    status, _out, _err = run(["build", str(GOOD / "toi-thieu.yaml"), "--out", str(tmp_path), "--verify"])
    assert status == ExitStatus.CHECK_FAILED
    assert seen == {"files": [str(tmp_path / "toi-thieu" / "thong-bao.docx")]}
