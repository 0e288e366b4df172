"""The encoded seed 003 (data/thong-bao-15-tb-vpcp.yaml) against the text of the real notice.

The seed text (tests/resources/real/seed-003_…, a copy of shared/seeds/003_…) is parsed here on its own: khoản
start a line with "1. ", điểm with "a) ", sub-points are marked "(i) ", "(ii) " … inside the
paragraph. Every khoản and điểm of the data must match one of the seed, every assignment's lead
agency, coordinators and deadline phrase must occur in the paragraph (or sub-point) it belongs
to, and every number of the seed must be in the data.

Paragraph-for-paragraph equality of the built DOCX and PDF with the seed is in
test_real_notices.py; here the data itself is held against the seed.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from rendered import SEED_003

from baocao.data.model import PLACEHOLDER, Item, Notice, Registry
from baocao.vi.deadline_text import mentions
from baocao.vi.deadlines import Deadline

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTICE_FILE = DATA / "thong-bao-15-tb-vpcp.yaml"
REGISTRY_FILE = DATA / "co-quan.yaml"

LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h"]
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]

# Every assignment of the seed: (khoản, điểm, ý or None, lead, coordinators, extra, deadlines,
# report to). An ý is listed when it carries its own deadline or report line.
EXPECTED_ASSIGNMENTS = [
    (5, "a", None, "bo-ngoai-giao", [], None, [], None),
    (5, "a", "iii", "bo-ngoai-giao", [], None, ["2026-03"], "thu-tuong-chinh-phu"),
    (5, "b", None, "bo-cong-thuong", [], "các cơ quan liên quan", [], None),
    (5, "b", "i", "bo-cong-thuong", [], None, ["2026-Q1"], None),
    (5, "b", "ii", "bo-cong-thuong", [], None, ["2026-Q1"], None),
    (5, "c", None, "bo-nong-nghiep-va-moi-truong", [], None, ["truoc 2026-02-05", "2026"], None),
    (5, "d", None, "bo-khoa-hoc-va-cong-nghe", [], "các Bộ, cơ quan liên quan", [], None),
    (5, "đ", None, "bo-xay-dung", ["bo-ngoai-giao", "bo-tai-chinh"], "các cơ quan liên quan",
     ["2026-06", "2026"], None),
    (5, "e", None, "ubnd-cac-tinh-thanh-pho", [], None, [], None),
    (5, "g", None, "cac-bo-nganh-dia-phuong-lien-quan", [], None, [], None),
    (5, "g", "iv", "cac-bo-nganh-dia-phuong-lien-quan", [], None, ["2026"], None),
    (5, "h", None, "bo-ngoai-giao", ["van-phong-chinh-phu"], None, ["2026-02"], "thu-tuong-chinh-phu"),
]


# --- loading ---------------------------------------------------------------------------------

class _TextLoader(yaml.SafeLoader):
    """Every scalar stays text, as the project's loader reads it."""


_TextLoader.yaml_implicit_resolvers = {}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _yaml(path: Path):
    with open(path, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_TextLoader)


try:  # the project's loader and checks; a plain text-only YAML load where they are missing
    from baocao.data.validate import load_notice, load_registry
except ImportError:  # pragma: no cover
    load_notice = load_registry = None


@pytest.fixture(scope="module")
def notice() -> Notice:
    if load_notice is None:
        return Notice.model_validate(_yaml(NOTICE_FILE))
    loaded, _registry, warnings = load_notice(NOTICE_FILE)
    assert all(w.warning for w in warnings)
    return loaded


