"""The object store between the workbench side and the target side.

Oracle's seed procedure uploads the extract files of a wave to OCI Object
Storage (step 5) and the staging load reads them back (step 6). This module
defines the small interface both sides use, so the same assets run against a
local folder (the default, nothing to install) or a real OCI bucket.

Object names are always relative to the store's prefix and use ``/`` as the
separator, e.g. ``wave-01/CI_PER.dat``. Every failure surfaces as a
:class:`StorageError` whose message names the store (folder or bucket), the
object and the cause, on one line.
"""

from __future__ import annotations

import abc
import base64
import hashlib
from pathlib import Path

__all__ = [
    "ObjectNotFound",
    "ObjectStore",
    "StorageError",
    "file_md5_b64",
    "file_sha256_hex",
    "join_name",
    "normalize_prefix",
    "validate_name",
]

_CHUNK = 1 << 20


class StorageError(Exception):
    """Any failure of an object store.

    ``store`` is the store's :meth:`ObjectStore.describe` text (or ``None``),
    ``object_name`` the object concerned (or ``None`` for store-wide errors).
    """

    def __init__(self, message: str, *, store: str | None = None, object_name: str | None = None):
        super().__init__(" ".join(str(message).split()))  # always one line
        self.store = store
        self.object_name = object_name


class ObjectNotFound(StorageError):
    """The object does not exist (HTTP 404 / missing file)."""


def validate_name(name: str, *, what: str = "object name") -> str:
    """Check an object name relative to a store prefix and return it.

    Names are ``/``-separated, non-empty, without leading or trailing ``/``,
    without empty, ``.`` or ``..`` segments, backslashes or control
    characters, so that one name means the same object in a folder and in a
    bucket and can never escape the store's root.
    """
    if not isinstance(name, str) or not name:
        raise StorageError(f"invalid {what} {name!r}: must be a non-empty string")
    if "\\" in name or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise StorageError(f"invalid {what} {name!r}: backslashes and control characters are not allowed")
    for segment in name.split("/"):
        if segment in ("", ".", ".."):
            raise StorageError(
                f"invalid {what} {name!r}: segments must not be empty, '.' or '..' "
                "(no leading, trailing or doubled '/')"
            )
    return name


def normalize_prefix(prefix: str | None) -> str:
    """Return a store prefix without surrounding slashes ('' for none)."""
    prefix = (prefix or "").strip().strip("/")
    if prefix:
        validate_name(prefix, what="prefix")
    return prefix


def join_name(prefix: str, name: str) -> str:
    """Join a normalized prefix and a relative name."""
    return f"{prefix}/{name}" if prefix else name


def file_sha256_hex(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_md5_b64(path: Path) -> str:
    """Base64 MD5 of a file, the form of OCI's ``Content-MD5`` / ``opc-content-md5``."""
    digest = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return base64.b64encode(digest.digest()).decode("ascii")


class ObjectStore(abc.ABC):
    """A flat namespace of named byte objects under a prefix.

    Implementations guarantee that a write never leaves a half-written object
    visible under its final name: a reader sees the previous object, the new
    one, or nothing.
    """

    @abc.abstractmethod
    def describe(self) -> str:
        """Where the objects live, e.g. ``file:///abs/path`` or
        ``oci://namespace/bucket/prefix`` (used in run tags and metadata)."""

    @abc.abstractmethod
    def put_file(self, local_path: Path, name: str) -> None:
        """Upload a local file as object ``name`` (relative to the prefix)."""

    @abc.abstractmethod
    def get_file(self, name: str, local_path: Path) -> None:
        """Download object ``name`` to ``local_path`` (atomically replaced)."""

    @abc.abstractmethod
    def put_bytes(self, name: str, data: bytes) -> None:
        """Store ``data`` as object ``name``."""

    @abc.abstractmethod
    def get_bytes(self, name: str) -> bytes:
        """Return the content of object ``name``."""

    @abc.abstractmethod
    def exists(self, name: str) -> bool:
        """Whether object ``name`` exists."""

    @abc.abstractmethod
    def list(self, prefix: str = "") -> list[str]:
        """Sorted names (relative to the store prefix) starting with ``prefix``.

        ``prefix`` is a plain string prefix: pass ``"wave-01/"`` to list one
        wave's folder. All pages are read.
        """

    @abc.abstractmethod
    def delete(self, name: str, *, missing_ok: bool = False) -> None:
        """Delete object ``name``; a missing object raises
        :class:`ObjectNotFound` unless ``missing_ok``."""

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        return f"{type(self).__name__}({self.describe()!r})"
