"""newsnumbers: money, price and investment figures from news articles, as tidy tables and charts."""
from .engine.pipeline import extract, extract_paths, iter_figures, write_csv
from .schema import COLUMNS

__all__ = ["COLUMNS", "extract", "extract_paths", "iter_figures", "write_csv"]
__version__ = "0.1.0"
