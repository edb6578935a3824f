"""Documents of draft and private pages stay private (issue 14 item 6).

A dispatch attached to a page that is not live, or that only signed-in readers
see, is neither listed by the documents APIs nor served by ``/documents/`` to
the public; editors still have it, and a document a public page uses is served.
"""

import pytest
from wagtail.models import PageViewRestriction

from tests.conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(make_campaign):
    public, draft, private, unused = (
        make_document(title) for title in ("Công văn", "Bản nháp", "Nội bộ", "Lẻ")
    )
    make_campaign("Chiến dịch công khai", dispatch_document=public)
    make_campaign("Chiến dịch nháp", publish_it=False, dispatch_document=draft)
    restricted = make_campaign("Chiến dịch nội bộ", dispatch_document=private)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    return {"public": public, "draft": draft, "private": private, "unused": unused}


def _listed(client, version) -> set[str]:
    answer = client.get(f"/api/{version}/documents/", {"limit": 50})
    assert answer.status_code == 200
    return {item["title"] for item in answer.json()["items"]}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_documents_apis_list_no_document_of_a_hidden_page(
    client, documents, version
):
    assert _listed(client, version) == {"Công văn", "Lẻ"}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_hidden_pages_document_has_no_detail_either(client, documents, version):
    for name in ("draft", "private"):
        detail = client.get(f"/api/{version}/documents/{documents[name].pk}/")
        assert detail.status_code == 404


def test_anonymous_download_of_a_hidden_pages_document_is_404(client, documents):
    assert client.get(documents["public"].url).status_code == 200
    for name in ("draft", "private"):
        assert client.get(documents[name].url).status_code == 404


def test_editors_still_have_every_document(client, documents, officer):
    client.force_login(officer)
    assert client.get(documents["draft"].url).status_code == 200
    assert client.get(documents["private"].url).status_code == 200


def test_publishing_the_page_makes_its_document_public(client, documents):
    from campaigns.models import CampaignPage

    page = CampaignPage.objects.get(title="Chiến dịch nháp")
    page.save_revision().publish()
    assert client.get(documents["draft"].url).status_code == 200
    assert "Bản nháp" in _listed(client, "v2")


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_searching_the_documents_finds_no_hidden_one(client, documents, version):
    answer = client.get(f"/api/{version}/documents/", {"search": "Bản nháp"})
    assert answer.status_code == 200
    assert "Bản nháp" not in {item["title"] for item in answer.json()["items"]}
