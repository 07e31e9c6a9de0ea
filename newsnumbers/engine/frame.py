"""Rows -> the public DataFrame, column by column with the dtypes known in advance.

Why its own module: for a short article pandas' own construction cost as much as
the extraction. Inferring each text column's dtype (pandas 3 scans an object
array and converts it to ``str``) was the larger part of it; the text columns are
built here directly as the ``str`` arrays pandas would infer, so the table and
its dtypes are the same as from ``pd.DataFrame(rows)`` with inferred dtypes.
Sorting those arrays into pandas' blocks was the next largest part: the blocks
(one per text column, one for the int64 and one for the float64 columns, as
pandas would consolidate them) are made here, their places computed once.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas._libs.arrays import NDArrayBacked
from pandas._libs.internals import BlockPlacement
from pandas.core.internals.blocks import new_block
from pandas.core.internals.managers import BlockManager

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
def _layout(columns: tuple[str, ...]) -> tuple[pd.Index, list, list[tuple[np.dtype, list[str], BlockPlacement]]]:
    """The columns' Index (made once: inferring its dtype cost more than copying it), each text column with its
    place, and each numeric dtype with its columns and their places (one block per dtype)."""
    texts = [(c, BlockPlacement(slice(i, i + 1))) for i, c in enumerate(columns) if c not in NUMERIC]
    numeric = []
    for dtype in dict.fromkeys(NUMERIC[c] for c in columns if c in NUMERIC):
        places = [i for i, c in enumerate(columns) if NUMERIC.get(c) is dtype]
        numeric.append((dtype, [columns[i] for i in places], BlockPlacement(np.array(places, dtype=np.intp))))
    return pd.Index(columns), texts, numeric


def build(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    """The DataFrame of ``rows`` (dicts with every name of ``columns``), with ``columns`` in order.

    The arrays have their final dtypes and sit in the blocks pandas would sort them into, so pandas
    is told to take them as they are (``verify_integrity=False``: no inference, no copies). An empty
    table keeps pandas' dtypes for empty columns (object), as before.
    """
    if rows:
        index, texts, numeric = _layout(tuple(columns))
        arrays = [(_text_column([r[c] for r in rows]), place) for c, place in texts]
        if all(a is not None for a, _ in arrays):
            blocks = [new_block(a, place, ndim=2) for a, place in arrays]
            blocks += [new_block(np.array([[r[c] for r in rows] for c in names], dtype=dtype), place, ndim=2)
                       for dtype, names, place in numeric]
            manager = BlockManager(tuple(blocks), [index.copy(), pd.RangeIndex(len(rows))], verify_integrity=False)
            return pd.DataFrame._from_mgr(manager, axes=manager.axes)
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype=NUMERIC.get(c, object)) for c in columns}, copy=False)
