"""Dashboards: the store's schema, a tool-neutral definition, and a Grafana dashboard.

- `data/schema.sql`: the canonical tables and this kit's targets (see `store/schema.py`).
- `dashboards/dashboard.yaml`: goals first (the owner's one-glance view), then one section per
  role, one panel per KPI: bilingual title, unit, direction, frequency, owner, data source,
  RAG thresholds from the targets (see `rag.py` for the amber band), and the SQL that
  reads each series from the store.
- the reviews' views (`linkstar review`): status by period and the open issues, over the
  store's `status_by_period` and `open_issues` views.
- `dashboards/grafana.json`: the same panels built with grafana-foundation-sdk builders, for the
  SQLite datasource plugin `frser-sqlite-datasource`, chosen through the `datasource` variable.
  Every SQL statement is plain SQLite (no Grafana macros), so it runs unchanged on the store.

Metabase and Superset: no second target is written. Neither publishes a schema for its import
format that could validate a generated file here: Metabase's dashboard serialization (YAML
export/import) is a paid-plan feature whose format follows the Metabase release, and Superset's
dashboard export is a ZIP of YAML files defined only by the marshmallow schemas inside the
Superset code of each release. shared/reference/schemas holds Grafana's schemas only. So a
client on `systems.bi: metabase` or `superset` gets a note in `dashboard.yaml` and builds from
its panels and SQL, which run on the same SQLite store.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from .. import catalog, fmt
from ..pacing import goal_plans, platform_plans
from ..periods import goal_span
from ..rag import NEAR_MISS, Rag
from ..store.schema import schema_sql
from ..store.tracking import COMPANY, Tracked, company_title, tracked
from .context import KitContext
from .files import KitFiles

DATASOURCE_TYPE = "frser-sqlite-datasource"
DATASOURCE_VAR = "datasource"
COLORS = {"green": "green", "amber": "orange", "red": "red"}



def _t(key: str, lang: str, **fields: str) -> str:
    return catalog.text(lang, f"dashboard.{key}", **fields)


# --- the neutral model -------------------------------------------------------------------------

def series_sql(t: Tracked, series_name: str) -> str:
    """One KPI series from the store: (time, value) by period, oldest first."""
    alias = series_name.replace('"', '""')

    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    return (f"SELECT period_start || 'T00:00:00Z' AS time, value AS \"{alias}\"\n"
            f"FROM actuals\n"
            f"WHERE role_key = {q(t.role_key)} AND kpi = {q(t.kpi)} AND platform = {q(t.platform)}"
            f"{_site_filter(t, q)}\n"
            f"ORDER BY period_start")



def _big_value(panel: Any) -> Any:
    """A stat panel of one big value (the latest), coloured as a whole, with no sparkline: a
    goal's pace and a cascade target's share of its period's plan."""
    from grafana_foundation_sdk.builders import common as common_b
    from grafana_foundation_sdk.models import common as common_m

    return (panel.reduce_options(common_b.ReduceDataOptions().calcs(["lastNotNull"]).values(False))
            .graph_mode(common_m.BigValueGraphMode.NONE)
            .color_mode(common_m.BigValueColorMode.BACKGROUND)
            .text_mode(common_m.BigValueTextMode.VALUE)
            .justify_mode(common_m.BigValueJustifyMode.AUTO)
            .orientation(common_m.VizOrientation.AUTO)
            .no_value("—"))


def planned(t: Tracked) -> bool:
    """A team's target from a goal's cascade: each period judged against its own plan (a stub
    month's 3 days against 3 days' plan), which one fixed threshold cannot do."""
    tg = t.target
    return (not t.is_goal and tg is not None and bool(tg.plan)
            and tg.op in (">", ">=", "<", "<="))


def of_plan_name(series_name: str, lang: str) -> str:
    return f"{series_name} · {_t('of_plan', lang)}"


