from allauth.account.views import RequestReauthenticationCodeView
from django.urls import path

from portal.accounts import views
from portal.accounts.forms import ReauthenticationCodeRequestForm

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/mine-data/", views.download_data, name="download_data"),
    path("profil/slet/", views.delete_account, name="delete_account"),
    path("adgang/anmod/", views.request_access, name="request_access"),
    path("adgang/anmodninger/", views.access_request_queue, name="access_request_queue"),
    path(
        "adgang/anmodninger/<id:pk>/afgoer/",
        views.decide_access_request,
        name="decide_access_request",
    ),
    path("invitationer/ny/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    # allauth's own view and URL, with a Danish label on its form.
    path(
        "reauthenticate/code/",
        RequestReauthenticationCodeView.as_view(form_class=ReauthenticationCodeRequestForm),
        name="account_request_reauthentication_code",
    ),
]