@pytest.fixture(scope="module")
def registry() -> Registry:
    if load_registry is None:
        return Registry.model_validate(_yaml(REGISTRY_FILE))
    return load_registry(REGISTRY_FILE)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_003.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> dict:
    """The seed split into opening, khoản (text + điểm) and closing, whitespace folded."""
    head, rest = seed_text.split("kết luận như sau:", 1)
    body, _ = rest.split("Văn phòng Chính phủ thông báo", 1)
    clauses: dict[int, dict] = {}
    current: list[str] | None = None
    for line in body.splitlines():
        k = re.match(r"^\s*(\d+)\. (.*)$", line)
        d = re.match(r"^\s*([a-zđ])\) (.*)$", line)
        if k:
            clauses[int(k.group(1))] = {"text": [k.group(2)], "diem": {}}
            current = clauses[int(k.group(1))]["text"]
        elif d:
            clause = clauses[max(clauses)]
            clause["diem"][d.group(1)] = [d.group(2)]
            current = clause["diem"][d.group(1)]
        elif current is not None:
            current.append(line)
    return {
        "opening": _norm(head[head.index("Ngày "):] + "kết luận như sau:"),
        "summary": _norm(head[:head.index("________")].replace("THÔNG BÁO", "", 1)),
        "khoan": {n: {"text": _norm(" ".join(c["text"])),
                      "diem": {letter: _norm(" ".join(p)) for letter, p in c["diem"].items()}}
                  for n, c in clauses.items()},
        "closing": _norm(rest.split("Văn phòng Chính phủ thông báo", 1)[1].split("./.", 1)[0]),
        "all": _norm(seed_text),
    }


def _paragraph(seed: dict, khoan: int, diem: str | None) -> str:
    return seed["khoan"][khoan]["diem"][diem] if diem else seed["khoan"][khoan]["text"]


def _sub_points(paragraph: str) -> dict[str, str]:
    """"… (i) A; (ii) B" → {"i": "A;", "ii": "B"} (the text between the markers)."""
    parts = re.split(r"\((i{1,3}|iv|v|vi{1,3})\) ", paragraph)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


# --- the walk over the data ------------------------------------------------------------------

def _fragments(item: Item) -> list[str]:
    """The literal text pieces of an item (text split at {thoi_han} marks, sub-points, tail)."""
    out = [p for p in PLACEHOLDER.split(" ".join(item.text)) if p and not p.isdigit()]
    for sub in item.sub_points:
        out += _fragments(sub)
    out += list(item.tail)
    return [_norm(p) for p in out if _norm(p)]


def _assignments(notice: Notice) -> list[tuple]:
    found = []
    for k, clause in enumerate(notice.body.clauses, 1):
        for letter, point in zip(LETTERS, clause.points):
            if point.lead:
                found.append((k, letter, None, point.lead, point.coordinators, point.coordinators_extra,
                              [d.compact() for d in point.deadlines],
                              point.report_to))
            for numeral, sub in zip(ROMAN, point.sub_points):
                if sub.deadlines or sub.report_to or sub.lead:
                    found.append((k, letter, numeral, sub.lead or point.lead, sub.coordinators,
                                  sub.coordinators_extra, [d.compact() for d in sub.deadlines],
                                  sub.report_to))
    return found


# --- tests -----------------------------------------------------------------------------------

def test_document_numbers(notice: Notice) -> None:
    doc = notice.document
    assert doc.agency == "van-phong-chinh-phu"
    assert (doc.number, doc.symbol, doc.date.isoformat()) == (15, "TB-VPCP", "2026-01-16")
    assert notice.meeting.date.isoformat() == "2026-01-10"
    assert (notice.archive.units, notice.archive.copies, notice.archive.drafter) == (["QHQT"], 2, "Huy")
    signer = notice.signer
    assert (signer.authority, signer.on_behalf, signer.titles, signer.name) == (
        "KT", "BỘ TRƯỞNG, CHỦ NHIỆM", ["PHÓ CHỦ NHIỆM"], "Nguyễn Sỹ Hiệp")


def test_structure_counts(notice: Notice, seed: dict) -> None:
    clauses = notice.body.clauses
    assert len(clauses) == 5 == len(seed["khoan"])
    assert sorted(seed["khoan"]) == [1, 2, 3, 4, 5]
    assert [len(c.points) for c in clauses] == [0, 0, 0, 8, 8]
    assert list(seed["khoan"][4]["diem"]) == LETTERS == list(seed["khoan"][5]["diem"])
    assert len(clauses[2].sub_points) == 3 == len(_sub_points(seed["khoan"][3]["text"]))
    for letter, point in zip(LETTERS, clauses[4].points):
        assert len(point.sub_points) == len(_sub_points(seed["khoan"][5]["diem"][letter])), letter


