"""The agency registry shipped with baocao (src/baocao/registry/*.yaml).

Read with PyYAML only (plus the project's strict loader, which must accept the files), so the
data is checked on its own: structure, spelling, history (tu_ngay / den_ngay / thay_boi) and the
numbers fixed by law:
  * 18 bộ + 4 cơ quan ngang bộ until 28/02/2025 (Nghị quyết 03/2021/QH15), 14 bộ + 3 cơ quan
    ngang bộ from 01/3/2025 (Nghị quyết 176/2025/QH15);
  * 63 tỉnh, thành phố until 30/6/2025 and 34 from 01/7/2025 (Nghị quyết 202/2025/QH15); Huế a
    thành phố from 01/01/2025 (Nghị quyết 175/2024/QH15); Đồng Nai, Quảng Ninh, Bắc Ninh
    thành phố from 30/4, 01/9 and 20/9/2026 (Nghị quyết 30, 36 và 39/2026/QH16).
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import docx
import pytest
import yaml

from baocao.data.load import load

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "baocao"
REGISTRY_DIR = PACKAGE / "registry"
PROJECT_REGISTRY = ROOT / "data" / "co-quan.yaml"
SHARED = (ROOT.parent / "shared", ROOT / "shared", Path("/work/shared"))

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ABBREVIATION = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*$")
FIELDS = {"ten", "ten_ngan", "ten_khac", "ten_dau", "viet_tat", "loai", "chu_quan", "dia_danh",
          "don_vi", "tu_ngay", "den_ngay", "thay_boi"}
KINDS = {"bo", "co-quan-ngang-bo", "co-quan-thuoc-cp", "chinh-phu", "tinh", "thanh-pho", "ubnd",
         "don-vi", "hiep-hoi", "doanh-nghiep", "nhom", "ca-nhan", "khac"}
PROVINCE_KINDS = {"tinh", "thanh-pho"}
NOT_NATIONAL = {"hiep-hoi", "doanh-nghiep", "khac"}  # kinds data/co-quan.yaml keeps for itself

# Nghị quyết 176/2025/QH15, Điều 1: the 14 bộ and 3 cơ quan ngang bộ from 01/3/2025.
GOVERNMENT_2025 = {
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính",
    "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng",
    "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
    "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
}

# Bodies valid on each day (the table of docs/registry.md): bộ, cơ quan ngang bộ, tỉnh, thành phố
# trực thuộc trung ương.
COUNTS = [
    (dt.date(2024, 12, 31), 18, 4, 58, 5),
    (dt.date(2025, 1, 1), 18, 4, 57, 6),    # thành phố Huế (Nghị quyết 175/2024/QH15)
    (dt.date(2025, 2, 28), 18, 4, 57, 6),   # Nghị quyết 03/2021/QH15
    (dt.date(2025, 3, 1), 14, 3, 57, 6),    # Nghị quyết 176/2025/QH15
    (dt.date(2025, 6, 30), 14, 3, 57, 6),
    (dt.date(2025, 7, 1), 14, 3, 28, 6),    # Nghị quyết 202/2025/QH15
    (dt.date(2026, 4, 30), 14, 3, 27, 7),   # thành phố Đồng Nai (Nghị quyết 30/2026/QH16)
    (dt.date(2026, 9, 1), 14, 3, 26, 8),    # thành phố Quảng Ninh (Nghị quyết 36/2026/QH16)
    (dt.date(2026, 9, 20), 14, 3, 25, 9),   # thành phố Bắc Ninh (Nghị quyết 39/2026/QH16)
]


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"khóa lặp: {key}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(text: str):
    return yaml.load(text, Loader=_UniqueKeyLoader)


def registry_files() -> list[Path]:
    return sorted(REGISTRY_DIR.glob("*.yaml"))


@cache
def entries_by_file() -> dict[str, dict]:
    return {path.name: read_yaml(path.read_text(encoding="utf-8"))["co_quan"] for path in registry_files()}


@cache
def registry() -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for entries in entries_by_file().values():
        merged.update(entries)
    return merged


def valid_on(entry: dict, day: dt.date) -> bool:
    return entry.get("tu_ngay", dt.date.min) <= day <= entry.get("den_ngay", dt.date.max)


def valid(day: dt.date, kinds: set[str] | None = None) -> dict[str, dict]:
    return {key: e for key, e in registry().items()
            if valid_on(e, day) and (kinds is None or e["loai"] in kinds)}


def change_days() -> list[dt.date]:
    """Every day the registry changes, and one day before all of them."""
    days = {dt.date(2024, 1, 1)}
    for entry in registry().values():
        if "tu_ngay" in entry:
            days.add(entry["tu_ngay"])
        if "den_ngay" in entry:
            days.add(entry["den_ngay"] + dt.timedelta(days=1))
    return sorted(days)


def names(entry: dict) -> list[str]:
    """Every piece of text a clerk reads: names, header lines, place, unit names."""
    out = [entry[f] for f in ("ten", "ten_ngan", "dia_danh") if f in entry]
    out += entry.get("ten_khac", []) + entry.get("ten_dau", []) + list(entry.get("don_vi", {}).values())
    return out


# --- structure ---------------------------------------------------------------------------------

def test_the_three_files_hold_only_co_quan():
    assert [p.name for p in registry_files()] == ["nhom.yaml", "tinh.yaml", "trung-uong.yaml"]
    for path in registry_files():
        data = read_yaml(path.read_text(encoding="utf-8"))
        assert list(data) == ["co_quan"], path.name
        assert data["co_quan"], path.name


def test_a_key_written_twice_in_one_file_is_caught():
    with pytest.raises(yaml.constructor.ConstructorError, match="khóa lặp: bo-y-te"):
        read_yaml("co_quan:\n  bo-y-te: {ten: Bộ Y tế, loai: bo}\n  bo-y-te: {ten: Bộ Y tế, loai: bo}\n")


def test_keys_are_slugs_and_unique_across_files():
    seen: dict[str, str] = {}
    for file, entries in entries_by_file().items():
        for key in entries:
            assert KEY.match(key), f"{file}: {key}"
            assert key not in seen, f"{key} in {seen.get(key)} and {file}"
            seen[key] = file


def test_fields_are_known_and_typed():
    for key, entry in registry().items():
        assert set(entry) <= FIELDS, (key, set(entry) - FIELDS)
        assert isinstance(entry.get("ten"), str), key
        assert entry["loai"] in KINDS, key
        for field in ("ten_ngan", "viet_tat", "chu_quan", "dia_danh"):
            assert isinstance(entry.get(field, ""), str), (key, field)
        for field in ("ten_khac", "ten_dau", "thay_boi"):
            items = entry.get(field, [])
            assert isinstance(items, list) and all(isinstance(i, str) and i for i in items), (key, field)
            assert len(set(items)) == len(items), (key, field)
        units = entry.get("don_vi", {})
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in units.items()), key
        if "viet_tat" in entry:
            assert ABBREVIATION.match(entry["viet_tat"]), key


def test_dates_are_real_days_in_order():
    for key, entry in registry().items():
        for field in ("tu_ngay", "den_ngay"):
            if field in entry:  # PyYAML types an ISO date; anything else stays a string
                assert type(entry[field]) is dt.date, (key, field, entry[field])
        if "tu_ngay" in entry and "den_ngay" in entry:
            assert entry["tu_ngay"] <= entry["den_ngay"], key


def test_the_project_loader_accepts_every_file_and_reads_the_same():
    for path in registry_files():
        data = load(path).data["co_quan"]
        assert data.keys() == entries_by_file()[path.name].keys()
        for key, entry in data.items():
            for field in ("tu_ngay", "den_ngay"):
                if field in entry:
                    assert dt.date.fromisoformat(entry[field]) == registry()[key][field]


def test_the_package_ships_the_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["baocao"]
    for path in registry_files():
        relative = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in patterns), relative


# --- references and history --------------------------------------------------------------------

def test_parents_and_successors_exist():
    known = registry()
    for key, entry in known.items():
        for ref in [entry.get("chu_quan")] + entry.get("thay_boi", []):
            if ref is not None:
                assert ref in known and ref != key, (key, ref)


def test_a_parent_exists_on_every_day_its_unit_does():
    for key, entry in registry().items():
        if "chu_quan" in entry:
            parent = registry()[entry["chu_quan"]]
            assert parent.get("tu_ngay", dt.date.min) <= entry.get("tu_ngay", dt.date.min), key
            assert parent.get("den_ngay", dt.date.max) >= entry.get("den_ngay", dt.date.max), key


def test_an_ended_body_names_successors_that_exist_the_next_day():
    for key, entry in registry().items():
        assert ("den_ngay" in entry) == ("thay_boi" in entry), key
        if "den_ngay" in entry:
            next_day = entry["den_ngay"] + dt.timedelta(days=1)
            for successor in entry["thay_boi"]:
                assert valid_on(registry()[successor], next_day), (key, successor)


@pytest.mark.parametrize("day, ministries, ministerial, provinces, cities", COUNTS)
def test_number_of_ministries(day, ministries, ministerial, provinces, cities):
    assert len(valid(day, {"bo"})) == ministries
    assert len(valid(day, {"co-quan-ngang-bo"})) == ministerial


def test_the_documented_counts_are_the_tested_ones():
    rows = re.findall(r"^\| (\d{4}-\d\d-\d\d) \| (\d+) \| (\d+) \| (\d+) \| (\d+)",
                      (ROOT / "docs" / "registry.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert [(dt.date.fromisoformat(d), *map(int, n)) for d, *n in rows] == COUNTS


def test_the_government_from_march_2025_is_the_one_of_resolution_176():
    bodies = valid(dt.date(2025, 3, 1), {"bo", "co-quan-ngang-bo"})
    assert {e["ten"] for e in bodies.values()} == GOVERNMENT_2025


@pytest.mark.parametrize("day, ministries, ministerial, provinces, cities", COUNTS)
def test_number_of_provinces_each_with_its_committee(day, ministries, ministerial, provinces, cities):
    units = valid(day, PROVINCE_KINDS)
    assert sum(e["loai"] == "tinh" for e in units.values()) == provinces
    assert sum(e["loai"] == "thanh-pho" for e in units.values()) == cities
    committees = valid(day, {"ubnd"})
    assert set(committees) == {f"ubnd-{key}" for key in units}
    offices = {k for k in valid(day, {"don-vi"}) if k.startswith("van-phong-ubnd-")}
    assert offices == {f"van-phong-ubnd-{key}" for key in units}


def test_63_became_34_with_29_merged_into_one_unit_each():
    before = valid(dt.date(2025, 6, 30), PROVINCE_KINDS)
    after = valid(dt.date(2025, 7, 1), PROVINCE_KINDS)
    merged = {k: e for k, e in before.items() if k not in after}
    assert len(before) == 63 and len(after) == 34 and len(merged) == 29
    for key, entry in merged.items():
        assert entry["den_ngay"] == dt.date(2025, 6, 30), key
        assert len(entry["thay_boi"]) == 1 and entry["thay_boi"][0] in after, key


def test_committee_and_office_follow_their_province():
    for key, unit in registry().items():
        if unit["loai"] not in PROVINCE_KINDS:
            continue
        committee, office = registry()[f"ubnd-{key}"], registry()[f"van-phong-ubnd-{key}"]
        for body, prefix in ((committee, "ubnd-"), (office, "van-phong-ubnd-")):
            assert [body.get(f) for f in ("tu_ngay", "den_ngay")] == [unit.get(f) for f in ("tu_ngay", "den_ngay")]
            assert body.get("thay_boi", []) == [prefix + s for s in unit.get("thay_boi", [])]
            assert body["dia_danh"] == unit["dia_danh"] == unit["ten_ngan"]
        assert committee["ten"] == f"Ủy ban nhân dân {unit['ten']}"
        assert committee["ten_ngan"] == unit["ten_ngan"]
        assert committee["viet_tat"] == "UBND" and committee["loai"] == "ubnd" and "chu_quan" not in committee
        assert committee["ten_dau"] == ["ỦY BAN NHÂN DÂN", unit["ten"].upper()]
        assert office["ten"] == f"Văn phòng {committee['ten']}"
        assert office["chu_quan"] == f"ubnd-{key}" and office["ten_dau"] == ["VĂN PHÒNG"]
        assert office["viet_tat"] == "VP" and office["loai"] == "don-vi"


# --- spelling ----------------------------------------------------------------------------------

def test_names_are_nfc_trimmed_and_spell_uy_ban():
    for key, entry in registry().items():
        for text in names(entry):
            assert unicodedata.is_normalized("NFC", text), (key, text)
            assert text == text.strip() and "  " not in text, (key, text)
            assert not re.search("uỷ", text, re.IGNORECASE), (key, text)


def test_capitals_follow_decree_30():
    for key, entry in registry().items():
        name = entry["ten"]
        if entry["loai"] in PROVINCE_KINDS:
            generic = "tỉnh " if entry["loai"] == "tinh" else "thành phố "
            assert name.startswith(generic) or name == "Thành phố Hồ Chí Minh", key
            assert name.removeprefix(generic).istitle() or name == "Thành phố Hồ Chí Minh", key
        else:
            assert name[0].isupper(), key
        for line in entry.get("ten_dau", []):
            assert line == line.upper(), (key, line)


def test_names_and_other_names_point_to_one_body_on_any_day():
    for day in change_days():
        owner: dict[str, str] = {}
        for key, entry in valid(day).items():
            for text in [entry["ten"]] + entry.get("ten_khac", []):
                folded = text.casefold()
                assert owner.setdefault(folded, key) == key, (day, text, owner[folded], key)


def test_abbreviations_of_central_bodies_are_unique_on_any_day():
    central = {"bo", "co-quan-ngang-bo", "co-quan-thuoc-cp", "chinh-phu", "khac", "ca-nhan"}
    for day in change_days():
        abbreviations = [e["viet_tat"] for e in valid(day, central).values() if "viet_tat" in e]
        assert len(abbreviations) == len(set(abbreviations)), day


# --- agreement with the project registry and with real documents -------------------------------

def test_the_project_registry_holds_only_what_the_package_does_not():
    """data/co-quan.yaml adds the bodies of its notices (corporations, associations …); every
    national body comes from the packaged files, so none is repeated there."""
    project = read_yaml(PROJECT_REGISTRY.read_text(encoding="utf-8"))["co_quan"]
    assert project and not set(project) & set(registry())
    assert all(entry["loai"] in NOT_NATIONAL for entry in project.values())


def shared_file(*parts: str) -> Path:
    for base in SHARED:
        if (base.joinpath(*parts)).is_file():
            return base.joinpath(*parts)
    pytest.skip(f"shared/{'/'.join(parts)} not found")


def normalized(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("Uỷ", "Ủy").replace("UỶ", "ỦY").replace("HOÀ", "HÒA")


@pytest.mark.parametrize("name", ["16_GM_GM-UBND_moi-hop.docx"])
def test_a_real_committee_header_matches_the_registry(name):
    cell = docx.Document(shared_file("realdocs", name)).tables[0].rows[0].cells
    left = [line.strip() for line in normalized(cell[0].text).splitlines() if line.strip()]
    committee = registry()["ubnd-tinh-lao-cai"]
    assert left[:2] == committee["ten_dau"]
    assert left[2].endswith(f"-{committee['viet_tat']}")
    assert committee["dia_danh"] + ", ngày" in normalized(cell[1].text)


@pytest.mark.parametrize("name", ["02_TB-SCT_KQKT-kho-VLNCN-NamCang1A.docx", "05_CV-3155_SCT-CN_tu-choi.docx"])
def test_the_parent_line_of_a_real_department_is_an_other_name_of_its_committee(name):
    cell = docx.Document(shared_file("realdocs", name)).tables[0].rows[0].cells[0]
    parent_line = normalized(cell.text).splitlines()[0].strip()
    assert parent_line in {n.upper() for n in registry()["ubnd-tinh-lao-cai"]["ten_khac"]}


def test_the_national_recipients_of_seed_003_are_recognised():
    text = normalized(shared_file("seeds", "003_9950eaa04dff7f08.txt").read_text(encoding="utf-8"))
    recipients = text[text.index("Nơi nhận:"):text.index("Lưu:")]
    lines = [line.strip(" -;") for line in recipients.splitlines()[1:4]]
    known = {n for e in registry().values() for n in [e["ten"]] + e.get("ten_khac", [])}
    assert "Thủ tướng Chính phủ" in lines[0]
    assert lines[1] in known and lines[2] in known, lines
