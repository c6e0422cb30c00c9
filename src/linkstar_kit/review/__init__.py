"""`linkstar review KIT --period ID`: the weekly, monthly or quarterly review from the actuals.

model.py reads the kit and its store and decides every number (status, trend, anomaly, the
goals' pace through the kit's one pacing module, pacing.py); issues.py keeps the issues in the
store; suggest.py makes the quarter's suggestions; document.py writes the meeting's agenda
filled in; chart.py draws the trend charts; run.py checks, decides and writes the files under
KIT/reviews/<ID>/. The texts are in the kit's text catalog (catalog/en.yaml, catalog/zh.yaml,
under `review`).

Nothing heavy is imported here; command.py is on the `linkstar --help` path.
"""
