"""The actuals store: the canonical tables (`data/schema.sql`), the KPIs a kit tracks, and the
CSV loader behind `linkstar load KIT ACTUALS.csv` (embedded default engine: SQLite).

Nothing heavy is imported here; `command.py` is on the `linkstar --help` path.
"""
