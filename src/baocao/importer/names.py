"""Agencies in running text: the registry's names, the bodies a notice adds, and names written
the way the text writes them.

A body is found by its full name or any other name of the registry (``ten_khac``: "Bộ
NN&PTNT", "UBND tỉnh Lào Cai"), compared without case and with the old and new placement of the
tone mark ("Uỷ"/"Ủy") taken as one; by its short name only inside a list that says what it lists
("các Bộ: Tài chính, Tư pháp", "các Bộ Tài chính, Tư pháp"). Where a name belongs to several
bodies over time (the registry has history), the one that existed on the notice's day wins.

A body the registry does not know is recognised by the word that heads the names of Vietnamese
bodies ("Sở", "Cục", "Công ty" …) and added to the notice with a key made from its name.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from baocao.data.model import Agency, Registry
from baocao.vi.text import _OLD_TONE_RE, _OLD_TONES, nfc, slugify_vi, upper_vi  # noqa: PLC2701

# Words that head the name of a body, longest first (so "Tổng công ty" wins over "Công ty").
HEADS = sorted((
    "Bộ", "Sở", "Cục", "Tổng cục", "Vụ", "Viện", "Ban", "Ban Quản lý", "Văn phòng", "Thanh tra", "Kho bạc",
    "Chi cục", "Phòng", "Trung tâm", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Ủy ban", "Công an",
    "Bộ Chỉ huy", "Công ty", "Tổng công ty", "Tập đoàn", "Ngân hàng", "Hiệp hội", "Liên đoàn", "Liên minh",
    "Đài", "Báo", "Trường", "Bệnh viện", "Đảng ủy", "Hội đồng nhân dân", "HĐND", "Mặt trận", "Học viện",
    "Đại học", "Cảng vụ", "Quỹ", "Hợp tác xã", "Cơ quan", "Tòa án", "Viện kiểm sát", "Kiểm toán",
    "Bảo hiểm xã hội", "Chi nhánh", "Hạt Kiểm lâm", "Bộ đội Biên phòng", "Đoàn",
), key=len, reverse=True)
# Phrases that begin like a body's name but are not one.
NOT_NAMES = ("Trường hợp", "Báo cáo", "Ban hành", "Hội nghị", "Hội thảo", "Phòng chống", "Phòng, chống",
             "Phòng ngừa", "Quỹ đất", "Đoàn kết", "Cơ quan chủ trì", "Cơ quan phối hợp", "Bộ phận", "Bộ tiêu chí",
             "Bộ hồ sơ", "Đài truyền thanh", "Viện dẫn", "Trung tâm thương mại")
HEAD_RE = re.compile(r"(?!%s)(?:%s)(?!\w)" % ("|".join(re.escape(n) + r"(?!\w)" for n in NOT_NAMES),
                                            "|".join(re.escape(h) for h in HEADS)))
# "các cơ quan liên quan", "các Bộ, cơ quan, địa phương liên quan": a group written as free text.
GROUP_RE = re.compile(r"các\s+(?:[\w ,]{1,60}?\s)?(?:liên quan|có liên quan)(?!\w)", re.IGNORECASE)
MINISTRY_KINDS = ("bo", "co-quan-ngang-bo")
# Words that begin the task after a body's name ("Sở Tài chính rà soát …"): a name the registry
# does not know ends before them.
TASK_VERBS = re.compile(r"\s(?:rà soát|hoàn thiện|hoàn thành|tổng hợp|xây dựng|triển khai|tổ chức|báo cáo|thực hiện"
                        r"|chỉ đạo|hướng dẫn|kiểm tra|theo dõi|đề xuất|nghiên cứu|tham mưu|bố trí|phối hợp|khẩn trương"
                        r"|chủ động|tiếp tục|đẩy mạnh|thống nhất|trình|xem xét|giải quyết|cung cấp|bảo đảm|đảm bảo"
                        r"|lập|ban hành|sửa đổi|công bố|xử lý|phê duyệt|thẩm định|tăng cường|có trách nhiệm|chịu trách nhiệm"
                        r"|để|nhằm|đôn đốc|rà|gửi|làm việc|tập trung|quyết liệt|sớm|kịp thời|cần|phải|theo chức năng|huy động)(?!\w)")


TOKEN = re.compile(r"\w+|[^\w\s]")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


def searchable(text: str) -> str:
    """The text in lower case with the tone mark placed the new way and dashes plain; the same
    length as *text*, so positions carry over."""
    text = nfc(text)
    low = text.lower()
    if len(low) != len(text):
        low = text
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], low).translate(_DASHES)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word and punctuation mark of *text*, compared lower case."""
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(searchable(text))]


