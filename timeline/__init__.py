"""US–China diplomatic contacts: news articles in, a static timeline site out.

The package is a pure core in stages, each a subpackage, with thin glue on top:

    cli.py, plugin.py, commands/   the `timeline` command and the MkDocs plugin (top)
    site/, sources/                what the plugin renders; imports from outside sources
    check/                         validation of every file under `content/`
    extract/, store/               articles to events; the event files, ledger and merge
    model, people, naming,         plain data, the people registry, ids and titles,
    articles, yamlio, contentfs    reading articles, YAML and the content folder (bottom)

A module imports only from its own stage, from a stage below it, or from the bottom modules;
never from a stage above or from a sibling (extract and store; site and sources).
`tests/test_layers.py` enforces it. Only `plugin.py` imports MkDocs and only
`extract/dates/finder.py` imports dateparser (ruff's TID251).
"""
