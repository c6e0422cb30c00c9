"""The answers file (spec/answers.md): loader, positioned errors, library checks, dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkstar_kit.answers import (
    Answers,
    check_answers,
    dump_answers,
    load_answers,
    normalise_answers,
    parse_answers,
)
from linkstar_kit.errors import InputError
from linkstar_kit.library.loader import Library, load_library

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Line numbers below refer to this text: keep its lines where they are.
BASE = """\
version: 1
client:
  name: Acme Trading
scope:
  level: company
  start: 2026-01-05
stage: growth
team_size: 10
platforms:
  - id: amazon
    sites: [US]
    fulfillment: [fba]
  - id: shopee
goals:
  - kpi: net_margin
    target: 0.15
    by: 2026-09-30
roles:
  - role: operations
  - role: customer_service
"""

BASE_JSON = """\
{
  "version": 1,
  "client": {"name": "Acme Trading"},
  "scope": {"level": "company", "start": "2026-01-05"},
  "stage": "growth",
  "team_size": 10,
  "platforms": [
    {"id": "amazon", "sites": ["US"], "fulfillment": ["fba"]},
    {"id": "shopee"}
  ],
  "goals": [{"kpi": "net_margin", "target": 0.15, "by": "2026-09-30"}],
  "roles": [{"role": "operations"}, {"role": "customer_service"}]
}
"""


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def problems(text: str, lib: Library, *, json_syntax: bool = False) -> list[str]:
    """The rendered issues of an invalid answers text (fails when the text is valid)."""
    name = "a.json" if json_syntax else "a.yaml"
    with pytest.raises(InputError) as info:
        parse_answers(text, name, lib, json_syntax=json_syntax)
    assert info.value.title == "invalid answers"
    return [i.render() for i in info.value.issues]


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- valid files ----------------------------------------------------------------------------


def test_base_loads_with_defaults_filled_in(lib: Library) -> None:
    a = parse_answers(BASE, "a.yaml", lib)
    assert a.client.slug == "acme-trading"
    assert a.client.language == "en" and a.client.currency == "USD" and a.client.timezone == "UTC"
    assert a.scope.horizon == "quarter"
    assert [r.key for r in a.roles] == ["operations", "customer-service"]
    assert [r.platforms for r in a.roles] == [["amazon", "shopee"], ["amazon", "shopee"]]
    assert a.review.weekly.weekday == "monday" and a.review.quarterly
    assert a.systems.erp == "none" and a.incentives.linked_to_pay is False


def test_json_and_yaml_give_the_same_answers(lib: Library) -> None:
    assert parse_answers(BASE_JSON, "a.json", lib, json_syntax=True) == parse_answers(
        BASE, "a.yaml", lib)


@pytest.mark.parametrize("name", ["amazon-us.yaml", "amazon-us.json", "shopee-tiktok.yaml",
                                  "multi-platform-30.yaml"])
def test_examples_load_cleanly(lib: Library, name: str) -> None:
    a = load_answers(EXAMPLES / name, lib)
    assert a.version == 1


def test_the_json_example_is_the_yaml_example(lib: Library) -> None:
    assert load_answers(EXAMPLES / "amazon-us.json", lib) == load_answers(
        EXAMPLES / "amazon-us.yaml", lib)


def test_examples_cover_what_they_promise(lib: Library) -> None:
    us = load_answers(EXAMPLES / "amazon-us.yaml", lib)
    assert us.scope.level == "business_unit" and us.client.language == "zh"
    assert [(g.kpi, g.target) for g in us.goals] == [("net_margin", 0.15)]
    assert us.roles[0].role == "operations" and us.roles[0].pin == ["acos"]
    assert {r.role for r in us.roles} == {"operations", "purchasing", "customer_service"}

    sea = load_answers(EXAMPLES / "shopee-tiktok.yaml", lib)
    assert {r.role for r in sea.roles} >= {"social_media", "content_design"}
    assert {(p.id, tuple(p.sites)) for p in sea.platforms} == {
        ("shopee", ("SG", "MY", "PH")), ("tiktok_shop", ("MY", "TH", "US"))}

    big = load_answers(EXAMPLES / "multi-platform-30.yaml", lib)
    assert big.team_size >= 30 and len(big.roles) >= 10
    assert {r.role for r in big.roles} == set(lib.roles)
    ops = [r for r in big.roles if r.role == "operations"]
    assert len(ops) == 2 and ops[0].key != ops[1].key and ops[0].platforms != ops[1].platforms
    assert big.systems.erp == "lingxing" and big.systems.bi != "none"
    assert big.incentives.linked_to_pay and big.client.language == "en"


def test_quarterly_false_opts_out(lib: Library) -> None:
    a = parse_answers(BASE + "review:\n  quarterly: false\n", "a.yaml", lib)
    assert a.review.quarterly is False


def test_pin_of_a_kpi_the_library_does_not_give_the_role_is_allowed(lib: Library) -> None:
    # ACoS is not a customer-service KPI in the library, but a consultant may insist.
    assert "customer_service" not in lib.kpis["acos"].roles
    text = edit("  - role: customer_service\n", "  - role: customer_service\n    pin: [acos]\n")
    assert parse_answers(text, "a.yaml", lib).roles[1].pin == ["acos"]


def test_derived_role_keys_do_not_clash(lib: Library) -> None:
    text = edit("  - role: customer_service\n",
                "  - role: operations\n  - role: operations\n    key: operations-2\n")
    keys = [r.key for r in parse_answers(text, "a.yaml", lib).roles]
    assert keys == ["operations", "operations-3", "operations-2"]


def test_goal_on_the_start_day_and_ratio_bounds_are_allowed(lib: Library) -> None:
    text = edit("    target: 0.15\n    by: 2026-09-30\n",
                "    target: 1\n    by: 2026-01-05\n    baseline: 0\n")
    assert parse_answers(text, "a.yaml", lib).goals[0].target == 1


def test_a_count_goal_is_not_a_rate(lib: Library) -> None:
    assert lib.kpis["inventory_turnover"].unit != "ratio"
    text = edit("  - kpi: net_margin\n    target: 0.15\n",
                "  - kpi: inventory_turnover\n    target: 6\n")
    assert parse_answers(text, "a.yaml", lib).goals[0].target == 6


# --- reading the file -----------------------------------------------------------------------


def test_yaml_syntax_error(lib: Library) -> None:
    assert problems("version: 1\nclient: [a\n", lib) == [
        "a.yaml:3:1: (top level): not valid YAML: expected ',' or ']', but got '<stream end>'"]


def test_json_syntax_error(lib: Library) -> None:
    assert problems('{\n  "version": 1,\n}\n', lib, json_syntax=True) == [
        "a.json:3:1: (top level): not valid JSON: Expecting property name enclosed in "
        "double quotes"]


def test_duplicate_key_yaml(lib: Library) -> None:
    text = edit("stage: growth\n", "stage: growth\nstage: mature\n")
    assert problems(text, lib) == [
        'a.yaml:8:1: (top level): not valid YAML: found duplicate key "stage" with value '
        '"mature" (original value: "growth")']


def test_duplicate_key_json(lib: Library) -> None:
    text = edit('"stage": "growth",', '"stage": "growth", "stage": "mature",', BASE_JSON)
    assert problems(text, lib, json_syntax=True) == [
        'a.json:5:22: (top level): not valid JSON: found duplicate key "stage" with value '
        '"mature" (original value: "growth")']


def test_yaml_tags_that_build_objects_are_refused(lib: Library) -> None:
    text = edit("  name: Acme Trading\n", "  name: !!python/object/apply:os.system [echo]\n")
    assert problems(text, lib) == [
        "a.yaml:3:9: client.name: YAML tag `!!python/object/apply:os.system` is not allowed: "
        "only plain data is read"]


def test_impossible_calendar_date_in_yaml(lib: Library) -> None:
    # the real key path, as in JSON, and the file's other problems still reported
    text = edit("    by: 2026-09-30\n", "    by: 2026-09-31\n")
    text = edit("stage: growth\n", "stage: grow\n", text)
    assert problems(text, lib) == [
        "a.yaml:7:8: stage: expected one of launch, growth, mature, turnaround; got 'grow' "
        "(did you mean `growth`?)",
        "a.yaml:17:9: goals[0].by: not a valid date: day value is outside expected range; "
        "got '2026-09-31'"]


def test_impossible_calendar_date_in_json(lib: Library) -> None:
    text = edit('"by": "2026-09-30"', '"by": "2026-09-31"', BASE_JSON)
    assert problems(text, lib, json_syntax=True) == [
        "a.json:11:57: goals[0].by: not a valid date: day value is outside expected range; "
        "got '2026-09-31'"]


@pytest.mark.parametrize(("text", "expected"), [
    ("", "a.yaml:1:1: (top level): the file is empty: expected the answers as a mapping "
         "(version, client, scope, stage, ...)"),
    ("# only a comment\n", "a.yaml:1:1: (top level): the file is empty: expected the answers "
                           "as a mapping (version, client, scope, stage, ...)"),
    ("- version: 1\n", "a.yaml:1:1: (top level): expected the answers as a mapping (version, "
                       "client, scope, stage, ...), got a list"),
    ("hello\n", "a.yaml:1:1: (top level): expected the answers as a mapping (version, client, "
                "scope, stage, ...), got 'hello'"),
    ("version: 2\nclient: nonsense\n", "a.yaml:1:10: version: unsupported answers format "
                                       "version 2: this linkstar-kit reads version 1"),
])
def test_odd_documents(lib: Library, text: str, expected: str) -> None:
    assert problems(text, lib) == [expected]


def test_odd_json_documents(lib: Library) -> None:
    assert problems("[]", lib, json_syntax=True) == [
        "a.json:1:1: (top level): expected the answers as a mapping (version, client, scope, "
        "stage, ...), got a list"]
    assert problems('"x"', lib, json_syntax=True) == [
        "a.json:1:1: (top level): expected the answers as a mapping (version, client, scope, "
        "stage, ...), got 'x'"]


def test_version_as_text_and_missing_version(lib: Library) -> None:
    assert problems(edit("version: 1\n", "version: '1'\n"), lib) == [
        "a.yaml:1:10: version: expected the number 1, got '1' (write `version: 1`)"]
    assert problems(edit("version: 1\n", "# no version\n"), lib) == [
        "a.yaml:2:1: version: missing required key `version` (add `version: 1` at the top "
        "of the file)"]


def test_keys_that_are_not_text(lib: Library) -> None:
    text = edit("  name: Acme Trading\n", "  name: Acme Trading\n  ~: 1\n") + "2026: x\n"
    assert problems(text, lib) == [
        "a.yaml:4:3: client.null: unknown key `null`",
        "a.yaml:22:1: 2026: unknown key `2026`",
    ]


def test_missing_required_keys(lib: Library) -> None:
    assert problems("version: 1\nclient: {}\n", lib) == [
        "a.yaml:1:1: goals: missing required key `goals`",
        "a.yaml:1:1: platforms: missing required key `platforms`",
        "a.yaml:1:1: roles: missing required key `roles`",
        "a.yaml:1:1: scope: missing required key `scope`",
        "a.yaml:1:1: stage: missing required key `stage`",
        "a.yaml:1:1: team_size: missing required key `team_size`",
        "a.yaml:2:9: client.name: missing required key `name`",
    ]


def test_a_string_where_a_mapping_or_list_is_expected(lib: Library) -> None:
    text = edit("client:\n  name: Acme Trading\n", "client: Acme Trading\n# (line kept)\n")
    text = edit("  - role: operations\n", "  - role: operations\n    platforms: amazon\n", text)
    text = edit("  - id: shopee\n", "  - shopee\n", text)
    assert problems(text, lib) == [
        "a.yaml:2:9: client: expected a mapping, got 'Acme Trading' (write `{name: Acme "
        "Trading}`)",
        "a.yaml:13:5: platforms[1]: expected a mapping, got 'shopee' (write `{id: shopee}`)",
        "a.yaml:20:16: roles[0].platforms: expected a list, got 'amazon' (write `[amazon]`)",
    ]


def test_load_answers_reads_files_by_suffix(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BASE_JSON, encoding="utf-8")
    (tmp_path / "a.yml").write_text(BASE, encoding="utf-8")
    assert load_answers(tmp_path / "a.json", lib) == load_answers(tmp_path / "a.yml", lib)
    with pytest.raises(InputError) as info:
        load_answers(tmp_path / "missing.yaml", lib)
    assert info.value.title == "invalid answers"
    assert info.value.issues[0].message == "file not found"


def test_json_non_bmp_characters_survive(lib: Library) -> None:
    data = json.loads(BASE_JSON)
    data["client"]["name"] = "Acme 🚀 Trading"
    a = parse_answers(json.dumps(data), "a.json", lib, json_syntax=True)  # ensure_ascii escapes
    assert a.client.name == "Acme 🚀 Trading"


# --- shape errors (the models) --------------------------------------------------------------


def test_unknown_keys_with_did_you_mean(lib: Library) -> None:
    text = edit("stage: growth\n", "stgae: growth\n")
    text = edit("  name: Acme Trading\n", "  nmae: Acme Trading\n", text)
    text = edit("  - role: customer_service\n", "  - role: customer_service\n    pinn: [acos]\n",
                text)
    text += "review:\n  weekly: {weekday: monday, tmie: \"10:00\"}\nextra: 1\n"
    assert problems(text, lib) == [
        "a.yaml:1:1: stage: missing required key `stage`",
        "a.yaml:3:3: client.name: missing required key `name`",
        "a.yaml:3:3: client.nmae: unknown key `nmae` (did you mean `name`?)",
        "a.yaml:7:1: stgae: unknown key `stgae` (did you mean `stage`?)",
        "a.yaml:21:5: roles[1].pinn: unknown key `pinn` (did you mean `pin`?)",
        "a.yaml:23:29: review.weekly.tmie: unknown key `tmie` (did you mean `time`?)",
        "a.yaml:24:1: extra: unknown key `extra`",
    ]


def test_enum_values_list_what_is_allowed(lib: Library) -> None:
    text = edit("stage: growth\n", "stage: grwoth\n")
    text = edit("    fulfillment: [fba]\n", "    fulfillment: [fbb]\n", text)
    text = edit("  level: company\n", "  level: Company\n", text)
    assert problems(text, lib) == [
        "a.yaml:5:10: scope.level: expected one of company, business_unit, project; got "
        "'Company' (did you mean `company`?)",
        "a.yaml:7:8: stage: expected one of launch, growth, mature, turnaround; got 'grwoth' "
        "(did you mean `growth`?)",
        "a.yaml:12:19: platforms[0].fulfillment[0]: expected one of fba, fbm, "
        "platform_fulfillment, overseas_warehouse, self_ship, dropship; got 'fbb' "
        "(did you mean `fbm` or `fba`?)",
    ]


def test_slugs_keys_sites_currency_and_times_are_refused_not_sanitised(lib: Library) -> None:
    text = edit("  name: Acme Trading\n", "  name: Acme Trading\n  slug: Acme_Trading\n")
    text = edit("    sites: [US]\n", "    sites: [us]\n", text)
    text = edit("  - role: operations\n", "  - role: operations\n    key: Ops Amazon\n", text)
    text += "review:\n  monthly: {time: 9:00}\n"
    assert problems(text, lib) == [
        "a.yaml:4:9: client.slug: must be 1 to 64 characters of a-z, 0-9 and `-` (it names "
        "files); got 'Acme_Trading' (did you mean `acme-trading`?)",
        "a.yaml:12:13: platforms[0].sites[0]: must be a two-letter ISO 3166-1 market code in "
        "capitals, such as `US`; got 'us' (did you mean `US`?)",
        "a.yaml:21:10: roles[0].key: must be 1 to 64 characters of a-z, 0-9 and `-` (it names "
        "files); got 'Ops Amazon' (did you mean `ops-amazon`?)",
        "a.yaml:24:19: review.monthly.time: must be a 24-hour time as HH:MM, such as "
        "\"10:00\"; got '9:00' (did you mean \"09:00\"?)",
    ]


def test_dates_in_the_wrong_format(lib: Library) -> None:
    text = edit("  start: 2026-01-05\n", "  start: 2026/1/5\n")
    text = edit("    by: 2026-09-30\n", "    by: 2026-09-30 18:00:00\n", text)
    text = edit("  - kpi: net_margin\n", "  - kpi: gmv\n    target: 1\n    by: 20261231\n"
                "  - kpi: net_margin\n", text)
    assert problems(text, lib) == [
        "a.yaml:6:10: scope.start: expected a date as YYYY-MM-DD, got '2026/1/5' (did you "
        "mean `2026-01-05`?)",
        "a.yaml:17:9: goals[0].by: expected a date as YYYY-MM-DD, got 20261231 (did you mean "
        "`2026-12-31`?)",
        "a.yaml:20:9: goals[1].by: expected a date as YYYY-MM-DD, got a date and time (did "
        "you mean `2026-09-30`?)",
    ]


def test_quarterly_true_is_refused(lib: Library) -> None:
    assert problems(BASE + "review:\n  quarterly: true\n", lib) == [
        "a.yaml:22:14: review.quarterly: expected a mapping (day, time, minutes), or `false` "
        "to opt out of the quarterly review, got true"]
    assert problems(BASE + "review:\n  quarterly: no\n", lib) == [
        "a.yaml:22:14: review.quarterly: expected a mapping (day, time, minutes), or `false` "
        "to opt out of the quarterly review, got 'no' (write `false`: YAML reads `no` and "
        "`off` as text)"]
    assert problems(BASE + "review:\n  quarterly: {dya: 3}\n", lib) == [
        "a.yaml:22:15: review.quarterly.dya: unknown key `dya` (did you mean `day`?)"]


def test_numbers(lib: Library) -> None:
    text = edit("team_size: 10\n", "team_size: true\n")
    text = edit("    target: 0.15\n", "    target: 15%\n", text)
    text = edit("  - role: operations\n", "  - role: operations\n    kpi_count: 6\n", text)
    text = edit("  - role: customer_service\n", "  - role: customer_service\n"
                "    headcount: 0\n", text)
    assert problems(text, lib) == [
        "a.yaml:8:12: team_size: expected a number, got true",
        "a.yaml:16:13: goals[0].target: expected a number, got '15%' (rates are fractions: "
        "did you mean 0.15?)",
        "a.yaml:20:16: roles[0].kpi_count: input should be less than or equal to 5, got 6",
        "a.yaml:22:16: roles[1].headcount: input should be greater than or equal to 1, got 0",
    ]


def test_time_zone_with_did_you_mean(lib: Library) -> None:
    text = edit("  name: Acme Trading\n", "  name: Acme Trading\n  timezone: Asia/Shangai\n")
    assert problems(text, lib) == [
        "a.yaml:4:13: client.timezone: unknown IANA time zone 'Asia/Shangai' (did you mean "
        "`Asia/Shanghai` or `Asia/Khandyga`?)"]


def test_empty_lists_that_need_an_entry(lib: Library) -> None:
    text = edit("roles:\n  - role: operations\n  - role: customer_service\n", "roles: []\n")
    assert problems(text, lib) == ["a.yaml:18:8: roles: needs at least one entry"]


# --- library and whole-file checks ----------------------------------------------------------


def test_unknown_ids_with_did_you_mean(lib: Library) -> None:
    text = edit("  - id: shopee\n", "  - id: tiktokshop\n")
    text = edit("  - kpi: net_margin\n", "  - kpi: net_margn\n", text)
    text = edit("  - role: customer_service\n", "  - role: customer_servce\n"
                "    pin: [acoss]\n", text)
    text += "categories: [electornics]\n"
    assert problems(text, lib) == [
        "a.yaml:13:9: platforms[1].id: unknown platform `tiktokshop` (did you mean "
        "`tiktok_shop`?)",
        "a.yaml:15:10: goals[0].kpi: unknown KPI `net_margn` (did you mean `net_margin`?)",
        "a.yaml:20:11: roles[1].role: unknown role `customer_servce` (did you mean "
        "`customer_service`?)",
        "a.yaml:21:11: roles[1].pin[0]: unknown KPI `acoss` (did you mean `acos` or `tacos`?)",
        "a.yaml:22:14: categories[0]: unknown category `electornics` (did you mean "
        "`electronics`?)",
    ]


def test_unknown_ids_in_json(lib: Library) -> None:
    text = edit('{"id": "shopee"}', '{"id": "shoppe"}', BASE_JSON)
    text = edit('"target": 0.15', '"target": 15', text)
    assert problems(text, lib, json_syntax=True) == [
        "a.json:9:12: platforms[1].id: unknown platform `shoppe` (did you mean `shopee` or "
        "`shopify`?)",
        "a.json:11:45: goals[0].target: `net_margin` is a signed rate: target must be a "
        "fraction in [-1, 10] (-0.12 means a 12 % fall), got 15 (did you mean 0.15?)",
    ]


def test_duplicate_platform(lib: Library) -> None:
    text = edit("  - id: shopee\n", "  - id: amazon\n")
    assert problems(text, lib) == [
        "a.yaml:13:9: platforms[1].id: platform `amazon` is listed twice (first at "
        "platforms[0]; list all its sites and fulfillment models in one entry)"]


def test_role_platforms_must_be_the_files(lib: Library) -> None:
    text = edit("  - role: operations\n", "  - role: operations\n    platforms: [amazn, lazada]\n")
    assert problems(text, lib) == [
        "a.yaml:20:17: roles[0].platforms[0]: platform `amazn` is not one of the file's "
        "platforms (amazon, shopee) (did you mean `amazon`?)",
        "a.yaml:20:24: roles[0].platforms[1]: platform `lazada` is not one of the file's "
        "platforms (amazon, shopee) (add `lazada` under `platforms` at the top of the file "
        "first)",
    ]


def test_pin_that_cannot_apply_on_the_roles_platforms(lib: Library) -> None:
    assert lib.kpis["order_defect_rate"].platforms == ["amazon"]
    text = edit("  - role: customer_service\n", "  - role: customer_service\n"
                "    platforms: [shopee]\n    pin: [order_defect_rate]\n"
                "    exclude: [ipi_score]\n")
    assert problems(text, lib) == [
        "a.yaml:22:11: roles[1].pin[0]: KPI `order_defect_rate` cannot apply to this role: it "
        "is measured only on amazon; the role covers shopee (add `amazon` to this role's "
        "`platforms`)",
        "a.yaml:23:15: roles[1].exclude[0]: KPI `ipi_score` cannot apply to this role: it is "
        "measured only on amazon and needs fulfillment fba; the role covers shopee (add "
        "`amazon` to this role's `platforms`)",
    ]


def test_pin_that_needs_another_fulfillment_model(lib: Library) -> None:
    text = edit("    fulfillment: [fba]\n", "    fulfillment: [fbm]\n")
    text = edit("  - role: operations\n", "  - role: operations\n    platforms: [amazon]\n"
                "    pin: [ipi_score]\n", text)
    assert problems(text, lib) == [
        "a.yaml:21:11: roles[0].pin[0]: KPI `ipi_score` cannot apply to this role: it is "
        "measured only on amazon and needs fulfillment fba; the role covers amazon (fbm)"]


def test_pin_and_exclude_rules(lib: Library) -> None:
    text = edit("  - role: operations\n", "  - role: operations\n"
                "    pin: [acos, ctr, cpc, roas, gmv, sessions]\n    exclude: [acos]\n")
    text = edit("  - role: customer_service\n", "  - role: customer_service\n"
                "    kpi_count: 3\n    pin: [return_rate, refund_rate, csat_score, review_rating]\n"
                "    exclude: [acos, acos]\n", text)
    assert problems(text, lib) == [
        "a.yaml:20:10: roles[0].pin: 6 pinned KPIs, at most 5 (a role holds 3 to 5 KPIs; pin "
        "the few the client insists on)",
        "a.yaml:21:15: roles[0].exclude[0]: KPI `acos` is both pinned and excluded (remove it "
        "from `pin` or from `exclude`)",
        "a.yaml:24:10: roles[1].pin: 4 pinned KPIs but kpi_count is 3 (raise `kpi_count` or "
        "pin fewer KPIs)",
        "a.yaml:25:21: roles[1].exclude[1]: KPI `acos` is listed twice (first at "
        "roles[1].exclude[0])",
    ]


def test_role_keys_must_be_unique(lib: Library) -> None:
    text = edit("  - role: operations\n", "  - role: operations\n    key: ops\n")
    text = edit("  - role: customer_service\n", "  - role: customer_service\n    key: ops\n",
                text)
    assert problems(text, lib) == [
        "a.yaml:22:10: roles[1].key: role key `ops` is used twice (also by roles[0]; keys name "
        "the role cards' files, so give each entry its own `key`)"]


def test_scope_name_required_unless_company(lib: Library) -> None:
    text = edit("  level: company\n", "  level: business_unit\n")
    assert problems(text, lib) == [
        "a.yaml:5:3: scope.name: missing required key `name` (a scope of level "
        "`business_unit` needs a name, e.g. \"Amazon US BU\")"]


def test_goal_rules(lib: Library) -> None:
    text = edit("    by: 2026-09-30\n", "    by: 2025-12-31\n    baseline: 90\n"
                "  - kpi: net_margin\n    target: 150\n    by: 2026-12-31\n")
    assert problems(text, lib) == [
        "a.yaml:17:9: goals[0].by: goal date 2025-12-31 is before scope.start 2026-01-05 (a "
        "goal must fall on or after the first day the KPI system runs)",
        "a.yaml:18:15: goals[0].baseline: `net_margin` is a signed rate: baseline must be a "
        "fraction in [-1, 10] (-0.12 means a 12 % fall), got 90 (did you mean 0.9?)",
        "a.yaml:19:10: goals[1].kpi: KPI `net_margin` already has a goal (first at goals[0]; "
        "keep one goal per KPI)",
        "a.yaml:20:13: goals[1].target: `net_margin` is a signed rate: target must be a "
        "fraction in [-1, 10] (-0.12 means a 12 % fall), got 150",
    ]


def test_percent_hint(lib: Library) -> None:
    text = edit("    target: 0.15\n", "    target: 15\n")
    [issue] = problems(text, lib)
    assert issue.endswith("got 15 (did you mean 0.15?)")
    text = edit("    target: 0.15\n", "    target: 12.5\n")
    assert problems(text, lib)[0].endswith("got 12.5 (did you mean 0.125?)")


def test_every_error_at_once_sorted_by_line(lib: Library) -> None:
    # Shape errors (a bad date, an enum) and library errors (an unknown platform, a ratio, an
    # unknown pin) in one file: all reported, in file order.
    text = edit("  start: 2026-01-05\n", "  start: 05.01.2026\n")
    text = edit("stage: growth\n", "stage: growing\n", text)
    text = edit("  - id: shopee\n", "  - id: shopeee\n", text)
    text = edit("    target: 0.15\n", "    target: 15\n", text)
    text = edit("  - role: customer_service\n", "  - role: customer_service\n"
                "    pin: [odr]\n", text)
    found = problems(text, lib)
    assert [line.split(": ")[0] for line in found] == [
        "a.yaml:6:10", "a.yaml:7:8", "a.yaml:13:9", "a.yaml:16:13", "a.yaml:21:11"]
    assert found[2].endswith("unknown platform `shopeee` (did you mean `shopee`?)")


def test_check_answers_without_a_document(lib: Library) -> None:
    # The questionnaire checks what it has built, with no file behind it.
    a = parse_answers(BASE, "a.yaml", lib)
    assert check_answers(a, lib) == []
    bad = a.model_copy(update={"roles": [a.roles[0].model_copy(update={"pin": ["nope"]})]})
    [issue] = check_answers(bad, lib, None)
    assert issue.render() == "answers: roles[0].pin[0]: unknown KPI `nope`"


# --- dump -----------------------------------------------------------------------------------


def test_dump_round_trip_of_every_example(lib: Library) -> None:
    for f in sorted(EXAMPLES.iterdir()):
        a = load_answers(f, lib)
        text = dump_answers(a)
        assert parse_answers(text, "dump.yaml", lib) == a, f.name
        assert dump_answers(parse_answers(text, "dump.yaml", lib)) == text, f.name


def test_dump_fills_in_every_default_in_spec_order(lib: Library) -> None:
    text = dump_answers(parse_answers(BASE, "a.yaml", lib))
    top = [line.split(":")[0] for line in text.splitlines()
           if line and not line.startswith(("#", " "))]
    assert top == ["version", "client", "scope", "stage", "team_size", "categories",
                   "platforms", "goals", "roles", "systems", "review", "incentives"]
    assert "  slug: acme-trading\n" in text
    assert "    key: customer-service\n" in text
    assert "    platforms: [amazon, shopee]\n" in text
    assert '  weekly: {weekday: monday, time: "10:00", minutes: 60}\n' in text
    assert '  quarterly: {day: 10, time: "14:00", minutes: 180}\n' in text
    assert "  erp: none\n" in text


def test_dump_of_unnormalised_answers(lib: Library) -> None:
    raw = Answers.model_validate({
        "version": 1, "client": {"name": "星链贸易"}, "scope": {"start": "2026-01-05"},
        "stage": "launch", "team_size": 5, "platforms": [{"id": "shopee"}],
        "goals": [{"kpi": "gmv", "target": 50000, "by": "2026-06-30"}],
        "roles": [{"role": "operations", "title": "yes"}],
        "review": {"quarterly": False},
    })
    text = dump_answers(raw)
    again = parse_answers(text, "dump.yaml", lib)
    assert again == normalise_answers(raw)
    assert again.client.slug.startswith("client-") and again.roles[0].title == "yes"
    assert again.review.quarterly is False
    assert "  quarterly: false\n" in text



def test_alias_bombs_odd_tags_and_complex_keys_are_refused_without_a_traceback(lib: Library) -> None:
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, prev in zip("bcdefgh", "abcdefg", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert "alias bomb" in problems("\n".join(levels) + "\n", lib)[0]
    assert problems('version: 1\nteam_size: !!int ""\n', lib)[0] == (
        "a.yaml:2:12: team_size: an empty value cannot be read as its tag `!!int` says: "
        "expected a whole number")
    assert "a key must be a plain value" in problems("version: 1\nclient: {? {a: 1} : 2}\n", lib)[0]


def test_nan_and_infinity_are_not_numbers_here(lib: Library) -> None:
    text = edit("    target: 0.15\n", "    target: .nan\n    baseline: .inf\n")
    found = problems(text, lib)
    assert any("goals[0].target" in p and "finite" in p for p in found), found
    assert any("goals[0].baseline" in p and "finite" in p for p in found), found


def test_valid_answers_are_read_without_positions_and_equal_the_full_reading(
        monkeypatch: pytest.MonkeyPatch, lib: Library) -> None:
    """A valid file is read once, by libyaml (positions only matter for a problem); the
    result is the full reader's, for every bundled example."""
    import linkstar_kit.answers.loader as loader
    import linkstar_kit.fastyaml as fastyaml

    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) > 5
    full_reads: list[object] = []
    real = loader.load_document
    monkeypatch.setattr(loader, "load_document",
                        lambda *a, **k: full_reads.append(a) or real(*a, **k))
    fast = [load_answers(f, lib) for f in files]
    assert full_reads == []  # no file needed the positions

    def unavailable(*a: object, **k: object) -> object:
        raise fastyaml.FastPathUnavailable("test")

    monkeypatch.setattr(fastyaml, "load_plain", unavailable)
    full = [load_answers(f, lib) for f in files]
    assert len(full_reads) == len(files)
    assert fast == full


