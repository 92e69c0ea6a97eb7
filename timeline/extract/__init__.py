"""Extraction: from one article's text to draft contact events, and its evaluation.

Owns sentences, date phrases (`dates/`), names, offices, places, contact words (`triggers`),
tense, the sentence-level contact finder (`contacts`), the article-level extractor
(`extractor`) and `timeline eval` (`evaluate`, `scoring`).

May import: the bottom modules (`timeline.model`, `people`, `naming`, `yamlio`). Nothing of
`store`, `check`, `site`, `sources` or `commands`.
"""
