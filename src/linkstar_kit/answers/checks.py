"""Checks of an answers file that the pydantic models cannot make alone.

The models (`answers/models.py`) check each value's shape. What needs the library (known ids,
a KPI's unit and platforms) or the whole file (unique keys, dates against each other) is here,
once: the file loader calls `check_answers` (or `check_parts` on a file that is only partly
valid, so that every problem is reported at once) and the questionnaire calls `check_answers`
on what it has built. No rule of `spec/answers.md` has a second copy anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Issue, KeyPath, did_you_mean, format_path
from ..library.applicability import platforms_for
from ..library.loader import Library
from ..library.models import Kpi
from ..positioned import Document
from ..vocabulary import MAX_KPIS, MAX_PINS, MIN_KPIS
from .models import Answers, Goal, PlatformEntry, Review, RoleEntry, Scope

# The file name shown when the answers do not come from a file (the questionnaire).
NO_FILE = "answers"


@dataclass
class AnswerParts:
    """The validated parts of an answers file, each with its index in the file.

    A file whose every value is valid gives complete parts (`AnswerParts.of`). For a file with
    some invalid values the loader passes what did validate, so the library checks still run
    on the rest: a record may then hold None in a required field whose value was invalid, and
    a check whose inputs are incomplete is skipped rather than guessed.
    """

    scope: Scope | None = None
    categories: list[str] | None = None
    platforms: list[tuple[int, PlatformEntry]] = field(default_factory=list)
    platforms_complete: bool = False
    goals: list[tuple[int, Goal]] = field(default_factory=list)
    roles: list[tuple[int, RoleEntry]] = field(default_factory=list)
    roles_complete: bool = False
    timezone: str | None = None
    review: Review | None = None

    @classmethod
    def of(cls, answers: Answers) -> AnswerParts:
        return cls(
            scope=answers.scope,
            categories=list(answers.categories),
            platforms=list(enumerate(answers.platforms)),
            platforms_complete=True,
            goals=list(enumerate(answers.goals)),
            roles=list(enumerate(answers.roles)),
            roles_complete=True,
            timezone=answers.client.timezone,
            review=answers.review,
        )


class _Report:
    """Collects issues, positioned in the document when there is one."""

    def __init__(self, doc: Document | None) -> None:
        self.doc = doc
        self.issues: list[Issue] = []

    def add(self, path: KeyPath, message: str, hint: str | None = None) -> None:
        if self.doc is not None:
            self.issues.append(self.doc.issue(path, message, hint))
        else:
            self.issues.append(Issue(NO_FILE, None, None, tuple(path), message, hint))


def check_answers(answers: Answers, library: Library, doc: Document | None = None) -> list[Issue]:
    """Every problem of `answers` against `library` (positions from `doc` when given)."""
    return check_parts(AnswerParts.of(answers), library, doc)


def check_parts(parts: AnswerParts, library: Library, doc: Document | None = None) -> list[Issue]:
    """The checks of `check_answers` on the valid parts of a possibly incomplete file."""
    rep = _Report(doc)
    _check_scope(parts.scope, rep)
    if parts.categories is not None:
        _check_categories(parts.categories, library, rep)
    _check_platforms(parts.platforms, library, rep)
    _check_goals(parts.goals, parts.scope, library, rep)
    file_platforms: list[str] | None = None
    fulfillment: dict[str, list[str]] = {}
    if parts.platforms_complete:
        file_platforms = []
        for _, p in parts.platforms:
            if p.id is not None and p.id not in file_platforms:
                file_platforms.append(p.id)
                fulfillment[p.id] = list(p.fulfillment)
    for i, entry in parts.roles:
        _check_role(i, entry, file_platforms, fulfillment, library, rep)
    if parts.roles_complete:
        _check_role_keys([r for _, r in parts.roles], [i for i, _ in parts.roles], rep)
    _check_subdivision_country(parts.review, parts.timezone, rep)
    return rep.issues


def _check_subdivision_country(review: Review | None, timezone: str | None,
                               rep: _Report) -> None:
    """A subdivision of another country than the time zone's (US-CA for a London team), with
    no review.country saying the team keeps that country's holidays, is a slip: the meetings
    would follow the other country's calendar."""
    from ..workdays import country_of_zone, subdivisions

    if review is None or not review.subdivision or review.country or not timezone:
        return
    zone_country = country_of_zone(timezone)
    sub = str(review.subdivision).strip().upper()
    country = sub.split("-")[0]
    if (zone_country is None or zone_country == country
            or sub not in subdivisions().get(country, [])):  # an unknown code: said already
        return
    codes = subdivisions().get(zone_country, [])
    listed = ", ".join(codes[:8]) + (" ..." if len(codes) > 8 else "")
    hint = (f"give one of {zone_country}'s subdivisions ({listed}), or leave it out"
            if codes else f"{zone_country} has one national holiday list: leave it out")
    rep.add(("review", "subdivision"),
            f"subdivision {review.subdivision} is in {country}, but the time zone "
            f"{timezone} is in {zone_country}",
            f"{hint}; or set review.country: {country} if the meetings keep {country}'s "
            "holidays")