def _key(name: str) -> tuple[str, ...]:
    return tuple(t for t, _s, _e in tokens(name))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str | None           # None: a group written as free text, or a body not yet known
    text: str


class AgencyIndex:
    """Names of every body a notice may name: the registry plus the bodies added on the way."""

    def __init__(self, registry: Registry, day: dt.date | None):
        self.day = day
        self.agencies: dict[str, Agency] = dict(registry.agencies)
        self.added: dict[str, Agency] = {}
        self._build()

    # --- the index --------------------------------------------------------------------------
    def _build(self) -> None:
        self._by_name: dict[tuple[str, ...], list[str]] = {}
        self._by_short: dict[tuple[str, ...], list[str]] = {}
        for key, agency in self.agencies.items():
            self._index(key, agency)

    def _index(self, key: str, agency: Agency) -> None:
        for name in dict.fromkeys([agency.name, *agency.aliases]):
            self._by_name.setdefault(_key(name), []).append(key)
        if agency.short and agency.kind in (*MINISTRY_KINDS, "ubnd"):
            self._by_short.setdefault(_key(agency.short), []).append(key)
        self._longest = max((len(k) for k in self._by_name), default=1)

    def add(self, key: str, agency: Agency) -> None:
        replaced = key in self.agencies
        self.agencies[key] = agency
        self.added[key] = agency
        if replaced:
            self._build()
        else:
            self._index(key, agency)

    def choose(self, keys: list[str]) -> str:
        """The body that existed on the notice's day; without a day, the one that still exists."""
        keys = list(dict.fromkeys(keys))
        if len(keys) == 1:
            return keys[0]
        if self.day is not None:
            valid = [k for k in keys if self.agencies[k].exists_on(self.day)]
            if valid:
                return valid[0]
        current = [k for k in keys if self.agencies[k].valid_to is None]
        return (current or keys)[0]

    def lookup(self, name: str) -> str | None:
        keys = self._by_name.get(_key(name))
        return self.choose(keys) if keys else None

    def name(self, key: str) -> str:
        return self.agencies[key].name

    def kind(self, key: str) -> str:
        return self.agencies[key].kind

    # --- finding names in text ----------------------------------------------------------------
    def _match(self, words: list[tuple[str, int, int]], i: int, table: dict) -> tuple[int, list[str]] | None:
        for n in range(min(self._longest, len(words) - i), 0, -1):
            keys = table.get(tuple(w for w, _s, _e in words[i:i + n]))
            if keys:
                return n, keys
        return None

    def mentions(self, text: str) -> list[Mention]:
        """Every body named in *text*, in order: full and other names, and the members of "các Bộ:
        A, B" lists by their short names."""
        words = tokens(text)
        found: list[Mention] = []
        i = 0
        while i < len(words):
            hit = self._match(words, i, self._by_name)
            if hit:
                n, keys = hit
                start, end = words[i][1], words[i + n - 1][2]
                if not _in_symbol(text, start, end):
                    found.append(Mention(start, end, self.choose(keys), text[start:end]))
                i += n
                continue
            lead = _list_lead(words, i)
            if lead:
                members = self._short_list(text, words, i + lead)
                if members:
                    found += members
                    i = next((k for k, w in enumerate(words) if w[1] >= members[-1].end), len(words))
                    continue
            i += 1
        return found

    def short_list(self, text: str, pos: int) -> list[Mention]:
        """Members of a list by short name starting at character *pos*: "Tài chính, Tư pháp"."""
        words = tokens(text)
        i = next((k for k, w in enumerate(words) if w[1] >= pos), len(words))
        return self._short_list(text, words, i)

    def _short_list(self, text: str, words: list, i: int) -> list[Mention]:
        out: list[Mention] = []
        while i < len(words):
            hit = self._match(words, i, self._by_short)
            if not hit:
                break
            n, keys = hit
            start, end = words[i][1], words[i + n - 1][2]
            out.append(Mention(start, end, self.choose(keys), text[start:end]))
            i += n
            if i < len(words) and words[i][0] in (",", "và"):
                i += 1
            else:
                break
        return out

    def known_at(self, text: str, pos: int) -> Mention | None:
        """The known body whose name begins at character *pos* of *text*, if any."""
        words = tokens(text[pos:])
        hit = self._match(words, 0, self._by_name) if words and words[0][1] == 0 else None
        if not hit:
            return None
        n, keys = hit
        end = pos + words[n - 1][2]
        return Mention(pos, end, self.choose(keys), text[pos:end])

    def head_at(self, text: str, pos: int) -> bool:
        """Does a body's name (known or not) begin at *pos*?"""
        return bool(HEAD_RE.match(text, pos) or self.known_at(text, pos))

    # --- new bodies ---------------------------------------------------------------------------
    def new_key(self, name: str) -> str:
        slug = slugify_vi(re.sub(r"(?i)\b(?:ủy|uỷ) ban nhân dân\b", "UBND", name))
        words = slug.split("-")[:8]
        base = "-".join(words) or "co-quan"
        key, n = base, 2
        while key in self.agencies:
            key, n = f"{base}-{n}", n + 1
        return key

    def add_new(self, name: str, **fields) -> str:
        """Key of the body called *name*, added with *fields* when the registry lacks it."""
        known = self.lookup(name)
        if known is not None:
            return known
        key = self.new_key(name)
        self.add(key, Agency(ten=name, loai=fields.pop("loai", None) or guess_kind(name), **fields))
        return key


