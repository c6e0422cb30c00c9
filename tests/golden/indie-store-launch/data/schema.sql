-- linkstar-kit actuals store for Fjord Goods
-- Applied by `linkstar load KIT ACTUALS.csv` to KIT/data/kpi.sqlite (SQLite); the same
-- statements run on PostgreSQL. Regenerate the kit to change the targets below.

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
);

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

-- The targets of this kit (from selection.json).
DELETE FROM targets;
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv', '', '', 1, 'Company goals', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 150000.0, NULL, 135000.0, NULL, 0, 0, NULL, NULL, 'sum', '', 'goal', 'by 2026-11-30', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', '', 2, 'Company goals', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-11-30', NULL, 'Accounting software: Monthly P&L with variable-cost lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gmv', '', '', 3, 'Founder', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 50000.0, NULL, 45000.0, NULL, 0, 0, NULL, NULL, 'sum', '', 'goal', 'company total 150,000 by 2026-11-30; periods weighted by the sale calendar on a launch ramp (confirm at kick-off)', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'net_margin', '', '', 4, 'Founder', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', '', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'conversion_rate', 'shopify', '', 5, 'Founder', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'ltv_cac_ratio', 'shopify', '', 6, 'Founder', 'LTV:CAC ratio', 'LTV:CAC 比值', 'multiple', 'higher', 'quarterly', '>=', 3.0, NULL, 2.7, NULL, 0, 0, 0.0, NULL, 'last', '', 'house', 'LinkStar library default: the common 3:1 rule of thumb for direct-to-consumer brands; a launch can run below it while cohorts build', '2026-12-01', 'Accounting software: Monthly unit-economics sheet: cohort LTV and nCAC');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'contribution_margin', '', '', 7, 'Founder', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv', NULL, NULL, NULL, 'Accounting software: Monthly P&L with variable-cost lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gmv_growth', '', '', 8, 'Founder', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'net_margin', NULL, NULL, NULL, 'Shopify Analytics (period comparison)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gross_margin', '', '', 9, 'Founder', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'sessions', '', '', 10, 'Founder', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopify Analytics > Sessions');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'conversion_rate', 'shopify', '', 11, 'Store Manager', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv', '', '', 12, 'Store Manager', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 50000.0, NULL, 45000.0, NULL, 0, 0, NULL, NULL, 'sum', '', 'goal', 'company total 150,000 by 2026-11-30; periods weighted by the sale calendar on a launch ramp (confirm at kick-off)', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'ltv_cac_ratio', 'shopify', '', 13, 'Store Manager', 'LTV:CAC ratio', 'LTV:CAC 比值', 'multiple', 'higher', 'quarterly', '>=', 3.0, NULL, 2.7, NULL, 0, 0, 0.0, NULL, 'last', '', 'house', 'LinkStar library default: the common 3:1 rule of thumb for direct-to-consumer brands; a launch can run below it while cohorts build', '2026-12-01', 'Accounting software: Monthly unit-economics sheet: cohort LTV and nCAC');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gross_margin', '', '', 14, 'Store Manager', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'sessions', '', '', 15, 'Store Manager', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopify Analytics > Sessions');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'net_margin', '', '', 16, 'Store Manager', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'contribution_margin', '', '', 17, 'Store Manager', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv', NULL, NULL, NULL, 'Accounting software: Monthly P&L with variable-cost lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv_growth', '', '', 18, 'Store Manager', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'ltv_cac_ratio', NULL, NULL, NULL, 'Shopify Analytics (period comparison)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'marketing_efficiency_ratio', 'shopify', '', 19, 'Performance Marketer', 'Marketing efficiency ratio (MER)', '营销效率比（MER）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'new_customer_cac', 'shopify', '', 20, 'Performance Marketer', 'New-customer acquisition cost (nCAC)', '新客获客成本（nCAC）', 'currency', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 'mean', '', NULL, NULL, NULL, 'Shopify Analytics > First-time vs returning customer sales');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'shopify', '', 21, 'Performance Marketer', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'Meta Ads Manager / Google Ads for the independent store');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'gmv_growth', '', '', 22, 'Performance Marketer', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'marketing_efficiency_ratio', NULL, NULL, NULL, 'Shopify Analytics (period comparison)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'customer_lifetime_value', '', '', 23, 'Performance Marketer', 'Customer lifetime value (LTV)', '客户终身价值（LTV）', 'currency', 'higher', 'quarterly', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 'last', 'new_customer_cac', NULL, NULL, NULL, 'Shopify Analytics > Customer cohort analysis');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'ad_sales_share', '', '', 24, 'Performance Marketer', 'Ad sales share', '广告销售额占比', 'ratio', 'range', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'last', 'roas', NULL, NULL, NULL, 'The platform''s ad console attributed sales against its sales report');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'listing_quality_score', 'shopify', '', 25, 'Content Creator', 'Listing quality score', 'Listing 质量分', 'score', 'higher', 'weekly', '>=', 80.0, NULL, 72.0, NULL, 0, 0, 0.0, NULL, 'last', '', 'house', 'LinkStar library default: the floor of the top band of the one platform that publishes a listing-quality score, used as one scale for checklist scores', '2026-11-28', 'Team listing checklist audit (monthly, scored 0-100 per listing)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'shopify', '', 26, 'Content Creator', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 0, 0, -1.0, 10.0, 'mean', '', 'house', 'LinkStar library default: a content change worth keeping should lift CTR by at least 10 % relative; smaller moves are hard to tell from weekly noise', '2026-11-28', 'Content change log (what changed, when, on which SKU)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'shopify', '', 27, 'Content Creator', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'return_rate', '', '', 28, 'Content Creator', 'Return rate', '退货率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'listing_quality_score', NULL, NULL, NULL, 'Overseas-warehouse returns receipt log');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'gross_margin', '', '', 29, 'Content Creator', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'sessions', '', '', 30, 'Content Creator', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopify Analytics > Sessions');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', 'shopify', '', 31, 'Customer Care', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: a starting line for a 5-point post-contact survey; recalibrate after the first month of data', '2026-11-28', 'The platform''s chat ratings, where it shows them');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'shopify', '', 32, 'Customer Care', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', '', NULL, NULL, NULL, 'Accounting software: Platform settlement reports: refund transactions');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chargeback_rate', 'shopify', '', 33, 'Customer Care', 'Chargeback rate', '拒付率', 'ratio', 'lower', 'monthly', '<=', NULL, 0.005, NULL, 0.0055, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: at most 1 chargeback in 200 card orders, leaving room under the monitoring lines payment providers apply; ask yours for its own line', '2026-12-01', 'Accounting software: Payment provider dispute report (Shopify Payments > Disputes, Stripe, PayPal Resolution Center)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'shopify', '', 34, 'Customer Care', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: a starting line for marketplace messaging, where most contacts are order-status and usage questions; recalibrate after the first month', '2026-11-28', 'Weekly sample of 50 closed conversations checked by the team lead');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'response_time_hours', '', '', 35, 'Customer Care', 'Buyer message response time', '买家消息回复时效', 'hours', 'lower', 'weekly', '<=', NULL, 12.0, NULL, 13.2, 0, 0, 0.0, NULL, 'mean', 'csat_score', 'house', 'LinkStar library default: an average first reply within 12 hours, half the common 24-hour limit, so that almost every message falls inside the platforms'' limits', '2026-12-01', 'The seller centre''s chat or message response figures, where the platform shows them');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'conversion_rate', '', '', 36, 'Customer Care', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 0, 0, 0.0, 1.0, 'mean', 'chargeback_rate', 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');

