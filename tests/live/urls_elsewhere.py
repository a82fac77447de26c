"""The live app's URLs mounted under another prefix: the fast vote path
must follow them (tests/live/test_fast_vote.py)."""

from django.urls import include, path

urlpatterns = [path("ailleurs/", include("abaque.live.urls"))]
