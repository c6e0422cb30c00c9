"""`linkstar init`: ask the questionnaire in a terminal, or copy a bundled example.

Imported on the path of `linkstar --help`: questionary and the models load inside `cmd_init`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..atomic import write_atomically
from ..options import add_library_opt
from ..paths import data_dir

DEFAULT_OUTPUT = "answers.yaml"

def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "init", help="answer the questionnaire in a terminal and write an answers file",
        description="Ask about the team (scope, goals, platforms, roles, data systems, review "
                    "cadence, incentives), check each answer as it is given, and write a "
                    "commented answers file for `linkstar generate`.")
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"answers file to write (default: {DEFAULT_OUTPUT}, or the --from file); "
                   "with --example, `-` prints it")
    p.add_argument("--lang", choices=("zh", "en"),
                   help="language of the questions (default: asked first)")
    p.add_argument("--from", dest="from_file", metavar="FILE",
                   help="ask again with this answers file's answers as the defaults")
    p.add_argument("--example", metavar="NAME",
                   help="copy a bundled example instead of asking (no terminal needed)")
    add_library_opt(p)
    p.set_defaults(func=cmd_init)


# --- examples ------------------------------------------------------------------------------

def examples_dir() -> Path:
    """The examples that travel with the package (or the repository's, in a source checkout)."""
    return data_dir("examples")


def example_files() -> dict[str, Path]:
    """Bundled examples by name; when a YAML and a JSON file share a name, the YAML one."""
    folder = examples_dir()
    if not folder.is_dir():
        return {}
    order = {".json": 0, ".yml": 1, ".yaml": 2}
    files = sorted((f for f in folder.iterdir() if f.suffix in order and f.is_file()),
                   key=lambda f: (f.stem, order[f.suffix]))
    return dict(sorted({f.stem: f for f in files}.items()))


def find_example(name: str) -> Path:
    from ..errors import UsageError, did_you_mean

    exact = examples_dir() / Path(name).name
    if Path(name).suffix in (".yaml", ".yml", ".json") and exact.is_file():
        return exact
    files = example_files()
    stem = Path(name).stem if Path(name).suffix in (".yaml", ".yml", ".json") else name
    if stem in files:
        return files[stem]
    if not files:
        raise UsageError(f"no bundled examples found in {examples_dir()}")
    hint = did_you_mean(stem, files)
    raise UsageError(f"unknown example `{name}`" + (f" ({hint})" if hint else "")
                     + f"; bundled examples: {', '.join(files)}")


# --- writing -------------------------------------------------------------------------------

def render_answers(answers: Any, library: Any, lang: str, path: Path, shown: str) -> str:
    """The file's text: commented YAML, or JSON for a `.json` path."""
    if path.suffix == ".json":
        import json

        from ..answers.dump import normalise_answers

        data = normalise_answers(answers).model_dump(mode="json", exclude_none=True)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from .yaml_out import commented_yaml

    return commented_yaml(answers, library, lang, shown)


def _interactive() -> bool:
    try:
        return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _free_path(path: Path, prompter: Any, texts: Any) -> Path | None:
    """`path`, or another one the person gives when it exists and they keep it; None: quit."""
    from ..errors import display_path

    while path.exists():
        if path.is_file() and prompter.confirm(texts("overwrite", file=display_path(path)),
                                               default=False):
            return path
        other = prompter.text(texts("other_file")).strip()
        if not other:
            return None
        path = Path(other)
    return path


# --- the command ---------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from ..errors import UsageError, display_path

    if args.example and args.from_file:
        raise UsageError("give either --example or --from, not both")
    if args.example and args.output == "-":  # the example on standard output, as `migrate -o -`
        sys.stdout.write(find_example(args.example).read_text(encoding="utf-8"))
        return 0
    if args.output == "-":  # a file named `-` was written in the working folder
        raise UsageError("-o -: the questionnaire writes a file; name it (e.g. -o answers.yaml)")
    if args.example:
        return _copy_example(args)
    if not _interactive():
        names = list(example_files()) or ["amazon-us"]
        from .texts import Texts

        print(Texts(args.lang or "en").part("prompts", "no_tty", first=names[0],
                                            names=", ".join(names)), file=sys.stderr)
        return 1

    from ..answers.loader import load_answers, parse_answers
    from ..library.loader import load_library
    from .flow import Questionnaire
    from .prompter import Prompter
    from .texts import Texts

    library = load_library(args.library or [])
    defaults = None
    lang = args.lang
    if args.from_file:
        previous = load_answers(Path(args.from_file), library)
        defaults = previous.model_dump(mode="json", exclude_none=True)
        lang = lang or previous.client.language
    out = Path(args.output or args.from_file or DEFAULT_OUTPUT)
    prompter = Prompter(lang or "en")
    if lang is None:
        guess = "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"
        en, zh = Texts("en"), Texts("zh")
        lang = prompter.select(f"{en.part('prompts', 'pick_language')} / "
                               f"{zh.part('prompts', 'pick_language')}",
                               [("zh", zh.part("prompts", "language_name")),
                                ("en", en.part("prompts", "language_name"))], default=guess)
    texts = Texts(lang)
    answers = Questionnaire(library, lang, prompter, defaults=defaults,
                            target=display_path(out)).run()
    path = _free_path(out, prompter, texts) if answers is not None else None
    if answers is None or path is None:
        prompter.say(texts("not_written"))
        return 1
    shown = display_path(path)
    text = render_answers(answers, library, lang, path, shown)
    # What is written must read back as valid answers; a failure here is a bug, not a file.
    parse_answers(text, shown, library, json_syntax=path.suffix == ".json")
    write_atomically(path, text)
    prompter.say(texts("wrote", file=shown))
    return 0


def _copy_example(args: argparse.Namespace) -> int:
    from ..errors import UsageError, display_path

    source = find_example(args.example)
    out = Path(args.output or DEFAULT_OUTPUT)
    if out.exists():
        if not _interactive():
            raise UsageError(f"{display_path(out)} already exists; choose another file with "
                             "-o, or remove it first")
        from .prompter import Prompter
        from .texts import Texts

        path = _free_path(out, Prompter(args.lang or "en"), Texts(args.lang or "en"))
        if path is None:
            print("nothing was written", file=sys.stderr)
            return 1
        out = path
    if out.suffix == ".json" and source.suffix != ".json":
        from ..answers.loader import load_answers
        from ..library.loader import load_library

        library = load_library(args.library or [])
        answers = load_answers(source, library)
        write_atomically(out, render_answers(answers, library, "en", out, display_path(out)))
    else:
        write_atomically(out, source.read_bytes())
    shown = display_path(out)
    print(f"wrote {shown} from the example `{source.stem}`. Edit it, then check it with "
          f"`linkstar validate {shown}`, or amend it question by question with "
          f"`linkstar init --from {shown}`.")
    return 0
