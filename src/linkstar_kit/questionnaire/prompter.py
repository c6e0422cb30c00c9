"""The four kinds of question, asked with questionary in the current prompt_toolkit session.

Tests run the same prompts on a pipe input (`create_app_session`); a real run uses the
terminal. Ctrl-C and Ctrl-D both end the questionnaire as a KeyboardInterrupt, before anything
is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# (value, label) pairs
Choices = Sequence[tuple[Any, str]]
Check = Callable[[Any], "bool | str"]


class Prompter:
    def __init__(self, lang: str = "en") -> None:
        import questionary

        self._q = questionary
        self.lang = lang

    def _hint(self, kind: str) -> str | None:
        """The catalog's hint for a kind of prompt; none (questionary's own) when empty."""
        from .texts import Texts

        return Texts(self.lang).part("prompts", kind) or None

    def _ask(self, question: Any) -> Any:
        try:
            return question.unsafe_ask()
        except EOFError:
            raise KeyboardInterrupt from None

    def say(self, text: str = "", style: str = "") -> None:
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        print_formatted_text(FormattedText([(style, text)]))

    def text(self, message: str, *, default: str = "", validate: Check | None = None,
             instruction: str | None = None) -> str:
        return str(self._ask(self._q.text(
            message, default=default, validate=validate, instruction=instruction,
            validate_while_typing=False)))

    def select(self, message: str, choices: Choices, *, default: Any = None,
               search: bool = False) -> Any:
        items = [self._q.Choice(title=label, value=value) for value, label in choices]
        values = [value for value, _ in choices]
        extra: dict[str, Any] = {}
        if search:
            extra = {"use_search_filter": True, "use_jk_keys": False}
        return self._ask(self._q.select(
            message, choices=items, default=default if default in values else None,
            instruction=self._hint("search" if search else "select"), **extra))

    def checkbox(self, message: str, choices: Choices, *, checked: Sequence[Any] = (),
                 validate: Check | None = None) -> list[Any]:
        items = [self._q.Choice(title=label, value=value, checked=value in checked)
                 for value, label in choices]
        return list(self._ask(self._q.checkbox(
            message, choices=items, validate=validate or (lambda _: True),
            instruction=self._hint("checkbox"))))

    def confirm(self, message: str, *, default: bool) -> bool:
        return bool(self._ask(self._q.confirm(message, default=default)))
