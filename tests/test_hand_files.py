"""Hand-written corrections.csv and sources.csv: read strictly, every problem a rejected row with file and line.

Each test here failed on the lenient reader it replaced: misspelled columns were
ignored, ragged rows and unterminated quotes read "somehow", an id corrected
twice or an ``add`` on a figure already found gave two rows with one id,
values outside the vocabulary went into the table, cp1252 files were
unreadable, and a broken sources.csv went unmentioned by the charts.
"""
from __future__ import annotations

import re
import shutil

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import ROOT

from newsnumbers import extract_paths, write_csv
from newsnumbers.charts import common, questions
from newsnumbers.evaluate.corpus import MEASURES as CORPUS_MEASURES
from newsnumbers.handcsv import records
from newsnumbers.vocabulary import measures

TEXT = ("Nvidia verlor fast 600 Milliarden Dollar an Börsenwert. "
        "DeepSeek trainierte V3 für 5,6 Millionen Dollar. Die Aktie fiel um 17 Prozent.\n"
        "Ein Analyst schätzte den Schaden auf sechs Dutzend Milliarden.")
HEADER = "id,action,article,quote,start,value,value_high,unit,per,qualifier,measure,organisation,model,note\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _ids(folder) -> dict[str, str]:
    figures, _ = extract_paths([folder], corrections=False)
    return dict(zip(figures["quote"], figures["id"]))


def _run(folder, corrections: str | bytes):
    data = corrections.encode("utf-8") if isinstance(corrections, str) else corrections
    (folder / "corrections.csv").write_bytes(data)
    figures, rejected = extract_paths([folder])
    reasons = {int(r.line): r.reason for r in rejected.itertuples() if r.line != ""}
    return figures, rejected, reasons


def test_misspelled_column_is_named_and_its_rows_rejected(folder):
    ids = _ids(folder)
    figures, _, reasons = _run(folder, "id,action,organistion,model\n"
                                       f"{ids['17 Prozent']},fix,Nvidia,\n"
                                       f"{ids['5,6 Millionen Dollar']},fix,,V3\n")
    assert "unknown column 'organistion'" in reasons[1] and "did you mean 'organisation'" in reasons[1]
    assert "value in unknown column(s) organistion" in reasons[2]
    assert 3 not in reasons  # the row without a value there is applied
    by_quote = figures.set_index("quote")
    assert by_quote.loc["5,6 Millionen Dollar", "source"] == "correction"
    assert by_quote.loc["17 Prozent", "source"] == "rule"


def test_ragged_rows_and_unterminated_quotes_are_rejected_with_their_line(folder):
    ids = _ids(folder)
    figures, _, reasons = _run(folder, "id,action,model,note\n"
                                       f"{ids['17 Prozent']},drop,,,extra field\n"
                                       f"{ids['5,6 Millionen Dollar']},fix,V3,\"checked, twice\n"
                                       f"{ids['fast 600 Milliarden Dollar']},drop,,\n")
    assert "has 5 fields, the header has 4" in reasons[2]
    assert "unterminated quote" in reasons[3]
    assert 4 not in reasons  # reading goes on after the stray quote
    assert set(figures["quote"]) == {"17 Prozent", "5,6 Millionen Dollar"}


def test_a_quoted_field_may_span_lines_and_comments_are_skipped(folder):
    ids = _ids(folder)
    figures, rejected, _ = _run(folder, "# corrections for a.txt\nid,action,model,note\n"
                                        f"{ids['5,6 Millionen Dollar']},fix,V3,\"checked,\nagainst the paper\"\n")
    assert rejected.empty, rejected.to_string()
    assert figures.set_index("quote").loc["5,6 Millionen Dollar", "model"] == "V3"


def test_an_id_corrected_twice_is_rejected_the_second_time(folder):
    ids = _ids(folder)
    figures, _, reasons = _run(folder, "id,action,model\n"
                                       f"{ids['5,6 Millionen Dollar']},fix,V3\n"
                                       f"{ids['5,6 Millionen Dollar']},fix,R1\n")
    assert "already corrected on line 2" in reasons[3]
    assert figures.set_index("quote").loc["5,6 Millionen Dollar", "model"] == "V3"


