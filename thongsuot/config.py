"""Settings, read once from the environment (prefix THONGSUOT_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="THONGSUOT_", extra="ignore")

    data: Path = Path("./data")  # THONGSUOT_DATA: the data folder (SQLite file, uploads)
    database_url: str | None = None  # THONGSUOT_DATABASE_URL: PostgreSQL for servers
    max_upload_mb: int = 50  # one file
    max_request_mb: int = 100  # one upload request (all its files), checked before the body is read
    max_text_mb: int = 100  # larger text files are refused by the reader
    parse_workers: int = 1  # processes parsing uploads (each stays under README's memory ceiling)
    public_library: bool = False  # anonymous read-only access to the library
    secure_cookies: bool = False  # set behind HTTPS
    secret_key: str | None = None
    # Notifications by e-mail (optional): sent only when THONGSUOT_SMTP_HOST is set.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "thongsuot@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    public_url: str = "http://localhost:8000"  # THONGSUOT_PUBLIC_URL: the links in e-mails start with it

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data / 'thongsuot.sqlite3').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