def planned_sql(t: Tracked, series_name: str, lang: str) -> str:
    """A cascade target's series: the value, and the value as a share of its period's plan
    (the store's `target_plan`), the field the thresholds colour."""
    def alias(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    return (f"SELECT a.period_start || 'T00:00:00Z' AS time, a.value AS {alias(series_name)},\n"
            f"       a.value / NULLIF(p.plan, 0) AS {alias(of_plan_name(series_name, lang))}\n"
            f"FROM actuals a\n"
            f"LEFT JOIN target_plan p ON p.role_key = a.role_key AND p.kpi = a.kpi\n"
            f"                       AND p.platform = a.platform AND p.period_start = a.period_start\n"
            f"WHERE a.role_key = {q(t.role_key)} AND a.kpi = {q(t.kpi)} "
            f"AND a.platform = {q(t.platform)}"
            + (f" AND a.site_group = {q(t.site_group)}" if t.site_group else "") + "\n"
            "ORDER BY a.period_start")


def _site_filter(t: Tracked, q: Any) -> str:
    """A series per site group where the platform's line differs by site (TikTok Shop US vs
    MY); nothing added where one line holds for every site."""
    return f" AND site_group = {q(t.site_group)}" if t.site_group else ""


# A goal's pace as a number Grafana can map to a word and a colour (pacing.py's statuses).
PACE_CODES = {"on_track": 2, "at_risk": 1, "off_track": 0}


def pace_sql(t: Tracked, series_name: str, lang: str) -> str:
    """A goal's pace from the store's `goal_pace` view: the actual to date, the plan to date
    and the status (2 on track, 1 at risk, 0 off track) by period."""
    def alias(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    codes = " ".join(f"WHEN {q(k)} THEN {v}" for k, v in PACE_CODES.items())
    return (f"SELECT period_start || 'T00:00:00Z' AS time,\n"
            f"       actual_to_date AS {alias(series_name + ' · ' + _t('to_date', lang))},\n"
            f"       plan_to_date AS {alias(_t('plan', lang))},\n"
            f"       CASE status {codes} END AS {alias(_t('pace', lang))}\n"
            f"FROM goal_pace\n"
            f"WHERE kpi = {q(t.kpi)}\n"
            f"ORDER BY period_start")


def _target_text(t: Tracked, lang: str, currency: str) -> str:
    if t.target is None:
        return _t("no_target", lang)
    return fmt.target(t.target, t.unit, lang, currency)


def model(ctx: KitContext) -> dict[str, Any]:
    """The tool-neutral dashboard (what dashboard.yaml holds)."""
    lang, answers, library = ctx.lang, ctx.answers, ctx.library
    cur = answers.client.currency
    rows = tracked(answers, ctx.selection, library)
    start, end = goal_span(answers.scope.start, answers.scope.horizon)

    def panel(group: list[Tracked]) -> dict[str, Any]:
        first = group[0]
        series = []
        for t in group:
            name = t.platform_label(library, lang)
            rag = t.rag
            extra: dict[str, Any] = {}
            if planned(t) and t.target is not None:
                # judged per period against its plan: the value plain, its share of the
                # period's plan coloured (met at 100 %, amber within the near-miss band)
                rag = None
                extra = {"plan": [{"start": p.start.isoformat(), "end": p.end.isoformat(),
                                   "days": p.days, "value": p.value}
                                  for p in t.target.plan or []],
                         "of_plan": {"field": of_plan_name(name, lang),
                                     "thresholds": Rag.from_target(t.target.op, 1.0).to_dict()}}
            series.append({
                "platform": t.platform or None,
                **({"sites": t.site_group} if t.site_group else {}),
                "name": name,
                "target": ({"op": t.target.op, "value": t.target.value, "kind": t.target.kind,
                            "source": t.target.source, "text": _target_text(t, lang, cur),
                            **({"line": t.target.line.model_dump()} if t.target.line else {})}
                           if t.target else None),
                "thresholds": rag.to_dict() if rag else None,
                "sql": (pace_sql(t, name, lang) if t.is_goal
                        else planned_sql(t, name, lang) if extra else series_sql(t, name)),
                **extra,
            })
        return {
            "id": f"{'goal' if first.is_goal else first.role_key}.{first.kpi}",
            "kpi": first.kpi,
            "title": {"en": first.name.en, "zh": first.name.zh},
            "label": first.title(lang),
            "unit": first.unit,
            "direction": first.direction,
            "frequency": first.frequency,
            "owner": {"role_key": first.role_key, "title": first.role_title},
            "data_source": first.data_source,
            **({"watch_for": first.watch_for} if first.watch_for else {}),
            "series": series,
        }

    sections: list[dict[str, Any]] = []
    for t in rows:
        if not sections or sections[-1]["role_key"] != t.role_key:
            sections.append({"id": "goals" if t.is_goal else f"role.{t.role_key}",
                             "role_key": t.role_key, "title": t.role_title, "groups": []})
        groups = sections[-1]["groups"]
        if groups and groups[-1][0].kpi == t.kpi:
            groups[-1].append(t)
        else:
            groups.append([t])
    for s in sections:
        s["panels"] = [panel(g) for g in s.pop("groups")]
    if not sections or sections[0]["role_key"] != COMPANY:
        sections.insert(0, {"id": "goals", "role_key": COMPANY, "title": company_title(lang),
                            "panels": []})

    return {
        "schema": "linkstar/dashboard@1",
        "title": f"{answers.client.name} · {_t('dashboard', lang)}",
        "language": lang,
        "currency": cur,
        "store": {"engine": "sqlite", "path": "data/kpi.sqlite", "schema": "data/schema.sql",
                  "load": "linkstar load KIT ACTUALS.csv"},
        "time": {"from": start.isoformat(), "to": end.isoformat()},
        "targets": _bi_targets(answers.systems.bi, lang),
        "rag": {
            "rule": _t("rag", lang, p=f"{NEAR_MISS:.0%}"),
            "near_miss": NEAR_MISS,
            "order": "green if its band holds, else amber if its band holds, else red",
        },
        "sections": sections,
        "reviews": review_panels(lang),
    }


def review_panels(lang: str) -> dict[str, Any]:
    """The reviews' views over the same store (store/schema.py): how many KPIs were green,
    amber and red in each period, and the issues `linkstar review` left open."""
    names = {s: catalog.text(lang, f"review.status.{s}") for s in ("green", "amber", "red")}

    def alias(s: str) -> str:
        return '"' + names[s].replace('"', '""') + '"'

    counts = ",\n       ".join(
        f"SUM(CASE WHEN status = '{s}' THEN kpis ELSE 0 END) AS {alias(s)}" for s in names)
    return {
        "title": _t("reviews", lang),
        "written_by": _t("review_written_by", lang),
        "panels": [
            {"id": "reviews.status_by_period", "kind": "status_by_period",
             "title": _t("status_by_period", lang), "series": names,
             "sql": (f"SELECT period_start || 'T00:00:00Z' AS time,\n       {counts}\n"
                     "FROM status_by_period\nGROUP BY period_start\nORDER BY period_start")},
            {"id": "reviews.open_issues", "kind": "open_issues",
             "title": _t("open_issues", lang),
             "sql": ("SELECT cadence, review_id, owner, kpi, platform, kind, opened_in, why\n"
                     "FROM open_issues\nORDER BY cadence, review_id, owner, kpi, kind")},
        ],
    }


def _bi_targets(bi: str, lang: str) -> dict[str, str]:
    out = {"grafana": "dashboards/grafana.json"}
    if bi in ("metabase", "superset"):
        out[bi] = catalog.text(lang, "dashboard.no_import", tool=bi.title())
    return out


def _dump_yaml(data: dict[str, Any]) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    def lit(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: lit(v) for k, v in o.items()}
        if isinstance(o, list):
            return [lit(v) for v in o]
        if isinstance(o, str) and "\n" in o:
            return LiteralScalarString(o)
        return o

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    buf = io.StringIO()
    header = ("# Tool-neutral KPI dashboard (linkstar/dashboard@1). Goals first, then one section\n"
              "# per role; each panel reads its series from the store (data/kpi.sqlite) with the\n"
              "# SQL shown. Thresholds: green if its band holds, else amber, else red.\n")
    buf.write(header)
    yaml.dump(lit(data), buf)
    return buf.getvalue()


# --- Grafana ------------------------------------------------------------------------------------

GRAFANA_CURRENCIES = {"USD", "GBP", "EUR", "JPY", "RUB", "UAH", "BRL", "DKK", "ISK", "NOK", "SEK",
                      "CZK", "CHF", "PLN", "ZAR", "INR", "KRW"}
CURRENCY_SYMBOLS = {"CNY": "¥", "HKD": "HK$", "SGD": "S$", "AUD": "A$", "CAD": "C$",
                    "MYR": "RM", "THB": "฿", "PHP": "₱", "VND": "₫", "IDR": "Rp", "MXN": "MX$",
                    "TWD": "NT$"}


def grafana_unit(unit: str, currency: str, lang: str) -> str:
    """Grafana's unit id: percentunit for ratios, the currency for money."""
    if unit == "ratio":
        return "percentunit"
    if unit in ("currency", "money_per_unit"):
        if currency in GRAFANA_CURRENCIES:
            return f"currency{currency}"
        return f"currency:{CURRENCY_SYMBOLS.get(currency, currency + ' ')}"
    if unit == "days":
        return _t("unit.days", lang)
    if unit == "hours":
        return _t("unit.hours", lang)
    if unit == "times":
        return _t("unit.times", lang)
    if unit == "multiple":
        return _t("unit.multiple", lang)
    if unit == "score":
        return _t("unit.score", lang)
    return "short"


def _sdk() -> Any:
    """The SDK pieces, imported on first use (kept off the `linkstar --help` path)."""
    from grafana_foundation_sdk.cog import builder as cogbuilder
    from grafana_foundation_sdk.cog import variants as cogvariants

    class SqliteQuery(cogvariants.Dataquery):
        """A frser-sqlite-datasource query (the SDK ships no builder for this plugin)."""

        def __init__(self, ref_id: str, sql: str, datasource: Any,
                     query_type: str = "time series") -> None:
            self.ref_id, self.sql, self.datasource = ref_id, sql, datasource
            self.query_type = query_type

        def to_json(self) -> dict[str, object]:
            return {"refId": self.ref_id, "datasource": self.datasource.to_json(),
                    "queryType": self.query_type, "queryText": self.sql,
                    "rawQueryText": self.sql, "timeColumns": ["time"]}

    class SqliteQueryBuilder(cogbuilder.Builder[SqliteQuery]):
        def __init__(self, ref_id: str, sql: str, datasource: Any,
                     query_type: str = "time series") -> None:
            self._internal = SqliteQuery(ref_id, sql, datasource, query_type)

        def build(self) -> SqliteQuery:
            return self._internal

    return SqliteQueryBuilder


def grafana_json(ctx: KitContext, data: dict[str, Any]) -> str:
    from grafana_foundation_sdk.builders import common as common_b
    from grafana_foundation_sdk.builders import dashboard as dash_b
    from grafana_foundation_sdk.builders import stat
    from grafana_foundation_sdk.cog.encoder import JSONEncoder
    from grafana_foundation_sdk.models import common as common_m
    from grafana_foundation_sdk.models import dashboard as dash_m

    query_builder = _sdk()
    lang = ctx.lang
    cur = data["currency"]
    ds = dash_m.DataSourceRef(type_val=DATASOURCE_TYPE, uid="${" + DATASOURCE_VAR + "}")

    def thresholds(th: dict[str, Any] | None, target: dict[str, Any] | None) -> Any:
        b = dash_b.ThresholdsConfig().mode(dash_m.ThresholdsMode("absolute"))
        if th is None or target is None:
            return b.steps([dash_m.Threshold(value=None, color="text")])
        line = target.get("line")
        rag = Rag.from_target(target["op"], target["value"],
                              (line["op"], line["value"]) if line else None)
        return b.steps([dash_m.Threshold(value=v, color=COLORS[c]) for v, c in rag.steps()])

    slug = ctx.selection.client.slug
    start, end = data["time"]["from"], data["time"]["to"]
    end_excl = (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()
    board = (dash_b.Dashboard(data["title"])
             .uid(f"linkstar-{slug}"[:40])
             .description(data["rag"]["rule"])
             .tags(["linkstar", "kpi"])
             .timezone("utc")
             .time(f"{start}T00:00:00.000Z", f"{end_excl}T00:00:00.000Z")
             .refresh("")
             .editable()
             .with_variable(dash_b.DatasourceVariable(DATASOURCE_VAR)
                            .label(_t("datasource", lang))
                            .type(DATASOURCE_TYPE)))
    panel_id = 0
    for section in data["sections"]:
        panel_id += 1
        board = board.with_row(dash_b.Row(section["title"]).id(panel_id))
        is_goal = section["role_key"] == COMPANY
        for p in section["panels"]:
            panel_id += 1
            title = p["label"]
            sep = catalog.text(lang, "punct.colon")
            lines = []
            for s in p["series"]:
                target = s["target"]["text"] if s["target"] else _t("no_target", lang)
                prefix = f"{s['name']}{sep}" if len(p["series"]) > 1 else ""
                lines.append(f"{_t('target', lang)}{sep}{prefix}{target}")
            lines += [f"{_t('owner', lang)}{sep}{p['owner']['title']}",
                      f"{_t('frequency', lang)}{sep}{_t(p['frequency'], lang)} · "
                      f"{_t(p['direction'], lang)}",
                      f"{_t('data_source', lang)}{sep}{p['data_source']}",
                      data["rag"]["rule"]]
            panel = (stat.Panel()
                     .id(panel_id)
                     .title(title)
                     .description("\n\n".join(lines))  # one language a panel (issue 10)
                     .datasource(ds)
                     .height(6 if is_goal else 5)
                     .span(6)
                     .unit(grafana_unit(p["unit"], cur, lang))
                     .reduce_options(common_b.ReduceDataOptions().calcs(["lastNotNull"])
                                     .values(False))
                     .graph_mode(common_m.BigValueGraphMode.AREA)
                     .color_mode(common_m.BigValueColorMode.BACKGROUND if is_goal
                                 else common_m.BigValueColorMode.VALUE)
                     .text_mode(common_m.BigValueTextMode.AUTO)
                     .justify_mode(common_m.BigValueJustifyMode.AUTO)
                     .orientation(common_m.VizOrientation.AUTO)
                     .no_value("—"))
            if p["unit"] == "ratio":
                panel = panel.decimals(1)
            first = p["series"][0]
            if is_goal:
                # A goal is judged on its pace, not its latest value against the final target
                # (a quarterly sum is short of it every month but the last). The pace has a
                # panel of its own beside the goal's numbers: Grafana's dashboard schema takes
                # no per-field unit or value mappings in an override, so the pace field's
                # mappings sit in that panel's defaults, where they touch no other field.
                pace_name = _t("pace", lang)
                panel = panel.thresholds(thresholds(None, None)).with_transformation(
                    dash_m.DataTransformerConfig(
                        id_val="organize", options={"excludeByName": {pace_name: True}}))
                board = board.with_panel(panel.with_target(query_builder("A", first["sql"], ds)))
                panel_id += 1
                codes = list(zip(PACE_CODES.items(), ("green", "amber", "red"), strict=True))
                pace = (_big_value(stat.Panel()
                        .id(panel_id)
                        .title(f"{title} · {pace_name}")
                        .description("\n\n".join(lines))
                        .datasource(ds)
                        .height(6)
                        .span(6)
                        .unit("none"))
                        .mappings([dash_m.ValueMap(options={
                            str(code): dash_m.ValueMappingResult(
                                text=_t(name, lang), color=COLORS[colour], index=i)
                            for i, ((name, code), colour) in enumerate(codes)})])
                        .thresholds(dash_b.ThresholdsConfig()
                                    .mode(dash_m.ThresholdsMode("absolute"))
                                    .steps([dash_m.Threshold(value=None if i == 0 else code,
                                                             color=COLORS[colour])
                                            for i, ((_, code), colour)
                                            in enumerate(reversed(codes))]))
                        .with_transformation(dash_m.DataTransformerConfig(
                            id_val="filterFieldsByName",
                            options={"include": {"names": [pace_name]}})))
                board = board.with_panel(pace.with_target(query_builder("A", first["sql"], ds)))
                continue
            panel = panel.thresholds(thresholds(first["thresholds"], first["target"]))
            for i, s in enumerate(p["series"]):
                ref = _ref_id(i)
                panel = panel.with_target(query_builder(ref, s["sql"], ds))
                if i and (s["thresholds"], s["target"] and s["target"]["value"]) != (
                        first["thresholds"], first["target"] and first["target"]["value"]):
                    # byNames (options: an object) rather than byFrameRefID (a bare string,
                    # which Grafana's dashboard schema rejects): the series is named by its alias.
                    panel = panel.with_override(
                        dash_m.MatcherConfig(id_val="byNames",
                                             options={"mode": "include", "names": [s["name"]]}),
                        [dash_m.DynamicConfigValue(
                            id_val="thresholds",
                            value=thresholds(s["thresholds"], s["target"]).build())])
            planned_series = [s for s in p["series"] if s.get("of_plan")]
            if planned_series:
                # A cascade target is judged against each period's own plan: its share of that
                # plan has a panel of its own beside the value (percent, green from 100 %),
                # since the schema takes no per-field unit in an override.
                panel = panel.with_transformation(dash_m.DataTransformerConfig(
                    id_val="organize", options={"excludeByName": {
                        s["of_plan"]["field"]: True for s in planned_series}}))
            board = board.with_panel(panel)
            for s in planned_series:
                panel_id += 1
                of_plan = Rag.from_target(s["target"]["op"], 1.0)
                share = (_big_value(stat.Panel()
                         .id(panel_id)
                         .title(s["of_plan"]["field"] if len(p["series"]) > 1
                                else f"{title} · {_t('of_plan', lang)}")
                         .description("\n\n".join(lines))
                         .datasource(ds)
                         .height(5)
                         .span(6)
                         .unit("percentunit")
                         .decimals(0))
                         .thresholds(dash_b.ThresholdsConfig()
                                     .mode(dash_m.ThresholdsMode("absolute"))
                                     .steps([dash_m.Threshold(value=v, color=COLORS[c])
                                             for v, c in of_plan.steps()]))
                         .with_transformation(dash_m.DataTransformerConfig(
                             id_val="filterFieldsByName",
                             options={"include": {"names": [s["of_plan"]["field"]]}})))
                board = board.with_panel(share.with_target(query_builder("A", s["sql"], ds)))
    board = _review_rows(board, data["reviews"], ds, query_builder, panel_id)
    built = board.build()
    return json.dumps(json.loads(JSONEncoder().encode(built)), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def _review_rows(board: Any, reviews: dict[str, Any], ds: Any, query_builder: Any,
                 panel_id: int) -> Any:
    """The reviews' row: status by period as stacked bars, the open issues as a table."""
    from grafana_foundation_sdk.builders import common as common_b
    from grafana_foundation_sdk.builders import dashboard as dash_b
    from grafana_foundation_sdk.builders import table, timeseries
    from grafana_foundation_sdk.models import common as common_m
    from grafana_foundation_sdk.models import dashboard as dash_m

    status, issues = reviews["panels"]
    board = board.with_row(dash_b.Row(reviews["title"]).id(panel_id + 1))
    bars = (timeseries.Panel().id(panel_id + 2).title(status["title"])
            .description(reviews["written_by"]).datasource(ds).height(8).span(12)
            .draw_style(common_m.GraphDrawStyle.BARS).fill_opacity(80)
            .stacking(common_b.StackingConfig().mode(common_m.StackingMode("normal")))
            .with_target(query_builder("A", status["sql"], ds)))
    for key, name in status["series"].items():
        bars = bars.with_override(
            dash_m.MatcherConfig(id_val="byNames", options={"mode": "include", "names": [name]}),
            [dash_m.DynamicConfigValue(id_val="color",
                                       value={"mode": "fixed", "fixedColor": COLORS[key]})])
    board = board.with_panel(bars)
    rows = (table.Panel().id(panel_id + 3).title(issues["title"])
            .description(reviews["written_by"]).datasource(ds).height(8).span(12)
            .with_target(query_builder("A", issues["sql"], ds, "table")))
    return board.with_panel(rows)


def _ref_id(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# --- the writer ---------------------------------------------------------------------------------

def write_dashboards(ctx: KitContext, out: KitFiles) -> None:
    rows = tracked(ctx.answers, ctx.selection, ctx.library)
    start = ctx.answers.scope.start
    plans = (goal_plans(ctx.selection, ctx.library, start)
             + platform_plans(ctx.selection, ctx.library, start))
    out.add("data/schema.sql", schema_sql(rows, ctx.answers.client.name, plans))
    data = model(ctx)
    out.add("dashboards/dashboard.yaml", _dump_yaml(data))
    out.add("dashboards/grafana.json", grafana_json(ctx, data))


__all__ = ["grafana_unit", "model", "series_sql", "write_dashboards"]
