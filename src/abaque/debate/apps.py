from django.apps import AppConfig


class DebateConfig(AppConfig):
    name = "abaque.debate"
    label = "debate"

    def ready(self):
        from . import erasure  # noqa: F401  (connects the erasure signals)
