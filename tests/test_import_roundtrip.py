"""Round trip on every sample in data/: build → import the built DOCX (and PDF) → build again.

The second build must print the same paragraphs with the same words as the first (header,
trích yếu, body, Nơi nhận, signer), and the imported data must hold the same assignments as the
hand-written sample: every task's lead, coordinators and deadlines, agencies compared by name
(keys of bodies a notice adds are made up anew by the import).
"""
from __future__ import annotations

import pytest
from import_helpers import assignments, import_into, project_copy, rebuild_docx
from real_text import docx_parts
from rendered import built, loaded, sample_notices

SAMPLES = sample_notices()


@pytest.fixture(scope="module", params=[(p, kind) for p in SAMPLES for kind in ("docx", "pdf")],
                ids=[f"{p.stem}-{kind}" for p in SAMPLES for kind in ("docx", "pdf")])
def round_trip(request, tmp_path_factory):
    path, kind = request.param
    first = built(path)
    folder = project_copy(tmp_path_factory.mktemp("nhap"))
    target, imported = import_into(first[kind], folder, path.name)
    second, notice, registry = rebuild_docx(target, folder / "out")
    return path, first["docx"], second, notice, registry, imported


def test_same_paragraphs_and_words(round_trip):
    _path, first, second, *_ = round_trip
    a, b = docx_parts(first), docx_parts(second)
    assert b.body == a.body
    assert b.summary == a.summary
    assert b.header == a.header
    assert b.recipients == a.recipients
    assert b.signer == a.signer


def test_same_assignments(round_trip):
    path, _first, _second, notice, registry, imported = round_trip
    original, original_registry, _layout = loaded(path)
    expected = assignments(original, original_registry)
    assert assignments(notice, registry) == expected
    assert imported.tasks >= len({t[0] for t in expected})


def test_written_out_in_full(round_trip):
    """The words are data as written: nothing generated around them, nothing to re-check by hand."""
    *_, notice, _registry, imported = round_trip
    assert notice.body.lead_style == "nguyen-van"
    assert imported.to_check == 0
