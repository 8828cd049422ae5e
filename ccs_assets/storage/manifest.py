"""A wave's folder in the bucket and its ``manifest.json``.

Layout (DESIGN.md section 1): ``<prefix>/<wave>/<TABLE>.dat``, ``<TABLE>.ctl``
and ``<wave>/manifest.json`` with the byte size, SHA-256 and row count of
every file. The manifest is written **last**, so its presence means the
wave's upload is complete; the download side refuses a wave without one and
checks every file against it before the staging load (Oracle's step 6).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from .base import ObjectNotFound, ObjectStore, StorageError, file_sha256_hex, validate_name

__all__ = [
    "MANIFEST_FORMAT",
    "MANIFEST_NAME",
    "ManifestMismatch",
    "build_manifest",
    "download_wave",
    "read_manifest",
    "upload_wave",
]

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "ccs-wave-manifest/1"


class ManifestMismatch(StorageError):
    """A downloaded file differs from what the wave's manifest recorded."""

    def __init__(self, message: str, *, file: str, field: str, expected, actual, store: str | None = None):
        super().__init__(message, store=store, object_name=file)
        self.file = file
        self.field = field
        self.expected = expected
        self.actual = actual


def _check_wave(wave: str) -> str:
    if not isinstance(wave, str) or not wave or "/" in wave:
        raise StorageError(f"invalid wave name {wave!r}: must be a non-empty name without '/'")
    validate_name(wave, what="wave name")
    return wave


def _check_file_name(name: str, wave: str) -> str:
    if (
        not isinstance(name, str)
        or not name
        or "/" in name
        or "\\" in name
        or name in (".", "..")
        or name == MANIFEST_NAME
    ):
        raise StorageError(f"wave '{wave}': invalid file name {name!r} (plain file names only, not {MANIFEST_NAME!r})")
    return name


def build_manifest(wave: str, files: Sequence[tuple[Path, int | None]]) -> dict:
    """Describe a wave's files: name, byte size, SHA-256 (hex) and row count.

    ``files`` pairs each local file with its row count (``None`` for control
    files). File names must be unique within the wave.
    """
    _check_wave(wave)
    entries = []
    seen: set[str] = set()
    for path, rows in files:
        path = Path(path)
        name = _check_file_name(path.name, wave)
        if name in seen:
            raise StorageError(f"wave '{wave}': file name '{name}' appears twice in the upload list")
        seen.add(name)
        if rows is not None and (isinstance(rows, bool) or not isinstance(rows, int) or rows < 0):
            raise StorageError(f"wave '{wave}': row count of '{name}' must be a non-negative integer or None, got {rows!r}")
        try:
            size = path.stat().st_size
            sha256 = file_sha256_hex(path)
        except OSError as exc:
            raise StorageError(f"wave '{wave}': cannot read local file {path} ({exc.strerror or exc})") from exc
        entries.append({"name": name, "bytes": size, "sha256": sha256, "rows": rows})
    return {
        "format": MANIFEST_FORMAT,
        "wave": wave,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "files": entries,
    }


def upload_wave(store: ObjectStore, wave: str, files: Sequence[tuple[Path, int | None]]) -> dict:
    """Replace the wave's folder in ``store`` with exactly ``files`` plus a manifest.

    Order: delete the old ``<wave>/manifest.json`` (the wave is now marked
    incomplete), delete every object under ``<wave>/`` that is not in the new
    list, upload each file to ``<wave>/<name>``, and write the manifest last.
    A failure part-way leaves the wave without a manifest, which the download
    side reports clearly. Returns the manifest.
    """
    manifest = build_manifest(wave, files)
    folder = f"{wave}/"
    manifest_name = folder + MANIFEST_NAME
    keep = {folder + entry["name"] for entry in manifest["files"]}

    store.delete(manifest_name, missing_ok=True)
    for name in store.list(folder):
        if name not in keep:
            store.delete(name, missing_ok=True)
    for (path, _rows), entry in zip(files, manifest["files"]):
        store.put_file(Path(path), folder + entry["name"])
    payload = json.dumps(manifest, indent=2, sort_keys=False).encode("utf-8") + b"\n"
    store.put_bytes(manifest_name, payload)
    return manifest


