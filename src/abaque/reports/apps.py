from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "abaque.reports"
    label = "reports"

    def ready(self):
        from . import erasure  # noqa: F401  (connects the erasure signals)
