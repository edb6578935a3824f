"""The comment queue and the blocked-poster list as Wagtail admin viewsets."""

import django_filters
from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns import sites
from campaigns.models import Comment, CommentBlock, CommentStatus
from campaigns.moderation.forms import CommentModerationForm
from campaigns.moderation.panels import CommentsMenuItem
from campaigns.moderation.permissions import in_held_sites
from campaigns.moderation.views import (
    BlockPosterView,
    CommentCreateView,
    CommentDeleteView,
    CommentEditView,
    CommentHistoryView,
    CommentIndexView,
    CommentInspectView,
    DataSubjectRequestView,
)


class ReadOnlyPanel(FieldPanel):
    """A field shown, never submitted; an empty value reads as a dash, not "None"."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "—"
        return super().format_value_for_display(value)


def _commented_pages(request):
    if request is None:
        return Page.objects.none()
    return (
        Page.objects.filter(
            sites.in_site_ids(sites.held_site_ids(request.user)),
            reader_comments__isnull=False,
        )
        .distinct()
        .order_by("title")
    )


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CommentStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    held = django_filters.BooleanFilter(
        label=_("Held for banned words"),
        method="filter_held",
        widget=forms.NullBooleanSelect,
    )
    page = django_filters.ModelChoiceFilter(label=_("Page"), queryset=_commented_pages)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Comment
        fields = ["status", "held", "page", "created_at"]

    def filter_held(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.exclude(held_reason="")
            if value
            else queryset.filter(held_reason="")
        )


class CommentViewSet(SnippetViewSet):
    """The moderation queue (DESIGN §5): pending first, then newest first."""

    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True

    index_view_class = CommentIndexView
    add_view_class = CommentCreateView
    delete_view_class = CommentDeleteView
    history_view_class = CommentHistoryView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    search_backend_name = None
    search_fields = ["name", "title", "content", "reply"]
    list_per_page = 50
    list_display = [
        "title",
        "name",
        Column("page", label=_("Page"), accessor="page.title"),
        "status",
        Column(
            "held_reason",
            label=_("Held for review because"),
            accessor="held_reason",
        ),
        DateColumn("created_at", label=_("Posted at"), sort_key="created_at"),
    ]
    list_export = [
        "id",
        "page",
        "name",
        "title",
        "content",
        "status",
        "held_reason",
        "created_at",
        "reply",
    ]

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    ReadOnlyPanel("page"),
                    ReadOnlyPanel("created_at"),
                    ReadOnlyPanel("email"),
                    ReadOnlyPanel("held_reason"),
                ],
                heading=_("About this comment"),
            ),
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("title"), FieldPanel("content")],
                heading=_("The reader's words"),
                help_text=_(
                    "Edit only to remove personal data (a phone or ID number) or "
                    "abuse before approving. The original text stays in the history."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status", widget=forms.RadioSelect),
                    FieldPanel("moderation_note"),
                    ReadOnlyPanel("moderated_by"),
                    ReadOnlyPanel("moderated_at"),
                ],
                heading=_("Moderation"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("reply"),
                    ReadOnlyPanel("reply_by"),
                    ReadOnlyPanel("reply_at"),
                    ReadOnlyPanel("reader_notified_at"),
                ],
                heading=_("Official reply"),
            ),
        ],
        base_form_class=CommentModerationForm,
    )

    @property
    def menu_item_class(self):
        return CommentsMenuItem

    def get_queryset(self, request):
        return in_held_sites(
            request.user, Comment.objects.pending_first().select_related("page")
        )

    @property
    def block_view(self):
        return self.construct_view(BlockPosterView)

    @property
    def data_request_view(self):
        return self.construct_view(DataSubjectRequestView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("block/<int:pk>/", self.block_view, name="block"),
            path("data-request/", self.data_request_view, name="data_request"),
        ]


class CommentBlockViewSet(ModelViewSet):
    """Blocked posters, under Settings; deleting a block lifts it."""

    model = CommentBlock
    icon = "lock"
    menu_label = _("Blocked posters")
    add_to_settings_menu = True
    url_prefix = "comment-blocks"
    name = "comment_blocks"
    form_fields = ["blocked_until", "reason"]
    list_display = [
        "__str__",
        DateColumn("blocked_until", label=_("Blocked until"), sort_key="blocked_until"),
        "reason",
        UserColumn("created_by", label=_("Blocked by")),
        DateColumn("created_at", label=_("Blocked at"), sort_key="created_at"),
    ]
    ordering = ["-blocked_until"]
    copy_view_enabled = False
