"""Execute one notebook with papermill, the way ``make`` does.

Usage: ``python -m newsnumbers.run IN.ipynb OUT.ipynb -p name value ...``

Why a wrapper: a failing notebook must stop the build with the notebook, the
cell and the error named in one line, not a page of traceback; and every
notebook must run with the repository root as working directory so that the
relative paths in its parameters mean the same thing in JupyterLab and in make.

Why the executed copy is written under a temporary name: ``make`` takes an
existing ``OUT.ipynb`` for "done". It is renamed into place only when every
cell ran; a failed run leaves ``OUT.failed.ipynb`` (with the traceback) instead,
removes any earlier ``OUT.ipynb`` and the outputs the notebook owns (a chart's
files in ``figures_dir``, the tables in ``output_dir``), so the next ``make``
runs it again and no result of an earlier run poses as current.

What the notebook wrote to stderr (an empty chart, a warning about
``sources.csv``, rejected files) is shown on the terminal after it ran, then a
progress line with its time (``done NOTEBOOK in 2.1 s``).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .atomic import replacing

#: The tables the extraction notebook writes into its ``output_dir``.
TABLES = ("figures.csv", "rejected.csv", "sources.detected.csv")


def failed_copy(output: str | Path) -> Path:
    """Where the executed copy of a failed run goes: ``OUT.failed.ipynb`` (never a make target)."""
    output = Path(output)
    return output.with_name(f"{output.stem}.failed.ipynb")


def run(notebook: str | Path, output: str | Path, parameters: dict[str, object],
        cwd: str | Path = ".", progress: bool = False) -> None:
    """Execute ``notebook`` into ``output``; on failure ``output`` does not exist and ``failed_copy`` has the traceback."""
    from .startup import lean_jsonschema

    lean_jsonschema()  # papermill imports jsonschema through nbformat (see startup.py)
    import papermill as pm

    output = Path(output)
    failed = failed_copy(output)
    try:
        with replacing(output, suffix=".ipynb") as tmp:
            try:
                pm.execute_notebook(str(notebook), str(tmp), parameters=parameters,
                                    cwd=str(cwd), kernel_name="python3", progress_bar=progress,
                                    log_output=False, request_save_on_cell_execute=False)
            except BaseException:
                if tmp.exists():
                    tmp.replace(failed)
                raise
    except BaseException:
        output.unlink(missing_ok=True)
        raise
    failed.unlink(missing_ok=True)


def notebook_stderr(path: str | Path) -> list[str]:
    """The text an executed notebook's cells wrote to stderr, in order."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return ["".join(out.get("text", "")) for cell in nb.get("cells", []) for out in cell.get("outputs", [])
            if out.get("output_type") == "stream" and out.get("name") == "stderr"]


def remove_owned(notebook: str | Path, parameters: dict[str, str]) -> list[str]:
    """Remove what a failed notebook would have written; returns terminal lines saying what was removed."""
    from .charts import outputs

    lines = []
    try:
        if "figures_dir" in parameters:
            removed = outputs.remove_chart(Path(notebook).stem, parameters["figures_dir"])
            if removed:
                lines.append(f"  removed {outputs.describe(removed, parameters['figures_dir'])} and its index.csv row")
        if "output_dir" in parameters:
            for table in TABLES:
                path = Path(parameters["output_dir"]) / table
                if path.exists():
                    path.unlink()
                    lines.append(f"  removed {path}")
    except OSError as exc:
        lines.append(f"  could not remove the earlier outputs: {exc}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsnumbers.run")
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    args = parser.parse_args(argv)
    from papermill.exceptions import PapermillExecutionError

    parameters = dict(args.p)
    print(f"running {args.notebook}", file=sys.stderr, flush=True)
    began = time.perf_counter()
    try:
        run(args.notebook, args.output, parameters)
    except PapermillExecutionError as exc:
        for text in notebook_stderr(failed_copy(args.output)):
            sys.stderr.write(text if text.endswith("\n") else text + "\n")
        print(f"error: {args.notebook}: cell {exc.cell_index} (execution {exc.exec_count}): "
              f"{exc.ename}: {exc.evalue}\n  executed copy with the traceback: {failed_copy(args.output)}",
              file=sys.stderr)
        for line in remove_owned(args.notebook, parameters):
            print(line, file=sys.stderr)
        return 1
    for text in notebook_stderr(args.output):
        sys.stderr.write(text if text.endswith("\n") else text + "\n")
    print(f"done {args.notebook} in {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
