"""Figures in pipe tables take their column's token rate and direction (newsnumbers/engine/tables.py)."""
from __future__ import annotations

import newsnumbers
from newsnumbers.engine import tables

PRICE_TABLE = """Anthropic and OpenAI compared.

| Model | Input (per 1M tokens) | Output (per 1M tokens) | Context |
|---|---|---|---|
| Claude Opus 4.6 | $5.00 | $25.00 | 1M |
| GPT-5 Pro | $15.00 | $120.00 | 400K |
"""


def _rows(text: str, language: str = "en"):
    return newsnumbers.extract(text, language=language).set_index("quote", drop=False)


def test_a_price_table_gives_each_amount_its_columns_rate_and_direction():
    df = _rows(PRICE_TABLE)
    assert df.loc["$25.00", "measure"] == "price_per_million_tokens_output"
    assert df.loc["$15.00", "measure"] == "price_per_million_tokens_input"
    assert set(df.loc[["$5.00", "$120.00"], "per"]) == {"1M tokens"}
    assert df.loc["$120.00", "model"] == "GPT-5 Pro"


def test_a_header_denominator_is_no_count_of_tokens():
    assert "1M tokens" not in set(_rows(PRICE_TABLE)["quote"])


def test_the_rate_may_stand_in_the_caption_and_the_direction_in_the_row_label():
    text = ("Die Preise pro Million Tokens im Überblick:\n\n| Preis | Modell A | Modell B |\n|---|---|---|\n"
            "| Input | 3 Dollar | 1 Dollar |\n| Output | 15 Dollar | 5 Dollar |\n")
    df = _rows(text, "de")
    assert df.loc["15 Dollar", "measure"] == "price_per_million_tokens_output"
    assert df.loc["1 Dollar", "measure"] == "price_per_million_tokens_input"


def test_a_table_of_other_money_is_left_alone():
    revenue = "| Quarter | Revenue |\n|---|---|\n| Q1 | $5.00 |\n"
    assert _rows(revenue).loc["$5.00", "per"] == ""
    no_separator = "| Quarter | Revenue |\n| Q1 | $5.00 |\n"
    assert _rows(no_separator).loc["$5.00", "per"] == ""


def test_a_table_without_a_separator_row_reads_its_first_line_as_the_header():
    """Pages copied as text often lose the "|---|" row; the first of the table's lines is then its header."""
    no_separator = "| Model | Input (per 1M tokens) |\n| GPT-5 | $1.25 |\n"
    assert _rows(no_separator).loc["$1.25", "per"] == "1M tokens"
    bare = "Model | Input price | Output price\nClaude Opus 4.6 | $5 per 1M tokens | $25 per 1M tokens\nClaude Haiku 4.5 | $1 | $4\n"
    rows = _rows(bare)
    assert rows.loc["$4", "per"] == "1M tokens" and rows.loc["$4", "measure"] == "price_per_million_tokens_output"
    assert rows.loc["$1", "measure"] == "price_per_million_tokens_input"


def test_a_long_table_is_walked_once(monkeypatch):
    rows = "".join(f"| Model {k} | ${k}.00 | ${k + 1}.00 |\n" for k in range(1, 400))
    text = "| Model | Input (per 1M tokens) | Output (per 1M tokens) |\n|---|---|---|\n" + rows
    calls = {"lines": 0}
    span = tables.line_span

    def counting(text: str, pos: int):
        calls["lines"] += 1
        return span(text, pos)

    monkeypatch.setattr(tables, "line_span", counting)
    df = _rows(text)
    assert (df["measure"] == "price_per_million_tokens_output").sum() == 399
    assert calls["lines"] < 4 * 800  # a few lookups per figure, not one per row above it
