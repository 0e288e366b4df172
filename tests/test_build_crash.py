"""Kill the build anywhere, many times: output/ only ever holds complete sets, old or new.

Each run switches the data between two versions (A and B, whose documents differ) and builds
in a separate process that is killed: at a random moment (SIGKILL, SIGTERM or Ctrl-C's SIGINT),
or exactly inside the write phase through the BAOCAO_FAULT points of baocao.build.write (after a
file of a set, after a set is staged, after the exchange, around the two renames used where the
system cannot exchange, before the manifest is renamed into place). After every run each
notice's folder must equal its A set or its B set byte for byte, every DOCX must open and every
PDF parse; after the next complete build no temporary file may remain and nothing is stale.
"""
from __future__ import annotations

import io
import itertools
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pypdfium2
import pytest

from baocao.build.plan import MANIFEST_NAME
from baocao.build.write import recover

GOOD = Path(__file__).parent / "resources" / "good"
NOTICES = ("day-du", "du-thao", "toi-thieu")
RUNS = 24
NO_EXCHANGE = "from baocao.build import write; write.exchange = lambda a, b: False; "
RUNNER = "import sys; {patch}from baocao.cli import main; sys.exit(main(sys.argv[1:]))"
# point → how many times a build of the three notices reaches it
POINTS = {"file": 6, "staged": 3, "exchanged": 3, "replace": 1}
FALLBACK_POINTS = {"moved-aside": 3, "renamed": 3}

pytestmark = pytest.mark.slow


def write_version(data: Path, version: str) -> None:
    for name in NOTICES:
        path = data / f"{name}.yaml"
        text = (GOOD / f"{name}.yaml").read_text(encoding="utf-8")
        if version == "B":
            text = re.sub(r"(?m)^(  thong_bao_den: ).*$", r"\1các đơn vị thuộc Bộ và các địa phương", text)
        path.write_text(text, encoding="utf-8")


def command(out: Path, data: Path, no_exchange: bool = False) -> list[str]:
    runner = RUNNER.format(patch=NO_EXCHANGE if no_exchange else "")
    return [sys.executable, "-c", runner, "build", str(data), "--out", str(out), "--jobs", "2", "--as-of", "2026-03-27"]


def sets(out: Path) -> dict[str, dict[str, bytes]]:
    return {folder.name: {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
                          if p.is_file()}
            for folder in sorted(out.iterdir()) if folder.is_dir() and not folder.name.startswith(".")}


def leftovers(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.name.startswith((".baocao-new-", ".baocao-old-")) or p.name.endswith(".tmp"))


def assert_complete(out: Path, reference: dict[str, dict[str, dict[str, bytes]]], run: str) -> None:
    found = sets(out)
    assert sorted(found) == sorted([*NOTICES, "tong-hop"]), run  # the notices and the folder's summary
    for name, files in found.items():
        assert files in (reference["A"][name], reference["B"][name]), f"{run}: {name} is a partial or mixed set"
        for rel, data in files.items():
            if rel.endswith(".docx"):
                assert docx.Document(io.BytesIO(data)).paragraphs, (run, name, rel)
            elif rel.endswith(".pdf"):
                assert len(pypdfium2.PdfDocument(data)) >= 1, (run, name, rel)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, dict[str, dict[str, bytes]]]:
    """The complete sets of versions A and B, built without interruption."""
    root = tmp_path_factory.mktemp("reference")
    data = root / "data"
    shutil.copytree(GOOD, data)
    result = {}
    for version in ("A", "B"):
        write_version(data, version)
        subprocess.run(command(root / version, data), check=True, capture_output=True, timeout=300)
        result[version] = sets(root / version)
    assert all(result["A"][n] != result["B"][n] for n in NOTICES) and "tong-hop" in result["A"]
    return result


