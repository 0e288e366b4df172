"""The number register: series, years, copies, the command, concurrency, and numbers at build time."""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from baocao.build import outputs
from baocao.build.outputs import NOTICE_KIND, OutputKind
from baocao.cli import main
from baocao.errors import ExitStatus
from baocao.register import Register, RegisterError, Series, parse_symbol

GOOD = Path(__file__).parent / "resources" / "good"
DATA = Path(__file__).resolve().parents[1] / "data"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("symbol, agency, series", [
    ("TB-VPCP", None, Series("VPCP", "TB")),
    ("QĐ-UBND", None, Series("UBND", "QĐ")),
    ("TB-BKHĐT", None, Series("BKHĐT", "TB")),
    ("QĐ-TTg", None, Series("TTg", "QĐ")),
    ("VPCP-KGVX", None, Series("VPCP", "CV")),
    ("TrS", "VPCP", Series("VPCP", "SAO")),
    ("SY", "VPCP", Series("VPCP", "SAO")),
    ("SL-BCT", None, Series("BCT", "SAO")),
])
def test_the_series_of_a_symbol(symbol, agency, series):
    assert parse_symbol(symbol, agency) == series


@pytest.mark.parametrize("symbol, words", [
    ("TrS", "cơ quan sao"),
    ("TB", "thiếu chữ viết tắt"),
    ("tb-vpcp", "không đúng dạng"),
    ("TB VPCP", "không đúng dạng"),
    ("VPCP", "Phụ lục III"),
])
def test_bad_symbols_are_explained(symbol, words):
    with pytest.raises(RegisterError, match=words):
        parse_symbol(symbol)


def test_numbers_run_per_agency_series_and_year(tmp_path):
    register = Register(tmp_path / "so.sqlite")
    taken = [register.take(s, y).label for s, y in [
        ("TB-VPCP", 2026), ("TB-VPCP", 2026), ("QĐ-VPCP", 2026), ("TB-BCT", 2026), ("TB-VPCP", 2027),
        ("TB-VPCP", 2026)]]
    assert taken == ["01/TB-VPCP", "02/TB-VPCP", "01/QĐ-VPCP", "01/TB-BCT", "01/TB-VPCP", "03/TB-VPCP"]
    copies = [register.take(s, 2026, agency=a).label for s, a in
              [("TrS", "VPCP"), ("SY", "VPCP"), ("SL", "VPCP"), ("TrS", "BCT"), ("TrS", "VPCP")]]
    assert copies == ["01/TrS", "02/SY", "03/SL", "01/TrS", "04/TrS"]
    assert [e.number for e in register.entries(2027)] == [1]
    assert len(register.entries()) == 11


def test_a_notice_file_gets_its_number_back(tmp_path):
    register = Register(tmp_path / "so.sqlite")
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
    first = register.take("TB-VPCP", 2026, source="a.yaml", source_sha256="h1")
    assert register.take("TB-VPCP", 2026, source="b.yaml", source_sha256="h2").number == 2
    assert register.take("TB-VPCP", 2026, source="a.yaml", source_sha256="h3").number == first.number == 1
    # a copy of a.yaml beside it is another notice: a new number, not a's
    assert register.take("TB-VPCP", 2026, source="c.yaml", source_sha256="h1").number == 3
    # b.yaml renamed (gone, same bytes): its number follows it
    renamed = register.take("TB-VPCP", 2026, source="b-moi.yaml", source_sha256="h2")
    assert renamed.number == 2 and register.for_source("b-moi.yaml").number == 2


def test_a_register_from_a_newer_baocao_is_refused(tmp_path):
    path = tmp_path / "so.sqlite"
    Register(path).take("TB-VPCP", 2026)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 9")
    with pytest.raises(RegisterError, match="mới hơn"):
        Register(path).take("TB-VPCP", 2026)


def _take_many(path: str) -> list[int]:
    register = Register(path)
    return [register.take("TB-VPCP", 2026).number for _ in range(50)]


@pytest.mark.slow
def test_eight_processes_taking_fifty_numbers_each_never_collide(tmp_path):
    script = ("import sys, json; from baocao.register import Register; r = Register(sys.argv[1]); "
              "print(json.dumps([r.take('TB-VPCP', 2026).number for _ in range(50)]))")
    processes = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "so.sqlite")],
                                  stdout=subprocess.PIPE, text=True) for _ in range(8)]
    numbers = []
    for process in processes:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        numbers += json.loads(out)
    assert sorted(numbers) == list(range(1, 401))
    assert [e.number for e in Register(tmp_path / "so.sqlite").entries()] == list(range(1, 401))


