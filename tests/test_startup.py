"""The build's processes start faster without changing what they compute (issue 13: figures under 60 s).

jsonschema is imported without the IRI parser (newsnumbers/startup.py): only the "iri"
format checks go, and no schema the build validates uses them. The Vega bundle is made
once and read from build/ by every kernel (newsnumbers/charts/offline.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from newsnumbers.charts import offline

CHECKERS = "import jsonschema, json; print(json.dumps(sorted(jsonschema.FormatChecker().checkers)))"


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout


def _formats_in(schema: object) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["format"]} if isinstance(schema.get("format"), str) else set()
        return found.union(*(_formats_in(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_formats_in(v) for v in schema))
    return set()


def test_lean_jsonschema_drops_only_the_iri_checks_no_schema_uses():
    plain = set(json.loads(_python(CHECKERS)))
    lean = set(json.loads(_python("from newsnumbers.startup import lean_jsonschema\nlean_jsonschema()\n" + CHECKERS)))
    dropped = plain - lean
    assert lean <= plain and dropped <= {"iri", "iri-reference"}
    import altair
    import nbformat

    schemas = [altair.vegalite.v6.schema.core.load_schema()]
    schemas += [json.loads(p.read_text(encoding="utf-8")) for p in Path(nbformat.__file__).parent.glob("v4/*.json")]
    used = set().union(*(_formats_in(s) for s in schemas))
    assert "uri" in used and not used & {"iri", "iri-reference"}


def test_the_charts_import_without_building_the_iri_parser():
    out = _python("import sys, newsnumbers.charts.notebook, newsnumbers.run, altair\n"
                  "print('rfc3987_syntax.syntax_helpers' in sys.modules)")
    assert out.strip() == "False"


def test_the_bundle_is_read_from_the_cache_when_its_versions_match(tmp_path, monkeypatch):
    cache = tmp_path / "vega-embed.js"
    monkeypatch.setattr(offline, "_cache_path", lambda: cache)
    offline.bundle.cache_clear()
    try:
        cache.write_text(offline._key() + "window.vegaEmbed = 1;", encoding="utf-8")
        assert offline.bundle() == "window.vegaEmbed = 1;"
    finally:
        offline.bundle.cache_clear()


@pytest.mark.slow
def test_a_bundle_of_other_versions_is_made_again_and_written_back(tmp_path, monkeypatch):
    cache = tmp_path / "vega-embed.js"
    monkeypatch.setattr(offline, "_cache_path", lambda: cache)
    offline.bundle.cache_clear()
    try:
        cache.write_text("// vl-convert-python 0.0, vega-lite v1.0\nstale", encoding="utf-8")
        js = offline.bundle()
        assert "stale" not in js and len(js) > 100_000 and "</script" not in js
        assert cache.read_text(encoding="utf-8") == offline._key() + js
    finally:
        offline.bundle.cache_clear()