def test_a_problem_in_answers_read_fast_is_reported_with_its_position(
        tmp_path: Path, lib: Library) -> None:
    f = tmp_path / "a.yaml"
    text = (EXAMPLES / "amazon-us.yaml").read_text(encoding="utf-8")
    f.write_text(text.replace("stage: growth", "stage: groth"), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_answers(f, lib)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("stage: growth"))
    assert f"a.yaml:{line}:8" in exc.value.render() and "growth" in exc.value.render()


def test_a_valid_answers_file_is_read_and_written_without_ruamel() -> None:
    """ruamel (positions, the questionnaire's comments) is imported only for a problem: a valid
    file is read by libyaml and its normalised form written by dump.py's emitter (~35 ms of
    every command); the dump reads back the same with both YAML readers."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from linkstar_kit.answers.loader import load_answers\n"
            "from linkstar_kit.answers.dump import dump_answers\n"
            f"text = dump_answers(load_answers({str(EXAMPLES / 'multi-platform-30.yaml')!r}))\n"
            "print(any(m.startswith('ruamel') for m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["a\u2028b", "x\x7fy", "tab\there", "中文", 'q"uote', "e\u200bz",
                                  "\x85", "😀", "yes", "No", "10:00", "0123", "1e5", "-", "- x",
                                  "a: b", "#c", "&a", "*a", "!t", "[x]", "{y}", "'s'", "%p", "@q",
                                  "`r`", " lead", "trail ", "", "null", "~", ".inf", "=", "<<"])
def test_the_dump_writes_any_text_so_both_yaml_readers_read_it_back(text: str) -> None:
    import yaml
    from ruamel.yaml import YAML

    from linkstar_kit.answers.dump import _emit_map

    data = {"client": {"name": text, "slug": text}, "categories": [text, "x"],
            "roles": [{"role": text, "pin": [text]}]}
    lines: list[str] = []
    _emit_map(data, 0, (), lines)
    dumped = "\n".join(lines) + "\n"
    assert yaml.safe_load(dumped) == data, dumped
    assert YAML(typ="safe", pure=True).load(dumped) == data, dumped
