"""``make bench``: speed and quality against peer extractors, and the cost of a build.

Repository tooling, not part of the installed package: run as ``python bench/bench.py``.
Writes ``bench/report.md`` and ``bench/report.json``, all measured on this
machine in one run. Never part of ``make test`` (a smoke test runs ``--tiny``).
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
from corpora import seed_articles, stress_texts, throughput_corpus  # bench/corpora.py, beside this file
from render import render, summary_of_profile  # bench/render.py, beside this file
from stress import measure as measure_stress  # bench/stress.py, beside this file

from newsnumbers.engine.pipeline import iter_figures
from newsnumbers.evaluate.scoring import read_gold, score
from newsnumbers.schema import COLUMNS

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


# -- measurements ----------------------------------------------------------------
def _peak_rss_self() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure_ours(corpus_path: Path) -> dict:
    """Run in a fresh process: single-core throughput and peak memory of extraction with attribution.

    Before the clock starts, one article of each language is extracted: the first call for a language
    loads its grammar and the lemmatiser's dictionary (about 0.5 s for English). Warmed with a German
    article only, that load fell on the first English article and made it look ten times slower than
    the rest (d01_axios.txt at 0.11 M chars/s in an earlier report), though its own cost is ordinary.
    """
    code = (
        "import json,sys,time,resource\n"
        "from newsnumbers import extract\n"
        "from newsnumbers.engine.segment import detect_language\n"
        "arts=[json.loads(l) for l in open(sys.argv[1],encoding='utf-8')]\n"
        "first={}\n"
        "for a in arts: first.setdefault(detect_language(a['text']),a['text'])\n"
        "warm={}\n"
        "for lang,t in sorted(first.items()):\n"
        "    w=time.perf_counter(); extract(t); warm[lang]=time.perf_counter()-w\n"
        "base=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024\n"
        "t0=time.perf_counter(); c0=time.process_time(); n=0; chars=0; by={}\n"
        "for a in arts:\n"
        "    chars+=len(a['text']); t=time.perf_counter(); c=time.process_time(); k=0\n"
        "    k=len(extract(a['text']))\n"
        "    g=by.setdefault(a['name'].split('_',1)[-1],[0,0.0,0,0.0]); g[0]+=len(a['text']); g[1]+=time.perf_counter()-t; g[2]+=k; n+=k\n"
        "    g[3]+=time.process_time()-c\n"
        "dt=time.perf_counter()-t0; cpu=time.process_time()-c0\n"
        "print(json.dumps({'seconds':dt,'cpu_seconds':cpu,'first_call_seconds':sum(warm.values()),'first_call_by_language':warm,'chars':chars,'figures':n,'peak_bytes':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024,'rss_before_bytes':base,"
        "'by_article':{k:{'chars':v[0],'seconds':v[1],'figures':v[2],'cpu_seconds':v[3]} for k,v in sorted(by.items())}}))\n")
    done = subprocess.run([sys.executable, "-c", code, str(corpus_path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _extract_one(text: str) -> list[list]:
    return [[r[c] for c in COLUMNS] for r in iter_figures(text, "auto", "")]


def scale_run(articles: Iterable[str], out_csv: Path, processes: int = 2) -> dict:
    """Extract ``articles`` on ``processes`` cores, streaming rows to ``out_csv``; time and peak memory.

    Articles are consumed lazily and rows written as they come, so memory does
    not grow with the number of articles.
    """
    t0 = time.perf_counter()
    n_rows, n_articles, n_chars = 0, 0, 0

    def counted(items: Iterable[str]) -> Iterator[str]:
        nonlocal n_articles, n_chars
        for text in items:
            n_articles += 1
            n_chars += len(text)
            yield text
    with out_csv.open("w", encoding="utf-8", newline="") as handle, mp.get_context("fork").Pool(processes) as pool:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i, rows in enumerate(pool.imap(_extract_one, counted(articles), chunksize=64)):
            for row in rows:
                row[1] = f"gen_{i:05d}.txt"
                writer.writerow(row)
                n_rows += 1
    seconds = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"articles": n_articles, "chars": n_chars, "rows": n_rows, "seconds": seconds,
            "processes": processes, "peak_parent_bytes": _peak_rss_self(), "peak_child_bytes": children}


def _scale_in_fresh_process(seeds: Path, n: int, out_csv: Path) -> dict:
    code = (f"import json,sys\nfrom pathlib import Path\nsys.path.insert(0, {str(BENCH)!r})\nimport bench\n"
            "import corpora\narts=corpora.generated_articles(Path(sys.argv[1]),int(sys.argv[2]))\n"
            "print(json.dumps(bench.scale_run(arts,Path(sys.argv[3]))))\n")
    done = subprocess.run([sys.executable, "-c", code, str(seeds), str(n), str(out_csv)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def peer_venv(venv: Path) -> Path | None:
    """Create the peers' virtual environment when missing; None when it cannot be had."""
    py = venv / "bin/python"
    stamp = venv / ".installed"
    reqs = ROOT / "bench/requirements-peers.txt"
    if stamp.exists() and stamp.stat().st_mtime >= reqs.stat().st_mtime:
        return py
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(reqs)],
                       check=True)
        stamp.touch()
        return py
    except subprocess.CalledProcessError as exc:
        print(f"bench: peers unavailable ({exc})", file=sys.stderr)
        return None


