"""`make bench` works end to end on a tiny corpus (no peers, no make timings). Not a speed test."""
import json
import subprocess
import sys

from conftest import ROOT


def test_bench_tiny_writes_report(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "bench/bench.py"), "--tiny", "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["ours"]["figures"] > 0 and report["ours"]["quality"]["found"] == report["ours"]["quality"]["required"]
    assert set(report["ours"]["first_call_by_language"]) == {"de", "en"}  # each language loaded before the clock starts
    assert report["scale"]["rows"] > 0 and report["scale"]["articles"] == 40
    text = (tmp_path / "report.md").read_text()
    assert "chars/s" in text and "Corpus scale" in text