def test_killing_the_build_never_leaves_a_partial_or_mixed_set(reference, tmp_path):
    rng = random.Random(20260116)
    data = tmp_path / "data"
    out = tmp_path / "output"
    shutil.copytree(GOOD, data)
    write_version(data, "A")
    subprocess.run(command(out, data), check=True, capture_output=True, timeout=300)
    killed_at: set[str] = set()
    cycle = itertools.cycle([*POINTS, *FALLBACK_POINTS])
    for run in range(RUNS):
        target = "B" if run % 2 == 0 else "A"
        write_version(data, target)
        env = dict(os.environ)
        point = next(cycle) if run % 3 != 2 else None
        no_exchange = point in FALLBACK_POINTS if point else rng.random() < 0.3
        if point is None:  # a signal at a random moment
            how = rng.choice([signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
            process = subprocess.Popen(command(out, data, no_exchange), env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(rng.uniform(0.3, 2.0))
            try:
                os.killpg(process.pid, how)  # the whole group, as a terminal's Ctrl-C or a CI timeout does
            except ProcessLookupError:
                pass
            process.wait(timeout=60)
            label = f"run {run}: {signal.Signals(how).name}"
            # finished first, killed, or stopped cleanly with the shell's status for the signal
            assert process.returncode in (0, -how, 128 + how), (label, process.returncode)
        else:
            env["BAOCAO_FAULT"] = f"{point}:{rng.randint(1, {**POINTS, **FALLBACK_POINTS}[point])}"
            process = subprocess.run(command(out, data, no_exchange), env=env, capture_output=True, timeout=300)
            label = f"run {run}: {env['BAOCAO_FAULT']}" + (" (two renames)" if no_exchange else "")
            # 0: the build never reached the point (say, nothing left to write for the manifest)
            assert process.returncode in (0, -signal.SIGKILL), (label, process.stderr.decode())
            if process.returncode == -signal.SIGKILL:
                killed_at.add(point)
        if no_exchange and sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) != \
                sorted([*NOTICES, "tong-hop"]):
            recover(out)  # between the two renames the slot is empty; the next build puts the old set back
        assert_complete(out, reference, label)
        if run % 2 == 1:
            finished = subprocess.run(command(out, data), capture_output=True, timeout=300)
            assert finished.returncode == 0, finished.stderr.decode()
            assert leftovers(out) == [], label
            assert sets(out) == reference[target], label
            check = subprocess.run([*command(out, data), "--check"], capture_output=True, timeout=120)
            assert check.returncode == 0, check.stdout.decode()
    assert {"file", "staged", "exchanged", "moved-aside", "renamed"} <= killed_at, killed_at


def test_recover_puts_back_an_old_set_whose_replacement_never_arrived(tmp_path):
    out = tmp_path / "output"
    (out / ".baocao-old-toi-thieu.k3j2h1").mkdir(parents=True)
    (out / ".baocao-old-toi-thieu.k3j2h1" / "thong-bao.pdf").write_bytes(b"%PDF-old")
    (out / ".baocao-new-toi-thieu.a8b7c6").mkdir()
    (out / ".baocao-new-toi-thieu.a8b7c6" / "thong-bao.pdf").write_bytes(b"%PDF-ha")
    (out / "day-du").mkdir()
    (out / "day-du" / ".thong-bao.docx.x1y2z3.tmp").write_bytes(b"PK")
    (out / "day-du" / "thong-bao.docx").write_bytes(b"PK-current")
    (out / ".baocao-old-day-du.q1w2e3").mkdir()
    (out / f".{MANIFEST_NAME}.r4t5y6.tmp").write_bytes(b"{")
    (out / "ghi-chu.txt").write_text("của người dùng", encoding="utf-8")
    recover(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "day-du", "day-du/thong-bao.docx", "ghi-chu.txt", "toi-thieu", "toi-thieu/thong-bao.pdf"]
    assert (out / "toi-thieu" / "thong-bao.pdf").read_bytes() == b"%PDF-old"
