# The two commands a newcomer needs; each does all of its own set-up.
.PHONY: example test setup bench lint

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
