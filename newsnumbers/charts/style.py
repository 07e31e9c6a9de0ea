"""The house style: one matplotlib style, one palette, one font, and ``finalise``.

Modelled on BBC bbplot's ``finalise_plot`` and Datawrapper's chart fields: every
figure gets a left-aligned headline that states the finding, a subtitle with
measure and unit, notes on bounds and approximations, a source line, alt text
and a language, and is saved at fixed sizes in SVG, PNG (1280 px wide) and PDF,
with the exact data drawn as CSV beside it. Saving is deterministic (fixed SVG
hash salt, no dates in metadata) so rebuilt figures are byte-identical, and atomic
(a temporary file renamed into place) so a killed build never leaves half a chart.
"""
from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..atomic import replacing, write_text  # noqa: E402
from . import numfmt  # noqa: E402
from .layout import arrange, wrap  # noqa: E402
from .outputs import prune, write_index  # noqa: E402

#: Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
INK, MUTED, GRID = "#222222", "#666666", "#DDDDDD"
WIDTH_IN, DPI = 6.4, 200  # 6.4 in x 200 dpi = 1280 px
SIZES = {"standard": (WIDTH_IN, 4.8), "tall": (WIDTH_IN, 7.2)}
FORMATS = ("svg", "png", "pdf")

RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs everywhere
    "font.size": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.spines.left": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": GRID,
    "grid.linewidth": 0.6,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "ytick.left": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "svg.hashsalt": "newsnumbers",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "figure.dpi": 100,
    "text.parse_math": False,  # "$" is a currency here, not TeX
}


def apply() -> None:
    """Use the house style for every later figure in this process."""
    plt.rcParams.update(RC)


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    path = Path(__file__).with_name("labels.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


def label(key: str, locale: str) -> str:
    """Translated label from ``labels.csv``; the key itself when none is given."""
    row = _labels().get(key)
    return row[locale] if row and row.get(locale) else key.replace("_", " ")


def text(key: str, locale: str, **fields) -> str:
    """A headline, subtitle or note template from ``labels.csv``, filled with computed values."""
    return label(key, locale).format(**fields)


def count(key: str, n: int, locale: str, **fields) -> str:
    """``key`` filled with the count ``n``, in its singular form ``{key}_one`` when ``n`` is 1 and labels.csv has one.

    Why: templates with a count wrote "1 Angaben" and "1 figures"; which words change with the number is the
    locale's business, so both forms are data (labels.csv), and code only picks one."""
    one = f"{key}_one"
    return text(one if n == 1 and one in _labels() else key, locale, n=numfmt.ratio(n, locale), **fields)


def genitive(name: str, locale: str) -> str:
    """'Schweiz' -> "Schweiz'", 'Nvidia' -> 'Nvidias' (de); 'Cerebras' -> "Cerebras'", 'Nvidia' -> "Nvidia's" (en).

    Why not "{org}s" in the template: it wrote "Schweizs". Duden (and AP for English) give a name ending in a
    hissing sound only an apostrophe ("Max' Auto"); which endings those are is data (``genitive_after``)."""
    endings = label("genitive_after", locale).split()
    hissing = name.lower().endswith(tuple(endings))
    return text("genitive_apostrophe" if hissing else "genitive_plain", locale, name=name)


@dataclass
class ChartMeta:
    """The Datawrapper-style fields every published chart carries."""

    name: str
    title: str
    subtitle: str
    notes: str
    source: str
    alt: str
    language: str
    files: list[str] = field(default_factory=list)


def new_figure(size: str = "standard") -> tuple[plt.Figure, plt.Axes]:
    apply()
    fig, ax = plt.subplots(figsize=SIZES[size])
    return fig, ax


def new_panels(heights: list[int], height_in: float) -> tuple[plt.Figure, list[plt.Axes]]:
    """Stacked panels sharing the house style; heights are relative row counts."""
    apply()
    fig, axes = plt.subplots(len(heights), 1, figsize=(WIDTH_IN, height_in),
                             gridspec_kw={"height_ratios": heights})
    return fig, ([axes] if len(heights) == 1 else list(axes))


def finalise(fig: plt.Figure, meta: ChartMeta, data: pd.DataFrame, out_dir: str | Path,
             formats: tuple[str, ...] | list[str] = FORMATS) -> ChartMeta:
    """Add headline, subtitle, notes and source; save every format, the data CSV and the metadata."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    apply()  # the SVG hash salt must be set when saving, whoever drew the figure
    decorate(fig, meta)
    meta.files = []
    for fmt in formats:
        path = out / f"{meta.name}.{fmt}"
        kwargs = {"format": fmt, "dpi": DPI}
        if fmt == "svg":
            kwargs["metadata"] = {"Date": None, "Creator": None}
        elif fmt == "pdf":
            kwargs["metadata"] = {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
        elif fmt == "png":
            kwargs["metadata"] = {"Software": None}
        with replacing(path) as tmp:  # never a half-written chart, even when killed mid-save
            fig.savefig(tmp, **kwargs)
        meta.files.append(path.name)
    with replacing(out / f"{meta.name}.csv") as tmp:
        data.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", float_format="%.15g")
    meta.files.append(f"{meta.name}.csv")
    prune(meta.name, out, meta.files)  # a format no longer asked for must not stay behind, stale
    write_meta(meta, out)
    plt.close(fig)
    return meta


def decorate(fig: plt.Figure, meta: ChartMeta) -> None:
    """Size the figure to its rows, place the panels, and write headline, subtitle, notes and source on it.

    Separate from saving so a test can draw the finished chart and measure where its texts fall.
    """
    width = WIDTH_IN - 0.3  # texts start 0.02 of the width in and keep as much to the right
    title = wrap(fig, meta.title, width, fontsize=12.5, fontweight="bold")
    subtitle = wrap(fig, meta.subtitle, width, fontsize=9)
    foot = "\n".join(wrap(fig, x, width, fontsize=7) for x in (meta.notes, meta.source) if x)
    # layout in inches from the top and bottom: the height follows the rows drawn (layout.arrange)
    head = 0.25 + 0.24 * (title.count("\n") + 1) + (0.18 * (subtitle.count("\n") + 1) if subtitle else 0) + 0.3
    feet = 0.2 + 0.13 * (foot.count("\n") + 1) + 0.45
    height = arrange(fig, head, feet, WIDTH_IN)
    fig.text(0.02, 1 - 0.2 / height, title, ha="left", va="top", fontsize=12.5, fontweight="bold", color=INK)
    if subtitle:
        fig.text(0.02, 1 - (0.25 + 0.24 * (title.count("\n") + 1)) / height, subtitle, ha="left", va="top",
                 fontsize=9, color=MUTED)
    fig.text(0.02, 0.15 / height, foot, ha="left", va="bottom", fontsize=7, color=MUTED)


def write_meta(meta: ChartMeta, out_dir: str | Path) -> None:
    """The chart's alt text and metadata files (atomically), and a fresh index."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / f"{meta.name}.alt.txt", meta.alt + "\n")
    write_text(out / f"{meta.name}.json", json.dumps(asdict(meta), ensure_ascii=False, indent=2) + "\n")
    write_index(out)
