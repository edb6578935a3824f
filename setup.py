"""Build step that setuptools lacks: compiled catalogues in the wheel.

The metadata is in pyproject.toml. The isolated build has neither Django nor GNU
gettext, so ``build_py`` compiles each ``.po`` it copies with polib, and sets the
``espeak-vi`` helper's mode itself, so that a checkout which lost the executable
bit still builds a wheel whose helper runs.
"""

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py

ESPEAK_HELPER = Path("campaigns", "comments", "espeak-vi")


class BuildPy(build_py):
    def build_package_data(self):
        super().build_package_data()
        build_lib = Path(self.build_lib)
        for po in sorted(build_lib.glob("campaigns/locale/*/LC_MESSAGES/*.po")):
            polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))
        (build_lib / ESPEAK_HELPER).chmod(0o755)


setup(cmdclass={"build_py": BuildPy})
