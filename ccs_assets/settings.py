"""Settings from environment variables, with embedded defaults under CCS_HOME.

Every setting is read in one place so a bad value gets one clear line
(SettingsError) instead of a traceback deep inside a run.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from .service.settings import ServiceSettings

PACKAGE_DIR = Path(__file__).resolve().parent
DEMO_CODE_MAPS = PACKAGE_DIR / "codemaps" / "demo"
DEMO_ENV_ID = "100000"  # the DuckDB rehearsal's installation; an Oracle target must name its own (CCS_ENV_ID)


class SettingsError(ValueError):
    """A setting is missing or invalid; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    home: Path
    workbench_db: Path
    target: str
    target_db: Path
    landing: Path
    outbox: Path
    code_maps: Path
    dagster_home: Path
    reject_threshold: float
    env_id: int
    person_name_format: str
    main_customer_rel_type: str
    duckdb_memory_limit: str = "4GB"
    duckdb_temp_dir: Path | None = None  # None: DuckDB's default (<database>.tmp next to the file)
    person_id_required: bool = False  # CC&B installation option: every person needs an identifier
    conversion_artifacts: Path | None = None  # the service's K1-CNVAG control files (<TABLE>.ctl); None: catalog layout
    oracle: "OracleSettings | None" = None  # set when target == "oracle"
    service: "ServiceSettings | None" = None  # set when target == "ccs" (the rehearsal stays in target_db)
    source_dir: Path = Path(".ccs/source")  # upgrade scenarios: folder of ccb.duckdb and wave_plan.csv (--source)
    drop_columns: frozenset = frozenset()  # "TABLE.COLUMN" source columns an upgrade drops on purpose
    conversion_controls: tuple = ("9000000001", "9000000001", "CONVERSION")  # scenario 5: deposit, tender control, source
    env: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_duckdb_target(self) -> bool:
        return self.target == "duckdb"

    @property
    def has_rehearsal_file(self) -> bool:
        """The target side (DuckDB, or ccs's DuckDB rehearsal) lives in the target_db file."""
        return self.target in ("duckdb", "ccs")

    def describe_target(self) -> str:
        """Where the target side runs, for run tags and metadata (never the password)."""
        if self.service is not None:
            return f"{self.service.describe()}, rehearsal duckdb://{self.target_db}"
        if self.oracle is not None:
            return f"oracle://{self.oracle.user}@{self.oracle.dsn} ({self.oracle.staging_schema}/{self.oracle.production_schema})"
        return f"duckdb://{self.target_db}"


ORACLE_SETTINGS = ("CCS_ORACLE_DSN", "CCS_ORACLE_USER", "CCS_ORACLE_PASSWORD")


@dataclass(frozen=True)
class OracleSettings:
    """CCS_TARGET=oracle. The password is not kept here: the resource reads it through dg.EnvVar."""

    dsn: str
    user: str
    staging_schema: str
    production_schema: str
    load_method: str
    batch_rows: int


def _oracle_settings(env: Mapping[str, str]) -> OracleSettings:
    missing = [n for n in ORACLE_SETTINGS if not env.get(n, "").strip()]
    if missing:
        raise SettingsError(f"CCS_TARGET=oracle needs {', '.join(missing)} (DSN like host:1521/service, user, password)")
    schemas = []
    for name, default in (("CCS_ORACLE_STAGING_SCHEMA", "CISSTG"), ("CCS_ORACLE_PRODUCTION_SCHEMA", "CISADM")):
        value = env.get(name, "").strip().upper() or default
        if not re.fullmatch(r"[A-Z][A-Z0-9_$#]{0,127}", value):
            raise SettingsError(f"{name} must be an unquoted Oracle schema name, got {value!r}")
        schemas.append(value)
    method = env.get("CCS_ORACLE_LOAD", "direct_path").strip().lower() or "direct_path"
    if method not in ("direct_path", "executemany"):
        raise SettingsError(f"CCS_ORACLE_LOAD must be 'direct_path' or 'executemany', got {method!r}")
    raw_batch = env.get("CCS_ORACLE_BATCH_ROWS", "100000").strip()
    if not raw_batch.isdigit() or not 1000 <= int(raw_batch) <= 10_000_000:
        raise SettingsError(f"CCS_ORACLE_BATCH_ROWS must be a whole number from 1000 to 10000000, got {raw_batch!r}")
    return OracleSettings(dsn=env["CCS_ORACLE_DSN"].strip(), user=env["CCS_ORACLE_USER"].strip(),
                          staging_schema=schemas[0], production_schema=schemas[1], load_method=method,
                          batch_rows=int(raw_batch))


