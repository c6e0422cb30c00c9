-- linkstar-kit actuals store for 星河跨境 Starriver Trading
-- Applied by `linkstar load KIT ACTUALS.csv` to KIT/data/kpi.sqlite (SQLite); the same
-- statements run on PostgreSQL. Regenerate the kit to change the targets below.

-- One row per role entry, KPI and platform the kit tracks (platform '' = all the role's
-- platforms; role_key '_company' = a company goal). Refreshed from the selection on every load.
-- RAG: green when the target holds (op, target_low, target_high; `>` and `<` are strict);
-- else amber when amber_low <= value <= amber_high (the near-miss band: within 10 % of the
-- target value); else red. A row without op has no target yet.
CREATE TABLE IF NOT EXISTS targets (
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
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
  target_kind   TEXT,
  target_source TEXT,
  target_as_of  TEXT,
  data_source   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (role_key, kpi, platform)
);

-- The numbers, one per period, role entry, KPI and platform (the natural key). Ratios are
-- fractions in [0, 1]. Periods follow the KPI's frequency: a day, an ISO week (Monday to
-- Sunday), a calendar month or a calendar quarter; dates are YYYY-MM-DD.
CREATE TABLE IF NOT EXISTS actuals (
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL,
  role_key      TEXT NOT NULL,
  kpi           TEXT NOT NULL,
  platform      TEXT NOT NULL DEFAULT '',
  value         DOUBLE PRECISION NOT NULL,
  annotation    TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  loaded_at     TEXT NOT NULL,
  PRIMARY KEY (period_start, role_key, kpi, platform)
);

-- Every actual with its target and its RAG status (green, amber, red; none without target).
DROP VIEW IF EXISTS kpi_status;
CREATE VIEW kpi_status AS
SELECT a.period_start, a.period_end, a.role_key, t.role_title, a.kpi, t.name_en, t.name_zh,
       a.platform, t.unit, a.value, t.op, t.target_low, t.target_high, a.annotation,
       CASE
         WHEN t.op IS NULL THEN 'none'
         WHEN (t.target_low IS NULL OR a.value > t.target_low
               OR (a.value = t.target_low AND t.op <> '>'))
          AND (t.target_high IS NULL OR a.value < t.target_high
               OR (a.value = t.target_high AND t.op <> '<')) THEN 'green'
         WHEN (t.amber_low IS NULL OR a.value >= t.amber_low)
          AND (t.amber_high IS NULL OR a.value <= t.amber_high) THEN 'amber'
         ELSE 'red'
       END AS status
FROM actuals a
JOIN targets t ON t.role_key = a.role_key AND t.kpi = a.kpi AND t.platform = a.platform;

-- The targets of this kit (from selection.json).
DELETE FROM targets;
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'net_margin', '', 1, '公司目标', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', 'Company goal, by 2026-09-30', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'acos', 'amazon', 2, '亚马逊运营', 'Advertising Cost of Sales (ACoS)', '广告销售成本比（ACoS）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.25, NULL, 0.275, 'method', 'LinkStar KPI method (大数跨境 article, 2026-01-15): operations example ACoS <= 25 %', '2026-01-15', '亚马逊广告后台：SP / SB / SD 广告活动报表（或亚马逊广告 API）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'contribution_margin', 'amazon', 3, '亚马逊运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：含全部费用项的 MSKU / ASIN 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'tacos', 'amazon', 4, '亚马逊运营', 'Total Advertising Cost of Sales (TACoS)', '总广告销售成本比（TACoS）', 'ratio', 'lower', 'monthly', '<=', NULL, 0.15, NULL, 0.165, 'reference', 'webmasterid.com (third-party, low confidence): TACoS < 10-15 % is efficient for mature brands', '2026-06-01', '马帮 ERP：利润报表，按 MSKU / 店铺列出广告花费与总销售额');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv_growth', 'amazon', 5, '亚马逊运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'inventory_turnover', '', 6, '采购计划', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI method (大数跨境 article, 2026-01-15): purchasing example inventory turns >= 4 a year', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'ipi_score', 'amazon', 7, '采购计划', 'FBA Inventory Performance Index (IPI)', 'FBA 库存绩效指数（IPI）', 'score', 'higher', 'weekly', '>=', 400.0, NULL, 360.0, NULL, 'reference', 'Third-party rule of thumb (tacticallogistic.com, sellerjournal.com, bizistech.com): 400 was the last published IPI storage-limit line (from 1 Jan 2022). Amazon has published no IPI threshold since FBA capacity limits replaced storage limits on 1 Mar 2023', '2026-06-01', '卖家后台 > 库存 > 库存绩效（IPI 分数及各项因素）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', 8, '采购计划', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 'method', 'LinkStar KPI method (大数跨境 article, 2026-01-15): purchasing example stockout rate <= 5 %', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'excess_inventory_ratio', '', 9, '采购计划', 'Excess inventory ratio', '冗余库存占比', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '亚马逊卖家后台 > 库存 > 管理冗余库存；SP-API GET_FBA_INVENTORY_PLANNING_DATA');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'days_of_supply', 'amazon', 10, '采购计划', 'Days of supply', '库存可售天数', 'days', 'range', 'weekly', '<=', NULL, 90.0, NULL, 99.0, 'official', 'Amazon Seller Central help 202174810 (FBA Inventory Performance Index): an item with more than 90 days of supply counts as excess inventory', '2026-06-01', '亚马逊卖家后台 > 库存 > 库存规划 / SP-API GET_FBA_INVENTORY_PLANNING_DATA（FBA 库存可售天数）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'a_to_z_claim_rate', 'amazon', 11, '客服', 'A-to-z Guarantee claim rate', 'A-to-z 索赔率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.005, NULL, 0.0055, 'method', 'LinkStar KPI method (大数跨境 article, 2026-01-15): customer service example A-to-z claims <= 0.5 %', '2026-01-15', '卖家后台 > 绩效 > 亚马逊商城交易保障索赔');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'order_defect_rate', 'amazon', 12, '客服', 'Order Defect Rate (ODR)', '订单缺陷率（ODR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.01, NULL, 0.011, 'official', 'Amazon Seller Central help 200285170 (Order Defect Rate); SP-API account health schema targetValue 0.01, LESS_THAN', '2026-06-01', '卖家后台 > 绩效 > 账户状况（订单缺陷率，自发货与 FBA 分列）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'amazon', 13, '客服', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'house', 'LinkStar library default: a starting line for marketplace messaging, where most contacts are order-status and usage questions; recalibrate after the first month', '2026-11-28', '客服工单系统一次解决率报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'amazon', 14, '客服', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '亚马逊 SP-API GET_SALES_AND_TRAFFIC_REPORT（unitsRefunded、refundRate 字段）');
