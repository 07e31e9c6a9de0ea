"""A group named by its noun ("die vier Hyperscaler", "Big Tech", "the tech giants"): the members the article names.

"Die vier Hyperscaler haben 2023 etwa 155 Milliarden USD investiert" is Amazon's, Google's, Meta's and Microsoft's
money where the article names them; a chart comparing companies' capex must not file it under a sector. The lexicon
marks such a group as a generic row with a sector (organisations.csv: ``Big Tech`` with sector ``big_five``: Alphabet,
Amazon, Apple, Meta, Microsoft; not every big tech company, Tesla and Samsung being no hyperscalers); its members are
the companies of that sector the article names up to the figure's sentence, in the order it first names them. An
article that names fewer than two of them there does not say who is meant: the figure is then the sector's (``AI
industry``), as before.
"""
from __future__ import annotations

from functools import lru_cache

from ... import lexicon
from .mention import Mention
from .organisations import Who

SECTOR_OF_GROUPS = "AI industry"  # where a group's members are not named
MIN_MEMBERS = 2


@lru_cache(maxsize=1)
def groups() -> dict[str, frozenset[str]]:
    """Group (a generic row's canonical name) -> its members: the named companies of the group's sector."""
    rows = lexicon.load().organisations
    sector_of = {r["canonical"]: r.fields.get("sectors", "").strip() for r in rows if r["kind"] == "generic"}
    out: dict[str, frozenset[str]] = {}
    for group, sector in sector_of.items():
        if sector:
            out[group] = frozenset(r["canonical"] for r in rows if r["kind"] == "named" and r.fields.get("type") == "company"
                                   and sector in r.fields.get("sectors", "").split(";"))
    return out


def named_members(mentions: list[Mention], group: str, until: int) -> list[str]:
    """The group's members the article names before ``until`` (the end of the figure's sentence: "Tech giants' profits
    rose 25%. Apple remains the most valuable company" names no member), in the order it first names them (a
    company's models count for it: "Gemini" names Google)."""
    members = groups().get(group, frozenset())
    seen: dict[str, None] = {}
    for m in mentions:
        if m.start >= until:
            break
        name = m.owner if m.kind == "model" else m.name if m.kind == "org" and not m.generic else ""
        if name in members:
            seen.setdefault(name)
    return list(seen)


def as_members(who: Who, mentions: list[Mention], until: int) -> Who:
    """``who`` with each group among its organisations replaced by the members the article names before ``until``,
    or by the sector where it names fewer than two; unchanged where it holds no group."""
    parts = who.organisation.split("|") if who.organisation else []
    if not any(p in groups() for p in parts):
        return who
    out: dict[str, None] = {}
    for p in parts:
        members = named_members(mentions, p, until) if p in groups() else [p]
        for name in members if len(members) >= (MIN_MEMBERS if p in groups() else 1) else [SECTOR_OF_GROUPS]:
            out.setdefault(name)
    return who._replace(organisation="|".join(out))
