"""`linkstar env`: does this machine have what PDF output needs?

Checks the libraries WeasyPrint loads (Pango, fontconfig, HarfBuzz's subsetter) and the fonts
fontconfig offers it (a Latin one, a CJK one), prints each with ok or missing and the apt-get
line that fixes it, and exits 1 when something PDFs need is missing. Everything is loaded
inside the command, so `linkstar --help` pays nothing for it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

PANGO_PACKAGES = ["libpango-1.0-0", "libpangoft2-1.0-0"]
SUBSET_PACKAGE = "libharfbuzz-subset0"
# the fonts the blueprints' CSS asks for first; any other font with the characters also works
PREFERRED = {"en": ["Noto Sans", "DejaVu Sans", "Liberation Sans"],
             "zh": ["Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK TC"]}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""
    packages: list[str] = field(default_factory=list)
    needed: bool = True  # False: PDFs work without it, only slower
    note: str = ""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "env", help="check what PDF output needs here: Pango, HarfBuzz, fonts",
        description="Check the libraries and fonts PDF output needs (Pango, fontconfig, the "
                    "HarfBuzz subset library, a Latin and a CJK font), each as ok or missing "
                    "with the apt-get command that installs it. Exit 1 when something PDFs "
                    "need is missing.")
    p.set_defaults(func=cmd_env)


def _library(name: str, symbol: str | None = None) -> tuple[bool, str]:
    import ctypes

    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return False, ""
    if symbol is None:
        return True, ""
    fn = getattr(lib, symbol)
    fn.restype = ctypes.c_char_p
    return True, (fn() or b"").decode()


def checks() -> list[Check]:
    import platform

    from .kit import fonts

    out = [Check("Python", True, platform.python_version())]
    try:
        import warnings

        with warnings.catch_warnings():  # "No fonts configured": reported below, plainer
            warnings.simplefilter("ignore")
            import weasyprint
        out.append(Check("WeasyPrint", True, weasyprint.__version__))
    except ImportError as exc:
        out.append(Check("WeasyPrint", False, f"not installed ({exc}); run scripts/setup.sh "
                         "or `pip install .`"))
    except OSError as exc:  # it loads Pango when imported
        out.append(Check("WeasyPrint", False, f"cannot load its libraries ({exc})",
                         PANGO_PACKAGES))
    pango, version = _library("libpango-1.0.so.0", "pango_version_string")
    pangoft2, _ = _library("libpangoft2-1.0.so.0")
    out.append(Check("Pango", pango and pangoft2,
                     f"{version} (libpango-1.0.so.0, libpangoft2-1.0.so.0)" if pango and pangoft2
                     else "libpango-1.0.so.0 or libpangoft2-1.0.so.0 cannot be loaded",
                     PANGO_PACKAGES))
    subset, _ = _library("libharfbuzz-subset.so.0")
    out.append(Check("HarfBuzz subset library", subset, "libharfbuzz-subset.so.0",
                     [SUBSET_PACKAGE], needed=False,
                     note="" if subset else "PDFs still work, but take about 5x longer"))
    try:
        installed = fonts.InstalledFonts()
    except fonts.FontconfigMissing as exc:
        out.append(Check("fontconfig", False, str(exc), [fonts.FONTCONFIG_PACKAGE]))
        out.append(Check("Latin font", False, "", [fonts.LATIN_PACKAGE]))
        out.append(Check("CJK font", False, "", [fonts.CJK_PACKAGE]))
        return out
    v = installed.version
    out.append(Check("fontconfig", True, f"{v // 10000}.{v // 100 % 100}.{v % 100}, "
                     f"{len(installed.fonts)} font{'s' if len(installed.fonts) != 1 else ''}"))
    for name, lang, sample, package, use in (
        ("Latin font", "en", fonts.LATIN_SAMPLE, fonts.LATIN_PACKAGE, "every document"),
        ("CJK font", "zh", fonts.CJK_SAMPLE, fonts.CJK_PACKAGE,
         "Chinese documents, and Chinese names in English ones"),
    ):
        lacking = installed.missing(sample)
        families = installed.families_for(lang)
        best = [f for f in PREFERRED[lang] if f in families] or families
        out.append(Check(name, not lacking, best[0] if best and not lacking else "",
                         [package], note=f"needed for {use}" if lacking else ""))
    return out


def cmd_env(args: argparse.Namespace) -> int:
    from .kit.fonts import apt_install

    results = checks()
    width = max(len(c.name) for c in results)
    for c in results:
        line = f"{'ok' if c.ok else 'missing':<8} {c.name:<{width}}  {c.detail}".rstrip()
        if c.note:
            line += f" ({c.note})" if c.detail else f"  ({c.note})"
        print(line)
        if not c.ok and c.packages:
            print(f"{'':<8} fix: {apt_install(c.packages)}")
    needed = [c for c in results if not c.ok and c.needed]
    if needed:
        packages = sorted({p for c in needed for p in c.packages})
        print(f"PDF output needs what is missing{': ' + apt_install(packages) if packages else ''}")
        return 1
    print("everything PDF output needs is here")
    return 0
