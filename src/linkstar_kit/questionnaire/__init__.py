"""`linkstar init`: the questionnaire that writes an answers file.

Every answer is validated by the answers file's own rules (`answers.loader` and
`answers.checks`), so what the questionnaire accepts, `linkstar validate` accepts.
"""
