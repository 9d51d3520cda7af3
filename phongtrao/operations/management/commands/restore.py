from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from phongtrao.operations.backup import BackupError, Database, backup_restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu và thư mục tệp đang cấu hình. Bản sao lưu được kiểm tra "
        "toàn bộ trước khi ghi; nơi đã có dữ liệu thì chỉ thay khi có --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .tar do manage.py backup tạo.")
        parser.add_argument("--replace", action="store_true", help="Thay dữ liệu đang có bằng bản sao lưu.")

    def handle(self, *args, archive: str, replace: bool, **options):
        database = Database.of(connection.settings_dict)
        connection.close()  # the restore writes from outside this connection
        try:
            manifest = backup_restore(
                archive=Path(archive), database=database, media_root=Path(settings.MEDIA_ROOT), replace=replace
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã khôi phục bản sao lưu ngày {manifest['created']} ({len(manifest['media'])} tệp).")
