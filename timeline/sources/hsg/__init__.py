"""The Office of the Historian's travels and visits records as `visit` events.

`parse` reads the XML into records, `officials` resolves the people its remarks name,
`events` turns a record into an event in the project's own words, `importer` is
`timeline import-hsg`.
"""
