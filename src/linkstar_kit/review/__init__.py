"""`linkstar review KIT --period ID`: the weekly, monthly or quarterly review from the actuals.

model.py reads the kit and its store and decides every number (status, trend, anomaly, goals'
pace through the kit's one pacing module, pacing.py, issues, suggestions); issues.py keeps the issues in the store; document.py writes the
meeting's agenda filled in; chart.py draws the trend charts; write.py puts the files under
KIT/reviews/<ID>/. The texts are data files, one per language (texts/en.yaml, texts/zh.yaml).

Nothing heavy is imported here; command.py is on the `linkstar --help` path.
"""
