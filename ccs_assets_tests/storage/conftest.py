"""Fixtures for the storage tests: a test RSA key, an OCI config built from
it, and the loopback fake Object Storage server (started per test, stopped
at teardown, and bounded by a watchdog)."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from .fake_oci_server import DEFAULT_BUCKET as BUCKET
from .fake_oci_server import DEFAULT_NAMESPACE as NAMESPACE
from .fake_oci_server import FakeObjectStorage


@pytest.fixture(scope="session")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def oci_config(rsa_key) -> dict:
    """A config dict that passes ``oci.config.validate_config``: well-formed
    fake OCIDs and the key's real fingerprint (MD5 of the DER public key)."""
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    der = rsa_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    digest = hashlib.md5(der).hexdigest()
    return {
        "user": "ocid1.user.oc1..aaaaaaaatestuser",
        "tenancy": "ocid1.tenancy.oc1..aaaaaaaatesttenancy",
        "fingerprint": ":".join(digest[i : i + 2] for i in range(0, 32, 2)),
        "region": "eu-frankfurt-1",
        "key_content": pem,
    }


@pytest.fixture
def fake_oci(rsa_key, oci_config):
    key_id = f"{oci_config['tenancy']}/{oci_config['user']}/{oci_config['fingerprint']}"
    server = FakeObjectStorage(
        namespace=NAMESPACE, buckets=(BUCKET,), public_key=rsa_key.public_key(), key_id=key_id, max_lifetime=60
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_oci_store(fake_oci, oci_config):
    """Build an ``OciObjectStore`` on the fake server (no client retries)."""
    from ccs_assets.storage.oci_store import OciObjectStore

    def make(**overrides):
        kwargs = dict(
            namespace=None,
            bucket=BUCKET,
            config=oci_config,
            service_endpoint=fake_oci.endpoint,
            retry=False,
            timeout=(5, 20),
        )
        kwargs.update(overrides)
        return OciObjectStore(**kwargs)

    return make