def test_opening_fields_come_from_the_seed(notice: Notice, seed: dict) -> None:
    m = notice.meeting
    opening = (f"Ngày 10 tháng 01 năm 2026, tại {m.place}, {m.chair} đã chủ trì {_norm(m.name)}. "
               f"Tham dự {m.short_name} trực tiếp có {_norm(m.attendance.in_person)}; tham dự trực "
               f"tuyến có {_norm(m.attendance.online or '')}. Sau khi nghe {_norm(m.heard)}, "
               f"{m.concluded_by} kết luận như sau:")
    assert opening == seed["opening"]
    assert f"Kết luận của {m.concluded_by} tại {_norm(m.name)}" == seed["summary"]
    assert f"để {_norm(notice.document.audience)} biết, thực hiện" == seed["closing"]


@pytest.mark.parametrize("khoan", [1, 2, 3, 4, 5])
def test_every_text_piece_is_in_its_paragraph(notice: Notice, seed: dict, khoan: int) -> None:
    clause = notice.body.clauses[khoan - 1]
    for piece in _fragments(clause):
        assert piece in _paragraph(seed, khoan, None), piece
    for letter, point in zip(LETTERS, clause.points):
        paragraph = _paragraph(seed, khoan, letter)
        for piece in _fragments(point):
            assert piece in paragraph, (letter, piece)


@pytest.mark.parametrize("khoan", [1, 2, 3, 4, 5])
def test_every_number_of_the_seed_is_in_the_data(notice: Notice, seed: dict, khoan: int) -> None:
    clause = notice.body.clauses[khoan - 1]
    paragraphs = [(None, clause)] + list(zip(LETTERS, clause.points))
    for letter, item in paragraphs:
        data_text = " ".join(_fragments(item) + [_norm(d.phrase()) for d in _all_deadlines(item)])
        seed_text = _paragraph(seed, khoan, letter)
        if letter is None and clause.points:
            data_text = _norm(" ".join(clause.text))
        for number in re.findall(r"\d+(?:[,/-]\d+)*", seed_text):
            assert number in data_text, (khoan, letter, number)


def _all_deadlines(item: Item) -> list[Deadline]:
    return list(item.deadlines) + [d for sub in item.sub_points for d in _all_deadlines(sub)]


def test_assignments_are_all_in_structure(notice: Notice) -> None:
    assert _assignments(notice) == EXPECTED_ASSIGNMENTS


@pytest.mark.parametrize("expected", EXPECTED_ASSIGNMENTS, ids=lambda e: f"{e[0]}.{e[1]}.{e[2] or '-'}")
def test_assignment_matches_the_seed(notice: Notice, registry: Registry, seed: dict, expected: tuple) -> None:
    khoan, letter, numeral, lead, coordinators, extra, deadlines, report_to = expected
    point = notice.body.clauses[khoan - 1].points[LETTERS.index(letter)]
    paragraph = _paragraph(seed, khoan, letter)
    names = registry.agencies
    lead_name = names[lead].name
    if point.lead_style == "ten":
        assert paragraph.startswith(f"{lead_name}: ")
    else:
        partners = [names[c].name for c in point.coordinators] + ([extra] if extra else [])
        lead_in = f"{lead_name} chủ trì"
        if partners:
            joined = partners[0] if len(partners) == 1 else ", ".join(partners[:-1]) + " và " + partners[-1]
            lead_in += f", phối hợp với {joined}"
        assert paragraph.startswith(lead_in), (paragraph[:120], lead_in)
    where = _sub_points(paragraph)[numeral] if numeral else paragraph
    for compact in deadlines:
        assert mentions(where, Deadline.parse(compact)), (compact, where)
    if report_to:
        assert f"báo cáo {names[report_to].name}" in where