def test_the_register_command(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cai-dat.yaml").write_text("so_dang_ky: so/so-di.sqlite\n", encoding="utf-8")
    where = ["--data", str(tmp_path / "data")]
    assert run(["register", "take", "TB-VPCP", "--year", "2026", *where])[:2] == (0, "01/TB-VPCP\n")
    status, out, err = run(["register", "take", "TB-VPCP", "--year", "2026", "--note", "Kết luận họp", *where])
    assert (status, out) == (0, "02/TB-VPCP\n") and "Đã lấy số 02/TB-VPCP (năm 2026)" in err
    assert (tmp_path / "data" / "so" / "so-di.sqlite").is_file()
    status, out, err = run(["register", "take", "TrS", *where])
    assert status == ExitStatus.DATA_ERROR and "--agency" in err and out == ""
    status, out, _ = run(["register", "take", "TrS", "--agency", "VPCP", "--json", *where])
    assert status == 0 and json.loads(out)["label"] == "01/TrS"
    status, out, _ = run(["register", "list", "--year", "2026", *where])
    lines = out.splitlines()
    assert status == 0 and lines[0].split() == ["Năm", "Số", "Cơ", "quan", "Dãy", "Tệp", "Lấy", "lúc", "Ghi", "chú"]
    assert [line.split()[1] for line in lines[1:]] == ["01/TrS", "01/TB-VPCP", "02/TB-VPCP"]
    assert lines[-1].endswith("Kết luận họp")
    status, out, _ = run(["register", "list", "--json", "--register", str(tmp_path / "data" / "so" / "so-di.sqlite")])
    assert [e["label"] for e in json.loads(out)] == ["01/TrS", "01/TB-VPCP", "02/TB-VPCP"]
    status, _out, err = run(["register", "list", "--data", str(tmp_path / "khong-co")])
    assert status == ExitStatus.DATA_ERROR and "--register" in err
    (tmp_path / "data" / "cai-dat.yaml").write_text("so_dang_ky: ../../ngoai.sqlite\n", encoding="utf-8")
    status, _out, err = run(["register", "take", "TB-VPCP", *where])
    assert status == ExitStatus.DATA_ERROR and "cai-dat.yaml:1:1" in err and "nằm ngoài dự án" in err
    assert not (tmp_path.parent / "ngoai.sqlite").exists()


@pytest.fixture
def numbers_kind(monkeypatch):
    kind = OutputKind("so", render=lambda job, res: {"so.txt": f"{job.notice.document.number}".encode()},
                      fonts=False)
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (kind,))


def test_take_numbers_at_build_time_gives_a_draft_the_next_number_for_good(numbers_kind, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(GOOD, data)
    out = tmp_path / "out"
    argv = ["build", str(data), "--out", str(out), "--jobs", "0"]
    status, _out, err = run([*argv, "--take-numbers"])
    assert status == 0, err
    assert "số 01/TB-VP" in err
    assert {p.parent.name: p.read_text() for p in out.glob("*/so.txt")} == {
        "day-du": "27", "du-thao": "1", "toi-thieu": "3"}  # only the draft took a number
    register = Register(data / "so-dang-ky.sqlite")
    [entry] = register.entries()
    assert (entry.label, entry.source, entry.year) == ("01/TB-VP", "du-thao.yaml", 2026)
    assert run([*argv, "--take-numbers", "--check"])[0] == 0
    text = (data / "du-thao.yaml").read_text(encoding="utf-8")
    (data / "du-thao.yaml").write_text(text.replace("Ghi nhận", "Ghi nhận đầy đủ"), encoding="utf-8")
    shutil.copy(GOOD / "du-thao.yaml", data / "du-thao-2.yaml")
    status, _out, err = run([*argv, "--take-numbers"])
    assert status == 0 and (out / "du-thao" / "so.txt").read_text() == "1"  # changed, same number
    assert (out / "du-thao-2" / "so.txt").read_text() == "2"
    assert [e.number for e in register.entries()] == [1, 2]
    status, stdout, _err = run([*argv, "--check"])  # without --take-numbers the drafts have no number
    assert status == 1 and "số văn bản (sổ đăng ký) đã đổi" in stdout
    assert run(argv)[0] == 0 and (out / "du-thao" / "so.txt").read_text() == "None"


def test_the_number_taken_is_printed_in_the_notice(monkeypatch, tmp_path):
    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (NOTICE_KIND,))
    shutil.copytree(GOOD, tmp_path / "data")
    status, _out, err = run(["build", str(tmp_path / "data" / "du-thao.yaml"), "--out", str(tmp_path / "out"),
                             "--take-numbers", "--register", str(tmp_path / "so.sqlite")])
    assert status == 0, err
    text = "\n".join(p.text for t in docx.Document(tmp_path / "out" / "du-thao" / "thong-bao.docx").tables
                     for row in t.rows for c in row.cells for p in c.paragraphs)
    assert "Số: 01/TB-VP" in text
    assert Register(tmp_path / "so.sqlite").entries()[0].source == "data/du-thao.yaml"


def test_extracts_take_their_numbers_in_the_copy_series(monkeypatch, tmp_path):
    """With --take-numbers, each extract without a trich_sao_so takes the next number of its
    copying agency's copy series, recorded with the notice and the agency: the same on a rebuild."""
    from baocao.build.outputs import EXTRACTS_KIND

    monkeypatch.setattr(outputs, "OUTPUT_KINDS", (EXTRACTS_KIND,))
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "thong-bao-467-tb-vpcp-2024.yaml", data / "tb.yaml")
    argv = ["build", str(data), "--out", str(tmp_path / "out"), "--jobs", "0", "--take-numbers"]
    status, _out, err = run(argv)
    assert status == 0, err
    entries = Register(data / "so-dang-ky.sqlite").entries()
    agencies = [e.source.split("#trich-sao/")[1] for e in entries]
    assert agencies and all(e.label.endswith("/TrS") and e.agency == "VPCP" for e in entries)
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))

    def numbers_printed() -> dict[str, str]:
        found = {}
        for agency in agencies:
            document = docx.Document(tmp_path / "out" / "tb" / "trich-sao" / f"{agency}.docx")
            cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
            found[agency] = next(text for text in cells if "/TrS-" in text)
        return found

    first = numbers_printed()
    assert first == {e.source.split("#trich-sao/")[1]: f"Số: {e.number:02d}/TrS-VPCP" for e in entries}
    assert run([*argv, "--force"])[0] == 0
    assert numbers_printed() == first and len(Register(data / "so-dang-ky.sqlite").entries()) == len(entries)
