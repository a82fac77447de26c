from django.urls import path

from .views import documents, mailings, personal

app_name = "reports"
urlpatterns = [
    path(
        "<int:meeting_id>/participants/<int:participant_id>/donnees.json",
        personal.participant_data,
        name="participant_data",
    ),
    path("<int:meeting_id>/compte-rendu/", documents.report_page, name="index"),
    path("<int:meeting_id>/compte-rendu/telecharger/<str:fmt>/", documents.download, name="download"),
    path("<int:meeting_id>/compte-rendu/preparer/<str:fmt>/", documents.prepare, name="prepare"),
    path("<int:meeting_id>/compte-rendu/preparer/<str:fmt>/etat/", documents.preparation, name="preparation"),
    path("<int:meeting_id>/compte-rendu/preparer/<str:fmt>/document/", documents.prepared, name="prepared"),
    path("<int:meeting_id>/compte-rendu/envoyer/", mailings.mailing_new, name="mailing_new"),
    path("<int:meeting_id>/compte-rendu/envois/<int:mailing_id>/", mailings.mailing_detail, name="mailing"),
    path(
        "<int:meeting_id>/compte-rendu/envois/<int:mailing_id>/reessayer/",
        mailings.mailing_retry_failed,
        name="retry_failed",
    ),
    path(
        "<int:meeting_id>/compte-rendu/envois/<int:mailing_id>/<int:delivery_id>/reessayer/",
        mailings.delivery_retry,
        name="retry",
    ),
]
