"""The documentation is tested: every ```console example in README.md and docs/*.md runs against
the tool, and what it prints must be what the page shows (docs/development.md, "Examples that are
tested", is the reader's version of these rules).

- A block is ```console. Each line starting with `$ ` is a command (a line ending in `\\` goes on
  to the next); the lines up to the next command are what it prints, stdout and stderr together.
  A line `...` alone stands for any number of lines (none included); a line ending in ` ...`
  stands for any line that starts with the text before it (a long line cut short).
- ```console no-run is shown, never run: an interactive command, a server, a slow set-up
  script, or output that depends on the machine. ```console serve runs with `linkstar serve`
  started first; its `localhost:8750` is that server. ```console needs=jq,curl runs only
  where those programs are installed (test_examples_needing_tools says which were skipped).
- The commands run with `sh` in one working folder for all pages (README.md first, then the
  pages in mkdocs.yml's order), a copy of the repository (without .git, .venv, output/ and the
  golden files), with this virtual environment's `linkstar` first on PATH. A command already
  run is not run again: its first output is compared (so the test stays fast, and a page may
  repeat a command of another).
- Every ```python block runs too (with this Python, in the working folder) and must not fail.
- Paths: `/tmp/` in a command is a folder inside the working folder (shown back as `/tmp/`),
  and the working folder itself is shown as `/home/me/work`.

When the tool's output changes on purpose, a failure prints the page, line, command and a diff:
update the page from the `got` side.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHOWN_HOME = "/home/me/work"
FENCE = re.compile(r"^```(\S*)(.*)$")


@dataclass
class Command:
    line: int  # 1-based line of the `$ ` in its page
    text: str  # the shell command, continuation lines joined
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    page: str
    line: int
    flags: frozenset[str]
    commands: list[Command]

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


def pages() -> list[Path]:
    """README.md, then docs/ in the order of mkdocs.yml's nav, then any page the nav misses."""
    ordered = [ROOT / "README.md"]
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("nav", [])

    def walk(item: object) -> Iterator[str]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for v in item.values():
                yield from walk(v)
        elif isinstance(item, list):
            for v in item:
                yield from walk(v)

    for name in walk(nav):
        if name.endswith(".md") and (ROOT / "docs" / name) not in ordered:
            ordered.append(ROOT / "docs" / name)
    ordered += [p for p in sorted((ROOT / "docs").glob("*.md")) if p not in ordered]
    return ordered


PYTHON_BLOCKS: list[tuple[str, str]] = []  # (page:line, code), filled by parse()


def parse(path: Path) -> list[Block]:
    rel = path.relative_to(ROOT).as_posix()
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i].strip())
        if not m or not m.group(1):
            i += 1
            continue
        lang, flags, start = m.group(1), frozenset(m.group(2).split()), i + 1
        indent = len(lines[i]) - len(lines[i].lstrip())  # a block inside a list item
        body: list[tuple[int, str]] = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            line = lines[i]
            body.append((i + 1, line[indent:] if not line[:indent].strip() else line))
            i += 1
        i += 1
        if lang == "python":
            PYTHON_BLOCKS.append((f"{rel}:{start}", "\n".join(text for _, text in body)))
            continue
        if lang != "console":
            continue
        commands: list[Command] = []
        j = 0
        while j < len(body):
            n, text = body[j]
            if text.startswith("$ "):
                cmd, line = text[2:], n
                while cmd.endswith("\\") and j + 1 < len(body):
                    j += 1
                    cmd = cmd + "\n" + body[j][1]
                commands.append(Command(line, cmd))
            elif commands:
                commands[-1].expected.append(text.rstrip())
            else:
                raise AssertionError(f"{rel}:{n}: a console block starts with output, not a `$ ` "
                                     "command (mark it ```console no-run if it is not to be run)")
            j += 1
        if not commands:
            raise AssertionError(f"{rel}:{start}: a console block without a `$ ` command")
        blocks.append(Block(rel, start, flags, commands))
    return blocks


