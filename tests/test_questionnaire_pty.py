"""`linkstar init` for real, in a pseudo-terminal: accept every default, type only what has
none, and the file it writes passes `linkstar validate`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

LINKSTAR = Path(sys.executable).with_name("linkstar")

# (a words of the question, what to type); "" accepts the default with Enter.
QUESTIONS = [
    ("Client name", "Acme Trading"),
    ("Short name", ""),
    ("Language of the generated documents", ""),
    ("Currency", ""),
    ("Time zone", ""),
    ("What does the KPI system cover", ""),
    ("First day the KPI system runs", ""),
    ("Period of the top goals", ""),
    ("Stage of the business", ""),
    ("How many people are in scope", "12"),
    ("active SKUs", ""),
    ("Main product categories", ""),
    ("Top goal 1", ""),
    ("Target for", None),  # depends on the unit shown
    ("Reach it by", ""),
    ("baseline", ""),
    ("Add another top goal", ""),
    ("Which platforms", ""),
    ("sites", ""),
    ("how are orders fulfilled", ""),
    ("Which roles", ""),
    ("headcount", ""),
    ("job title", ""),
    ("Which ERP", ""),
    ("ad numbers", ""),
    ("books kept", ""),
    ("dashboard or BI", ""),
    ("review cadence", ""),
    ("feed into pay", ""),
    ("What now", ""),
]


@pytest.mark.skipif(not LINKSTAR.exists(), reason="the linkstar command is not installed")
def test_init_in_a_terminal_writes_a_valid_file(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="120",
               LINES="40")
    child = pexpect.spawn(str(LINKSTAR), ["init", "--lang", "en", "-o", str(out)],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30,
                          dimensions=(40, 120))
    try:
        for words, typed in QUESTIONS:
            child.expect_exact(words)
            if typed is None:  # a rate takes a fraction, an amount a number
                child.expect(r"\(([^)]*)\)")
                typed = "0.15" if "rate" in child.match.group(1) else "1000000"
            child.send(typed + "\r")
        child.expect_exact("Wrote")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    assert out.read_text(encoding="utf-8").startswith("# linkstar-kit answers")
    check = subprocess.run([str(LINKSTAR), "validate", str(out)], capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr
    assert ": valid" in check.stdout


@pytest.mark.skipif(not LINKSTAR.exists(), reason="the linkstar command is not installed")
def test_ctrl_c_in_a_terminal_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm")
    child = pexpect.spawn(str(LINKSTAR), ["init", "--lang", "zh", "-o", str(out)],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30)
    try:
        child.expect_exact("客户名称")
        child.send("星链贸易\r")
        child.expect_exact("英文简称")
        child.sendintr()
        child.expect_exact("nothing was written")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []
