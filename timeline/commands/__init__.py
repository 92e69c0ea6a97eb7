"""The commands behind `timeline` (cli.py): the extract run, `timeline new`, progress output.

May import every stage. Nothing imports a command but `timeline/cli.py`.
"""
