"""Start-up cost: each command imports only what it needs; WeasyPrint's library lookup is cheap
and finds the same libraries."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = Path(__file__).parent / "resources" / "good"
HEAVY = ("weasyprint", "baocao.check", "pdfplumber", "pypdf", "pypdfium2")
RENDERING = ("fontTools", "docx")   # the DOCX writer and font metrics: not for --help or a no-op build


def imported(*argv: str, cwd: Path | None = None) -> set[str]:
    """The modules ``python -X importtime -m baocao ARGV`` imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "baocao", *argv], capture_output=True,
                            text=True, timeout=120, cwd=cwd)
    return {m.group(1) for m in re.finditer(r"^import time:.*\|\s+(\S+)$", result.stderr, re.M)}


def heavy(modules: set[str], also: tuple[str, ...] = ()) -> set[str]:
    return {m for m in modules if m.split(".")[0] in (*HEAVY, *also) or m.startswith("baocao.check")}


def test_help_and_validate_import_neither_weasyprint_nor_the_checker():
    assert heavy(imported("--help"), RENDERING) == set()
    assert "pydantic" not in imported("--help")
    assert heavy(imported("validate", str(GOOD / "toi-thieu.yaml"))) == set()
    assert heavy(imported("register", "list", "--data", str(GOOD))) == set()


def test_check_loads_the_checker_but_not_weasyprint():
    modules = imported("check", "--help")
    assert "baocao.check.command" in modules and "weasyprint" not in modules


def test_a_build_with_nothing_to_do_reads_no_notice_and_renders_nothing(tmp_path):
    shutil.copytree(GOOD, tmp_path / "data")
    subprocess.run([sys.executable, "-m", "baocao", "build", "--jobs", "1"], cwd=tmp_path, check=True,
                   capture_output=True, timeout=120)
    modules = imported("build", cwd=tmp_path)
    assert heavy(modules, ("docx",)) == set() and "pydantic" not in modules
    assert heavy(imported("build", "--check", cwd=tmp_path)) == set()


PROBE = """
import json, subprocess, sys
calls = []
real = subprocess.Popen.__init__
def counting(self, args, *a, **k):
    calls.append(args[0] if isinstance(args, (list, tuple)) else args)
    return real(self, args, *a, **k)
subprocess.Popen.__init__ = counting
if sys.argv[1] == "quick":
    import baocao.build.warm
else:
    import weasyprint
libraries = sorted({line.split()[-1] for line in open("/proc/self/maps")
                    if any(n in line for n in ("libpango", "libgobject", "libharfbuzz", "libfontconfig"))})
print(json.dumps({"calls": calls, "libraries": libraries}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick lookup is for Linux")
def test_the_quick_library_lookup_loads_the_same_libraries_with_one_process():
    standard, quick = (json.loads(subprocess.run([sys.executable, "-c", PROBE, how], capture_output=True,
                                                 text=True, check=True, timeout=120).stdout)
                       for how in ("standard", "quick"))
    assert quick["libraries"] == standard["libraries"] and len(quick["libraries"]) >= 4
    assert len(standard["calls"]) > 10
    assert len(quick["calls"]) == 1 and quick["calls"][0].endswith("ldconfig")
