-- linkstar-kit actuals store for 深圳南洋通 Nanyang Lanes
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
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', '', 2, '公司目标', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'review_rating', '', '', 3, '公司目标', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 0, 0, 0.0, NULL, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：按 SKU 的评价监控');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'contribution_margin', '', '', 4, 'Lazada 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'conversion_rate', 'lazada', '', 5, 'Lazada 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：按 SKU 的产品表现，用于跨平台对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'review_rating', '', '', 6, 'Lazada 运营', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 0, 0, 0.0, NULL, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：按 SKU 的评价监控');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'gmv_growth', '', '', 7, 'Lazada 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'gross_margin', '', '', 8, 'Lazada 运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'sessions', '', '', 9, 'Lazada 运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, '店小秘 ERP：按 SKU 的流量数据');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'refund_rate', '', '', 10, 'Lazada 运营', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'review_rating', NULL, NULL, NULL, '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'net_margin', '', '', 11, 'Lazada 运营', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'contribution_margin', '', '', 12, 'Shopee 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'conversion_rate', 'shopee', '', 13, 'Shopee 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'review_rating', '', '', 14, 'Shopee 运营', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 0, 0, 0.0, NULL, 'last', '', 'goal', '截止 2026-09-30', NULL, 'Shopee 店铺评分');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gmv_growth', '', '', 15, 'Shopee 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gross_margin', '', '', 16, 'Shopee 运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'sessions', '', '', 17, 'Shopee 运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopee 商业分析 > 流量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'refund_rate', '', '', 18, 'Shopee 运营', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'review_rating', NULL, NULL, NULL, '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'net_margin', '', '', 19, 'Shopee 运营', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'lazada', '', 20, '广告投手', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'Lazada 赞助推广报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'shopee', '', 21, '广告投手', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'Shopee 广告报表（ROAS）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'contribution_margin', '', '', 22, '广告投手', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'lazada', '', 23, '广告投手', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', '', NULL, NULL, NULL, '店小秘 ERP：按 SKU 的流量数据');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'shopee', '', 24, '广告投手', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', '', NULL, NULL, NULL, 'Shopee 商业分析 > 流量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'gmv_growth', '', '', 25, '广告投手', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'ad_sales_share', '', '', 26, '广告投手', 'Ad sales share', '广告销售额占比', 'ratio', 'range', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'last', 'roas', NULL, NULL, NULL, '店小秘 ERP：利润 / 广告报表，按 SKU 列出广告销售额与总销售额');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'conversion_rate', '', '', 27, '广告投手', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'sessions', NULL, NULL, NULL, 'Lazada：平台后台的流量与转化报表；Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'net_margin', '', '', 28, '广告投手', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'review_rating', '', '', 29, '客服（马来、泰语、越南语）', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 0, 0, 0.0, NULL, 'last', '', 'goal', '截止 2026-09-30', NULL, 'Lazada：平台后台的商品评价页面；Shopee 店铺评分');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'lazada', '', 30, '客服（马来、泰语、越南语）', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '主管每周抽检 50 条已关闭会话');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'shopee', '', 31, '客服（马来、泰语、越南语）', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '主管每周抽检 50 条已关闭会话');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'lazada_chat_response_rate', 'lazada', '', 32, '客服（马来、泰语、越南语）', 'Chat Response Rate (Lazada)', '聊天回复率（Lazada）', 'ratio', 'higher', 'weekly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'duoke.com（第三方）：Lazada 聊天回复率，普通店铺建议 ≥ 50%（LazMall ≥ 85%），近 3 个月', '2026-06-01', 'Lazada 卖家中心 > 我的表现（聊天回复率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chat_response_rate', 'shopee', '', 33, '客服（马来、泰语、越南语）', 'Chat Response Rate (Shopee)', '聊聊回复率（Shopee）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 卖家中心 > 我的表现 > 客户服务（聊聊回复率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'lazada', '', 34, '客服（马来、泰语、越南语）', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'shopee', '', 35, '客服（马来、泰语、越南语）', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', '', '', 36, '客服（马来、泰语、越南语）', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 0, 0, 0.0, 1.0, 'mean', 'first_contact_resolution_rate', 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', 'Lazada：平台聊天评价（平台提供时）；Shopee 虾皮：平台聊天评价（平台提供时）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', 'lazada', '', 37, '打包发货', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.044, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：两家大型平台采用的 4% 线，用于平台未公布标准的情况', '2026-11-28', '平台卖家后台的绩效页面（迟发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', 'shopee', '', 38, '打包发货', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.044, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：两家大型平台采用的 4% 线，用于平台未公布标准的情况', '2026-11-28', 'Shopee 卖家中心 > 我的表现（迟发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'lazada_ship_on_time_rate', 'lazada', '', 39, '打包发货', 'Ship-on-time rate (Lazada)', '准时发货率（Lazada）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Lazada 卖家中心 > 我的表现（准时发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'order_processing_time_hours', 'lazada', '', 40, '打包发货', 'Order processing time', '订单处理时效', 'hours', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：订单列表中的付款与发货时间');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'order_processing_time_hours', 'shopee', '', 41, '打包发货', 'Order processing time', '订单处理时效', 'hours', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：订单列表中的付款与发货时间');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'non_fulfilment_rate', 'shopee', '', 42, '打包发货', 'Non-Fulfilment Rate (NFR, Shopee)', '未完成订单率（NFR，Shopee）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 卖家中心 > 账户健康 > 我的表现（未完成订单率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', '', '', 43, '打包发货', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', 'late_shipment_rate', 'house', 'LinkStar 指标库默认值：多家大型平台采用的 95% 线，用于平台未公布标准的情况', '2026-11-28', 'WMS / 物流系统：回传单号与承运商首次扫描记录对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'shipment_damage_rate', '', '', 44, '打包发货', 'Shipment damage rate', '运输破损率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'late_shipment_rate', NULL, NULL, NULL, 'Lazada：平台退货列表中退货原因为「破损」的记录；Shopee 虾皮：平台退货列表中退货原因为「破损」的记录');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'logistics_cost_per_unit', '', '', 45, '打包发货', 'Logistics cost per unit', '单件物流成本', 'money_per_unit', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'order_processing_time_hours', NULL, NULL, NULL, '财务表格：运费与履约成本明细（货代、物流商和仓库账单）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'contribution_margin', '', '', 46, '财务', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'payout_reconciliation_rate', '', '', 47, '财务', 'Payout reconciliation rate', '平台回款对账率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Lazada 财务交易明细；Shopee 开放平台收入 / 回款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'net_margin', '', '', 48, '财务', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', '', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'month_end_close_days', '', '', 49, '财务', 'Month-end close time', '月度关账天数', 'days', 'lower', 'monthly', '<=', NULL, 10.0, NULL, 11.0, 0, 0, 0.0, NULL, 'mean', '', 'house', 'LinkStar 指标库默认值：方法中的月度复盘需要上月利润表；10 个工作日内关账，才来得及在月中前复盘', '2026-11-28', '财务表格：关账清单与利润表发布日期');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'gmv_growth', '', '', 50, '财务', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'contribution_margin', NULL, NULL, NULL, '店小秘 ERP：销量统计的同比 / 环比');

-- Each goal's plan to date, period by period (pacing.py), and the platforms' shares.
DELETE FROM goal_plan;
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.133695652174, 0.130326086957);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.167391304348, 0.160652173913);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.2, 0.19);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.12347826087, 0.122130434783);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.136956521739, 0.134260869565);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.15, 0.146);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('review_rating', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 4.66739130435, 4.66065217391);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('review_rating', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 4.7347826087, 4.72130434783);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('review_rating', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 4.8, 4.78);

-- The targets from a goal's cascade, period by period (plans.py): the teams' and the company's own.
DELETE FROM target_plan;
