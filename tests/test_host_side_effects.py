"""What the plugin changes beyond its own models, and only when the host asks.

The portal turns both features on; a host that does not, or that keeps
``wagtail.locales``, keeps Wagtail's own slug fields, page reads and locales.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import resolve

from campaigns.models import CampaignPage
from home.models import HomePage

ROOT = Path(__file__).resolve().parent.parent
FORMATTERS = "data-w-slug-formatters-value"


def _slug_widget(model):
    form_class = model.get_edit_handler().get_form_class()
    return form_class.base_fields["slug"].widget


def _answering_modules(path: str) -> set[str]:
    """The modules of the functions that answer a GET of ``path``."""
    view = resolve(path).func
    (path_view,) = (
        cell.cell_contents
        for cell in view.__closure__
        if type(cell.cell_contents).__name__ == "PathView"
    )
    return {
        operation.view_func.__module__
        for operation in path_view.operations
        if "GET" in operation.methods
    }


@pytest.mark.parametrize("model", [CampaignPage, HomePage])
def test_the_portals_slug_fields_transliterate_vietnamese(model):
    attrs = _slug_widget(model).attrs
    patterns = [pattern for pattern, *_ in json.loads(attrs[FORMATTERS])]
    assert any("đ" in pattern for pattern in patterns)


def test_the_portal_reads_pages_through_the_plugin():
    assert _answering_modules("/api/v3/pages/") == {"campaigns.api.v3.pages"}
    assert _answering_modules("/api/v3/pages/find/") == {"campaigns.api.v3.pages"}


def test_without_wagtail_locales_the_plugin_lists_the_languages():
    assert _answering_modules("/api/v3/locales/") == {"campaigns.api.v3.routers"}


#: A host that keeps ``wagtail.locales`` and sets neither feature: the portal's
#: test settings with ``wagtail.locales`` for wagtail-localize's (they share a
#: label) and without the two ``CAMPAIGNS_*`` switches.
STRANGER_HOST = """
import json

import django
from django.conf import settings

import cms.settings.test as portal

values = {name: getattr(portal, name) for name in dir(portal) if name.isupper()}
values["INSTALLED_APPS"] = [
    "wagtail.locales" if app == "wagtail_localize.locales" else app
    for app in values["INSTALLED_APPS"]
]
del values["CAMPAIGNS_VIETNAMESE_SLUGS"], values["CAMPAIGNS_API_V3_PAGE_READS"]
settings.configure(**values)
django.setup()

from django.db.models import SlugField
from wagtail.admin.forms.models import registry
from wagtail.api.v3.api import api

from tests.test_host_side_effects import _answering_modules

document = api.get_openapi_schema(path_prefix="/api/v3/")
print(json.dumps({
    "slug_override": repr(registry.get_by_type(SlugField)),
    "locales": sorted(_answering_modules("/api/v3/locales/")),
    "pages": sorted(_answering_modules("/api/v3/pages/")),
    "documented_locales": document["paths"]["/api/v3/locales/"]["get"]["operationId"],
}))
"""


@pytest.fixture(scope="module")
def stranger_host():
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    environ.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 -- fixed arguments, our own code.
        [sys.executable, "-c", STRANGER_HOST],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_a_host_keeps_wagtails_slug_widget_by_default(stranger_host):
    assert stranger_host["slug_override"] == (
        "{'widget': <class 'wagtail.admin.widgets.slug.SlugInput'>}"
    )


def test_a_host_keeps_wagtails_page_reads_by_default(stranger_host):
    assert stranger_host["pages"] == ["wagtail.api.v3.routers.pages"]


def test_wagtail_locales_keeps_its_own_locales_endpoint(stranger_host):
    assert stranger_host["locales"] == ["wagtail.locales.api.v3.router"]
    assert stranger_host["documented_locales"] == "locales_list"
