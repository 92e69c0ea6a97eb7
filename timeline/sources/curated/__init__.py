"""Curated facts: contacts an editor compiled from official readouts and reports, imported with
`timeline import FILE` (CSV, YAML or JSON rows; columns in docs/editors.md, "Importing
curated contacts").

`rows` reads and validates the rows (every bad row reported, one line each); `importer`
groups the rows of one contact into an event, merges it with the event already in the store
(adding people and sources, never duplicating) and nests contacts inside trips.
"""
