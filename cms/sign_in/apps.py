from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignInConfig(AppConfig):
    name = "cms.sign_in"
    label = "sign_in"
    verbose_name = _("Sign-in security")
