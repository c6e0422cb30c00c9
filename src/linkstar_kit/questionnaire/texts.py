"""The questionnaire's wording in English and Chinese (the KPI, role and platform names come from
the library; stage, scope and weekday names from the documents' labels in `kit/labels.py`)."""

from __future__ import annotations

from typing import Any

from ..vocabulary import ERP_BRANDS

_T: dict[str, tuple[str, str]] = {
    # sections (the method's order)
    "sec_client": ("Client", "客户信息"),
    "sec_scope": ("Scope and business profile", "范围与业务概况"),
    "sec_goals": ("Top goals", "顶层目标"),
    "sec_platforms": ("Platforms", "销售平台"),
    "sec_roles": ("Roles", "岗位"),
    "sec_systems": ("Data systems", "数据系统"),
    "sec_review": ("Review cadence", "复盘节奏"),
    "sec_incentives": ("Incentives", "激励机制"),
    "intro": ("A few questions about the team. Enter accepts the answer already filled in; "
              "Ctrl-C stops at any point without writing anything.",
              "接下来是关于团队的几个问题。已预填的答案直接回车即可采用；"
              "随时按 Ctrl-C 退出，不会写入任何文件。"),
    "section_head": ("── {n}/{total} {title} ──", "── {n}/{total} {title} ──"),
    # client
    "client_name": ("Client name (company or brand)", "客户名称（公司或品牌名）"),
    "slug": ("Short name for folders and files (a-z, 0-9 and -)",
             "英文简称，用作文件夹和文件名（只能用 a-z、0-9 和 -）"),
    "language": ("Language of the generated documents", "生成文档的语言"),
    "currency": ("Currency (ISO 4217 code such as USD, EUR, CNY)",
                 "结算币种（ISO 4217 代码，如 USD、EUR、CNY）"),
    "timezone": ("Time zone for meetings and calendars (IANA name such as Asia/Shanghai)",
                 "会议与日历使用的时区（IANA 名称，如 Asia/Shanghai）"),
    # scope
    "level": ("What does the KPI system cover?", "这套 KPI 体系覆盖哪个范围？"),
    "scope_name": ("Name of the business unit or project (e.g. Amazon US BU)",
                   "事业部或项目的名称（如：亚马逊美国站事业部）"),
    "start": ("First day the KPI system runs (YYYY-MM-DD)",
              "KPI 体系的启用日期（YYYY-MM-DD）"),
    "horizon": ("Period of the top goals", "顶层目标的周期"),
    "stage": ("Stage of the business", "业务目前处于哪个阶段？"),
    "team_size": ("How many people are in scope?", "范围内一共有多少人？"),
    "sku_count": ("How many active SKUs? (optional, Enter to skip)",
                  "在售 SKU 大约多少个？（可不填，回车跳过）"),
    "categories": ("Main product categories (optional)", "主营品类（可多选，也可不选）"),
    # goals
    "goal_kpi": ("Top goal {n}: which KPI measures it?", "第 {n} 个顶层目标：用哪个指标来衡量？"),
    "goal_other": ("Another KPI from the library...", "指标库里的其他指标……"),
    "goal_all": ("Top goal {n}: pick the KPI (type to filter)",
                 "第 {n} 个顶层目标：选择指标（可输入文字筛选）"),
    "goal_remove": ("(remove this goal)", "（删除这个目标）"),
    "goal_target": ("Target for {kpi} ({unit})", "{kpi}的目标值（{unit}）"),
    "goal_baseline": ("Where is {kpi} today? (baseline, optional)",
                      "{kpi}目前的水平（基线值，可不填）"),
    "goal_by": ("Reach it by (YYYY-MM-DD)", "截止日期（YYYY-MM-DD）"),
    "ratio_hint": ("a rate: write a fraction, 0.15 means 15 % (15% works too)",
                   "比率请填小数：0.15 表示 15%（也可直接输入 15%）"),
    "more_goals": ("Add another top goal?", "还要再加一个顶层目标吗？"),
    # platforms
    "platforms": ("Which platforms does the team sell on?", "团队在哪些平台上销售？"),
    "sites": ("{platform}: sites (market codes, comma-separated, optional)",
              "{platform}：站点（国家/地区代码，用逗号分隔，可不填）"),
    "sites_hint": ("common: {sites}", "常见：{sites}"),
    "fulfillment": ("{platform}: how are orders fulfilled? (optional)",
                    "{platform}：订单用哪些履约方式？（可多选，也可不选）"),
    # roles
    "roles": ("Which roles does the team have?", "团队里有哪些岗位？"),
    "split": ("{role}: a separate team per platform (e.g. one for Amazon, one for Shopee)?",
              "{role}：按平台分别设岗吗（如亚马逊一组、Shopee 一组）？"),
    "for_platform": (" ({platform})", "（{platform}）"),
    "headcount": ("{role}: headcount", "{role}：人数"),
    "title": ("{role}: the client's own job title (optional)",
              "{role}：公司内部的岗位叫法（可不填）"),
    "role_platforms": ("{role}: which platforms does this role work on?",
                       "{role}：负责哪些平台？"),
    "role_pin": ("{role}: KPIs pinned for this role (uncheck to drop)",
                 "{role}：指定必选的 KPI（取消勾选即移除）"),
    "role_exclude": ("{role}: KPIs excluded for this role (uncheck to drop)",
                     "{role}：指定排除的 KPI（取消勾选即移除）"),
    # systems
    "erp": ("Which ERP holds orders and stock?", "订单和库存用哪个 ERP？"),
    "ads": ("Where do the ad numbers come from?", "广告数据从哪里取？"),
    "finance": ("Where are the books kept?", "财务数据记在哪里？"),
    "bi": ("Which dashboard or BI tool, if any?", "用什么看板 / BI 工具？"),
    # review
    "review_now": ("Review cadence: {summary}", "复盘安排：{summary}"),
    "review_keep": ("Keep this review cadence?", "复盘节奏就按这个安排吗？"),
    "weekly_weekday": ("Weekly meeting: which day?", "周会：星期几开？"),
    "weekly_time": ("Weekly meeting: time (HH:MM)", "周会：几点开始（HH:MM）？"),
    "weekly_minutes": ("Weekly meeting: minutes", "周会：开多少分钟？"),
    "monthly_day": ("Monthly review: day of the month (1-28)", "月度复盘会：每月几号（1-28）？"),
    "monthly_time": ("Monthly review: time (HH:MM)", "月度复盘会：几点开始（HH:MM）？"),
    "monthly_minutes": ("Monthly review: minutes", "月度复盘会：开多少分钟？"),
    "quarterly_on": ("Hold a quarterly review of the KPI system itself? (recommended)",
                     "是否每季度复盘一次 KPI 体系本身？（建议保留）"),
    "quarterly_day": ("Quarterly review: day of the quarter's first month (1-28)",
                      "季度复盘会：每季度首月的几号（1-28）？"),
    "quarterly_time": ("Quarterly review: time (HH:MM)", "季度复盘会：几点开始（HH:MM）？"),
    "quarterly_minutes": ("Quarterly review: minutes", "季度复盘会：开多少分钟？"),
    "cadence": ("weekly {wd} {wt} ({wm} min), monthly on day {md} {mt} ({mm} min), {q}",
                "周会 {wd} {wt}（{wm} 分钟），月度复盘每月 {md} 日 {mt}（{mm} 分钟），{q}"),
    "cadence_q": ("quarterly on day {qd} {qt} ({qm} min)", "季度复盘每季度首月 {qd} 日 {qt}（{qm} 分钟）"),
    "cadence_no_q": ("no quarterly review", "不开季度复盘"),
    # incentives
    "linked_to_pay": ("Do KPI results feed into pay?", "KPI 结果是否与薪酬挂钩？"),
    "kpi_weight": ("Share of variable pay tied to KPIs (%, 0-100)",
                   "绩效工资中与 KPI 挂钩的比例（%，0-100）"),
    # summary and writing
    "summary": ("Summary", "汇总"),
    "next": ("What now?", "接下来？"),
    "write": ("Write {file}", "写入 {file}"),
    "change": ("Change: {section}", "修改：{section}"),
    "quit": ("Quit without writing", "放弃，不写入文件"),
    "problems": ("These answers need another look:", "以下回答需要再看一下："),
    "overwrite": ("{file} already exists. Overwrite it?", "{file} 已存在，要覆盖吗？"),
    "other_file": ("Write to which file instead? (Enter to quit without writing)",
                   "另存为哪个文件？（直接回车则不写入）"),
    "wrote": ("Wrote {file}. Next: linkstar validate {file} · linkstar generate {file}",
              "已写入 {file}。下一步：linkstar validate {file} · linkstar generate {file}"),
    "not_written": ("Nothing was written.", "没有写入任何文件。"),
    "required": ("an answer is needed here", "这一项必须填写"),
    "none": ("none", "无"),
    "all_platforms": ("all platforms", "全部平台"),
    "heading": ("{title}:", "{title}："),
    "sep": (", ", "、"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # summary labels
    "s_client": ("{name} ({slug}) · documents in {language} · {currency} · {timezone}",
                 "{name}（{slug}）· 文档语言 {language} · {currency} · {timezone}"),
    "s_scope": ("{level}, from {start}, goals per {horizon} · {stage} · {team} people{skus}",
                "{level}，{start} 起，目标周期：{horizon} · {stage} · {team} 人{skus}"),
    "s_skus": (" · {n} SKUs", " · {n} 个 SKU"),
    "s_categories": ("categories: {list}", "品类：{list}"),
    "s_goal": ("{kpi}: {target} by {by}{baseline}", "{kpi}：{by} 前达到 {target}{baseline}"),
    "s_baseline": (" (today {value})", "（当前 {value}）"),
    "s_platform": ("{name}: sites {sites}; fulfillment {fulfillment}",
                   "{name}：站点 {sites}；履约 {fulfillment}"),
    "s_role": ("{name}{title} × {n} on {platforms}", "{name}{title} × {n} 人，负责{platforms}"),
    "s_systems": ("ERP {erp} · ads {ads} · finance {finance} · BI {bi}",
                  "ERP：{erp} · 广告：{ads} · 财务：{finance} · 看板：{bi}"),
    "s_incentives": ("KPIs feed pay: {linked}, weight {weight} %",
                     "与薪酬挂钩：{linked}，占比 {weight}%"),
}

# Labels of the answers file's closed vocabularies that the documents do not name.
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "language": {"zh": ("Chinese (中文)", "中文"), "en": ("English", "英文（English）")},
    "fulfillment": {
        "fba": ("FBA (Fulfilled by Amazon)", "FBA（亚马逊物流）"),
        "fbm": ("FBM (merchant-fulfilled on Amazon)", "FBM（亚马逊卖家自配送）"),
        "platform_fulfillment": ("the platform's own fulfillment", "平台官方仓配"),
        "overseas_warehouse": ("overseas warehouse", "海外仓"),
        "self_ship": ("self-ship from China", "国内自发货"),
        "dropship": ("dropshipping", "代发货（Dropshipping）"),
    },
    "erp": {
        "none": ("none yet", "暂未使用 ERP"),
        **{erp: (b.en, b.zh) for erp, b in ERP_BRANDS.items()},
        "other": ("another ERP", "其他 ERP"),
    },
    "ads": {
        "platform_console": ("the platforms' ad consoles", "各平台广告后台"),
        "platform_api": ("the platforms' ad APIs", "平台广告 API 自动拉取"),
        "third_party_tool": ("a third-party ad tool", "第三方广告工具"),
    },
    "finance": {
        "spreadsheet": ("spreadsheets", "Excel 表格"),
        "erp": ("the ERP's finance module", "ERP 的财务模块"),
        "accounting_software": ("accounting software", "财务软件（如金蝶、用友）"),
    },
    "bi": {
        "none": ("none", "暂无"), "spreadsheet": ("spreadsheets", "Excel 表格"),
        "metabase": ("Metabase", "Metabase"), "superset": ("Superset", "Superset"),
        "grafana": ("Grafana", "Grafana"), "powerbi": ("Power BI", "Power BI"),
        "looker_studio": ("Looker Studio", "Looker Studio"),
        "feishu": ("Feishu (Lark) Base", "飞书多维表格"),
    },
    "unit": {
        "ratio": ("a rate", "比率"), "currency": ("money, {currency}", "金额，{currency}"),
        "count": ("a count", "数量"), "days": ("days", "天"), "hours": ("hours", "小时"),
        "score": ("a score", "分值"), "times": ("times", "次数"),
        "money_per_unit": ("{currency} per unit", "每件 {currency}"),
    },
}


class Texts:
    """The questionnaire's words in one language."""

    def __init__(self, lang: str) -> None:
        from ..kit.labels import labels

        self.lang = lang
        self._i = 1 if lang == "zh" else 0
        self._labels = labels(lang)

    def __call__(self, key: str, **fmt: Any) -> str:
        text = _T[key][self._i]
        return text.format(**fmt) if fmt else text

    def value(self, kind: str, value: str, **fmt: Any) -> str:
        """A closed-vocabulary value as a person reads it (stage, weekday, ERP ...)."""
        pair = _VALUES.get(kind, {}).get(value)
        if pair is not None:
            return pair[self._i].format(**fmt) if fmt else pair[self._i]
        if kind == "weekday":
            return str(self._labels["weekdays"].get(value, value))
        return str(self._labels.get(value, value))
