"""Execute one notebook with papermill, the way ``make`` does.

Usage: ``python -m newsnumbers.run IN.ipynb OUT.ipynb -p name value ...``

Why a wrapper: a failing notebook must stop the build with the notebook, the
cell and the error named in one line, not a page of traceback; and every
notebook must run with the repository root as working directory so that the
relative paths in its parameters mean the same thing in JupyterLab and in make.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(notebook: str | Path, output: str | Path, parameters: dict[str, object],
        cwd: str | Path = ".", progress: bool = False) -> None:
    import papermill as pm

    Path(output).parent.mkdir(parents=True, exist_ok=True)
    pm.execute_notebook(str(notebook), str(output), parameters=parameters,
                        cwd=str(cwd), kernel_name="python3", progress_bar=progress,
                        log_output=False, request_save_on_cell_execute=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsnumbers.run")
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    args = parser.parse_args(argv)
    from papermill.exceptions import PapermillExecutionError

    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    print(f"running {args.notebook}", file=sys.stderr, flush=True)
    try:
        run(args.notebook, args.output, dict(args.p))
    except PapermillExecutionError as exc:
        print(f"error: {args.notebook}: cell {exc.cell_index} (execution {exc.exec_count}): "
              f"{exc.ename}: {exc.evalue}\n  executed copy with the traceback: {args.output}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
