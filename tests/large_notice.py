"""A generated notice with many tasks over many agencies (and its progress file), for the briefing's
readability test and benchmark: 200 tasks over 40 agencies by default, every kind of deadline."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

WORDS = ("rà soát hoàn thiện cơ chế chính sách thúc đẩy đầu tư hạ tầng giao thông chuyển đổi số quốc gia "
         "nâng cao năng lực cạnh tranh của doanh nghiệp tháo gỡ khó khăn vướng mắc về thủ tục hành chính "
         "đất đai tài nguyên môi trường giải ngân vốn đầu tư công phát triển nguồn nhân lực chất lượng cao "
         "bảo đảm an sinh xã hội phòng chống thiên tai ứng phó biến đổi khí hậu xây dựng đề án kế hoạch").split()
DEADLINES = ("truoc 2026-02-10", "2026-02-28", "2026-03", "2026-Q1", "truoc 2026-03-31", "2026-04", "2026-Q2",
             "2026-H1", "2026-09-30", "2026-Q3", "2026", "thuong-xuyen", "hang-thang", "truoc 20 hang-quy",
             "6-thang", None)
STATES = ("chua-thuc-hien", "dang-thuc-hien", "hoan-thanh")
NOTICE_DAY = dt.date(2026, 1, 16)


def agencies(count: int) -> list[str]:
    from baocao.data.registry import national_registry

    registry = national_registry()
    keys = [k for k, a in registry.agencies.items()
            if a.kind in ("bo", "co-quan-ngang-bo", "ubnd") and a.exists_on(NOTICE_DAY)]
    return keys[:count]


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words)


def write_large_notice(folder: Path, tasks: int = 200, agency_count: int = 40, seed: int = 12) -> Path:
    """data/thong-bao-lon.yaml (and .tien-do.yaml) in *folder*; returns the notice's path."""
    rng = random.Random(seed)
    keys = agencies(agency_count)
    assert len(keys) == agency_count
    clauses, progress = [], {}
    per_clause = 10
    for c in range(tasks // per_clause):
        points = []
        for p in range(per_clause):
            i = c * per_clause + p
            lead = keys[i % agency_count]
            point: dict = {"chu_tri": lead, "van_ban": sentence(rng, 8, 40)}
            partners = rng.sample([k for k in keys if k != lead], rng.choice((0, 0, 1, 2, 3)))
            if partners:
                point["phoi_hop"] = partners
            deadline = rng.choice(DEADLINES)
            if deadline:
                point["thoi_han"] = deadline
            if rng.random() < 0.7:
                point["san_pham"] = sentence(rng, 3, 10).capitalize()
            if rng.random() < 0.5:
                point["bao_cao"] = "thu-tuong-chinh-phu"
            point["ma"] = f"nv-{i + 1:03d}"
            points.append(point)
            state = rng.choice(STATES)
            if state == "hoan-thanh":
                progress[point["ma"]] = {"trang_thai": state, "ngay_hoan_thanh":
                                         (NOTICE_DAY + dt.timedelta(days=rng.randint(5, 80))).isoformat(),
                                         "van_ban_ket_qua": f"Báo cáo số {i + 1}/BC ngày 01/3/2026"}
            elif state == "dang-thuc-hien":
                entry: dict = {"trang_thai": state}
                if deadline in ("hang-thang", "truoc 20 hang-quy", "6-thang"):
                    entry["bao_cao_dinh_ky"] = [{"ngay": "2026-02-10"}]
                progress[point["ma"]] = entry
        clauses.append({"van_ban": f"Về nhóm nhiệm vụ thứ {c + 1}:", "diem": points})
    notice = {
        "van_ban": {"co_quan": "van-phong-chinh-phu", "so": 99, "ky_hieu": "TB-VPCP", "ngay": NOTICE_DAY.isoformat(),
                    "thong_bao_den": "các bộ, cơ quan, địa phương"},
        "cuoc_hop": {"ngay": "2026-01-10", "dia_diem": "Trụ sở Chính phủ",
                     "chu_tri": "Thủ tướng Chính phủ Phạm Minh Chính",
                     "ten": "Hội nghị Chính phủ với các địa phương về triển khai nhiệm vụ năm 2026",
                     "ten_ngan": "Hội nghị"},
        "noi_dung": {"khoan": clauses},
        "nguoi_ky": {"quyen_han": "KT", "thay_mat": "BỘ TRƯỞNG, CHỦ NHIỆM", "chuc_vu": "PHÓ CHỦ NHIỆM",
                     "ho_ten": "Nguyễn Sỹ Hiệp"},
        "noi_nhan": ["Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ", "Các Bộ, cơ quan ngang Bộ"],
        "luu": {"don_vi": ["TH"], "so_ban": 2},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "thong-bao-lon.yaml"
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)  # noqa: E731
    path.write_text(dump(notice), encoding="utf-8")
    (folder / "thong-bao-lon.tien-do.yaml").write_text(dump({"cap_nhat": "2026-03-20", "nhiem_vu": progress}),
                                                       encoding="utf-8")
    return path