# --- scope and categories -------------------------------------------------------------------


def _check_scope(scope: Scope | None, rep: _Report) -> None:
    if scope is not None and scope.level != "company" and scope.name is None:
        rep.add(("scope", "name"), "missing required key `name`",
                f"a scope of level `{scope.level}` needs a name, e.g. \"Amazon US BU\"")


def _check_categories(categories: Sequence[str], library: Library, rep: _Report) -> None:
    seen: dict[str, int] = {}
    for j, c in enumerate(categories):
        path = ("categories", j)
        if c in seen:
            rep.add(path, f"category `{c}` is listed twice", f"first at categories[{seen[c]}]")
            continue
        seen[c] = j
        if c not in library.categories:
            rep.add(path, f"unknown category `{c}`", _known_hint(c, library.categories))


# --- platforms ------------------------------------------------------------------------------


def _check_platforms(platforms: Sequence[tuple[int, PlatformEntry]], library: Library,
                     rep: _Report) -> None:
    first: dict[str, int] = {}
    for i, p in platforms:
        if p.id is None:
            pass
        elif p.id in first:
            rep.add(("platforms", i, "id"), f"platform `{p.id}` is listed twice",
                    f"first at platforms[{first[p.id]}]; list all its sites and fulfillment "
                    "models in one entry")
        else:
            first[p.id] = i
            if p.id not in library.platforms:
                rep.add(("platforms", i, "id"), f"unknown platform `{p.id}`",
                        _known_hint(p.id, library.platforms))

        _no_repeats(p.sites, ("platforms", i, "sites"), "site", rep)
        _no_repeats(p.fulfillment, ("platforms", i, "fulfillment"), "fulfillment model", rep)


def _no_repeats(values: Sequence[str], path: KeyPath, what: str, rep: _Report) -> None:
    seen: dict[str, int] = {}
    for j, v in enumerate(values):
        if v in seen:
            rep.add((*path, j), f"{what} `{v}` is listed twice",
                    f"first at {format_path((*path, seen[v]))}")
        else:
            seen[v] = j


# --- goals ----------------------------------------------------------------------------------


def _check_goals(goals: Sequence[tuple[int, Goal]], scope: Scope | None, library: Library,
                 rep: _Report) -> None:
    first: dict[str, int] = {}
    for i, g in goals:
        base = ("goals", i)
        if g.kpi is None:
            continue
        if g.kpi in first:
            rep.add((*base, "kpi"), f"KPI `{g.kpi}` already has a goal",
                    f"first at goals[{first[g.kpi]}]; keep one goal per KPI")
        else:
            first[g.kpi] = i
        kpi = library.kpis.get(g.kpi)
        if kpi is None:
            rep.add((*base, "kpi"), f"unknown KPI `{g.kpi}`", _known_hint(g.kpi, library.kpis))
        else:
            for name in ("target", "baseline"):
                value = getattr(g, name)
                if value is not None:
                    problem = ratio_problem(kpi, value, name)
                    if problem is not None:
                        rep.add((*base, name), *problem)
        if g.fixed_cost_share is not None and g.kpi != "net_margin":
            rep.add((*base, "fixed_cost_share"), "`fixed_cost_share` belongs to a net_margin "
                    "goal", "it is what lies between the contribution margin and the net "
                    "margin; move it to the goal on `net_margin` or leave it out")
        if scope is not None and scope.start is not None and g.by is not None \
                and g.by < scope.start:
            rep.add((*base, "by"), f"goal date {g.by.isoformat()} is before scope.start "
                    f"{scope.start.isoformat()}", "a goal must fall on or after the first day "
                    "the KPI system runs")


def ratio_problem(kpi: Kpi, value: float, name: str = "value") -> tuple[str, str | None] | None:
    """(message, hint) when `value` cannot be a value of `kpi` (units.py: a rate outside
    [0, 1], or [0, 10] for one that may pass 100 %, a signed rate outside [-1, 10], a count
    below 0)."""
    from ..units import problem

    return problem(kpi.unit, kpi.signed, value, kpi.id, name, kpi.above_one)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# --- roles ----------------------------------------------------------------------------------


