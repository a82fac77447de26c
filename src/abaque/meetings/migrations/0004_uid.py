"""A stable identifier, so that an archive imported twice is recognised."""

import uuid

from django.db import migrations, models


def fill_uids(apps, schema_editor):
    model = apps.get_model("meetings", "Meeting")
    for row in model.objects.only("pk"):
        row.uid = uuid.uuid4()
        row.save(update_fields=["uid"])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_facilitator_erasure")]

    operations = [
        migrations.AddField("meeting", "uid", models.UUIDField(null=True, editable=False)),
        migrations.RunPython(fill_uids, migrations.RunPython.noop),
        migrations.AlterField("meeting", "uid", models.UUIDField(default=uuid.uuid4, unique=True, editable=False)),
    ]
