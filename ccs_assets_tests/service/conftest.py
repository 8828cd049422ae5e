"""Fixtures for the service tests: a batch-control file with fast polling, and the loopback fake service."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ccs_assets.cloud.config import DEMO_MASTER_CONFIG
from ccs_assets.service.controls import load_batch_controls
from ccs_assets.service.settings import DEMO_BATCH_CONTROLS
from ccs_assets.storage.local import LocalFolderStore

from .fake_ccs_server import FakeCustomerCloudService

FAST_POLLING = """[polling]
first_seconds = 0.05
max_seconds = 0.2
give_up_minutes = 5
http_timeout_seconds = 2
"""


def fast_controls(folder: Path) -> Path:
    """The demo batch-control file with polling fit for tests (the client's HTTP timeout is 2 s)."""
    text = re.sub(r"\[polling\].*?(?=\n\[)", FAST_POLLING.rstrip(), DEMO_BATCH_CONTROLS.read_text(), flags=re.S)
    path = Path(folder) / "batch_controls.toml"
    path.write_text(text)
    return path


def start_fake(tmp: Path, bucket: Path, max_lifetime: float = 600) -> FakeCustomerCloudService:
    controls = load_batch_controls(fast_controls(tmp))
    return FakeCustomerCloudService(tmp / "service.duckdb", controls, LocalFolderStore(bucket),
                                    "file-storage://CCS-CONV/ccs-migration", DEMO_MASTER_CONFIG,
                                    max_lifetime=max_lifetime).start()


@pytest.fixture
def fake_ccs(tmp_path):
    fake = start_fake(tmp_path, tmp_path / "bucket")
    try:
        yield fake
    finally:
        fake.stop()
