"""Rows -> the public DataFrame, column by column with the dtypes known in advance.

Why its own module: for a short article pandas' own construction cost as much as
the extraction. Inferring each text column's dtype (pandas 3 scans an object
array and converts it to ``str``) was the larger part of it; the text columns are
built here directly as the ``str`` arrays pandas would infer, so the table and
its dtypes are the same as from ``pd.DataFrame(rows)`` with inferred dtypes.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

NUMERIC = {"start": np.int64, "end": np.int64, "value": np.float64, "value_high": np.float64}
_STR = pd.StringDtype(na_value=np.nan)  # the dtype pandas infers for a column of str ("str")
_STR_ARRAY = _STR.construct_array_type()


def _text_column(values: list) -> object:
    """A column of str as the ``str`` array pandas would infer; any other column as objects, left to pandas."""
    column = np.array(values, dtype=object)
    if all(type(v) is str for v in values):
        return _STR_ARRAY._from_sequence(column, dtype=_STR)
    return column  # not all text (never from the engine): pandas infers its dtype as it always did


def build(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    """The DataFrame of ``rows`` (dicts with every name of ``columns``), with ``columns`` in order.

    An empty table keeps pandas' dtypes for empty columns (object), as before.
    """
    if not rows:
        return pd.DataFrame({c: np.array([], dtype=NUMERIC.get(c, object)) for c in columns}, copy=False)
    data = {}
    for c in columns:
        values = [r[c] for r in rows]
        kind = NUMERIC.get(c)
        data[c] = np.array(values, dtype=kind) if kind is not None else _text_column(values)
    return pd.DataFrame(data, copy=False)
