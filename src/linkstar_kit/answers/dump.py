"""The normalised answers: every default filled in, written as YAML that loads back unchanged.

`normalise_answers` makes the implicit explicit (client slug, role keys, role platforms; the
model already fills review, systems and incentives defaults). `dump_answers` writes that in the
key order of `spec/answers.md`, deterministically, so that `answers.yaml` in a kit is a
complete, re-usable input: `load(dump(x)) == normalise(x)`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

from .models import Answers

HEADER = ("Normalised answers (linkstar-kit, answers format version 1): every default is "
          "filled in.\nEdit and pass back to `linkstar generate`.")

# Free text and clock times, always double-quoted.
_QUOTED = {"name", "title", "time"}
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# Lists of short ids that read best on one line.
_FLOW_LISTS = {"categories", "sites", "fulfillment", "platforms", "pin", "exclude"}
# A string written as it is (an id, a code, a zone): one that every YAML reader, 1.1 or 1.2,
# takes for that same string; anything else is double-quoted.
_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_./+-]*")


def normalise_answers(answers: Answers) -> Answers:
    """A copy with the client slug, every role key and every role's platforms made explicit."""
    keys = answers.role_keys()
    roles = [r.model_copy(update={"key": key, "platforms": answers.role_platforms(r)})
             for r, key in zip(answers.roles, keys, strict=True)]
    client = answers.client.model_copy(update={"slug": answers.client.effective_slug()})
    return answers.model_copy(update={"client": client, "roles": roles})


def dump_answers(answers: Answers) -> str:
    """The normalised answers as YAML, keys in the order of answers.md.

    Written by the small emitter below, not by a YAML library: the answers are plain data of
    a known shape (mappings of ids, numbers, dates and a few free texts), and ruamel's emitter
    and import cost ~35 ms of every `linkstar generate` (issue 21). The layout is the one the
    answers files have always had (ruamel's `indent(mapping=2, sequence=4, offset=2)`, short id
    lists and the review meetings on one line); tests/test_answers.py reads every dump back
    with both YAML readers."""
    data = normalise_answers(answers).model_dump(mode="python", exclude_none=True)
    lines = [f"# {line}" for line in HEADER.split("\n")]
    _emit_map(data, 0, (), lines)
    return "\n".join(lines) + "\n"


def _emit_map(m: dict[str, Any], indent: int, path: tuple[str, ...], lines: list[str]) -> None:
    pad = " " * indent
    for k, v in m.items():
        p = (*path, k)
        key = _scalar(k, "")
        if isinstance(v, dict):
            if not v:
                lines.append(f"{pad}{key}: {{}}")
            elif len(p) == 2 and p[0] == "review" and not any(
                    isinstance(x, (dict, list)) for x in v.values()):
                # a review meeting is short enough for one line: {weekday: monday, ...}
                inner = ", ".join(f"{_scalar(a, '')}: {_scalar(b, a)}" for a, b in v.items())
                lines.append(f"{pad}{key}: {{{inner}}}")
            else:
                lines.append(f"{pad}{key}:")
                _emit_map(v, indent + 2, p, lines)
        elif isinstance(v, list):
            if not v:
                lines.append(f"{pad}{key}: []")
            elif k in _FLOW_LISTS and all(isinstance(x, str) for x in v):
                lines.append(f"{pad}{key}: [{', '.join(_scalar(x, k) for x in v)}]")
            else:
                lines.append(f"{pad}{key}:")
                _emit_seq(v, indent + 2, p, lines)
        else:
            lines.append(f"{pad}{key}: {_scalar(v, k)}")


def _emit_seq(seq: list[Any], indent: int, path: tuple[str, ...], lines: list[str]) -> None:
    pad = " " * indent
    for i, item in enumerate(seq):
        p = (*path, str(i))
        if isinstance(item, dict) and item:
            sub: list[str] = []
            _emit_map(item, indent + 2, p, sub)
            lines.append(f"{pad}- {sub[0][indent + 2:]}")
            lines.extend(sub[1:])
        elif isinstance(item, list) and item:
            lines.append(f"{pad}-")
            _emit_seq(item, indent + 2, p, lines)
        elif isinstance(item, dict):
            lines.append(f"{pad}- {{}}")
        elif isinstance(item, list):
            lines.append(f"{pad}- []")
        else:
            lines.append(f"{pad}- {_scalar(item, path[-1] if path else '')}")


def _scalar(value: Any, name: str) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        # `1e-05` is a string to a YAML 1.1 reader; `1.0e-05` a number to every reader
        return text.replace("e", ".0e") if "e" in text and "." not in text else text
    if isinstance(value, dt.datetime):  # pragma: no cover - the models hold dates only
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if name in _QUOTED or text.lower() in _YAML11_WORDS or not _PLAIN.fullmatch(text):
        # free text is quoted, and so is anything a YAML 1.1 reader would take for another
        # type (`10:00` for 600, `no` for false), so every YAML reader gets the same values
        return _double_quoted(text)
    return text


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus every character that is not printable
    (a line or paragraph separator, a control or format character) as `\\uXXXX`, since a
    YAML reader may take it for a line break or refuse it."""
    out = json.dumps(text, ensure_ascii=False)
    if out.isprintable():
        return out
    return "".join(c if c.isprintable() else
                   (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
                   for c in out)


def yaml_text(doc: Any) -> str:
    """A round-trip (ruamel) document as text, in the one style every answers file is written
    in: what the questionnaire writes, with a comment on each field (questionnaire/yaml_out.py)."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()
