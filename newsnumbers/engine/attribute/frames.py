"""What the frame around a figure says before any cue word does.

Three frames decide a measure whatever cue stands nearest: a previous year's value in brackets takes the
measure of the figure it follows ("Der Geschäftsertrag belief sich auf 1560 Millionen Franken (Vorjahr 1687
Millionen Franken)"); money in a hypothetical return is no share price nor funding ("aus 1.000 US-Dollar
wären heute 336.000 US-Dollar geworden", "$1,000 invested in 2015 would be worth $336,000 today"); and a
percentage that a noun of saving right after it governs, in a sentence about what is paid, is a price cut
("99% Savings", "(up to ~90% off)", "an 80% reduction" of a bill). The words are data
(``grammar_words.csv``, roles ``prior_year_bracket``, ``counterfactual``, ``counterfactual_now``,
``saving_after``, ``paid_word`` and ``saving_not``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .places import Places
from .sentence_cues import Decision

BRACKET_CHARS = 40  # how far before a figure its bracket may open ("(Vorjahr: ")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon.load()
    return {
        "prior": re.compile(rf"(?i)(\s*)\(\s*{lexicon.in_order(lex.words('prior_year_bracket'))}\s*[:,]?\s*$"),
        "if": re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lex.words('counterfactual'))}(?![\w-])"),
        "now": re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lex.words('counterfactual_now'))}(?![\w-])"),
        "saving": re.compile(rf"(?i)[ \t]*(?:{lexicon.in_order(lex.words('saving_after'))})(?![\w-])"),
        "paid": re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lex.words('paid_word'))}"),
        "not": re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lex.words('saving_not'))}"),
    }


class Frames:
    """The frames of one article's figures (``figures``: every figure of the article, in text order)."""

    def __init__(self, text: str, places: Places, figures: list[Figure], decide: Callable[[Figure], Decision]):
        self.text, self.places, self._decide = text, places, decide
        self._figures = sorted(figures, key=lambda f: f.start)
        self._starts = [f.start for f in self._figures]

    def decide(self, fig: Figure, kind: str) -> Decision | None:
        """The measure a frame around the figure decides, or None."""
        return self._prior_year(fig) or (self._hypothetical(fig) if kind == "money" else None) or \
            (self._saving(fig) if kind == "percent" else None)

    def _prior_year(self, fig: Figure) -> Decision | None:
        """"1560 Millionen Franken (Vorjahr 1687 Millionen Franken)": the measure of the figure before the bracket."""
        found = _patterns()["prior"].search(self.text, max(0, fig.start - BRACKET_CHARS), fig.start)
        k = bisect.bisect_left(self._starts, fig.start)
        if not found or k == 0:
            return None
        before = self._figures[k - 1]
        if before.end != found.start() or before.kind != fig.kind or before.unit != fig.unit:
            return None  # the bracket must follow the figure itself, in its unit ("(Vorjahr 1687 Millionen Franken)")
        decided = self._decide(before)
        words = " ".join(found.group().split())
        return decided._replace(words=f"{decided.words}+{words}", cue_spans=()) if decided.measure != "other" else None

    def _hypothetical(self, fig: Figure) -> Decision | None:
        """Money in a sentence that says what would have been, now ("wäre heute … wert", "would be worth … today",
        "Wer … investiert hätte, hätte heute"): a hypothetical return, no price, no funding. The verb stands in the
        figure's own clause ("Während Microsoft mit 507 US-Dollar pro Aktie glänzt, … wären heute" is a price)."""
        place = self.places.place(fig)
        a, b = self.places.seg.sentence_span(place.sentence)
        found = next((f for s, e in place.windows[0][0] if (f := _patterns()["if"].search(self.text, s, e))), None)
        now = _patterns()["now"].search(self.text, a, b) if found else None  # the verb in the figure's own clause
        return Decision("other", f"{found.group()}+{now.group()}", "clause") if found and now else None

    def _saving(self, fig: Figure) -> Decision | None:
        """A percentage a noun of saving governs right after it ("99% Savings", "50% off", "an 80% reduction"), in a
        sentence about what is paid (a price, a bill, the API, tokens) and not about energy, jobs or training."""
        saving = _patterns()["saving"].match(self.text, fig.end)
        if not saving:
            return None
        a, b = self.places.seg.sentence_span(self.places.place(fig).sentence)
        i, j = bisect.bisect_left(self._starts, a), bisect.bisect_left(self._starts, b)
        paid = _patterns()["paid"].search(self.text, a, b) or next(  # "drops that to $15 — an 80% reduction"
            (f for f in self._figures[i:j] if f.kind == "money"), None)
        if not paid or _patterns()["not"].search(self.text, a, b):
            return None
        word = paid.group() if isinstance(paid, re.Match) else self.text[paid.start:paid.end]
        return Decision("price_cut", f"{saving.group().strip()}+{word}", "clause", ((saving.start(), saving.end()),))
