"""The answers file: its models, loader with positioned errors, library checks and dump."""

from .checks import AnswerParts, applicability_problem, check_answers, check_parts, ratio_problem
from .dump import dump_answers, normalise_answers
from .loader import answers_issues, load_answers, parse_answers
from .models import Answers

__all__ = [
    "AnswerParts",
    "Answers",
    "answers_issues",
    "applicability_problem",
    "check_answers",
    "check_parts",
    "dump_answers",
    "load_answers",
    "normalise_answers",
    "parse_answers",
    "ratio_problem",
]
