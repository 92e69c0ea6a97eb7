"""Validation of every file kind under `content/`: articles, event files, the registry.

`content` runs it all (`timeline check`, and the plugin before a build) and reports every
problem at once; `articles`, `events`, `people` check one file kind; `links` checks what spans
files (ids, `part_of`, people, articles); `validate` applies the JSON Schemas in `timeline/schema/`.

May import: `timeline.store` (to read the files it checks) and the bottom modules.
"""
