"""The platforms' and tools' own report exports in: mapping files per format (`formats/`),
readers that recognise a file by its columns (`read.py`), base measures per day, platform and
site combined across files (`pool.py`), and the client's history for targets (`history.py`).
See docs/exports.md."""
