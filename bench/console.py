"""The bench's output: progress on stderr, results on stdout."""

import sys


def log(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")