def read_manifest(store: ObjectStore, wave: str) -> dict:
    """Read and sanity-check ``<wave>/manifest.json``."""
    _check_wave(wave)
    name = f"{wave}/{MANIFEST_NAME}"
    try:
        raw = store.get_bytes(name)
    except ObjectNotFound:
        raise StorageError(
            f"wave '{wave}' has no {MANIFEST_NAME} in {store.describe()}: run the upload step first",
            store=store.describe(),
            object_name=name,
        ) from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
        files = manifest["files"]
        for entry in files:
            _check_file_name(entry["name"], wave)
            int(entry["bytes"])
            str(entry["sha256"])
    except (ValueError, KeyError, TypeError, AttributeError, StorageError) as exc:
        raise StorageError(
            f"{MANIFEST_NAME} of wave '{wave}' in {store.describe()} is unreadable ({type(exc).__name__}: {exc}): "
            "rerun the upload step",
            store=store.describe(),
            object_name=name,
        ) from exc
    if manifest.get("wave") != wave:
        raise StorageError(
            f"{MANIFEST_NAME} under '{wave}/' in {store.describe()} belongs to wave {manifest.get('wave')!r}",
            store=store.describe(),
            object_name=name,
        )
    return manifest


def download_wave(store: ObjectStore, wave: str, dest_dir: Path) -> dict:
    """Download a wave's files to ``dest_dir`` and verify them against its manifest.

    Each file is downloaded under a temporary name and moved to
    ``dest_dir/<name>`` only after its size and SHA-256 match, so a file that
    fails the check never appears under its real name. Raises
    :class:`ManifestMismatch` on a difference, :class:`StorageError` when the
    manifest is missing. Returns the manifest.
    """
    manifest = read_manifest(store, wave)
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    where = store.describe()
    for entry in manifest["files"]:
        name = entry["name"]
        target = dest_dir / name
        tmp = dest_dir / f".{name}.download.ccs-tmp"
        try:
            store.get_file(f"{wave}/{name}", tmp)
            size = tmp.stat().st_size
            if size != int(entry["bytes"]):
                raise ManifestMismatch(
                    f"wave '{wave}' file '{name}' in {where}: size differs from manifest: "
                    f"expected {entry['bytes']} bytes, actual {size} bytes",
                    file=name, field="bytes", expected=int(entry["bytes"]), actual=size, store=where,
                )
            sha256 = file_sha256_hex(tmp)
            if sha256 != entry["sha256"]:
                raise ManifestMismatch(
                    f"wave '{wave}' file '{name}' in {where}: SHA-256 differs from manifest: "
                    f"expected {entry['sha256']}, actual {sha256}",
                    file=name, field="sha256", expected=entry["sha256"], actual=sha256, store=where,
                )
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    return manifest


def upload_outbox(store: ObjectStore, wave: str, out: Path, counts: dict[str, int]) -> tuple[dict, int]:
    """Upload every data and control file of a wave's outbox folder; (manifest, data rows).

    `counts` gives the rows of the main data files; `_K` and other data files are counted by lines (one row per
    line, no embedded line breaks)."""
    files: list[tuple[Path, int | None]] = []
    for path in sorted(Path(out).iterdir()):
        if path.suffix == ".dat":
            rows = counts.get(path.name)
            if rows is None:
                with open(path, "rb") as fh:
                    rows = sum(1 for _ in fh)
            files.append((path, rows))
        elif path.suffix == ".ctl":
            files.append((path, None))
    return upload_wave(store, wave, files), sum(r for _, r in files if r)


def verified_inbox(store: ObjectStore, home: Path, wave: str, run_id: str) -> Path:
    """Download and verify the wave's files once per run (cached by run id) under <home>/inbox/<wave>/<run id>."""
    dest = Path(home) / "inbox" / wave / run_id
    if not (dest / ".verified").exists():
        shutil.rmtree(dest.parent, ignore_errors=True)
        dest.mkdir(parents=True)
        download_wave(store, wave, dest)
        (dest / ".verified").write_text("ok")
    return dest
