-- linkstar-kit actuals store for 深圳南洋通 Nanyang Lanes
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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', 2, '公司目标', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'review_rating', '', 3, '公司目标', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：按 SKU 的评价监控');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'contribution_margin', '', 4, 'Lazada 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'conversion_rate', 'lazada', 5, 'Lazada 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '店小秘 ERP：按 SKU 的产品表现，用于跨平台对比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'review_rating', '', 6, 'Lazada 运营', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：按 SKU 的评价监控');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-lazada', 'gmv_growth', '', 7, 'Lazada 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'contribution_margin', '', 8, 'Shopee 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'conversion_rate', 'shopee', 9, 'Shopee 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'review_rating', '', 10, 'Shopee 运营', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, 'Shopee 店铺评分');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gmv_growth', '', 11, 'Shopee 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'lazada', 12, '广告投手', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'times', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例 ACoS <= 25%，即 ROAS >= 4（ROAS = 1 ÷ ACoS）', '2026-01-15', 'Lazada 赞助推广报表；Shopee 广告报表（ROAS）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'shopee', 13, '广告投手', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'times', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：运营示例 ACoS <= 25%，即 ROAS >= 4（ROAS = 1 ÷ ACoS）', '2026-01-15', 'Lazada 赞助推广报表；Shopee 广告报表（ROAS）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'contribution_margin', '', 14, '广告投手', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'lazada', 15, '广告投手', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析 > 流量');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'sessions', 'shopee', 16, '广告投手', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析 > 流量');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'gmv_growth', '', 17, '广告投手', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.2, NULL, 0.18, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'review_rating', '', 18, '客服（马来、泰语、越南语）', 'Average review rating', '平均评分（星级）', 'score', 'higher', 'monthly', '>=', 4.8, NULL, 4.32, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, 'Shopee 店铺评分');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'lazada', 19, '客服（马来、泰语、越南语）', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '客服工单系统一次解决率报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'shopee', 20, '客服（马来、泰语、越南语）', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'house', 'LinkStar 指标库默认值：平台站内信的起步线，多数咨询是订单状态和使用问题；第一个月后重新校准', '2026-11-28', '客服工单系统一次解决率报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'lazada_chat_response_rate', 'lazada', 21, '客服（马来、泰语、越南语）', 'Chat Response Rate (Lazada)', '聊天回复率（Lazada）', 'ratio', 'higher', 'weekly', '>=', 0.85, NULL, 0.765, NULL, 'reference', 'duoke.com（第三方）：Lazada 聊天回复率，LazMall ≥ 85%（普通店铺建议 ≥ 50%），近 3 个月', '2026-06-01', 'Lazada 卖家中心 > 我的表现（聊天回复率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chat_response_rate', 'shopee', 22, '客服（马来、泰语、越南语）', 'Chat Response Rate (Shopee)', '聊聊回复率（Shopee）', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：聊聊回复率 >= 70%', '2026-06-01', 'Shopee 卖家中心 > 我的表现 > 客户服务（聊聊回复率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'lazada', 23, '客服（马来、泰语、越南语）', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'shopee', 24, '客服（马来、泰语、越南语）', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', '<', NULL, 0.025, NULL, 0.0275, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：退货退款率 < 2.5%', '2026-06-01', '店小秘 ERP：利润报表中按 SKU 的退款明细');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', 'lazada', 25, '打包发货', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<=', NULL, 0.04, NULL, 0.044, 'house', 'LinkStar 指标库默认值：两家大型平台采用的 4% 线，用于平台未公布标准的情况', '2026-11-28', 'Shopee 卖家中心 > 我的表现（迟发货率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'late_shipment_rate', 'shopee', 26, '打包发货', 'Late Shipment Rate (LSR)', '迟发率（LSR）', 'ratio', 'lower', 'weekly', '<', NULL, 0.05, NULL, 0.055, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：迟发率 < 5%', '2026-06-01', 'Shopee 卖家中心 > 我的表现（迟发货率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'lazada_ship_on_time_rate', 'lazada', 27, '打包发货', 'Ship-on-time rate (Lazada)', '准时发货率（Lazada）', 'ratio', 'higher', 'weekly', '>', 0.9, NULL, 0.81, NULL, 'reference', 'ssopdot.com/blog/8506（第三方，跨境卖家）：近 4 周准时发货率 > 90%', '2026-06-01', 'Lazada 卖家中心 > 我的表现（准时发货率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'order_processing_time_hours', 'lazada', 28, '打包发货', 'Order processing time', '订单处理时效', 'hours', 'lower', 'weekly', '<=', NULL, 48.0, NULL, 52.8, 'reference', 'ssopdot.com/blog/8506（第三方）：Lazada 跨境卖家须在 48 小时内完成发货准备（RTS）', '2026-06-01', '店小秘 ERP：订单列表中的付款与发货时间');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'order_processing_time_hours', 'shopee', 29, '打包发货', 'Order processing time', '订单处理时效', 'hours', 'lower', 'weekly', '<=', NULL, 48.0, NULL, 52.8, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：平均备货时长 <= 172,800 秒（2 天）', '2026-06-01', '店小秘 ERP：订单列表中的付款与发货时间');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'shipment_damage_rate', 'lazada', 30, '打包发货', 'Shipment damage rate', '运输破损率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '标记为「破损」的客服工单（客服系统或 ERP 客服模块）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'shipment_damage_rate', 'shopee', 31, '打包发货', 'Shipment damage rate', '运输破损率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '标记为「破损」的客服工单（客服系统或 ERP 客服模块）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('logistics', 'non_fulfilment_rate', 'shopee', 32, '打包发货', 'Non-Fulfilment Rate (NFR, Shopee)', '未完成订单率（NFR，Shopee）', 'ratio', 'lower', 'weekly', '<', NULL, 0.05, NULL, 0.055, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：未完成订单率 < 5%', '2026-06-01', 'Shopee 卖家中心 > 账户健康 > 我的表现（未完成订单率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'contribution_margin', '', 33, '财务', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.15, NULL, 0.135, NULL, 'goal', '公司目标，截止 2026-09-30', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'payout_reconciliation_rate', '', 34, '财务', 'Payout reconciliation rate', '平台回款对账率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Lazada 财务交易明细；Shopee 开放平台收入 / 回款明细');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'net_margin', '', 35, '财务', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('finance', 'month_end_close_days', '', 36, '财务', 'Month-end close time', '月度关账天数', 'days', 'lower', 'monthly', '<=', NULL, 10.0, NULL, 11.0, 'house', 'LinkStar 指标库默认值：方法中的月度复盘需要上月利润表；10 个工作日内关账，才来得及在月中前复盘', '2026-11-28', '财务表格：关账清单与利润表发布日期');
