"""Colours that mean the same organisation in every chart.

Why a table and not sort order: a colour handed out by position changes when an
article adds an organisation that sorts earlier, so OpenAI was blue in one build
and orange in the next. The house table (``house_colours.csv``, data not code)
fixes a colour per organisation; every other organisation is grey, so a new
article can never take a colour that readers have learnt. Keys that are not
organisations (articles in the source check) need telling apart instead: each
gets a colour picked from a palette by a hash of its own name, so the choice
does not depend on what else is in the chart, and collisions within one chart
are resolved by probing in the order of those hashes, never by sort order.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

GREY = "#9A9A9A"
#: For keys that are not organisations: distinct, readable on white, none of them grey.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#8C564B",
           "#6A3D9A", "#E7298A", "#332288", "#882255", "#44AA99", "#999933", "#117733", "#B8860B"]
HEX = "0123456789abcdefABCDEF"


@lru_cache(maxsize=1)
def house() -> dict[str, str]:
    """Organisation -> colour from ``house_colours.csv``; a malformed or repeated entry is an error, not a guess."""
    path = Path(__file__).with_name("house_colours.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    table: dict[str, str] = {}
    for line_no, row in enumerate(csv.DictReader(lines), start=2):
        org, colour = (row.get("organisation") or "").strip(), (row.get("colour") or "").strip()
        if not org or len(colour) != 7 or colour[0] != "#" or any(c not in HEX for c in colour[1:]):
            raise ValueError(f"{path}: data row {line_no}: need organisation and #RRGGBB, got {row}")
        if org in table or colour.upper() in (c.upper() for c in table.values()) or colour.upper() == GREY:
            raise ValueError(f"{path}: data row {line_no}: {org} or {colour} used twice (or grey)")
        table[org] = colour
    return table


def _rank(key: str) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16)


def organisation_colours(organisations: Iterable[str]) -> dict[str, str]:
    """Organisation -> its house colour, grey for every other one (also '' and lists such as 'OpenAI|Oracle')."""
    table = house()
    return {org: table.get(org, GREY) for org in set(organisations)}


def key_colours(keys: Iterable[str]) -> dict[str, str]:
    """Distinct colours for keys that are not organisations, each chosen by its own name.

    A key's first choice is ``PALETTE[hash % n]``; when a key with a smaller hash
    took it, the next free one. More keys than colours: the rest are grey.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key in sorted(set(keys), key=lambda k: (_rank(k), k)):
        start = _rank(key) % len(PALETTE)
        free = [PALETTE[(start + i) % len(PALETTE)] for i in range(len(PALETTE))
                if PALETTE[(start + i) % len(PALETTE)] not in taken]
        out[key] = free[0] if free else GREY
        taken.add(out[key])
    return out


def colours_for(keys: Iterable[str], by: str = "organisation") -> dict[str, str]:
    """The colour of every key a chart colours by: house colours for organisations, hashed picks otherwise."""
    keys = list(keys)
    return organisation_colours(keys) if by == "organisation" else key_colours(keys)
