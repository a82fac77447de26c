from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_evolution_phase")]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="online_opens_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="ouverture en ligne"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="online_closes_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="clôture en ligne"),
        ),
        migrations.AddField(
            model_name="participant",
            name="commune",
            field=models.CharField(blank=True, max_length=120, verbose_name="commune"),
        ),
        migrations.AddField(
            model_name="participant",
            name="origin",
            field=models.CharField(
                choices=[("room", "En salle"), ("online", "En ligne")],
                default="room",
                max_length=6,
                verbose_name="participation",
            ),
        ),
    ]
