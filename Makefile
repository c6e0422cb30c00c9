# Shortcuts; the scripts they call are the README's commands and need no make.
.PHONY: example test setup bench lint golden

setup:
	@sh scripts/setup.sh

example:
	@sh scripts/example.sh

test:
	@sh scripts/test.sh

bench: setup
	.venv/bin/python bench/run.py

lint: setup
	.venv/bin/ruff check src tests bench
	.venv/bin/mypy

# Rewrite tests/golden/ (every text output of the bundled examples) after an intended change of
# output; review it with `git diff tests/golden`.
golden: setup
	.venv/bin/python tests/goldenkit.py
