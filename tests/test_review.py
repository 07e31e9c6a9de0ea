"""The review queue without a browser: clicks append exactly one line, the analyst's file is kept byte for byte,
the rebuilt table is what `make figures` writes, and publish = "reviewed" draws reviewed rows only."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import ROOT

from newsnumbers import extract_paths, write_csv
from newsnumbers.charts import common, notebook
from newsnumbers.corrections import CORRECTION_COLUMNS
from newsnumbers.review import actions, queue
from newsnumbers.review.widgets import ReviewQueue

HEADER = ",".join(CORRECTION_COLUMNS)


@pytest.fixture
def seeds(tmp_path):
    """A copy of the seeds (with the shipped template corrections.csv) that the tests may append to."""
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _as_make_writes(seeds, tmp_path):
    """data/figures.csv as notebook 01 (run by make figures) writes it from these seeds."""
    figures, _ = extract_paths([seeds])
    write_csv(figures, tmp_path / "make.csv")
    return (tmp_path / "make.csv").read_bytes()


def test_template_ships_a_header_and_a_commented_example_and_changes_nothing():
    text = (ROOT / "seeds/corrections.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert all(line.startswith("#") for line in lines[1:]) and any(",fix," in line for line in lines[1:])
    with_template, rejected = extract_paths([ROOT / "seeds"])
    without, _ = extract_paths([ROOT / "seeds"], corrections=False)
    assert rejected.empty
    pd.testing.assert_frame_equal(with_template, without)


def test_clicks_append_one_line_each_and_rebuild_the_row(seeds, tmp_path):
    before = (seeds / "corrections.csv").read_bytes()
    q = ReviewQueue(str(seeds), str(tmp_path / "data"))
    first = q.current
    assert first["confidence"] == "low"  # the queue starts with what the extractor is least sure of
    q.note.value = "checked against the article"
    q.confirm_button.click()
    line = (f"{first['id']},confirm,{first['article']},\"{first['quote']}\",{first['start']},"
            ",,,,,,,,,checked against the article\n")
    assert (seeds / "corrections.csv").read_bytes() == before + line.encode()
    rebuilt = pd.read_csv(tmp_path / "data/figures.csv", keep_default_na=False).set_index("id")
    assert (rebuilt.loc[first["id"], ["source", "confidence", "measure"]].tolist()
            == ["confirmed", "high", first["measure"]])
    assert (tmp_path / "data/figures.csv").read_bytes() == _as_make_writes(seeds, tmp_path)

    row = q.current  # the next row in the queue
    assert row["id"] != first["id"]
    q.fields["measure"].value = "investment"
    q.fields["organisation"].value = "Microsoft"
    q.fix_button.click()
    quote = f"\"{row['quote']}\"" if "," in row["quote"] else row["quote"]
    fixed = f"{row['id']},fix,{row['article']},{quote},{row['start']},,,,,,,investment,Microsoft,,\n"
    assert (seeds / "corrections.csv").read_bytes() == before + line.encode() + fixed.encode()
    rebuilt = pd.read_csv(tmp_path / "data/figures.csv", keep_default_na=False).set_index("id")
    assert rebuilt.loc[row["id"], ["measure", "organisation", "source"]].tolist() == ["investment", "Microsoft",
                                                                                      "correction"]
    assert rebuilt.loc[row["id"], "value"] == row["value"]  # only the changed fields are written

    gone = q.current
    q.drop_button.click()
    assert gone["id"] not in set(pd.read_csv(tmp_path / "data/figures.csv")["id"])
    assert (tmp_path / "data/figures.csv").read_bytes() == _as_make_writes(seeds, tmp_path)


def test_add_needs_start_when_the_quote_occurs_twice_and_nothing_is_written_until_it_works(seeds, tmp_path):
    q = ReviewQueue(str(seeds), str(tmp_path / "data"))
    before = (seeds / "corrections.csv").read_bytes()
    q.add_article.value = "003_f348a2a9456c9d4a.txt"
    q.add_quote.value = "milliardenschweren"
    for name, value in (("value", "1e9"), ("unit", "USD"), ("qualifier", "lower_bound"),
                        ("measure", "model_spending"), ("organisation", "OpenAI")):
        q.add_fields[name].value = value
    q.add_button.click()
    assert "occurs 2 times" in q.status.value and "528, 1001" in q.status.value
    assert (seeds / "corrections.csv").read_bytes() == before  # a line the build rejects is never written
    q.add_start.value = "1001"
    q.add_button.click()
    assert (seeds / "corrections.csv").read_bytes() == before + (
        b",add,003_f348a2a9456c9d4a.txt,milliardenschweren,1001,1000000000,,USD,,,lower_bound,model_spending,OpenAI,,\n")
    added = q.figures[q.figures["quote"] == "milliardenschweren"].iloc[0]
    assert (added["start"], added["value"], added["source"]) == (1001, 1e9, "correction")


def test_a_second_decision_on_one_row_and_a_typo_are_refused_with_the_reason(seeds, tmp_path):
    q = ReviewQueue(str(seeds), str(tmp_path / "data"))
    row = q.current
    q.confirm_button.click()
    after_one = (seeds / "corrections.csv").read_bytes()
    with pytest.raises(ValueError, match="already corrected on line 8"):
        q.reviewer.submit(actions.drop(row))
    with pytest.raises(ValueError, match="not in the vocabulary"):
        q.reviewer.submit(actions.fix(q.rows.iloc[3], {"organisation": "Open AI"}))
    with pytest.raises(ValueError, match="nothing changed"):
        actions.fix(q.rows.iloc[3], {"measure": q.rows.iloc[3]["measure"]})
    assert (seeds / "corrections.csv").read_bytes() == after_one


def test_an_analysts_file_is_kept_byte_for_byte(seeds, tmp_path):
    """CRLF line ends, cp1252, comments, quoted fields, a column order of their own and no newline at the end."""
    figures, _ = extract_paths([seeds], corrections=False)
    first, second = figures.iloc[0], figures.iloc[1]
    own = (f"action , id,measure,note\r\n# geprüft von Jörg\r\n"
           f"fix,{first['id']},  investment ,\"Zahl, laut Überschrift\"\r\n\r\n"
           f"# noch offen").encode("cp1252")
    (seeds / "corrections.csv").write_bytes(own)
    line, written = actions.append(seeds / "corrections.csv", actions.confirm(second, "Prüfung"))
    assert line == 6 and written == f"confirm,{second['id']},,Prüfung"
    assert (seeds / "corrections.csv").read_bytes() == own + "\r\nconfirm,{},,Prüfung\r\n".format(second["id"]).encode("cp1252")
    fixed, rejected = extract_paths([seeds])
    assert rejected.empty, rejected.to_string()
    by_id = fixed.set_index("id")
    assert by_id.loc[first["id"], "measure"] == "investment" and by_id.loc[second["id"], "source"] == "confirmed"


def test_header_only_when_the_file_is_new_and_columns_the_file_lacks_are_refused(tmp_path):
    path = tmp_path / "corrections.csv"
    row = {"id": "abc", "article": "a.txt", "quote": "5 Dollar", "start": 3, "measure": "other", "value": 5.0}
    actions.append(path, actions.confirm(row))
    assert path.read_text(encoding="utf-8") == f"{HEADER}\nabc,confirm,a.txt,5 Dollar,3,,,,,,,,,,\n"
    path.write_text("id,action,measure\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column model"):
        actions.append(path, actions.fix(row, {"model": "R1"}))
    actions.append(path, actions.fix(row, {"measure": "revenue"}))
    assert path.read_text(encoding="utf-8") == "id,action,measure\nabc,fix,revenue\n"


def test_queue_order_low_confidence_then_charts_then_the_rest_reviewed_last(seed_figures):
    table = seed_figures.copy()
    table.loc[table.index[5], "source"] = "confirmed"
    rows = queue.order(table, str(ROOT / "seeds"))
    assert rows["priority"].is_monotonic_increasing
    assert rows["reason"].tolist()[0] == "low confidence" and rows["reason"].tolist()[-1] == "reviewed"
    charted = rows[rows["priority"] == 1]
    assert not charted.empty and charted["charts"].ne("").all()
    assert rows.loc[rows["priority"] == 2, "charts"].eq("").all()
    assert rows.loc[rows["quote"] == "60 US-Dollar pro Million Token", "charts"].item() == "03_token_prices"
    assert "<mark>60 US-Dollar pro Million Token</mark>" in queue.card(rows[rows["quote"].str.startswith("60 US")].iloc[0])


def test_publish_reviewed_draws_reviewed_rows_and_lists_the_rest(seed_figures, tmp_path, capsys):
    table = seed_figures.copy()
    prices = table["measure"].str.startswith("price_per_million_tokens")
    o1 = prices & table["quote"].str.startswith("60")
    table.loc[o1, "source"] = "confirmed"
    write_csv(table, tmp_path / "figures.csv")
    chart = notebook.build("03_token_prices", str(tmp_path / "figures.csv"), str(tmp_path / "f"), "en", "svg",
                           str(ROOT / "seeds"), publish="reviewed")
    out = capsys.readouterr()
    # one price makes no ratio: the chart draws the reviewed price alone and its headline compares nothing
    assert chart is not None and chart.data["value"].tolist() == [60.0]
    assert "times" not in chart.meta.title and "-mal" not in chart.meta.title
    assert "1 row left out" in out.out and table.loc[prices & ~o1, "id"].item() in out.out
    assert "publish: 03_token_prices: 1 unreviewed row left out" in out.err
    everything = notebook.published("03_token_prices", common.load(tmp_path / "figures.csv"), "all")
    assert len(everything) == len(table)
    table.loc[prices, "source"] = "correction"
    write_csv(table, tmp_path / "figures.csv")
    chart = notebook.build("03_token_prices", str(tmp_path / "figures.csv"), str(tmp_path / "f"), "en", "svg",
                           str(ROOT / "seeds"), publish="reviewed")
    assert sorted(chart.data["value"]) == [2.2, 60.0]
    assert "0 rows left out" in capsys.readouterr().out
    with pytest.raises(ValueError, match="publish must be all or reviewed"):
        notebook.published("03_token_prices", table, "approved")


@pytest.mark.slow
def test_review_notebook_runs_and_writes_nothing_by_itself(seeds, tmp_path):
    import json

    from newsnumbers.run import run

    before = (seeds / "corrections.csv").read_bytes()
    out = tmp_path / "08.ipynb"
    run(ROOT / "notebooks/08_review.ipynb", out, {"seeds_dir": str(seeds), "data_dir": str(tmp_path / "data")}, cwd=ROOT)
    outputs = [o for c in json.loads(out.read_text(encoding="utf-8"))["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert any("low confidence" in "".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert (seeds / "corrections.csv").read_bytes() == before
