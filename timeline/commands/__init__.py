"""The commands behind `timeline` (cli.py): the extract run (`extract`, and `extract_run`:
each file named, `--dry-run`, new sources flagged), `timeline new`, `add` (with `webpage` and
`fetch`), `review`, `cite`, the help texts, progress output, and what the MkDocs plugin runs
(`build`: extraction before a build, the Drafts page).

May import every stage. Nothing imports a command but `timeline/cli.py` and `timeline/plugin.py`.
"""
