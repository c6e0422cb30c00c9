"""The canonical tables and `data/schema.sql`.

`data/schema.sql` is written by `generate` (dashboards format) and applied by `linkstar load`:
it creates the tables when missing and refreshes the `targets` table from the selection, so the
store always holds the targets of the kit it lives in. SQLite dialect, written to run unchanged
on PostgreSQL too (TEXT dates in ISO form, DOUBLE PRECISION numbers, `ON CONFLICT` upserts).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..pacing import GoalPlan
from ..units import accepted
from .tracking import Tracked

# The reviews' own state, written by `linkstar review` (and created by it in a store loaded
# before reviews existed): the issues each review raised or carried over. Its own statements,
# so that a review can create them without re-running the whole schema.
ISSUES_DDL = """\
-- The issues of each review (`linkstar review KIT --period ID`): a red KPI, or an anomaly nobody
-- annotated. A review rewrites its own rows only (re-running it changes nothing); an issue
-- stays open, carried from review to review of the same cadence, until a later one finds the
-- KPI back on target (then its row there says closed).
CREATE TABLE IF NOT EXISTS review_issues (
  review_id     TEXT NOT NULL,
  cadence       TEXT NOT NULL,
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL,
  opened_in     TEXT NOT NULL,
  status        TEXT NOT NULL,
  owner         TEXT NOT NULL,
  why           TEXT NOT NULL,
  raised_by     TEXT NOT NULL DEFAULT 'review',
  decision      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (review_id, role_key, kpi, platform, kind)
);

-- What the meetings recorded in their minutes (reviews/<ID>/minutes.yaml, review/minutes.py),
-- rebuilt from every minutes file by each `linkstar review`: editing a minutes file and
-- re-running a review is how a record is corrected.
-- The to-dos: raised in `raised_in`'s meeting, done when a later meeting ticked them.
CREATE TABLE IF NOT EXISTS review_todos (
  id            TEXT PRIMARY KEY,
  text          TEXT NOT NULL,
  owner         TEXT NOT NULL,
  due           TEXT,
  raised_in     TEXT NOT NULL,
  done_in       TEXT
);
-- The chair's decisions on issues (a review's or the team's own): the text agreed and the
-- status set (open, solved, dropped), in the meeting of `review_id`.
CREATE TABLE IF NOT EXISTS review_decisions (
  review_id     TEXT NOT NULL,
  issue_id      TEXT NOT NULL,
  decision      TEXT NOT NULL,
  status        TEXT NOT NULL,
  PRIMARY KEY (review_id, issue_id)
);
-- Issues the team raised itself (new_issues in the minutes), open until solved or dropped.
CREATE TABLE IF NOT EXISTS team_issues (
  id            TEXT PRIMARY KEY,
  text          TEXT NOT NULL,
  owner         TEXT NOT NULL,
  kpi           TEXT NOT NULL DEFAULT '',
  raised_in     TEXT NOT NULL,
  closed_in     TEXT,
  status        TEXT NOT NULL
);
-- Headlines (one-line news) and quarterly priorities (per person, on or off track).
CREATE TABLE IF NOT EXISTS review_notes (
  review_id     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  owner         TEXT NOT NULL DEFAULT '',
  on_track      INTEGER,
  PRIMARY KEY (review_id, kind, position)
);

-- Each review written (`linkstar review`), and how many `linkstar load` runs changed the
-- numbers it shows since it was first written (its period, or its trend window): a re-run
-- then says it was re-run on corrected data.
CREATE TABLE IF NOT EXISTS review_runs (
  review_id     TEXT PRIMARY KEY,
  cadence       TEXT NOT NULL,
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  corrections   INTEGER NOT NULL DEFAULT 0
);

-- The issues still open: those of each cadence's latest review.
CREATE VIEW IF NOT EXISTS open_issues AS
SELECT i.cadence, i.review_id, i.role_key, i.owner, i.kpi, i.platform, i.kind, i.opened_in,
       i.why
FROM review_issues i
WHERE i.status = 'open'
  AND i.period_start = (SELECT MAX(j.period_start) FROM review_issues j
                        WHERE j.cadence = i.cadence);
