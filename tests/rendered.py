"""Renders every sample notice under data/ once per test process, for the renderer tests."""
from __future__ import annotations

import functools
import re
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# The real VPCP notice of 10/01/2026 (shared/seeds/003_…), kept in the repository so the tests
# that read it run on any clone.
SEED_003 = ROOT / "tests" / "resources" / "real" / "seed-003_9950eaa04dff7f08.txt"
NON_NOTICES = {"co-quan.yaml", "cai-dat.yaml"}


def sample_notices() -> list[Path]:
    return sorted(p for p in DATA.glob("*.yaml") if p.name not in NON_NOTICES and not p.name.endswith(".tien-do.yaml"))


@functools.cache
def loaded(path: Path):
    from baocao.data.validate import load_notice
    from baocao.settings import layout_for

    notice, registry, _warnings = load_notice(path)
    return notice, registry, layout_for(notice, path.parent)


@functools.cache
def built_files(path: Path) -> tuple[Path, ...]:
    """Every file of one sample notice (the notice and its extracts), rendered into a temporary folder."""
    from baocao.build.outputs import build_notice

    notice, registry, layout = loaded(path)
    out = Path(tempfile.mkdtemp(prefix="baocao-render-"))
    return tuple(build_notice(notice, registry, layout, path, out))


def built(path: Path) -> dict[str, Path]:
    """{"docx": path, "pdf": path} of one sample notice."""
    return {f.suffix.lstrip("."): f for f in built_files(path) if f.stem == "thong-bao"}


def built_extracts(path: Path) -> dict[str, dict[str, Path]]:
    """{agency key: {"docx": path, "pdf": path}} of the extracts of one sample notice."""
    out: dict[str, dict[str, Path]] = {}
    for f in built_files(path):
        if f.parent.name == "trich-sao" and f.suffix in (".docx", ".pdf"):
            out.setdefault(f.stem, {})[f.suffix.lstrip(".")] = f
    return out


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
