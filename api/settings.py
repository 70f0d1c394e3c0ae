"""Settings: the one module that reads the environment (every variable is prefixed ``MINQING_``)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Environment(StrEnum):
    """Where minqing runs: ``dev`` opens GraphiQL to everyone, ``production`` only to admins."""

    DEV = "dev"
    PRODUCTION = "production"


class LogFormat(StrEnum):
    """How log lines are written: ``text`` for a terminal, ``json`` (one object a line) for a
    log collector."""

    TEXT = "text"
    JSON = "json"


DEFAULT_DATABASE_URL = "sqlite://data/minqing.sqlite3"
# The largest legal request: nine 5 MiB attachments, base64 in the JSON (9 x 6.67 MiB = 60 MiB),
# plus room for the document and the text fields. tests/api/test_request_bodies.py checks it.
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _address(value: str | None) -> tuple[str, int] | None:
    """``HOST:PORT`` (``:9464`` means every interface), or None when empty."""
    if not value:
        return None
    host, sep, port = value.strip().rpartition(":")
    if not sep or not port.isdigit():
        raise RuntimeError(f"MINQING_METRICS_ADDRESS must be HOST:PORT, not {value!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


@dataclass(frozen=True)
class Settings:
    """Process-wide configuration, read once from ``MINQING_*`` variables."""

    database_url: str
    secret_key: str
    environment: Environment
    graphiql: bool
    upload_dir: Path
    sweep_interval_seconds: int
    execution_timeout_seconds: float = 10.0
    rate_limit_per_second: float = 100.0
    rate_limit_burst: float = 1000.0
    rate_limit_redis_url: str = ""
    rate_limit_redis_prefix: str = "minqing:rl:"
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    log_format: LogFormat = LogFormat.TEXT
    metrics_address: tuple[str, int] | None = None  # also serve /metrics here, without auth

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def rate_limited(self) -> bool:
        return self.rate_limit_per_second > 0 and self.rate_limit_burst > 0

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite://")


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build settings from ``environ`` (the process environment by default)."""
    env = dict(os.environ if environ is None else environ)
    environment = Environment(env.get("MINQING_ENVIRONMENT", Environment.DEV.value))
    secret = env.get("MINQING_SECRET_KEY", "")
    if not secret:
        if environment is Environment.PRODUCTION:
            raise RuntimeError("MINQING_SECRET_KEY must be set in production")
        secret = secrets.token_hex(32)
    return Settings(
        database_url=env.get("MINQING_DATABASE_URL", DEFAULT_DATABASE_URL),
        secret_key=secret,
        environment=environment,
        graphiql=_flag(env.get("MINQING_GRAPHIQL"), default=True),
        upload_dir=Path(env.get("MINQING_UPLOAD_DIR", "data/uploads")),
        sweep_interval_seconds=int(env.get("MINQING_SWEEP_INTERVAL_SECONDS", "0")),
        execution_timeout_seconds=float(env.get("MINQING_EXECUTION_TIMEOUT_SECONDS", "10")),
        rate_limit_per_second=float(env.get("MINQING_RATE_LIMIT_PER_SECOND", "100")),
        rate_limit_burst=float(env.get("MINQING_RATE_LIMIT_BURST", "1000")),
        rate_limit_redis_url=env.get("MINQING_RATE_LIMIT_REDIS_URL", ""),
        rate_limit_redis_prefix=env.get("MINQING_RATE_LIMIT_REDIS_PREFIX", "minqing:rl:"),
        max_body_bytes=_byte_count(env, "MINQING_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
        log_format=LogFormat(env.get("MINQING_LOG_FORMAT", "") or LogFormat.TEXT.value),
        metrics_address=_address(env.get("MINQING_METRICS_ADDRESS")),
    )


def _byte_count(env: dict[str, str], name: str, default: int) -> int:
    value = int(env.get(name) or default)
    if value < 1:
        raise RuntimeError(f"{name} must be a positive number of bytes, not {value}")
    return value


_settings: Settings | None = None


def get_settings() -> Settings:
    """The settings of this process, loaded on first use."""
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings
