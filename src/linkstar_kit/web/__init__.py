"""`linkstar serve`: the questionnaire as a web application (see app.py)."""
