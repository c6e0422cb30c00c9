-- linkstar-kit actuals store for Harbor Lane Commerce
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
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', '', 1, 'Company goals', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.35, NULL, 0.315, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-12-31', NULL, 'LingXing ERP: Sales statistics with period comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'net_margin', '', '', 2, 'Company goals', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-12-31', NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'conversion_rate', 'tiktok_shop', '', 3, 'TikTok Shop Manager', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop Data Compass (conversion rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'gmv_growth', '', '', 4, 'TikTok Shop Manager', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.35, NULL, 0.315, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-12-31', NULL, 'LingXing ERP: Sales statistics with period comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'seller_fault_cancellation_rate', 'tiktok_shop', 'US', 5, 'TikTok Shop Manager', 'Seller-Fault Cancellation Rate (SFCR)', '商责取消率（SFCR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.025, NULL, 0.0275, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'support.gelato.com ''TikTok policies'' (3P summary of TikTok Shop US targets): SFCR <= 2.5 %', '2026-06-01', 'TikTok Shop Seller Center > Performance > Fulfilment (SFCR)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'seller_fault_cancellation_rate', 'tiktok_shop', 'MY', 6, 'TikTok Shop Manager', 'Seller-Fault Cancellation Rate (SFCR)', '商责取消率（SFCR）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Performance > Fulfilment (SFCR)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'sessions', 'tiktok_shop', '', 7, 'TikTok Shop Manager', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', '', NULL, NULL, NULL, 'TikTok Shop Data Compass (traffic)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'gross_margin', '', '', 8, 'TikTok Shop Manager', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'net_margin', '', '', 9, 'TikTok Shop Manager', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'contribution_margin', '', '', 10, 'TikTok Shop Manager', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, 'LingXing ERP: Profit report by SKU with all fee lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'late_dispatch_rate', '', '', 11, 'TikTok Shop Manager', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'seller_fault_cancellation_rate', NULL, NULL, NULL, 'TikTok Shop Seller Center > Performance > Fulfilment (Late Dispatch Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'stockout_rate', '', '', 12, 'TikTok Shop Manager', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 0, 0, 0.0, 1.0, 'mean', 'seller_fault_cancellation_rate', 'method', 'LinkStar KPI method (Dashu Kuajing article, 2026-01-15): purchasing example stockout rate <= 5 %', '2026-01-15', 'LingXing ERP: Daily stock snapshots by SKU and warehouse');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'conversion_rate', 'walmart', '', 13, 'Walmart Channel Manager', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'LingXing ERP: Product performance by SKU, for cross-platform comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'contribution_margin', 'walmart', '', 14, 'Walmart Channel Manager', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', '', NULL, NULL, NULL, 'LingXing ERP: Profit report by SKU with all fee lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'gmv_growth', '', '', 15, 'Walmart Channel Manager', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.35, NULL, 0.315, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-12-31', NULL, 'LingXing ERP: Sales statistics with period comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'listing_quality_score', 'walmart', '', 16, 'Walmart Channel Manager', 'Listing quality score', 'Listing 质量分', 'score', 'higher', 'weekly', '>=', 80.0, NULL, 80.0, NULL, 0, 0, 0.0, NULL, 'last', '', 'official', 'Walmart Marketplace Learn: Listing Quality guide (2025); dashboard bands Poor 0-59, Good 60-79, Excellent 80-100', '2026-06-01', 'Walmart Seller Center: Listing Quality dashboard (API GET /v3/insights/items/listingQuality/score)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'gross_margin', '', '', 17, 'Walmart Channel Manager', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'conversion_rate', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'sessions', '', '', 18, 'Walmart Channel Manager', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'conversion_rate', NULL, NULL, NULL, 'LingXing ERP: Traffic columns by SKU');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'net_margin', '', '', 19, 'Walmart Channel Manager', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'tacos', '', '', 20, 'Walmart Channel Manager', 'Total Advertising Cost of Sales (TACoS)', '总广告销售成本比（TACoS）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'gmv_growth', NULL, NULL, NULL, 'LingXing ERP: Profit report with ad spend and total sales by SKU and store');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('ops-walmart', 'return_rate', '', '', 21, 'Walmart Channel Manager', 'Return rate', '退货率', 'ratio', 'lower', 'monthly', '<=', NULL, 0.06, NULL, 0.06, 0, 0, 0.0, 10.0, 'mean', 'listing_quality_score', 'official', 'Walmart Marketplace Learn, Seller Performance Standards: Return Rate <= 6 %', '2026-06-01', 'Walmart Seller Center > Returns');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'tacos', 'walmart', '', 22, 'Paid Media Buyer', 'Total Advertising Cost of Sales (TACoS)', '总广告销售成本比（TACoS）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', '', NULL, NULL, NULL, 'LingXing ERP: Profit report with ad spend and total sales by SKU and store');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'tiktok_shop', '', 23, 'Paid Media Buyer', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'TikTok Shop GMV Max report (ROI)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'walmart', '', 24, 'Paid Media Buyer', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'multiple', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', '', NULL, NULL, NULL, 'Walmart Connect Sponsored Search campaign report (ROAS)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'tiktok_shop', '', 25, 'Paid Media Buyer', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', '', NULL, NULL, NULL, 'TikTok Shop Data Compass (traffic)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'walmart', '', 26, 'Paid Media Buyer', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', '', NULL, NULL, NULL, 'LingXing ERP: Traffic columns by SKU');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'gmv_growth', '', '', 27, 'Paid Media Buyer', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.35, NULL, 0.315, NULL, 0, 0, -1.0, 10.0, 'last', '', 'goal', 'by 2026-12-31', NULL, 'LingXing ERP: Sales statistics with period comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'ad_sales_share', '', '', 28, 'Paid Media Buyer', 'Ad sales share', '广告销售额占比', 'ratio', 'range', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'last', 'roas', NULL, NULL, NULL, 'LingXing ERP: Profit / ad report with ad sales and total sales by SKU');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'conversion_rate', '', '', 29, 'Paid Media Buyer', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'sessions', NULL, NULL, NULL, 'TikTok Shop Data Compass (conversion rate); Walmart Marketplace: The platform''s traffic and conversion report');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'net_margin', '', '', 30, 'Paid Media Buyer', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'contribution_margin', '', '', 31, 'Paid Media Buyer', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'gmv_growth', NULL, NULL, NULL, 'LingXing ERP: Profit report by SKU with all fee lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'affiliate_gmv_share', 'tiktok_shop', '', 32, 'Creator Partnerships', 'Affiliate GMV share', '达人联盟 GMV 占比', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Affiliate Center performance (affiliate GMV) with Analytics > Shop Analytics (total GMV)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'content_gmv', 'tiktok_shop', '', 33, 'Creator Partnerships', 'Own content GMV (LIVE + video)', '自营内容 GMV（直播 + 短视频）', 'currency', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 'sum', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Analytics > Shop Analytics (own-account GMV by content type)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'creator_roi', 'tiktok_shop', '', 34, 'Creator Partnerships', 'Creator ROI', '达人合作 ROI', 'multiple', 'higher', 'monthly', '>=', 3.0, NULL, 2.7, NULL, 0, 0, 0.0, NULL, 'mean', '', 'house', 'LinkStar library default: at about a 33 % contribution margin before marketing, creator spend breaks even near 3x; reset it to 1 ÷ the client''s own pre-marketing margin', '2026-11-28', 'TikTok Shop Affiliate Center reports (attributed GMV, commissions)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'live_gmv', 'tiktok_shop', '', 35, 'Creator Partnerships', 'Livestream GMV', '直播 GMV', 'currency', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 'sum', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Analytics > LIVE & Video > LIVE Performance');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'sample_to_post_rate', 'tiktok_shop', '', 36, 'Creator Partnerships', 'Sample-to-post rate', '寄样出片率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: if fewer than half of sampled creators post, samples are going to the wrong creators', '2026-11-28', 'TikTok Shop Affiliate Center: sample requests (status and content fulfilled)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'contribution_margin', '', '', 37, 'Creator Partnerships', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'affiliate_gmv_share', NULL, NULL, NULL, 'LingXing ERP: Profit report by SKU with all fee lines');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'return_rate', '', '', 38, 'Creator Partnerships', 'Return rate', '退货率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'content_gmv', NULL, NULL, NULL, 'LingXing ERP: Returns / after-sales report by SKU and reason');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'creator_posts_published', '', '', 39, 'Creator Partnerships', 'Creator posts published', '达人出片数', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'sum', 'creator_roi', NULL, NULL, NULL, 'TikTok Shop Seller Center > Affiliate > Creator Analysis (videos and LIVEs by creator)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'gmv_growth', '', '', 40, 'Creator Partnerships', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'creator_roi', NULL, NULL, NULL, 'LingXing ERP: Sales statistics with period comparison');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_dispatch_rate', 'tiktok_shop', 'US', 41, 'Fulfilment Lead', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.04, 0, 0, 0.0, 1.0, 'mean', '', 'official', 'TikTok Shop Seller University (US), Guide to Late Dispatch Rate (LDR): <= 4 %', '2026-12-07', 'TikTok Shop Seller Center > Performance > Fulfilment (Late Dispatch Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_dispatch_rate', 'tiktok_shop', 'MY', 42, 'Fulfilment Lead', 'Late Dispatch Rate (TikTok Shop)', '延迟发货率（TikTok Shop LDR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.04, NULL, 0.044, 0, 0, 0.0, 1.0, 'mean', '', 'reference', '100ec.cn (news report of TikTok Shop Malaysia''s LDR policy from 2024-09-02): LDR < 4 %', '2026-12-07', 'TikTok Shop Seller Center > Performance > Fulfilment (Late Dispatch Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'fast_dispatch_rate', 'tiktok_shop', '', 43, 'Fulfilment Lead', 'Fast Dispatch Rate (TikTok Shop)', '快速发货率（TikTok Shop）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Performance > Fulfilment (Fast Dispatch Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', 'tiktok_shop', 'US', 44, 'Fulfilment Lead', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'support.gelato.com ''TikTok policies'' (3P summary of TikTok Shop US targets): VTR >= 95 %', '2026-06-01', 'WMS / logistics system: tracking numbers uploaded vs first carrier scan');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', 'tiktok_shop', 'MY', 45, 'Fulfilment Lead', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: the 95 % line several large marketplaces use, where a platform publishes none', '2026-11-28', 'WMS / logistics system: tracking numbers uploaded vs first carrier scan');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', 'walmart', 'US', 46, 'Fulfilment Lead', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>', 0.99, NULL, 0.891, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'Walmart Marketplace Learn, Seller Performance Standards (US), older version of the page: VTR > 99 %', '2026-06-01', 'Walmart Seller Center > Performance (Valid Tracking Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', 'walmart', 'CA', 47, 'Fulfilment Lead', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>', 0.85, NULL, 0.85, NULL, 1, 0, 0.0, 1.0, 'mean', '', 'official', 'Walmart Marketplace Learn (Canada), Seller Performance Standards: VTR > 85 %', '2026-12-07', 'Walmart Seller Center > Performance (Valid Tracking Rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'inventory_accuracy', 'tiktok_shop', '', 48, 'Fulfilment Lead', 'Inventory record accuracy', '库存准确率（账实相符率）', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'supplychainmetric.com (inventory accuracy) and mfgcalcs.com (third party): 95 % is the minimum, 99 % best-in-class', '2026-06-01', 'WMS cycle-count report (own or overseas warehouse)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'inventory_accuracy', 'walmart', '', 49, 'Fulfilment Lead', 'Inventory record accuracy', '库存准确率（账实相符率）', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'supplychainmetric.com (inventory accuracy) and mfgcalcs.com (third party): 95 % is the minimum, 99 % best-in-class', '2026-06-01', 'WMS cycle-count report (own or overseas warehouse)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'shipment_damage_rate', '', '', 50, 'Fulfilment Lead', 'Shipment damage rate', '运输破损率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', 'fast_dispatch_rate', NULL, NULL, NULL, 'TikTok Shop: Return reason ''damaged'' in the platform''s returns list; Walmart Marketplace: Return reason ''damaged'' in the platform''s returns list');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', '', '', 51, 'Fulfilment Lead', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.044, 0, 0, 0.0, 1.0, 'mean', 'valid_tracking_rate', 'house', 'LinkStar library default: the 4 % line two large marketplaces apply, used where a platform publishes none', '2026-11-28', 'TikTok Shop: The platform''s seller performance page (late shipment rate); Walmart Marketplace: The platform''s seller performance page (late shipment rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'dock_to_stock_days', '', '', 52, 'Fulfilment Lead', 'Dock-to-stock time', '到仓上架时效', 'days', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'inventory_accuracy', NULL, NULL, NULL, 'Overseas warehouse / WMS receiving and put-away log');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'order_processing_time_hours', '', '', 53, 'Fulfilment Lead', 'Order processing time', '订单处理时效', 'hours', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, NULL, 'mean', 'inventory_accuracy', NULL, NULL, NULL, 'LingXing ERP: Order list with payment and shipping times');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'tiktok_shop', 'US', 54, 'Buyer Support', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: 9 in 10 messages answered within the platform''s limit, where the platform publishes no share', '2026-12-01', 'TikTok Shop Seller Center > Customer service data (response rate within 12 hours)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'tiktok_shop', 'MY', 55, 'Buyer Support', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'duoke.com (3P table): TikTok Shop Southeast Asia, >= 90 % of chats answered within 12 hours', '2026-06-01', 'TikTok Shop Seller Center > Customer service data (response rate within 12 hours)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'walmart', 'US', 56, 'Buyer Support', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>', 0.95, NULL, 0.95, NULL, 1, 0, 0.0, 1.0, 'mean', '', 'official', 'Walmart Marketplace Learn, Customer Care Policy: Seller Response Rate > 95 % of inquiries answered within 48 hours', '2026-12-07', 'Walmart Seller Center > Performance (Seller Response Rate: inquiries answered within 48 hours)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'walmart', 'CA', 57, 'Buyer Support', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>', 0.8, NULL, 0.8, NULL, 1, 0, 0.0, 1.0, 'mean', '', 'official', 'Walmart Marketplace Learn (Canada), Seller Performance Standards: Seller Response Rate > 80 % of inquiries answered within 48 hours', '2026-12-07', 'Walmart Seller Center > Performance (Seller Response Rate: inquiries answered within 48 hours)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'negative_feedback_rate', 'tiktok_shop', 'US', 58, 'Buyer Support', 'Negative feedback rate', '差评率（负面反馈率）', 'ratio', 'lower', 'weekly', '<', NULL, 0.012, NULL, 0.0132, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'ppc.land and duoke.com (3P summaries of the TikTok Shop US Academy guide): Negative Review Rate < 1.2 % scores 4+ in the Shop Performance Score', '2026-06-01', 'TikTok Shop review management');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'negative_feedback_rate', 'tiktok_shop', 'MY', 59, 'Buyer Support', 'Negative feedback rate', '差评率（负面反馈率）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.02, NULL, 0.022, 0, 0, 0.0, 1.0, 'mean', '', 'house', 'LinkStar library default: the 2 % line one large marketplace publishes, used where a platform publishes none', '2026-11-28', 'TikTok Shop review management');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'negative_feedback_rate', 'walmart', '', 60, 'Buyer Support', 'Negative feedback rate', '差评率（负面反馈率）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.02, NULL, 0.02, 0, 0, 0.0, 1.0, 'mean', '', 'official', 'Walmart Marketplace Learn, Seller Performance Standards and Negative Feedback Rate overview: <= 2 %', '2026-06-01', 'Walmart Seller Center > Performance');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 'US', 61, 'Buyer Support', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.01, NULL, 0.011, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'support.gelato.com ''TikTok policies'' (3P summary of TikTok Shop US targets): seller-fault return/refund rate < 1.0 %', '2026-06-01', 'TikTok Shop Seller Center > Performance (seller-fault / defective-order return and refund rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 'MY', 62, 'Buyer Support', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 1.0, 'mean', '', NULL, NULL, NULL, 'TikTok Shop Seller Center > Performance (seller-fault / defective-order return and refund rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'walmart', 'US', 63, 'Buyer Support', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.06, NULL, 0.066, 0, 0, 0.0, 1.0, 'mean', '', 'reference', 'Walmart Marketplace Learn, Seller Performance Standards, older US version: Refund Rate (seller-responsible reasons) < 6 %', '2026-06-01', 'Walmart Seller Center > Performance (Refund Rate, seller-responsible reasons)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'walmart', 'CA', 64, 'Buyer Support', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.13, NULL, 0.13, 0, 1, 0.0, 1.0, 'mean', '', 'official', 'Walmart Marketplace Learn (Canada), Seller Performance Standards: Refund Rate < 13 %', '2026-12-07', 'Walmart Seller Center > Performance (Refund Rate, seller-responsible reasons)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'shop_performance_score', 'tiktok_shop', '', 65, 'Buyer Support', 'Shop Performance Score (TikTok Shop)', 'TikTok Shop 店铺体验分（SPS）', 'score', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 0, 0, 0.0, NULL, 'last', '', 'reference', 'ppc.land and duoke.com (3P summaries of the TikTok Shop US Academy guide): a sub-score of 4 or more is the ''excellent'' band', '2026-06-01', 'TikTok Shop Seller Center > Account Health > Shop Performance Score');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'review_rating', 'tiktok_shop', '', 66, 'Buyer Support', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.5, NULL, 4.05, NULL, 0, 0, 0.0, NULL, 'last', '', 'house', 'LinkStar library default: a 4.5-star floor for a store buyers trust; recalibrate per category at kick-off', '2026-11-28', 'TikTok Shop product reviews');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'review_rating', 'walmart', '', 67, 'Buyer Support', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.5, NULL, 4.05, NULL, 0, 0, 0.0, NULL, 'last', '', 'house', 'LinkStar library default: a 4.5-star floor for a store buyers trust; recalibrate per category at kick-off', '2026-11-28', 'Walmart product reviews');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', '', '', 68, 'Buyer Support', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 0, 0, 0.0, 1.0, 'mean', 'message_response_rate', 'house', 'LinkStar library default: a starting line for marketplace messaging, where most contacts are order-status and usage questions; recalibrate after the first month', '2026-11-28', 'Weekly sample of 50 closed conversations checked by the team lead');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', '', '', 69, 'Buyer Support', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 0, 0, 0.0, 1.0, 'mean', 'message_response_rate', 'house', 'LinkStar library default: a starting line for a 5-point post-contact survey; recalibrate after the first month of data', '2026-11-28', 'TikTok Shop Shop Performance Score: chat dissatisfaction rate; Walmart Marketplace: The platform''s chat ratings, where it shows them');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', '', '', 70, 'Buyer Support', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, 0.0, 10.0, 'mean', 'negative_feedback_rate', NULL, NULL, NULL, 'TikTok Shop: LingXing ERP: Profit report refund lines by SKU; Walmart Seller Center > Performance (refund rate)');
INSERT INTO targets (role_key, kpi, platform, site_group, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, amber_low_open, amber_high_open, accepted_low, accepted_high, aggregation, watch_for, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'gmv_growth', '', '', 71, 'Buyer Support', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, 0, 0, -1.0, 10.0, 'last', 'shop_performance_score', NULL, NULL, NULL, 'LingXing ERP: Sales statistics with period comparison');

