"""The plugin's distribution: a wheel of `campaigns` alone, complete and runnable.

The wheel is built once per session the way a host gets it: ``python -m build``
makes the sdist and then the wheel from the unpacked sdist, in an isolated
environment.
"""

import gettext
import io
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import polib
import pytest

import campaigns

pytestmark = pytest.mark.distribution

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "campaigns"
HELPER = "campaigns/comments/espeak-vi"
CATALOGUE = "campaigns/locale/vi/LC_MESSAGES/django"
DIST_INFO = f"wagtail_campaigns-{campaigns.__version__}.dist-info"


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run one of this module's own commands; a non-zero exit fails the test."""
    result = subprocess.run(  # noqa: S603 -- fixed arguments: python, pip, build, espeak-vi.
        args, capture_output=True, text=True, **kwargs
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def dist_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    return out


@pytest.fixture(scope="session")
def wheel_path(dist_dir) -> Path:
    (wheel,) = dist_dir.glob("wagtail_campaigns-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel(wheel_path):
    with zipfile.ZipFile(wheel_path) as archive:
        yield archive


@pytest.fixture(scope="session")
def installed(wheel_path, tmp_path_factory) -> Path:
    """The wheel as pip installs it, into a folder of its own."""
    target = tmp_path_factory.mktemp("site-packages")
    _run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
        + ["--target", str(target), str(wheel_path)]
    )
    return target


@pytest.fixture
def fake_espeak_ng(tmp_path) -> Path:
    """A folder with an ``espeak-ng`` that writes its arguments to the -w file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "espeak-ng"
    script.write_text(
        '#!/bin/sh\nargs="$*"\nwhile [ "$1" != -w ]; do shift; done\n'
        'echo "$args" > "$2"\n'
    )
    script.chmod(0o755)
    return bin_dir


def _source_files(folder: str) -> set[str]:
    return {
        path.relative_to(ROOT).as_posix()
        for path in (PLUGIN / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_wheel_holds_the_campaigns_package_alone(wheel):
    top_level = {name.split("/")[0] for name in wheel.namelist()}
    assert top_level == {"campaigns", DIST_INFO}
    assert wheel.read(f"{DIST_INFO}/top_level.txt").decode().split() == ["campaigns"]


@pytest.mark.parametrize("folder", ["templates", "static", "migrations"])
def test_wheel_carries_every_file_of(wheel, folder):
    expected = {name for name in _source_files(folder) if not name.endswith(".pyc")}
    assert expected
    assert expected <= set(wheel.namelist())


def test_wheel_catalogue_is_compiled_from_the_po(wheel):
    catalogue = gettext.GNUTranslations(io.BytesIO(wheel.read(f"{CATALOGUE}.mo")))
    assert catalogue.gettext("Campaigns") == "Chiến dịch"
    po = polib.pofile(str(PLUGIN / "locale/vi/LC_MESSAGES/django.po"))
    entries = [entry for entry in po.translated_entries() if not entry.msgid_plural]
    assert entries
    for entry in entries:
        if entry.msgctxt:
            assert catalogue.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert catalogue.gettext(entry.msgid) == entry.msgstr


def test_wheel_keeps_the_espeak_helper_executable(wheel):
    mode = wheel.getinfo(HELPER).external_attr >> 16
    assert stat.S_ISREG(mode)
    assert mode & 0o111 == 0o111


def test_helper_is_executable_even_from_a_checkout_that_lost_the_bit(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(
        PLUGIN, checkout / "campaigns", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, checkout)
    (checkout / HELPER).chmod(0o644)
    _run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), "."],
        cwd=checkout,
    )
    (wheel_path,) = tmp_path.glob("wagtail_campaigns-*.whl")
    with zipfile.ZipFile(wheel_path) as archive:
        assert (archive.getinfo(HELPER).external_attr >> 16) & 0o111 == 0o111


def test_metadata_names_the_distribution_and_dependency_ranges(wheel):
    metadata = HeaderParser().parsestr(wheel.read(f"{DIST_INFO}/METADATA").decode())
    assert metadata["Name"] == "wagtail-campaigns"
    assert metadata["Version"] == campaigns.__version__
    requirements = metadata.get_all("Requires-Dist")
    assert any(req.startswith("wagtail<9,>=8.0") for req in requirements)
    for requirement in requirements:
        assert "==" not in requirement and ">=" in requirement, requirement


def test_sdist_leaves_the_site_out(dist_dir):
    (sdist,) = dist_dir.glob("wagtail_campaigns-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 2)[1] for name in archive.getnames() if "/" in name}
    assert {"campaigns", "pyproject.toml", "setup.py"} <= names
    assert not names & {"cms", "home", "tests", "bench", "deploy", "locale"}


def test_installed_helper_is_executable_and_speaks(installed, fake_espeak_ng, tmp_path):
    helper = installed / HELPER
    assert os.stat(helper).st_mode & stat.S_IXUSR
    out = tmp_path / "digits.wav"
    _run(
        [str(helper), "-t", "4 2 7", "-o", str(out)],
        env={"PATH": f"{fake_espeak_ng}{os.pathsep}/usr/bin:/bin"},
    )
    spoken = out.read_text().strip()
    assert spoken.startswith("-v vi ")
    assert spoken.endswith(" -- 4 2 7")


def test_installed_package_resolves_captcha_audio_to_its_own_helper(
    installed, fake_espeak_ng
):
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from campaigns.comments.audio import captcha_flite_path;"
        "print(captcha_flite_path())"
    )
    result = _run(
        [sys.executable, "-I", "-c", code, str(installed)],
        env={"PATH": f"{fake_espeak_ng}{os.pathsep}/usr/bin:/bin"},
    )
    assert Path(result.stdout.strip()) == installed / HELPER
