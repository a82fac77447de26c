from django.urls import path

from .views import grid, items, meetings, participants, results

app_name = "meetings"
urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("nouvelle/", meetings.meeting_create, name="create"),
    path("importer-polis/", meetings.meeting_import_polis, name="import_polis"),
    path("<int:meeting_id>/", meetings.meeting_detail, name="detail"),
    path("<int:meeting_id>/modifier/", meetings.meeting_edit, name="edit"),
    path("<int:meeting_id>/supprimer/", meetings.meeting_delete, name="delete"),
    # Participants
    path("<int:meeting_id>/participants/", participants.participant_list, name="participants"),
    path("<int:meeting_id>/participants/importer/", participants.participant_import, name="participant_import"),
    path(
        "<int:meeting_id>/participants/<int:participant_id>/modifier/",
        participants.participant_edit,
        name="participant_edit",
    ),
    path(
        "<int:meeting_id>/participants/<int:participant_id>/supprimer/",
        participants.participant_delete,
        name="participant_delete",
    ),
    path(
        "<int:meeting_id>/participants/<int:participant_id>/deplacer/",
        participants.participant_move,
        name="participant_move",
    ),
    # Items
    path("<int:meeting_id>/items/", items.item_list, name="items"),
    path("<int:meeting_id>/items/<int:item_id>/modifier/", items.item_edit, name="item_edit"),
    path("<int:meeting_id>/items/<int:item_id>/supprimer/", items.item_delete, name="item_delete"),
    path("<int:meeting_id>/items/<int:item_id>/retablir/", items.item_restore, name="item_restore"),
    path("<int:meeting_id>/items/<int:item_id>/valider/", items.item_validate, name="item_validate"),
    path("<int:meeting_id>/items/<int:item_id>/deplacer/", items.item_move, name="item_move"),
    path("<int:meeting_id>/items/<int:item_id>/accepter/", items.item_accept, name="item_accept"),
    # Votes typed from paper colour cards, and the results
    path("<int:meeting_id>/tours/<int:number>/grille/", grid.vote_grid, name="grid"),
    path("<int:meeting_id>/tours/<int:number>/vote/", grid.grid_vote, name="grid_vote"),
    path("<int:meeting_id>/resultats/", results.results, name="results"),
    path("<int:meeting_id>/tours/<int:number>/resultats/", results.results, name="round_results"),
]
