"""Price lists laid out without pipes: the amounts under a heading or caption that names a token rate.

Split from tables.py (pipe tables). Pages flatten their price tables in several ways: short lines of a label
and an amount under a heading ("Token Type Price per 1M tokens", then "Input$0.30"), rows glued into one line
("Input$0.30Output$2.50"), or long lines of a list under a caption ending in a colon ("Here is the current
pricing (per million tokens):", then "GPT-4o: $2.50 input / $10.00 output - Claude 3.5 Sonnet: …"). Read alone,
each amount is bare money; under its heading it is a price per million tokens. Each line is walked once.
"""
from __future__ import annotations

from typing import NamedTuple

from .attribute.measure_words import direction_word, directions
from .recognise import Figure
from .tables import CENTS_THEN_CELL, EMPTY_CELL, GLUED, RATE_MAX, header_direction, line_span, named_rate, short_line

LIST_LINE_CHARS = 80  # a line of a price list laid out without pipes ("Input$0.30", "Cache Read: $0.075")
LABEL_CHARS = 30  # what such a line holds besides its amount: a label ("Cached input:"), no sentence
RATE_LABEL_CHARS = 60  # a label before a colon that names the rate ("Input price (per 1M tokens):"), no sentence
AFTER_COLON_CHARS = 80  # how far after that colon its amounts may stand ("input $1.25, output $10")
LABEL_WORDS = 3  # words at most between the colon or an amount and the next amount: a label ("cached input"), no clause


def carry_list_heads(figures: list[Figure], text: str) -> None:
    """Give money figures on the short lines under a heading line that names a token rate ("Token Type Price
    per 1M tokens", then "Input$0.30", "Output$2.50": a table that lost its pipes) that rate (in place).
    Only a line of a label and one small amount counts; the block is the run of such lines right under the
    heading, each walked once (``memo``)."""
    spans = {id(f): short_line(text, f.start, LIST_LINE_CHARS) for f in figures if f.kind == "money"}
    priced = {span[0] for span in spans.values() if span}  # line starts that hold an amount
    memo: dict[int, str] = {}  # line start -> the rate of its block's heading, or ""
    for fig in figures:
        span = spans.get(id(fig))
        if span is None or fig.per or fig.value > RATE_MAX or "|" in text[span[0]:span[1]]:
            continue  # a pipe table's row is read by :func:`carry_headers`
        label = (text[span[0]:fig.start] + text[fig.end:span[1]]).strip()
        if len(label) <= LABEL_CHARS and not any(ch.isdigit() for ch in label):
            fig.per = memo[span[0]] if span[0] in memo else _list_head(text, span[0], memo, priced)
    _carry_glued_rows(figures, text, spans)


def _carry_glued_rows(figures: list[Figure], text: str, spans: dict[int, tuple[int, int] | None]) -> None:
    """A table that lost its pipes and spaces ("ModelInput /M tokensOutput /M tokensContext", then "Claude 3
    Opus$15.00$75.00200K"): under a heading line that names a token rate and its directions in order, each short
    line's amounts take the rate, the k-th amount the k-th direction (in place). Only lines of two or more
    amounts, right under the heading or under such lines, and only as many amounts as the heading has directions;
    an empty cell counts as one ("Model B n/a $2.00 $0.05": $2.00 is the second direction)."""
    rows: dict[int, list[Figure]] = {}
    for fig in figures:
        span = spans.get(id(fig))
        if span and not fig.per and "|" not in text[span[0]:span[1]]:
            rows.setdefault(span[0], []).append(fig)
    heads: dict[int, tuple[str, list[str]]] = {}  # line start -> (rate, directions) of its block's heading
    for start in sorted(s for s, row in rows.items() if len(row) >= 2):
        if start not in heads:  # a block's first line: its heading read, and its lines walked, once
            head = _glued_head(text, start, rows)
            heads.update((a, head) for a, _ in _block_lines(text, start, rows))
        rate, order = heads[start]
        row = sorted(rows[start], key=lambda f: f.start)
        cells = [k + len(EMPTY_CELL.findall(text, start, fig.start)) for k, fig in enumerate(row)]  # "n/a" counts
        if rate and cells[-1] < len(order):
            for fig, k in zip(row, cells):
                _cut_at_cents(fig, text)  # "$75.00200K", a price glued to the next cell, read as 75002
                if fig.value <= RATE_MAX:
                    fig.per, fig.direction = rate, fig.direction or order[k]


