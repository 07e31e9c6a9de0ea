"""The review form (ipywidgets): one row at a time in queue order, confirm / fix / drop, and add a missed figure.

Why the logic lives in plain methods: the tests click the buttons without a
browser (``button.click()`` runs the same handlers), so what an editor does in
JupyterLab is what the tests assert: the line appended and the row rebuilt.
"""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from .. import paths, vocabulary
from ..lexicon import load
from ..schema import CORRECTABLE, QUALIFIERS
from . import actions, queue, words

TEXT_FIELDS = ("value", "value_high", "per")
#: Room for the longest label (German "Organisation", "Messgröße") in front of an input.
LABEL = {"description_width": "7em"}


def _choices(periods: object = ()) -> dict[str, list[str]]:
    """Choices per field: the vocabulary the reader accepts, the lexicon's model names, and the periods
    periods.csv gives (an example of each form, and ``periods``, those in the table)."""
    models = sorted({r["canonical"] for r in load().models if r["canonical"] and "{}" not in r["canonical"]})
    return {"unit": sorted(vocabulary.units()), "qualifier": sorted(QUALIFIERS),
            "measure": sorted(vocabulary.measures()), "organisation": sorted(vocabulary.organisations()),
            "model": models, "period": vocabulary.periods(periods)}


def field_widgets(locale: str = "en", periods: object = ()) -> dict[str, w.Widget]:
    """One input per field, labelled in ``locale``: free text for numbers and rates, a dropdown for qualifier
    and measure, a combobox (choices, and free typing for 'A|B', a new model or 'multi_year:7') for unit,
    period, organisation and model."""
    choices = _choices(periods)
    out: dict[str, w.Widget] = {}
    for name in CORRECTABLE:
        look = {"description": words.word(name, locale), "layout": w.Layout(width="22em"), "style": LABEL}
        if name in TEXT_FIELDS:
            out[name] = w.Text(**look)
        elif name in ("qualifier", "measure"):
            out[name] = w.Dropdown(options=["", *choices[name]], **look)
        else:
            out[name] = w.Combobox(options=choices[name], ensure_option=False, **look)
    return out


def _shown(value: object) -> str:
    return actions._text(value)


class _Widgets:
    """The widgets: navigation, the row's card and fields, the action buttons, the add form, the status line."""

    def __init__(self, seeds_dir: str = "seeds", data_dir: str = "data", language: str = "auto", locale: str = "de"):
        # relative folders are read from the project root, whatever folder the kernel started in (JupyterLab: notebooks/)
        seeds_dir, data_dir = str(paths.resolve(seeds_dir)), str(paths.resolve(data_dir))
        self.locale = words.checked_locale(locale)
        say = self.say
        self.reviewer = actions.Reviewer(seeds_dir, data_dir, language)
        self.seeds_dir = seeds_dir
        self.figures, _ = self.reviewer.tables()
        self.rows = queue.order(self.figures, seeds_dir)
        self.pick = w.Dropdown(description=say("row"), layout=w.Layout(width="60em"))
        self.back, self.forward = w.Button(description=say("previous")), w.Button(description=say("next"))
        self.card = w.HTML()
        seen = set(self.figures["period"]) if "period" in self.figures else set()
        self.fields = field_widgets(locale, seen)
        self.note = w.Text(description=say("note"), placeholder=say("note_placeholder"), layout=w.Layout(width="44em"))
        self.confirm_button = w.Button(description=say("confirm"), button_style="success", tooltip=say("confirm_tip"))
        self.fix_button = w.Button(description=say("fix"), button_style="warning", tooltip=say("fix_tip"))
        self.drop_button = w.Button(description=say("drop"), button_style="danger", tooltip=say("drop_tip"))
        self.add_article = w.Dropdown(options=sorted(self.figures["article"].unique()) if not self.figures.empty else [],
                                      description=say("article"), style=LABEL)
        self.add_quote = w.Text(description=say("quote"), placeholder=say("quote_placeholder"), style=LABEL)
        self.add_start = w.Text(description=say("start"), placeholder=say("start_placeholder"), style=LABEL)
        self.add_fields = field_widgets(locale, seen)
        self.add_note = w.Text(description=say("note"), style=LABEL)
        self.add_button = w.Button(description=say("add"), button_style="info")
        self.status = w.HTML()

    def say(self, key: str, **fields: object) -> str:
        """The form's word for ``key`` in its locale."""
        return words.word(key, self.locale, **fields)


