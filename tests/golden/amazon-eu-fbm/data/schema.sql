-- linkstar-kit actuals store for 莱茵贸易 Rhein Handel
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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'net_margin', '', 1, '公司目标', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', '>=', 0.14, NULL, 0.126, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'acos', 'amazon', 2, '欧洲站运营', 'Advertising Cost of Sales (ACoS)', '广告销售成本比（ACoS）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.25, NULL, 0.275, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例 ACoS <= 25%', '2026-01-15', '亚马逊广告后台：SP / SB / SD 广告活动报表（或亚马逊广告 API）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'contribution_margin', 'amazon', 3, '欧洲站运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '领星 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'conversion_rate', 'amazon', 4, '欧洲站运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.12, NULL, 0.108, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例转化率 >= 12%', '2026-01-15', '亚马逊 SP-API GET_SALES_AND_TRAFFIC_REPORT（unitSessionPercentage）/ 业务报告');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv_growth', 'amazon', 5, '欧洲站运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '领星 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'return_processing_days', 'amazon', 6, '海外仓与发货', 'Return processing time', '退件处理时效', 'days', 'lower', 'weekly', '<=', NULL, 3.0, NULL, 3.3, 'house', 'LinkStar 指标库默认值：3 天内完成退件验货和处理，可售商品尽快重新上架；文章把退件处理时效列为总部与仓库共担的 KPI', '2026-11-28', '海外仓 WMS 退件记录（到仓、验货、上架/报废日期）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'valid_tracking_rate', 'amazon', 7, '海外仓与发货', 'Valid Tracking Rate (VTR)', '有效追踪率（VTR）', 'ratio', 'higher', 'weekly', '>=', 0.95, NULL, 0.855, NULL, 'official', '亚马逊卖家后台帮助 202014610（有效追踪率）；欧洲站卖家后台帮助 201817070', '2026-06-01', '亚马逊卖家后台 > 绩效 > 账户状况（有效追踪率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', 'amazon', 8, '海外仓与发货', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.04, NULL, 0.044, 'reference', 'amazowl.com/?p=8557（第三方）：迟发率 < 4%，按 10 天和 30 天两个周期统计；指标定义见亚马逊卖家后台帮助 202152050', '2026-06-01', '亚马逊卖家后台 > 绩效 > 账户状况（迟发率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'logistics_cost_per_unit', 'amazon', 9, '海外仓与发货', 'Logistics cost per unit', '单件物流成本', 'money_per_unit', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '财务表格：运费与履约成本明细（货代、物流商和仓库账单）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'inventory_accuracy', 'amazon', 10, '海外仓与发货', 'Inventory record accuracy', '库存准确率（账实相符率）', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 'reference', 'supplychainmetric.com（库存准确率）与 mfgcalcs.com（第三方）：95% 为最低要求，99% 为一流水平', '2026-06-01', 'WMS 循环盘点报表（自营仓或海外仓）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'a_to_z_claim_rate', 'amazon', 11, '多语种客服', 'A-to-z Guarantee claim rate', 'A-to-z 索赔率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.005, NULL, 0.0055, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：客服示例 A-to-z 索赔率 <= 0.5%', '2026-01-15', '卖家后台 > 绩效 > 亚马逊商城交易保障索赔');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'amazon', 12, '多语种客服', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 'reference', 'channelx.world（第三方，2012）：亚马逊过去要求 ≥ 90% 的消息在 24 小时内回复；24 小时规则本身见亚马逊卖家后台帮助 200549770', '2026-06-01', '亚马逊卖家后台 > 绩效 > 客户服务绩效（24 小时内回复的消息、延迟回复）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'order_defect_rate', 'amazon', 13, '多语种客服', 'Order Defect Rate (ODR)', '订单缺陷率（ODR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.01, NULL, 0.011, 'official', '亚马逊卖家后台帮助 200285170（订单缺陷率）；SP-API 账户状况数据结构中的目标值 0.01（小于）', '2026-06-01', '卖家后台 > 绩效 > 账户状况（订单缺陷率，自发货与 FBA 分列）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', 'amazon', 14, '多语种客服', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', '客服工单系统满意度调查报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'net_margin', '', 15, '财务（VAT）', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', '>=', 0.14, NULL, 0.126, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'payout_reconciliation_rate', '', 16, '财务（VAT）', 'Payout reconciliation rate', '平台回款对账率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '亚马逊 SP-API GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2（结算报告）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'contribution_margin', '', 17, '财务（VAT）', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '领星 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'month_end_close_days', '', 18, '财务（VAT）', 'Month-end close time', '月度关账天数', 'days', 'lower', 'monthly', '<=', NULL, 10.0, NULL, 11.0, 'house', 'LinkStar 指标库默认值：方法中的月度复盘需要上月利润表；10 个工作日内关账，才来得及在月中前复盘', '2026-11-28', '财务表格：关账清单与利润表发布日期');
