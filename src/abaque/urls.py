from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

urlpatterns = [
    path("", include("abaque.accounts.urls")),
    path("seances/", include("abaque.meetings.urls")),
    path("", include("abaque.live.urls")),
    path("seances/", include("abaque.debate.urls")),
    path("seances/", include("abaque.reports.urls")),
    path("demarches/", include("abaque.plans.urls")),
    path("transfert/", include("abaque.transfer.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Uploaded recordings are served by the app itself: the laptop has no proxy.
# Their views check the facilitator; this is only for files named in them.
urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})] if settings.DEBUG else []
