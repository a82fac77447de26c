from django.urls import path

from .views import ballot, controls, join, projector
from .views_cards import voting_cards

app_name = "live"
urlpatterns = [
    # Phones
    path("rejoindre/", join.join, name="join"),
    path("s/<str:join_code>/", join.names, name="names"),
    path("s/<str:join_code>/place/", join.take_place, name="take_place"),
    path("s/<str:join_code>/<int:participant_id>/", join.take_name, name="take_name"),
    path("b/<str:token>/", ballot.ballot, name="ballot"),
    path("b/<str:token>/etat/", ballot.state, name="state"),
    path("b/<str:token>/vote/", ballot.vote, name="vote"),
    path("b/<str:token>/proposer/", ballot.propose, name="propose"),
    # The projector and the facilitator's controls
    path("seances/<int:meeting_id>/projecteur/", projector.projector, name="projector"),
    path("seances/<int:meeting_id>/projecteur/fragment/", projector.projector_fragment, name="projector_fragment"),
    path("seances/<int:meeting_id>/direct/", controls.controls, name="controls"),
    path("seances/<int:meeting_id>/cartes.pdf", voting_cards, name="cards"),
    path("seances/<int:meeting_id>/direct/ouvrir/", controls.open_vote, name="open"),
    path("seances/<int:meeting_id>/direct/clore/", controls.close_vote, name="close"),
    path("seances/<int:meeting_id>/direct/resultats/", controls.reveal, name="reveal"),
    path("seances/<int:meeting_id>/direct/acces/", controls.join_access, name="join_access"),
    path("seances/<int:meeting_id>/direct/ordre/", controls.set_ordering, name="ordering"),
    path("seances/<int:meeting_id>/direct/groupes/", controls.groups, name="groups"),
    path(
        "seances/<int:meeting_id>/direct/participants/<int:participant_id>/liberer/", controls.release, name="release"
    ),
]
