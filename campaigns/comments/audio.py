"""Where the captcha's spoken digits come from.

django-simple-captcha runs ``CAPTCHA_FLITE_PATH`` with flite's arguments; the
plugin ships ``espeak-vi``, executable, beside this module, which speaks them in
Vietnamese with espeak-ng instead. This module imports nothing of Django, so a
site's settings can import it.
"""

import shutil
from pathlib import Path

#: The helper script, inside the installed package.
ESPEAK_HELPER = Path(__file__).with_name("espeak-vi")


def captcha_flite_path() -> str | None:
    """``CAPTCHA_FLITE_PATH``: the helper if espeak-ng is installed, else None.

    None turns the captcha's audio, and its link, off.
    """
    return str(ESPEAK_HELPER) if shutil.which("espeak-ng") else None
