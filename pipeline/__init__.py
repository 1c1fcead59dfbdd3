"""Digital edition pipeline: text exports of archival telegrams → TEI P5 → HTML and text editions."""

__version__ = "0.1.0"
