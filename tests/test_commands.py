"""The CLI's commands are registered in one table (commands/__init__.py), each by its own
module, and run inside cli.py's one error boundary."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from linkstar_kit import cli
from linkstar_kit.commands import COMMANDS


class _Recorder:
    """Stands in for argparse's subparsers action: records the names a module adds."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._real = argparse.ArgumentParser().add_subparsers()

    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser:
        self.names.append(name)
        return self._real.add_parser(name, **kw)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_each_module_registers_exactly_its_command(command: Any) -> None:
    rec = _Recorder()
    command.register(rec)
    assert rec.names == [command.name]


def test_the_help_lists_the_table_in_its_order() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == [c.name for c in COMMANDS]
    for c in COMMANDS:
        assert callable(sub.choices[c.name].get_default("func")), f"{c.name} sets no func"


def test_an_import_error_in_a_command_is_not_swallowed() -> None:
    """The old lookup by name dropped a command whose module failed to import; now the
    failure shows."""
    code = ("import sys\n"
            "sys.modules['linkstar_kit.doctor.command'] = None  # its import fails\n"
            "import linkstar_kit.cli\n"
            "linkstar_kit.cli.build_parser()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode != 0 and "linkstar_kit.doctor.command" in proc.stderr


def test_a_command_imports_its_own_module_alone() -> None:
    """`linkstar NAME` registers NAME's parser only: the other commands' modules are not
    imported (~20 ms of every run); its help reads as in the whole parser."""
    code = ("import sys, linkstar_kit.cli as c\n"
            "p = c.build_parser('plan')\n"
            "print(sorted(m for m in sys.modules if m.endswith('.command')))\n"
            "print(p.parse_args(['plan', 'x.yaml']).command)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "plan"
    whole = cli.build_parser()
    sub = next(a for a in whole._actions if isinstance(a, argparse._SubParsersAction))
    alone = cli.build_parser("plan")
    sub_alone = next(a for a in alone._actions if isinstance(a, argparse._SubParsersAction))
    assert sub_alone.choices["plan"].format_help() == sub.choices["plan"].format_help()


def test_help_imports_no_reader_and_no_writer() -> None:
    code = ("import sys; import linkstar_kit.cli as c; c.build_parser(); "
            "heavy = ('weasyprint', 'openpyxl', 'grafana_foundation_sdk', 'markdown_it', 'jinja2', "
            "'questionary', 'pydantic', 'ruamel', 'linkstar_kit.library.loader', "
            "'linkstar_kit.answers.loader'); "
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
