from django.urls import path

from . import views

app_name = "transfer"
urlpatterns = [
    path("seances/<int:meeting_id>/archive/", views.seance_download, name="seance"),
    path("demarches/<int:process_id>/archive/", views.demarche_download, name="demarche"),
    path("importer/", views.upload, name="upload"),
    path("importer/<str:token>/", views.preview, name="preview"),
    path("importer/<str:token>/annuler/", views.cancel, name="cancel"),
]
