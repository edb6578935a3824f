"""Groups for communications officers and moderators, and the approval workflow.

Communications officers create, edit and submit pages and upload images and
documents; moderators approve (and so publish) them through the "Moderator
approval" workflow attached to the home page, which covers the whole site.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICERS = "Communications officers"
MODERATORS = "Moderators"
WORKFLOW = "Moderator approval"


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations; we need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups_and_workflow(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    HomePage = apps.get_model("home.HomePage")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    officers, _ = Group.objects.get_or_create(name=OFFICERS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    root_collection = Collection.objects.get(depth=1)
    home = HomePage.objects.order_by("path").first()

    page_codenames = {
        officers: ["add_page", "change_page"],
        moderators: ["add_page", "change_page", "publish_page"],
    }
    for group, codenames in page_codenames.items():
        group.permissions.add(access_admin)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=home.pk,
                permission=_permission(apps, "wagtailcore", codename),
            )
        for app_label, model in (
            ("wagtailimages", "image"),
            ("wagtaildocs", "document"),
        ):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, f"{action}_{model}"),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page_id=home.pk, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)
    ]
