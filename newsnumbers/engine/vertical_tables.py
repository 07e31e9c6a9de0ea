"""Price tables laid out one cell per line: a page's table copied without its grid.

"API pricing (per million tokens)", then "Model", "Input", "Output", then "Claude Opus 4.6", "$5", "$25",
"Claude Sonnet 4.6", "$3", "$15": each amount stands alone on its line, the header's direction words stand
alone above the first row, and a caption above the header names the rate. Read alone, "$25" is bare money;
in its table it is the output price per million tokens of the model on the line before its row. The k-th
amount of a row takes the k-th direction of the header, where the row has as many amounts as the header has
directions. Each amount walks at most ``TABLE_LINES`` lines up and ``ROW_CELLS`` down, so the cost grows with the
text, not its square.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .attribute.measure_words import direction_word, directions
from .recognise import Figure
from .tables import RATE_MAX, line_span, named_rate, short_line

CELL_CHARS = 40  # a line of such a table holds one cell: a model's name, a direction word, an amount
TABLE_LINES = 60  # how far up from an amount its table's header may stand
CAPTION_LINES = 3  # how far above the header its caption may stand
ROW_CELLS = 8  # a row holds at most this many amounts (a walk along a column of amounts stops there: cost stays linear)


def carry_vertical(figures: list[Figure], text: str) -> None:
    """Give the amounts of a one-cell-per-line price table their rate and direction (in place)."""
    lines = {f.start: span for f in figures if f.kind == "money" and not f.per and f.value <= RATE_MAX
             and (span := short_line(text, f.start, CELL_CHARS)) and text[slice(*span)].strip() == text[f.start:f.end]}
    if len(lines) < 2:
        return
    starts = {span[0]: f for f in figures if (span := lines.get(f.start))}
    for fig in figures:
        if fig.start not in lines:
            continue
        found = _head(text, lines[fig.start][0], starts)
        if found is None:
            continue
        rate, dirs, k, row = found
        if len(row) == len(dirs) and rate:
            fig.per, fig.direction = rate, fig.direction or dirs[k]


def _head(text: str, line_start: int, amounts: dict[int, Figure]) -> tuple[str, list[str], int, list[int]] | None:
    """(the caption's rate, the header's directions, the amount's place in its row, the row's amount lines), or
    None where the lines above are no such table (a long line, a blank line, no header of directions)."""
    above = _lines_above(text, line_start)
    row_before = 0
    while row_before < min(len(above), ROW_CELLS) and above[row_before][0] in amounts:
        row_before += 1  # "$5" above "$25": the amount is the row's second
    below, pos = [], line_span(text, line_start)[1] + 1  # the line is short: its span is cheap
    while len(below) < ROW_CELLS and pos < len(text) and (span := short_line(text, pos, CELL_CHARS)) and span[0] in amounts:
        below.append(span[0])
        pos = span[1] + 1
    row = [a for a, _ in reversed(above[:row_before])] + [line_start] + below
    for i, (a, b) in enumerate(above):
        if cell_direction(text[a:b]):
            run = _run(text, above, i)
            dirs = [cell_direction(text[x:y]) for x, y in reversed(run)]
            caption = " ".join(text[x:y] for x, y in above[i:i + len(run) + CAPTION_LINES + 1])
            return named_rate(caption), dirs, row_before, row
    return None


def cell_direction(cell: str) -> str:
    """The direction a header cell names by its first words ("Input", "Output price", "Cache read"), or ""."""
    m = direction_word().match(cell.strip())
    rest = cell.strip()[m.end():].strip(" -").lower() if m else ""  # "Input-Preis": the rest after the hyphen
    return directions().get(m.group().lower(), "") if m and (not rest or _price_words().fullmatch(rest.split()[0])) else ""


@lru_cache(maxsize=1)
def _price_words() -> re.Pattern[str]:
    """Words a direction cell may go on with and still name only a direction ("Output price", "Input (per 1M)"):
    grammar_words role ``direction_cell_word``."""
    return re.compile(lexicon.in_order(lexicon.load().words("direction_cell_word")))


def _lines_above(text: str, line_start: int) -> list[tuple[int, int]]:
    """The short lines above a line, nearest first (at most ``TABLE_LINES``), up to a long line or two blank
    lines; a single blank line (under the caption, between rows) is passed over."""
    out: list[tuple[int, int]] = []
    pos, blank = line_start, False
    while pos > 0 and len(out) < TABLE_LINES:
        span = short_line(text, pos - 1, CELL_CHARS)
        if span is None:
            break  # a long line ends the table (bounded: a text of one long line costs no more)
        a, b = span
        pos = a
        if not text[a:b].strip():
            if blank:
                break
            blank = True
            continue
        out.append((a, b))
        blank = False
    return out


def _run(text: str, above: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """The header's direction lines from ``above[i]`` upwards, nearest first."""
    run = []
    for a, b in above[i:]:
        if not cell_direction(text[a:b]):
            break
        run.append((a, b))
    return run
