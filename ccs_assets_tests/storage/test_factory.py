"""store_from_env: settings parsing and the SettingsError messages."""

from __future__ import annotations

import oci
import pytest

from ccs_assets.storage import LocalFolderStore, SettingsError, store_from_env
from ccs_assets.storage.oci_store import OciObjectStore

from .fake_oci_server import DEFAULT_BUCKET as BUCKET
from .fake_oci_server import DEFAULT_NAMESPACE as NAMESPACE

MIB = 1024 * 1024


@pytest.fixture
def config_file(tmp_path, oci_config):
    key = tmp_path / "oci_api_key.pem"
    key.write_text(oci_config["key_content"])
    path = tmp_path / "oci-config"
    path.write_text(
        "[DEFAULT]\n"
        f"user={oci_config['user']}\ntenancy={oci_config['tenancy']}\n"
        f"fingerprint={oci_config['fingerprint']}\nkey_file={key}\nregion=eu-frankfurt-1\n"
        "\n[MIGRATION]\n"
        f"user={oci_config['user']}\ntenancy={oci_config['tenancy']}\n"
        f"fingerprint={oci_config['fingerprint']}\nkey_file={key}\nregion=uk-london-1\n"
    )
    return path


def _oci_env(config_file, **extra):
    env = {"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": BUCKET, "CCS_OCI_CONFIG_FILE": str(config_file)}
    env.update(extra)
    return env


def test_default_is_a_local_folder_under_ccs_home(tmp_path):
    store = store_from_env({}, ccs_home=tmp_path)
    assert isinstance(store, LocalFolderStore)
    assert store.describe() == (tmp_path / "object-storage").resolve().as_uri()


def test_local_dir_and_prefix(tmp_path):
    env = {"CCS_STORAGE": " Local ", "CCS_STORAGE_DIR": str(tmp_path / "bkt"), "CCS_STORAGE_PREFIX": "/runs/test/"}
    store = store_from_env(env, tmp_path / "home")
    assert store.describe() == (tmp_path / "bkt" / "runs" / "test").resolve().as_uri()
    store.put_bytes("wave-01/a", b"a")
    assert (tmp_path / "bkt" / "runs" / "test" / "wave-01" / "a").read_bytes() == b"a"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"CCS_STORAGE": "s3"}, "CCS_STORAGE must be 'local' or 'oci', got 's3'"),
        ({"CCS_STORAGE_PREFIX": "a/../b"}, "CCS_STORAGE_PREFIX is invalid"),
        ({"CCS_STORAGE": "oci"}, "CCS_OCI_BUCKET is required when CCS_STORAGE=oci"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "  "}, "CCS_OCI_BUCKET is required"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "my bucket"}, "CCS_OCI_BUCKET must be a bucket name"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_NAMESPACE": "a/b"}, "CCS_OCI_NAMESPACE must be"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_PREFIX": "x//y"}, "CCS_OCI_PREFIX is invalid"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_AUTH": "password"},
         "CCS_OCI_AUTH must be 'config_file' or 'instance_principal', got 'password'"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_ENDPOINT": "ftp://x"},
         "CCS_OCI_ENDPOINT must be an http(s):// URL"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_PART_SIZE_MB": "big"},
         "CCS_OCI_PART_SIZE_MB must be a whole number of MiB between 10 and 51200, got 'big'"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_PART_SIZE_MB": "5"}, "CCS_OCI_PART_SIZE_MB must be"),
        ({"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_PARALLEL_PARTS": "-2"}, "CCS_OCI_PARALLEL_PARTS must be"),
    ],
)
def test_invalid_settings_name_the_variable(tmp_path, env, message):
    with pytest.raises(SettingsError) as info:
        store_from_env(env, ccs_home=tmp_path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_config_file_names_the_variable(tmp_path):
    env = {"CCS_STORAGE": "oci", "CCS_OCI_BUCKET": "b", "CCS_OCI_CONFIG_FILE": str(tmp_path / "nope")}
    with pytest.raises(SettingsError, match=r"^CCS_OCI_CONFIG_FILE: OCI config file .*nope does not exist"):
        store_from_env(env, ccs_home=tmp_path)


def test_local_without_home_or_dir(tmp_path):
    with pytest.raises(SettingsError, match="CCS_STORAGE_DIR is not set"):
        store_from_env({})
    (tmp_path / "file").write_text("x")
    with pytest.raises(SettingsError, match="CCS_STORAGE_DIR must be a folder"):
        store_from_env({"CCS_STORAGE_DIR": str(tmp_path / "file")})


def test_oci_settings_reach_the_store(tmp_path, config_file, fake_oci):
    env = _oci_env(
        config_file,
        CCS_OCI_PREFIX="exports",
        CCS_OCI_ENDPOINT=fake_oci.endpoint,
        CCS_OCI_PART_SIZE_MB="10",
        CCS_OCI_PARALLEL_PARTS="2",
    )
    store = store_from_env(env, ccs_home=tmp_path)
    assert isinstance(store, OciObjectStore)
    assert (store.bucket, store.prefix, store.part_size, store.parallel_parts) == (BUCKET, "exports", 10 * MIB, 2)
    assert store.client.base_client.config["region"] == "eu-frankfurt-1"
    assert store.describe() == f"oci://{NAMESPACE}/{BUCKET}/exports"  # namespace asked from the service
    store.put_bytes("wave-01/a.txt", b"a")
    assert fake_oci.objects() == {"exports/wave-01/a.txt": b"a"}


def test_oci_profile_and_namespace(tmp_path, config_file, fake_oci):
    env = _oci_env(config_file, CCS_OCI_PROFILE="MIGRATION", CCS_OCI_NAMESPACE="fixedns")
    store = store_from_env(env, ccs_home=tmp_path)
    assert store.client.base_client.config["region"] == "uk-london-1"
    assert store.describe() == f"oci://fixedns/{BUCKET}"
    assert store.part_size == 128 * MIB and store.parallel_parts == 3


def test_instance_principal_setting(tmp_path, monkeypatch, oci_config, fake_oci):
    class FakeInstancePrincipalSigner(oci.signer.Signer):
        def __init__(self):
            super().__init__(oci_config["tenancy"], oci_config["user"], oci_config["fingerprint"], None,
                             private_key_content=oci_config["key_content"])
            self.region = "eu-amsterdam-1"

    monkeypatch.setattr(oci.auth.signers, "InstancePrincipalsSecurityTokenSigner", FakeInstancePrincipalSigner)
    env = {
        "CCS_STORAGE": "oci",
        "CCS_OCI_BUCKET": BUCKET,
        "CCS_OCI_AUTH": "instance_principal",
        "CCS_OCI_CONFIG_FILE": str(tmp_path / "not-needed"),
        "CCS_OCI_ENDPOINT": fake_oci.endpoint,
    }
    store = store_from_env(env, ccs_home=tmp_path)
    store.put_bytes("x", b"x")
    assert fake_oci.objects() == {"x": b"x"}
