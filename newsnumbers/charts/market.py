"""Chart 05's headline: a market value lost, with the share's fall, or else the highest market value reported.

Split from questions.py (one builder per chart); the headline is a finding, so what it may rank is spelled out here.
"""
from __future__ import annotations

import pandas as pd

from . import compare, numfmt
from .plots import value_label
from .scope import Scope
from .selection import describe_first, is_money_rows, who
from .style import text


def market_title(rows: pd.DataFrame, scope: Scope, locale: str) -> str:
    """'Nvidia verlor 588–589 Mrd. $ an Börsenwert, die Aktie fiel um 17 %' over alike facts of one organisation; where
    no loss is reported, the highest market value reported ('Nvidia: höchster genannter Börsenwert, 3,8 Bio. $')."""
    loss = rows[(rows["measure"] == "market_value_loss") & is_money_rows(rows)]
    loss = compare.facts(loss[loss.apply(compare.eligible, axis=1)]) if len(loss) else loss
    if loss.empty:
        caps = market_caps(rows)
        if len(caps):  # no loss reported: the highest market value reported, a finding about the articles
            top = caps.sort_values(["value", "organisation"], ascending=[False, True]).iloc[0]
            return text("title_market_cap", locale, org=who(top["organisation"], locale), value=value_label(top, locale))
        return describe_first(rows, list(dict.fromkeys(rows["measure"])), locale)
    orgs = loss["organisation"]
    org = scope.focus if orgs.eq(scope.focus).any() else orgs.value_counts().sort_index().idxmax()
    mine = loss[orgs == org]
    key = mine.groupby(compare.KEY).size().sort_values(ascending=False).index[0]
    mine = compare.agreed(mine[(mine[compare.KEY] == pd.Series(key, index=compare.KEY)).all(axis=1)])
    drops = rows[(rows["measure"] == "share_price_drop") & (rows["organisation"] == org) & rows["article"].isin(mine["article"])]
    drops = compare.facts(drops)
    tail = (text("title_market_tail", locale, drop=numfmt.percent(drops["value"].iloc[0], locale))
            if drops["value"].nunique() == 1 and drops["qualifier"].eq("exact").all() else "")
    if "|" in org:  # "AMD, Nvidia, Samsung … verloren zusammen mind. 500 Mrd. $": one loss of several companies together
        return text("title_market_together", locale, org=who(org, locale), span=compare.span(mine, locale))
    return text("title_market", locale, org=who(org, locale), span=compare.span(mine, locale), tail=tail)


def market_caps(rows: pd.DataFrame) -> pd.DataFrame:
    """The market values a headline may rank: one company's each (no index, sector, country or joint value; like.csv
    and no "|"), stated as reached or at least reached (no "bis zu" forecast), in one currency (the one most of them
    are in, after conversion: 4,5 Bio. HKD is no larger than 3,8 Bio. $)."""
    caps = rows[(rows["measure"] == "market_cap") & is_money_rows(rows) & ~rows["organisation"].str.contains("|", regex=False)
                & rows["qualifier"].isin(["exact", "approx", "lower_bound"])]
    caps = compare.facts(caps[caps.apply(compare.eligible, axis=1)]) if len(caps) else caps
    return caps[caps["unit"] == caps["unit"].value_counts().sort_index().idxmax()] if len(caps) else caps
