"""Measuring the extractor: scoring against hand annotation, and a peer's test cases."""