def _cut_at_cents(fig: Figure, text: str) -> None:
    """A price glued to the next cell of its row ("Claude 3 Opus$15.00$75.00200K", read as $75,002): a price's
    cents end its number, so the figure ends there and is worth what it says ($75.00). Left alone where its
    number has no cents followed by more digits (in place)."""
    cents = CENTS_THEN_CELL.search(text[:fig.end], fig.start)  # "$0.125" (a cached price) has no cell after it
    if cents is not None:
        fig.end, fig.value = cents.end(), float(cents.group().replace(",", "."))


def _block_lines(text: str, start: int, rows: dict[int, list[Figure]]) -> list[tuple[int, int]]:
    """The line at ``start`` and the lines right under it that hold two or more amounts."""
    out, pos = [], start
    while pos in rows and len(rows[pos]) >= 2:
        a, b = line_span(text, pos)
        out.append((a, b))
        pos = b + 1
    return out


def _glued_head(text: str, start: int, rows: dict[int, list[Figure]]) -> tuple[str, list[str]]:
    """The rate and the directions in order named by the heading above a block of glued rows, or ("", [])."""
    pos = start
    while pos > 0:
        a, b = line_span(text, pos - 1)
        if not (a in rows and len(rows[a]) >= 2):
            line = text[a:b]
            if b - a > LIST_LINE_CHARS or not line.strip():
                return "", []
            cells = GLUED.sub(" ", line)  # "ModelInput /M tokensOutput": cells glued where a capital follows
            order = [directions().get(m.group().lower(), "") for m in direction_word().finditer(cells)]
            return named_rate(line), [d for d in order if d]
        pos = a
    return "", []


def _list_head(text: str, line_start: int, memo: dict[int, str], priced: set[int]) -> str:
    """The rate the heading above a short line's block names, or ""; every line walked is memoised."""
    return _heading_rate(text, line_start, memo, priced, _Walk(LIST_LINE_CHARS, len(text), False, False))


class _Walk(NamedTuple):
    """How :func:`_heading_rate` walks up from an amount's line to the heading of its run of priced lines."""

    line_chars: int  # a longer line ends the walk (bounded: a text of one long line costs each figure no more)
    max_lines: int  # how many priced lines the heading may head
    blank_ok: bool  # a blank line is passed over ("Prices per 1M tokens:", a blank line, then the list)
    caption: bool  # the heading must end with a colon or be a Markdown heading to give its rate


SUBHEAD_CHARS = 40  # a model's name between the blocks of one price list ("Claude Sonnet 4.5", then "Input$3")


def _heading_rate(text: str, line_start: int, memo: dict[int, str], priced: set[int], walk: _Walk) -> str:
    """The rate the heading above a priced line's run names, or ""; every line walked is memoised. A list's
    heading may stand over subheadings of its own ("Pricing per Million Tokens", a blank line, "Claude Sonnet
    4.5", "Input$3", "Output$15", "Claude Opus 4.1", "Input$15"): short lines that name no rate, each right
    above priced lines, and one blank line under the heading are passed over."""
    pos, visited, rate, subheads = line_start, [line_start], "", False
    while pos > 0 and len(visited) <= walk.max_lines:
        span = short_line(text, pos - 1, walk.line_chars)
        if span is None:
            break
        a, b = span
        if a in memo:
            rate = memo[a] if walk.caption or a in priced else ""
            break
        line = text[a:b].strip()
        if not line and walk.blank_ok:
            pos = a
            continue
        if not line:
            rate = _heading_over_blank(text, a, priced) if subheads else ""
            break
        if a not in priced:
            rate = named_rate(line) if not walk.caption or line.endswith(":") or line.startswith("#") else ""
            if rate or walk.caption or len(line) > SUBHEAD_CHARS or pos not in priced or line.endswith((".", ":")) \
                    or direction_word().search(line) or not any(ch.isdigit() for ch in line):
                break  # a subheading names a model with its version; "Output" over "$2.50" is the amount's label,
            # "Consumer plans" over "Pro$20" no model's
            subheads = True  # "Claude Opus 4.1" between two blocks: walk on to the list's heading
        visited.append(a)
        pos = a
    if subheads and not rate:
        return ""  # no heading above the subheadings: nothing memoised for them either
    for v in visited:
        memo[v] = rate
    return rate


