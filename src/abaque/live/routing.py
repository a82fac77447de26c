from django.urls import path

from .consumers import MeetingConsumer, PhoneConsumer

websocket_urlpatterns = [
    path("ws/seances/<int:meeting_id>/", MeetingConsumer.as_asgi()),
    path("ws/b/<str:token>/", PhoneConsumer.as_asgi()),
]
