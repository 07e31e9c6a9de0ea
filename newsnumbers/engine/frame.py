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
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd
from pandas._libs.arrays import NDArrayBacked
from pandas._libs.internals import BlockPlacement
from pandas.core.internals.blocks import new_block
from pandas.core.internals.managers import BlockManager

NUMERIC = {"start": np.int64, "end": np.int64, "value": np.float64, "value_high": np.float64}
_STR = pd.StringDtype(na_value=np.nan)  # the dtype pandas infers for a column of str ("str")
_STR_ARRAY = _STR.construct_array_type()


def _text_column(values: Sequence[str]) -> object:
    """A column of str (the caller has checked that every value is one) as the ``str`` array pandas would infer."""
    # what ``_from_sequence`` ends with, without its pass that converts each value to str (they all are)
    array = _STR_ARRAY.__new__(_STR_ARRAY)
    NDArrayBacked.__init__(array, np.array(values, dtype=object), _STR)
    return array


def _columns(rows: Sequence[dict], names: list[str]) -> list[tuple]:
    """The values of ``names`` as one tuple per column, read row by row and transposed in C (``itemgetter`` and
    ``zip``), not with a Python loop per column."""
    if len(names) == 1:
        return [tuple(r[names[0]] for r in rows)]
    return list(zip(*map(itemgetter(*names), rows)))


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
        values = _columns(rows, [c for c, _ in texts])
        if set(map(type, chain.from_iterable(values))) <= {str}:  # else (never from the engine) pandas infers, as before
            blocks = [new_block(_text_column(v), place, ndim=2) for v, (_, place) in zip(values, texts)]
            blocks += [new_block(np.array(_columns(rows, names), dtype=dtype), place, ndim=2)
                       for dtype, names, place in numeric]
            manager = BlockManager(tuple(blocks), [index.copy(), pd.RangeIndex(len(rows))], verify_integrity=False)
            return pd.DataFrame._from_mgr(manager, axes=manager.axes)
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype=NUMERIC.get(c, object)) for c in columns}, copy=False)
