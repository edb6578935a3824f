"""The code pages, mounted by ``cms/urls.py`` under the admin's prefix."""

from django.urls import path

from cms.sign_in.two_factor import views

app_name = "two_factor"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("enrol/", views.enrol, name="enrol"),
]
