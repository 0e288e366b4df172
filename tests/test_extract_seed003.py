"""The extracts of seed 003 (data/thong-bao-15-tb-vpcp.yaml), held against the data itself.

What each extract must hold is worked out here from the YAML alone (a plain, text-only load, not
baocao's model): the numbered items whose lead or coordinators — their own or inherited — name the
agency, the general directives addressed to "các bộ, ngành, địa phương liên quan" (copied to every
extract by default, docs/extracts.md), and the lead-in of the khoản above them. The built DOCX and
PDF must hold exactly those items, each word for word as the notice prints it, with its number.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdfium2
import pytest
import yaml
from docx import Document

from rendered import ROOT, built, built_extracts

NOTICE = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"
GENERAL = {"cac-bo-nganh-dia-phuong", "cac-bo-nganh-dia-phuong-lien-quan"}
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
Y_MARK = re.compile(r"\((i{1,3}|iv|v|vi{1,3}|ix|x)\) ")


class _TextLoader(yaml.SafeLoader):
    """Every scalar stays text."""


_TextLoader.yaml_implicit_resolvers = {}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def items_of_data() -> dict[tuple, tuple[str | None, tuple[str, ...]]]:
    """{(khoản, điểm?, ý?): (lead, coordinators)} with what each numbered node inherits."""
    with open(NOTICE, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_TextLoader)
    out: dict[tuple, tuple[str | None, tuple[str, ...]]] = {}

    def visit(node, number: tuple, lead, partners):
        if isinstance(node, dict) and node.get("chu_tri"):
            lead, partners = node["chu_tri"], tuple(_as_list(node.get("phoi_hop")))
        out[number] = (lead, partners)
        if not isinstance(node, dict):
            return
        for k, child in enumerate(_as_list(node.get("diem"))):
            visit(child, (*number, LETTERS[k]), lead, partners)
        for k, child in enumerate(_as_list(node.get("y"))):
            visit(child, (*number, ROMAN[k]), lead, partners)

    for k, clause in enumerate(data["noi_dung"]["khoan"], 1):
        visit(clause, (str(k),), None, ())
    return out


ITEMS = items_of_data()
AGENCIES = sorted({key for lead, partners in ITEMS.values() for key in (lead, *partners)
                   if key is not None and key not in GENERAL})


def expected_items(agency: str) -> set[tuple]:
    named = {n for n, (lead, partners) in ITEMS.items() if agency == lead or agency in partners or lead in GENERAL}
    return named | {n[:k] for n in named for k in range(1, len(n))}


def body_paragraphs(path: Path) -> list[str]:
    """The paragraphs of the copied content: top-level paragraphs from the opening on."""
    texts = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    start = next(i for i, t in enumerate(texts) if t.startswith(("Ngày ", "…")) or re.match(r"^\d+\. ", t))
    return texts[start:]


def items_present(paragraphs: list[str]) -> set[tuple]:
    found: set[tuple] = set()
    khoan = point = None
    for text in paragraphs:
        k = re.match(r"^(\d+)\. ", text)
        d = re.match(r"^([a-zđ])\) ", text)
        if k:
            khoan, point = k.group(1), None
            found.add((khoan,))
        elif d:
            point = d.group(1)
            found.add((khoan, point))
        for y in Y_MARK.findall(text):
            found.add((khoan, point, y) if point else (khoan, y))
    return found


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return _norm(" ".join(page.get_textpage().get_text_range() for page in pdf))
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def extracts():
    return built_extracts(NOTICE)


@pytest.fixture(scope="module")
def notice_paragraphs() -> list[str]:
    return [p.text for p in Document(str(built(NOTICE)["docx"])).paragraphs if p.text.strip()]


def test_an_extract_for_every_agency_named_and_no_other(extracts):
    assert sorted(extracts) == AGENCIES
    assert "vcci" not in extracts and "bo-tu-phap" not in extracts     # in Nơi nhận / not named at all
    assert "cac-bo-nganh-dia-phuong-lien-quan" not in extracts         # its items are in every extract
    assert all(set(files) == {"docx", "pdf"} for files in extracts.values())


@pytest.mark.parametrize("agency", AGENCIES)
def test_items_are_exactly_those_naming_the_agency(extracts, agency):
    present = items_present(body_paragraphs(extracts[agency]["docx"]))
    assert present == expected_items(agency)


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_paragraph_is_the_original_word_for_word(extracts, notice_paragraphs, agency):
    paragraphs = body_paragraphs(extracts[agency]["docx"])
    copied = [t for t in paragraphs if t != "…"]
    assert copied and all(t in notice_paragraphs for t in copied)
    # in the original's order, "…" where something was left out, the closing sentence last
    positions = [notice_paragraphs.index(t) for t in copied]
    assert positions == sorted(positions)
    for text, after in zip(paragraphs, paragraphs[1:]):
        if text != "…" and after != "…":
            assert notice_paragraphs.index(after) == notice_paragraphs.index(text) + 1, (text[:40], after[:40])
    assert paragraphs[-1].endswith("./.")


@pytest.mark.parametrize("agency", AGENCIES)
def test_the_pdf_says_the_same(extracts, notice_paragraphs, agency):
    text = pdf_text(extracts[agency]["pdf"])
    paragraphs = body_paragraphs(extracts[agency]["docx"])
    for paragraph in paragraphs:
        assert _norm(paragraph) in text
    for other in notice_paragraphs:
        if other not in paragraphs and re.match(r"^(\d+\.|[a-zđ]\)) ", other):
            assert _norm(other) not in text, other[:50]


@pytest.mark.parametrize("agency", AGENCIES)
def test_roles_in_the_copy_nơi_nhận(extracts, agency):
    """The agency's role is stated where a văn thư states it: in the copy's Nơi nhận."""
    tables = Document(str(extracts[agency]["docx"])).tables
    cells = [c.text for c in tables[-1].rows[-1].cells]
    leads = sorted({n[1] for n, (lead, _p) in ITEMS.items() if lead == agency and len(n) >= 2})
    partners = sorted({n[1] for n, (_l, p) in ITEMS.items() if agency in p and len(n) >= 2})
    entry = next(line for line in cells[0].splitlines() if line.startswith("- ") and "Lưu" not in line)
    if leads:
        assert "chủ trì: điểm " + ", ".join(LETTERS[i] for i in sorted(LETTERS.index(x) for x in leads)) in entry
    if partners:
        assert "phối hợp: điểm " + ", ".join(partners) in entry
