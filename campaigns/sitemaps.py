"""A sitemap of the requesting site in every language (DESIGN §12).

Wagtail's sitemap lists the pages under the site's root page. Under
wagtail-localize a site's translations are sibling trees of that root, so its
English pages would be missing; this one lists the live, public pages of the
root and of each translation of it, and nothing of another site.
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from campaigns import sites


class SiteSitemap(Sitemap):
    def items(self):
        return (
            Page.objects.filter(sites.in_site(self.get_wagtail_site()))
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