def test_add_that_collides_with_a_figure_is_rejected_and_ids_stay_unique(folder, tmp_path):
    ids = _ids(folder)
    start = TEXT.index("17 Prozent")
    figures, _, reasons = _run(folder, HEADER
                               + ",add,a.txt,17 Prozent,,17,,percent,,,share_price_drop,,,the rules found it\n"
                               + f",add,a.txt,17,{start},17,,percent,,,,,,inside a figure\n"
                               + f"{ids['5,6 Millionen Dollar']},add,a.txt,sechs Dutzend Milliarden,,72e9,,USD,,,,,,\n"
                               + ",add,a.txt,sechs Dutzend Milliarden,,72e9,,USD,,approx,,,,missed\n")
    assert f"add collides with figure {ids['17 Prozent']!r}" in reasons[2]
    assert "add overlaps figure" in reasons[3]
    assert "add collides with figure" in reasons[4]  # an explicit id that is taken
    assert 5 not in reasons
    assert figures["id"].is_unique and len(figures) == 4
    write_csv(figures, tmp_path / "figures.csv")  # the table's own check passes
    with pytest.raises(ValueError, match="duplicate ids"):
        write_csv(pd.concat([figures, figures.iloc[[0]]]), tmp_path / "twice.csv")


@pytest.mark.parametrize("column,value,expected", [
    ("unit", "Dollar", "unit 'Dollar' is not in the vocabulary"),
    ("measure", "market-value-loss", "measure 'market-value-loss' is not in the vocabulary"),
    ("measure", "Training_Cost", "did you mean 'training_cost'"),
    ("organisation", "Open AI", "organisation 'Open AI' is not in the vocabulary"),
    ("organisation", "DeepSeek|Nvidea", "organisation 'Nvidea'"),
    ("qualifier", "roughly", "qualifier must be one of"),
    ("value", "nan", "not a finite number"),
    ("start", "-3", "start must be a character offset"),
])
def test_values_outside_the_vocabulary_are_rejected(folder, column, value, expected):
    ids = _ids(folder)
    action = "add" if column == "start" else "fix"
    row = {"id": ids["5,6 Millionen Dollar"] if action == "fix" else "", "action": action,
           "article": "a.txt" if action == "add" else "", "quote": "sechs Dutzend Milliarden" if action == "add" else "",
           "value": "72e9" if action == "add" else "", "unit": "USD" if action == "add" else ""}
    row[column] = value
    line = ",".join(row.get(c, "") for c in HEADER.strip().split(","))
    figures, _, reasons = _run(folder, HEADER + line + "\n")
    assert expected in reasons[2], reasons
    assert set(figures["source"]) == {"rule"}  # nothing half-applied


def test_fix_that_names_another_figure_is_rejected(folder):
    ids = _ids(folder)
    _, _, reasons = _run(folder, "id,action,quote,model\n" f"{ids['5,6 Millionen Dollar']},fix,17 Prozent,V3\n")
    assert "is quote '5,6 Millionen Dollar', not '17 Prozent'" in reasons[2]


def test_cp1252_corrections_decode_like_articles(folder):
    ids = _ids(folder)
    text = f"id,action,model,note\n{ids['5,6 Millionen Dollar']},fix,V3,geprüft von Müller\n"
    figures, rejected, _ = _run(folder, text.encode("cp1252"))
    assert rejected.empty, rejected.to_string()
    assert figures.set_index("quote").loc["5,6 Millionen Dollar", "model"] == "V3"


def test_bad_rows_leave_the_hand_written_files_untouched(folder):
    text = HEADER + "nope,fix,,,,,,Dollar,,,,,,\n\"unterminated,drop\n"
    (folder / "sources.csv").write_text("article,outlet\na.txt,Blatt,extra\n", encoding="utf-8")
    before = {n: ((folder / n).read_bytes(), (folder / n).stat().st_mtime_ns) for n in ("sources.csv",)}
    _, rejected, _ = _run(folder, text)
    mtime = (folder / "corrections.csv").stat().st_mtime_ns
    for _ in range(2):
        extract_paths([folder])
    assert (folder / "corrections.csv").read_text(encoding="utf-8") == text
    assert (folder / "corrections.csv").stat().st_mtime_ns == mtime
    assert {n: ((folder / n).read_bytes(), (folder / n).stat().st_mtime_ns) for n in before} == before
    assert len(rejected) == 3


