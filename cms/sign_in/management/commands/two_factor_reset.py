"""``manage.py two_factor_reset USERNAME``: remove a user's authenticator devices.

For a lost phone or app: at the next sign-in the user sets up a new one
(docs/security.md). Check who is asking before running it.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove the two-factor devices of USERNAME, who then sets up a new one."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        count, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"two_factor_reset: {count} device(s) of {username} removed.")
