from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("abaque.accounts.urls")),
    path("seances/", include("abaque.meetings.urls")),
    path("", include("abaque.live.urls")),
    path("", include("abaque.online.urls")),
    path("seances/", include("abaque.debate.urls")),
    path("seances/", include("abaque.reports.urls")),
    path("demarches/", include("abaque.plans.urls")),
    path("transfert/", include("abaque.transfer.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# No /media/ route, even with ABAQUE_DEBUG=1: recordings are served only by
# their views, which check the séance's facilitator.
