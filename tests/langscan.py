"""Scanning a generated kit's text for the other language (issue 10: one language a document).

`foreign(text, lang)` returns the passages of `text` that are in the other language: Han
characters in an English kit; runs of English words in a Chinese one. The client's own names
(client, scope, role titles) are removed first: they are the client's words, in whatever
language the client wrote them. Proper nouns of the trade that Chinese sellers write in
Latin letters (platform and tool names, acronyms) are allowed in a Chinese kit.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# four or more English words in a row (a word: 2+ letters) reads as an English sentence
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z]+(?: [A-Za-z][a-z]*){3,}\b")
# code, URLs, file paths and Markdown/HTML/JSON syntax are not prose
_NOT_PROSE = re.compile(r"`[^`]*`|https?://\S+|<[^>]+>|\{[^{}\n]*\}|\b[\w./-]+\.(?:md|html|ics|"
                        r"json|yaml|sqlite|xlsx|csv|sql)\b")


def _dashboard_strings(text: str) -> list[str]:
    """The BI-neutral dashboard definition's strings a person reads. Left out: each panel's
    `title` pair (both names by design, for a BI tool to pick from) and `rag.order` (the
    evaluation rule for a program)."""
    import yaml

    data = yaml.safe_load(text)
    data.get("rag", {}).pop("order", None)
    for section in data.get("sections", []):
        for panel in section.get("panels", []):
            panel.pop("title", None)
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.append(node)

    walk(data)
    return out


def client_words(answers: Any) -> list[str]:
    words = [answers.client.name, answers.scope.name or ""]
    words += [r.title or "" for r in answers.roles]
    # as a sheet name spells them: `/` is not allowed there
    words += [w.replace("/", "_") for w in words]
    return sorted({w for w in words if w}, key=len, reverse=True)


# what a reader never sees: stylesheets, scripts, comments
_HIDDEN = re.compile(r"<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->", re.S)
# the calendar properties a calendar client shows
_ICS_SHOWN = ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "LOCATION")


def shown(path: str, text: str) -> str:
    """The part of a file's text a reader sees."""
    if path.endswith(".html"):
        return html.unescape(_HIDDEN.sub(" ", text))
    if path.endswith("dashboard.yaml"):
        return "\n".join(_dashboard_strings(text))
    if path.endswith(".ics"):
        lines = text.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
        return "\n".join(line for line in lines.split("\r\n")
                         if line.split(":", 1)[0].split(";", 1)[0] in _ICS_SHOWN)
    return text


def foreign(text: str, lang: str, own: list[str], proper: tuple[str, ...] = ()) -> list[str]:
    for w in own:
        text = text.replace(w, " ")
    if lang == "en":
        return HAN.findall(text)
    text = _NOT_PROSE.sub(" ", text)
    for p in proper:
        text = text.replace(p, " ")
    return [m.group(0) for m in ENGLISH_RUN.finditer(text)]


def workbook_strings(data: bytes) -> list[str]:
    """Every string a workbook shows: sheet names and cell values (formulas' quoted text too)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    out.append(cell.value)
        for dv in ws.data_validations.dataValidation:
            out += [dv.error or "", dv.errorTitle or "", dv.prompt or ""]
    return out
