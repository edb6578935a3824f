"""Throughput benchmark against gunicorn (``make bench``, docs/performance.md)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