def needs(block: Block) -> list[str]:
    return [t for f in block.flags if f.startswith("needs=") for t in f[6:].split(",") if t]


def missing_tools(block: Block) -> list[str]:
    return [t for t in needs(block) if shutil.which(t) is None]


BLOCKS = [b for p in pages() for b in parse(p)]
RUN = [b for b in BLOCKS if "no-run" not in b.flags and not missing_tools(b)]
SKIPPED = [b for b in BLOCKS if "no-run" not in b.flags and missing_tools(b)]


def _line_pattern(e: str) -> str:
    if e == "...":
        return "(?:[^\n]*\n)*?"
    if e.endswith(" ..."):
        return re.escape(e[:-4]) + "[^\n]*\n"
    return re.escape(e) + "\n"


def matches(expected: list[str], got: list[str]) -> bool:
    """`...` alone on a line stands for any number of lines; `text ...` for a line starting
    with `text `."""
    return re.fullmatch("".join(map(_line_pattern, expected)),
                        "".join(g + "\n" for g in got)) is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Session:
    """One working folder for every page; each distinct command runs once."""

    def __init__(self, work: Path) -> None:
        self.work = work
        (work / "tmp").mkdir()
        # a copy of the repository (what an example may read), without what is big or built
        shutil.copytree(ROOT, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "output", "site", "golden", "__pycache__", ".*_cache", ".hypothesis",
            "*.egg-info", "linkstar-data"))
        bindir = str(Path(sys.executable).parent)
        self.env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
                    "PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                    "LINKSTAR_TOKEN": "docs-test-token-0123456789"}
        for var in ("LINKSTAR_DEBUG", "PYTHONIOENCODING", "COLUMNS"):
            self.env.pop(var, None)
        self.seen: dict[str, list[str]] = {}
        self.server: subprocess.Popen[str] | None = None
        self.port = 0

    def start_server(self) -> None:
        if self.server is not None:
            return
        self.port = _free_port()
        self.server = subprocess.Popen(
            ["linkstar", "serve", "--port", str(self.port), "--data", str(self.work / "serve-data")],
            cwd=self.work, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.server.poll() is not None:
                raise AssertionError("linkstar serve stopped at start")
            time.sleep(0.1)
        raise AssertionError("linkstar serve did not listen within 30 s")

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)

    def run(self, cmd: str, serve: bool, where: str = "") -> list[str]:
        # each example runs once, where the page shows it (a second `load` of the same files
        # shows that nothing changed)
        key = f"{where}\n{cmd}"
        if key in self.seen:
            return self.seen[key]
        shell = cmd.replace("/tmp/", f"{self.work}/tmp/")
        if serve:
            self.start_server()
            shell = shell.replace("localhost:8750", f"127.0.0.1:{self.port}")
        r = subprocess.run(["sh", "-c", shell], cwd=self.work, env=self.env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        out = r.stdout.replace(f"{self.work}/tmp/", "/tmp/").replace(str(self.work), SHOWN_HOME)
        # a path the tool shows relative to the working folder (`tmp/kit`) is the page's /tmp/kit
        out = re.sub(r"(?<![\w./-])tmp/", "/tmp/", out)
        if serve:
            out = out.replace(f"127.0.0.1:{self.port}", "localhost:8750")
        got = [line.rstrip() for line in out.splitlines()]
        while got and not got[-1]:
            got.pop()
        self.seen[key] = got
        return got


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    s = Session(tmp_path_factory.mktemp("docs-work"))
    yield s
    s.stop()


def test_every_page_has_run_examples_and_known_flags() -> None:
    assert RUN, "no console example found"
    for b in BLOCKS:
        unknown = sorted(f for f in b.flags if f not in ("no-run", "serve") and not f.startswith("needs="))
        assert not unknown, f"{b.id}: unknown console flag(s) {unknown}"


def test_matching_rules() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "...", "b"], ["a", "b"])
    assert matches(["a long line ..."], ["a long line, cut short"])
    assert matches(["a long line ..."], ["a long line"])
    assert not matches(["a long line ..."], ["a short line"])
    assert not matches(["a", "b"], ["a", "b", "c"])          # nothing extra, nothing missing
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert not matches(["x.y"], ["xzy"])                       # text, not a pattern


