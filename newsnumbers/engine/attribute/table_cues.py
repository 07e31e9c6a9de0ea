"""A figure in a table takes the measure its column header or its row label names.

"| Model | Input/MTok | Output/MTok | Context Window |", then "| Claude Opus 4.7 | $5.00 | $25.00 | 1M tokens |":
read alone, "1M tokens" is a count of tokens; read under its header it is a context window. Where a table
cell's own row has no cue, the cues of its column's header cell and of its row's label cell (the first
cell: "| Context Window | 256K tokens |") decide, with the same rules (``measures.csv``) as prose. Only pipe
tables with a separator row are read (:func:`..tables.column_head`). Where neither decides, the table's caption
(the line above its header) may: "How Much Did It Cost to Train Major AI Models?" over "| Compute Cost (Est.) |".
A count in a table copied without its grid reads its label on the line above ("| Context Window |", then
"256K tokens |") or the header over its rows where spaces keep the columns apart ("Model Input Output Context
Window", then "claude-opus-4-6 $5.00 $25.00 1M tokens").
"""
from __future__ import annotations

import re

from ..recognise import Figure
from ..tables import column_head, line_span
from ..vertical_tables import CELL_CHARS  # a line that holds one cell of a table copied without its grid
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
        cell = column_head(self.text, fig.start, self._heads) if "|" in self.text[max(0, fig.start - 200):fig.start] else None
        if cell is None:  # no pipe before the figure on its line (the cheap test first), or no pipe table
            return self._first_rule(fig, kind, row_label_above(self.text, fig), row_header_above(self.text, fig)) \
                if kind == "count" else None
        head_start, head_end, label_end = cell
        row_start = self.text.rfind("\n", 0, fig.start) + 1
        return self._first_rule(fig, kind, (head_start, head_end), (row_start, label_end), _caption(self.text, head_start))

    def _first_rule(self, fig: Figure, kind: str, *spans: tuple[int, int]) -> Decision | None:
        """The first rule whose cues all stand in one of ``spans`` (tried in order), not a weak one."""
        rules = rules_for(kind)
        for a, b in spans:
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


SPACED_ROW_CHARS = 120  # a row of a table whose columns are kept apart by spaces only
ROWS_UP = 12  # how many rows above a cell its header may stand (the walk stays short: cost linear)


_TOKEN_WORD = re.compile(r"(?i)(?<![\w-])tokens?(?![\w-])")


def row_label_above(text: str, fig: Figure) -> tuple[int, int]:
    """A key-value table copied one cell per line ("| Context Window |", then "256K tokens |"): where the figure's
    line holds nothing else, the label on the line right above it, without digits; (0, 0) otherwise."""
    start, end = line_span(text, fig.start)
    if end - start > CELL_CHARS or (text[start:fig.start] + text[fig.end:end]).strip(" |\t"):
        return (0, 0)
    above = line_span(text, start - 1) if start > 0 else (0, 0)
    label = text[above[0]:above[1]]
    return above if label.strip(" |\t") and len(label) <= CELL_CHARS and not any(c.isdigit() for c in label) else (0, 0)


def row_header_above(text: str, fig: Figure) -> tuple[int, int]:
    """A table whose columns are kept apart by spaces ("Model Input ($/MTok) Output ($/MTok) Context Window", then
    "claude-opus-4-6 $5.00 $25.00 1M tokens"): from a short line, up over the short lines with digits (its rows), the
    first line without digits, its header; (0, 0) where a long line (prose) or a blank one comes first."""
    start, end = line_span(text, fig.start)
    row = text[start:end]
    if end - start > SPACED_ROW_CHARS or row.rstrip().endswith(".") or len(_TOKEN_WORD.findall(row)) > 1:
        return (0, 0)  # a sentence, or a row of two counts of tokens (max output and context): columns unknown
    for _ in range(ROWS_UP):
        if start == 0:
            return (0, 0)
        start, end = line_span(text, start - 1)
        line = text[start:end]
        if not line.strip() or end - start > SPACED_ROW_CHARS:
            return (0, 0)
        if not any(c.isdigit() for c in line):
            return (start, end) if all(w[:1].isupper() or not w[:1].isalpha() for w in line.split()) else (0, 0)
    return (0, 0)  # a header's words are capitalised column names; "Some context", "Hintergrund und Kontext" are headings


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
