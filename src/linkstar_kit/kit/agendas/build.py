"""Which items and points each review meeting has, from the client's roles and KPIs.

The method: weekly progress (EOS Level 10 order, Amazon WBR inputs before outputs, 4DX
commitments, the anomaly note before judgement), monthly deviations, causes and fixes,
quarterly "are the KPIs and targets still right". Each meeting reviews the KPIs of its own
cadence (issue 10): the weekly the daily and weekly KPIs, the monthly the monthly ones and the
month's weekly trend, the quarterly the goals, the quarterly KPIs and the KPI set itself.
A KPI's cadence is its frequency *id* from the selection, never a translated label.
Every sentence comes from the text catalog (`agenda.*` in catalog/<lang>.yaml); the weights
here set how the meeting's minutes are shared.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ... import catalog
from ..context import KitContext
from ..meetings import held_days
from .model import Agenda, Item, Point, schedule

KINDS = ("weekly", "monthly", "quarterly")
PATHS = {k: f"agendas/{k}-review.md" for k in KINDS}


def _chair(ctx: KitContext, roles: list[dict[str, Any]], kind_of: dict[str, str]) -> str:
    """Who chairs the reviews, named from the answers: the team lead; without one, the
    operations role (it runs the business the KPIs measure) when there is one; else the
    scope's owner. Two operations roles (one per platform) are peers: naming the first would
    put the Lazada manager in the chair of the Shopee manager's review, so the owner chairs."""
    for kind in ("team_lead", "operations"):
        found = [r for r in roles if kind_of[r["key"]] == kind]
        if len(found) == 1 or (found and kind == "team_lead"):
            return str(found[0]["title"])
    scope = ctx.answers.scope.name
    return (catalog.text(ctx.lang, "agenda.scope_owner", scope=scope) if scope
            else catalog.text(ctx.lang, "agenda.business_owner"))


