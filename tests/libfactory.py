"""Build small libraries inline for engine tests (the shipped library changes; these do not)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SHIPPED = Path(__file__).resolve().parents[1] / "role_libraries"


def kpi(kid: str, roles: dict[str, float], *, kind: str = "lag", unit: str = "ratio",
        direction: str = "higher", platforms: list[str] | None = None,
        fulfillment: list[str] | None = None, counter: list[str] | None = None,
        drives: list[str] | None = None, targets: list[dict[str, Any]] | None = None) -> dict:
    rec: dict[str, Any] = {
        "id": kid,
        "name": {"en": kid.replace("_", " ").title(), "zh": f"指标{kid}"},
        "definition": {"en": f"What {kid} measures.", "zh": f"{kid} 的定义。"},
        "formula": {"en": f"{kid} = a ÷ b", "zh": f"{kid} = a ÷ b"},
        "unit": unit, "aggregation": "sum" if unit in ("currency", "count") else "mean",
        "direction": direction, "frequency": "weekly", "kind": kind,
        "balance": "growth", "roles": roles,
        "data_sources": [{"system": "erp", "report": {"en": "ERP report", "zh": "ERP 报表"}},
                         {"system": "platform", "report": {"en": "Seller console", "zh": "卖家后台"}}],
        "actions": [{"en": "Do one thing", "zh": "做一件事"}, {"en": "Do another", "zh": "再做一件"}],
    }
    if platforms is not None:
        rec["platforms"] = platforms
    if fulfillment is not None:
        rec["fulfillment"] = fulfillment
    if counter:
        rec["counter"] = counter
    if drives:
        rec["drives"] = drives
    if targets:
        rec["targets"] = targets
    return rec


def write_library(root: Path, kpis: list[dict], rules: list[dict] | None = None) -> Path:
    """A library folder with the shipped platforms/roles/categories and the given KPIs/rules."""
    yaml = YAML()
    root.mkdir(parents=True, exist_ok=True)
    (root / "kpis").mkdir(exist_ok=True)
    (root / "rules").mkdir(exist_ok=True)
    (root / "library.yaml").write_text('name: test\nversion: "1"\n', encoding="utf-8")
    for name in ("platforms.yaml", "roles.yaml", "categories.yaml"):
        src = SHIPPED / name
        if src.exists():
            (root / name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    with (root / "kpis" / "k.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump([_with_page(k) for k in kpis], fh)
    if rules:
        with (root / "rules" / "r.yaml").open("w", encoding="utf-8") as fh:
            yaml.dump(rules, fh)
    return root


def _domains() -> dict[str, str]:
    data = YAML(typ="safe").load((SHIPPED / "platforms.yaml").read_text(encoding="utf-8"))
    return {p["id"]: p["domains"][0] for p in data if p.get("domains")}


def _with_page(k: dict) -> dict:
    """An official line cites the platform's page and window (the loader refuses it without):
    a test that is not about sources (it gives neither) gets the platform's own domain and a
    30-day window."""
    targets = k.get("targets")
    if not targets:
        return k
    domains = _domains()
    out = []
    for t in targets:
        # only where the test gave neither: a test about sources keeps what it wrote
        if t.get("kind") == "official" and t.get("platform") in domains \
                and "url" not in t and "window" not in t:
            t = {"url": f"https://{domains[t['platform']]}/help", "window": "30 d", **t}
        out.append(t)
    return {**k, "targets": out}


def answers(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "version": 1,
        "client": {"name": "Test Co", "language": "en"},
        "scope": {"level": "company", "start": "2026-01-05", "horizon": "quarter"},
        "stage": "growth",
        "team_size": 12,
        "platforms": [{"id": "amazon", "sites": ["US"], "fulfillment": ["fba"]}],
        "goals": [{"kpi": "gmv", "target": 1000000, "by": "2026-06-30"}],
        "roles": [{"role": "operations"}],
    }
    base.update(over)
    return base