def run_peer(py: Path, name: str, corpus: Path) -> dict:
    done = subprocess.run([str(py), str(ROOT / "bench/peers.py"), name, str(corpus)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return {"peer": name, "error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout)


def quality(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    res = score(gold, pred)
    return {"found": res.found, "required": res.required, "values_right": res.field_hits["value"],
            "qualifiers_right": res.field_hits["qualifier"], "false_positives": res.false_positives,
            "recall": round(res.recall, 4), "precision": round(res.precision, 4)}


def _peer_table(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["article", "start", "end", "value", "unit"])
    return df.assign(value_high=float("nan"), per="", qualifier="exact", measure="", organisation="", model="",
                     quote="")


def time_make(target: str) -> float:
    """Time one ``make`` target. ``make bench`` has just brought the venv up to date, so its stamp is
    taken as made (``-o``): a worktree sharing a venv must never reinstall it while being timed."""
    t0 = time.perf_counter()
    subprocess.run(["make", "-s", "-o", ".venv/.installed", target], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t0


def profile(corpus: list[dict], out: Path) -> str:
    """Where the time goes: pyinstrument over a slice of the corpus, as text."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument not installed; `make bench` installs it)"
    from newsnumbers.engine.segment import detect_language

    for art in {detect_language(a["text"]): a for a in corpus}.values():  # each language's one-time load, not profiled
        for _ in iter_figures(art["text"], "auto", art["name"]):
            pass
    prof = Profiler(interval=0.0005)
    prof.start()
    for art in corpus[:300]:
        for _ in iter_figures(art["text"], "auto", art["name"]):
            pass
    prof.stop()
    text = prof.output_text(unicode=False, color=False, show_all=False)
    (out / "profile.txt").write_text(text, encoding="utf-8")
    return summary_of_profile(prof) + "\n\n```\n" + text.strip()[:5000] + "\n```"


# -- report ------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:  # long: the run's steps in order, each a few lines; split, they would pass a dozen results around
    ap = argparse.ArgumentParser(prog="python bench/bench.py")
    ap.add_argument("--out", default="bench")
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--tiny", action="store_true", help="a smoke run: small corpora, no peers, no make timings")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-make", action="store_true")
    a = ap.parse_args(argv)
    out, seeds = Path(a.out), Path(a.seeds)
    work = out / "corpus"
    work.mkdir(parents=True, exist_ok=True)
    target = 200_000 if a.tiny else 2_000_000
    n_scale = 40 if a.tiny else 10_000
    log = lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True)  # noqa: E731

    log(f"building a {target:,}-character corpus")
    corpus = throughput_corpus(seeds, target)
    corpus_path = work / "corpus.jsonl"
    with corpus_path.open("w", encoding="utf-8") as handle:
        for art in corpus:
            handle.write(json.dumps(art, ensure_ascii=False) + "\n")
    seeds_path = work / "seeds.jsonl"
    with seeds_path.open("w", encoding="utf-8") as handle:
        for art in seed_articles(seeds):
            handle.write(json.dumps(art, ensure_ascii=False) + "\n")

    log("ours: throughput (5 runs; this machine's speed varies from run to run, the median is reported)")
    runs = sorted((measure_ours(corpus_path) for _ in range(1 if a.tiny else 5)), key=lambda r: r["seconds"])
    ours = dict(runs[len(runs) // 2])
    ours["chars_per_second"] = ours["chars"] / ours["seconds"]
    ours["chars_per_second_runs"] = [r["chars"] / r["seconds"] for r in runs]
    ours["chars_per_cpu_second_runs"] = sorted(r["chars"] / r["cpu_seconds"] for r in runs)
    ours["load_average"] = os.getloadavg()  # other processes on this machine's cores slow the wall clock, not the work
    gold = read_gold(ROOT / "tests/data/seeds.gold.csv")
    seed_rows = [r for art in seed_articles(seeds) for r in iter_figures(art["text"], "auto", art["name"])]
    ours["quality"] = quality(pd.DataFrame(seed_rows, columns=COLUMNS), gold)

    peers = []
    if not (a.tiny or a.no_peers):
        py = peer_venv(out / ".venv-peers")
        if py:
            for name in ("recognizers", "duckling"):
                log(f"peer {name}: seeds gold")
                on_seeds = run_peer(py, name, seeds_path)
                log(f"peer {name}: throughput corpus")
                on_corpus = run_peer(py, name, corpus_path)
                entry = {"peer": name}
                if "error" in on_seeds or "error" in on_corpus:
                    entry["error"] = on_seeds.get("error") or on_corpus.get("error")
                else:
                    entry.update(seconds=on_corpus["seconds"], chars=on_corpus["chars"],
                                 chars_per_second=on_corpus["chars"] / on_corpus["seconds"],
                                 peak_bytes=on_corpus["peak_bytes"],
                                 quality=quality(_peer_table(on_seeds["rows"]), gold))
                    entry["throughput_ratio_ours_to_peer"] = ours["chars_per_second"] / entry["chars_per_second"]
                peers.append(entry)

    log(f"scale: {n_scale:,} generated articles on 2 processes")
    scale = _scale_in_fresh_process(seeds, n_scale, work / "scale.csv")
    scale_quarter = _scale_in_fresh_process(seeds, max(1, n_scale // 4), work / "scale_quarter.csv")

    stress_size = 200_000 if a.tiny else 10_000_000
    log(f"large articles: one line, links and prose of {stress_size:,} characters each")
    stress = measure_stress(stress_texts(seeds, stress_size), work)

    make = {}
    if not (a.tiny or a.no_make):
        log("make figures: cold and no-op")
        for p in (ROOT / "build").glob("**/*"):
            if p.is_file():
                p.unlink()
        shutil.rmtree(ROOT / "build", ignore_errors=True)
        make["cold_seconds"] = time_make("figures")
        make["noop_seconds"] = min(time_make("figures") for _ in range(3))

    log("profile")
    prof = profile(corpus, out)
    report = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
              "ours": ours, "peers": peers, "scale": scale, "scale_quarter": scale_quarter, "stress": stress, "make": make,
              "targets": {"chars_per_second": 2_000_000, "scale_seconds": 30, "peak_bytes": 1_000_000_000,
                          "noop_seconds": 1.0, "ratio": {"duckling": 20, "recognizers": 50}}}
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (out / "report.md").write_text(render(report, prof), encoding="utf-8")
    log(f"wrote {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
