"""The portal's front page and its site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site, TranslatableMixin

from campaigns.api_fields import SeoField
from campaigns.slugs import AsciiSlugMixin


class HomePage(AsciiSlugMixin, Page):
    """The portal front page: pinned and latest campaigns, search, statistics.

    The pinned campaigns are those of the campaign index below it.
    """

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaigns.CampaignIndexPage", "campaigns.VideoStoryIndexPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro"), APIField("seo", serializer=SeoField(source="*"))]

    def get_context(self, request, *args, **kwargs):
        from campaigns.selectors import home_campaigns

        context = super().get_context(request, *args, **kwargs)
        context.update(home_campaigns(self))
        return context

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """What the header and footer say about the portal and the agency behind it."""

    portal_name = models.CharField(
        _("portal name"), max_length=200, default="Cổng thông tin điện tử tỉnh"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    agency = models.CharField(_("responsible agency"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=300,
        blank=True,
        help_text=_("The portal's operating licence, shown in the footer."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("portal_name"), FieldPanel("tagline")], heading=_("Portal")
        ),
        MultiFieldPanel(
            [
                FieldPanel("agency"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("licence"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")


class PortalText(TranslatableMixin, models.Model):
    """The portal's texts that readers see in their language, one per locale.

    Translated with wagtail-localize like a page. Where a field is blank, or a
    language has none yet, the header and footer show :class:`PortalSettings`.
    """

    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The portal these texts belong to."),
    )
    portal_name = models.CharField(_("portal name"), max_length=200, blank=True)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    agency = models.CharField(_("responsible agency"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=300,
        blank=True,
        help_text=_("The portal's operating licence, shown in the footer."),
    )

    #: The fields that replace those of :class:`PortalSettings` in their language.
    TEXT_FIELDS = ("portal_name", "tagline", "agency", "address", "licence")

    panels = [FieldPanel("site"), *(FieldPanel(name) for name in TEXT_FIELDS)]

    class Meta(TranslatableMixin.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale"], name="portal_text_per_site"
            )
        ]
        verbose_name = _("portal texts")
        verbose_name_plural = _("portal texts")

    def __str__(self) -> str:
        return self.portal_name or str(self.locale)


def portal_texts_for(request, language: str) -> dict[str, str]:
    """What the header and footer say in ``language``, for the request's site.

    Each text comes from the language's :class:`PortalText`, or from the
    site's :class:`PortalSettings` where that is blank; phone and e-mail are
    the same in every language.
    """
    portal = PortalSettings.for_request(request)
    texts = {
        name: getattr(portal, name)
        for name in (*PortalText.TEXT_FIELDS, "phone", "email")
    }
    translated = PortalText.objects.filter(
        site=portal.site_id, locale__language_code=language
    ).first()
    if translated is not None:
        texts.update(
            (name, value)
            for name in PortalText.TEXT_FIELDS
            if (value := getattr(translated, name))
        )
    return texts


def portal_name_for(site, language_code: str) -> str:
    """The portal's name in ``language_code``, as the header shows it.

    The plugin publishes its pages under it (``CAMPAIGNS_SITE_NAME_FUNCTION``).
    """
    translated = (
        PortalText.objects.filter(site=site, locale__language_code=language_code)
        .exclude(portal_name="")
        .first()
    )
    if translated is not None:
        return translated.portal_name
    # Read only: an API read must not create the site's settings row.
    portal = PortalSettings.objects.filter(site=site).first() or PortalSettings()
    return portal.portal_name
