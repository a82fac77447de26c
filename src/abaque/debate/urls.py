from django.urls import path

from .views import agenda, evolution, items, notes, page, recordings

app_name = "debate"
urlpatterns = [
    path("<int:meeting_id>/debat/", page.debate_page, name="page"),
    path("<int:meeting_id>/debat/item/", agenda.choose_item, name="choose"),
    path("<int:meeting_id>/debat/items/<int:item_id>/deplacer/", agenda.move_item, name="move"),
    path("<int:meeting_id>/debat/ordre-de-parole/", agenda.speaking_order, name="speaking_order"),
    path("<int:meeting_id>/debat/items/<int:item_id>/notes/", notes.save_note, name="note"),
    path("<int:meeting_id>/debat/items/<int:item_id>/reformuler/", items.reformulate, name="reformulate"),
    path("<int:meeting_id>/debat/nouveau-tour/", items.start_round, name="new_round"),
    path("<int:meeting_id>/debat/enregistrement/", recordings.recording_state, name="recording_state"),
    path("<int:meeting_id>/debat/items/<int:item_id>/enregistrements/", recordings.recordings, name="recordings"),
    path(
        "<int:meeting_id>/debat/enregistrements/<int:recording_id>/", recordings.recording_file, name="recording_file"
    ),
    path("<int:meeting_id>/evolution/", evolution.evolution_page, name="evolution"),
    path("<int:meeting_id>/evolution/projeter/", evolution.project_evolution, name="project_evolution"),
]
