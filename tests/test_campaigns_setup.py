"""``campaigns_setup``: editor groups, their grants and the approval workflow."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db.migrations.loader import MigrationLoader
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry
from wagtailmedia import get_media_model

from campaigns.models import CampaignIndexPage

OFFICERS = "Communications officers"
MODERATORS = "Campaign moderators"
WAGTAIL_MODERATORS = "Moderators"

pytestmark = pytest.mark.django_db


def run_setup(*args, verbosity=1) -> str:
    out = StringIO()
    call_command("campaigns_setup", *args, verbosity=verbosity, stdout=out)
    return out.getvalue()


@pytest.fixture
def fresh(home_page):
    """The database as ``migrate`` leaves it, before ``campaigns_setup`` ran."""
    tasks = GroupApprovalTask.objects.filter(groups__name=MODERATORS)
    Workflow.objects.filter(workflow_tasks__task__in=tasks).delete()
    tasks.delete()
    Group.objects.filter(name__in=[OFFICERS, MODERATORS]).delete()
    return home_page


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def our_workflow() -> Workflow:
    return Workflow.objects.get(
        workflow_tasks__task__groupapprovaltask__groups__name=MODERATORS
    )


def page_grants(group_name: str, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(
            group__name=group_name, page=page
        ).values_list("permission__codename", flat=True)
    )


def row_counts() -> dict[str, int]:
    models = (
        Group,
        Group.permissions.through,
        Group.user_set.through,
        GroupPagePermission,
        GroupCollectionPermission,
        Task,
        GroupApprovalTask.groups.through,
        Workflow,
        WorkflowTask,
        WorkflowPage,
    )
    return {model._meta.label: model.objects.count() for model in models}


def everything_of(group_name: str) -> dict[str, set]:
    """What a group may do and who is in it, to compare before and after."""
    group = Group.objects.get(name=group_name)
    return {
        "permissions": set(
            group.permissions.values_list("content_type__app_label", "codename")
        ),
        "pages": set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        ),
        "collections": set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", "permission__codename"
            )
        ),
        "members": set(group.user_set.values_list("pk", flat=True)),
        "tasks": set(group.groupapprovaltask_set.values_list("pk", flat=True)),
    }


def test_fresh_database_gets_groups_grants_and_workflow(fresh):
    output = run_setup()

    officers = Group.objects.get(name=OFFICERS)
    moderators = Group.objects.get(name=MODERATORS)
    assert page_grants(OFFICERS, fresh) == {"add_page", "change_page"}
    assert page_grants(MODERATORS, fresh) == {"add_page", "change_page", "publish_page"}
    assert {
        f"{app}.{codename}"
        for app, codename in moderators.permissions.values_list(
            "content_type__app_label", "codename"
        )
    } == {
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
    }
    assert set(officers.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_comment",
        "view_statistics",
    }
    for group in (officers, moderators):
        assert set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        ) == {
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
            "add_media",
            "change_media",
        }

    workflow = our_workflow()
    assert workflow.name == "Kiểm duyệt trước khi đăng"
    [task] = [
        workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()
    ]
    assert list(task.groups.all()) == [moderators]
    assert WorkflowPage.objects.get(page=fresh).workflow == workflow
    assert f'created group "{MODERATORS}"' in output
    assert 'created workflow "Kiểm duyệt trước khi đăng"' in output


def test_member_grants_work_through_wagtail_policies(fresh, django_user_model):
    run_setup()
    officer = django_user_model.objects.create_user("officer-x", password="pw-x-1")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    for model in (get_image_model(), get_document_model(), get_media_model()):
        assert policy_registry.get_by_type(model).user_has_permission(officer, "add")
    assert officer.has_perm("wagtailadmin.access_admin")
    assert fresh.permissions_for_user(officer).can_edit()
    assert not fresh.permissions_for_user(officer).can_publish()


def test_every_translation_of_the_site_root_is_covered(fresh, english):
    english_home = fresh.copy_for_translation(english)
    run_setup()

    workflow = our_workflow()
    for root in (fresh, english_home):
        assert page_grants(OFFICERS, root) == {"add_page", "change_page"}
        assert "publish_page" in page_grants(MODERATORS, root)
        assert WorkflowPage.objects.get(page=root).workflow == workflow


def test_officer_edits_the_english_campaign_index_and_english_pages_are_moderated(
    client, officer, moderator, campaign_index, make_campaign, english
):
    # Translated after set-up (the home page as the alias Wagtail makes of a
    # missing parent): the new root is covered as it is saved.
    english_index = campaign_index.copy_for_translation(english, copy_parents=True)
    assert english_index.get_parent().alias_of_id == campaign_index.get_parent().pk
    english_campaign = make_campaign("Chiến dịch song ngữ").copy_for_translation(
        english
    )

    client.force_login(officer)
    edit_url = f"/admin/pages/{english_index.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    assert english_index.permissions_for_user(officer).can_add_subpage()
    assert not english_index.permissions_for_user(officer).can_publish_subpage()

    workflow = english_campaign.get_workflow()
    assert workflow == our_workflow()
    state = workflow.start(english_campaign, officer)
    task = state.current_task_state.task.specific
    assert "approve" in [
        name for name, *_ in task.get_actions(english_campaign, moderator)
    ]
    assert task.get_actions(english_campaign, officer) == []


def test_second_run_changes_nothing(fresh, english):
    fresh.copy_for_translation(english)
    run_setup()
    before = row_counts()

    output = run_setup()

    assert row_counts() == before
    assert "created" not in output.replace("0 created", "")
    assert "campaigns_setup: 0 created" in output


def test_renamed_workflow_is_found_not_duplicated(db):
    # home/migrations/0004 renames it in existing databases; admins may too.
    workflow = our_workflow()
    Workflow.objects.filter(pk=workflow.pk).update(name="Duyệt bài chiến dịch")
    Task.objects.filter(workflow_tasks__workflow=workflow).update(name="Duyệt bài")
    before = row_counts()

    run_setup()

    assert row_counts() == before
    assert our_workflow().name == "Duyệt bài chiến dịch"


def test_database_set_up_by_the_former_migration_keeps_its_workflow(
    fresh, django_user_model
):
    # What migrations 0002 (with Wagtail's "Moderators") and home 0004 left.
    legacy = Group.objects.get(name=WAGTAIL_MODERATORS)
    Group.objects.create(name=OFFICERS)
    member = django_user_model.objects.create_user("old-moderator", password="pw-o-1")
    member.groups.add(legacy)
    task = GroupApprovalTask.objects.create(name="Kiểm duyệt trước khi đăng")
    task.groups.add(legacy)
    workflow = Workflow.objects.create(name="Kiểm duyệt trước khi đăng")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=fresh, workflow=workflow)
    legacy_before = everything_of(WAGTAIL_MODERATORS)
    workflows = Workflow.objects.count()

    output = run_setup()

    assert Workflow.objects.count() == workflows
    assert our_workflow() == workflow
    assert set(task.groups.values_list("name", flat=True)) == {
        WAGTAIL_MODERATORS,
        MODERATORS,
    }
    assert member.groups.filter(name=MODERATORS).exists()
    assert everything_of(WAGTAIL_MODERATORS) == legacy_before
    assert "adopted approval task" in output


def test_wagtail_moderators_group_is_left_alone(fresh):
    before = everything_of(WAGTAIL_MODERATORS)
    default_workflow = Page.get_first_root_node().get_workflow()

    run_setup()
    run_setup()

    assert everything_of(WAGTAIL_MODERATORS) == before
    assert Page.get_first_root_node().get_workflow() == default_workflow
    assert default_workflow != our_workflow()


def test_site_with_a_plain_page_root_and_no_translations(fresh):
    root = Page.get_first_root_node().add_child(
        instance=Page(title="Sở Y tế", slug="so-y-te")
    )
    Site.objects.create(hostname="soyte.example.gov.vn", root_page=root)

    output = run_setup("--site", "soyte.example.gov.vn", verbosity=2)

    assert page_grants(OFFICERS, root) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=root).workflow == our_workflow()
    # Only the site asked for.
    assert page_grants(OFFICERS, fresh) == set()
    assert not WorkflowPage.objects.filter(page=fresh).exists()
    assert "already present:" not in output


def test_root_with_its_own_workflow_keeps_it(fresh):
    own = Workflow.objects.create(name="Quy trình riêng")
    WorkflowPage.objects.create(page=fresh, workflow=own)

    output = run_setup()

    assert WorkflowPage.objects.get(page=fresh).workflow == own
    assert 'keeps its own workflow "Quy trình riêng"' in output


def test_unknown_site_is_refused(db):
    with pytest.raises(CommandError, match="nowhere.example"):
        run_setup("--site", "nowhere.example")


def test_verbosity_decides_what_is_printed(fresh):
    assert run_setup(verbosity=0) == ""
    detailed = run_setup(verbosity=2)
    assert f'already present: group "{OFFICERS}"' in detailed
    assert "already present:" not in run_setup(verbosity=1)


def test_names_come_from_settings_and_the_language(fresh, settings):
    settings.CAMPAIGNS_OFFICERS_GROUP = "Cán bộ truyền thông"
    settings.CAMPAIGNS_MODERATORS_GROUP = "Kiểm duyệt viên"
    with translation.override("en"):
        run_setup()

    assert page_grants("Cán bộ truyền thông", fresh) == {"add_page", "change_page"}
    workflow = Workflow.objects.get(
        workflow_tasks__task__groupapprovaltask__groups__name="Kiểm duyệt viên"
    )
    assert workflow.name == "Moderator approval"


def test_new_campaign_index_translation_is_not_a_root(campaign_index, english):
    """Only translations of site roots get grants of their own."""
    campaign_index.copy_for_translation(english, copy_parents=True)
    english_index = CampaignIndexPage.objects.get(locale=english)
    assert not GroupPagePermission.objects.filter(page=english_index).exists()
    assert not WorkflowPage.objects.filter(page=english_index).exists()


def test_no_campaigns_migration_needs_the_site():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    campaigns = [node for node in graph.leaf_nodes() if node[0] == "campaigns"]
    assert campaigns
    needed = {app for leaf in campaigns for app, _ in graph.forwards_plan(leaf)}
    assert "campaigns" in needed
    assert "home" not in needed
