"""Editor groups, their permissions and the approval workflow (``campaigns_setup``).

Communications officers create and edit pages, upload images, documents and
videos, submit pages for approval and read the comment queue and the
statistics. The plugin's moderators also approve (so publish) pages and work
the comment queue. Pages under every site root, in every language, go through
the approval workflow, whose single task is assigned to the moderators.

The workflow is found by its task (the first group approval task assigned to
the moderators group), never by its name, which admins and
``home/migrations/0004`` rename. Databases set up by the former migration
0002 have a task on the site root for Wagtail's "Moderators" group instead:
it is adopted once, and the members of "Moderators" join the plugin's group.

Once the command has run, a new translation of a site root (made in the
admin, by wagtail-localize or by a seed) is covered as soon as it is saved.

For a deployment of many sites, :func:`set_up_site_groups` (``campaigns_setup
--per-site``) gives each site groups of its own, "<group> · <site>", whose page
permissions cover only that site's root and its translations, a collection of
its own for their images, documents and videos, and an approval workflow of its
own whose task those moderators (and the plugin's, who hold every site) decide.
Wagtail's "Moderators" group is never used for them: it may publish anywhere.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtailmedia import get_media_model

from campaigns import conf

#: Wagtail's default group; the former migration 0002 used it for moderators.
WAGTAIL_MODERATORS = "Moderators"

#: Page permissions each role has on every site root and its translations.
PAGE_ACTIONS = {
    "officers": ("add", "change"),
    "moderators": ("add", "change", "publish"),
}

#: Permissions on the root collection, for both roles: (model getter, actions).
COLLECTION_ACTIONS = (
    (get_image_model, ("add", "change", "choose")),
    (get_document_model, ("add", "change", "choose")),
    (get_media_model, ("add", "change")),
)

#: Permissions of each role that apply everywhere, as ``app_label.codename``.
MODEL_PERMISSIONS = {
    "officers": (
        "wagtailadmin.access_admin",
        "campaigns.view_comment",
        "campaigns.view_statistics",
    ),
    "moderators": (
        "wagtailadmin.access_admin",
        "campaigns.view_comment",
        "campaigns.change_comment",
        "campaigns.delete_comment",
        "campaigns.view_commentblock",
        "campaigns.add_commentblock",
        "campaigns.change_commentblock",
        "campaigns.delete_commentblock",
        "campaigns.change_commentpolicy",
        "campaigns.view_statistics",
    ),
}


@dataclass
class SetupReport:
    """What one run did, one line per object or grant."""

    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    #: Roots left with a workflow the site chose, and what was adopted.
    notes: list[str] = field(default_factory=list)

    def record(self, created: bool, what: str) -> None:
        (self.created if created else self.present).append(what)


@transaction.atomic
def set_up_campaigns(*, hostnames: list[str] | None = None) -> SetupReport:
    """Create what is missing of the groups, their grants and the workflow.

    Covers every translation of the root page of each site (of the sites with
    these hostnames, or all). Idempotent: a second run creates nothing. It never
    removes a grant, renames anything, or replaces a workflow an admin attached
    to a root. Run it again after adding a site; new translations of a root
    are covered by :func:`cover_root_translation`.
    """
    report = SetupReport()
    roots = _site_roots(hostnames)
    groups = {}
    for role, name in (
        ("officers", conf.OFFICERS_GROUP),
        ("moderators", conf.MODERATORS_GROUP),
    ):
        groups[role], created = Group.objects.get_or_create(name=name)
        report.record(created, f'group "{name}"')
        _grant(groups[role], role, roots, report)
    workflow = _approval_workflow(groups["moderators"], roots, report)
    _attach(workflow, roots, report)
    return report


def _site_roots(hostnames: list[str] | None) -> list[Page]:
    sites = Site.objects.select_related("root_page")
    if hostnames is not None:
        sites = sites.filter(hostname__in=hostnames)
    roots = {
        page.pk: page
        for site in sites
        for page in site.root_page.get_translations(inclusive=True)
    }
    return sorted(roots.values(), key=lambda page: page.path)


def _grant(
    group: Group,
    role: str,
    roots: list[Page],
    report: SetupReport,
    collection: Collection | None = None,
) -> None:
    for label in MODEL_PERMISSIONS[role]:
        app_label, codename = label.split(".")
        permission = Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
        created = not group.permissions.filter(pk=permission.pk).exists()
        if created:
            group.permissions.add(permission)
        report.record(created, f'"{group.name}": {label}')

    page_type = ContentType.objects.get_for_model(Page)
    for root in roots:
        for action in PAGE_ACTIONS[role]:
            _, created = GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type=page_type, codename=f"{action}_page"
                ),
            )
            report.record(
                created, f'"{group.name}": {action} pages under {root.url_path}'
            )

    collection = collection or Collection.get_first_root_node()
    for get_model, actions in COLLECTION_ACTIONS:
        model = get_model()
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            codename = f"{action}_{model._meta.model_name}"
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type=content_type, codename=codename
                ),
            )
            report.record(created, f'"{group.name}": {codename} in "{collection}"')


def _approval_workflow(
    moderators: Group, roots: list[Page], report: SetupReport
) -> Workflow:
    task = GroupApprovalTask.objects.filter(groups=moderators).order_by("pk").first()
    if task is None:
        task = _adopt_former_task(moderators, roots, report)
    if task is None:
        task = GroupApprovalTask.objects.create(name=conf.workflow_name())
        task.groups.add(moderators)
        report.record(True, f'approval task "{task.name}"')
    else:
        report.record(False, f'approval task "{task.name}"')

    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    created = workflow is None
    if created:
        workflow = Workflow.objects.create(name=conf.workflow_name())
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    report.record(created, f'workflow "{workflow.name}"')
    return workflow


def _adopt_former_task(
    moderators: Group, roots: list[Page], report: SetupReport
) -> GroupApprovalTask | None:
    """Take over the task the former migration 0002 made, if this database has it.

    That task is assigned to Wagtail's "Moderators" and sits in a workflow
    attached to a site root (Wagtail's own default workflow is attached to the
    tree's root). The people in "Moderators" were the campaign moderators, so
    they join the plugin's group; "Moderators" itself is left as it is.
    """
    task = (
        GroupApprovalTask.objects.filter(
            groups__name=WAGTAIL_MODERATORS,
            workflow_tasks__workflow__workflow_pages__page__in=roots,
        )
        .order_by("pk")
        .first()
    )
    if task is None:
        return None
    task.groups.add(moderators)
    members = Group.objects.get(name=WAGTAIL_MODERATORS).user_set.all()
    moderators.user_set.add(*members)
    report.notes.append(
        f'adopted approval task "{task.name}" of "{WAGTAIL_MODERATORS}"; '
        f'its {len(members)} member(s) joined "{moderators.name}"'
    )
    return task


def _attach(
    workflow: Workflow,
    roots: list[Page],
    report: SetupReport,
    replacing: Workflow | None = None,
) -> None:
    """Attach ``workflow`` to the roots that have none (or have ``replacing``)."""
    for root in roots:
        link, created = WorkflowPage.objects.get_or_create(
            page=root, defaults={"workflow": workflow}
        )
        if replacing is not None and link.workflow_id == replacing.pk:
            link.workflow = workflow
            link.save(update_fields=["workflow"])
            report.record(True, f'workflow "{workflow.name}" on {root.url_path}')
        elif created or link.workflow_id == workflow.pk:
            report.record(created, f"workflow on {root.url_path}")
        else:
            report.notes.append(
                f'{root.url_path} keeps its own workflow "{link.workflow.name}"'
            )


def site_label(site: Site) -> str:
    """How a site is named in its groups, collection and workflow."""
    return site.site_name or site.hostname


@transaction.atomic
def set_up_site_groups(site: Site) -> SetupReport:
    """Groups, a media collection and an approval workflow of one site's own.

    Officers and moderators of "<group> · <site>" hold only ``site``: the
    comment queue, the statistics and the page tree show them that site. The
    plugin's own groups are set up too (their moderators decide every site's
    pages). The site's roots move from the plugin's shared workflow to the
    site's; a workflow an admin chose stays. Idempotent.
    """
    report = set_up_campaigns(hostnames=[site.hostname])
    label = site_label(site)
    roots = [
        root for root in _site_roots([site.hostname]) if root.pk in _roots_of(site)
    ]
    collection = _site_collection(site, label, report)
    groups = {}
    for role, name in (
        ("officers", conf.OFFICERS_GROUP),
        ("moderators", conf.MODERATORS_GROUP),
    ):
        groups[role], created = Group.objects.get_or_create(name=f"{name} · {label}")
        report.record(created, f'group "{groups[role].name}"')
        _grant(groups[role], role, roots, report, collection)

    shared_moderators = Group.objects.get(name=conf.MODERATORS_GROUP)
    shared_task = (
        GroupApprovalTask.objects.filter(groups=shared_moderators)
        .order_by("pk")
        .first()
    )
    shared = Workflow.objects.filter(workflow_tasks__task=shared_task).first()
    name = f"{conf.workflow_name()} · {label}"
    task = GroupApprovalTask.objects.filter(groups=groups["moderators"]).first()
    report.record(task is None, f'approval task "{task.name if task else name}"')
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.add(groups["moderators"], shared_moderators)
    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.record(True, f'workflow "{name}"')
    _attach(workflow, roots, report, replacing=shared)
    return report


def _roots_of(site: Site) -> set[int]:
    return set(
        site.root_page.get_translations(inclusive=True).values_list("pk", flat=True)
    )


def _site_collection(site: Site, label: str, report: SetupReport) -> Collection:
    """The site's media collection: the one its settings name, else one named
    after the site, made and named in its settings when missing."""
    from campaigns.models import SiteMediaSettings

    media = SiteMediaSettings.for_site(site)
    if media.collection is not None:
        return media.collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=label).first()
    created = collection is None
    if created:
        collection = root.add_child(name=label)
    report.record(created, f'collection "{label}"')
    media.collection = collection
    media.save()
    return collection


def cover_root_translation(sender, instance, created, raw=False, **kwargs) -> None:
    """Give a new translation of a site root the grants and the workflow.

    A ``post_save`` receiver, since Wagtail sends no translation signal for the
    parents ``copy_for_translation(copy_parents=True)`` creates. It acts only
    where ``campaigns_setup`` has run (its approval task exists), so a site
    that never ran it is left alone.
    """
    if raw or not created or not isinstance(instance, Page):
        return
    sites = list(
        Site.objects.filter(root_page__translation_key=instance.translation_key)
    )
    ours = GroupApprovalTask.objects.filter(groups__name=conf.MODERATORS_GROUP)
    if sites and ours.exists():
        set_up_campaigns(hostnames=[site.hostname for site in sites])
        for site in sites:
            own = f"{conf.MODERATORS_GROUP} · {site_label(site)}"
            if Group.objects.filter(name=own).exists():
                set_up_site_groups(site)


def connect_signals() -> None:
    """Follow new translations of site roots."""
    post_save.connect(cover_root_translation, dispatch_uid="campaigns-setup-roots")
