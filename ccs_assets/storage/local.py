"""Object store on a local folder: the default bucket, nothing to install."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .base import ObjectNotFound, ObjectStore, StorageError, join_name, normalize_prefix, validate_name

__all__ = ["LocalFolderStore"]

# Writes go to "<dir>/.<basename>.<random>.ccs-tmp" and are renamed into place;
# list() never shows such files.
_TMP_SUFFIX = ".ccs-tmp"


def _is_temp(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(_TMP_SUFFIX)


def _atomic_write(target: Path, writer) -> None:
    """Write ``target`` through a temp file in the same folder, then rename.

    ``writer(fileobj)`` fills the temp file. On any failure the temp file is
    removed and ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class LocalFolderStore(ObjectStore):
    """Objects are files under ``root/prefix``; ``/`` in names makes sub-folders."""

    def __init__(self, root: Path, prefix: str = ""):
        self.root = Path(root).expanduser().resolve()
        try:
            self.prefix = normalize_prefix(prefix)
        except StorageError as exc:
            raise StorageError(f"local folder store {self.root}: {exc}", store=str(self.root)) from None
        self.base = self.root / self.prefix if self.prefix else self.root

    # ------------------------------------------------------------------ helpers
    def describe(self) -> str:
        return self.base.as_uri()

    def _where(self, name: str | None) -> str:
        where = f"local folder store {self.describe()}"
        return f"{where} object '{name}'" if name else where

    def _path(self, name: str) -> Path:
        try:
            validate_name(name)
        except StorageError as exc:
            raise StorageError(f"{self._where(None)}: {exc}", store=self.describe(), object_name=name) from None
        return self.base.joinpath(*name.split("/"))

    def _error(self, name: str | None, action: str, exc: BaseException) -> StorageError:
        if isinstance(exc, StorageError):
            return exc
        full = join_name(self.prefix, name) if name else None
        if isinstance(exc, FileNotFoundError) and name is not None:
            return ObjectNotFound(
                f"{self._where(full)} not found ({action})", store=self.describe(), object_name=full
            )
        cause = f"{type(exc).__name__}: {exc}"
        return StorageError(f"{self._where(full)} {action} failed ({cause})", store=self.describe(), object_name=full)

    # --------------------------------------------------------------- interface
    def put_file(self, local_path: Path, name: str) -> None:
        target = self._path(name)
        local_path = Path(local_path)
        try:
            src = open(local_path, "rb")
        except OSError as exc:
            full = join_name(self.prefix, name)
            raise StorageError(
                f"{self._where(full)} upload failed: cannot read local file {local_path} ({exc.strerror or exc})",
                store=self.describe(),
                object_name=full,
            ) from exc
        try:
            with src:
                _atomic_write(target, lambda dst: shutil.copyfileobj(src, dst, 1 << 20))
        except Exception as exc:
            raise self._error(name, "upload", exc) from exc

    def get_file(self, name: str, local_path: Path) -> None:
        source = self._path(name)
        try:
            with open(source, "rb") as src:
                _atomic_write(Path(local_path), lambda dst: shutil.copyfileobj(src, dst, 1 << 20))
        except Exception as exc:
            raise self._error(name, "download", exc) from exc

    def put_bytes(self, name: str, data: bytes) -> None:
        target = self._path(name)
        try:
            _atomic_write(target, lambda dst: dst.write(bytes(data)))
        except Exception as exc:
            raise self._error(name, "upload", exc) from exc

    def get_bytes(self, name: str) -> bytes:
        source = self._path(name)
        try:
            return source.read_bytes()
        except Exception as exc:
            raise self._error(name, "download", exc) from exc

    def exists(self, name: str) -> bool:
        path = self._path(name)
        return path.is_file() and not _is_temp(path)

    def list(self, prefix: str = "") -> list[str]:
        if not self.base.is_dir():
            return []
        names: list[str] = []
        try:
            for dirpath, _dirnames, filenames in os.walk(self.base):
                rel_dir = Path(dirpath).relative_to(self.base)
                for filename in filenames:
                    path = Path(dirpath, filename)
                    if _is_temp(path):
                        continue
                    name = "/".join((*rel_dir.parts, filename))
                    if name.startswith(prefix):
                        names.append(name)
        except Exception as exc:
            raise self._error(None, f"list of prefix '{prefix}'", exc) from exc
        return sorted(names)

    def delete(self, name: str, *, missing_ok: bool = False) -> None:
        path = self._path(name)
        try:
            path.unlink()
        except FileNotFoundError as exc:
            if missing_ok:
                return
            raise self._error(name, "delete", exc) from exc
        except Exception as exc:
            raise self._error(name, "delete", exc) from exc
        # Remove folders the delete left empty, never the store's base folder.
        parent = path.parent
        while parent != self.base and self.base in parent.parents:
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent
