"""LocalFolderStore and the wave manifest on a local folder."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from ccs_assets.storage import (
    LocalFolderStore,
    ManifestMismatch,
    ObjectNotFound,
    StorageError,
    build_manifest,
    download_wave,
    upload_wave,
)


@pytest.fixture
def store(tmp_path):
    return LocalFolderStore(tmp_path / "bucket", prefix="conv")


def _files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _wave_files(tmp_path):
    folder = tmp_path / "extract"
    folder.mkdir(exist_ok=True)
    per = folder / "CI_PER.dat"
    per.write_bytes(b'"P1"|"Smith"\n"P2"|"Jones"\n')
    ctl = folder / "CI_PER.ctl"
    ctl.write_bytes(b"LOAD DATA INFILE 'CI_PER.dat' INTO TABLE CI_PER\n")
    acct = folder / "CI_ACCT.dat"
    acct.write_bytes(b"")
    return [(per, 2), (ctl, None), (acct, 0)]


def test_round_trip_and_describe(store, tmp_path):
    assert store.describe() == (tmp_path / "bucket" / "conv").resolve().as_uri()
    assert store.describe().startswith("file:///")
    local = tmp_path / "CI_PER.dat"
    local.write_bytes(b"abc\n" * 10)
    store.put_file(local, "wave-01/CI_PER.dat")
    store.put_bytes("wave-01/notes.txt", b"hello")
    assert (tmp_path / "bucket" / "conv" / "wave-01" / "CI_PER.dat").read_bytes() == b"abc\n" * 10
    assert store.exists("wave-01/CI_PER.dat") and not store.exists("wave-01/CI_ACCT.dat")
    assert store.get_bytes("wave-01/notes.txt") == b"hello"
    out = tmp_path / "down" / "sub" / "CI_PER.dat"
    store.get_file("wave-01/CI_PER.dat", out)
    assert out.read_bytes() == local.read_bytes()
    store.put_bytes("wave-01/notes.txt", b"replaced")
    assert store.get_bytes("wave-01/notes.txt") == b"replaced"


def test_list_is_sorted_relative_and_filtered(store, tmp_path):
    for name in ["wave-02/B.dat", "wave-01/B.dat", "wave-01/A.dat", "wave-01/sub/C.dat", "wave-10/A.dat"]:
        store.put_bytes(name, b"x")
    # a stray temp file of an interrupted write is never listed
    (tmp_path / "bucket" / "conv" / "wave-01" / ".A.dat.abc123.ccs-tmp").write_bytes(b"half")
    assert store.list("wave-01/") == ["wave-01/A.dat", "wave-01/B.dat", "wave-01/sub/C.dat"]
    assert store.list("") == ["wave-01/A.dat", "wave-01/B.dat", "wave-01/sub/C.dat", "wave-02/B.dat", "wave-10/A.dat"]
    assert store.list("wave-1") == ["wave-10/A.dat"]
    assert LocalFolderStore(tmp_path / "nowhere").list("") == []


def test_missing_object_error_names_store_and_object(store, tmp_path):
    with pytest.raises(ObjectNotFound) as info:
        store.get_bytes("wave-01/CI_PER.dat")
    message = str(info.value)
    assert "local folder store file:///" in message and "object 'conv/wave-01/CI_PER.dat' not found" in message
    target = tmp_path / "out" / "CI_PER.dat"
    with pytest.raises(ObjectNotFound):
        store.get_file("wave-01/CI_PER.dat", target)
    assert not target.exists()
    with pytest.raises(StorageError, match="cannot read local file"):
        store.put_file(tmp_path / "no-such.dat", "wave-01/x.dat")


def test_delete(store, tmp_path):
    store.put_bytes("wave-01/sub/A.dat", b"x")
    store.put_bytes("wave-02/A.dat", b"x")
    store.delete("wave-01/sub/A.dat")
    assert store.list("") == ["wave-02/A.dat"]
    assert not (tmp_path / "bucket" / "conv" / "wave-01").exists()  # emptied folders removed
    assert (tmp_path / "bucket" / "conv").is_dir()  # but never the store's base
    with pytest.raises(ObjectNotFound):
        store.delete("wave-01/sub/A.dat")
    store.delete("wave-01/sub/A.dat", missing_ok=True)


@pytest.mark.parametrize("bad", ["../escape.dat", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "wave-01/"])
def test_names_cannot_escape_the_store(store, bad):
    with pytest.raises(StorageError, match="invalid object name"):
        store.put_bytes(bad, b"x")


def test_interrupted_write_leaves_no_partial_file(store, tmp_path, monkeypatch):
    store.put_bytes("wave-01/CI_PER.dat", b"complete old version")
    local = tmp_path / "CI_PER.dat"
    local.write_bytes(b"new content " * 1000)

    def half_then_fail(src, dst, length=0):
        dst.write(src.read(100))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", half_then_fail)
    with pytest.raises(StorageError) as info:
        store.put_file(local, "wave-01/CI_PER.dat")
    assert "No space left on device" in str(info.value) and "object 'conv/wave-01/CI_PER.dat'" in str(info.value)
    with pytest.raises(StorageError):
        store.put_file(local, "wave-01/NEW.dat")
    target = tmp_path / "down" / "CI_PER.dat"
    with pytest.raises(StorageError):
        store.get_file("wave-01/CI_PER.dat", target)
    monkeypatch.undo()

    base = tmp_path / "bucket" / "conv"
    assert _files_in(base) == ["wave-01/CI_PER.dat"]  # no temp file, no half-written NEW.dat
    assert store.get_bytes("wave-01/CI_PER.dat") == b"complete old version"
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_build_manifest(tmp_path):
    files = _wave_files(tmp_path)
    manifest = build_manifest("wave-01", files)
    assert manifest["wave"] == "wave-01" and manifest["format"] == "ccs-wave-manifest/1"
    assert manifest["files"] == [
        {"name": "CI_PER.dat", "bytes": 26, "sha256": hashlib.sha256(files[0][0].read_bytes()).hexdigest(), "rows": 2},
        {"name": "CI_PER.ctl", "bytes": 48, "sha256": hashlib.sha256(files[1][0].read_bytes()).hexdigest(), "rows": None},
        {"name": "CI_ACCT.dat", "bytes": 0, "sha256": hashlib.sha256(b"").hexdigest(), "rows": 0},
    ]
    with pytest.raises(StorageError, match="appears twice"):
        build_manifest("wave-01", [files[0], files[0]])
    with pytest.raises(StorageError, match="invalid wave name"):
        build_manifest("wave/01", files)
    with pytest.raises(StorageError, match="row count"):
        build_manifest("wave-01", [(files[0][0], -1)])


def test_wave_round_trip_and_manifest_last(store, tmp_path):
    order = []

    class Recording(LocalFolderStore):
        def put_file(self, local_path, name):
            order.append(name)
            super().put_file(local_path, name)

        def put_bytes(self, name, data):
            order.append(name)
            super().put_bytes(name, data)

    recording = Recording(tmp_path / "bucket", prefix="conv")
    files = _wave_files(tmp_path)
    manifest = upload_wave(recording, "wave-01", files)
    assert order[-1] == "wave-01/manifest.json" and len(order) == 4
    assert json.loads(store.get_bytes("wave-01/manifest.json"))["files"] == manifest["files"]

    dest = tmp_path / "in"
    assert download_wave(store, "wave-01", dest)["files"] == manifest["files"]
    assert sorted(p.name for p in dest.iterdir()) == ["CI_ACCT.dat", "CI_PER.ctl", "CI_PER.dat"]
    for path, _ in files:
        assert (dest / path.name).read_bytes() == path.read_bytes()


def test_tampered_file_gives_manifest_mismatch(store, tmp_path):
    upload_wave(store, "wave-01", _wave_files(tmp_path))
    stored = tmp_path / "bucket" / "conv" / "wave-01" / "CI_PER.dat"
    stored.write_bytes(stored.read_bytes().replace(b"Smith", b"Smyth"))  # same size, other bytes
    dest = tmp_path / "in"
    with pytest.raises(ManifestMismatch) as info:
        download_wave(store, "wave-01", dest)
    err = info.value
    assert err.file == "CI_PER.dat" and err.field == "sha256"
    assert f"expected {err.expected}, actual {err.actual}" in str(err)
    assert not (dest / "CI_PER.dat").exists()

    stored.write_bytes(b"truncated")
    with pytest.raises(ManifestMismatch, match="expected 26 bytes, actual 9 bytes") as info:
        download_wave(store, "wave-01", dest)
    assert info.value.field == "bytes"
    assert [p.name for p in dest.iterdir()] == []  # nothing half-verified left behind


def test_missing_manifest_message(store, tmp_path):
    store.put_bytes("wave-01/CI_PER.dat", b"x")
    with pytest.raises(StorageError) as info:
        download_wave(store, "wave-01", tmp_path / "in")
    assert str(info.value) == (
        f"wave 'wave-01' has no manifest.json in {store.describe()}: run the upload step first"
    )


def test_unreadable_manifest(store, tmp_path):
    store.put_bytes("wave-01/manifest.json", b"{not json")
    with pytest.raises(StorageError, match="manifest.json of wave 'wave-01' .* is unreadable"):
        download_wave(store, "wave-01", tmp_path / "in")
    store.put_bytes("wave-01/manifest.json", json.dumps({"wave": "wave-01", "files": [
        {"name": "../../etc/passwd", "bytes": 1, "sha256": "00"}]}).encode())
    with pytest.raises(StorageError, match="unreadable"):
        download_wave(store, "wave-01", tmp_path / "in")


def test_rerun_replaces_the_wave_folder_exactly(store, tmp_path):
    files = _wave_files(tmp_path)
    upload_wave(store, "wave-01", files)
    upload_wave(store, "wave-02", files)
    store.put_bytes("wave-01/old/left-over.dat", b"x")
    upload_wave(store, "wave-01", files[:1])
    assert store.list("wave-01/") == ["wave-01/CI_PER.dat", "wave-01/manifest.json"]
    assert len(store.list("wave-02/")) == 4
    assert [f["name"] for f in json.loads(store.get_bytes("wave-01/manifest.json"))["files"]] == ["CI_PER.dat"]


def test_bad_input_leaves_the_previous_wave_untouched(store, tmp_path):
    files = _wave_files(tmp_path)
    upload_wave(store, "wave-01", files)
    files[1][0].unlink()  # a control file vanished before the rerun: refused before anything is deleted
    with pytest.raises(StorageError, match="cannot read local file"):
        upload_wave(store, "wave-01", files)
    assert len(download_wave(store, "wave-01", tmp_path / "in")["files"]) == 3


def test_failed_upload_leaves_the_wave_without_manifest(store, tmp_path, monkeypatch):
    files = _wave_files(tmp_path)
    upload_wave(store, "wave-01", files)
    real_put_file = LocalFolderStore.put_file

    def failing_put_file(self, local_path, name):
        if name.endswith(".ctl"):
            raise StorageError(f"simulated failure uploading {name}")
        real_put_file(self, local_path, name)

    monkeypatch.setattr(LocalFolderStore, "put_file", failing_put_file)
    with pytest.raises(StorageError, match="simulated failure"):
        upload_wave(store, "wave-01", files)
    with pytest.raises(StorageError, match="has no manifest.json"):
        download_wave(store, "wave-01", tmp_path / "in")
