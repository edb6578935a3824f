"""Groups, the approval workflow and scheduled publishing."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import HttpRequest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Workflow
from wagtail.permissions import policy_registry

from campaigns.models import CampaignPage

document_policy = policy_registry.get_by_type(get_document_model())
image_policy = policy_registry.get_by_type(get_image_model())


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password="pw-officer-1")
    user.groups.add(Group.objects.get(name="Communications officers"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator1", password="pw-mod-1")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return user


@pytest.mark.django_db
def test_officer_can_create_and_edit_but_not_publish(officer, campaign_index):
    permissions = campaign_index.permissions_for_user(officer)
    assert permissions.can_add_subpage()
    assert not permissions.can_publish_subpage()
    assert officer.has_perm("wagtailadmin.access_admin")
    assert image_policy.user_has_permission(officer, "add")
    assert document_policy.user_has_permission(officer, "add")


@pytest.mark.django_db
def test_moderator_can_publish(moderator, campaign_index):
    assert campaign_index.permissions_for_user(moderator).can_publish_subpage()


@pytest.mark.django_db
def test_anonymous_and_groupless_users_cannot_reach_the_admin(
    client, django_user_model
):
    response = client.get("/admin/")
    assert response.status_code == 302
    django_user_model.objects.create_user("reader", password="pw-reader-1")
    # django-axes checks each authentication against the request it came with.
    client.login(request=HttpRequest(), username="reader", password="pw-reader-1")
    assert client.get("/admin/").status_code in {302, 403}


@pytest.mark.django_db
def test_campaign_pages_go_through_moderator_approval(
    officer, moderator, make_campaign
):
    page = make_campaign("Chiến dịch chờ duyệt", publish_it=False)
    workflow = page.get_workflow()
    assert workflow == Workflow.objects.get(name="Kiểm duyệt trước khi đăng")

    workflow_state = workflow.start(page, officer)
    task_state = workflow_state.current_task_state
    assert not Page.objects.get(pk=page.pk).live
    task = task_state.task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Campaign moderators"]
    assert task.get_actions(page, officer) == []
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]

    task.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress


@pytest.mark.django_db
def test_scheduled_page_goes_live_with_publish_scheduled(make_campaign):
    page = make_campaign("Chiến dịch hẹn giờ", publish_it=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert not CampaignPage.objects.get(pk=page.pk).live
    call_command("publish_scheduled")
    assert not CampaignPage.objects.get(pk=page.pk).live

    # The hour has passed.
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")

    assert CampaignPage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_expired_page_is_unpublished_by_publish_scheduled(make_campaign):
    page = make_campaign("Chiến dịch hết hạn")
    CampaignPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    assert not CampaignPage.objects.get(pk=page.pk).live
