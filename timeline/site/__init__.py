"""What the plugin publishes, as plain data: pages, cards, the chart, exports and feeds.

`load` collects everything from `content/` (through `timeline.check`), `index` is the site as
the renderers see it, `render` lists every page and data file; `home`, `pages`, `people`,
`cards` and `chart` render HTML through `markup` (the only place untrusted text meets HTML);
`exports` and `feeds` write JSON, CSV, TimelineJS, iCalendar and Atom.

May import: `timeline.check`, `timeline.store` and the bottom modules. Never MkDocs: only
`timeline/plugin.py` does.
"""
