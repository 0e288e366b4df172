"""Groups of agencies (registry ``loai: nhom``) as the extracts see them.

The registry names groups ("Ủy ban nhân dân các tỉnh, thành phố") but lists no members. Two
questions matter for the extracts:

* is an item led by the group a **general directive** addressed to every body ("Các bộ, ngành,
  địa phương liên quan: …")? Then it is copied into every extract (``trich_sao_chung``) and the
  group gets no extract of its own;
* who are the group's **members**, when ``trich_sao_nhom`` sends a group's items to each of them?
  The ``thanh_vien`` lists of ``cai-dat.yaml`` say so; without one, the nationwide groups of the
  packaged registry are read from the registry itself: ministries and ministerial-level agencies
  (``bo``, ``co-quan-ngang-bo``, ``co-quan-thuoc-cp``) and provincial People's Committees (the
  ``ubnd-…`` entry of every ``tinh``/``thanh-pho``), as they exist on the notice's date.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from baocao.data.model import Agency

GENERAL_GROUPS = frozenset({"cac-bo-nganh-dia-phuong", "cac-bo-nganh-dia-phuong-lien-quan"})
CENTRAL_KINDS = ("bo", "co-quan-ngang-bo", "co-quan-thuoc-cp")
DERIVED_MEMBERS = {
    "cac-bo-nganh-dia-phuong": ("central", "province"),
    "cac-bo-nganh-dia-phuong-lien-quan": ("central", "province"),
    "cac-bo-co-quan-lien-quan": ("central",),
    "cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu": ("central",),
    "ubnd-cac-tinh-thanh-pho": ("province",),
    "ubnd-cac-tinh-thanh-pho-truc-thuoc-tw": ("province",),
}


def exists_on(agency: Agency, day: dt.date | None) -> bool:
    if day is None:
        return agency.valid_to is None
    return (agency.valid_from is None or agency.valid_from <= day) and \
        (agency.valid_to is None or day <= agency.valid_to)


class Groups:
    """Which keys are groups, which are general, and who belongs to each."""

    def __init__(self, agencies: Mapping[str, Agency], members: Mapping[str, tuple[str, ...]],
                 day: dt.date | None):
        self.agencies = agencies
        self.explicit = members
        self.day = day
        self._cache: dict[str, tuple[str, ...]] = {}

    def is_group(self, key: str) -> bool:
        agency = self.agencies.get(key)
        return agency is not None and agency.kind == "nhom"

    def is_general(self, key: str) -> bool:
        return key in GENERAL_GROUPS

    def members(self, group: str) -> tuple[str, ...]:
        """The members of *group*, in registry order (empty when nobody says who they are)."""
        if group not in self._cache:
            self._cache[group] = self.explicit.get(group) or self._derived(group)
        return self._cache[group]

    def _derived(self, group: str) -> tuple[str, ...]:
        kinds = DERIVED_MEMBERS.get(group, ())
        out = []
        for key, agency in self.agencies.items():
            if not exists_on(agency, self.day):
                continue
            if "central" in kinds and agency.kind in CENTRAL_KINDS:
                out.append(key)
            elif "province" in kinds and agency.kind == "ubnd" and key.startswith("ubnd-"):
                unit = self.agencies.get(key[len("ubnd-"):])
                if unit is not None and unit.kind in ("tinh", "thanh-pho"):
                    out.append(key)
        return tuple(out)
