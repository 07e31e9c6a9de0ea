"""The review queue: an editor confirms, fixes, drops or adds figures, one appended correction line each.

``queue`` orders the rows (low confidence first, then the rows behind a published chart),
``actions`` turns a decision into one line of ``seeds/corrections.csv`` and rebuilds the table,
``widgets`` is the notebook's ipywidgets form over both.
"""
