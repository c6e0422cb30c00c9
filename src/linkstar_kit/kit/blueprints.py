"""Render documents from the blueprints, in memory, with Jinja.

A blueprint is a cookiecutter template folder (`cookiecutter.json` plus one
`{{cookiecutter.out}}/` tree and an optional `templates/` folder of partials). Blueprints are
looked up along a search path, the user's `--blueprints DIR` first, then the shipped ones, one
blueprint folder at a time, so a consultant can copy one folder, brand it and override only that.

linkstar renders a blueprint the way cookiecutter's `generate_files` does (same context under
`cookiecutter`, StrictUndefined, trailing newlines kept, partials found in the tree and then in
`templates/`, file and folder names rendered too, "\\n" line ends) but keeps the text in memory
instead of writing a temporary folder and reading it back. The folders stay valid cookiecutter
templates: `cookiecutter.json` declares the filters' extension, and tests/test_blueprints.py
renders a blueprint with cookiecutter itself and compares the text.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import BlueprintError, display_path
from ..paths import data_dir

if TYPE_CHECKING:
    from jinja2 import Environment

# What cookiecutter loads (`_extensions` in every shipped cookiecutter.json says the same).
EXTENSIONS = ["linkstar_kit.kit.jinja_ext.LinkstarExtension"]
TREE_MARK = "cookiecutter"  # the template tree is the folder named like `{{cookiecutter.out}}`
OUT = "out"
_bytecode: Any = None


def _bytecode_cache() -> Any:
    """One Jinja bytecode cache per process, in memory and on disk.

    Each `Blueprints` (one per kit) builds its own environments, so without the memory every
    kit generated in one process (tests, the bench, a server) would compile the same templates
    again; without the disk every `linkstar generate` compiled them again, about a fifth of a
    Markdown kit's time (issue 21). Entries are checked against the template's source (Jinja
    stores its checksum), so an edited template or a user blueprint with the same file name
    never reuses another's code; the folder is named by what the compiled code also depends on
    (Jinja's and Python's versions, the filters' extension), so a change of those starts afresh.
    A cache folder that cannot be read or written is no error: the template is compiled.
    """
    global _bytecode
    if _bytecode is None:
        from jinja2.bccache import Bucket, BytecodeCache

        class TwoLevelBytecodeCache(BytecodeCache):
            def __init__(self, directory: Path | None) -> None:
                self.store: dict[str, bytes] = {}
                self.directory = directory

            def load_bytecode(self, bucket: Bucket) -> None:
                data = self.store.get(bucket.key)
                if data is None and self.directory is not None:
                    try:
                        data = (self.directory / f"{bucket.key}.cache").read_bytes()
                    except OSError:
                        return
                if data is not None:
                    bucket.bytecode_from_string(data)  # resets itself when stale

            def dump_bytecode(self, bucket: Bucket) -> None:
                data = bucket.bytecode_to_string()
                self.store[bucket.key] = data
                if self.directory is not None:
                    from ..atomic import write_atomically

                    try:
                        write_atomically(self.directory / f"{bucket.key}.cache", data)
                    except OSError:
                        self.directory = None

        _bytecode = TwoLevelBytecodeCache(_bytecode_dir())
    return _bytecode


def _bytecode_dir() -> Path | None:
    import hashlib
    import sys

    import jinja2

    from ..diskcache import cache_dir
    from . import jinja_ext

    base = cache_dir()
    if base is None:
        return None
    try:
        st = os.stat(jinja_ext.__file__)
    except OSError:
        return None
    stamp = f"{jinja2.__version__}|{sys.version}|{jinja_ext.__file__}|{st.st_size}|{st.st_mtime_ns}"
    return base / f"jinja-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}"


def shipped_blueprints_dir() -> Path:
    return data_dir("blueprints")


class _Blueprint:
    """One blueprint folder, ready to render: its template tree and its Jinja environment."""

    def __init__(self, repo: Path) -> None:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined

        from .jinja_ext import LinkstarExtension

        self.repo = repo
        trees = sorted(p for p in os.listdir(repo)
                       if TREE_MARK in p and "{{" in p and "}}" in p and (repo / p).is_dir())
        if not trees:
            raise BlueprintError(f"blueprint {display_path(repo)} has no template folder: it "
                                 "needs a `{{cookiecutter.out}}` folder holding the documents")
        self.tree_name = trees[0]
        self.tree = repo / self.tree_name
        # cookiecutter's loader, FileSystemLoader(['.', '../templates']) run inside the tree.
        self.env: Environment = Environment(
            loader=FileSystemLoader([str(self.tree), str(repo / "templates")]),
            undefined=StrictUndefined, keep_trailing_newline=True,
            extensions=[LinkstarExtension], bytecode_cache=_bytecode_cache())
        # Template files, as cookiecutter walks them: sorted, relative to the tree, with "/".
        self.files: list[str] = []
        for root, dirs, names in os.walk(self.tree):
            dirs.sort()
            rel = Path(root).relative_to(self.tree).as_posix()
            self.files += [n if rel == "." else f"{rel}/{n}" for n in sorted(names)]
        self._names: dict[str, Any] = {}  # compiled file-name templates
        self._text: set[str] = set()  # files already found to be UTF-8 text

    def _name(self, template: str, ctx: dict[str, Any]) -> str:
        """A file or folder name rendered like cookiecutter does (`roles/{{cookiecutter.role_key}}.md`)."""
        if "{" not in template:
            return template
        if template not in self._names:
            self._names[template] = self.env.from_string(template)
        return str(self._names[template].render(ctx))

    def _check_text(self, template: str) -> None:
        if template in self._text:
            return
        try:
            (self.tree / template).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise BlueprintError(
                f"blueprint {display_path(self.repo)}: {self.where(template)} is not UTF-8 "
                "text; a document template must be text (images belong next to the HTML "
                "layout's style.css)") from None
        self._text.add(template)

    def where(self, template: str) -> str:
        """A template's path inside the blueprint folder, as the user sees it there."""
        if template in self.files:
            return f"{self.tree_name}/{template}"
        return f"templates/{template}"

    def render(self, context: dict[str, Any]) -> dict[str, str]:
        from jinja2 import TemplateError

        ctx = {"cookiecutter": context}
        files: dict[str, str] = {}
        current = self.tree_name
        try:
            if self._name(self.tree_name, ctx) != OUT:
                return files  # cookiecutter would write the documents somewhere else
            for template in self.files:
                current = template
                path = self._name(template, ctx)
                if not path or path.endswith("/") or "//" in path:
                    continue  # an empty file name: cookiecutter skips the file
                norm = posixpath.normpath(path)
                if norm.startswith(("../", "/")) or norm == "..":
                    raise BlueprintError(f"blueprint {display_path(self.repo)}: "
                                         f"{self.where(template)} is written outside the kit "
                                         f"(as {path})")
                self._check_text(template)
                text = self.env.get_template(template).render(ctx)
                # cookiecutter wrote "\n" line ends and linkstar read the file back as text,
                # which turned any "\r" a value carried into a line end; keep it that way.
                files[norm] = text.replace("\r\n", "\n").replace("\r", "\n")
        except TemplateError as exc:
            raise BlueprintError(self._describe(current, exc)) from None
        except BlueprintError:
            raise
        except Exception as exc:  # a template's own error (a division by zero, a bad call)
            raise BlueprintError(self._describe(current, exc)) from None
        return {k: files[k] for k in sorted(files, key=lambda p: PurePosixPath(p).parts)}

    def _describe(self, template: str, exc: BaseException) -> str:
        """`blueprint DIR (FILE, line N) does not render: why`, FILE being the innermost
        template the error happened in (a partial in templates/ included by a document)."""
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

        where, line = self.where(template), None
        if isinstance(exc, TemplateSyntaxError) and exc.name:
            where, line = self.where(exc.name), exc.lineno
        else:
            found = _template_frame(exc.__traceback__, self)
            if found:
                where, line = found
        msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if isinstance(exc, TemplateNotFound):
            msg = (f"template `{exc.name}` not found (looked in {self.tree_name}/ and templates/ "
                   "of the blueprint)")
        elif not isinstance(exc, TemplateError):
            msg = f"{type(exc).__name__}: {msg}"
        return (f"blueprint {display_path(self.repo)} ({where}"
                + (f", line {line}" if line else "") + f") does not render: {msg}")


def _template_frame(tb: TracebackType | None, bp: _Blueprint) -> tuple[str, int] | None:
    """(template path, line) of the innermost traceback frame that is a blueprint template's.

    Jinja rewrites tracebacks so that a template's frames carry its file name and line."""
    roots = {str(bp.tree): bp.tree_name, str(bp.repo / "templates"): "templates"}
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        for root, shown in roots.items():
            if filename.startswith(root + os.sep):
                found = (shown + "/" + Path(filename).relative_to(root).as_posix(), tb.tb_lineno)
        tb = tb.tb_next
    return found


class Blueprints:
    def __init__(self, user_dir: Path | str | None = None) -> None:
        self.search: list[Path] = []
        if user_dir is not None:
            d = Path(user_dir)
            if not d.is_dir():
                raise BlueprintError(f"blueprint folder {display_path(d)} not found")
            self.search.append(d)
        self.search.append(shipped_blueprints_dir())
        self._loaded: dict[str, _Blueprint] = {}

    def find(self, name: str) -> Path:
        for base in self.search:
            if (base / name / "cookiecutter.json").is_file():
                return base / name
        raise BlueprintError(f"no blueprint `{name}` (looked in "
                             + ", ".join(display_path(b) for b in self.search) + ")")

    def blueprint(self, name: str) -> _Blueprint:
        """Blueprint `name` from the first folder of the search path that has it, loaded once."""
        if name not in self._loaded:
            self._loaded[name] = _Blueprint(self.find(name))
        return self._loaded[name]

    def render(self, name: str, context: dict[str, Any], expect: Sequence[str]) -> dict[str, str]:
        """Render blueprint `name`; return {relative path: text}. `expect` must all be produced."""
        bp = self.blueprint(name)
        files = bp.render({**context, "out": OUT, "_extensions": EXTENSIONS, "_new_lines": "\n"})
        missing = [e for e in expect if e not in files]
        if missing:
            repo = display_path(bp.repo)
            raise BlueprintError(
                f"blueprint {repo} did not produce " + ", ".join(missing)
                + f": its template {repo}/{{{{cookiecutter.out}}}}/"
                + missing[0].split("/")[-1] + " (or the folder holding it) is missing")
        return files
