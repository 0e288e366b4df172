"""The CI recipe and the pre-commit hooks run as written, in a copy of a repository.

The copy has data/, scripts/run.sh, pyproject.toml and this project's .venv (linked, so the
set-up step finds everything installed). The workflow's ``run:`` steps are run with bash for a
push to main, then for pull requests before and after someone edits data/ without rebuilding.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GOOD = Path(__file__).parent / "resources" / "good"
WORKFLOW = ROOT / "examples" / "ci" / "github-actions.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

pytestmark = pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "baocao").exists(),
                                reason="needs the project's .venv (bash scripts/run.sh setup)")


STAMP = ROOT / ".venv" / ".baocao-installed"   # written by scripts/run.sh after installing


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with the project's sample data/, its set-up script and its installed .venv."""
    if not STAMP.exists():
        pytest.skip("the .venv was not installed by scripts/run.sh")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    (repo / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "run.sh", repo / "scripts" / "run.sh")
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    stamp = STAMP.stat().st_mtime
    os.utime(repo / "pyproject.toml", (stamp - 1, stamp - 1))  # installed after it, as set-up leaves it
    (repo / ".venv").symlink_to(ROOT / ".venv")
    return repo


def notices(repo: Path) -> list[Path]:
    return sorted(p for p in (repo / "data").glob("*.yaml")
                  if p.name not in ("co-quan.yaml", "cai-dat.yaml") and not p.name.endswith(".tien-do.yaml"))


def steps_for(event: str) -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request", "push"}  # YAML 1.1 reads the key "on" as True
    [job] = workflow["jobs"].values()
    chosen = []
    for step in job["steps"]:
        condition = step.get("if")
        if condition is not None:
            match = re.fullmatch(r"github\.event_name == '(\w+)'", condition)
            assert match, condition
            if match.group(1) != event:
                continue
        chosen.append(step)
    return chosen


def run_steps(repo: Path, event: str) -> dict[str, int]:
    statuses = {}
    env = {**os.environ, "CI": "true"}
    for step in steps_for(event):
        if "run" in step:
            result = subprocess.run(["bash", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                                    timeout=600)
            statuses[step["run"]] = result.returncode
            step["stdout"], step["stderr"] = result.stdout, result.stderr
        elif step["uses"].startswith("actions/upload-artifact"):
            for path in step["with"]["path"].split():
                assert (repo / path).exists(), path
            assert (repo / "output" / ".baocao-manifest.json").is_file()
    return statuses


@pytest.mark.slow
def test_the_workflow_builds_on_main_and_checks_pull_requests(repo):
    pushed = run_steps(repo, "push")
    assert list(pushed.values()) == [0, 0], pushed
    count = len(notices(repo))
    summary = json.loads((repo / "build-summary.json").read_text(encoding="utf-8"))
    assert summary["ok"] and summary["counts"] == {"built": count}
    assert summary["verify"]["files"] >= 2 * count and summary["verify"]["failed"] == 0  # notices and extracts
    assert not any("bao-cao-tom-tat" in r["path"] for r in summary["verify"]["results"])  # not Decree 30 documents
    assert len(list((repo / "output").glob("*/thong-bao.pdf"))) == count
    assert list(run_steps(repo, "pull_request").values()) == [0, 0]
    with open(notices(repo)[0], "a", encoding="utf-8") as handle:
        handle.write("# sửa mà quên dựng lại\n")
    statuses = run_steps(repo, "pull_request")
    assert list(statuses.values()) == [0, 1]
    [check] = [s for s in steps_for("pull_request") if "--check" in s.get("run", "")]
    assert check["run"].startswith(".venv/bin/baocao build --check")


def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def run_hook(repo: Path, hook: dict, files: list[str]) -> subprocess.CompletedProcess:
    selected = [f for f in files if re.search(hook["files"], f) and not re.search(hook.get("exclude", "^$"), f)]
    entry = shlex.split(hook["entry"])
    command = [str(repo / ".venv" / "bin" / entry[0]), *entry[1:]]
    if hook.get("pass_filenames", True):
        command += selected
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=300)


def test_the_pre_commit_hooks(repo):
    shutil.rmtree(repo / "data")
    shutil.copytree(GOOD, repo / "data")
    found = hooks()
    assert set(found) == {"baocao-validate", "baocao-check", "baocao-build-check"}
    assert all(h["language"] == "python" and h["entry"].startswith("baocao ") for h in found.values())
    files = sorted(p.relative_to(repo).as_posix() for p in (repo / "data").rglob("*") if p.is_file())
    files.append(".github/workflows/baocao.yml")  # other YAML files are not notices
    result = run_hook(repo, found["baocao-validate"], files)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("OK:") == 5 and "workflows" not in result.stdout
    (repo / "data" / "sai.yaml").write_text("van_ban: {so: 012}\n", encoding="utf-8")
    result = run_hook(repo, found["baocao-validate"], [*files, "data/sai.yaml"])
    assert result.returncode == 2 and "sai.yaml:1:" in result.stderr
    (repo / "data" / "sai.yaml").unlink()
    result = run_hook(repo, found["baocao-build-check"], files)
    assert result.returncode == 1 and "chưa dựng" in result.stdout
    subprocess.run([str(repo / ".venv" / "bin" / "baocao"), "build", "--jobs", "1",
                    str(repo / "data" / "toi-thieu.yaml")], cwd=repo, check=True, capture_output=True)
    outputs = sorted(p.relative_to(repo).as_posix() for p in (repo / "output").rglob("*.*"))
    result = run_hook(repo, found["baocao-check"], outputs)
    assert result.returncode == 0, result.stdout
    assert "output/toi-thieu/thong-bao.docx" in result.stdout and "output/toi-thieu/thong-bao.pdf" in result.stdout


def test_ci_refuses_to_run_the_suite_without_its_tools(tmp_path):
    """Under CI a missing LibreOffice, Chromium or Tesseract stops the suite instead of skipping
    the tests that need them; outside CI those tests skip."""
    import sys

    (tmp_path / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    shutil.copy2(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    bare = {"PATH": str(tmp_path), "HOME": str(tmp_path)}           # no soffice, chromium, tesseract
    refused = subprocess.run(run, env={**bare, "CI": "true"}, capture_output=True, text=True, cwd=tmp_path)
    assert refused.returncode == 1 and "thiếu công cụ" in refused.stdout + refused.stderr
    assert "LibreOffice" in refused.stdout + refused.stderr and "tesseract" in refused.stdout + refused.stderr
    assert subprocess.run(run, env=bare, capture_output=True, text=True, cwd=tmp_path).returncode == 0
    assert subprocess.run(run, env={"PATH": os.environ["PATH"], "CI": "true"}, capture_output=True,
                          cwd=tmp_path).returncode == 0                  # this machine has them all
