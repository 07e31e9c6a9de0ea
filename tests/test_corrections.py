"""Hand corrections survive re-runs; problems are reported with file and line; hand files stay untouched."""
import subprocess
import sys

import pytest

from newsnumbers import extract_paths

TEXT = ("Nvidia verlor fast 600 Milliarden Dollar an Börsenwert. "
        "DeepSeek trainierte V3 für 5,6 Millionen Dollar. Die Aktie fiel um 17 Prozent.\n"
        "Ein Analyst schätzte den Schaden auf sechs Dutzend Milliarden.")


@pytest.fixture
def folder(tmp_path):
    seeds = tmp_path / "seeds"  # a folder of its own: the CLI refuses to write its tables into an input folder
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")
    return seeds


def _ids(folder):
    figures, _ = extract_paths([folder], corrections=False)
    return dict(zip(figures["quote"], figures["id"]))


def _write(folder, text):
    (folder / "corrections.csv").write_text(text, encoding="utf-8")


def test_fix_drop_add_and_source_column(folder):
    ids = _ids(folder)
    _write(folder,
           "id,action,article,quote,start,value,value_high,unit,per,qualifier,measure,organisation,model,note\n"
           f"{ids['5,6 Millionen Dollar']},fix,,,,,,,,,training_cost,DeepSeek,V3,checked against the paper\n"
           f"{ids['17 Prozent']},drop,,,,,,,,,,,,duplicate of wire copy\n"
           ",add,a.txt,sechs Dutzend Milliarden,,72000000000,,USD,,approx,market_value_loss,Nvidia,,missed\n")
    figures, rejected = extract_paths([folder])
    assert rejected.empty, rejected.to_string()
    by_quote = figures.set_index("quote")
    assert "17 Prozent" not in by_quote.index
    fixed = by_quote.loc["5,6 Millionen Dollar"]
    assert (fixed["source"], fixed["model"]) == ("correction", "V3")
    added = by_quote.loc["sechs Dutzend Milliarden"]
    assert added["value"] == 72e9 and added["source"] == "correction"
    assert TEXT[added["start"]:added["end"]] == "sechs Dutzend Milliarden"
    assert by_quote.loc["fast 600 Milliarden Dollar", "source"] == "rule"


def test_stale_and_malformed_corrections_are_reported_with_line(folder):
    ids = _ids(folder)
    _write(folder,
           "id,action,value,qualifier\n"
           "deadbeefdeadbeef,fix,1,\n"
           f"{ids['17 Prozent']},fix,zwölf,\n"
           f"{ids['17 Prozent']},fix,,roughly\n"
           f"{ids['17 Prozent']},rename,,\n")
    figures, rejected = extract_paths([folder])
    reasons = dict(zip(rejected["line"], rejected["reason"]))
    assert "matches no figure" in reasons[2]
    assert "value is not a number" in reasons[3]
    assert "qualifier must be one of" in reasons[4]
    assert "action must be fix, drop, confirm or add" in reasons[5]
    assert set(rejected["article"]) == {"corrections.csv"}
    assert len(figures) == 3  # nothing applied, nothing lost


def test_corrections_survive_a_rerun_and_are_never_rewritten(folder):
    ids = _ids(folder)
    text = f"id,action,measure\n{ids['17 Prozent']},fix,share_price_drop\n"
    _write(folder, text)
    before = (folder / "corrections.csv").stat().st_mtime_ns
    for _ in range(2):
        figures, rejected = extract_paths([folder])
        assert rejected.empty
        assert figures.set_index("quote").loc["17 Prozent", "source"] == "correction"
    assert (folder / "corrections.csv").read_text(encoding="utf-8") == text
    assert (folder / "corrections.csv").stat().st_mtime_ns == before


def test_edited_seed_orphans_a_correction_visibly(folder):
    ids = _ids(folder)
    _write(folder, f"id,action,model\n{ids['5,6 Millionen Dollar']},fix,V3\n")
    (folder / "a.txt").write_text("Vorspann. " + TEXT, encoding="utf-8")  # offsets move, ids change
    figures, rejected = extract_paths([folder])
    assert rejected["reason"].str.contains("matches no figure").any()
    assert len(figures) == 3


def test_sources_table_is_checked(folder):
    (folder / "sources.csv").write_text(
        "article,title,outlet,date,url,language\n"
        "a.txt,Nvidia im Minus,Beispielblatt,2025-01-28,https://example.org/a,de\n"
        "b.txt,Fehlt,Anderes Blatt,2025-01-29,,de\n", encoding="utf-8")
    _, rejected = extract_paths([folder])
    assert rejected[["article", "line"]].values.tolist() == [["sources.csv", 3]]
    assert "not among the articles" in rejected["reason"].iloc[0]


def test_cli_reports_file_and_line(folder):
    _write(folder, "id,action\nnope,drop\n")
    done = subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(folder), "--out",
                           str(folder.parent / "out.csv"), "--quiet", "--strict"], capture_output=True, text=True)
    assert done.returncode == 3
    assert f"{folder / 'corrections.csv'}:2: id 'nope' matches no figure" in done.stderr
