"""The public values the catalogue's paths name, read from the public API itself.

Only what any reader can find: a campaign that takes comments, a video story,
the index pages, an image, a document and an approved comment. What is not
public (a draft's id, a private document) comes from
:func:`bench.hostile.facts.hidden_facts`.
"""

import json
from urllib.parse import quote, urlsplit

#: Prefix of the placeholders (``campaign_id``, ``campaign_path``): the listing
#: whose first item they name.
_LISTINGS = {
    "campaign": "/api/v2/pages/?type=campaigns.CampaignPage&locale=vi"
    "&fields=comments_enabled,tags&limit=20",
    "video": "/api/v2/pages/?type=campaigns.VideoStoryPage&locale=vi&limit=1",
    "campaign_index": "/api/v2/pages/?type=campaigns.CampaignIndexPage&locale=vi",
    "video_index": "/api/v2/pages/?type=campaigns.VideoStoryIndexPage&locale=vi",
    "home": "/api/v2/pages/?type=home.HomePage&locale=vi",
    "en_home": "/api/v2/pages/?type=home.HomePage&locale=en",
}


def public_context(send, *, host: str) -> dict[str, str]:
    """Ids and root-relative paths of public content, found through ``send``.

    ``host`` is the name the site answers to (the ``Host`` header variants).
    """
    context = {"host": host, "host_upper": host.upper()}
    for name, path in _LISTINGS.items():
        items = _items(send, path)
        if name == "campaign":
            items = [i for i in items if i.get("comments_enabled")] or items
        if items:
            context[f"{name}_id"] = str(items[0]["id"])
            context[f"{name}_path"] = urlsplit(items[0]["meta"]["html_url"]).path
        if name == "campaign" and items and items[0].get("tags"):
            context["campaign_tag"] = quote(items[0]["tags"][0], safe="")
    images = _items(send, "/api/v2/images/?limit=1")
    if images:
        context["image_id"] = str(images[0]["id"])
    documents = _items(send, "/api/v2/documents/?limit=1")
    if documents:
        context["document_id"] = str(documents[0]["id"])
        download = documents[0]["meta"].get("download_url", "")
        context["document_path"] = urlsplit(download).path
    if "campaign_id" in context:
        comments = _items(send, f"/api/v3/comments/?page={context['campaign_id']}")
        if comments:
            context["comment_id"] = str(comments[0]["id"])
    return context


def _items(send, path: str) -> list[dict]:
    status, _, body = send("GET", path, {}, None)
    if status != 200:
        return []
    return json.loads(body).get("items", [])
