"""newsnumbers: money, price and investment figures from news articles, as tidy tables and charts."""
from .extract import COLUMNS, extract, extract_paths, iter_figures, write_csv

__all__ = ["COLUMNS", "extract", "extract_paths", "iter_figures", "write_csv"]
__version__ = "0.1.0"
