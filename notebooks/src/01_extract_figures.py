# %% [markdown]
# # 01 · Which cost, price and investment figures do the articles give?
#
# **Question:** every money, percent and count figure in the articles in `seeds/`, each traceable to its sentence.
#
# **Answer:** the table `data/figures.csv`, one row per figure mention, with value in base units, unit, rate,
# qualifier (exact, approx, bounds, range) and what it is about (measure, organisation, model).
# Files that cannot be read are listed with the reason in `data/rejected.csv`; the run never stops for them.
# %% parameters
seeds_dir = "seeds"
output_dir = "data"
language = "auto"
# %%
from pathlib import Path

from IPython.display import HTML, display

import newsnumbers as nn
from newsnumbers import report

figures, rejected = nn.extract_paths([seeds_dir], language=language)
nn.write_csv(figures, Path(output_dir) / "figures.csv")
nn.write_csv(rejected, Path(output_dir) / "rejected.csv")
report.summary(figures, rejected)
# %% [markdown]
# ## Figures by measure and organisation
# %%
report.by_measure(figures)
# %% [markdown]
# ## Files that could not be read
# %%
rejected
# %% [markdown]
# ## Each article with its figures highlighted
# Hover a highlighted figure to see how it was read.
# %%
for article in sorted(figures["article"].unique()):
    display(HTML(report.highlight_article(Path(seeds_dir), article, figures)))
