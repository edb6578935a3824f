"""Throughput benchmark against gunicorn (``make bench``, docs/performance.md)."""