"""

# The actuals table's columns and key: the store's DDL and the migration of an older store
# create the same table.
_ACTUALS_COLUMNS = """\
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  site_group    TEXT NOT NULL DEFAULT '',
  value         DOUBLE PRECISION NOT NULL,
  annotation    TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  loaded_at     TEXT NOT NULL,
  PRIMARY KEY (period_start, role_key, kpi, platform, site_group)
"""

DDL = """\
-- One row per role entry, KPI, platform and site group the kit tracks (platform '' = all the
-- role's platforms; site_group 'US' or 'MY/PH' where the platform's line differs by site, ''
-- where one line holds for all its sites; role_key '_company' = a company goal; watch_for =
-- the KPI a watch row's counter metric guards). Rebuilt from the selection on every load.
-- RAG: green when the target holds (op, target_low, target_high; `>` and `<` are strict);
-- else amber when amber_low <= value <= amber_high (a bound flagged amber_*_open excluded):
-- the near-miss band within 10 % of the target value, or, where a platform's official line
-- stands, only the stretch inside that line; else red. A row without op has no target yet.
-- accepted_low / accepted_high: the values the unit accepts (NULL = open).
DROP VIEW IF EXISTS status_by_period;
DROP VIEW IF EXISTS kpi_status;
DROP VIEW IF EXISTS goal_pace;
DROP TABLE IF EXISTS targets;
CREATE TABLE targets (
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  site_group    TEXT NOT NULL DEFAULT '',
  sort_order    INTEGER NOT NULL,
  role_title    TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  name_zh       TEXT NOT NULL,
  unit          TEXT NOT NULL,
  direction     TEXT NOT NULL,
  frequency     TEXT NOT NULL,
  op            TEXT,
  target_low    DOUBLE PRECISION,
  target_high   DOUBLE PRECISION,
  amber_low     DOUBLE PRECISION,
  amber_high    DOUBLE PRECISION,
  amber_low_open  INTEGER NOT NULL DEFAULT 0,
  amber_high_open INTEGER NOT NULL DEFAULT 0,
  accepted_low  DOUBLE PRECISION,
  accepted_high DOUBLE PRECISION,
  aggregation   TEXT NOT NULL DEFAULT 'last',
  watch_for     TEXT NOT NULL DEFAULT '',
  target_kind   TEXT,
  target_source TEXT,
  target_as_of  TEXT,
  data_source   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (role_key, kpi, platform, site_group)
);

-- The numbers, one per period, role entry, KPI, platform and site group (the natural key;
-- a store from before site groups is migrated by `migrate_store`). Ratios are
-- fractions in [0, 1]. Periods follow the KPI's frequency: a day, an ISO week (Monday to
-- Sunday), a calendar month or a calendar quarter; dates are YYYY-MM-DD.
CREATE TABLE IF NOT EXISTS actuals (
""" + _ACTUALS_COLUMNS + """);

