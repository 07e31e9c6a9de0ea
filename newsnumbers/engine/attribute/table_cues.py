"""A figure in a table takes the measure its column header or its row label names.

"| Model | Input/MTok | Output/MTok | Context Window |", then "| Claude Opus 4.7 | $5.00 | $25.00 | 1M tokens |":
read alone, "1M tokens" is a count of tokens; read under its header it is a context window. Where a table
cell's own row has no cue, the cues of its column's header cell and of its row's label cell (the first
cell: "| Context Window | 256K tokens |") decide, with the same rules (``measures.csv``) as prose. Only pipe
tables with a separator row are read (:func:`..tables.column_head`). Where neither decides, the table's caption
(the line above its header) may: "How Much Did It Cost to Train Major AI Models?" over "| Compute Cost (Est.) |".
"""
from __future__ import annotations

from ..recognise import Figure
from ..tables import column_head
from . import cues as cue_scan
from .measure_rules import rules_for, rules_in, rules_with_cues
from .sentence_cues import Decision


class TableCues:
    """The header and label cues of one article's table cells, each table walked once."""

    def __init__(self, text: str, lower: str, lang: str):
        self.text, self.lower, self.lang = text, lower, lang
        self._heads: dict[int, tuple[list[str], int] | None] = {}  # row start -> its table's header (shared walk)

    def decide(self, fig: Figure, kind: str) -> Decision | None:
        """The first rule (in the lexicon's order) whose cues all stand in the cell's header, else in its row's
        label, else in the table's caption; None outside a table, in its first column, or where none names a measure."""
        if "|" not in self.text[max(0, fig.start - 200):fig.start]:
            return None  # no pipe before the figure on its line: no table cell (cheap test first)
        cell = column_head(self.text, fig.start, self._heads)
        if cell is None:
            return None
        head_start, head_end, label_end = cell
        row_start = self.text.rfind("\n", 0, fig.start) + 1
        rules = rules_for(kind)
        for a, b in ((head_start, head_end), (row_start, label_end), _caption(self.text, head_start)):
            if not 0 <= a < b <= fig.start:
                continue
            found_cues = cue_scan.scan(self.text, self.lower, a, b, self.lang)
            possible = rules_with_cues(kind, frozenset(found_cues))
            found = [f for f in rules_in(rules, possible, found_cues, [(a, b)], fig, distances=False)
                     if not rules[f[0]].weak]
            if found:
                rule = rules[min(found)[0]]
                words = "+".join(dict.fromkeys(self.text[s:e] for cue in rule.cues for s, e in found_cues[cue][:1]))
                return Decision(rule.measure, words, "table", tuple(found_cues[c][0] for c in rule.cues))
        return None


CAPTION_CHARS = 300  # the longest caption line read: a heading or a question, not a paragraph's end


def _caption(text: str, head_start: int) -> tuple[int, int]:
    """The line right above a table's header row, blank lines skipped, where it is no table row itself: the
    table's caption ("How Much Did It Cost to Train Major AI Models?" over "| Model | … | Compute Cost |"),
    which names what a generic header ("Cost") counts; (0, 0) where there is none."""
    end = text.rfind("\n", 0, head_start)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip():
        end = text.rfind("\n", 0, end)
    start = text.rfind("\n", 0, end) + 1 if end > 0 else 0
    if end <= 0 or "|" in text[start:end] or end - start > CAPTION_CHARS:
        return (0, 0)
    return (start, end)
