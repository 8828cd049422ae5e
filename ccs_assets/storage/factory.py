"""Choose the object store from settings (environment variables).

==========================  =====================================================
``CCS_STORAGE``             ``local`` (default) or ``oci``
``CCS_STORAGE_DIR``         local: folder of the store (default ``<ccs_home>/object-storage``)
``CCS_STORAGE_PREFIX``      local: prefix (sub-folder) inside it (default none)
``CCS_OCI_BUCKET``          oci: bucket name (required)
``CCS_OCI_NAMESPACE``       oci: namespace (default: asked from the service)
``CCS_OCI_PREFIX``          oci: object name prefix (default none)
``CCS_OCI_AUTH``            oci: ``config_file`` (default) or ``instance_principal``
``CCS_OCI_CONFIG_FILE``     oci: OCI config file (default ``~/.oci/config``)
``CCS_OCI_PROFILE``         oci: profile in it (default ``DEFAULT``)
``CCS_OCI_ENDPOINT``        oci: service endpoint override (default: the profile's region)
``CCS_OCI_PART_SIZE_MB``    oci: multipart part size and threshold in MiB, 10 to 51200 (default 128)
``CCS_OCI_PARALLEL_PARTS``  oci: parts uploaded in parallel (default 3)
==========================  =====================================================

A missing or invalid setting raises :class:`SettingsError` with one line
naming the variable.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from .base import ObjectStore, StorageError, normalize_prefix

__all__ = ["SettingsError", "store_from_env", "STORAGE_SETTINGS"]

STORAGE_SETTINGS = (
    "CCS_STORAGE",
    "CCS_STORAGE_DIR",
    "CCS_STORAGE_PREFIX",
    "CCS_OCI_BUCKET",
    "CCS_OCI_NAMESPACE",
    "CCS_OCI_PREFIX",
    "CCS_OCI_AUTH",
    "CCS_OCI_CONFIG_FILE",
    "CCS_OCI_PROFILE",
    "CCS_OCI_ENDPOINT",
    "CCS_OCI_PART_SIZE_MB",
    "CCS_OCI_PARALLEL_PARTS",
)

_BUCKET_RE = re.compile(r"^[A-Za-z0-9._-]{1,256}$")  # OCI bucket naming rules
_NAMESPACE_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# OCI parts are at most 50 GiB; Oracle's multipart documentation has stated a
# 10 MiB minimum for every part but the last, so settings stay within both.
_MIN_PART_MB = 10
_MAX_PART_MB = 50 * 1024
_AUTH_MODES = {
    "config_file": "config_file",
    "api_key": "config_file",
    "instance_principal": "instance_principal",
    "instance_principals": "instance_principal",
}


class SettingsError(ValueError):
    """A storage setting is missing or invalid."""


def _get(env: Mapping[str, str], key: str) -> str | None:
    value = env.get(key)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _prefix(env: Mapping[str, str], key: str) -> str:
    try:
        return normalize_prefix(_get(env, key))
    except StorageError as exc:
        raise SettingsError(f"{key} is invalid: {exc}") from None


def _int(env: Mapping[str, str], key: str, default: int, low: int, high: int, unit: str) -> int:
    raw = _get(env, key)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{key} must be a whole number of {unit} between {low} and {high}, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{key} must be a whole number of {unit} between {low} and {high}, got {raw!r}")
    return value


def store_from_env(env: Mapping[str, str] = os.environ, ccs_home: Path | None = None) -> ObjectStore:
    """Build the configured object store.

    ``ccs_home`` is the project's working folder; the local store defaults to
    ``<ccs_home>/object-storage``. Building an OCI store reads the OCI config
    (no network call unless ``CCS_OCI_AUTH=instance_principal``); a config
    problem found there raises :class:`~ccs_assets.storage.base.StorageError`.
    """
    kind = (_get(env, "CCS_STORAGE") or "local").lower()
    if kind == "local":
        raw_dir = _get(env, "CCS_STORAGE_DIR")
        if raw_dir is None:
            if ccs_home is None:
                raise SettingsError("CCS_STORAGE_DIR is not set and no CCS home folder was given to default it")
            folder = Path(ccs_home) / "object-storage"
        else:
            folder = Path(raw_dir).expanduser()
        if folder.exists() and not folder.is_dir():
            raise SettingsError(f"CCS_STORAGE_DIR must be a folder, but {folder} is a file")
        from .local import LocalFolderStore

        return LocalFolderStore(folder, prefix=_prefix(env, "CCS_STORAGE_PREFIX"))

    if kind != "oci":
        raise SettingsError(f"CCS_STORAGE must be 'local' or 'oci', got {env.get('CCS_STORAGE')!r}")

    bucket = _get(env, "CCS_OCI_BUCKET")
    if bucket is None:
        raise SettingsError("CCS_OCI_BUCKET is required when CCS_STORAGE=oci (the bucket that holds the extract files)")
    if not _BUCKET_RE.match(bucket):
        raise SettingsError(
            f"CCS_OCI_BUCKET must be a bucket name (letters, digits, '.', '-', '_'; at most 256), got {bucket!r}"
        )
    namespace = _get(env, "CCS_OCI_NAMESPACE")
    if namespace is not None and not _NAMESPACE_RE.match(namespace):
        raise SettingsError(f"CCS_OCI_NAMESPACE must be an Object Storage namespace, got {namespace!r}")
    prefix = _prefix(env, "CCS_OCI_PREFIX")

    raw_auth = _get(env, "CCS_OCI_AUTH") or "config_file"
    auth = _AUTH_MODES.get(raw_auth.lower())
    if auth is None:
        raise SettingsError(f"CCS_OCI_AUTH must be 'config_file' or 'instance_principal', got {raw_auth!r}")

    endpoint = _get(env, "CCS_OCI_ENDPOINT")
    if endpoint is not None and not re.match(r"^https?://[^/\s]+", endpoint):
        raise SettingsError(f"CCS_OCI_ENDPOINT must be an http(s):// URL, got {endpoint!r}")

    part_mb = _int(env, "CCS_OCI_PART_SIZE_MB", 128, _MIN_PART_MB, _MAX_PART_MB, "MiB")
    parallel = _int(env, "CCS_OCI_PARALLEL_PARTS", 3, 1, 64, "parts")

    config_file = None
    profile = _get(env, "CCS_OCI_PROFILE") or "DEFAULT"
    if auth == "config_file":
        config_file = str(Path(_get(env, "CCS_OCI_CONFIG_FILE") or "~/.oci/config").expanduser())
        if not Path(config_file).is_file():
            raise SettingsError(
                f"CCS_OCI_CONFIG_FILE: OCI config file {config_file} does not exist "
                "(create it with 'oci setup config', or set CCS_OCI_AUTH=instance_principal)"
            )

    from .oci_store import OciObjectStore

    return OciObjectStore(
        namespace=namespace,
        bucket=bucket,
        prefix=prefix,
        config_file=config_file,
        profile=profile,
        instance_principals=auth == "instance_principal",
        service_endpoint=endpoint,
        part_size=part_mb * 1024 * 1024,
        parallel_parts=parallel,
    )
