"""Agency names as a notice prints them: one body, and lists of bodies.

Lists follow the notice's style (``cach_ke``): every body by its full name ("Bộ Tài chính, Bộ Tư
pháp và các cơ quan liên quan"), or ministries and provincial People's Committees grouped under
one noun, with a colon ("các Bộ: Tài chính, Tư pháp") or without ("các Bộ Tài chính, Tư pháp"),
the last joined by "và" or by a comma (``noi_cuoi``).
"""
from __future__ import annotations

from babel.lists import format_list

from baocao.data.model import Agency, Notice, Registry

MINISTRY_KINDS = ("bo", "co-quan-ngang-bo")


class AgencyNames:
    """The registry as one notice sees it (its own ``co_quan_them`` on top)."""

    def __init__(self, notice: Notice, registry: Registry):
        self.agencies = {**registry.agencies, **notice.agencies}

    def agency(self, key: str) -> Agency:
        return self.agencies[key]

    def name(self, key: str) -> str:
        return self.agencies[key].name

    def member(self, text: str) -> str:
        """A group member: "@key" gives the short name ("Các Bộ: Ngoại giao, Công Thương")."""
        return self.agencies[text[1:]].display_short if text.startswith("@") else text

    def listing(self, keys: list[str] | tuple[str, ...], extra: str | None = None, style: str = "day-du",
                last: str = "va") -> str:
        """*keys* (and the free text *extra*, last) as one phrase in *style*.

        >>> from baocao.data.model import Registry, Agency
        >>> r = Registry(agencies={k: Agency(ten=f"Bộ {n}", ten_ngan=n, loai="bo") for k, n in
        ...     (("tc", "Tài chính"), ("tp", "Tư pháp"))})
        >>> n = AgencyNames(type("N", (), {"agencies": {}})(), r)
        >>> n.listing(["tc", "tp"], "các cơ quan liên quan")
        'Bộ Tài chính, Bộ Tư pháp và các cơ quan liên quan'
        >>> n.listing(["tc", "tp"], style="cac-bo"), n.listing(["tc", "tp"], style="cac-bo-lien", last="phay")
        ('các Bộ: Tài chính, Tư pháp', 'các Bộ Tài chính, Tư pháp')
        """
        parts = self._groups(list(keys), style) + ([extra] if extra else [])
        if not parts:
            return ""
        if last == "phay" or len(parts) == 1:
            return ", ".join(parts)
        return format_list(parts, locale="vi")

    def _groups(self, keys: list[str], style: str) -> list[str]:
        if style == "day-du":
            return [self.name(k) for k in keys]
        colon = ":" if style == "cac-bo" else ""
        ministries = [k for k in keys if self.agency(k).kind in MINISTRY_KINDS]
        committees = [k for k in keys if self.agency(k).kind == "ubnd"]
        out: list[str] = []
        done: set[str] = set()
        for key in keys:
            if key in done:
                continue
            group = ministries if key in ministries else committees if key in committees else [key]
            if len(group) < 2:
                out.append(self.name(key))
                done.add(key)
                continue
            out.append(f"{self._noun(group)}{colon} " + ", ".join(self.agency(k).display_short for k in group))
            done.update(group)
        return out

    def _noun(self, keys: list[str]) -> str:
        kinds = {self.agency(k).kind for k in keys}
        if kinds <= set(MINISTRY_KINDS):
            return "các Bộ" if kinds == {"bo"} else "các Bộ, cơ quan"
        names = [self.name(k) for k in keys]
        if all(" tỉnh " in n for n in names):
            return "Ủy ban nhân dân các tỉnh"
        if all(" thành phố " in n for n in names):
            return "Ủy ban nhân dân các thành phố"
        return "Ủy ban nhân dân các tỉnh, thành phố"
