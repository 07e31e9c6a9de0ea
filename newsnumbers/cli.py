"""Command line: ``python -m newsnumbers extract PATH... --out data/figures.csv``."""
from __future__ import annotations

import argparse
import sys

from .engine.pipeline import extract_paths, write_csv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsnumbers",
                                     description="Extract money, price and investment figures from articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract figures from files or folders (.txt, .md, .html)")
    ex.add_argument("paths", nargs="+", help="article files or folders")
    ex.add_argument("--out", required=True, help="CSV file for the figures")
    ex.add_argument("--rejected", help="CSV file for files that could not be read")
    ex.add_argument("--language", default="auto", choices=["auto", "de", "en"])
    ex.add_argument("--corrections", help="hand corrections CSV (default: corrections.csv in a given folder)")
    ex.add_argument("--no-corrections", action="store_true", help="ignore corrections.csv")
    ex.add_argument("--strict", action="store_true", help="exit with status 3 when any file was rejected")
    ex.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)

    corrections = False if args.no_corrections else (args.corrections or True)
    figures, rejected = extract_paths(args.paths, args.language, progress=not args.quiet, corrections=corrections)
    write_csv(figures, args.out)
    if args.rejected:
        write_csv(rejected, args.rejected)
    for row in rejected.itertuples():
        where = f"{row.path}:{row.line}" if row.line != "" else row.path
        print(f"rejected: {where}: {row.reason}", file=sys.stderr)
    print(f"{len(figures)} figures from {figures['article'].nunique() if len(figures) else 0} articles"
          f" -> {args.out}; {len(rejected)} rejected", file=sys.stderr)
    return 3 if args.strict and len(rejected) else 0
