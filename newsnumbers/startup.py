"""Start-up time of the build's processes: jsonschema imported without an IRI parser nobody here uses.

Why: ``make figures`` starts two Python processes per notebook (``newsnumbers.run``
with papermill, and the notebook's kernel with altair), and both import
``jsonschema`` (papermill through nbformat, altair for its spec classes). When
the optional ``rfc3987_syntax`` package is installed (JupyterLab's dependencies
bring it), ``jsonschema`` builds an Earley parser for RFC 3987 IRIs at import:
1.5–2 s of CPU in every such process, twelve or more times per build. Only the
"iri" and "iri-reference" format checks use it; no schema we validate names those
formats (Vega-Lite's names "uri", "uri-reference" and "color-hex", nbformat's none),
so validation is the same without it. The parser is left out for this one import;
``rfc3987_syntax`` stays importable afterwards for anyone who asks for it.
"""
from __future__ import annotations

import importlib
import sys

SKIPPED = "rfc3987_syntax"


def lean_jsonschema() -> None:
    """Import ``jsonschema`` (once per process) without building the IRI parser; a no-op when already imported.

    Should a future ``jsonschema`` need the parser, it is imported the ordinary way instead.
    """
    if "jsonschema" in sys.modules or SKIPPED in sys.modules:
        return
    sys.modules[SKIPPED] = None  # type: ignore[assignment]  # "import rfc3987_syntax" raises ImportError
    try:
        importlib.import_module("jsonschema")
    except ImportError:
        for name in [m for m in sys.modules if m == "jsonschema" or m.startswith("jsonschema.")]:
            del sys.modules[name]
        sys.modules.pop(SKIPPED, None)
        importlib.import_module("jsonschema")
    finally:
        if sys.modules.get(SKIPPED, ...) is None:
            del sys.modules[SKIPPED]
