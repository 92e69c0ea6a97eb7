"""Events from outside sources other than news articles (the Office of the Historian, `hsg/`).

May import: `timeline.store`, `timeline.check` and the bottom modules; not `extract` or `site`.
"""
