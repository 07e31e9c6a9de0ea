"""`make bench` works end to end on a tiny corpus (no peers, no make timings). Not a speed test."""
import json

from newsnumbers.bench import main


def test_bench_tiny_writes_report(tmp_path):
    assert main(["--tiny", "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["ours"]["figures"] > 0 and report["ours"]["quality"]["found"] == report["ours"]["quality"]["required"]
    assert report["scale"]["rows"] > 0 and report["scale"]["articles"] == 40
    text = (tmp_path / "report.md").read_text()
    assert "chars/s" in text and "Corpus scale" in text
