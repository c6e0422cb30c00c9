-- linkstar-kit actuals store for 深圳拓海电商 Tuohai E-commerce
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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv_growth', '', 1, '公司目标', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', 2, '公司目标', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'shopee_penalty_points', 'shopee', 3, 'Shopee 运营', 'Shopee Penalty Points', 'Shopee 罚分', 'count', 'lower', 'weekly', '<=', NULL, 0.0, NULL, 0.0, 'reference', 'sellerby.com/p/2063（第三方）：Shopee 跨境优选卖家标准要求罚分为 0', '2026-06-01', 'Shopee 卖家中心 > 账户健康 > 计分/罚分记录');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'contribution_margin', '', 4, 'Shopee 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'conversion_rate', 'shopee', 5, 'Shopee 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析（转化率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-shopee', 'gmv_growth', '', 6, 'Shopee 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'contribution_margin', '', 7, 'TikTok Shop 运营', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'conversion_rate', 'tiktok_shop', 8, 'TikTok Shop 运营', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'gmv_growth', '', 9, 'TikTok Shop 运营', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('ops-tiktok', 'sessions', 'tiktok_shop', 10, 'TikTok Shop 运营', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'TikTok Shop 数据罗盘（流量）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'affiliate_gmv_share', 'tiktok_shop', 11, '达人建联与直播', 'Affiliate GMV share', '达人联盟 GMV 占比', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'TikTok Shop 卖家中心 > 达人联盟数据（联盟 GMV）+ 数据罗盘 > 店铺分析（总 GMV）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'content_gmv', 'tiktok_shop', 12, '达人建联与直播', 'Own content GMV (LIVE + video)', '自营内容 GMV（直播 + 短视频）', 'currency', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'TikTok Shop 卖家中心 > 数据罗盘 > 店铺分析（按内容类型拆分的自营账号 GMV）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'creator_roi', 'tiktok_shop', 13, '达人建联与直播', 'Creator ROI', '达人合作 ROI', 'times', 'higher', 'monthly', '>=', 3.0, NULL, 2.7, NULL, 'house', 'LinkStar 指标库默认值：营销前贡献利润率约 33% 时，达人投入约 3 倍回报可保本；请按 1 ÷ 客户自己的营销前利润率重设', '2026-11-28', 'TikTok Shop 达人联盟报表（归因 GMV、佣金）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('social-media', 'sample_to_post_rate', 'tiktok_shop', 14, '达人建联与直播', 'Sample-to-post rate', '寄样出片率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 'house', 'LinkStar 指标库默认值：寄样达人中发布内容的不到一半，说明样品寄错了人', '2026-11-28', 'TikTok Shop 达人联盟：样品申请（状态与履约内容）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'shopee', 15, '美工/短视频', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 'house', 'LinkStar 指标库默认值：值得保留的内容改动应让点击率相对提升至少 10%；更小的变化很难和每周的正常波动区分开', '2026-11-28', 'Shopee 广告按广告的曝光与点击；TikTok Ads Manager 按素材的曝光与点击');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'tiktok_shop', 16, '美工/短视频', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 'house', 'LinkStar 指标库默认值：值得保留的内容改动应让点击率相对提升至少 10%；更小的变化很难和每周的正常波动区分开', '2026-11-28', 'Shopee 广告按广告的曝光与点击；TikTok Ads Manager 按素材的曝光与点击');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'video_coverage_rate', 'shopee', 17, '美工/短视频', 'Product video coverage', '商品视频覆盖率', 'ratio', 'higher', 'monthly', '>=', 0.8, NULL, 0.72, NULL, 'house', 'LinkStar 指标库默认值：多数平台允许卖家免费添加商品视频；至少覆盖五分之四的 Listing，先做畅销款', '2026-11-28', 'Shopee 卖家中心 > 我的商品（视频字段）；TikTok Shop > 商品管理（视频字段）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'video_coverage_rate', 'tiktok_shop', 18, '美工/短视频', 'Product video coverage', '商品视频覆盖率', 'ratio', 'higher', 'monthly', '>=', 0.8, NULL, 0.72, NULL, 'house', 'LinkStar 指标库默认值：多数平台允许卖家免费添加商品视频；至少覆盖五分之四的 Listing，先做畅销款', '2026-11-28', 'Shopee 卖家中心 > 我的商品（视频字段）；TikTok Shop > 商品管理（视频字段）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'shopee', 19, '美工/短视频', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析（转化率）；TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'tiktok_shop', 20, '美工/短视频', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析（转化率）；TikTok Shop 数据罗盘（转化率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'creative_on_time_rate', 'shopee', 21, '美工/短视频', 'Creative on-time delivery rate', '素材按时交付率', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 'house', 'LinkStar 指标库默认值：上新和大促日期是固定的；排期最多只能承受二十个需求中有一个延期', '2026-11-28', '设计需求看板，含截止与交付日期（如飞书项目、Jira、Trello）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'creative_on_time_rate', 'tiktok_shop', 22, '美工/短视频', 'Creative on-time delivery rate', '素材按时交付率', 'ratio', 'higher', 'monthly', '>=', 0.95, NULL, 0.855, NULL, 'house', 'LinkStar 指标库默认值：上新和大促日期是固定的；排期最多只能承受二十个需求中有一个延期', '2026-11-28', '设计需求看板，含截止与交付日期（如飞书项目、Jira、Trello）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'message_response_rate', 'tiktok_shop', 23, '客服', 'Messages answered within the platform''s time limit', '时限内回复率', 'ratio', 'higher', 'weekly', '>=', 0.9, NULL, 0.81, NULL, 'reference', 'duoke.com（第三方表格）：TikTok Shop 东南亚站，≥ 90% 的咨询在 12 小时内回复', '2026-06-01', 'TikTok Shop 商家后台 > 客服数据（12 小时回复率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'seller_fault_refund_rate', 'tiktok_shop', 24, '客服', 'Seller-fault refund rate', '卖家责任退款率', 'ratio', 'lower', 'weekly', '<', NULL, 0.015, NULL, 0.0165, 'official', 'TikTok Shop 商家大学（seller-id.tokopedia.com、seller-th.tiktok.com、seller-vn.tiktok.com）：缺陷订单退货退款率 < 1.5%', '2026-06-01', 'TikTok Shop 商家后台 > 店铺表现（卖家责任退货退款率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chat_response_rate', 'shopee', 25, '客服', 'Chat Response Rate (Shopee)', '聊聊回复率（Shopee）', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'reference', 'Shopee 开放平台 v1 店铺表现接口返回样例（官方内容镜像：unpkg shopee-client@1.2.2 performanceResponse.d.ts）：聊聊回复率 >= 70%', '2026-06-01', 'Shopee 卖家中心 > 我的表现 > 客户服务（聊聊回复率）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', 'shopee', 26, '客服', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', '客服工单系统满意度调查报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', 'tiktok_shop', 27, '客服', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 'house', 'LinkStar 指标库默认值：5 分制服务后满意度调查的起步线；有第一个月数据后重新校准', '2026-11-28', '客服工单系统满意度调查报表（如 eDesk、Zendesk、Gorgias）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'stockout_rate', '', 28, '采购与供应链', 'Stockout rate', '断货率', 'ratio', 'lower', 'weekly', '<=', NULL, 0.05, NULL, 0.055, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例断货率 <= 5%', '2026-01-15', '店小秘 ERP：按 SKU、按仓库的每日库存快照');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'forecast_accuracy', '', 29, '采购与供应链', 'Sales forecast accuracy', '销量预测准确率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '店小秘 ERP：补货计划（保存的预测）与销量统计对比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'inventory_turnover', '', 30, '采购与供应链', 'Inventory turnover', '库存周转率', 'times', 'higher', 'monthly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI 方法（大数跨境文章，2026-01-15）：采购示例库存周转 >= 每年 4 次', '2026-01-15', '财务表格：月度利润表（销售成本）与资产负债表（存货成本）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('purchasing', 'supplier_defect_rate', '', 31, '采购与供应链', 'Supplier defect rate', '供应商来货不良率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '店小秘 ERP：采购入库与质检单记录');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'contribution_margin', '', 32, '老板/负责人', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.12, NULL, 0.108, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：含全部费用项的 SKU 利润报表');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gmv_growth', '', 33, '老板/负责人', 'GMV growth rate', 'GMV 增长率', 'ratio', 'higher', 'monthly', '>=', 0.5, NULL, 0.45, NULL, 'goal', '公司目标，截止 2026-12-31', NULL, '店小秘 ERP：销量统计的同比 / 环比');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'net_margin', '', 34, '老板/负责人', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '财务表格：月度管理利润表（按平台、店铺）');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'conversion_rate', '', 35, '老板/负责人', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopee 商业分析（转化率）；TikTok Shop 数据罗盘（转化率）');
