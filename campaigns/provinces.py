"""The 34 province-level units of Viet Nam (since 1/7/2025) with their official two-digit codes.

One list for the whole `campaigns` app: partner scopes and locations use it, and so does the
member sign-up form (province of work). The data is a copy of `shared/data/provinces.csv`
kept in `campaigns/data/provinces.csv` so the app does not depend on files outside the repo.
"""

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "PROVINCES",
    "Province",
    "province_by_code",
    "province_choices",
    "province_name",
]

CSV_PATH = Path(__file__).resolve().parent / "data" / "provinces.csv"


@dataclass(frozen=True)
class Province:
    code: str  # official two-digit code, e.g. "01"
    name: str  # e.g. "Hà Nội"
    kind: str  # "thành phố" or "tỉnh"
    merged_from: tuple[str, ...]  # names of the pre-2025 provinces merged into it

    def __iter__(self):
        # Unpacks as (code, name) like the tuples in PROVINCES.
        yield self.code
        yield self.name


@cache
def _load() -> tuple[Province, ...]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    provinces = []
    for row in rows:
        merged = tuple(
            unicodedata.normalize("NFC", part.strip())
            for part in (row.get("merged_from") or "").split(";")
            if part.strip()
        )
        provinces.append(
            Province(
                code=row["code"].strip(),
                name=unicodedata.normalize("NFC", row["name"].strip()),
                kind=unicodedata.normalize("NFC", row["kind"].strip()),
                merged_from=merged,
            )
        )
    return tuple(provinces)


#: ((code, name), ...) in the official code order.
PROVINCES: tuple[tuple[str, str], ...] = tuple((p.code, p.name) for p in _load())

_BY_CODE = {p.code: p for p in _load()}


def province_choices(blank_label: str | None = None) -> list[tuple[str, str]]:
    """Choices for a form or model field, in the official order.

    `blank_label` adds a first empty option (e.g. "— Chọn tỉnh/thành phố —").
    """
    choices = list(PROVINCES)
    if blank_label is not None:
        choices.insert(0, ("", blank_label))
    return choices


def province_by_code(code: str) -> Province | None:
    return _BY_CODE.get((code or "").strip())


def province_name(code: str) -> str:
    """The province's name for its code, or "" for an unknown code."""
    province = province_by_code(code)
    return province.name if province else ""