@pytest.mark.skipif(not SKIPPED, reason="every example's tools are installed")
def test_examples_needing_tools() -> None:
    pytest.skip("not run, tools missing: " + ", ".join(
        f"{b.id} ({', '.join(missing_tools(b))})" for b in SKIPPED))


@pytest.mark.parametrize("where,code", PYTHON_BLOCKS, ids=[w for w, _ in PYTHON_BLOCKS])
def test_python_examples_run(session: Session, where: str, code: str) -> None:
    """The Python API examples run as written, in the working folder (their paths are relative)."""
    r = subprocess.run([sys.executable, "-c", code], cwd=session.work, env=session.env, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    assert r.returncode == 0, f"{where}: the example fails:\n{r.stdout}"


def test_console_examples(session: Session) -> None:
    """One test for all blocks, in page order: a later example may use what an earlier one made
    (the kit the walk generated), and this holds however the suite is split across workers."""
    failures = []
    updates: list[tuple[str, Command, list[str], list[str]]] = []
    for block in RUN:
        for c in block.commands:
            got = session.run(c.text, serve="serve" in block.flags, where=f"{block.page}:{c.line}")
            expected = list(c.expected)
            while expected and not expected[-1]:
                expected.pop()
            if not matches(expected, got):
                if os.environ.get("LINKSTAR_DOCS_UPDATE") and "..." not in expected \
                        and not any(e.endswith(" ...") for e in expected):
                    updates.append((block.page, c, expected, got))
                    continue
                diff = "\n".join(difflib.unified_diff(expected, got, "page", "got", lineterm=""))
                failures.append(f"{block.page}:{c.line}: `$ {c.text}` printed something else than "
                                f"the page shows:\n{diff}")
    for page, c, expected, got in reversed(updates):
        _rewrite(ROOT / page, c, expected, got)
    if updates:
        failures.append(f"{len(updates)} example(s) rewritten from the tool's output "
                        "(LINKSTAR_DOCS_UPDATE=1): read `git diff` before committing")
    if failures:
        pytest.fail(f"{len(failures)} console example(s) differ from what the tool prints "
                    "(`...` = lines omitted); update the pages from the `got` side:\n\n"
                    + "\n\n".join(failures), pytrace=False)


def _rewrite(page: Path, c: Command, expected: list[str], got: list[str]) -> None:
    """LINKSTAR_DOCS_UPDATE=1: put what the tool printed in place of the example's output (an
    example with `...` elisions is left to a person). Later examples of a page go first, so the
    line numbers of earlier ones still hold."""
    lines = page.read_text(encoding="utf-8").split("\n")
    first = c.line - 1 + c.text.count("\n") + 1  # the line after the command
    indent = lines[c.line - 1][: len(lines[c.line - 1]) - len(lines[c.line - 1].lstrip())]
    assert [x[len(indent):] if x.startswith(indent) else x
            for x in lines[first:first + len(expected)]] == expected, (page, c.line)
    lines[first:first + len(expected)] = [indent + g if g else g for g in got]
    page.write_text("\n".join(lines), encoding="utf-8")


def test_readme_links_and_pictures_exist() -> None:
    """mkdocs --strict checks the links between docs/ pages; the README is outside the site."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = [t.split("#")[0] for t in re.findall(r"\]\(([^)\s]+)\)", text)
               if "://" not in t and not t.startswith("#")]
    assert targets
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert not missing, f"README.md links to files that do not exist: {missing}"
