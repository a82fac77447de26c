from django.urls import path
from django.views.generic import TemplateView

app_name = "plans"
# Placeholder until the démarche pages exist.
urlpatterns = [path("", TemplateView.as_view(template_name="base.html"), name="index")]
