from django.db import migrations, models


class Migration(migrations.Migration):
    """Takes over workdays' link table (see workdays 0002): same table, same columns."""

    dependencies = [
        ("registrations", "0001_initial"),
        ("workdays", "0002_registrations_link_moves_up"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="registration",
                    name="work_days",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="workdays_workday_registrations",
                        related_name="registrations",
                        to="workdays.workday",
                    ),
                )
            ],
            database_operations=[],
        )
    ]
