"""OciObjectStore against the loopback fake Object Storage server.

The real ``oci`` SDK signs and sends every request; the fake verifies the
RSA signature with the test key's public half.
"""

from __future__ import annotations

import hashlib
import json
import socket
import urllib.error
import urllib.request

import oci
import pytest

from ccs_assets.storage import (
    ManifestMismatch,
    ObjectNotFound,
    StorageError,
    download_wave,
    upload_wave,
)
from ccs_assets.storage.oci_store import OciObjectStore, multipart_md5

from .fake_oci_server import DEFAULT_BUCKET as BUCKET
from .fake_oci_server import DEFAULT_NAMESPACE as NAMESPACE

MIB = 1024 * 1024


def _pattern(size: int, seed: int = 0) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 4096  # 128 KiB, not periodic per MiB
    return (block * (size // len(block) + 1))[:size]


# --------------------------------------------------------------------- basics
def test_namespace_is_fetched_once_and_described(make_oci_store, fake_oci):
    store = make_oci_store(prefix="/exports/2025/")
    assert store.describe() == f"oci://{NAMESPACE}/{BUCKET}/exports/2025"
    assert store.describe() == f"oci://{NAMESPACE}/{BUCKET}/exports/2025"
    assert [r for r in fake_oci.requests if r[1] == "/n"] == [("GET", "/n", 200)]

    given = make_oci_store(namespace="given-ns")
    assert given.describe() == f"oci://given-ns/{BUCKET}"
    assert len([r for r in fake_oci.requests if r[1] == "/n"]) == 1  # no second GetNamespace


def test_requests_are_signed_and_unsigned_ones_rejected(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store()
    store.put_bytes("wave-01/a.txt", b"abc")
    assert store.get_bytes("wave-01/a.txt") == b"abc"
    assert fake_oci.requests and all(status != 401 for _m, _p, status in fake_oci.requests)

    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{fake_oci.endpoint}/n/{NAMESPACE}/b/{BUCKET}/o/wave-01%2Fa.txt", timeout=5)
    assert info.value.code == 401
    assert json.loads(info.value.read())["code"] == "NotAuthenticated"


def test_wrong_key_is_not_authenticated(make_oci_store, oci_config):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    config = dict(oci_config)
    config["key_content"] = other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    store = make_oci_store(config=config, namespace=NAMESPACE)
    with pytest.raises(StorageError) as info:
        store.get_bytes("wave-01/a.txt")
    message = str(info.value)
    assert "bucket 'conv'" in message and "object 'wave-01/a.txt'" in message
    assert "not authenticated" in message and "401 NotAuthenticated" in message


def test_put_get_exists_round_trip_with_prefix(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store(prefix="exports")
    local = tmp_path / "CI_PER.dat"
    local.write_bytes(b'"0000000001"|"Smith"\n' * 100)
    store.put_file(local, "wave-01/CI_PER.dat")
    store.put_bytes("wave-01/notes.txt", b"hello")

    assert set(fake_oci.objects()) == {"exports/wave-01/CI_PER.dat", "exports/wave-01/notes.txt"}
    assert store.exists("wave-01/CI_PER.dat")
    assert not store.exists("wave-01/CI_ACCT.dat")
    assert store.get_bytes("wave-01/notes.txt") == b"hello"

    out = tmp_path / "down" / "CI_PER.dat"
    store.get_file("wave-01/CI_PER.dat", out)
    assert out.read_bytes() == local.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["CI_PER.dat"]  # no temp file left

    empty = tmp_path / "EMPTY.dat"
    empty.write_bytes(b"")
    store.put_file(empty, "wave-01/EMPTY.dat")
    assert store.get_bytes("wave-01/EMPTY.dat") == b""


def test_single_part_upload_sends_and_checks_md5(make_oci_store, fake_oci, tmp_path):
    local = tmp_path / "x.dat"
    local.write_bytes(b"x" * 1000)
    make_oci_store().put_file(local, "x.dat")
    puts = [r for r in fake_oci.requests if r[0] == "PUT"]
    assert len(puts) == 1 and "/o/" in puts[0][1]  # one PutObject, no multipart
    assert any(r[0] == "HEAD" for r in fake_oci.requests)  # verified after upload


def test_list_reads_every_page(make_oci_store, fake_oci):
    fake_oci.max_list_limit = 7
    for i in range(23):
        fake_oci.put(BUCKET, f"exports/wave-01/T{i:02d}.dat", b"x")
    fake_oci.put(BUCKET, "exports/wave-02/T00.dat", b"x")
    fake_oci.put(BUCKET, "other/wave-01/T00.dat", b"x")
    store = make_oci_store(prefix="exports")

    names = store.list("wave-01/")
    assert names == [f"wave-01/T{i:02d}.dat" for i in range(23)]
    list_calls = [r for r in fake_oci.requests if r[0] == "GET" and r[1].startswith(f"/n/{NAMESPACE}/b/{BUCKET}/o?")]
    assert len(list_calls) == 4  # 7 + 7 + 7 + 2
    assert store.list("") == names + ["wave-02/T00.dat"]
    assert store.list("wave-03/") == []


def test_delete(make_oci_store, fake_oci):
    store = make_oci_store()
    store.put_bytes("wave-01/a.dat", b"a")
    store.delete("wave-01/a.dat")
    assert fake_oci.objects() == {}
    with pytest.raises(ObjectNotFound, match=r"bucket 'conv' object 'wave-01/a.dat' not found \(404 ObjectNotFound\)"):
        store.delete("wave-01/a.dat")
    store.delete("wave-01/a.dat", missing_ok=True)


def test_get_missing_object_gives_clear_error(make_oci_store, tmp_path):
    store = make_oci_store()
    with pytest.raises(ObjectNotFound) as info:
        store.get_bytes("wave-01/CI_PER.dat")
    assert str(info.value) == "OCI Object Storage: bucket 'conv' object 'wave-01/CI_PER.dat' not found (404 ObjectNotFound)"
    target = tmp_path / "CI_PER.dat"
    with pytest.raises(ObjectNotFound):
        store.get_file("wave-01/CI_PER.dat", target)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_missing_bucket_is_named(make_oci_store):
    store = make_oci_store(bucket="no-such-bucket")
    with pytest.raises(StorageError) as info:
        store.put_bytes("wave-01/a.dat", b"a")
    message = str(info.value)
    assert "bucket 'no-such-bucket'" in message and "404 BucketNotFound" in message
    assert not isinstance(info.value, ObjectNotFound)
    with pytest.raises(StorageError, match="BucketNotFound"):
        store.exists("wave-01/a.dat")


def test_unreachable_endpoint_is_a_storage_error(oci_config):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = OciObjectStore(
        namespace=NAMESPACE, bucket=BUCKET, config=oci_config,
        service_endpoint=f"http://127.0.0.1:{port}", retry=False, timeout=(2, 2),
    )
    with pytest.raises(StorageError) as info:
        store.get_bytes("wave-01/a.dat")
    message = str(info.value)
    assert "bucket 'conv' object 'wave-01/a.dat'" in message and "cannot reach" in message
    assert "\n" not in message


@pytest.mark.parametrize("bad", ["../x", "/abs", "a//b", "a/./b", "", "a\\b"])
def test_invalid_names_are_refused(make_oci_store, bad):
    with pytest.raises(StorageError, match="invalid object name"):
        make_oci_store(namespace=NAMESPACE).put_bytes(bad, b"x")


# ------------------------------------------------------------------ multipart
def test_multipart_upload_in_parallel_parts(make_oci_store, fake_oci, tmp_path):
    data = _pattern(3 * MIB + MIB // 2)
    local = tmp_path / "CI_SA.dat"
    local.write_bytes(data)
    fake_oci.part_delay = 0.15
    store = make_oci_store(part_size=MIB, parallel_parts=3)
    store.put_file(local, "wave-01/CI_SA.dat")

    assert fake_oci.objects()["wave-01/CI_SA.dat"] == data
    parts = sorted(int(p.rsplit("=", 1)[1]) for m, p, s in fake_oci.requests if m == "PUT" and "uploadPartNum=" in p)
    assert parts == [1, 2, 3, 4]
    assert fake_oci.max_parts_in_flight >= 2  # parts really went in parallel
    assert fake_oci.open_uploads() == []
    head = store.client.head_object(NAMESPACE, BUCKET, "wave-01/CI_SA.dat").headers
    assert head["opc-multipart-md5"] == multipart_md5(local, MIB)
    assert head["opc-multipart-md5"].endswith("-4")

    out = tmp_path / "out.dat"
    store.get_file("wave-01/CI_SA.dat", out)
    assert out.read_bytes() == data


def test_failed_part_aborts_and_leaves_nothing(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store(part_size=MIB, parallel_parts=3)
    fake_oci.put(BUCKET, "wave-01/CI_SA.dat", b"previous complete version")
    local = tmp_path / "CI_SA.dat"
    local.write_bytes(_pattern(3 * MIB + MIB // 2, seed=1))
    fake_oci.fail_part_numbers = {2}

    with pytest.raises(StorageError) as info:
        store.put_file(local, "wave-01/CI_SA.dat")
    message = str(info.value)
    assert "bucket 'conv'" in message and "object 'wave-01/CI_SA.dat'" in message
    assert "500 InternalServerError" in message and "multipart upload was aborted" in message
    # nothing half-written: the old object is untouched, no upload left open
    assert fake_oci.objects() == {"wave-01/CI_SA.dat": b"previous complete version"}
    assert fake_oci.open_uploads() == []
    assert any(m == "DELETE" and "/u/" in p and s == 204 for m, p, s in fake_oci.requests)


def test_failed_part_of_a_new_object_leaves_no_object(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store(part_size=MIB)
    local = tmp_path / "CI_SA.dat"
    local.write_bytes(_pattern(2 * MIB + 10))
    fake_oci.fail_part_numbers = {3}
    with pytest.raises(StorageError):
        store.put_file(local, "wave-01/CI_SA.dat")
    assert fake_oci.objects() == {} and fake_oci.open_uploads() == []
    assert store.list("") == []


# ------------------------------------------------------------------ checksums
@pytest.mark.parametrize("size", [1000, 2 * MIB + 7], ids=["single-part", "multipart"])
def test_upload_verification_catches_stored_corruption(make_oci_store, fake_oci, tmp_path, size):
    store = make_oci_store(part_size=MIB)
    local = tmp_path / "CI_PER.dat"
    local.write_bytes(_pattern(size))
    fake_oci.corrupt_stored_bytes = True
    with pytest.raises(StorageError) as info:
        store.put_file(local, "wave-01/CI_PER.dat")
    message = str(info.value)
    assert "checksum verification after upload failed" in message
    assert "object 'wave-01/CI_PER.dat'" in message and "deleted" in message
    assert fake_oci.objects() == {}


def test_download_corrupted_in_transit_is_refused(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store()
    store.put_bytes("wave-01/a.dat", b"0123456789" * 50)
    fake_oci.corrupt_downloads = True
    target = tmp_path / "a.dat"
    with pytest.raises(StorageError, match="corrupted in transit"):
        store.get_file("wave-01/a.dat", target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(StorageError, match="opc-content-md5"):
        store.get_bytes("wave-01/a.dat")


# ------------------------------------------------------------------ waves
def _wave_files(tmp_path, big: bool = False):
    folder = tmp_path / "extract"
    folder.mkdir(exist_ok=True)
    per = folder / "CI_PER.dat"
    per.write_bytes(b'"P1"|"Smith"\n"P2"|"Jones"\n"P3"|"Brown"\n')
    ctl = folder / "CI_PER.ctl"
    ctl.write_bytes(b"LOAD DATA INFILE 'CI_PER.dat' INTO TABLE CI_PER FIELDS TERMINATED BY '|'\n")
    empty = folder / "CI_ACCT.dat"
    empty.write_bytes(b"")
    files = [(per, 3), (ctl, None), (empty, 0)]
    if big:
        sa = folder / "CI_SA.dat"
        sa.write_bytes(_pattern(2 * MIB + MIB // 3, seed=7))
        files.append((sa, 12345))
    return files


def test_upload_and_download_wave_round_trip(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store(prefix="conv-test", part_size=MIB)
    files = _wave_files(tmp_path, big=True)
    manifest = upload_wave(store, "wave-01", files)

    assert store.list("wave-01/") == sorted(
        ["wave-01/CI_PER.dat", "wave-01/CI_PER.ctl", "wave-01/CI_ACCT.dat", "wave-01/CI_SA.dat", "wave-01/manifest.json"]
    )
    writes = [p for m, p, s in fake_oci.requests if (m == "PUT" and "/o/" in p) or (m == "POST" and "/u/" in p)]
    assert writes[-1].endswith("/o/conv-test%2Fwave-01%2Fmanifest.json")  # manifest written last
    stored = json.loads(fake_oci.objects()["conv-test/wave-01/manifest.json"])
    assert stored["files"] == manifest["files"]
    assert {f["name"]: f["rows"] for f in stored["files"]} == {
        "CI_PER.dat": 3, "CI_PER.ctl": None, "CI_ACCT.dat": 0, "CI_SA.dat": 12345
    }

    dest = tmp_path / "staging-in"
    got = download_wave(store, "wave-01", dest)
    assert got["files"] == manifest["files"]
    for path, _rows in files:
        assert (dest / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in dest.iterdir()) == sorted(p.name for p, _ in files)


def test_tampered_object_gives_manifest_mismatch(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store()
    upload_wave(store, "wave-01", _wave_files(tmp_path))
    fake_oci.tamper(BUCKET, "wave-01/CI_PER.dat")  # same size, consistent MD5, other bytes
    dest = tmp_path / "in"
    with pytest.raises(ManifestMismatch) as info:
        download_wave(store, "wave-01", dest)
    err = info.value
    assert err.file == "CI_PER.dat" and err.field == "sha256"
    assert err.expected != err.actual and err.expected in str(err) and err.actual in str(err)
    assert "'CI_PER.dat'" in str(err) and "oci://testns/conv" in str(err)
    assert not (dest / "CI_PER.dat").exists()
    assert [p.name for p in dest.iterdir() if p.name.startswith(".")] == []


def test_rerun_of_upload_wave_replaces_the_folder_exactly(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store()
    files = _wave_files(tmp_path)
    upload_wave(store, "wave-01", files)
    upload_wave(store, "wave-02", files[:1])
    fake_oci.put(BUCKET, "wave-01/stray/left-over.tmp", b"x")

    per, _ = files[0]
    per.write_bytes(b'"P1"|"Smith"\n')
    manifest = upload_wave(store, "wave-01", [(per, 1)])
    assert store.list("wave-01/") == ["wave-01/CI_PER.dat", "wave-01/manifest.json"]
    assert store.list("wave-02/") == ["wave-02/CI_PER.dat", "wave-02/manifest.json"]  # other wave untouched
    assert [f["name"] for f in manifest["files"]] == ["CI_PER.dat"]
    got = download_wave(store, "wave-01", tmp_path / "in")
    assert got["files"][0]["rows"] == 1
    assert (tmp_path / "in" / "CI_PER.dat").read_bytes() == b'"P1"|"Smith"\n'


def test_download_wave_without_manifest(make_oci_store, fake_oci, tmp_path):
    store = make_oci_store()
    fake_oci.put(BUCKET, "wave-01/CI_PER.dat", b"x")
    with pytest.raises(StorageError) as info:
        download_wave(store, "wave-01", tmp_path)
    assert str(info.value) == (
        "wave 'wave-01' has no manifest.json in oci://testns/conv: run the upload step first"
    )


# ------------------------------------------------------------------ config
def test_invalid_config_is_one_clear_line(oci_config):
    config = dict(oci_config, fingerprint="not-a-fingerprint")
    del config["user"]
    with pytest.raises(StorageError) as info:
        OciObjectStore(namespace=None, bucket=BUCKET, config=config, retry=False)
    assert str(info.value) == (
        "OCI Object Storage: bucket 'conv': the given OCI config is invalid: fingerprint malformed, user missing"
    )


def test_config_file_and_profile(tmp_path, oci_config, fake_oci):
    key_file = tmp_path / "key.pem"
    key_file.write_text(oci_config["key_content"])
    config_file = tmp_path / "config"
    config_file.write_text(
        "[DEFAULT]\nregion=eu-frankfurt-1\n\n[CCS]\n"
        f"user={oci_config['user']}\ntenancy={oci_config['tenancy']}\n"
        f"fingerprint={oci_config['fingerprint']}\nkey_file={key_file}\nregion=eu-frankfurt-1\n"
    )
    store = OciObjectStore(
        namespace=None, bucket=BUCKET, config_file=str(config_file), profile="CCS",
        service_endpoint=fake_oci.endpoint, retry=False,
    )
    store.put_bytes("a.txt", b"a")
    assert fake_oci.objects() == {"a.txt": b"a"}

    with pytest.raises(StorageError, match=r"profile 'NOPE' not found in OCI config file"):
        OciObjectStore(namespace=None, bucket=BUCKET, config_file=str(config_file), profile="NOPE")
    with pytest.raises(StorageError, match=r"OCI config file .*missing-config not found"):
        OciObjectStore(namespace=None, bucket=BUCKET, config_file=str(tmp_path / "missing-config"))
    with pytest.raises(StorageError, match="profile 'DEFAULT' of OCI config file .* is invalid: .*user missing"):
        OciObjectStore(namespace=None, bucket=BUCKET, config_file=str(config_file))
    key_file.write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    with pytest.raises(StorageError, match="cannot load the API signing key of profile 'CCS'"):
        OciObjectStore(namespace=None, bucket=BUCKET, config_file=str(config_file), profile="CCS")
    key_file.unlink()
    with pytest.raises(StorageError, match="the key_file of profile 'CCS' in OCI config file .* does not exist"):
        OciObjectStore(namespace=None, bucket=BUCKET, config_file=str(config_file), profile="CCS")


def test_instance_principals(monkeypatch, oci_config, fake_oci):
    created = []

    class FakeInstancePrincipalSigner(oci.signer.Signer):
        """Stands in for the metadata-service signer; signs with the test key."""

        def __init__(self):
            super().__init__(
                oci_config["tenancy"], oci_config["user"], oci_config["fingerprint"], None,
                private_key_content=oci_config["key_content"],
            )
            self.region = "eu-frankfurt-1"
            created.append(self)

    monkeypatch.setattr(oci.auth.signers, "InstancePrincipalsSecurityTokenSigner", FakeInstancePrincipalSigner)
    store = OciObjectStore(
        namespace=None, bucket=BUCKET, instance_principals=True, service_endpoint=fake_oci.endpoint, retry=False
    )
    store.put_bytes("a.txt", b"a")
    assert created and fake_oci.objects() == {"a.txt": b"a"}

    def broken():
        raise ConnectionError("169.254.169.254 unreachable")

    monkeypatch.setattr(oci.auth.signers, "InstancePrincipalsSecurityTokenSigner", broken)
    with pytest.raises(StorageError, match="instance principal authentication failed"):
        OciObjectStore(namespace=None, bucket=BUCKET, instance_principals=True)


def test_default_retry_strategy_is_used_unless_disabled(oci_config, fake_oci):
    store = OciObjectStore(namespace=NAMESPACE, bucket=BUCKET, config=oci_config, service_endpoint=fake_oci.endpoint)
    assert store.client.retry_strategy is oci.retry.DEFAULT_RETRY_STRATEGY
    store = OciObjectStore(
        namespace=NAMESPACE, bucket=BUCKET, config=oci_config, service_endpoint=fake_oci.endpoint, retry=False
    )
    assert isinstance(store.client.retry_strategy, oci.retry.NoneRetryStrategy)
