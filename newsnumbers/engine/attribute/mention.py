"""One mention of an organisation, model or anaphor: the tuple every attribution module passes around."""
from __future__ import annotations

from typing import NamedTuple


class Mention(NamedTuple):
    """An organisation, model or anaphor in the text (a tuple: articles have thousands)."""

    start: int
    end: int
    kind: str       # org, model, anaphor_org, anaphor_model
    name: str       # canonical organisation or model ("" for anaphors)
    owner: str      # organisation of a model; the sector an anaphor_org points to ("" for any)
    generic: bool   # a sector ("the industry"), weaker than a named organisation
    role: str = "company"  # company, index, place, project or generic (organisations.csv's type)
    oblique: bool = False  # after a preposition ("von Microsoft", "im Dax", "in China"): not the clause's subject


INVESTOR = "investor"  # the sector of investors by trade (organisations.csv), and what "investors" as an anaphor asks for
# What an org anaphor's ``owner`` may ask for besides a sector ("der Chipkonzern": a chipmaker)
NOT_INVESTOR = "-" + INVESTOR  # any company whose sectors hold no INVESTOR ("the startup")
