# The two commands a newcomer needs; each does all of its own set-up.
.PHONY: example test setup bench lint golden

setup:
	@bash scripts/setup.sh

example: setup
	.venv/bin/linkstar generate examples/amazon-us.yaml -o output/amazon-us
	.venv/bin/linkstar generate examples/amazon-us.yaml -o output/amazon-us-en --lang en

test: setup
	.venv/bin/python -m pytest

bench: setup
	.venv/bin/python bench/run.py

lint: setup
	.venv/bin/ruff check src tests bench
	.venv/bin/mypy

# Rewrite tests/golden/ (every text output of the bundled examples) after an intended change of
# output; review it with `git diff tests/golden`.
golden: setup
	.venv/bin/python tests/goldenkit.py
