"""Uploads accepted by what they contain: one validator for every upload path (ADR 0150)."""
