"""Measuring an import: the words of a notice as text and as a built DOCX, their fidelity, and the
assignments of a notice as names (keys differ between a hand-written file and an imported one)."""
from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

from baocao.vi.text import fold_vi

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def words(text: str) -> list[str]:
    """Words compared without case and with the old and new tone placement as one ("HOÀ" = "hòa"):
    the words, not their layout, punctuation or capitals."""
    return re.findall(r"[^\W_]+", fold_vi(text))


def fidelity(source: list[str], built: list[str]) -> float:
    """2·matched / (len(source) + len(built)) over the longest common word sequence (difflib)."""
    if not source and not built:
        return 1.0
    matcher = difflib.SequenceMatcher(None, source, built, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(source) + len(built))


def docx_text(path: Path, from_title: bool = False, to_signer: bool = True) -> str:
    """Every line of a DOCX in reading order: paragraphs and table cells (left to right, row by
    row). *from_title*: start at "THÔNG BÁO"; *to_signer*: stop after the closing table (what
    follows the signature, an appendix, is left out)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    lines: list[str] = []
    tables = 0
    closing_seen = False
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            if closing_seen and to_signer:
                break
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            tables += 1
            table = Table(child, document)
            seen: list = []           # the cells' XML elements, kept alive so "is" compares them
            cell_lines = []
            for row in table.rows:
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):     # a merged cell, seen already
                        continue
                    seen.append(cell._tc)
                    cell_lines += [p.text for p in cell.paragraphs]
            lines += cell_lines
            if any(re.match(r"\s*Nơi nhận", t) for t in cell_lines):
                closing_seen = True
    if from_title:
        start = next(i for i, line in enumerate(lines) if line.strip() == "THÔNG BÁO")
        lines = lines[start:]
    return "\n".join(line for line in lines if line.strip())


def project_copy(tmp: Path) -> Path:
    """A copy of data/ without its notices: the project registry and settings, for importing into."""
    folder = tmp / "data"
    folder.mkdir()
    for name in ("co-quan.yaml", "cai-dat.yaml"):
        if (DATA / name).exists():
            shutil.copy(DATA / name, folder / name)
    return folder


def assignments(notice, registry) -> list[tuple]:
    """(lead, coordinators, deadlines) of every task, agencies by name, in document order."""
    from baocao.data.validate import iter_assignments

    names = {**registry.agencies, **notice.agencies}
    return [(names[t.lead].name, tuple(names[k].name for k in t.coordinators), tuple(str(d) for d in t.deadlines))
            for t in iter_assignments(notice)]


def import_into(source: Path, folder: Path, name: str | None = None, ocr: bool = False):
    """Import *source* into the project *folder* as baocao import -o would; returns the YAML path
    and what was recognised."""
    from baocao.importer.pipeline import import_notice, write_checked

    target = folder / (name or f"{source.stem}.yaml")
    text, imported = import_notice(source, target, ocr=ocr)
    write_checked(text, imported, target, force=False)
    return target, imported


def rebuild_docx(path: Path, out: Path) -> tuple[Path, object, object]:
    """Validate the notice at *path* and render its DOCX into *out*: (docx, notice, registry)."""
    from baocao.build.outputs import notice_document
    from baocao.data.validate import load_notice
    from baocao.render.docx import render_docx
    from baocao.settings import layout_for

    notice, registry, _warnings = load_notice(path)
    doc = notice_document(notice, registry, layout_for(notice, path.parent), path)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{path.stem}.docx"
    target.write_bytes(render_docx(doc))
    return target, notice, registry


def inserted_words(source: list[str], built: list[str]) -> list[str]:
    """Words the built notice has that the source has not, in order."""
    matcher = difflib.SequenceMatcher(None, source, built, autojunk=False)
    return [w for op, _i1, _i2, j1, j2 in matcher.get_opcodes() if op in ("insert", "replace") for w in built[j1:j2]]