-- Each goal's plan to date, period by period (pacing.py), and the platforms' shares.
DELETE FROM goal_plan;
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv', '', '2026-09-01', '2026-09-30', 1, 30, 'sum', 1, 28920.94, 26028.846);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv', '', '2026-10-01', '2026-10-31', 2, 31, 'sum', 1, 74125.08, 66712.572);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv', '', '2026-11-01', '2026-11-30', 3, 30, 'sum', 1, 150000.0, 135000.0);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-09-01', '2026-09-30', 1, 30, 'last', 1, 0.1, 0.09);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-10-01', '2026-10-31', 2, 31, 'last', 1, 0.1, 0.09);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-11-01', '2026-11-30', 3, 30, 'last', 1, 0.1, 0.09);

-- The targets from a goal's cascade, period by period (plans.py): the teams' and the company's own.
DELETE FROM target_plan;
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('_company', 'gmv', '', '2026-09-01', '2026-09-30', 30, 28920.94, 26028.846, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('_company', 'gmv', '', '2026-10-01', '2026-10-31', 31, 45204.14, 40683.726, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('_company', 'gmv', '', '2026-11-01', '2026-11-30', 30, 75874.92, 68287.428, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('team-lead', 'gmv', '', '2026-09-01', '2026-09-30', 30, 28920.94, 26028.846, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('team-lead', 'gmv', '', '2026-10-01', '2026-10-31', 31, 45204.14, 40683.726, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('team-lead', 'gmv', '', '2026-11-01', '2026-11-30', 30, 75874.92, 68287.428, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('operations', 'gmv', '', '2026-09-01', '2026-09-30', 30, 28920.94, 26028.846, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('operations', 'gmv', '', '2026-10-01', '2026-10-31', 31, 45204.14, 40683.726, NULL);
INSERT INTO target_plan (role_key, kpi, platform, period_start, period_end, days, plan, amber_low, amber_high) VALUES ('operations', 'gmv', '', '2026-11-01', '2026-11-30', 30, 75874.92, 68287.428, NULL);
