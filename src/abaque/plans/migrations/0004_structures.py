"""Territories and démarches belong to a structure (their owner's, made by
meetings.0007_structures); a démarche can be shared for « accompagnement »."""

import django.db.models.deletion
from django.db import migrations, models


def give_processes_to_structures(apps, schema_editor):
    membership_model = apps.get_model("accounts", "Membership")
    for model_name in ("Territory", "Process"):
        model = apps.get_model("plans", model_name)
        for owner_id in model.objects.values_list("owner_id", flat=True).distinct():
            membership = membership_model.objects.filter(user_id=owner_id).order_by("pk").first()
            model.objects.filter(owner_id=owner_id).update(structure_id=membership.structure_id)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_uid"),
        ("meetings", "0007_structures"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            "territory",
            "structure",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="territories",
                to="accounts.structure",
            ),
        ),
        migrations.AddField(
            "process",
            "structure",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="processes",
                to="accounts.structure",
            ),
        ),
        migrations.RunPython(give_processes_to_structures, migrations.RunPython.noop),
        migrations.AlterField(
            "territory",
            "structure",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="territories", to="accounts.structure"
            ),
        ),
        migrations.AlterField(
            "process",
            "structure",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="processes", to="accounts.structure"
            ),
        ),
        migrations.AddField(
            "process",
            "shared_with",
            models.ManyToManyField(
                blank=True,
                related_name="supported_processes",
                to="accounts.structure",
                verbose_name="accompagnée par",
            ),
        ),
    ]
