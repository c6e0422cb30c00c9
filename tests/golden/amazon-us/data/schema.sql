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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'net_margin', '', 1, '公司目标', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'acos', 'amazon', 2, '亚马逊运营', 'Advertising Cost of Sales (ACoS)', '广告销售成本比（ACoS）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.25, NULL, 0.275, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例 ACoS <= 25%', '2026-01-15', '亚马逊广告后台：SP / SB / SD 广告活动报表（或亚马逊广告 API）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'contribution_margin', 'amazon', 3, '亚马逊运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'conversion_rate', 'amazon', 4, '亚马逊运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.12, NULL, 0.108, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例转化率 >= 12%', '2026-01-15', '亚马逊 SP-API GET_SALES_AND_TRAFFIC_REPORT（unitSessionPercentage）/ 业务报告');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv_growth', 'amazon', 5, '亚马逊运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'inventory_turnover', '', 6, '采购计划', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 >= 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'ipi_score', 'amazon', 7, '采购计划', 'FBA Inventory Performance Index (IPI)', 'FBA 库存绩效指数（IPI）', 'score', 'higher', 'weekly', '>=', 400.0, NULL, 360.0, NULL, 'reference', '第三方经验值（tacticallogistic.com、sellerjournal.com、bizistech.com）：400 是最后一次公布的 IPI 库容限制线（2022 年 1 月 1 日起）。2023 年 3 月 1 日 FBA 仓容限制取代库容限制后，亚马逊再未公布 IPI 门槛', '2026-06-01', '卖家后台 > 库存 > 库存绩效（IPI 分数及各项因素）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', 8, '采购计划', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 <= 5%', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'excess_inventory_ratio', '', 9, '采购计划', 'Excess inventory ratio', '冗余库存占比', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '亚马逊卖家后台 > 库存 > 管理冗余库存；SP-API GET_FBA_INVENTORY_PLANNING_DATA');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'days_of_supply', 'amazon', 10, '采购计划', 'Days of supply', '库存可售天数', 'days', 'range', 'weekly', 'between', 30.0, 90.0, 27.0, 99.0, 'official', '亚马逊卖家后台帮助 202174810（FBA 库存绩效指数）：可售天数超过 90 天计为冗余库存；下限 30 天取自亚马逊 30-60 天备货建议的低端（帮助 G202174810）', '2026-06-01', '亚马逊卖家后台 > 库存 > 库存规划 / SP-API GET_FBA_INVENTORY_PLANNING_DATA（FBA 库存可售天数）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'a_to_z_claim_rate', 'amazon', 11, '客服', 'A-to-z Guarantee claim rate', 'A-to-z 索赔率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.005, NULL, 0.0055, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：客服示例 A-to-z 索赔率 <= 0.5%', '2026-01-15', '卖家后台 > 绩效 > 亚马逊商城交易保障索赔');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'amazon', 12, '客服', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 'reference', 'channelx.world（第三方，2012）：亚马逊过去要求 ≥ 90% 的消息在 24 小时内回复；24 小时规则本身见亚马逊卖家后台帮助 200549770', '2026-06-01', '亚马逊卖家后台 > 绩效 > 客户服务绩效（24 小时内回复的消息、延迟回复）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'order_defect_rate', 'amazon', 13, '客服', 'Order Defect Rate (ODR)', '订单缺陷率（ODR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.01, NULL, 0.011, 'official', '亚马逊卖家后台帮助 200285170（订单缺陷率）；SP-API 账户状况数据结构中的目标值 0.01（小于）', '2026-06-01', '卖家后台 > 绩效 > 账户状况（订单缺陷率，自发货与 FBA 分列）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'amazon', 14, '客服', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '亚马逊 SP-API GET_SALES_AND_TRAFFIC_REPORT（unitsRefunded、refundRate 字段）');
