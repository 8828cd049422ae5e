"""CCS_SERVICE_* settings: where the service is and how to authenticate.

Secrets (client secret, password) are never kept here or printed: only
whether they are set. The resource reads them through dg.EnvVar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

DEMO_BATCH_CONTROLS = Path(__file__).resolve().parent / "demo" / "batch_controls.toml"
_URL = re.compile(r"^https?://[^/\s:]+(:\d+)?(/\S*)?$")
AUTH_SETTINGS = {
    "oauth": ("CCS_SERVICE_TOKEN_URL", "CCS_SERVICE_CLIENT_ID", "CCS_SERVICE_CLIENT_SECRET"),
    "basic": ("CCS_SERVICE_USER", "CCS_SERVICE_PASSWORD"),
}
SECRET_SETTINGS = ("CCS_SERVICE_CLIENT_SECRET", "CCS_SERVICE_PASSWORD")


class ServiceSettingsError(ValueError):
    """A CCS_SERVICE_* setting is missing or invalid; the message names it (never its secret value)."""


@dataclass(frozen=True)
class ServiceSettings:
    url: str  # REST base, e.g. https://host/context (the /rest/apis/... path is appended)
    sql_url: str  # REST-enabled SQL endpoint, e.g. https://host/ords/<alias>/_/sql
    auth: str  # oauth | basic
    token_url: str
    client_id: str
    user: str
    scope: str
    batch_controls: Path

    def describe(self) -> str:
        who = self.client_id if self.auth == "oauth" else self.user
        return f"ccs://{who}@{self.url} ({self.auth})"


def _url(env: Mapping[str, str], name: str, required: bool = True) -> str:
    value = env.get(name, "").strip().rstrip("/")
    if not value:
        if required:
            raise ServiceSettingsError(f"CCS_TARGET=ccs needs {name}")
        return ""
    if not _URL.match(value):
        raise ServiceSettingsError(f"{name} must be an http(s):// URL, got {value!r}")
    return value


def load_service_settings(env: Mapping[str, str]) -> ServiceSettings:
    """Read CCS_SERVICE_*; raise ServiceSettingsError naming the first missing or bad one."""
    url = _url(env, "CCS_SERVICE_URL")
    sql_url = _url(env, "CCS_SERVICE_SQL_URL")
    auth = env.get("CCS_SERVICE_AUTH", "oauth").strip().lower() or "oauth"
    if auth not in AUTH_SETTINGS:
        raise ServiceSettingsError(f"CCS_SERVICE_AUTH must be 'oauth' or 'basic', got {auth!r}")
    missing = [n for n in AUTH_SETTINGS[auth] if not env.get(n, "").strip()]
    if missing:
        raise ServiceSettingsError(f"CCS_SERVICE_AUTH={auth} needs {', '.join(missing)}")
    token_url = _url(env, "CCS_SERVICE_TOKEN_URL") if auth == "oauth" else ""
    raw = env.get("CCS_SERVICE_BATCH_CONTROLS", "").strip()
    path = Path(raw).expanduser().resolve() if raw else DEMO_BATCH_CONTROLS
    if not path.is_file():
        raise ServiceSettingsError(f"CCS_SERVICE_BATCH_CONTROLS: {path} is not a file")
    from .controls import BatchControlError, load_batch_controls

    try:
        load_batch_controls(path)
    except BatchControlError as exc:
        raise ServiceSettingsError(f"CCS_SERVICE_BATCH_CONTROLS: {exc}") from None
    return ServiceSettings(
        url=url, sql_url=sql_url, auth=auth, token_url=token_url,
        client_id=env.get("CCS_SERVICE_CLIENT_ID", "").strip() if auth == "oauth" else "",
        user=env.get("CCS_SERVICE_USER", "").strip() if auth == "basic" else "",
        scope=env.get("CCS_SERVICE_SCOPE", "").strip(),
        batch_controls=path,
    )
