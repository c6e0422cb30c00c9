"""Which characters the installed fonts can draw, as WeasyPrint will see them.

WeasyPrint lays text out with Pango, which finds fonts through fontconfig (WeasyPrint loads its
own fontconfig configuration with `FcInitLoadConfigAndFonts`, so FONTCONFIG_FILE and the user's
font folders count). Pango falls back from the fonts the CSS names to any installed font that
has a character, so a character can be drawn when at least one installed font covers it;
otherwise it prints as an empty box, and WeasyPrint says nothing. This module asks fontconfig
the same question, through ctypes (no WeasyPrint import: `--help` and `--format md` stay fast),
so a PDF that would hold boxes is refused before anything is written.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

CJK_PACKAGE = "fonts-noto-cjk"
LATIN_PACKAGE = "fonts-dejavu-core"
FONTCONFIG_PACKAGE = "libfontconfig1"

# Characters every document needs: a Chinese one (common hanzi and punctuation) and an English
# one (Latin letters, digits, the punctuation the kit writes).
CJK_SAMPLE = "中文字体目标运营采购，。：（）"
LATIN_SAMPLE = "AaZz09%.,:()-"


class FontconfigMissing(OSError):
    """libfontconfig cannot be loaded (Pango needs it too)."""


def is_cjk(ch: str) -> bool:
    """Han, kana, hangul, and the CJK punctuation and full-width forms."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x2FDF or 0x3000 <= o <= 0x30FF or 0x3100 <= o <= 0x31FF
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x3FFFF)


class _FcFontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int),
                ("fonts", ctypes.POINTER(ctypes.c_void_p))]


def _names() -> Iterable[str | None]:
    yield "libfontconfig.so.1"
    # find_library runs ldconfig (and gcc) each time: only when the usual name fails
    yield ctypes.util.find_library("fontconfig")


@functools.cache
def _load() -> ctypes.CDLL:
    """The fontconfig library, loaded once per process (a server renders many kits)."""
    for name in _names():
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        for fn, res, args in (
            ("FcInitLoadConfigAndFonts", vp, []),
            ("FcConfigDestroy", None, [vp]),
            ("FcNameParse", vp, [cp]),
            ("FcPatternDestroy", None, [vp]),
            ("FcObjectSetCreate", vp, []),
            ("FcObjectSetAdd", ctypes.c_int, [vp, cp]),
            ("FcObjectSetDestroy", None, [vp]),
            ("FcFontList", ctypes.POINTER(_FcFontSet), [vp, vp, vp]),
            ("FcFontSetDestroy", None, [ctypes.POINTER(_FcFontSet)]),
            ("FcPatternGetCharSet", ctypes.c_int, [vp, cp, ctypes.c_int, ctypes.POINTER(vp)]),
            ("FcPatternGetString", ctypes.c_int, [vp, cp, ctypes.c_int, ctypes.POINTER(cp)]),
            ("FcCharSetCreate", vp, []),
            ("FcCharSetDestroy", None, [vp]),
            ("FcCharSetMerge", ctypes.c_int, [vp, vp, ctypes.POINTER(ctypes.c_int)]),
            ("FcCharSetHasChar", ctypes.c_int, [vp, ctypes.c_uint32]),
            ("FcGetVersion", ctypes.c_int, []),
        ):
            f = getattr(lib, fn)
            f.restype, f.argtypes = res, args
        return lib
    raise FontconfigMissing("libfontconfig.so.1 cannot be loaded")


@dataclass(frozen=True)
class Font:
    family: str
    file: str