def _heading_over_blank(text: str, blank_start: int, priced: set[int]) -> str:
    """The rate the short line right above a blank line names, or "" ("Pricing per Million Tokens", a blank line,
    then the list's first subheading); not a line that holds a price or ends a sentence ("The API costs $3 per
    million tokens.")."""
    span = short_line(text, blank_start - 1, LIST_LINE_CHARS) if blank_start > 0 else None
    if span is None or span[0] in priced or text[span[0]:span[1]].rstrip().endswith("."):
        return ""
    return named_rate(text[span[0]:span[1]])


CAPTION_LINES = 12  # how many lines of prices a caption ending in a colon may head
CAPTION_LINE_CHARS = 2000  # a line of such a list (a flattened list of a dozen prices) is shorter


def carry_captions(figures: list[Figure], text: str) -> None:
    """Give small money amounts on the lines under a caption that names a token rate and ends with a colon, or
    under a Markdown heading that names one ("Here is the current pricing landscape (per million tokens):", then
    "GPT-4o: $2.50 input / $10.00 output - Claude 3.5 Sonnet: …"; "### Claude Haiku 4.5 price per 1M tokens")
    that rate (in place). Unlike :func:`carry_list_heads` the lines may be long (a list flattened into prose);
    the colon or the heading is what says a list follows. Every line between the caption and the amount must
    hold an amount or be blank; each line is walked once (``memo``)."""
    lines = {f.start: short_line(text, f.start, CAPTION_LINE_CHARS) for f in figures if f.kind == "money"}
    large = {lines[f.start][0] for f in figures if f.kind == "money" and f.value > RATE_MAX and lines[f.start]}
    priced = {span[0] for span in lines.values() if span} - large  # a line with a round or a revenue is no price list's
    memo: dict[int, str] = {}  # line start -> the rate of the caption above its run of priced lines, or ""
    for fig in figures:
        if fig.kind != "money" or fig.per or fig.value > RATE_MAX or lines[fig.start] is None:
            continue  # on a line longer than a list's (bounded: a text of one long line costs each figure no more)
        start = lines[fig.start][0]
        fig.per = memo[start] if start in memo else _caption_rate(text, start, memo, priced)


def _caption_rate(text: str, line_start: int, memo: dict[int, str], priced: set[int]) -> str:
    """The rate the caption above a priced line's run names, or "" (see :func:`carry_captions`)."""
    if line_start not in priced:
        memo[line_start] = ""
        return ""
    return _heading_rate(text, line_start, memo, priced, _Walk(CAPTION_LINE_CHARS, CAPTION_LINES, True, True))


def carry_label_rates(figures: list[Figure], text: str) -> None:
    """Give amounts after a label that names a token rate on their own line ("Input price (per 1M tokens): $1.25",
    "Pricing per 1M tokens: input $1.25, output $10") that rate, and the direction the words since the colon or the
    previous amount's comma name, else the label's (in place; a direction after an amount is read later, by
    :mod:`.rates`). Only a short label before the line's colon, amounts close after it, no sentence
    end between: "The rate per 1M tokens fell. Now: $3" is no label."""
    previous: dict[int, int] = {}  # a line's colon -> where its previous amount ended
    for fig in figures:
        if fig.kind != "money" or fig.per or fig.value > RATE_MAX:
            continue
        start = text.rfind("\n", 0, fig.start) + 1
        colon = text.find(":", start, fig.start)
        if colon < 0 or colon - start > RATE_LABEL_CHARS or fig.start - colon > AFTER_COLON_CHARS \
                or ". " in text[colon:fig.start] or not (rate := named_rate(text[start:colon].lower())):
            continue
        since = text[previous.get(colon, colon + 1):fig.start]  # after the previous amount: its own words first
        if len(since.split()) > LABEL_WORDS:
            continue  # "…: GPT-4o costs $2.50 for input, while ChatGPT Plus still costs $20": a clause of its own
        since = since[max(since.rfind(","), since.rfind("/"), since.rfind(";")) + 1:]  # ("$1.25 input, $10 output")
        fig.per = rate
        fig.direction = fig.direction or header_direction(since) or header_direction(text[start:colon])
        previous[colon] = fig.end
