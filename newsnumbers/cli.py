"""Command line: ``python -m newsnumbers extract PATH... --out data/figures.csv``.

Why the checks before the run: the tables are written last, so an output
path that would overwrite an input (an article, ``corrections.csv``), land in
a seeds folder or clash with the other table is refused before any work, in
one line (exit status 2). A write that fails anyway (disk full, no
permission) is one line naming the path (status 1), never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine.pipeline import extract_paths, write_csv
from .engine.textio import SEED_TABLES, is_folder

WARNING = "warning: "  # reasons of rows whose file was still read


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsnumbers",
                                     description="Extract money, price and investment figures from articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract figures from files or folders (.txt, .md, .html)")
    ex.add_argument("paths", nargs="+", help="article files or folders")
    ex.add_argument("--out", required=True, help="CSV file for the figures (not inside an input folder)")
    ex.add_argument("--rejected", help="CSV file for files that could not be read, and warnings about files that were")
    ex.add_argument("--language", default="auto", choices=["auto", "de", "en"])
    ex.add_argument("--corrections", help="hand corrections CSV (default: corrections.csv in a given folder)")
    ex.add_argument("--no-corrections", action="store_true", help="ignore corrections.csv")
    ex.add_argument("--strict", action="store_true", help="exit with status 3 when any file was rejected or read with a warning")
    ex.add_argument("--quiet", action="store_true", help="no progress lines")
    return parser


def output_problem(outputs: dict[str, str], inputs: list[str], corrections: str | None) -> str | None:
    """Why these output paths must not be written, or None: the same file twice, an input, or inside an input folder.

    >>> output_problem({"--out": "t.csv", "--rejected": "t.csv"}, ["seeds"], None)
    '--out and --rejected are the same file (t.csv); give two different files'
    """
    given = {flag: Path(path).resolve() for flag, path in outputs.items() if path}
    flags = list(given)
    for i, flag in enumerate(flags):
        for other in flags[i + 1:]:
            if given[flag] == given[other]:
                return f"{flag} and {other} are the same file ({outputs[flag]}); give two different files"
    protected = {Path(corrections).resolve(): "the corrections file"} if corrections else {}
    for raw in inputs:
        p = Path(raw).resolve()
        if is_folder(p):
            protected.update({p / name: f"the analyst's {name} in {raw}" for name in sorted(SEED_TABLES)})
        else:
            protected[p] = "an input file"
    for flag, path in given.items():
        if path in protected:
            return f"{flag} {outputs[flag]} is {protected[path]}; it would be overwritten"
        folder = next((raw for raw in inputs if is_folder(raw) and path.is_relative_to(Path(raw).resolve())), None)
        if folder is not None:
            return f"{flag} {outputs[flag]} is inside the input folder {folder}; write the tables elsewhere"
        if is_folder(path):
            return f"cannot write {outputs[flag]}: it is a folder"
    return None


def _write(frame, path: str) -> str | None:
    """Write one table; the reason in one line when that fails (disk full, no permission, a folder in the way)."""
    try:
        write_csv(frame, path)
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit status: 0 done, 1 an output could not be written, 2 bad arguments, 3 ``--strict`` and problems."""
    args = _parser().parse_args(argv)
    outputs = {"--out": args.out, "--rejected": args.rejected}
    problem = output_problem(outputs, args.paths, None if args.no_corrections else args.corrections)
    if problem:
        print(f"newsnumbers: error: {problem}", file=sys.stderr)
        return 1 if problem.startswith("cannot write") else 2
    corrections = False if args.no_corrections else (args.corrections or True)
    figures, rejected = extract_paths(args.paths, args.language, progress=not args.quiet, corrections=corrections)
    for frame, path in ((figures, args.out), (rejected, args.rejected)):
        failed = _write(frame, path) if path else None
        if failed:
            print(f"newsnumbers: error: {failed}", file=sys.stderr)
            return 1
    warnings = 0
    for row in rejected.itertuples():
        where = f"{row.path}:{row.line}" if row.line != "" else row.path
        if str(row.reason).startswith(WARNING):
            warnings += 1
            print(f"warning: {where}: {row.reason[len(WARNING):]}", file=sys.stderr)
        else:
            print(f"rejected: {where}: {row.reason}", file=sys.stderr)
    print(f"{len(figures)} figures from {figures['article'].nunique() if len(figures) else 0} articles"
          f" -> {args.out}; {len(rejected) - warnings} rejected, {warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 3 if args.strict and len(rejected) else 0