class _Team:
    """The client's roles as the agendas need them, in the client's language."""

    def __init__(self, ctx: KitContext) -> None:
        self.lang = ctx.lang
        self.t = catalog.Catalog(ctx.lang)
        self.view = ctx.view
        self.roles: list[dict[str, Any]] = list(self.view["roles"])
        by_key = {r.key: r for r in ctx.selection.roles}
        self.kind_of = {r["key"]: by_key[r["key"]].role for r in self.roles}
        fin = [r for r in self.roles if self.kind_of[r["key"]] == "finance"]
        self.chair = _chair(ctx, self.roles, self.kind_of)
        self.finance = fin[0]["title"] if fin else None
        kpi_names = {k: v.label(self.lang) for k, v in ctx.library.kpis.items()}
        self.runners_up = {r.key: [kpi_names.get(x.kpi, x.kpi) for x in r.runners_up]
                           for r in ctx.selection.roles}
        # which frequencies each meeting reviews; without a quarterly review, the monthly
        # one takes the quarterly KPIs so that no KPI goes unreviewed
        quarterly = bool(self.view["review"]["quarterly"])
        self.cadence = {"weekly": ("daily", "weekly"),
                        "monthly": ("monthly",) if quarterly else ("monthly", "quarterly"),
                        "quarterly": ("quarterly",)}
        self.sep = self.t("punct.semicolon")
        self.comma = self.t("punct.list")

    def item(self, kind: str, key: str, owners: list[str], weight: int,
             points: list[Point] | None = None) -> Item:
        base = f"agenda.{kind}.items.{key}"
        return Item(key, self.t(f"{base}.title"), owners, self.t(f"{base}.guide"), weight,
                    points or [])

    def titles(self, roles: list[dict[str, Any]] | None = None) -> list[str]:
        return [r["title"] for r in (self.roles if roles is None else roles)]

    def finance_last(self, roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Roles in the client's order, finance at the end (WBR: financials come last)."""
        return sorted(roles, key=lambda r: self.kind_of[r["key"]] == "finance")

    def kpi_line(self, k: dict[str, Any]) -> str:
        labels = self.view["t"]
        tg = k["targets"]
        if not tg:
            return self.t("punct.paren", text=k["short"], inner=labels["no_target"])
        if len(tg) == 1 and tg[0]["platform"] == labels["all_platforms"]:
            return f"{k['short']} {tg[0]['text']}"
        parts = ", ".join(f"{x['platform']} {x['text']}" for x in tg)
        return self.t("punct.paren", text=k["short"], inner=parts)

    def kpis(self, r: dict[str, Any], kind: str | None = None,
             cadence: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        return [k for k in r["kpis"] if (kind is None or k["kind"] == kind)
                and (cadence is None or k["frequency_id"] in cadence)]

    def with_kpis(self, kind: str | None = None,
                  cadence: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        return [r for r in self.roles if self.kpis(r, kind, cadence)]

    def by_kind(self, kind: str, roles: list[dict[str, Any]],
                cadence: tuple[str, ...]) -> list[Point]:
        """One point per role: its KPIs of this kind (lead/lag) and cadence with targets."""
        return [Point(r["title"], self.sep.join(self.kpi_line(k)
                                                for k in self.kpis(r, kind, cadence)))
                for r in roles if self.kpis(r, kind, cadence)]


def _when(team: _Team, kind: str, cfg: dict[str, Any], tz: str, first: dt.date | None) -> str:
    """The series' rule and its first meeting, the day the calendar holds it (meetings.py):
    each review first meets after the scope's first week, month or quarter."""
    when = team.t(f"agenda.when.{kind}", tz=tz, **cfg)
    if first is None:
        return when
    return team.t("agenda.when.first_after", when=when, date=first.isoformat(),
                  period=team.t(f"agenda.when.first_period.{kind}"))


def _weekly(team: _Team) -> list[Item]:
    roles, cad, comma = team.roles, team.cadence["weekly"], team.comma
    spiky = [Point(r["title"], team.t("agenda.point.check",
                                      kpis=comma.join(k["short"] for k in team.kpis(r, None, cad))))
             for r in team.with_kpis(None, cad)]
    lead_roles = team.with_kpis("lead", cad)
    lag_roles = team.finance_last(team.with_kpis("lag", cad))
    n_lead = sum(len(team.kpis(r, "lead", cad)) for r in roles)
    n_lag = sum(len(team.kpis(r, "lag", cad)) for r in roles)
    per_role = 3 + len(roles)
    item = team.item
    items = [
        item("weekly", "segue", [team.chair], 3 + len(roles) // 3),
        item("weekly", "annotate", team.titles(), 4 + len(roles) // 2, spiky),
        item("weekly", "inputs", team.titles(lead_roles) or [team.chair], 4 + n_lead // 2,
             team.by_kind("lead", lead_roles, cad) or _elsewhere(team)),
        item("weekly", "outputs", team.titles(lag_roles) or [team.chair], 4 + n_lag // 2,
             team.by_kind("lag", lag_roles, cad) or _elsewhere(team)),
        # the Level 10 meeting's order after the scorecard: last week's to-dos, headlines,
        # then the issues list (the review's minutes.yaml records all three)
        item("weekly", "account", team.titles(), per_role),
        item("weekly", "headlines", team.titles(), 2 + len(roles) // 4),
        item("weekly", "ids", [team.chair], 50),
        item("weekly", "commit", team.titles(), per_role,
             [Point(r["title"], team.t("agenda.point.move", kpis=comma.join(
                 k["short"] for k in team.kpis(r, "lead"))))
              for r in team.with_kpis("lead")]),
        item("weekly", "conclude", [team.chair], 4 + len(roles) // 3),
    ]
    _ids_biggest(items, "ids")
    return items


def _elsewhere(team: _Team) -> list[Point]:
    """Nothing of this kind is tracked weekly: say where it is reviewed instead."""
    return [Point(team.chair, team.t("agenda.point.none_this_cadence",
                                     review=team.t("agenda.monthly.title")))]


def _monthly_points(team: _Team, kind: str, roles: list[dict[str, Any]]) -> list[Point]:
    """Each role's KPIs of this kind reviewed monthly, then the month's weekly trend."""
    cad, weekly = team.cadence["monthly"], team.cadence["weekly"]
    out = []
    for r in roles:
        parts = [team.kpi_line(k) for k in team.kpis(r, kind, cad)]
        trend = [k["short"] for k in team.kpis(r, kind, weekly)]
        if trend:
            parts.append(team.t("agenda.point.weekly_trend", kpis=team.comma.join(trend)))
        if parts:
            out.append(Point(r["title"], team.sep.join(parts)))
    return out


def _monthly(team: _Team) -> list[Item]:
    roles, item = team.roles, team.item
    reviewed = team.cadence["monthly"] + team.cadence["weekly"]
    lead_roles = team.with_kpis("lead", reviewed)
    lag_roles = team.finance_last(team.with_kpis("lag", reviewed))
    sources = []
    for r in roles:
        seen: list[str] = []
        for k in r["kpis"]:
            if k["data_source"] and k["data_source"] not in seen:
                seen.append(k["data_source"])
        if seen:
            sources.append(Point(r["title"], team.sep.join(seen)))
    pairs = []
    for r in roles:
        ps = [f"{k['short']} ↔ {team.comma.join(k['counter'])}" for k in r["kpis"] if k["counter"]]
        if ps:
            pairs.append(Point(r["title"], team.sep.join(ps)))
    if not pairs:
        pairs = [Point(team.chair, team.t("agenda.point.no_pairs"))]
    data_owner = team.finance or team.chair
    items = [
        item("monthly", "last_fixes", [team.chair], 8),
        item("monthly", "data_check", [data_owner], 8, sources),
        item("monthly", "inputs", team.titles(lead_roles) or [team.chair], 8 + len(lead_roles),
             _monthly_points(team, "lead", lead_roles)),
        item("monthly", "outputs", team.titles(lag_roles) or [team.chair], 8 + len(lag_roles),
             _monthly_points(team, "lag", lag_roles)),
        item("monthly", "pairs",
             team.titles([r for r in roles if any(k["counter"] for k in r["kpis"])])
             or [team.chair], 6, pairs),
        item("monthly", "causes", team.titles(), 25),
        item("monthly", "fixes", [team.chair], 20),
        item("monthly", "conclude", [team.chair], 6),
    ]
    _ids_biggest(items, "causes")
    return items


def _quarterly(team: _Team) -> list[Item]:
    roles, view, t, item = team.roles, team.view, team.t, team.item
    labels = view["t"]
    goals = []
    for g in view["goals"]:
        drivers = team.comma.join(f"{d['role']} · {d['kpi']}" for d in g["drivers"])
        line = t("agenda.point.goal", target=g["target"], by=g["by"])
        if g["baseline"]:
            line += t("agenda.point.goal_baseline", baseline=g["baseline"])
        if drivers:
            line += t("agenda.point.goal_drivers", drivers=drivers)
        goals.append(Point(g["name"], line))
    quarter_kpis = [Point(r["title"], t("agenda.point.quarterly_kpis", kpis=team.sep.join(
        team.kpi_line(k) for k in team.kpis(r, None, team.cadence["quarterly"]))))
        for r in team.with_kpis(None, team.cadence["quarterly"])]
    fit = []
    for r in roles:
        line = t("agenda.point.fit_now", now=team.comma.join(k["short"] for k in r["kpis"]))
        alt = team.comma.join(team.runners_up.get(r["key"], [])[:3])
        if alt:
            line += t("agenda.point.fit_alt", alt=alt)
        fit.append(Point(r["title"], line))
    resets = []
    for r in roles:
        for k in r["kpis"]:
            for tg in k["targets"]:
                if tg["kind"] not in ("official", "reference"):
                    continue
                plat = "" if tg["platform"] == labels["all_platforms"] else f"{tg['platform']} "
                asof = t("agenda.point.reset_as_of", date=tg["as_of"]) if tg["as_of"] else ""
                resets.append(Point(r["title"], t(
                    "agenda.point.reset", kpi=k["short"], platform=plat, target=tg["text"],
                    kind=tg["kind_label"], as_of=asof)))
    contributions = [Point(r["title"], team.sep.join(r["contributions"]))
                     for r in roles if r["contributions"]]
    reset_owners = [team.chair] + ([team.finance] if team.finance else [])
    return [
        item("quarterly", "goals", [team.chair], 8, goals),
        item("quarterly", "results", team.titles(), 6 + len(roles), quarter_kpis),
        item("quarterly", "voice", team.titles(), 8 + len(roles)),
        item("quarterly", "fit", [team.chair] + team.titles(), 20, fit),
        item("quarterly", "targets", reset_owners, 16, resets),
        item("quarterly", "contributions", team.titles(), 10, contributions),
        item("quarterly", "priorities", [team.chair], 12),
        item("quarterly", "conclude", [team.chair], 6),
    ]


def _ids_biggest(items: list[Item], key: str) -> None:
    """The problem-solving block stays the largest, however many roles and KPIs there are."""
    main = next(it for it in items if it.key == key)
    others = max(it.weight for it in items if it is not main)
    main.weight = max(main.weight, 2 * others)


_BUILDERS = {"weekly": _weekly, "monthly": _monthly, "quarterly": _quarterly}


def build_agendas(ctx: KitContext, first_meetings: bool = False) -> dict[str, Agenda]:
    """The agendas of this kit, by kind; `quarterly` is absent when the client opted out.
    `first_meetings`: `when` names each series' first meeting (the agenda documents); the
    calendar and the reviews, which read the items only, skip the holidays it needs."""
    team = _Team(ctx)
    view = ctx.view
    tz = view["client"]["timezone"]
    review = view["review"]
    t = team.t
    held = held_days(ctx.answers) if first_meetings else {}
    out: dict[str, Agenda] = {}
    for kind in KINDS:
        cfg = review[kind]
        if not cfg:
            continue
        first = held[kind][0][1] if held.get(kind) else None
        items = _BUILDERS[kind](team)
        schedule(items, cfg["minutes"], cfg["time"])
        out[kind] = Agenda(kind=kind, title=t(f"agenda.{kind}.title"),
                           when=_when(team, kind, cfg, tz, first), time=cfg["time"],
                           minutes=cfg["minutes"], chair=team.chair,
                           purpose=t(f"agenda.{kind}.purpose"), items=items,
                           prepare=list(t.items(f"agenda.{kind}.prepare")),
                           rules=list(t.items(f"agenda.{kind}.rules"))
                           + list(t.items("agenda.common_rules")),
                           everyone=team.titles())
    return out
