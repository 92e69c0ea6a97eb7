"""Dates: find every date phrase of a sentence and resolve it against the publication date.

`spans` finds uk/ru/en/zh phrases with the project's own patterns (`words` holds the
vocabulary), `finder` resolves them (the only module that imports dateparser), `pick`
chooses which date belongs to a contact word, `published` and `weekday_year` recover a
missing publication date or year, `daymath` is the plain calendar arithmetic.

May import: the rest of `timeline.extract` and the bottom modules.
"""
