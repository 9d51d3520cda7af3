from django.db import migrations


class Migration(migrations.Migration):
    """The link between a Saturday and the registrations carried out on it is now declared
    by the registrations (which sit above the calendar); the table stays where it is."""

    dependencies = [("workdays", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveField(model_name="workday", name="registrations")],
            database_operations=[],
        )
    ]
