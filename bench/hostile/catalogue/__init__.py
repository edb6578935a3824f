"""Every kind of hostile input, against every public surface of the portal.

Grouped by surface; :func:`catalogue` is the whole list, in a fixed order.
"""

from bench.hostile.catalogue import (
    api,
    comment_form,
    comments,
    counting,
    site,
    transport,
)
from bench.hostile.kinds import Kind


def catalogue() -> list[Kind]:
    return [
        *comments.api_kinds(),
        *comment_form.form_kinds(),
        *comments.captcha_kinds(),
        *api.v2_kinds(),
        *api.v3_kinds(),
        *counting.beacon_kinds(),
        *counting.stats_and_preview_kinds(),
        *site.listing_kinds(),
        *site.search_kinds(),
        *site.document_kinds(),
        *site.password_and_login_kinds(),
        *site.sitemap_and_plain_kinds(),
        *transport.path_kinds(),
        *transport.host_kinds(),
        *transport.method_kinds(),
        *transport.header_kinds(),
    ]
