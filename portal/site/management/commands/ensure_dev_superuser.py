import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".local" / "admin-credentials.txt"
USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "In development only: create a local superuser with a random password on the first run, "
        "keep it in the git-ignored .local/admin-credentials.txt and print how to log in."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no development superuser is created (use createsuperuser).")
            return
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            password = secrets.token_urlsafe(15)
            user_model.objects.create_superuser(USERNAME, email="", password=password)
            CREDENTIALS_FILE.parent.mkdir(exist_ok=True)
            CREDENTIALS_FILE.write_text(f"username: {USERNAME}\npassword: {password}\n", encoding="utf-8")
            CREDENTIALS_FILE.chmod(0o600)
            self.stdout.write(self.style.SUCCESS("Created the local superuser."))
        if CREDENTIALS_FILE.exists():
            self.stdout.write(f"Admin login (from {CREDENTIALS_FILE.relative_to(settings.BASE_DIR)}):")
            self.stdout.write(CREDENTIALS_FILE.read_text(encoding="utf-8").rstrip())
        else:
            self.stdout.write(
                f"The superuser '{USERNAME}' exists but its password file is gone: "
                f"set one with `python manage.py changepassword {USERNAME}`."
            )
