"""The review agendas: weekly, monthly and quarterly meetings, timeboxed to the answers.

Split by job: `timebox` (the minutes arithmetic), `model` (items, agendas, schedule),
`build` (which items and points each meeting has, from the client's roles and KPIs; its prose
is catalog data under `agenda.*`), `render` (the `agendas` blueprint). The minutes are computed
once, so the Markdown and the calendar descriptions (kit/calendar.py) always agree.
"""

from __future__ import annotations

from .build import KINDS, PATHS, build_agendas
from .model import Agenda, Item, Point
from .render import agenda_labels, render_agendas
from .timebox import timebox

__all__ = ["KINDS", "PATHS", "Agenda", "Item", "Point", "agenda_labels", "build_agendas",
           "render_agendas", "timebox"]