_MEMORY = re.compile(r"(\d+(\.\d+)?) ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def _memory_limit(env: Mapping[str, str]) -> str:
    raw = env.get("CCS_DUCKDB_MEMORY_LIMIT", "4GB").strip() or "4GB"
    m = _MEMORY.fullmatch(raw)
    if not m or float(m.group(1)) <= 0:
        raise SettingsError(f"CCS_DUCKDB_MEMORY_LIMIT must be a size like 1GB, 512MB or 2GiB, got {raw!r}")
    return raw.replace(" ", "")


def _service_settings(env: Mapping[str, str]):
    from .service.settings import ServiceSettingsError, load_service_settings

    try:
        return load_service_settings(env)
    except ServiceSettingsError as exc:
        raise SettingsError(str(exc)) from None
def _drop_columns(env: Mapping[str, str]) -> frozenset:
    """CCS_SOURCE_DROP_COLUMNS: comma-separated TABLE.COLUMN names; CCS_SOURCE_CCB=oracle needs its connection."""
    raw = env.get("CCS_SOURCE_DROP_COLUMNS", "").strip()
    items = [x.strip().upper() for x in raw.split(",") if x.strip()]
    bad = [x for x in items if not re.fullmatch(r"[A-Z][A-Z0-9_$#]*\.[A-Z][A-Z0-9_$#]*", x)]
    if bad:
        raise SettingsError(f"CCS_SOURCE_DROP_COLUMNS must list TABLE.COLUMN names separated by commas, got {bad[0]!r}")
    if env.get("CCS_SOURCE_CCB", "").strip().lower() == "oracle":
        missing = [n for n in ("CCS_SOURCE_CCB_DSN", "CCS_SOURCE_CCB_USER", "CCS_SOURCE_CCB_PASSWORD") if not env.get(n, "").strip()]
        if missing:
            raise SettingsError(f"CCS_SOURCE_CCB=oracle needs {', '.join(missing)} (DSN like host:1521/service, user, password)")
    return frozenset(items)


def _conversion_controls(env: Mapping[str, str]) -> tuple[str, str, str]:
    """Scenario 5: ids of the deposit and tender control the conversion creates, and the tender source code."""
    out = []
    for name in ("CCS_CONVERSION_DEP_CTL_ID", "CCS_CONVERSION_TNDR_CTL_ID"):
        value = env.get(name, "").strip() or "9000000001"
        if not re.fullmatch(r"\d{10}", value) or set(value) == {"0"}:
            raise SettingsError(f"{name} must be a 10-digit CC&B key, not all zeros, got {value!r}")
        out.append(value)
    source = env.get("CCS_CONVERSION_TENDER_SOURCE", "").strip() or "CONVERSION"
    if len(source) > 12:
        raise SettingsError(f"CCS_CONVERSION_TENDER_SOURCE must be a tender source code of up to 12 characters, got {source!r}")
    return out[0], out[1], source


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    value = env.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def check_home(settings: "Settings") -> None:
    """CCS_HOME (and DAGSTER_HOME) must be folders this process can write: created when missing, probed with a file."""
    for name, folder in (("CCS_HOME", settings.home), ("DAGSTER_HOME", settings.dagster_home)):
        if folder.exists() and not folder.is_dir():
            raise SettingsError(f"{name}: {folder} is a file, not a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise SettingsError(f"{name}: {folder} is not a writable folder ({exc.strerror or exc})") from None


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read every CCS_* setting; raise SettingsError naming the first bad one."""
    env = dict(os.environ if env is None else env)
    home = _path(env, "CCS_HOME", Path(".ccs").resolve())
    target = env.get("CCS_TARGET", "duckdb").strip().lower() or "duckdb"
    if target not in ("duckdb", "oracle", "ccs"):
        raise SettingsError(f"CCS_TARGET must be 'duckdb', 'oracle' or 'ccs', got {target!r}")

    raw_threshold = env.get("CCS_REJECT_THRESHOLD", "0.05").strip()
    try:
        threshold = float(raw_threshold.rstrip("%")) / (100 if raw_threshold.endswith("%") else 1)
    except ValueError:
        raise SettingsError(f"CCS_REJECT_THRESHOLD must be a fraction like 0.05 or a percentage like 5%, got {raw_threshold!r}") from None
    if not 0 <= threshold <= 1:
        raise SettingsError(f"CCS_REJECT_THRESHOLD must be between 0 and 1 (or 0% and 100%), got {raw_threshold!r}")

    raw_env_id = env.get("CCS_ENV_ID", "").strip()
    if not raw_env_id and target == "oracle":
        _oracle_settings(env)  # its missing settings are named first
        raise SettingsError("CCS_TARGET=oracle needs CCS_ENV_ID: the ENV_ID of the target installation record "
                            "(every _K row carries it; the DuckDB rehearsal defaults to 100000)")
    raw_env_id = raw_env_id or DEMO_ENV_ID
    if not raw_env_id.isdigit() or len(raw_env_id) > 6:
        raise SettingsError(f"CCS_ENV_ID must be the installation's environment id, up to 6 digits, got {raw_env_id!r}")

    name_format = env.get("CCS_PERSON_NAME_FORMAT", "{last_name},{first_name}")
    if "{last_name}" not in name_format or "{first_name}" not in name_format:
        raise SettingsError(
            f"CCS_PERSON_NAME_FORMAT must contain {{last_name}} and {{first_name}}, got {name_format!r}"
        )

    raw_id_required = env.get("CCS_PERSON_ID_REQUIRED", "N").strip().upper() or "N"
    if raw_id_required not in ("Y", "N"):
        raise SettingsError(f"CCS_PERSON_ID_REQUIRED must be Y or N (does the installation require a person identifier?), "
                            f"got {raw_id_required!r}")

    artifacts = _path(env, "CCS_CONVERSION_ARTIFACTS", Path()) if env.get("CCS_CONVERSION_ARTIFACTS", "").strip() else None
    if artifacts is not None and not artifacts.is_dir():
        raise SettingsError(f"CCS_CONVERSION_ARTIFACTS: {artifacts} is not a folder (the control files K1-CNVAG generated)")

    code_maps = _path(env, "CCS_CODE_MAPS", DEMO_CODE_MAPS)
    if not code_maps.is_dir():
        raise SettingsError(f"CCS_CODE_MAPS: {code_maps} is not a folder")

    return Settings(
        home=home,
        workbench_db=_path(env, "CCS_WORKBENCH_DB", home / "workbench.duckdb"),
        target=target,
        target_db=_path(env, "CCS_TARGET_DB", home / "target.duckdb"),
        landing=_path(env, "CCS_LANDING", home / "landing"),
        outbox=_path(env, "CCS_OUTBOX", home / "outbox"),
        code_maps=code_maps,
        dagster_home=_path(env, "DAGSTER_HOME", home / "dagster"),
        reject_threshold=threshold,
        env_id=int(raw_env_id),
        person_name_format=name_format,
        main_customer_rel_type=env.get("CCS_MAIN_CUST_REL_TYPE", "MAIN").strip() or "MAIN",
        duckdb_memory_limit=_memory_limit(env),
        duckdb_temp_dir=_path(env, "CCS_DUCKDB_TEMP_DIR", home / "duckdb-tmp"),
        person_id_required=raw_id_required == "Y",
        conversion_artifacts=artifacts,
        oracle=_oracle_settings(env) if target == "oracle" else None,
        service=_service_settings(env) if target == "ccs" else None,
        source_dir=_path(env, "CCS_SOURCE_DIR", home / "source"),
        drop_columns=_drop_columns(env),
        conversion_controls=_conversion_controls(env),
        env=env,
    )


def duckdb_config(memory_limit: str, threads: int, temp_directory: str = "") -> dict:
    """Connection settings of every DuckDB the project opens: a memory cap, and a folder to spill to beyond it."""
    config = {"memory_limit": memory_limit, "threads": threads}
    if temp_directory:
        Path(temp_directory).mkdir(parents=True, exist_ok=True)
        config["temp_directory"] = temp_directory
    return config
