-- linkstar-kit actuals store for Fjord Goods
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
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'gmv', '', 1, 'Company goals', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 150000.0, NULL, 135000.0, NULL, 'goal', 'Company goal, by 2026-11-30', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('_company', 'contribution_margin', '', 2, 'Company goals', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 'goal', 'Company goal, by 2026-11-30', NULL, 'Accounting software: Monthly P&L with variable-cost lines');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'contribution_margin', '', 3, 'Founder', 'Contribution margin', '贡献利润率', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 'goal', 'Company goal, by 2026-11-30', NULL, 'Accounting software: Monthly P&L with variable-cost lines');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'gmv', '', 4, 'Founder', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 150000.0, NULL, 135000.0, NULL, 'goal', 'Company goal, by 2026-11-30', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'net_margin', '', 5, 'Founder', 'Net margin', '净利率', 'ratio', 'higher', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Accounting software: Monthly P&L (management accounts, by platform and store)');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('team-lead', 'conversion_rate', 'shopify', 6, 'Founder', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'conversion_rate', 'shopify', 7, 'Store Manager', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'gmv', '', 8, 'Store Manager', 'Gross Merchandise Value (GMV)', '成交总额（GMV）', 'currency', 'higher', 'monthly', '>=', 150000.0, NULL, 135000.0, NULL, 'goal', 'Company goal, by 2026-11-30', NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('operations', 'sessions', 'shopify', 9, 'Store Manager', 'Sessions (listing / store visits)', '买家访问次数（Sessions）', 'count', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopify Analytics > Sessions');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'roas', 'shopify', 10, 'Performance Marketer', 'Return on Ad Spend (ROAS)', '广告支出回报率（ROAS）', 'times', 'higher', 'weekly', '>=', 4.0, NULL, 3.6, NULL, 'method', 'LinkStar KPI method (Dashu Kuajing article, 2026-01-15): operations example ACoS <= 25 %, i.e. ROAS >= 4 (ROAS = 1 ÷ ACoS)', '2026-01-15', 'Meta Ads Manager / Google Ads for the independent store');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'marketing_efficiency_ratio', 'shopify', 11, 'Performance Marketer', 'Marketing efficiency ratio (MER)', '营销效率比（MER）', 'times', 'higher', 'weekly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Shopify Analytics > Total sales');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('advertising', 'ad_sales_share', 'shopify', 12, 'Performance Marketer', 'Ad sales share', '广告销售额占比', 'ratio', 'range', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'The platform''s ad console attributed sales against its sales report');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'listing_quality_score', 'shopify', 13, 'Content Creator', 'Listing quality score', 'Listing 质量分', 'score', 'higher', 'weekly', '>=', 80.0, NULL, 72.0, NULL, 'house', 'LinkStar library default: the floor of the top band of the one platform that publishes a listing-quality score, used as one scale for checklist scores', '2026-11-28', 'Team listing checklist audit (monthly, scored 0-100 per listing)');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'content_ctr_uplift', 'shopify', 14, 'Content Creator', 'Content CTR uplift', '内容点击率提升幅度', 'ratio', 'higher', 'monthly', '>=', 0.1, NULL, 0.09, NULL, 'house', 'LinkStar library default: a content change worth keeping should lift CTR by at least 10 % relative; smaller moves are hard to tell from weekly noise', '2026-11-28', 'Content change log (what changed, when, on which SKU)');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('content-design', 'conversion_rate', 'shopify', 15, 'Content Creator', 'Conversion rate (CVR)', '转化率（CVR）', 'ratio', 'higher', 'weekly', '>=', 0.014, NULL, 0.0126, NULL, 'reference', 'Shopify blog ''Ecommerce conversion rate'' (vendor benchmark, not a platform rule), citing Littledata (third party): average Shopify store ~1.4 %; top 20 % >= 3.2 %, top 10 % >= 4.7 %', '2026-06-01', 'Shopify Analytics > Conversion rate');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'csat_score', 'shopify', 16, 'Customer Care', 'Customer satisfaction (CSAT)', '客户满意度（CSAT）', 'ratio', 'higher', 'monthly', '>=', 0.85, NULL, 0.765, NULL, 'house', 'LinkStar library default: a starting line for a 5-point post-contact survey; recalibrate after the first month of data', '2026-11-28', 'Helpdesk satisfaction survey report (e.g. eDesk, Zendesk, Gorgias)');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'refund_rate', 'shopify', 17, 'Customer Care', 'Refund rate', '退款率', 'ratio', 'lower', 'monthly', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Accounting software: Platform settlement reports: refund transactions');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'chargeback_rate', 'shopify', 18, 'Customer Care', 'Chargeback rate', '拒付率', 'ratio', 'lower', 'monthly', '<=', NULL, 0.005, NULL, 0.0055, 'house', 'LinkStar library default: at most 1 chargeback in 200 card orders, leaving room under the monitoring lines payment providers apply; ask yours for its own line', '2026-12-01', 'Accounting software: Payment provider dispute report (Shopify Payments > Disputes, Stripe, PayPal Resolution Center)');
INSERT INTO targets (role_key, kpi, platform, sort_order, role_title, name_en, name_zh, unit, direction, frequency, op, target_low, target_high, amber_low, amber_high, target_kind, target_source, target_as_of, data_source) VALUES ('customer-service', 'first_contact_resolution_rate', 'shopify', 19, 'Customer Care', 'First contact resolution rate', '首次解决率', 'ratio', 'higher', 'weekly', '>=', 0.7, NULL, 0.63, NULL, 'house', 'LinkStar library default: a starting line for marketplace messaging, where most contacts are order-status and usage questions; recalibrate after the first month', '2026-11-28', 'Helpdesk one-touch resolution report (e.g. eDesk, Zendesk, Gorgias)');
