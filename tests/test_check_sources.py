"""Documents from other producers: typed in LibreOffice Writer, and baocao's own renderers."""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from baocao.build.briefing import is_briefing_output

from baocao.check import FAIL, PASS, check_file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FODT = HERE / "check_corpus" / "notice_lo.fodt"


def _soffice(src: Path, fmt: str, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = tempfile.mkdtemp(prefix="baocao-check-lo-")
    try:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(out_dir), str(src)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = out_dir / (src.stem + "." + fmt)
    return out if out.exists() and out.stat().st_size > 0 else None


@pytest.fixture(scope="module")
def writer_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("writer")
    docx_path = _soffice(FODT, "docx", d)
    if docx_path is None:
        pytest.skip("cần LibreOffice (soffice) để chuyển tệp .fodt sang .docx")
    pdf_dir = d / "pdf"
    pdf_dir.mkdir()
    return docx_path, _soffice(docx_path, "pdf", pdf_dir)


@pytest.mark.soffice
def test_docx_typed_in_libreoffice(writer_files):
    docx_path, _ = writer_files
    report = check_file(str(docx_path))
    assert not report.failed, [f"{f.rule}: {f.message}" for f in report.failed]
    for rule in ("R8", "R9", "R11", "R13", "R17", "R20", "R22", "R23", "R30", "R33", "R37", "R40"):
        assert report.finding(rule).status == PASS, report.finding(rule).message


@pytest.mark.soffice
def test_its_pdf_reads_the_same(writer_files):
    docx_path, pdf_path = writer_files
    assert pdf_path is not None
    a = {f.rule: f.status for f in check_file(str(docx_path)).findings}
    b = {f.rule: f.status for f in check_file(str(pdf_path)).findings}
    assert a == b


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every sample notice under data/, built by baocao itself."""
    from baocao.cli import main

    out, err = tmp_path_factory.mktemp("rendered"), io.StringIO()
    status = main(["build", str(ROOT / "data"), "--out", str(out)], io.StringIO(), err)
    files = sorted(p for p in out.rglob("*") if p.suffix in (".docx", ".pdf") and not is_briefing_output(p))
    assert status == 0 and files, err.getvalue()       # the samples must build: a failure is no skip
    return files


@pytest.fixture(scope="module")
def rendered_draft(tmp_path_factory):
    """A sample notice built as a draft: number, day and month left out of the data."""
    import re

    from baocao.cli import main

    source = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"
    text = source.read_text(encoding="utf-8")
    head, sep, rest = text.partition("van_ban:")
    block, _, tail = rest.partition("\n\n")
    draft = re.sub(r"(?m)^  so: .*\n", "", block)
    draft = re.sub(r"(?m)^  ngay: (\d{4}).*$", r"  nam: \1", draft)
    assert draft != block, "the sample's number and day were not found to leave out"
    folder = tmp_path_factory.mktemp("draft")
    for extra in ("co-quan.yaml", "cai-dat.yaml"):
        if (ROOT / "data" / extra).exists():
            (folder / extra).write_text((ROOT / "data" / extra).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "du-thao.yaml").write_text(head + sep + draft + "\n\n" + tail, encoding="utf-8")
    out = folder / "out"
    err = io.StringIO()
    status = main(["build", str(folder / "du-thao.yaml"), "--out", str(out)], io.StringIO(), err)
    files = sorted(p for p in out.rglob("*") if p.suffix in (".docx", ".pdf") and not is_briefing_output(p))
    assert status == 0 and files, err.getvalue()
    return files


def test_rendered_draft_passes(rendered_draft):
    for path in rendered_draft:
        report = check_file(str(path))
        assert not report.failed, [f"{path.name} {f.rule}: {f.message}" for f in report.failed]
        assert report.finding("R15").status == "SKIP" and report.finding("R18").status == "SKIP"


def test_every_rendered_file_passes(rendered):
    problems = []
    for path in rendered:
        report = check_file(str(path))
        problems += [f"{path.parent.name}/{path.name} {f.rule}: {f.message}" for f in report.findings
                     if f.status == FAIL]
    assert not problems, "\n".join(problems)


def test_rendered_docx_and_pdf_agree(rendered):
    by_stem: dict[Path, dict[str, Path]] = {}
    for path in rendered:
        by_stem.setdefault(path.with_suffix(""), {})[path.suffix] = path
    for stem, pair in by_stem.items():
        if set(pair) != {".docx", ".pdf"}:
            continue
        a = {f.rule: f.status for f in check_file(str(pair[".docx"])).findings}
        b = {f.rule: f.status for f in check_file(str(pair[".pdf"])).findings}
        differ = {r: (a[r], b[r]) for r in a if a[r] != b[r]}
        assert not differ, f"{stem.name}: {differ}"
