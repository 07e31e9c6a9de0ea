"""Cost that must grow with the input, not its square: three large articles of the same size, side by side.

Why these three: a page pasted on one line (no sentence ends) once took longer
than 600 s for 10 MB, because every figure was attributed against the whole
line and its row repeated the line; 20,000 links took 17 s, because every
figure was checked against every link. Ordinary prose is the yardstick. Each
input runs in a fresh process: once timed, once under tracemalloc for the
peak memory of the extraction (the input already read; rows streamed to CSV).

Run by ``bench.py``; also ``python bench/stress.py ARTICLE.txt OUT.csv [--trace]`` for one input.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from newsnumbers.engine.pipeline import iter_figures
from newsnumbers.schema import COLUMNS

TARGET_RATIO = 2.0  # the slowest input's throughput is at least half the fastest's
TARGET_MEMORY = 5.0  # peak memory of the extraction under five times the file's size


def extract_file(article: Path, out_csv: Path, trace: bool) -> dict:
    """Extract one article file, rows streamed to ``out_csv``; seconds, rows, and with ``trace`` the peak memory."""
    text = article.read_text(encoding="utf-8")
    # loaded before the clock starts: the lexicon, and the lemmatiser's German and English dictionaries, which the
    # first name of a company the lexicon does not know loads (50 MB that tracemalloc counted as the extraction's peak)
    list(iter_figures("Nvidia verlor 5 Milliarden Dollar. Die Tubulis AG, ein Start-up, sammelte 5 Millionen Euro."))
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    rows = 0
    with out_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in iter_figures(text, "auto", article.name):
            writer.writerow([row[c] for c in COLUMNS])
            rows += 1
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if trace else None
    return {"seconds": seconds, "rows": rows, "chars": len(text), "peak_bytes": peak}


def _child(article: Path, out_csv: Path, trace: bool) -> dict:
    args = [sys.executable, str(Path(__file__)), str(article), str(out_csv)] + (["--trace"] if trace else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def measure(texts: dict[str, str], work: Path) -> dict:
    """Each text written to a file, extracted in a fresh process (timed), then again under tracemalloc."""
    work.mkdir(parents=True, exist_ok=True)
    inputs = []
    for name, text in texts.items():
        article = work / f"stress_{name.replace(' ', '_')}.txt"
        article.write_text(text, encoding="utf-8")
        out_csv = article.with_suffix(".csv")
        timed = _child(article, out_csv, trace=False)
        traced = _child(article, out_csv, trace=True)
        inputs.append({"input": name, "file_bytes": article.stat().st_size, "chars": timed["chars"],
                       "rows": timed["rows"], "seconds": timed["seconds"], "chars_per_second": timed["chars"] / timed["seconds"],
                       "peak_bytes": traced["peak_bytes"], "csv_bytes": out_csv.stat().st_size})
        out_csv.unlink()
        article.unlink()
    speeds = [i["chars_per_second"] for i in inputs]
    return {"inputs": inputs, "throughput_ratio": max(speeds) / min(speeds),
            "memory_ratio": max(i["peak_bytes"] / i["file_bytes"] for i in inputs),
            "targets": {"throughput_ratio": TARGET_RATIO, "memory_ratio": TARGET_MEMORY}}


def render(stress: dict) -> list[str]:
    """The report's section on these inputs, as Markdown lines."""
    ok = lambda good: "met" if good else "**missed**"  # noqa: E731
    t = stress["targets"]
    lines = ["## Large articles: cost follows the size", "",
             "Three articles of the same size made of the real articles, each extracted in a fresh process "
             "(rows streamed to CSV): *one line* (the articles on one line, sentence ends made commas: one sentence "
             "of the whole size), *urls* (a link list: each real sentence followed by a link made of its words), "
             "*prose* (the articles as they are). Peak memory is the extraction's (tracemalloc, a second run), "
             "the article itself not counted.", "",
             "| input | file | rows | seconds | chars/s | peak memory | × file size | CSV |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for i in stress["inputs"]:
        lines.append(f"| {i['input']} | {i['file_bytes'] / 1e6:.1f} MB | {i['rows']:,} | {i['seconds']:.1f} | "
                     f"{i['chars_per_second'] / 1e6:.2f} M | {i['peak_bytes'] / 1e6:.0f} MB | "
                     f"{i['peak_bytes'] / i['file_bytes']:.1f} | {i['csv_bytes'] / 1e6:.1f} MB |")
    lines += ["", f"Throughput within a factor of {t['throughput_ratio']:g} of each other: "
              f"{ok(stress['throughput_ratio'] <= t['throughput_ratio'])} (fastest : slowest = {stress['throughput_ratio']:.2f}). "
              f"Peak memory under {t['memory_ratio']:g}× the file size: {ok(stress['memory_ratio'] < t['memory_ratio'])} "
              f"(at most {stress['memory_ratio']:.1f}×).", ""]
    return lines


if __name__ == "__main__":
    print(json.dumps(extract_file(Path(sys.argv[1]), Path(sys.argv[2]), "--trace" in sys.argv[3:])))
