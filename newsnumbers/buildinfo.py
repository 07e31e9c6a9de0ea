"""What ``make`` needs to know about its inputs, and the build's last line.

Run by the Makefile as a file (``.venv/bin/python newsnumbers/buildinfo.py ...``),
not with ``-m``: importing the package would load pandas on every ``make``, and
a no-op build should take milliseconds. Standard library only.

``inputs PARAMS SEEDS_LIST [--seeds S --locale L --formats F]``: GNU make cannot depend on file names with spaces
(``make figures SEEDS="my articles"`` split the folder into words), so make
depends on two small files instead, rewritten only when their content changes:
``PARAMS`` holds ``SEEDS``, ``LOCALE``, ``FORMATS`` and ``PUBLISH`` (from the environment);
``SEEDS_LIST`` holds the seeds folder and every file under it with its size and
modification time, so an added, edited or removed article re-runs the extraction.
Make runs it while reading the Makefile (``$(shell ...)``), with the values as
options, so that ``make -n`` and ``make -q`` answer from the true state.

``summary --figures DIR --rejected CSV --out FILE NOTEBOOK...``: one line that
says what the build built, what was empty and what was rejected, printed last
and kept in ``FILE``.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

try:
    from .atomic import write_text
except ImportError:  # run as a file by make: no package around it
    from atomic import write_text  # type: ignore[no-redef]


def seed_listing(seeds: str) -> str:
    """The seeds folder (or file) and every file under it: path, size, mtime; hidden files left out, sorted."""
    root = Path(seeds)
    lines = [f"SEEDS={seeds}"]
    if root.is_file():
        found = [root]
    elif root.is_dir():
        found = sorted(p for p in root.rglob("*") if p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(root).parts))
    else:
        found = []
    for p in found:
        st = p.stat()
        lines.append(f"{p}\t{st.st_size}\t{st.st_mtime_ns}")
    return "\n".join(lines) + "\n"


def update(path: str | Path, text: str) -> bool:
    """Write ``text`` to ``path`` only when it differs (make compares times); returns whether it was written."""
    path = Path(path)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_text(path, text)
    return True


def inputs(params: str, seeds_list: str, env: dict[str, str] | None = None) -> None:
    env = dict(os.environ if env is None else env)
    seeds = env.get("SEEDS", "seeds")
    update(params, "".join(f"{k}={env.get(k, d)}\n" for k, d in (("SEEDS", "seeds"), ("LOCALE", "de"),
                                                                  ("FORMATS", "svg,png,pdf"), ("PUBLISH", "all"))))
    update(seeds_list, seed_listing(seeds))


def _built(figures: Path) -> set[str]:
    try:
        with (figures / "index.csv").open(encoding="utf-8", newline="") as handle:
            return {row["name"] for row in csv.DictReader(handle)}
    except (OSError, KeyError, csv.Error):
        return set()


def _rejected(path: Path) -> dict[str, int]:
    """Rejected rows by kind: article files, corrections.csv rows, sources.csv rows."""
    counts = {"files": 0, "corrections": 0, "sources": 0}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = row.get("article", "")
                kind = "sources" if name == "sources.csv" else "corrections" if name.endswith(".csv") else "files"
                counts[kind] += 1
    except (OSError, csv.Error):
        pass
    return counts


def summary(figures: str | Path, rejected: str | Path, notebooks: list[str]) -> str:
    """'built: 5 charts (02_…, …); empty: 1 (03_token_prices); rejected: 2 files, 1 correction'."""
    charts = [Path(n).stem for n in notebooks]
    built = _built(Path(figures))
    done = [c for c in charts if c in built]
    empty = [c for c in charts if c not in built]
    counts = _rejected(Path(rejected))
    words = {"files": ("file", "files"), "corrections": ("correction", "corrections"),
             "sources": ("sources.csv row", "sources.csv rows")}
    said = [f"{n} {words[k][n != 1]}" for k, n in counts.items() if n]
    return (f"built: {len(done)} charts" + (f" ({', '.join(done)})" if done else "")
            + f"; empty: {len(empty)}" + (f" ({', '.join(empty)})" if empty else "")
            + "; rejected: " + (", ".join(said) + f" (see {rejected})" if said else "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsnumbers/buildinfo.py")
    sub = parser.add_subparsers(dest="command", required=True)
    ins = sub.add_parser("inputs")
    ins.add_argument("params")
    ins.add_argument("seeds_list")
    for name in ("seeds", "locale", "formats"):  # make passes them: its $(shell) does not export variables
        ins.add_argument(f"--{name}")
    summ = sub.add_parser("summary")
    summ.add_argument("--figures", default="figures")
    summ.add_argument("--rejected", default="data/rejected.csv")
    summ.add_argument("--out")
    summ.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "inputs":
        given = {k.upper(): v for k, v in (("seeds", args.seeds), ("locale", args.locale),
                                           ("formats", args.formats)) if v is not None}
        inputs(args.params, args.seeds_list, {**os.environ, **given})
        return 0
    line = summary(args.figures, args.rejected, args.notebooks)
    if args.out:
        write_text(args.out, line + "\n")
    print(line, file=sys.stdout, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
