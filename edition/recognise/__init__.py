"""Recognisers: small functions that look at the source and its blocks and add spans.

Each family lives in its own module. `edition.convert.recognise_all` runs them in a fixed,
visible order; each sees the spans found before it.
"""
