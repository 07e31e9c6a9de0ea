"""Start-up funding reports: where "invested" means venture money raised, not capital spent.

Reports on a scene's funding ("Österreichische Startups …", "Climate funding dips 71%", "This week in
European tech funding") say "investiert", "Investmentrunden", "€6.2bn was invested into climate
companies" for money start-ups raised. An article whose lead (its first sentences) speaks of start-ups or
venture money is such a report; there an investment cue means funding, unless the figure's sentence
speaks of assets bought or built (data centres, plants, stakes, takeovers), which stay investments.
The words are data (``grammar_words.csv``, roles ``venture_lead`` and ``venture_not`` for stakes; the assets
are :mod:`.capital`'s ``capital_not``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ..segment import Segmenter
from .capital import assets_in

LEAD_SENTENCES = 3  # the title and the first two sentences, or the first three


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon.load()
    lead = lex.word_values("venture_lead")
    scene, money = ([p for p, v in lead.items() if v in (kind, "report")] for kind in ("scene", "money"))
    return (re.compile(lexicon.in_order(scene)), re.compile(lexicon.in_order(money)),
            re.compile(lexicon.in_order(lex.words("venture_not"))))


def venture_lead(lower: str, seg: Segmenter) -> str:
    """The lead's words that make the article a start-up funding report ("startups+investmentrunde"), or "":
    a word of start-ups and a word of venture money. A start-up alone ("DeepSeek ist ein kleines Startup") is
    no report on funding."""
    if not seg.starts:
        return ""
    end = seg.sentence_span(min(LEAD_SENTENCES, len(seg.starts)) - 1)[1]
    scene, money, _ = _words()
    found = scene.search(lower, 0, end), money.search(lower, 0, end)
    return "+".join(dict.fromkeys(m.group() for m in found)) if all(found) else ""


def spends_on_assets(lower: str, span: tuple[int, int]) -> bool:
    """Whether a sentence speaks of assets bought or built with the money ("Rechenzentren", "stake",
    "Übernahme"): an investment even in a funding report."""
    return _words()[2].search(lower, *span) is not None or assets_in(lower, span)
