-- linkstar-kit actuals store for 义乌优品供应链 Yiwu Youpin Supply
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
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gross_margin', '', '', 2, '公司目标', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'gmv_growth', '', '', 3, 'Temu 运营（全托管）', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'temu_stocking_order_on_time_full_rate', 'temu', '', 4, 'Temu 运营（全托管）', 'Stocking-order on-time and complete rate (Temu fully-managed)', '备货单准时足量率（Temu 全托管）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单管理：要求到仓日期、发货与收货数量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'contribution_margin', 'temu', '', 5, 'Temu 运营（全托管）', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', '', NULL, NULL, NULL, '马帮 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'temu_qc_pass_rate', 'temu', '', 6, 'Temu 运营（全托管）', 'Warehouse QC pass rate (Temu fully-managed)', '质检合格率（Temu 全托管入仓）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单质检结果');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'net_margin', '', '', 7, 'Temu 运营（全托管）', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'inventory_turnover', '', '', 8, 'Temu 运营（全托管）', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', 'temu_stocking_order_on_time_full_rate', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 ≥ 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'purchase_lead_time_days', '', '', 9, 'Temu 运营（全托管）', 'Purchase lead time', '采购备货周期', 'days', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'temu_qc_pass_rate', NULL, NULL, NULL, '马帮 ERP：采购报表：下单、供应商交货和入库日期');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'conversion_rate', 'aliexpress', '', 10, '速卖通运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '马帮 ERP：按 SKU 的产品表现，用于跨平台对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'gmv_growth', '', '', 11, '速卖通运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'gross_margin', '', '', 12, '速卖通运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', '截止 2026-12-31', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'aliexpress_sold_not_shipped_rate', 'aliexpress', '', 13, '速卖通运营', 'Sold-not-shipped rate (AliExpress)', '成交不卖率（速卖通）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '速卖通卖家后台 > 店铺表现 > 服务等级（成交不卖订单）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'sessions', '', '', 14, '速卖通运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, '马帮 ERP：按 SKU 的流量数据');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'net_margin', '', '', 15, '速卖通运营', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'contribution_margin', '', '', 16, '速卖通运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, '马帮 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'stockout_rate', '', '', 17, '速卖通运营', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 0, 0, 0.0, 1.0, 'mean', 'aliexpress_sold_not_shipped_rate', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 ≤ 5%', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'temu_stocking_order_on_time_full_rate', 'temu', '', 18, '仓储发货', 'Stocking-order on-time and complete rate (Temu fully-managed)', '备货单准时足量率（Temu 全托管）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单管理：要求到仓日期、发货与收货数量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'aliexpress_tracking_online_7d_rate', 'aliexpress', '', 19, '仓储发货', '7-day tracking-online rate (AliExpress)', '7 天上网率（速卖通）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '速卖通卖家后台 > 物流表现（7 天上网）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'aliexpress_sold_not_shipped_rate', 'aliexpress', '', 20, '仓储发货', 'Sold-not-shipped rate (AliExpress)', '成交不卖率（速卖通）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '速卖通卖家后台 > 店铺表现 > 服务等级（成交不卖订单）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'temu_qc_pass_rate', 'temu', '', 21, '仓储发货', 'Warehouse QC pass rate (Temu fully-managed)', '质检合格率（Temu 全托管入仓）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单质检结果');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'inventory_turnover', '', '', 22, '仓储发货', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', 'temu_stocking_order_on_time_full_rate', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 ≥ 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'logistics_cost_per_unit', '', '', 23, '仓储发货', 'Logistics cost per unit', '单件物流成本', 'money_per_unit', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'aliexpress_tracking_online_7d_rate', NULL, NULL, NULL, '财务表格：运费与履约成本明细（货代、物流商和仓库账单）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'stockout_rate', '', '', 24, '仓储发货', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 0, 0, 0.0, 1.0, 'mean', 'aliexpress_sold_not_shipped_rate', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 ≤ 5%', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'purchase_lead_time_days', '', '', 25, '仓储发货', 'Purchase lead time', '采购备货周期', 'days', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'temu_qc_pass_rate', NULL, NULL, NULL, '马帮 ERP：采购报表：下单、供应商交货和入库日期');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'aliexpress_dispute_rate', 'aliexpress', '', 26, '速卖通客服', 'Dispute rate (AliExpress)', '纠纷率（速卖通）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '速卖通卖家后台 > 纠纷管理，以及店铺表现 > 类目考核');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'bad_experience_order_rate', 'aliexpress', '', 27, '速卖通客服', 'Bad Experience Order Rate (AliExpress)', '不良体验订单率（速卖通）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '速卖通卖家后台 > 店铺表现 > 服务等级（每月考核）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'aliexpress', '', 28, '速卖通客服', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '主管每周抽检 50 条已关闭会话');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'aliexpress', '', 29, '速卖通客服', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', '', NULL, NULL, NULL, '马帮 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'gmv_growth', '', '', 30, '速卖通客服', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'bad_experience_order_rate', NULL, NULL, NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', '', '', 31, '速卖通客服', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 0, 0, 0.0, 1.0, 'mean', 'first_contact_resolution_rate', 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', '平台聊天评价（平台提供时）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'forecast_accuracy', '', '', 32, '采购', 'Sales forecast accuracy', '销量预测准确率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, '马帮 ERP：补货计划（保存的预测）与销量统计对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'temu_stocking_order_on_time_full_rate', 'temu', '', 33, '采购', 'Stocking-order on-time and complete rate (Temu fully-managed)', '备货单准时足量率（Temu 全托管）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单管理：要求到仓日期、发货与收货数量');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'purchase_cost_variance', '', '', 34, '采购', 'Purchase cost variance', '采购成本偏差率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'mean', '', NULL, NULL, NULL, '马帮 ERP：采购报表（按产品）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'temu_qc_pass_rate', 'temu', '', 35, '采购', 'Warehouse QC pass rate (Temu fully-managed)', '质检合格率（Temu 全托管入仓）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单质检结果');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', '', 36, '采购', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 0, 0, 0.0, 1.0, 'mean', 'forecast_accuracy', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 ≤ 5%', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'excess_inventory_ratio', '', '', 37, '采购', 'Excess inventory ratio', '冗余库存占比', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'forecast_accuracy', NULL, NULL, NULL, '马帮 ERP：各仓库存与动销报表');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'inventory_turnover', '', '', 38, '采购', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', 'temu_stocking_order_on_time_full_rate', 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 ≥ 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'supplier_defect_rate', '', '', 39, '采购', 'Supplier defect rate', '供应商来货不良率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'purchase_cost_variance', NULL, NULL, NULL, '马帮 ERP：采购入库与质检单记录');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'otif_rate', '', '', 40, '采购', 'On-time in-full rate (OTIF)', '准时足量交付率（OTIF）', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', 'purchase_cost_variance', 'reference', 'peakdigital.solutions（第三方）：在许多行业，95-99% 的准时足量交付率算优秀', '2026-06-01', '马帮 ERP：采购报表：确认交期与实际到货日期、数量对比');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'purchase_lead_time_days', '', '', 41, '采购', 'Purchase lead time', '采购备货周期', 'days', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'temu_qc_pass_rate', NULL, NULL, NULL, '马帮 ERP：采购报表：下单、供应商交货和入库日期');

-- Each goal's plan to date, period by period (pacing.py), and the platforms' shares.
DELETE FROM goal_plan;
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.192119565217, 0.187907608696);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.234239130435, 0.225815217391);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.275, 0.2625);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.317119565217, 0.300407608696);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.357880434783, 0.337092391304);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.4, 0.375);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-07-01', '2026-07-31', 1, 31, 'last', 1, 0.250108695652, 0.249097826087);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.260217391304, 0.258195652174);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.27, 0.267);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.280108695652, 0.276097826087);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.289891304348, 0.284902173913);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gross_margin', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.3, 0.294);

-- The targets from a goal's cascade, period by period (plans.py): the teams' and the company's own.
DELETE FROM target_plan;
