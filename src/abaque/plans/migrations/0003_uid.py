"""A stable identifier, so that an archive imported twice is recognised."""

import uuid

from django.db import migrations, models


def fill_uids(apps, schema_editor):
    model = apps.get_model("plans", "Process")
    for row in model.objects.only("pk"):
        row.uid = uuid.uuid4()
        row.save(update_fields=["uid"])


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_members_in_entry_order")]

    operations = [
        migrations.AddField("process", "uid", models.UUIDField(null=True, editable=False)),
        migrations.RunPython(fill_uids, migrations.RunPython.noop),
        migrations.AlterField("process", "uid", models.UUIDField(default=uuid.uuid4, unique=True, editable=False)),
    ]