class _Form(_Widgets):
    """What the widgets show: the row on screen in queue order and its fields; the buttons' wiring."""

    def __init__(self, seeds_dir: str = "seeds", data_dir: str = "data", language: str = "auto", locale: str = "de"):
        super().__init__(seeds_dir, data_dir, language, locale)
        self.pick.observe(lambda change: self.show_row(), names="value")
        self.back.on_click(lambda _: self.step(-1))
        self.forward.on_click(lambda _: self.step(1))
        self.confirm_button.on_click(lambda _: self.on_confirm())
        self.fix_button.on_click(lambda _: self.on_fix())
        self.drop_button.on_click(lambda _: self.on_drop())
        self.add_button.on_click(lambda _: self.on_add())
        self._fill_pick()

    # -- showing ---------------------------------------------------------------
    def _fill_pick(self, keep: str | None = None) -> None:
        options = [(f"{i + 1:>3}. [{queue.reason(r, self.locale)}] {r['article']} · {r['quote']}", r["id"])
                   for i, (_, r) in enumerate(self.rows.iterrows())]
        ids = [o[1] for o in options]
        self.pick.options = options
        self.pick.value = keep if keep in ids else (ids[0] if ids else None)
        self.show_row()

    @property
    def current(self) -> pd.Series | None:
        """The row on screen, or None when the table is empty."""
        hit = self.rows[self.rows["id"] == self.pick.value]
        return None if hit.empty else hit.iloc[0]

    def show_row(self) -> None:
        row = self.current
        if row is None:
            self.card.value = f"<p>{html.escape(self.say('empty'))}</p>"
            return
        self.card.value = queue.card(row, self.locale)
        for name, widget in self.fields.items():
            value = _shown(row[name])
            if isinstance(widget, w.Dropdown) and value not in widget.options:
                value = ""
            widget.value = value

    def step(self, by: int) -> None:
        ids = list(self.rows["id"])
        if ids:
            at = ids.index(self.pick.value) if self.pick.value in ids else 0
            self.pick.value = ids[(at + by) % len(ids)]

    def widget(self) -> w.Widget:
        """The whole form: navigation, the row, its fields and actions, the add form, the status line."""
        fields = w.GridBox(list(self.fields.values()), layout=w.Layout(grid_template_columns="repeat(2, 24em)"))
        adds = w.GridBox([self.add_article, self.add_quote, self.add_start, *self.add_fields.values(), self.add_note],
                         layout=w.Layout(grid_template_columns="repeat(2, 24em)"))
        return w.VBox([w.HBox([self.back, self.forward]), self.pick, self.card, fields, self.note,
                       w.HBox([self.confirm_button, self.fix_button, self.drop_button]), self.status,
                       w.HTML(f"<h4>{html.escape(self.say('add_heading'))}</h4>"), adds, self.add_button])


class ReviewQueue(_Form):
    """The form over ``seeds_dir``'s table; every action appends one line to its corrections.csv and rebuilds."""

    def on_confirm(self) -> None:
        if self.current is not None:
            self._submit(lambda: actions.confirm(self.current, self.note.value))

    def on_drop(self) -> None:
        if self.current is not None:
            self._submit(lambda: actions.drop(self.current, self.note.value))

    def on_fix(self) -> None:
        if self.current is not None:
            changes = {name: widget.value for name, widget in self.fields.items()}
            self._submit(lambda: actions.fix(self.current, changes, self.note.value))

    def on_add(self) -> None:
        fields = {name: widget.value for name, widget in self.add_fields.items()}
        self._submit(lambda: actions.add(self.add_article.value or "", self.add_quote.value, fields,
                                         self.add_start.value, self.add_note.value))

    def _submit(self, make) -> None:
        """Build the line, check it, append it, rebuild; say what happened either way."""
        was = self.pick.value
        try:
            record = make()
            line, written, self.figures = self.reviewer.submit(record)
        except ValueError as exc:
            self.status.value = f"<p style='color:#b00'>{html.escape(self.say('refused', reason=exc))}</p>"
            return
        ids = list(self.rows["id"])
        following = ids[ids.index(was) + 1] if was in ids and ids.index(was) + 1 < len(ids) else None
        self.rows = queue.order(self.figures, self.seeds_dir)
        self.note.value = ""
        if record["action"] == "add":
            self.add_quote.value = self.add_start.value = self.add_note.value = ""
        self._fill_pick(keep=following or was)
        said = self.say("done", action=html.escape(self.say(f"done_{record['action']}")), line=line,
                        path=html.escape(str(self.reviewer.path)), written=html.escape(written), rows=len(self.figures))
        self.status.value = f"<p style='color:#060'>{said}</p>"
