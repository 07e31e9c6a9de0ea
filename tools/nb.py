"""Write a notebook from a plain-text outline (maintenance helper, not part of the build).

Usage: python tools/nb.py OUTLINE.py OUT.ipynb
In the outline, lines '# %% [markdown]', '# %%' and '# %% parameters' start cells
(the last one tagged 'parameters' for papermill). Notebooks are written without outputs.
"""
import sys

import nbformat


def build(source: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    cells, kind, buf = [], None, []

    def flush():
        if kind is None:
            return
        text = "\n".join(buf).strip("\n")
        if kind == "markdown":
            text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in text.splitlines())
            cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            cell = nbformat.v4.new_code_cell(text)
            if kind == "parameters":
                cell.metadata["tags"] = ["parameters"]
            cells.append(cell)

    for line in source.splitlines():
        if line.startswith("# %%"):
            flush()
            buf = []
            kind = "markdown" if "[markdown]" in line else "parameters" if "parameters" in line else "code"
        else:
            buf.append(line)
    flush()
    for i, c in enumerate(cells):
        c["id"] = f"cell-{i:02d}"
    nb.cells = cells
    return nb


if __name__ == "__main__":
    nbformat.write(build(open(sys.argv[1], encoding="utf-8").read()), sys.argv[2])
