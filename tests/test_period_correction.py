"""The period a figure covers is correctable like its other fields: a `fix` or `add` in corrections.csv
sets it, a period outside periods.csv's vocabulary is a rejected row with file and line, and the review
form offers the vocabulary's periods among its fix choices."""
from __future__ import annotations

import csv
import io
import shutil

import pandas as pd
import pytest
from conftest import ROOT

from newsnumbers import extract_paths, vocabulary
from newsnumbers.corrections import CORRECTION_COLUMNS
from newsnumbers.review.widgets import ReviewQueue

TEXT = ("Microsoft will über vier Jahre 80 Milliarden Dollar in Rechenzentren investieren. "
        "DeepSeek trainierte V3 für 5,6 Millionen Dollar.\n")
HEADER = ",".join(CORRECTION_COLUMNS)


@pytest.fixture
def folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")
    return seeds


def _line(**values: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([values.get(c, "") for c in CORRECTION_COLUMNS])
    return out.getvalue()


def _by_quote(folder) -> pd.DataFrame:
    figures, _ = extract_paths([folder], corrections=False)
    return figures.set_index("quote")


def test_the_template_header_has_a_period_column_after_per():
    assert CORRECTION_COLUMNS.index("period") == CORRECTION_COLUMNS.index("per") + 1
    assert (ROOT / "seeds/corrections.csv").read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_fix_and_add_set_the_period(folder):
    rows = _by_quote(folder)
    assert rows.loc["5,6 Millionen Dollar", "period"] == ""  # the clause states none
    (folder / "corrections.csv").write_text(
        HEADER + "\n" + _line(id=rows.loc["5,6 Millionen Dollar", "id"], action="fix", period="year")
        + _line(action="add", article="a.txt", quote="vier Jahre", value="4", unit="years", period="multi_year:4",
                measure="other", note="a duration, for the test"), encoding="utf-8")
    figures, rejected = extract_paths([folder])
    assert rejected.empty, rejected.to_string()
    fixed = figures.set_index("quote").loc["5,6 Millionen Dollar"]
    assert (fixed["period"], fixed["source"], fixed["evidence"]) == ("year", "correction", "correction: period")
    assert fixed["value"] == 5.6e6 and fixed["measure"] == rows.loc["5,6 Millionen Dollar", "measure"]
    assert figures.set_index("quote").loc["vier Jahre", "period"] == "multi_year:4"


@pytest.mark.parametrize("bad, says", [("yearly", "period 'yearly' is not in the vocabulary"),
                                       ("Year", "did you mean 'year'?"),
                                       ("multi_year:1", "period 'multi_year:1' is not in the vocabulary"),
                                       ("until:29", "{year} four digits"),
                                       ("multi_year:{n}", "periods.csv")])
def test_an_unknown_period_is_a_rejected_row_with_file_and_line(folder, bad, says):
    rows = _by_quote(folder)
    good = _line(id=rows.loc["80 Milliarden Dollar", "id"], action="confirm")
    (folder / "corrections.csv").write_text(
        HEADER + "\n# a comment line\n" + good + _line(id=rows.loc["5,6 Millionen Dollar", "id"], action="fix", period=bad),
        encoding="utf-8")
    figures, rejected = extract_paths([folder])
    assert len(rejected) == 1, rejected.to_string()
    problem = rejected.iloc[0]
    assert (problem["path"], str(problem["line"])) == (str(folder / "corrections.csv"), "4")
    assert says in problem["reason"], problem["reason"]
    by_quote = figures.set_index("quote")
    assert by_quote.loc["5,6 Millionen Dollar", ["period", "source"]].tolist() == ["", "rule"]  # not half-applied
    assert by_quote.loc["80 Milliarden Dollar", "source"] == "confirmed"  # the good line still applies


def test_every_form_of_periods_csv_is_valid_and_nothing_else():
    choices = vocabulary.periods(["multi_year:7", "nonsense"])
    assert {"year", "quarter", "multi_year:4", "until:2029", "fiscal_year:2029", "multi_year:7"} <= set(choices)
    assert "nonsense" not in choices and all(vocabulary.is_period(c) for c in choices)
    assert len(choices) == len(vocabulary.period_templates()) + 1  # one example per template, and the one seen
    assert not any(vocabulary.is_period(t) for t in ("", "years", "quarter:2", "multi_year:0", "until:2029x"))


def test_the_review_form_offers_periods_and_writes_a_period_fix(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    before = (seeds / "corrections.csv").read_text(encoding="utf-8")
    q = ReviewQueue(str(seeds), str(tmp_path / "data"), locale="en")
    offered = set(q.fields["period"].options)
    assert {"year", "quarter", "multi_year:4", "until:2029"} <= offered and offered == set(q.add_fields["period"].options)
    assert set(q.figures["period"]) - {""} <= offered  # the table's own periods too
    assert q.fields["period"].description == "period"
    row = q.current
    assert row["period"] != "multi_year:4"
    q.fields["period"].value = "multi_year:4"
    q.fix_button.click()
    assert "✓ fix" in q.status.value, q.status.value
    added = (seeds / "corrections.csv").read_text(encoding="utf-8")[len(before):]
    line = dict(zip(CORRECTION_COLUMNS, next(csv.reader([added]))))
    assert (line["id"], line["action"], line["period"]) == (row["id"], "fix", "multi_year:4")
    assert not any(line[c] for c in ("value", "unit", "measure", "organisation", "model"))  # only the change
    rebuilt = pd.read_csv(tmp_path / "data/figures.csv", keep_default_na=False).set_index("id")
    assert rebuilt.loc[row["id"], ["period", "source"]].tolist() == ["multi_year:4", "correction"]
    assert q.current["id"] != row["id"]  # on to the next row
    q.fields["period"].value = "per decade"
    q.fix_button.click()  # refused before anything is written
    assert "✗" in q.status.value and "period &#x27;per decade&#x27; is not in the vocabulary" in q.status.value
    assert (seeds / "corrections.csv").read_text(encoding="utf-8") == before + added


def test_a_dash_clears_a_wrongly_detected_period_and_nothing_else(folder):
    """An empty cell keeps the extracted value, so '-' is how a fix clears a period the article does not state."""
    rows = _by_quote(folder)
    assert rows.loc["80 Milliarden Dollar", "period"] == "multi_year:4"
    (folder / "corrections.csv").write_text(
        HEADER + "\n" + _line(id=rows.loc["80 Milliarden Dollar", "id"], action="fix", period="-", note="for the test"),
        encoding="utf-8")
    figures, rejected = extract_paths([folder])
    assert rejected.empty, rejected.to_string()
    fixed = figures.set_index("quote").loc["80 Milliarden Dollar"]
    assert (fixed["period"], fixed["source"], fixed["evidence"]) == ("", "correction", "correction: period")
    kept = rows.loc["80 Milliarden Dollar"]
    assert fixed[["value", "unit", "measure", "organisation"]].tolist() == kept[["value", "unit", "measure", "organisation"]].tolist()


@pytest.mark.parametrize("field", ["value", "unit", "measure", "qualifier"])
def test_a_dash_in_a_field_every_figure_needs_is_a_rejected_row(folder, field):
    rows = _by_quote(folder)
    (folder / "corrections.csv").write_text(
        HEADER + "\n" + _line(id=rows.loc["80 Milliarden Dollar", "id"], action="fix", **{field: "-"}), encoding="utf-8")
    figures, rejected = extract_paths([folder])
    assert len(rejected) == 1 and f"{field} cannot be cleared ('-')" in rejected.iloc[0]["reason"], rejected.to_string()
    assert str(rejected.iloc[0]["line"]) == "2"
    assert figures.set_index("quote").loc["80 Milliarden Dollar", "source"] == "rule"  # not half-applied


def test_the_review_form_clears_a_period_emptied_and_refuses_to_empty_a_value(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")
    before = (seeds / "corrections.csv").read_text(encoding="utf-8")
    q = ReviewQueue(str(seeds), str(tmp_path / "data"), locale="en")
    target = q.rows[q.rows["period"] == "multi_year:4"].iloc[0]
    q.pick.value = target["id"]
    q.fields["value"].value = ""
    q.fix_button.click()
    assert "✗" in q.status.value and "value cannot be emptied" in q.status.value
    assert (seeds / "corrections.csv").read_text(encoding="utf-8") == before  # refused: nothing written
    q.show_row()  # the row's own values back in the form
    q.fields["period"].value = ""
    q.fix_button.click()
    assert "✓ fix" in q.status.value, q.status.value
    text = (seeds / "corrections.csv").read_text(encoding="utf-8")
    assert text.startswith(before)  # the analyst's lines stay as they were
    line = dict(zip(CORRECTION_COLUMNS, next(csv.reader([text[len(before):]]))))
    assert (line["id"], line["action"], line["period"]) == (target["id"], "fix", "-")
    rebuilt = pd.read_csv(tmp_path / "data/figures.csv", keep_default_na=False).set_index("id")
    assert rebuilt.loc[target["id"], ["period", "source"]].tolist() == ["", "correction"]
