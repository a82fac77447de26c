from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import include, path
from django.utils import translation
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog, set_language


@require_GET
@login_not_required
def javascript_catalogue(request, language):
    """The strings of the scripts in one language, named in the URL: a
    phone reads its séance's language, whatever its browser prefers."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        return JavaScriptCatalog.as_view()(request)


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
    # The language switch of the menu, also on the login page.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("i18n/js/<str:language>/", javascript_catalogue, name="javascript_catalogue"),
]

# No /media/ route, even with ABAQUE_DEBUG=1: recordings are served only by
# their views, which check the séance's facilitator.
