"""The chronology's core: load, validate and render the data in data/.

Nothing in this package imports MkDocs. The MkDocs hook beside it
(hooks/chronology_pages.py) is the only place that speaks MkDocs, so the core
can move to another site generator unchanged.
"""
