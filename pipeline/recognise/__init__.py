"""Recognisers: pure functions that find spans of meaning in text (archives, numbers, times …).

They never change text and never know about TEI; each returns ``Match`` spans
(see ``pipeline.model``) that the TEI writer wraps verbatim.
"""