-- Each company goal's plan, one row per reporting period of its span (pacing.py): the plan
-- to date at the period's end, and the at-risk bound (past it, off track). `up` = 1 when the
-- goal must rise. platform '' is the company's plan; a goal that adds up over periods (GMV)
-- also has one row set per platform, its share (plans.py): the platforms' rows add up to the
-- company's in every period. `days` of the period fall inside the goal's span (fewer than
-- the period's own: a partial first or last period, planned by its days). Rebuilt on every
-- load.
DROP TABLE IF EXISTS goal_plan;
CREATE TABLE goal_plan (
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  period_index  INTEGER NOT NULL,
  days          INTEGER NOT NULL,
  aggregation   TEXT NOT NULL,
  up            INTEGER NOT NULL,
  plan_to_date  DOUBLE PRECISION NOT NULL,
  at_risk_bound DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (kpi, platform, period_start)
);

-- A target from a goal's cascade (a team's share of the company GMV) has its own plan per
-- period: kpi_status judges a period's actual against that period's plan (a stub month of
-- 3 days against 3 days' plan), with the amber band of the target's rule (rag.py). The
-- company's own row of such a goal (role_key '_company') has the company's plan per period,
-- never the goal's total as a month's target.
DROP TABLE IF EXISTS target_plan;
CREATE TABLE target_plan (
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  days          INTEGER NOT NULL,
  plan          DOUBLE PRECISION NOT NULL,
  amber_low     DOUBLE PRECISION,
  amber_high    DOUBLE PRECISION,
  PRIMARY KEY (role_key, kpi, platform, period_start)
);

-- Every actual with its target and its RAG status (green, amber, red; none without target).
-- Which target a period is judged by: a cascaded target's (one with rows in target_plan) is
-- that period's plan; a period past the goal's `by` has none, and gets no target and status
-- none, as in the workbook. Not the goal's final value: a goal that adds up (GMV) is a total
-- over its span, which no single period after the span can be judged against, and an
-- ordinary period's plan (targets.target_low) is a figure of the plan, not a target for a
-- period the goal does not cover; the next goal's plan judges those periods. A rate or level
-- goal's target (conversion >= 12 %) is its final value in every period, past `by` too.
CREATE VIEW kpi_status AS
SELECT a.period_start, a.period_end, a.role_key, t.role_title, a.kpi, t.name_en, t.name_zh,
       a.platform, t.unit, a.value, t.op,
       CASE WHEN p.plan IS NOT NULL AND t.op IN ('>', '>=') THEN p.plan
            WHEN p.plan IS NULL AND c.planned IS NOT NULL THEN NULL ELSE t.target_low END
         AS target_low,
       CASE WHEN p.plan IS NOT NULL AND t.op IN ('<', '<=') THEN p.plan
            WHEN p.plan IS NULL AND c.planned IS NOT NULL THEN NULL ELSE t.target_high END
         AS target_high,
       a.annotation, t.watch_for, a.site_group,
       CASE
         WHEN t.op IS NULL THEN 'none'
         WHEN p.plan IS NULL AND c.planned IS NOT NULL THEN 'none'
         WHEN p.plan IS NOT NULL THEN
           CASE
             WHEN (t.op IN ('>', '>=') AND a.value >= p.plan)
               OR (t.op IN ('<', '<=') AND a.value <= p.plan) THEN 'green'
             WHEN (p.amber_low IS NULL OR a.value >= p.amber_low)
              AND (p.amber_high IS NULL OR a.value <= p.amber_high) THEN 'amber'
             ELSE 'red'
           END
         WHEN (t.target_low IS NULL OR a.value > t.target_low
               OR (a.value = t.target_low AND t.op <> '>'))
          AND (t.target_high IS NULL OR a.value < t.target_high
               OR (a.value = t.target_high AND t.op <> '<')) THEN 'green'
         WHEN (t.amber_low IS NULL OR a.value > t.amber_low
               OR (a.value = t.amber_low AND t.amber_low_open = 0))
          AND (t.amber_high IS NULL OR a.value < t.amber_high
               OR (a.value = t.amber_high AND t.amber_high_open = 0)) THEN 'amber'
         ELSE 'red'
       END AS status
FROM actuals a
JOIN targets t ON t.role_key = a.role_key AND t.kpi = a.kpi AND t.platform = a.platform
               AND t.site_group = a.site_group
LEFT JOIN target_plan p ON p.role_key = a.role_key AND p.kpi = a.kpi
                       AND p.platform = a.platform AND p.period_start = a.period_start
LEFT JOIN (SELECT DISTINCT role_key, kpi, platform, 1 AS planned FROM target_plan) c
       ON c.role_key = a.role_key AND c.kpi = a.kpi AND c.platform = a.platform;

-- Each goal's pace at every period entered: the actual to date (the sum, the latest value or
-- the mean of the periods so far, by the KPI's aggregation) against the plan to date. A rate's
-- mean here is of the periods' values; `linkstar review` takes its ratio of sums from the
-- `measures` where report exports were loaded (pacing.paced).
-- on_track: meets the plan; at_risk: short of it by at most 10 % of the plan's step so far;
-- off_track: short by more (pacing.py).
CREATE VIEW goal_pace AS
SELECT kpi, period_start, period_end, period_index, plan_to_date, actual_to_date,
       CASE
         WHEN (up = 1 AND actual_to_date >= plan_to_date)
           OR (up = 0 AND actual_to_date <= plan_to_date) THEN 'on_track'
         WHEN (up = 1 AND actual_to_date >= at_risk_bound)
           OR (up = 0 AND actual_to_date <= at_risk_bound) THEN 'at_risk'
         ELSE 'off_track'
       END AS status
FROM (
  SELECT p.kpi, p.period_start, p.period_end, p.period_index, p.plan_to_date,
         p.at_risk_bound, p.up,
         CASE p.aggregation
           WHEN 'sum' THEN SUM(a.value) OVER w
           WHEN 'mean' THEN AVG(a.value) OVER w
           ELSE a.value
         END AS actual_to_date
  FROM goal_plan p
  JOIN actuals a ON a.role_key = '_company' AND a.kpi = p.kpi AND a.platform = ''
                AND a.site_group = '' AND a.period_start = p.period_start
  WHERE p.platform = ''
  WINDOW w AS (PARTITION BY p.kpi ORDER BY p.period_start ROWS UNBOUNDED PRECEDING)
) AS paced;

-- How many KPIs were green, amber and red in each period (the dashboard's "status by period").
DROP VIEW IF EXISTS status_by_period;
CREATE VIEW status_by_period AS
SELECT period_start, status, COUNT(*) AS kpis
FROM kpi_status
GROUP BY period_start, status;
""" + "\n" + ISSUES_DDL

TARGET_COLUMNS = ("role_key", "kpi", "platform", "site_group", "sort_order", "role_title", "name_en",
                  "name_zh", "unit", "direction", "frequency", "op", "target_low",
                  "target_high", "amber_low", "amber_high", "amber_low_open",
                  "amber_high_open", "accepted_low", "accepted_high", "aggregation",
                  "watch_for", "target_kind", "target_source", "target_as_of", "data_source")
PLAN_COLUMNS = ("kpi", "platform", "period_start", "period_end", "period_index", "days",
                "aggregation", "up", "plan_to_date", "at_risk_bound")
TARGET_PLAN_COLUMNS = ("role_key", "kpi", "platform", "period_start", "period_end", "days",
                       "plan", "amber_low", "amber_high")


# Stores written before site groups keyed actuals on (period_start, role_key, kpi, platform):
# their rows move to the new table with site_group '' (one line held for every site then), so
# no loaded number is lost; the views that read `actuals` are dropped first and the schema
# script recreates them.
_MIGRATE_SITE_GROUP = (
    "DROP VIEW IF EXISTS status_by_period",
    "DROP VIEW IF EXISTS kpi_status",
    "DROP VIEW IF EXISTS goal_pace",
    "ALTER TABLE actuals RENAME TO actuals_before_site_group",
    "CREATE TABLE actuals (\n" + _ACTUALS_COLUMNS + ")",
    "INSERT INTO actuals (period_start, period_end, role_key, kpi, platform, site_group, value,"
    " annotation, source, loaded_at) SELECT period_start, period_end, role_key, kpi, platform,"
    " '', value, annotation, source, loaded_at FROM actuals_before_site_group",
    "DROP TABLE actuals_before_site_group",
)


def migrate_store(con: sqlite3.Connection) -> bool:
    """Bring an existing store's `actuals` to the current key, inside the caller's
    transaction. True when it changed anything."""
    cols = [r[1] for r in con.execute("PRAGMA table_info(actuals)").fetchall()]
    if not cols or "site_group" in cols:
        return False
    for stmt in _MIGRATE_SITE_GROUP:
        con.execute(stmt)
    return True


def sql_literal(v: object) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def target_row(t: Tracked) -> dict[str, object]:
    rag = t.rag
    cols: dict[str, object] = dict(rag.columns()) if rag else {
        **dict.fromkeys(("target_low", "target_high", "amber_low", "amber_high")),
        "amber_low_open": 0, "amber_high_open": 0}
    tg = t.target
    ok = accepted(t.unit, t.signed, t.above_one)
    return {
        "accepted_low": ok.low, "accepted_high": ok.high, "aggregation": t.aggregation,
        "watch_for": t.watch_for,
        "role_key": t.role_key, "kpi": t.kpi, "platform": t.platform,
        "site_group": t.site_group,
        "sort_order": t.sort_order, "role_title": t.role_title,
        "name_en": t.name.en, "name_zh": t.name.zh, "unit": t.unit, "direction": t.direction,
        "frequency": t.frequency, "op": tg.op if tg else None, **cols,
        "target_kind": tg.kind if tg else None, "target_source": tg.source if tg else None,
        "target_as_of": tg.as_of if tg else None, "data_source": t.data_source,
    }


def schema_sql(rows: Iterable[Tracked], client: str,
               plans: Iterable[GoalPlan] = ()) -> str:
    lines = [
        f"-- linkstar-kit actuals store for {client}",
        "-- Applied by `linkstar load KIT ACTUALS.csv` to KIT/data/kpi.sqlite (SQLite); the same",
        "-- statements run on PostgreSQL. Regenerate the kit to change the targets below.",
        "",
        DDL,
        "-- The targets of this kit (from selection.json).",
        "DELETE FROM targets;",
    ]
    cols = ", ".join(TARGET_COLUMNS)
    for t in rows:
        row = target_row(t)
        vals = ", ".join(sql_literal(row[c]) for c in TARGET_COLUMNS)
        lines.append(f"INSERT INTO targets ({cols}) VALUES ({vals});")
    lines += ["", "-- Each goal's plan to date, period by period (pacing.py), and the"
              " platforms' shares.", "DELETE FROM goal_plan;"]
    cols = ", ".join(PLAN_COLUMNS)
    for plan in plans:
        for i, (step, share) in enumerate(zip(plan.steps(), plan.shares(), strict=True), start=1):
            vals = ", ".join(sql_literal(v) for v in (
                plan.kpi, plan.platform, step.period[0].isoformat(), step.period[1].isoformat(),
                i, share.days, plan.aggregation, int(plan.up), step.plan, step.bound))
            lines.append(f"INSERT INTO goal_plan ({cols}) VALUES ({vals});")
    lines += ["", "-- The targets from a goal's cascade, period by period (plans.py): the teams' and"
              " the company's own.",
              "DELETE FROM target_plan;"]
    cols = ", ".join(TARGET_PLAN_COLUMNS)
    company = {p.kpi: p for p in plans if not p.platform and p.aggregation == "sum"}
    for t in rows:
        for vals_row in target_plan_rows(t, company.get(t.kpi) if t.is_goal else None):
            vals = ", ".join(sql_literal(vals_row[c]) for c in TARGET_PLAN_COLUMNS)
            lines.append(f"INSERT INTO target_plan ({cols}) VALUES ({vals});")
    return "\n".join(lines) + "\n"


def target_plan_rows(t: Tracked, company: GoalPlan | None = None) -> list[dict[str, object]]:
    """A cascaded target's plan, one row a period, with the amber bound its own rule gives
    that period's plan. `company`: the company's plan of a goal that adds up, for the goal's
    own row (its target is the total over the span, never one period's)."""
    from ..rag import Rag

    tg = t.target
    if tg is None or tg.op not in (">", ">=", "<", "<="):
        return []
    if tg.plan:
        periods = [(p.start, p.end, p.days, p.value) for p in tg.plan]
    elif company is not None and company.plan is not None:
        periods = [(s.period[0], s.period[1], s.days, v)
                   for s, v in zip(company.shares(), company.plan, strict=True)]
    else:
        return []
    out: list[dict[str, object]] = []
    for start, end, days, value in periods:
        cols = dict(Rag.from_target(tg.op, value).columns())
        out.append({"role_key": t.role_key, "kpi": t.kpi, "platform": t.platform,
                    "period_start": start.isoformat(), "period_end": end.isoformat(),
                    "days": days, "plan": value, "amber_low": cols.get("amber_low"),
                    "amber_high": cols.get("amber_high")})
    return out


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (string literals may hold `;`)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
