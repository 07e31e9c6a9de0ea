"""altair charts that draw with no network: JupyterLab, the classic notebook and exported HTML alike.

Why: altair's default renderer writes ``<script src="https://cdn...">`` tags, so an
analyst offline (or behind a proxy) sees "Error loading script" instead of a chart.
The ``jupyter`` renderer's offline mode needs a widget manager, which an exported
HTML page or a papermill copy does not have. This renderer writes plain HTML with
the JavaScript that vl-convert bundles (Vega, Vega-Lite, vega-embed with its
tooltips) inline, which every front end that runs an output's scripts can draw.

The bundle is wrapped in a function and loaded once per page: JupyterLab shows
many outputs in one page, and the bundle's top-level ``const`` declarations would
clash if two outputs ran it as plain scripts. It is about 0.9 MB per chart output;
committed notebooks are stripped, so only executed copies carry it.
"""
from __future__ import annotations

import functools
import json
import uuid
from pathlib import Path

import altair as alt

from .. import paths
from ..atomic import write_text

RENDERER = "newsnumbers_offline"
#: vega-embed options: SVG keeps every mark a DOM element (inspectable, testable); no actions menu
EMBED_OPTIONS = {"renderer": "svg", "actions": False}


#: Where the bundle is kept between processes, under the project root (``make clean`` removes it).
CACHE = "build/vega-embed.js"


def _key() -> str:
    """What the bundle depends on: vl-convert's version and the Vega-Lite version altair writes."""
    from importlib.metadata import version

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"// vl-convert-python {version('vl-convert-python')}, vega-lite v{major}.{minor}\n"


def _cache_path() -> Path | None:
    root = paths.project_root()
    return root / CACHE if paths.is_root(root) else None


@functools.lru_cache(maxsize=1)
def bundle() -> str:
    """vl-convert's vega-embed bundle for altair's Vega-Lite version, safe inside a ``<script>`` element.

    Why cached in ``build/``: vl-convert assembles the bundle anew in every process (3 s of CPU),
    and every chart notebook's kernel needs the same one. The file's first line names the versions
    it was made with; another version, a missing or unreadable file: made again (and written back
    when the project root is writable).
    """
    import vl_convert

    key, path = _key(), _cache_path()
    if path is not None:
        try:
            cached = path.read_text(encoding="utf-8")
            if cached.startswith(key) and len(cached) > len(key):
                return cached[len(key):]
        except OSError:
            pass
    js = vl_convert.javascript_bundle(vl_version=key.rsplit(" ", 1)[1].strip())
    js = js.replace("</script", "<\\/script")
    if path is not None:
        try:
            write_text(path, key + js)
        except OSError:
            pass  # a read-only checkout: every process makes its own
    return js


class InlineTemplate:
    """altair's ``inline`` HTML template with the cached bundle: ``chart.to_html(template=InlineTemplate())``
    gives the page ``to_html(inline=True)`` gives, without vl-convert assembling the bundle again."""

    def render(self, **fields: object) -> str:
        from altair.utils.html import TEMPLATES

        return TEMPLATES["inline"].render(**fields, vegaembed_script=bundle())


def _json(value: object) -> str:
    """JSON for a script element: ``</`` cannot end the element early (a quote may hold any text)."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def html(spec: dict, embed_options: dict | None = None) -> str:
    """One output's HTML: a div, the bundle (run when the page has none yet) and the vega-embed call."""
    div = f"nn-vega-{uuid.uuid4().hex}"
    options = {**EMBED_OPTIONS, **(embed_options or {})}
    return (f'<div class="nn-vega" id="{div}"></div>\n'
            '<script type="text/javascript">\n'
            f"if (typeof window.vegaEmbed !== 'function') {{ (function () {{\n{bundle()}\n}})(); }}\n"
            "</script>\n"
            '<script type="text/javascript">\n'
            f"window.vegaEmbed('#{div}', {_json(spec)}, {_json(options)})"
            f".catch(function (err) {{ document.getElementById('{div}').textContent = String(err); "
            "console.error(err); });\n"
            "</script>")


def renderer(spec: dict, **metadata: object) -> dict[str, str]:
    """altair's renderer interface: a MIME bundle with the offline HTML and a plain-text fallback."""
    options = metadata.get("embed_options")
    return {"text/html": html(spec, options if isinstance(options, dict) else None),
            "text/plain": "<altair chart: drawn offline with the Vega bundle inline>"}


def enable() -> None:
    """Make every altair chart displayed from now on draw offline (the notebooks call it once)."""
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, renderer)
    alt.renderers.enable(RENDERER)


if __name__ == "__main__":  # make's step before the chart notebooks: the bundle made once, not in each kernel
    bundle()
