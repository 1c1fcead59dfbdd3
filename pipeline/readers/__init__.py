"""Readers, one per export layout; ``detect`` picks the best for a text."""
