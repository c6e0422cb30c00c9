-- linkstar-kit actuals store for 义乌优品供应链 Yiwu Youpin Supply
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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gross_margin', '', 2, '公司目标', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'conversion_rate', 'temu', 3, 'Temu 运营（全托管）', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：按 SKU 的产品表现，用于跨平台对比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'gmv_growth', '', 4, 'Temu 运营（全托管）', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'contribution_margin', 'temu', 5, 'Temu 运营（全托管）', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-temu', 'gross_margin', '', 6, 'Temu 运营（全托管）', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'conversion_rate', 'aliexpress', 7, '速卖通运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：按 SKU 的产品表现，用于跨平台对比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'gmv_growth', '', 8, '速卖通运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.4, NULL, 0.36, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '马帮 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'contribution_margin', 'aliexpress', 9, '速卖通运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-aliexpress', 'gross_margin', '', 10, '速卖通运营', 'Gross margin', '毛利率', 'ratio', 'higher', 'monthly', '>=', 0.3, NULL, 0.27, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'aliexpress_tracking_online_7d_rate', 'aliexpress', 11, '仓储发货', '7-day tracking-online rate (AliExpress)', '7 天上网率（速卖通）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '速卖通卖家后台 > 物流表现（7 天上网）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'temu_stocking_order_on_time_full_rate', 'temu', 12, '仓储发货', 'Stocking-order on-time and complete rate (Temu fully-managed)', '备货单准时足量率（Temu 全托管）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单管理：要求到仓日期、发货与收货数量');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'logistics_cost_per_unit', 'temu', 13, '仓储发货', 'Logistics cost per unit', '单件物流成本', 'money_per_unit', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '财务表格：运费与履约成本明细（货代、物流商和仓库账单）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'logistics_cost_per_unit', 'aliexpress', 14, '仓储发货', 'Logistics cost per unit', '单件物流成本', 'money_per_unit', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '财务表格：运费与履约成本明细（货代、物流商和仓库账单）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'temu_qc_pass_rate', 'temu', 15, '仓储发货', 'Warehouse QC pass rate (Temu fully-managed)', '质检合格率（Temu 全托管入仓）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单质检结果');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'aliexpress_dispute_rate', 'aliexpress', 16, '速卖通客服', 'Dispute rate (AliExpress)', '纠纷率（速卖通）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '速卖通卖家后台 > 纠纷管理，以及店铺表现 > 类目考核');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'bad_experience_order_rate', 'aliexpress', 17, '速卖通客服', 'Bad Experience Order Rate (AliExpress)', '不良体验订单率（速卖通）', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '速卖通卖家后台 > 店铺表现 > 服务等级（每月考核）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'aliexpress', 18, '速卖通客服', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '客服工单系统一次解决率报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'aliexpress', 19, '速卖通客服', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'forecast_accuracy', '', 20, '采购', 'Sales forecast accuracy', '销量预测准确率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：补货计划（保存的预测）与销量统计对比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'purchase_cost_variance', '', 21, '采购', 'Purchase cost variance', '采购成本偏差率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '马帮 ERP：采购报表（按产品）（如领星采购报表（按产品））');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', 22, '采购', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 <= 5%', '2026-01-15', '马帮 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'temu_stocking_order_on_time_full_rate', 'temu', 23, '采购', 'Stocking-order on-time and complete rate (Temu fully-managed)', '备货单准时足量率（Temu 全托管）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Temu 卖家中心（全托管）> 备货单管理：要求到仓日期、发货与收货数量');
