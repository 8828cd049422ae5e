"""Object storage between the workbench side (steps 1-5) and the target side (step 6 on).

A local folder by default, an OCI Object Storage bucket in production; chosen
by settings with :func:`store_from_env`. ``OciObjectStore`` is imported lazily
so that local runs do not pay for importing the ``oci`` SDK.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import ObjectNotFound, ObjectStore, StorageError
from .factory import STORAGE_SETTINGS, SettingsError, store_from_env
from .local import LocalFolderStore
from .manifest import MANIFEST_NAME, ManifestMismatch, build_manifest, download_wave, read_manifest, upload_wave

if TYPE_CHECKING:  # pragma: no cover
    from .oci_store import OciObjectStore

__all__ = [
    "LocalFolderStore",
    "MANIFEST_NAME",
    "ManifestMismatch",
    "ObjectNotFound",
    "ObjectStore",
    "OciObjectStore",
    "STORAGE_SETTINGS",
    "SettingsError",
    "StorageError",
    "build_manifest",
    "download_wave",
    "read_manifest",
    "store_from_env",
    "upload_wave",
]


def __getattr__(name: str):
    if name == "OciObjectStore":
        from .oci_store import OciObjectStore

        return OciObjectStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
