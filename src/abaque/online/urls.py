from django.urls import path

from .views import manage, public

app_name = "online"
urlpatterns = [
    # The facilitator
    path("seances/<int:meeting_id>/en-ligne/", manage.dashboard, name="dashboard"),
    path("seances/<int:meeting_id>/en-ligne/reglages/", manage.setup, name="setup"),
    path("seances/<int:meeting_id>/en-ligne/inviter/", manage.invite_view, name="invite"),
    path("seances/<int:meeting_id>/en-ligne/publier/", manage.publish, name="publish"),
    path("seances/<int:meeting_id>/en-ligne/affiche/", manage.poster, name="poster"),
    path(
        "seances/<int:meeting_id>/en-ligne/participants/<int:participant_id>/exclure/", manage.exclude, name="exclude"
    ),
    # The public
    path("consultation/<str:slug>/", public.consult, name="consult"),
    path("consultation/<str:slug>/confirmer/<str:token>/", public.confirm, name="confirm"),
    path("consultation/<str:slug>/resultats/", public.results, name="results"),
]
