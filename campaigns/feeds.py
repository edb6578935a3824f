"""RSS and Atom feeds of a campaign index: its ``feed_items()``, newest first.

Links are built from the site's record, like every other absolute link, not
from the host name the request happened to use.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class CampaignRssFeed(Feed):
    """The latest public campaigns of one index, newest first."""

    #: The index's route that serves this feed.
    route = "rss"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(request=self.request)

    def feed_url(self, index):
        return self.link(index) + index.reverse_subpage(self.route)

    def description(self, index):
        return _("Campaign announcements from %(title)s") % {"title": index.title}

    def items(self, index):
        return index.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class CampaignAtomFeed(CampaignRssFeed):
    feed_type = Atom1Feed
    route = "atom"
    subtitle = CampaignRssFeed.description
