"""Demo accounts for a developer machine (DEBUG only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from campaigns import conf
from campaigns.setup import set_up_site_groups, site_label
from home.demo.content import DEMO_USERS


def demo_password() -> str:
    """The ``DEMO_PASSWORD`` setting: the environment, or the documented default."""
    return settings.DEMO_PASSWORD


def ensure_demo_users(record) -> dict[str, bool]:
    """Create ``editor``, ``moderator`` and ``admin``; returns username → created.

    Existing accounts are left alone (password included). Groups are created
    empty when missing: their permissions belong to ``campaigns_setup``, not to
    the demo.
    """
    created = {}
    for username, (group_name, is_superuser) in DEMO_USERS.items():
        user, created[username] = _ensure_user(username, is_superuser=is_superuser)
        record("users", created[username])
        if group_name:
            group, group_created = Group.objects.get_or_create(name=group_name)
            record("groups", group_created)
            user.groups.add(group)
            _prefer_vietnamese(user)
    return created


def _ensure_user(username: str, *, is_superuser: bool):
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    if user is not None:
        return user, False
    email = f"{username}@laocai.example.gov.vn"
    manager = model.objects
    create = manager.create_superuser if is_superuser else manager.create_user
    return create(username=username, email=email, password=demo_password()), True


def _prefer_vietnamese(user) -> None:
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != "vi":
        profile.preferred_language = "vi"
        profile.save(update_fields=["preferred_language"])


#: The sub-portal's own moderator (DEBUG only): holds that site alone.
SUB_PORTAL_MODERATOR = "moderator_so"


def ensure_sub_portal_moderator(site, record) -> bool:
    """Give the sub-portal its own groups (``campaigns_setup --per-site``) and,
    in DEBUG, a moderator who holds only that site; whether it was created."""

    set_up_site_groups(site)
    if not settings.DEBUG:
        return False
    user, created = _ensure_user(SUB_PORTAL_MODERATOR, is_superuser=False)
    record("users", created)
    user.groups.add(
        Group.objects.get(name=f"{conf.MODERATORS_GROUP} · {site_label(site)}")
    )
    _prefer_vietnamese(user)
    return created
