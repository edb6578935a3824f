"""Print the code blocks of docs/install.md that carry one title.

The "Steps" of docs/install.md are fenced blocks with a title, such as
```` ```python title="settings.py" ````; check.sh appends or runs each kind, so
the document and the check of a fresh site cannot disagree. Standard library
only: it runs before any site exists.

    python install_steps.py docs/install.md settings.py
"""

import re
import sys
from pathlib import Path

_FENCE = re.compile(r'^```\w*\s+title="(?P<title>[^"]+)"\s*$')


def blocks(markdown: str, title: str) -> list[str]:
    """The bodies of the top-level fenced blocks titled ``title``, in order."""
    found, current = [], None
    for line in markdown.splitlines():
        if current is not None:
            if line == "```":
                found.append("\n".join(current) + "\n")
                current = None
            else:
                current.append(line)
            continue
        match = _FENCE.match(line)
        if match and match["title"] == title:
            current = []
    if current is not None:
        raise SystemExit(f'unclosed block titled "{title}"')
    return found


def main(path: str, title: str) -> None:
    found = blocks(Path(path).read_text(encoding="utf-8"), title)
    if not found:
        raise SystemExit(f'{path} has no block titled "{title}"')
    sys.stdout.write("\n" + "\n".join(found))


if __name__ == "__main__":
    main(*sys.argv[1:])
