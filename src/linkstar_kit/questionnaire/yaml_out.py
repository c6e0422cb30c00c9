"""The answers file the questionnaire writes: `dump_answers`' YAML with a comment on each field.

The values and their layout come from `answers.dump.dump_answers` (the same normalised form a
kit's answers.yaml has), so what `init` writes loads back unchanged; this module only adds the
comments, in the questionnaire's language. Closed vocabularies in the comments are read from
the answers models, never listed twice.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..answers.dump import dump_answers, yaml_text
from ..answers.models import Answers, Client, PlatformEntry, Scope, Systems
from ..library.loader import Library
from .flow import choices_of

COLUMN = 44

_C: dict[str, tuple[str, str]] = {
    "header": (
        "linkstar-kit answers (format version 1), written by `linkstar init`.\n"
        "Check it: linkstar validate {file}\n"
        "Build the KPI kit: linkstar generate {file}\n"
        "Amend it question by question: linkstar init --from {file} -o {file}",
        "linkstar-kit 问卷答案（格式版本 1），由 `linkstar init` 生成。\n"
        "检查：linkstar validate {file}\n"
        "生成 KPI 套件：linkstar generate {file}\n"
        "逐题修改：linkstar init --from {file} -o {file}"),
    "version": ("answers format version, always 1", "答案文件格式版本，固定为 1"),
    "client": ("Who the kit is for.", "客户信息。"),
    "client.name": ("shown on every document", "显示在每份文档上"),
    "client.slug": ("names the kit folder and files: a-z, 0-9, -",
                    "用作文件夹和文件名：a-z、0-9、-"),
    "client.language": ("{v}: language of the documents", "{v}：生成文档的语言"),
    "client.currency": ("ISO 4217 code of money targets", "金额目标的币种（ISO 4217）"),
    "client.timezone": ("IANA name: meeting times, calendars", "IANA 时区：会议时间与日历"),
    "scope": ("What the KPI system covers (step 1 of the method).",
              "KPI 体系覆盖的范围（方法第 1 步）。"),
    "scope.level": ("{v}", "{v}"),
    "scope.name": ("the business unit or project", "事业部或项目名称"),
    "scope.start": ("first day the KPI system runs", "KPI 体系启用的第一天"),
    "scope.horizon": ("{v}: period of the top goals", "{v}：顶层目标的周期"),
    "stage": ("{v}", "{v}"),
    "team_size": ("people in scope", "范围内的人数"),
    "sku_count": ("active SKUs", "在售 SKU 数"),
    "categories": ("product categories (library ids)", "主营品类（指标库中的 id）"),
    "platforms": ("Where the team sells: one entry per platform.",
                  "销售平台：每个平台一项。"),
    "platforms.sites": ("market codes (ISO 3166-1 alpha-2)", "站点代码（ISO 3166-1 两位字母）"),
    "platforms.fulfillment": ("any of {v}", "可选：{v}"),
    "goals": ("SMART top goals (step 2): a KPI, a number, a date.\n"
              "Rates are fractions: 0.15 means 15 %.",
              "SMART 顶层目标（方法第 2 步）：一个指标、一个数值、一个日期。\n"
              "比率写小数：0.15 表示 15%。"),
    "goals.target": ("{v}", "{v}"),
    "goals.by": ("on or after scope.start", "不早于 scope.start"),
    "goals.baseline": ("where it stands today", "目前的水平"),
    "roles": ("The roles in scope (step 3): each gets 3-5 KPIs linked to the goals.\n"
              "Optional per role: kpi_count (3-5), pin (KPIs the client insists on),\n"
              "exclude (KPIs the client rejects).",
              "范围内的岗位（方法第 3 步）：每个岗位 3-5 个与目标挂钩的 KPI。\n"
              "每个岗位还可写：kpi_count（3-5 个）、pin（客户坚持要的 KPI）、\n"
              "exclude（客户不要的 KPI）。"),
    "roles.key": ("names the role card's file", "岗位卡片的文件名"),
    "roles.title": ("the client's own job title", "公司内部的岗位叫法"),
    "roles.headcount": ("people in this role", "该岗位人数"),
    "roles.platforms": ("the platforms this role works on", "该岗位负责的平台"),
    "roles.kpi_count": ("3 to 5", "3 到 5 个"),
    "roles.pin": ("KPIs the client insists on", "客户坚持要的 KPI"),
    "roles.exclude": ("KPIs the client rejects", "客户不要的 KPI"),
    "systems": ("Where the numbers come from (step 4).", "数据从哪里来（方法第 4 步）。"),
    "systems.erp": ("{v}", "{v}"),
    "systems.ads": ("{v}", "{v}"),
    "systems.finance": ("{v}", "{v}"),
    "systems.bi": ("{v}", "{v}"),
    "review": ("Meeting cadence (step 5); `quarterly: false` opts out of the quarterly review.",
               "复盘节奏（方法第 5 步）；`quarterly: false` 表示不开季度复盘。"),
    "review.weekly": ("progress meeting", "周会：跟进进度"),
    "review.monthly": ("review of deviations; day 1-28", "月度复盘：分析偏差；日期 1-28"),
    "review.quarterly": ("do the KPIs still fit? day of the quarter's 1st month",
                         "季度复盘：KPI 是否仍合适；每季度首月的日期"),
    "incentives": ("Incentives (step 6).", "激励机制（方法第 6 步）。"),
    "incentives.linked_to_pay": ("do KPI results feed pay?", "KPI 结果是否与薪酬挂钩"),
    "incentives.kpi_weight_percent": ("share of variable pay tied to KPIs, 0-100",
                                      "绩效工资中与 KPI 挂钩的比例，0-100"),
}

_UNIT = {
    "ratio": ("{name}: a rate, 0.15 = 15 %", "{name}：比率，0.15 = 15%"),
    "currency": ("{name}: {currency}", "{name}：金额（{currency}）"),
    "money_per_unit": ("{name}: {currency} per unit", "{name}：每件金额（{currency}）"),
}


def _bar(values: list[Any]) -> str:
    return " | ".join(str(v) for v in values)


def commented_yaml(answers: Answers, library: Library, lang: str, file: str) -> str:
    """The answers as YAML with a comment on each field, in `lang`."""
    from ruamel.yaml import YAML

    i = 1 if lang == "zh" else 0

    def c(key: str, **fmt: Any) -> str:
        text = _C[key][i]
        return text.format(**fmt) if fmt else text

    vocab = {
        "client.language": _bar(choices_of(Client, "language")),
        "scope.level": _bar(choices_of(Scope, "level")),
        "scope.horizon": _bar(choices_of(Scope, "horizon")),
        "stage": _bar(choices_of(Answers, "stage")),
        "platforms.fulfillment": ", ".join(choices_of(PlatformEntry, "fulfillment")),
        **{f"systems.{n}": _bar(choices_of(Systems, n)) for n in ("erp", "ads", "finance", "bi")},
    }

    y = YAML(typ="rt")
    y.preserve_quotes = True
    doc = y.load(dump_answers(answers))
    doc.ca.comment = None
    doc.yaml_set_start_comment(c("header", file=file))

    def eol(mapping: Any, key: str, text: str) -> None:
        if key in mapping and text:
            # ruamel counts characters; a CJK character takes two columns on screen.
            value = mapping[key]
            wide = sum(1 for ch in value if unicodedata.east_asian_width(ch) in "WF") \
                if isinstance(value, str) else 0
            mapping.yaml_add_eol_comment(text, key, column=COLUMN - wide)

    def fields(mapping: Any, prefix: str) -> None:
        for key in list(mapping):
            name = f"{prefix}.{key}" if prefix else str(key)
            if name in _C and name not in ("client", "scope", "platforms", "goals", "roles",
                                           "systems", "review", "incentives"):
                eol(mapping, key, c(name, v=vocab.get(name, "")))

    for key in ("client", "scope", "platforms", "goals", "roles", "systems", "review",
                "incentives"):
        if key in doc:
            doc.yaml_set_comment_before_after_key(key, before=c(key), indent=0)
    fields(doc, "")
    for key in ("client", "scope", "systems", "review", "incentives"):
        if key in doc and hasattr(doc[key], "items"):
            fields(doc[key], key)

    def name_of(table: dict[str, Any], ident: str) -> str:
        rec = table.get(ident)
        return rec.name.get(lang) if rec is not None else ""

    for n, p in enumerate(doc.get("platforms") or []):
        eol(p, "id", name_of(library.platforms, p["id"]))
        if n == 0:
            for key in ("sites", "fulfillment"):
                eol(p, key, c(f"platforms.{key}", v=vocab.get(f"platforms.{key}", "")))
    currency = answers.client.currency
    for n, g in enumerate(doc.get("goals") or []):
        kpi = library.kpis.get(g["kpi"])
        name = kpi.name.get(lang) if kpi is not None else ""
        eol(g, "kpi", name)
        if kpi is not None and kpi.unit in _UNIT:
            eol(g, "target", _UNIT[kpi.unit][i].format(name=name, currency=currency))
        if n == 0:
            eol(g, "by", c("goals.by"))
            eol(g, "baseline", c("goals.baseline"))
    for n, r in enumerate(doc.get("roles") or []):
        eol(r, "role", name_of(library.roles, r["role"]))
        if n == 0:
            for key in ("key", "title", "headcount", "platforms", "kpi_count", "pin", "exclude"):
                eol(r, key, c(f"roles.{key}"))
    return yaml_text(doc)
