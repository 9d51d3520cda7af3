from django.db import migrations


class Migration(migrations.Migration):
    """The time a delivery was recorded; `sent_at` becomes the time it went out."""

    dependencies = [("notifications", "0002_delivery_no_address")]

    operations = [migrations.RenameField(model_name="delivery", old_name="sent_at", new_name="created_at")]