def test_a_sub_point_written_as_issued_keeps_its_data(notice: Notice, seed: dict) -> None:
    """Khoản 5 a) (iii) is printed as the notice wrote it ("trong tháng 03 năm 2026", where a
    generated phrase would say "tháng 3"), and still carries its deadline as data."""
    sub = notice.body.clauses[4].points[0].sub_points[2]
    assert sub.lead_style == "nguyen-van" and [str(d) for d in sub.deadlines] == ["2026-03"]
    assert "trong tháng 03 năm 2026" in _sub_points(seed["khoan"][5]["diem"]["a"])["iii"]
    assert "trong tháng 03 năm 2026" in " ".join(sub.text)


def test_recipients_and_archive_line(notice: Notice, registry: Registry, seed: dict, seed_text: str) -> None:
    lines = []
    for r in notice.recipients:
        if isinstance(r, str):
            lines.append(r)
        elif hasattr(r, "agency"):
            lines.append(registry.agencies[r.agency].name)
        else:
            lines.append(f"{r.label}: " + ", ".join(r.members))
    for line in lines:
        assert f"- {line};" in seed["all"], line
    assert "- Lưu: VT, QHQT (2) Huy." in seed["all"]
    seed_lines = [line for line in seed_text.split("Nơi nhận:", 1)[1].splitlines() if line.startswith("- ")]
    assert len(lines) == len(seed_lines) - 1  # less the Lưu line


def test_every_lead_and_recipient_key_is_in_the_registry(notice: Notice, registry: Registry) -> None:
    keys = set(registry.agencies)

    def walk(item: Item):
        for key in [item.lead, item.report_to, *item.coordinators]:
            if key:
                assert key in keys, key
        for child in [*item.sub_points, *item.points]:
            walk(child)

    for clause in notice.body.clauses:
        walk(clause)
    assert notice.document.agency in keys


# --- the registry ----------------------------------------------------------------------------

MINISTERIAL = {
    "BQP", "BCA", "BNG", "BNV", "BTP", "BTC", "BCT", "BNNMT", "BXD", "BVHTTDL", "BKHCN", "BGDĐT",
    "BYT", "BDTTG", "NHNN", "TTCP", "VPCP",
}
PROVINCES = {
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ",
    "Tuyên Quang", "Cao Bằng", "Lai Châu", "Lào Cai", "Thái Nguyên", "Điện Biên", "Lạng Sơn",
    "Sơn La", "Phú Thọ", "Bắc Ninh", "Quảng Ninh", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng", "Đồng Nai",
    "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau",
}


ISSUED = dt.date(2026, 1, 16)


def test_registry_has_the_17_ministerial_level_bodies(registry: Registry) -> None:
    agencies = [a for a in registry.agencies.values() if a.exists_on(ISSUED)]
    ministries = [a for a in agencies if a.kind == "bo"]
    ministerial = [a for a in agencies if a.kind == "co-quan-ngang-bo"]
    assert (len(ministries), len(ministerial)) == (14, 3)
    assert {a.abbr for a in ministries + ministerial} == MINISTERIAL
    for a in ministries + ministerial:
        assert a.place == "Hà Nội" and a.parent is None and a.short, a.name
        assert a.name.startswith("Bộ ") == (a.kind == "bo"), a.name


def test_registry_has_34_provinces_and_their_peoples_committees(registry: Registry) -> None:
    reg = {key: a for key, a in registry.agencies.items() if a.exists_on(ISSUED)}
    units = {key: a for key, a in reg.items() if a.kind in ("tinh", "thanh-pho")}
    assert len(units) == 34
    assert sum(a.kind == "thanh-pho" for a in units.values()) == 6
    assert {a.short for a in units.values()} == PROVINCES
    committees = {key: a for key, a in reg.items() if a.kind == "ubnd"}
    assert len(committees) == 34
    for key, unit in units.items():
        committee = reg[f"ubnd-{key}"]
        assert committee.kind == "ubnd" and committee.abbr == "UBND" and committee.parent is None
        assert committee.name == f"Ủy ban nhân dân {unit.name}"
        assert committee.place == unit.place == unit.short