class InstalledFonts:
    """The fonts fontconfig lists, and the union of the characters they cover."""

    def __init__(self) -> None:
        self._fc = fc = _load()
        self.version = fc.FcGetVersion()
        config = fc.FcInitLoadConfigAndFonts()
        pattern = fc.FcNameParse(b"")
        objects = fc.FcObjectSetCreate()
        for name in (b"family", b"file", b"charset"):
            fc.FcObjectSetAdd(objects, name)
        self._coverage = fc.FcCharSetCreate()
        self.fonts: list[Font] = []
        # no configuration at all (a broken FONTCONFIG_FILE): no fonts, as Pango would find
        fontset = fc.FcFontList(config, pattern, objects) if config else None
        try:
            if fontset:
                sets = fontset.contents
                for i in range(sets.nfont):
                    font = sets.fonts[i]
                    family, path, charset = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_void_p()
                    fc.FcPatternGetString(font, b"family", 0, ctypes.byref(family))
                    fc.FcPatternGetString(font, b"file", 0, ctypes.byref(path))
                    if fc.FcPatternGetCharSet(font, b"charset", 0, ctypes.byref(charset)) != 0:
                        continue
                    changed = ctypes.c_int()
                    fc.FcCharSetMerge(self._coverage, charset, ctypes.byref(changed))
                    self.fonts.append(Font((family.value or b"").decode("utf-8", "replace"),
                                           (path.value or b"").decode("utf-8", "replace")))
        finally:
            if fontset:
                fc.FcFontSetDestroy(fontset)
            fc.FcObjectSetDestroy(objects)
            fc.FcPatternDestroy(pattern)
            if config:
                fc.FcConfigDestroy(config)
        self.fonts.sort(key=lambda f: (f.family, f.file))

    def __del__(self) -> None:
        fc = getattr(self, "_fc", None)
        if fc is not None and getattr(self, "_coverage", None):
            fc.FcCharSetDestroy(self._coverage)
            self._coverage = None

    def has(self, ch: str) -> bool:
        return bool(self._fc.FcCharSetHasChar(self._coverage, ord(ch)))

    def missing(self, chars: Iterable[str]) -> list[str]:
        return sorted(c for c in set(chars) if not self.has(c))

    def families(self) -> list[str]:
        return sorted({f.family for f in self.fonts})

    def families_for(self, lang: str) -> list[str]:
        """Families fontconfig lists for a language (`fc-list :lang=zh family`)."""
        fc = self._fc
        config = fc.FcInitLoadConfigAndFonts()
        pattern = fc.FcNameParse(f":lang={lang}".encode())
        objects = fc.FcObjectSetCreate()
        fc.FcObjectSetAdd(objects, b"family")
        fontset = fc.FcFontList(config, pattern, objects) if config else None
        out: set[str] = set()
        try:
            if fontset:
                sets = fontset.contents
                for i in range(sets.nfont):
                    family = ctypes.c_char_p()
                    if fc.FcPatternGetString(sets.fonts[i], b"family", 0,
                                             ctypes.byref(family)) == 0 and family.value:
                        out.add(family.value.decode("utf-8", "replace"))
        finally:
            if fontset:
                fc.FcFontSetDestroy(fontset)
            fc.FcObjectSetDestroy(objects)
            fc.FcPatternDestroy(pattern)
            if config:
                fc.FcConfigDestroy(config)
        return sorted(out)


_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_NOT_TEXT = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_STRING = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'", re.S)


def drawn_characters(doc: str) -> set[str]:
    """The characters an HTML document puts on paper: its text, and the strings of its CSS
    (`content: "☐"`, the page header). Spaces and control characters need no glyph."""
    text = html.unescape(_NOT_TEXT.sub(" ", doc))
    for css in _STYLE.findall(doc):
        for a, b in _CSS_STRING.findall(_CSS_COMMENT.sub("", css)):
            text += a + b
    return {c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")}


def describe(chars: Iterable[str], n: int = 6) -> str:
    chars = list(chars)
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:n])
    return shown + (f" and {len(chars) - n} more" if len(chars) > n else "")


def apt_install(packages: Iterable[str]) -> str:
    """The command that installs `packages` on Debian or Ubuntu, for this user."""
    import os

    sudo = "" if getattr(os, "geteuid", lambda: 1)() == 0 else "sudo "
    return f"{sudo}apt-get install -y {' '.join(packages)}"