def _check_role(i: int, entry: RoleEntry, file_platforms: list[str] | None,
                fulfillment: dict[str, list[str]], library: Library, rep: _Report) -> None:
    base = ("roles", i)
    if entry.role is not None and entry.role not in library.roles:
        rep.add((*base, "role"), f"unknown role `{entry.role}`",
                _known_hint(entry.role, library.roles))

    # The role's platforms: a subset of the file's; default all of them.
    role_platforms: list[str] | None = None
    if entry.platforms is not None:
        if not entry.platforms:
            rep.add((*base, "platforms"), "a role needs at least one platform",
                    "leave out `platforms` to mean all platforms of the file")
        _no_repeats(entry.platforms, (*base, "platforms"), "platform", rep)
        if file_platforms is not None:
            role_platforms = []
            for j, p in enumerate(entry.platforms):
                if p in file_platforms:
                    if p not in role_platforms:
                        role_platforms.append(p)
                    continue
                hint: str | None
                if p in library.platforms:
                    hint = f"add `{p}` under `platforms` at the top of the file first"
                else:
                    hint = (did_you_mean(p, file_platforms) or did_you_mean(p, library.platforms)
                            or _known_hint(p, library.platforms))
                rep.add((*base, "platforms", j),
                        f"platform `{p}` is not one of the file's platforms "
                        f"({', '.join(file_platforms)})", hint)
    elif file_platforms is not None:
        role_platforms = list(file_platforms)

    # pin / exclude
    if len(entry.pin) > MAX_PINS:
        rep.add((*base, "pin"), f"{len(entry.pin)} pinned KPIs, at most {MAX_PINS}",
                f"a role holds {MIN_KPIS} to {MAX_KPIS} KPIs; pin the few the client insists on")
    elif entry.kpi_count is not None and len(entry.pin) > entry.kpi_count:
        rep.add((*base, "pin"), f"{len(entry.pin)} pinned KPIs but kpi_count is "
                f"{entry.kpi_count}", "raise `kpi_count` or pin fewer KPIs")
    pinned = set(entry.pin)
    for name in ("pin", "exclude"):
        ids: list[str] = getattr(entry, name)
        _no_repeats(ids, (*base, name), "KPI", rep)
        for j, kid in enumerate(ids):
            path = (*base, name, j)
            kpi = library.kpis.get(kid)
            if kpi is None:
                rep.add(path, f"unknown KPI `{kid}`", _known_hint(kid, library.kpis))
                continue
            if name == "exclude" and kid in pinned:
                rep.add(path, f"KPI `{kid}` is both pinned and excluded",
                        "remove it from `pin` or from `exclude`")
            if role_platforms:
                problem = applicability_problem(kpi, role_platforms, fulfillment,
                                                file_platforms or ())
                if problem is not None:
                    rep.add(path, *problem)


def applicability_problem(kpi: Kpi, role_platforms: Sequence[str],
                          fulfillment: dict[str, list[str]], file_platforms: Iterable[str] = ()
                          ) -> tuple[str, str | None] | None:
    """(message, hint) when `kpi` can apply on none of the role's platforms, else None.

    Whether the library lists the role for the KPI does not matter here: a consultant may pin
    a KPI the library would not pick for the role.
    """
    if platforms_for(kpi, role_platforms, fulfillment):
        return None
    needs = []
    if kpi.platforms is not None:
        needs.append(f"is measured only on {', '.join(kpi.platforms)}")
    if kpi.fulfillment is not None:
        needs.append(f"needs fulfillment {' or '.join(kpi.fulfillment)}")
    covers = ", ".join(
        f"{p} ({'/'.join(fulfillment[p])})" if fulfillment.get(p) else p for p in role_platforms)
    message = (f"KPI `{kpi.id}` cannot apply to this role: it {' and '.join(needs)}; "
               f"the role covers {covers}")
    hint = None
    if kpi.platforms is not None:
        addable = [p for p in kpi.platforms if p in set(file_platforms)
                   and p not in role_platforms]
        if addable:
            hint = f"add {' or '.join(f'`{p}`' for p in addable)} to this role's `platforms`"
    return message, hint


def _check_role_keys(roles: list[RoleEntry], indexes: list[int], rep: _Report) -> None:
    fields: dict[str, Any] = {"roles": roles}
    keys = Answers.model_construct(**fields).role_keys()  # the one derivation of keys
    first: dict[str, int] = {}
    for i, entry, key in zip(indexes, roles, keys, strict=True):
        if key in first:
            path: KeyPath = ("roles", i, "key") if entry.key else ("roles", i)
            rep.add(path, f"role key `{key}` is used twice",
                    f"also by roles[{first[key]}]; keys name the role cards' files, so give "
                    "each entry its own `key`")
        else:
            first[key] = i


# --- helpers --------------------------------------------------------------------------------


def _known_hint(value: str, known: Iterable[str]) -> str | None:
    known = list(known)
    hint = did_you_mean(value, known)
    if hint:
        return hint
    if not known:
        return "the library defines none"
    if len(known) <= 12:
        return "known: " + ", ".join(known)
    return None

