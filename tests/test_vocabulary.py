"""One vocabulary (linkstar_kit.vocabulary): every id list the answers, the library, the rules,
the questionnaire and the check use comes from it, and every id has the words a reader sees."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from linkstar_kit import catalog
from linkstar_kit import vocabulary as v
from linkstar_kit.answers.models import PlatformEntry, RoleEntry, Scope, Systems
from linkstar_kit.engine.sources import erp_name, finance_name
from linkstar_kit.library.conditions import FACTS
from linkstar_kit.library.loader import load_library
from linkstar_kit.library.models import Platform
from linkstar_kit.questionnaire.spec import choices_of
from linkstar_kit.questionnaire.texts import Texts
from linkstar_kit.questionnaire.texts import catalog as questionnaire_texts


def test_the_answers_and_the_library_accept_the_vocabularys_ids() -> None:
    assert tuple(choices_of(PlatformEntry, "fulfillment")) == v.FULFILLMENTS
    assert tuple(choices_of(Platform, "fulfillment")) == v.FULFILLMENTS
    assert tuple(choices_of(Scope, "horizon")) == v.HORIZONS
    assert tuple(choices_of(Scope, "level")) == v.SCOPE_LEVELS
    for name, ids in {"erp": v.ERPS, "ads": v.ADS, "finance": v.FINANCE, "bi": v.BI}.items():
        assert tuple(choices_of(Systems, name)) == ids


def test_the_kpi_count_limits_are_the_vocabularys() -> None:
    for n in (v.MIN_KPIS, v.MAX_KPIS):
        assert RoleEntry(role="finance", kpi_count=n).kpi_count == n
    for n in (v.MIN_KPIS - 1, v.MAX_KPIS + 1):
        with pytest.raises(ValidationError):
            RoleEntry(role="finance", kpi_count=n)
    assert v.MAX_PINS == v.MAX_KPIS


def test_rule_conditions_compare_against_the_vocabulary() -> None:
    library = load_library()
    for fact, (_, vocab, _) in FACTS.items():
        if vocab in v.RULE_VOCABULARIES:
            assert tuple(library.vocab(vocab) or ()) == v.RULE_VOCABULARIES[vocab], fact


def test_every_id_has_its_words() -> None:
    """Adding an id to the vocabulary without its label fails here, not in a client's kit."""
    for kind, ids in {"fulfillment": v.FULFILLMENTS, "erp": v.ERPS, "ads": v.ADS,
                      "finance": v.FINANCE, "bi": v.BI, "language": v.LANGUAGES}.items():
        for lang in ("en", "zh"):
            assert set(questionnaire_texts(lang)["values"][kind]) == set(ids), (lang, kind)
    assert Texts("zh").value("erp", "lingxing") == "领星"
    assert set(catalog.section("en", "labels.fulfillment_models")) == set(v.FULFILLMENTS)
    for lang in catalog.LANGS:
        assert all(erp_name(e, lang) for e in set(v.ERPS) - {"none"})
        assert all(finance_name(f, lang) for f in v.FINANCE)
        assert set(catalog.section(lang, "systems.bi")) == set(v.BI) - {"none"}
        assert set(catalog.section(lang, "systems.ads")) == set(v.ADS)
    assert (erp_name("lingxing", "en"), erp_name("lingxing", "zh")) == ("LingXing ERP", "领星 ERP")


def test_platform_run_models_are_fulfilment_models_the_library_uses() -> None:
    library = load_library()
    assert set(v.PLATFORM_RUN_FULFILLMENTS) <= set(v.FULFILLMENTS)
    offered = {m for p in library.platforms.values() for m in p.fulfillment}
    assert set(v.PLATFORM_RUN_FULFILLMENTS) <= offered
