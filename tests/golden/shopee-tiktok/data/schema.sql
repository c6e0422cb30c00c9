-- linkstar-kit actuals store for 深圳拓海电商 Tuohai E-commerce
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
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', '', 2, '公司目标', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'shopee_penalty_points', 'shopee', '', 3, 'Shopee 运营', 'Shopee Penalty Points', 'Shopee 罚分', 'count', 'lower', 'weekly', '<=', NULL, 0.0, NULL, 0.0, 0, 0, 0.0, NULL, 'last', '', 'reference', 'sellerby.com/p/2063（第三方）：Shopee 跨境优选卖家标准要求罚分为 0', '2026-06-01', 'Shopee 卖家中心 > 账户健康 > 计分/罚分记录');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'contribution_margin', '', '', 4, 'Shopee 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'conversion_rate', 'shopee', '', 5, 'Shopee 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gmv_growth', '', '', 6, 'Shopee 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gross_margin', '', '', 7, 'Shopee 运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'sessions', '', '', 8, 'Shopee 运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopee 商业分析 > 流量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'net_margin', '', '', 9, 'Shopee 运营', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'contribution_margin', '', '', 10, 'TikTok Shop 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'conversion_rate', 'tiktok_shop', '', 11, 'TikTok Shop 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'gmv_growth', '', '', 12, 'TikTok Shop 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'late_dispatch_rate', 'tiktok_shop', 'MY', 13, 'TikTok Shop 运营', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.04, NULL, 0.044, 0, 0, 0.0, 1.0, 'mean', '', 'reference', '网经社（报道 TikTok Shop 马来西亚本土店 2024-09-02 起的延迟发货率政策）：延迟发货率 < 4%', '2026-12-07', 'TikTok Shop 商家后台 > 店铺表现 > 履约指标（延迟发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'late_dispatch_rate', 'tiktok_shop', 'US', 14, 'TikTok Shop 运营', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.04, 0, 0, 0.0, 1.0, 'mean', '', 'official', 'TikTok Shop 商家大学（美国站）《延迟发货率（LDR）指南》：≤ 4%', '2026-12-07', 'TikTok Shop 商家后台 > 店铺表现 > 履约指标（延迟发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'late_dispatch_rate', 'tiktok_shop', 'TH', 15, 'TikTok Shop 运营', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop 商家后台 > 店铺表现 > 履约指标（延迟发货率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'gross_margin', '', '', 16, 'TikTok Shop 运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'sessions', '', '', 17, 'TikTok Shop 运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'TikTok Shop 数据罗盘（流量）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'net_margin', '', '', 18, 'TikTok Shop 运营', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'valid_tracking_rate', '', '', 19, 'TikTok Shop 运营', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', 'late_dispatch_rate', 'house', 'LinkStar 指标库默认值：多家大型平台采用的 95% 线，用于平台未公布标准的情况', '2026-11-28', 'WMS / 物流系统：回传单号与承运商首次扫描记录对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'affiliate_gmv_share', 'tiktok_shop', '', 20, '达人建联与直播', 'Affiliate GMV share', '达人联盟 GMV 占比', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop 卖家中心 > 达人联盟数据（联盟 GMV）+ 数据罗盘 > 店铺分析（总 GMV）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'content_gmv', 'tiktok_shop', '', 21, '达人建联与直播', 'Own content GMV (LIVE + video)', '自营内容 GMV（直播 + 短视频）', 'currency', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 'sum', '', NULL, NULL, NULL, 'TikTok Shop 卖家中心 > 数据罗盘 > 店铺分析（按内容类型拆分的自营账号 GMV）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'creator_roi', 'tiktok_shop', '', 22, '达人建联与直播', 'Creator ROI', '达人合作 ROI', 'multiple', 'higher', 'monthly', '>=', 3.0, NULL, 2.7, NULL, 0, 0, 0.0, NULL, 'mean', '', 'house', 'LinkStar 指标库默认值：营销前贡献利润率约 33% 时，达人投入约 3 倍回报可保本；请按 1 ÷ 客户自己的营销前利润率重设', '2026-11-28', 'TikTok Shop 达人联盟报表（归因 GMV、佣金）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'sample_to_post_rate', 'tiktok_shop', '', 23, '达人建联与直播', 'Sample-to-post rate', '寄样出片率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：寄样达人中发布内容的不到一半，说明样品寄错了人', '2026-11-28', 'TikTok Shop 达人联盟：样品申请（状态与履约内容）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'contribution_margin', '', '', 24, '达人建联与直播', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'affiliate_gmv_share', NULL, NULL, NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'return_rate', '', '', 25, '达人建联与直播', 'Return rate', '退货率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'content_gmv', NULL, NULL, NULL, '店小秘 ERP：按 SKU 和原因的退货/售后报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'creator_posts_published', '', '', 26, '达人建联与直播', 'Creator posts published', '达人出片数', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'creator_roi', NULL, NULL, NULL, 'TikTok Shop 卖家中心 > 达人联盟 > 达人分析（按达人的视频与直播）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'gmv_growth', '', '', 27, '达人建联与直播', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'creator_roi', NULL, NULL, NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'shopee', '', 28, '美工/短视频', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 0, 0, -1.0, 10.0, 'mean', '', 'house', 'LinkStar 指标库默认值：值得保留的内容改动应让点击率相对提升至少 10%；更小的变化很难和每周的正常波动区分开', '2026-11-28', 'Shopee 广告按广告的曝光与点击');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'tiktok_shop', '', 29, '美工/短视频', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 0, 0, -1.0, 10.0, 'mean', '', 'house', 'LinkStar 指标库默认值：值得保留的内容改动应让点击率相对提升至少 10%；更小的变化很难和每周的正常波动区分开', '2026-11-28', 'TikTok Ads Manager 按素材的曝光与点击');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'video_coverage_rate', 'shopee', '', 30, '美工/短视频', 'Product video coverage', '商品视频覆盖率', 'ratio', 'higher', 'monthly', '>=', 0.8, NULL, 0.72, NULL, 0, 0, 0.0, 1.0, 'last', '', 'house', 'LinkStar 指标库默认值：多数平台允许卖家免费添加商品视频；至少覆盖五分之四的 Listing，先做畅销款', '2026-11-28', 'Shopee 卖家中心 > 我的商品（视频字段）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'video_coverage_rate', 'tiktok_shop', '', 31, '美工/短视频', 'Product video coverage', '商品视频覆盖率', 'ratio', 'higher', 'monthly', '>=', 0.8, NULL, 0.72, NULL, 0, 0, 0.0, 1.0, 'last', '', 'house', 'LinkStar 指标库默认值：多数平台允许卖家免费添加商品视频；至少覆盖五分之四的 Listing，先做畅销款', '2026-11-28', 'TikTok Shop > 商品管理（视频字段）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'shopee', '', 32, '美工/短视频', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'tiktok_shop', '', 33, '美工/短视频', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'creative_on_time_rate', 'shopee', '', 34, '美工/短视频', 'Creative on-time delivery rate', '素材按时交付率', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：上新和大促日期是固定的；排期最多只能承受二十个需求中有一个延期', '2026-11-28', '设计需求看板，含截止与交付日期（如飞书项目、Jira、Trello）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'creative_on_time_rate', 'tiktok_shop', '', 35, '美工/短视频', 'Creative on-time delivery rate', '素材按时交付率', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：上新和大促日期是固定的；排期最多只能承受二十个需求中有一个延期', '2026-11-28', '设计需求看板，含截止与交付日期（如飞书项目、Jira、Trello）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'return_rate', '', '', 36, '美工/短视频', 'Return rate', '退货率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'content_ctr_uplift', NULL, NULL, NULL, '店小秘 ERP：按 SKU 和原因的退货/售后报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'gross_margin', '', '', 37, '美工/短视频', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'sessions', '', '', 38, '美工/短视频', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopee 商业分析 > 流量；TikTok Shop 数据罗盘（流量）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'creative_test_win_rate', '', '', 39, '美工/短视频', 'Creative test win rate', '素材测试胜出率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 0, 0, 0.0, 1.0, 'mean', 'creative_on_time_rate', 'house', 'LinkStar 指标库默认值：基于评论和搜索词提出的测试，约三分之一胜过对照组就是健康的命中率', '2026-11-28', 'Shopee 虾皮：测试记录表（假设、版本、指标、结果）；TikTok Ads Manager 拆分测试');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'tiktok_shop', 'MY/TH', 40, '客服', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'duoke.com（第三方表格）：TikTok Shop 东南亚站，≥ 90% 的咨询在 12 小时内回复', '2026-06-01', 'TikTok Shop 商家后台 > 客服数据（12 小时回复率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'tiktok_shop', 'US', 41, '客服', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：平台未公布比例标准时，90% 的消息在平台时限内回复', '2026-12-01', 'TikTok Shop 商家后台 > 客服数据（12 小时回复率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 'TH', 42, '客服', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.015, NULL, 0.0165, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'TikTok Shop 商家大学（印尼、泰国、越南站），2026 年查阅：缺陷订单退货退款率 < 1.5%', '2026-06-01', 'TikTok Shop 商家后台 > 店铺表现（卖家责任退货退款率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 'US', 43, '客服', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.01, NULL, 0.011, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'support.gelato.com「TikTok policies」（第三方对 TikTok Shop 美国站标准的汇总）：卖家责任退货退款率 < 1.0%', '2026-06-01', 'TikTok Shop 商家后台 > 店铺表现（卖家责任退货退款率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 'MY', 44, '客服', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop 商家后台 > 店铺表现（卖家责任退货退款率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chat_response_rate', 'shopee', '', 45, '客服', 'Chat Response Rate (Shopee)', '聊聊回复率（Shopee）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 卖家中心 > 我的表现 > 客户服务（聊聊回复率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'shop_performance_score', 'tiktok_shop', '', 46, '客服', 'Shop Performance Score (TikTok Shop)', 'TikTok Shop 店铺体验分（SPS）', 'score', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', '', 'reference', 'ppc.land 与 duoke.com（第三方对 TikTok Shop 美国站学院指南的汇总）：分项得分 4 分及以上为「优秀」档', '2026-06-01', 'TikTok Shop 商家后台 > 账户健康 > 店铺体验分');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', '', '', 47, '客服', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', 'message_response_rate', 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '主管每周抽检 50 条已关闭会话');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', '', '', 48, '客服', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 0, 0, 0.0, 1.0, 'mean', 'message_response_rate', 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', 'Shopee 虾皮：平台聊天评价（平台提供时）；TikTok Shop 店铺体验分：客服咨询不满意率');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'gmv_growth', '', '', 49, '客服', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'shop_performance_score', NULL, NULL, NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', '', 50, '采购与供应链', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 0, 0, 0.0, 1.0, 'mean', '', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 ≤ 5%', '2026-01-15', '店小秘 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'forecast_accuracy', '', '', 51, '采购与供应链', 'Sales forecast accuracy', '销量预测准确率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：补货计划（保存的预测）与销量统计对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'inventory_turnover', '', '', 52, '采购与供应链', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', '', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 ≥ 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'supplier_defect_rate', '', '', 53, '采购与供应链', 'Supplier defect rate', '供应商来货不良率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '店小秘 ERP：采购入库与质检单记录');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'excess_inventory_ratio', '', '', 54, '采购与供应链', 'Excess inventory ratio', '冗余库存占比', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'stockout_rate', NULL, NULL, NULL, '店小秘 ERP：各仓库存与动销报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'in_stock_rate', '', '', 55, '采购与供应链', 'In-stock rate', '有货率', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'inventory_turnover', NULL, NULL, NULL, '店小秘 ERP：每日库存快照 × 日均销量，覆盖各平台和仓库');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'purchase_lead_time_days', '', '', 56, '采购与供应链', 'Purchase lead time', '采购备货周期', 'days', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'supplier_defect_rate', NULL, NULL, NULL, '店小秘 ERP：采购报表：下单、供应商交货和入库日期');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'contribution_margin', '', '', 57, '老板/负责人', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gmv_growth', '', '', 58, '老板/负责人', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'net_margin', '', '', 59, '老板/负责人', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', '', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'conversion_rate', '', '', 60, '老板/负责人', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Shopee 商业分析（转化率）；TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'shop_performance_score', 'tiktok_shop', '', 61, '老板/负责人', 'Shop Performance Score (TikTok Shop)', 'TikTok Shop 店铺体验分（SPS）', 'score', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', '', 'reference', 'ppc.land 与 duoke.com（第三方对 TikTok Shop 美国站学院指南的汇总）：分项得分 4 分及以上为「优秀」档', '2026-06-01', 'TikTok Shop 商家后台 > 账户健康 > 店铺体验分');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gross_margin', '', '', 62, '老板/负责人', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'sessions', '', '', 63, '老板/负责人', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'Shopee 商业分析 > 流量；TikTok Shop 数据罗盘（流量）');

-- Each goal's plan to date, period by period (pacing.py), and the platforms' shares.
DELETE FROM goal_plan;
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.250543478261, 0.245489130435);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.301086956522, 0.29097826087);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.35, 0.335);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.400543478261, 0.380489130435);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.449456521739, 0.424510869565);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.5, 0.47);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.0867391304348, 0.0860652173913);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.0934782608696, 0.0921304347826);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.1, 0.098);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.106739130435, 0.104065217391);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.113260869565, 0.109934782609);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('contribution_margin', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.12, 0.116);

-- The targets from a goal's cascade, period by period (plans.py): the teams' and the company's own.
DELETE FROM target_plan;
