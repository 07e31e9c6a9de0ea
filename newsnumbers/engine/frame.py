"""Rows -> the public DataFrame, column by column with the dtypes known in advance.

Why its own module: for a short article pandas' own construction cost as much as
the extraction. Inferring each text column's dtype (pandas 3 scans an object
array and converts it to ``str``) was the larger part of it; the text columns are
built here directly as the ``str`` arrays pandas would infer, so the table and
its dtypes are the same as from ``pd.DataFrame(rows)`` with inferred dtypes.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas._libs.arrays import NDArrayBacked

NUMERIC = {"start": np.int64, "end": np.int64, "value": np.float64, "value_high": np.float64}
_STR = pd.StringDtype(na_value=np.nan)  # the dtype pandas infers for a column of str ("str")
_STR_ARRAY = _STR.construct_array_type()


def _text_column(values: list) -> object | None:
    """A column of str as the ``str`` array pandas would infer; None when some value is no str (never from
    the engine), for :func:`build` to leave the whole table to pandas' inference as before."""
    if all(type(v) is str for v in values):
        # what ``_from_sequence`` ends with, without its pass that converts each value to str (they all are)
        array = _STR_ARRAY.__new__(_STR_ARRAY)
        NDArrayBacked.__init__(array, np.array(values, dtype=object), _STR)
        return array
    return None


@lru_cache(maxsize=8)
def _column_index(columns: tuple[str, ...]) -> pd.Index:
    """The columns' Index, made once (inferring its dtype cost more than copying it); each table gets a copy."""
    return pd.Index(columns)


def build(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    """The DataFrame of ``rows`` (dicts with every name of ``columns``), with ``columns`` in order.

    The arrays have their final dtypes, so pandas is told to take them as they are
    (``verify_integrity=False``: no inference, no copies). An empty table keeps
    pandas' dtypes for empty columns (object), as before.
    """
    values = {c: [r[c] for r in rows] for c in columns}
    if rows:
        arrays = [np.array(values[c], dtype=NUMERIC[c]) if c in NUMERIC else _text_column(values[c]) for c in columns]
        if all(a is not None for a in arrays):
            return pd.DataFrame._from_arrays(arrays, columns=_column_index(tuple(columns)).copy(),
                                             index=pd.RangeIndex(len(rows)), verify_integrity=False)
    return pd.DataFrame({c: np.array(v, dtype=NUMERIC.get(c, object)) for c, v in values.items()}, copy=False)
