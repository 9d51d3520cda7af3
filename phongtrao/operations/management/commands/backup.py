from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from phongtrao.operations.backup import BackupError, Database, backup_write


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .tar có ngày giờ và mã kiểm tra SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(settings.BACKUP_DIR), help="Thư mục lưu bản sao lưu.")

    def handle(self, *args, to: str, **options):
        try:
            archive = backup_write(
                database=Database.of(connection.settings_dict),
                media_root=Path(settings.MEDIA_ROOT),
                folder=Path(to),
                now=timezone.localtime(),
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(archive))
