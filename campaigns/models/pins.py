"""Campaigns an editor pins on a campaign index, and the form that checks them."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from campaigns.slugs import FreeSlugPageForm


class CampaignIndexPinnedCampaign(Orderable):
    """A campaign of the index that is featured first, in the editor's order."""

    index = ParentalKey(
        "campaigns.CampaignIndexPage",
        on_delete=models.CASCADE,
        related_name="pinned_campaigns",
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned campaign")
        verbose_name_plural = _("pinned campaigns")


class CampaignIndexPageForm(FreeSlugPageForm):
    """The campaign index's edit form: only its own campaigns, each once, are pinned.

    Checked here rather than on the pin, because a new pin's form does not know
    its index yet. A campaign of the index shares its language, so each
    language's index pins campaigns of that language.
    """

    def clean(self):
        cleaned_data = super().clean()
        # The page form is cleaned before its formsets: clean the pins first.
        pins = self.formsets["pinned_campaigns"]
        if not pins.is_valid():
            return cleaned_data
        index, seen = self.instance, set()
        for form in pins.forms:
            campaign = form.cleaned_data.get("campaign")
            if campaign is None or form in pins.deleted_forms:
                continue
            if not (index.pk and campaign.is_child_of(index)):
                form.add_error(
                    "campaign",
                    gettext("“%(title)s” is not a campaign of this index.")
                    % {"title": campaign.title},
                )
            elif campaign.pk in seen:
                form.add_error("campaign", gettext("This campaign is already pinned."))
            seen.add(campaign.pk)
        return cleaned_data