-- Each goal's plan to date, period by period (pacing.py), and the platforms' shares.
DELETE FROM goal_plan;
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-07-01', '2026-07-31', 1, 26, 'last', 1, 0.153407821229, 0.150067039106);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.193240223464, 0.185916201117);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.231787709497, 0.220608938547);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.271620111732, 0.256458100559);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.310167597765, 0.291150837989);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('gmv_growth', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.35, 0.327);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-07-01', '2026-07-31', 1, 26, 'last', 1, 0.0658100558659, 0.0652290502793);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-08-01', '2026-08-31', 2, 31, 'last', 1, 0.0727374301676, 0.0714636871508);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-09-01', '2026-09-30', 3, 30, 'last', 1, 0.0794413407821, 0.0774972067039);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-10-01', '2026-10-31', 4, 31, 'last', 1, 0.0863687150838, 0.0837318435754);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-11-01', '2026-11-30', 5, 30, 'last', 1, 0.0930726256983, 0.0897653631285);
INSERT INTO goal_plan (kpi, platform, period_start, period_end, period_index, days, aggregation, up, plan_to_date, at_risk_bound) VALUES ('net_margin', '', '2026-12-01', '2026-12-31', 6, 31, 'last', 1, 0.1, 0.096);

-- The targets from a goal's cascade, period by period (plans.py): the teams' and the company's own.
DELETE FROM target_plan;
