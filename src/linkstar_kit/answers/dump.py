"""The normalised answers: every default filled in, written as YAML that loads back unchanged.

`normalise_answers` makes the implicit explicit (client slug, role keys, role platforms; the
model already fills review, systems and incentives defaults). `dump_answers` writes that in the
key order of `spec/answers.md`, deterministically, so that `answers.yaml` in a kit is a
complete, re-usable input: `load(dump(x)) == normalise(x)`.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .models import Answers

HEADER = ("Normalised answers (linkstar-kit, answers format version 1): every default is "
          "filled in.\nEdit and pass back to `linkstar generate`.")

# Free text and clock times, always double-quoted.
_QUOTED = {"name", "title", "time"}
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# Lists of short ids that read best on one line.
_FLOW_LISTS = {"categories", "sites", "fulfillment", "platforms", "pin", "exclude"}


def normalise_answers(answers: Answers) -> Answers:
    """A copy with the client slug, every role key and every role's platforms made explicit."""
    keys = answers.role_keys()
    roles = [r.model_copy(update={"key": key, "platforms": answers.role_platforms(r)})
             for r, key in zip(answers.roles, keys, strict=True)]
    client = answers.client.model_copy(update={"slug": answers.client.effective_slug()})
    return answers.model_copy(update={"client": client, "roles": roles})


def dump_answers(answers: Answers) -> str:
    """The normalised answers as YAML, keys in the order of answers.md."""
    data = normalise_answers(answers).model_dump(mode="python", exclude_none=True)
    doc = _node(data, ())
    doc.yaml_set_start_comment(HEADER)
    return yaml_text(doc)


def yaml_text(doc: Any) -> str:
    """A round-trip document as text, in the one style every answers file is written in."""
    y = YAML(typ="rt")
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _node(value: Any, path: tuple[str, ...]) -> Any:
    name = path[-1] if path else ""
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _node(v, (*path, k))
        # A review meeting is short enough for one line: {weekday: monday, time: "10:00", ...}
        if len(path) == 2 and path[0] == "review":
            m.fa.set_flow_style()
        return m
    if isinstance(value, list):
        s = CommentedSeq(_node(v, (*path, str(i))) for i, v in enumerate(value))
        if name in _FLOW_LISTS and all(isinstance(v, str) for v in value):
            s.fa.set_flow_style()
        return s
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, str) and (name in _QUOTED or value.lower() in _YAML11_WORDS):
        # Free text is quoted, and so is anything a YAML 1.1 reader would take for another
        # type (`10:00` for 600, `no` for false), so every YAML reader gets the same values.
        return DoubleQuotedScalarString(value)
    if isinstance(value, dt.datetime):  # pragma: no cover - the models hold dates only
        return value.date()
    return value