def _readme_corrections() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Correcting the table by hand"):]
    return re.search(r"```csv\n(.*?)```", section, re.S).group(1)


def test_readme_corrections_example_works_as_written(tmp_path):
    """The README's example (shipped as docs/corrections.example.csv) applies to the seeds without a rejection."""
    example = _readme_corrections()
    assert (ROOT / "docs/corrections.example.csv").read_text(encoding="utf-8") == example
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "corrections.csv").write_text(example, encoding="utf-8")
    before, _ = extract_paths([seeds], corrections=False)
    figures, rejected = extract_paths([seeds])
    assert rejected.empty, rejected.to_string()
    corrected = figures[figures["source"] == "correction"]
    assert len(corrected) == 2 and len(figures) == len(before)  # one fixed, one dropped, one added
    added = corrected[corrected["quote"] == "milliardenschweren"].iloc[0]
    assert (added["value"], added["qualifier"], added["organisation"]) == (1e9, "lower_bound", "OpenAI")


def test_vocabulary_of_measures_is_the_one_the_corpus_gold_uses():
    assert measures() == CORPUS_MEASURES


def _sources_table(tmp_path):
    figures, _ = extract_paths([ROOT / "seeds"])
    write_csv(figures, tmp_path / "figures.csv")
    return common.load(tmp_path / "figures.csv")


@pytest.mark.parametrize("content,line", [
    (b"", ""),
    (b"article,outlet\n000_c4fb8e7e0f58dad6.txt,Heise,extra,fields\n", 2),
    (b'article,outlet\n000_c4fb8e7e0f58dad6.txt,"Heise\n', 2),
    (bytes(range(256)) * 4, ""),
    (b"artikel,outlet\n000_c4fb8e7e0f58dad6.txt,Heise\n", 1),
])
def test_malformed_sources_never_crash_a_chart(tmp_path, capsys, content, line):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.csv").write_bytes(content)
    df = _sources_table(tmp_path)
    for build in questions.CHARTS.values():
        chart = build(df, "de", seeds)
        plt.close(chart.figure)
        assert "unbekannt" in chart.meta.source, chart.meta.source
    err = capsys.readouterr().err
    where = f"{seeds / 'sources.csv'}:{line}" if line else f"{seeds / 'sources.csv'}"
    assert f"warning: {where}" in err, err


def test_good_sources_name_the_outlets_and_cp1252_is_read(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.csv").write_bytes("article,outlet\n000_c4fb8e7e0f58dad6.txt,Süddeutsche\n"
                                        "002_0dbbc1ffdb7b6cf2.txt,Blatt\n".encode("cp1252"))
    chart = questions.token_prices(_sources_table(tmp_path), "de", seeds)
    plt.close(chart.figure)
    assert "Süddeutsche" in chart.meta.source and "unbekannt" not in chart.meta.source


def test_same_named_articles_in_two_folders_are_rejected(tmp_path):
    """Ids hash the file name: a second article of the same name would give clashing ids, so it is rejected."""
    for sub, value in (("a", "5,6"), ("b", "7,2")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"DeepSeek trainierte V3 für {value} Millionen Dollar.", encoding="utf-8")
    figures, rejected = extract_paths([tmp_path])
    assert figures["value"].tolist() == [5_600_000]
    assert rejected["path"].tolist() == [str(tmp_path / "b" / "same.txt")]
    assert "same file name" in rejected["reason"].iloc[0]
    assert figures["id"].is_unique


def test_a_stray_quote_costs_one_line_not_the_rest_of_the_file(tmp_path):
    text = 'a,b\n1,"x\ny"\n"open,2\n3,4\r\n5,"q""q"\nq,\u2028z\n"never closed\n6,7\n'
    rows, rejected = records(text, tmp_path / "x.csv")
    assert rows == [(1, ["a", "b"]), (2, ["1", "x\ny"]), (5, ["3", "4"]), (6, ["5", 'q"q']), (7, ["q", "\u2028z"]),
                    (9, ["6", "7"])]
    assert [(r["line"], r["reason"].split(":")[0]) for r in rejected] == [(4, "not valid CSV"), (8, "unterminated quote")]
