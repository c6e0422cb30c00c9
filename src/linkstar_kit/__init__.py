"""linkstar-kit: a questionnaire about a cross-border e-commerce team in, a tailored KPI system out.

The Python API (the CLI is a thin layer over it)::

    from linkstar_kit import load_library, load_answers, select, generate_kit

    library = load_library()                       # shipped library (+ user folders)
    answers = load_answers("examples/amazon-us.yaml", library)
    selection = select(answers, library)           # the rule engine; pure, deterministic
    generate_kit(answers, library, "output/acme", formats=["md"])
    findings = check(answers, library)              # the health check (method pitfalls)

Names are imported lazily so that `linkstar --help` does not pay for pydantic or WeasyPrint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Answers",
    "InputError",
    "Library",
    "LinkstarError",
    "Selection",
    "__version__",
    "check",
    "explain",
    "generate_kit",
    "load_answers",
    "load_library",
    "select",
]

_LAZY = {
    "Answers": "linkstar_kit.answers.models",
    "load_answers": "linkstar_kit.answers.loader",
    "Library": "linkstar_kit.library.loader",
    "load_library": "linkstar_kit.library.loader",
    "select": "linkstar_kit.engine.select",
    "Selection": "linkstar_kit.engine.models",
    "explain": "linkstar_kit.engine.explain",
    "check": "linkstar_kit.doctor",
    "generate_kit": "linkstar_kit.kit.generate",
    "InputError": "linkstar_kit.errors",
    "LinkstarError": "linkstar_kit.errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from .answers.loader import load_answers
    from .answers.models import Answers
    from .doctor import check
    from .engine.explain import explain
    from .engine.models import Selection
    from .engine.select import select
    from .errors import InputError, LinkstarError
    from .kit.generate import generate_kit
    from .library.loader import Library, load_library


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'linkstar_kit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
