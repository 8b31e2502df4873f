"""Speed and memory of the wizard where a leader feels it, each against a baseline measured in the same run.

Run everything with ``.venv/bin/python -m bench`` (see ``bench/run.py``); the exit code is 1 when a
figure is over its budget (issue 7).
"""
