"""Publication charts: house style, locale number formats, chart primitives, one module per question."""
