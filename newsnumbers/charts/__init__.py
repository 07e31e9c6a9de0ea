"""Publication charts: house style, locale number formats, chart primitives, one module per question."""

from ..startup import lean_jsonschema

lean_jsonschema()  # altair imports jsonschema: without the IRI parser it never uses (newsnumbers/startup.py)