def _in_symbol(text: str, start: int, end: int) -> bool:
    """Inside a document number ("09/TB-VPCP", "57-NQ/TW"), not a body named in the text."""
    return (start > 0 and text[start - 1] in "-/") or (end < len(text) - 1 and text[end] in "-/" and text[end + 1].isalnum())


def _list_lead(words: list, i: int) -> int:
    """Length of "các Bộ:", "các Bộ", "các Bộ, cơ quan:" … at word *i* (0 if none there)."""
    seq = [w for w, _s, _e in words[i:i + 8]]
    for lead in (["các", "bộ", ",", "cơ", "quan", ":"], ["các", "bộ", ",", "cơ", "quan"], ["các", "bộ", ":"],
                 ["các", "bộ"], ["ủy", "ban", "nhân", "dân", "các", "tỉnh", ":"],
                 ["ủy", "ban", "nhân", "dân", "các", "tỉnh", ",", "thành", "phố", ":"]):
        if seq[:len(lead)] == lead:
            return len(lead)
    return 0


def guess_kind(name: str) -> str:
    """The registry ``loai`` of a body known only by its name."""
    low = name.lower()
    if re.search(r"\bcác\b", low):
        return "nhom"
    if low.startswith(("ủy ban nhân dân", "uỷ ban nhân dân", "ubnd")):
        return "ubnd"
    if low.startswith(("công ty", "tổng công ty", "tập đoàn", "ngân hàng thương mại", "hợp tác xã")):
        return "doanh-nghiep"
    if low.startswith(("hiệp hội", "hội ")):
        return "hiep-hoi"
    if low.startswith("bộ ") and not low.startswith(("bộ chỉ huy", "bộ đội")):
        return "bo"
    return "don-vi" if HEAD_RE.match(name) else "khac"


def as_written(text: str, upper_name: str) -> str | None:
    """*upper_name* (a header line in capitals) as *text* writes it in running text, if it does."""
    pattern = r"(?<!\w)" + r"\s*".join(re.escape(w) for w, _s, _e in tokens(upper_name)) + r"(?!\w)"
    m = re.search(pattern, searchable(text))
    return " ".join(text[m.start():m.end()].split()) if m else None


def title_case_guess(upper_name: str) -> str:
    """A name written only in capitals, in the case names usually have: the first word, and the
    place after "tỉnh", "phường", "xã" … capitalised ("ỦY BAN NHÂN DÂN XÃ ĐỨC HỢP" → "Ủy ban nhân
    dân xã Đức Hợp"). Used only when the running text never writes the name."""
    words = upper_name.lower().split()
    out: list[str] = []
    place = False
    for i, word in enumerate(words):
        out.append(word[:1].upper() + word[1:] if i == 0 or place else word)
        if word in ("tỉnh", "phường", "xã", "huyện", "quận", "trấn") or (word == "phố" and i and words[i - 1] == "thành"):
            place = True
    return " ".join(out)


def header_name(lines: list[str]) -> str:
    return upper_vi(" ".join(" ".join(lines).split()))
