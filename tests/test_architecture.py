"""The package's shape: no import cycles, small modules and functions, an installable package that ships its data."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from conftest import ROOT

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def test_no_import_cycle_inside_the_package():
    """Every import inside ``newsnumbers`` (function-level ones too) points one way: no module reaches itself."""
    graph = grimp.build_graph("newsnumbers", include_external_packages=False)
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append(" -> ".join((module, *back)))
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_check_can_fail(tmp_path, monkeypatch):
    """The check above sees a cycle hidden in a function, as ``extract`` and ``corrections`` once had."""
    pkg = tmp_path / "cyclic"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("cyclic", include_external_packages=False)
    assert graph.find_shortest_chain(importer="cyclic.b", imported="cyclic.a")


def _long_functions(path: Path) -> list[str]:
    """Functions and classes over the limit, unless a comment on their first line says why they are long."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            length = node.end_lineno - node.lineno + 1
            header = lines[node.lineno - 1]
            if length > MAX_FUNCTION_LINES and "# long:" not in header:
                out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    return out


@pytest.mark.parametrize("folder", ["newsnumbers", "bench"])
def test_modules_and_functions_stay_small(folder):
    # the project's own code: not environments or caches that make bench leaves in hidden folders (bench/.venv-peers)
    files = sorted(p for p in (ROOT / folder).rglob("*.py")
                   if not any(part.startswith(".") for part in p.relative_to(ROOT / folder).parts))
    too_long = [f"{f.relative_to(ROOT)} ({n} lines)" for f in files
                if (n := f.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES]
    assert not too_long, too_long
    long_functions = [x for f in files for x in _long_functions(f)]
    assert not long_functions, long_functions


def test_ruff_is_clean():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "newsnumbers", "tests", "bench"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


@pytest.mark.slow
def test_installed_package_ships_its_data_and_extracts(tmp_path):
    """A non-editable install (from a copy of the sources) finds every subpackage, the lexicon, the chart labels and the review form's words."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "newsnumbers", src / "newsnumbers", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", src / "pyproject.toml")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(site), str(src)], check=True, capture_output=True)
    shutil.rmtree(src)  # nothing may be read from the sources now
    code = ("import newsnumbers, newsnumbers.charts.style as s, newsnumbers.review.words as w\n"
            f"assert newsnumbers.__file__.startswith({str(site)!r}), newsnumbers.__file__\n"
            "t = newsnumbers.extract('Nvidia verlor fast 600 Milliarden Dollar an Börsenwert.')\n"
            "print(t.loc[0, 'value'], t.loc[0, 'unit'], t.loc[0, 'organisation'], s.label('source', 'de'), w.word('confirm', 'de'))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["600000000000.0", "USD", "Nvidia", "Quelle", "bestätigen"]


def test_every_chart_notebook_builds_the_chart_named_like_it():
    """A chart is named once (its builder's registration); each notebook is that name and asks for it."""
    from newsnumbers.charts.questions import CHARTS

    notebooks = {p.stem: p for p in (ROOT / "notebooks").glob("0[2-6]_*.ipynb")}
    assert set(notebooks) == set(CHARTS)
    for name, path in notebooks.items():
        assert f'notebook.build(\\"{name}\\"' in path.read_text(encoding="utf-8"), path
