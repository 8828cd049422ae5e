"""Object store on an OCI Object Storage bucket, through the ``oci`` SDK.

Facts this module relies on (checked in oci 2.189 source and against the
loopback fake server in ``ccs_assets_tests/storage``):

- ``UploadManager.upload_file`` does a single ``PutObject`` when the file is
  not larger than ``part_size`` and a multipart upload (create, parts in
  parallel threads, commit) otherwise.
- When a part fails, ``upload_file`` does **not** abort the multipart upload
  (only ``upload_stream`` does): the upload stays open, invisible as an object
  but billed and listed. This module records the upload id it created and
  calls ``abort_multipart_upload`` itself.
- The SDK retries a failed part on its own (5 tries) whatever the client's
  retry strategy; ``retry=False`` only disables the client-level strategy.
  After a failed part the SDK also leaves its part thread pool unclosed
  (``Pool.__del__`` emits a ResourceWarning when it is garbage-collected);
  harmless, and not fixable from outside ``MultipartObjectAssembler``.
- An object becomes visible only when ``PutObject`` or the multipart commit
  succeeds, so a failed upload never leaves a half-written object. After a
  successful upload the object is verified with ``HeadObject``: its size, and
  its ``opc-content-md5`` (single part) or ``opc-multipart-md5`` (multipart:
  MD5 of the concatenated part MD5s, ``-<parts>``). A mismatch deletes the
  object and raises :class:`~ccs_assets.storage.base.StorageError`.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path

import oci
from oci._vendor.requests.exceptions import RequestException as _VendoredRequestException
from urllib3.exceptions import HTTPError as _Urllib3HTTPError  # oci vendors requests, not urllib3

from .base import (
    ObjectNotFound,
    ObjectStore,
    StorageError,
    file_md5_b64,
    join_name,
    normalize_prefix,
    validate_name,
)

__all__ = ["OciObjectStore", "DEFAULT_PART_SIZE", "multipart_md5"]

log = logging.getLogger(__name__)

MIB = 1024 * 1024
DEFAULT_PART_SIZE = 128 * MIB
_LIST_PAGE = 1000
_CHUNK = 1 << 20

# Exceptions that mean "the request did not work" (as opposed to a bug).
_TRANSPORT_ERRORS = (
    oci.exceptions.RequestException,
    oci.exceptions.ConnectTimeout,
    _VendoredRequestException,
    _Urllib3HTTPError,
    ConnectionError,
    TimeoutError,
)

_STATUS_PHRASES = {
    400: "was rejected as a bad request",
    401: "was not authenticated (check the API key, fingerprint, user and tenancy OCIDs)",
    403: "access was denied (check the IAM policies for this bucket)",
    404: "not found",
    409: "conflict",
    412: "precondition failed",
    429: "was throttled (too many requests)",
}


def multipart_md5(path: Path, part_size: int) -> str:
    """The ``opc-multipart-md5`` OCI reports for ``path`` uploaded in ``part_size`` parts.

    Base64 MD5 of the concatenated binary MD5s of the parts, then ``-<number of parts>``.
    """
    digests = []
    with open(path, "rb") as fh:
        while True:
            part = fh.read(part_size)
            if not part:
                break
            digests.append(hashlib.md5(part).digest())
    combined = base64.b64encode(hashlib.md5(b"".join(digests)).digest()).decode("ascii")
    return f"{combined}-{len(digests)}"


class _UploadTracker:
    """Wraps the client for one ``UploadManager`` call and records the
    multipart upload ids it creates, so a failure can abort exactly those."""

    def __init__(self, client):
        self._client = client
        self.upload_ids: list[str] = []

    def create_multipart_upload(self, *args, **kwargs):
        response = self._client.create_multipart_upload(*args, **kwargs)
        self.upload_ids.append(response.data.upload_id)
        return response

    def __getattr__(self, attr):
        return getattr(self._client, attr)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


class OciObjectStore(ObjectStore):
    """Objects in ``oci://namespace/bucket/prefix``.

    Authentication, in order: ``config`` (a dict as from ``oci.config``),
    ``instance_principals=True``, or the profile ``profile`` of the OCI config
    file ``config_file`` (default ``~/.oci/config``). ``service_endpoint``
    overrides the regional endpoint (tests use a loopback server).
    ``retry=False`` disables the SDK's client-level retries.
    """

    def __init__(
        self,
        namespace: str | None,
        bucket: str,
        prefix: str = "",
        config: dict | None = None,
        config_file: str | None = None,
        profile: str = "DEFAULT",
        instance_principals: bool = False,
        service_endpoint: str | None = None,
        part_size: int = DEFAULT_PART_SIZE,
        parallel_parts: int = 3,
        retry: bool = True,
        timeout: float | tuple[float, float] | None = None,
        list_page_size: int = _LIST_PAGE,
    ):
        if not bucket or not isinstance(bucket, str):
            raise StorageError("OCI Object Storage: a bucket name is required")
        self.bucket = bucket
        try:
            self.prefix = normalize_prefix(prefix)
        except StorageError as exc:
            raise StorageError(f"OCI Object Storage: bucket '{bucket}': {exc}") from None
        if int(part_size) < 1:
            raise StorageError(f"OCI Object Storage: bucket '{bucket}': part_size must be positive, got {part_size}")
        if int(parallel_parts) < 1:
            raise StorageError(
                f"OCI Object Storage: bucket '{bucket}': parallel_parts must be at least 1, got {parallel_parts}"
            )
        self.part_size = int(part_size)
        self.parallel_parts = int(parallel_parts)
        self.list_page_size = max(1, min(int(list_page_size), 1000))
        self.service_endpoint = service_endpoint
        self._namespace = namespace or None
        self._namespace_lock = threading.Lock()
        self.client = self._make_client(
            config=config,
            config_file=config_file,
            profile=profile,
            instance_principals=instance_principals,
            service_endpoint=service_endpoint,
            retry=retry,
            timeout=timeout,
        )

    # ------------------------------------------------------------ client setup
    def _make_client(self, *, config, config_file, profile, instance_principals, service_endpoint, retry, timeout):
        kwargs: dict = {
            "retry_strategy": oci.retry.DEFAULT_RETRY_STRATEGY if retry else oci.retry.NoneRetryStrategy(),
        }
        if service_endpoint:
            kwargs["service_endpoint"] = service_endpoint
        if timeout is not None:
            kwargs["timeout"] = timeout
        where = f"OCI Object Storage: bucket '{self.bucket}'"

        if config is not None:
            config = dict(config)
            source = "the given OCI config"
        elif instance_principals:
            try:
                signer = oci.auth.signers.InstancePrincipalsSecurityTokenSigner()
            except Exception as exc:  # metadata service unreachable, no dynamic group, ...
                raise StorageError(
                    f"{where}: instance principal authentication failed ({type(exc).__name__}: {_one_line(exc)}); "
                    "it works only on an OCI compute instance in a dynamic group with access to the bucket"
                ) from exc
            region = getattr(signer, "region", None)
            try:
                return oci.object_storage.ObjectStorageClient({"region": region} if region else {}, signer=signer, **kwargs)
            except Exception as exc:
                raise StorageError(f"{where}: cannot create the Object Storage client ({_one_line(exc)})") from exc
        else:
            location = os.path.expanduser(config_file or oci.config.DEFAULT_LOCATION)
            try:
                config = oci.config.from_file(file_location=location, profile_name=profile)
            except oci.exceptions.ConfigFileNotFound as exc:
                raise StorageError(f"{where}: OCI config file {location} not found") from exc
            except oci.exceptions.ProfileNotFound as exc:
                raise StorageError(f"{where}: profile '{profile}' not found in OCI config file {location}") from exc
            except oci.exceptions.InvalidKeyFilePath as exc:
                raise StorageError(
                    f"{where}: the key_file of profile '{profile}' in OCI config file {location} does not exist"
                ) from exc
            except oci.exceptions.InvalidConfig as exc:
                raise StorageError(
                    f"{where}: profile '{profile}' of OCI config file {location} is invalid: "
                    + ", ".join(f"{key} {problem}" for key, problem in sorted(exc.errors.items()))
                ) from exc
            except Exception as exc:
                raise StorageError(
                    f"{where}: cannot read OCI config file {location} ({type(exc).__name__}: {_one_line(exc)})"
                ) from exc
            source = f"profile '{profile}' of OCI config file {location}"

        try:
            oci.config.validate_config(config)
        except oci.exceptions.InvalidConfig as exc:
            problems = ", ".join(f"{key} {problem}" for key, problem in sorted(exc.errors.items()))
            raise StorageError(f"{where}: {source} is invalid: {problems}") from exc
        try:
            return oci.object_storage.ObjectStorageClient(config, **kwargs)
        except (oci.exceptions.ClientError, OSError, ValueError) as exc:
            # e.g. the key file is missing, not a private key, or needs a passphrase
            raise StorageError(
                f"{where}: cannot load the API signing key of {source} ({type(exc).__name__}: {_one_line(exc)})"
            ) from exc

    # ------------------------------------------------------------------ helpers
    @property
    def namespace(self) -> str:
        """The Object Storage namespace; fetched with GetNamespace when not configured."""
        if self._namespace is None:
            with self._namespace_lock:
                if self._namespace is None:
                    try:
                        self._namespace = self.client.get_namespace().data
                    except Exception as exc:
                        raise self._error("get namespace", None, exc) from exc
        return self._namespace

    def describe(self) -> str:
        path = "/".join(part for part in (self.namespace, self.bucket, self.prefix) if part)
        return f"oci://{path}"

    def __repr__(self) -> str:
        ns = self._namespace or "?"
        return f"OciObjectStore('oci://{ns}/{self.bucket}{'/' + self.prefix if self.prefix else ''}')"

    def _full(self, name: str) -> str:
        try:
            validate_name(name)
        except StorageError as exc:
            raise StorageError(f"OCI Object Storage: bucket '{self.bucket}': {exc}", object_name=name) from None
        return join_name(self.prefix, name)

    def _where(self, full_name: str | None) -> str:
        where = f"OCI Object Storage: bucket '{self.bucket}'"
        return f"{where} object '{full_name}'" if full_name else where

    def _error(self, action: str, full_name: str | None, exc: BaseException) -> StorageError:
        """Map an SDK / transport exception to a one-line StorageError."""
        if isinstance(exc, StorageError):
            return exc
        where = self._where(full_name)
        store = f"oci://{self._namespace or '?'}/{self.bucket}"
        if isinstance(exc, oci.exceptions.ServiceError):
            status, code = exc.status, exc.code
            detail = f"{status} {code}" if code else f"{status}"
            message = _one_line(exc.message) if exc.message else ""
            if status == 404 and full_name and code in (None, "ObjectNotFound", "NotFound"):
                return ObjectNotFound(f"{where} not found ({detail})", store=store, object_name=full_name)
            if status == 404 and code == "BucketNotFound":
                text = f"{where}: bucket not found or not authorized in namespace '{self._namespace}' ({detail}) during {action}"
            elif status in _STATUS_PHRASES:
                text = f"{where}: {action} {_STATUS_PHRASES[status]} ({detail}{': ' + message if message else ''})"
            else:
                text = f"{where}: {action} failed ({detail}{': ' + message if message else ''})"
            return StorageError(text, store=store, object_name=full_name)
        if isinstance(exc, oci.exceptions.MultipartUploadError):
            causes = "; ".join(_one_line(c) for c in exc.error_causes) or "no cause reported"
            return StorageError(f"{where}: {action} failed (multipart upload error: {causes})", store=store, object_name=full_name)
        if isinstance(exc, _TRANSPORT_ERRORS):
            endpoint = self.client.base_client.endpoint
            return StorageError(
                f"{where}: {action} failed: cannot reach {endpoint} ({type(exc).__name__}: {_one_line(exc)})",
                store=store,
                object_name=full_name,
            )
        return StorageError(
            f"{where}: {action} failed ({type(exc).__name__}: {_one_line(exc)})", store=store, object_name=full_name
        )

    def _head(self, full_name: str):
        return self.client.head_object(self.namespace, self.bucket, full_name)

    def _verify_uploaded(self, full_name: str, size: int, expected_md5: str | None, expected_multipart: str | None):
        """HEAD the object and compare size and MD5; on mismatch delete it and raise."""
        try:
            headers = self._head(full_name).headers
        except Exception as exc:
            raise self._error("verify after upload", full_name, exc) from exc
        problems = []
        remote_size = headers.get("content-length")
        if remote_size is None or int(remote_size) != size:
            problems.append(f"size {remote_size} bytes, local file {size} bytes")
        if expected_multipart is not None:
            remote = headers.get("opc-multipart-md5")
            if remote is None:
                log.warning("%s: no opc-multipart-md5 header after upload; only the size was verified", self._where(full_name))
            elif remote != expected_multipart:
                problems.append(f"opc-multipart-md5 {remote}, expected {expected_multipart}")
        elif expected_md5 is not None:
            remote = headers.get("opc-content-md5")
            if remote is None:
                log.warning("%s: no opc-content-md5 header after upload; only the size was verified", self._where(full_name))
            elif remote != expected_md5:
                problems.append(f"opc-content-md5 {remote}, expected {expected_md5}")
        if problems:
            cleanup = "the object was deleted"
            try:
                self.client.delete_object(self.namespace, self.bucket, full_name)
            except Exception as exc:  # pragma: no cover - best effort
                cleanup = f"deleting the bad object failed too ({_one_line(exc)})"
            raise StorageError(
                f"{self._where(full_name)}: checksum verification after upload failed: {'; '.join(problems)}; {cleanup}",
                store=f"oci://{self._namespace}/{self.bucket}",
                object_name=full_name,
            )

    def _abort_uploads(self, full_name: str, upload_ids: list[str]) -> str:
        notes = []
        for upload_id in upload_ids:
            try:
                self.client.abort_multipart_upload(self.namespace, self.bucket, full_name, upload_id)
            except oci.exceptions.ServiceError as exc:
                if exc.status != 404:  # 404: already gone
                    notes.append(f"aborting multipart upload {upload_id} failed ({exc.status} {exc.code})")
            except Exception as exc:
                notes.append(f"aborting multipart upload {upload_id} failed ({_one_line(exc)})")
        if notes:
            return "; " + "; ".join(notes) + " - abort it with 'oci os multipart abort'"
        return "; the multipart upload was aborted" if upload_ids else ""

    # --------------------------------------------------------------- interface
    def put_file(self, local_path: Path, name: str) -> None:
        full = self._full(name)
        local_path = Path(local_path)
        try:
            size = local_path.stat().st_size
        except OSError as exc:
            raise StorageError(
                f"{self._where(full)}: upload failed: cannot read local file {local_path} ({exc.strerror or exc})",
                object_name=full,
            ) from exc
        multipart = size > self.part_size  # UploadManager._use_multipart
        namespace = self.namespace
        tracker = _UploadTracker(self.client)
        manager = oci.object_storage.UploadManager(
            tracker,
            allow_multipart_uploads=True,
            allow_parallel_uploads=self.parallel_parts > 1,
            parallel_process_count=self.parallel_parts,
        )
        try:
            expected_md5 = None if multipart else file_md5_b64(local_path)
            expected_multipart = multipart_md5(local_path, self.part_size) if multipart else None
            kwargs = {"part_size": self.part_size}
            if expected_md5:
                kwargs["content_md5"] = expected_md5  # the service rejects a body that does not match
            manager.upload_file(namespace, self.bucket, full, str(local_path), **kwargs)
        except BaseException as exc:
            aborted = self._abort_uploads(full, tracker.upload_ids)
            if isinstance(exc, Exception):
                error = self._error("upload", full, exc)
                raise StorageError(f"{error}{aborted}", store=error.store, object_name=full) from exc
            raise
        self._verify_uploaded(full, size, expected_md5, expected_multipart)

    def put_bytes(self, name: str, data: bytes) -> None:
        full = self._full(name)
        data = bytes(data)
        md5 = base64.b64encode(hashlib.md5(data).digest()).decode("ascii")
        try:
            self.client.put_object(self.namespace, self.bucket, full, data, content_md5=md5, content_length=len(data))
        except Exception as exc:
            raise self._error("upload", full, exc) from exc
        self._verify_uploaded(full, len(data), md5, None)

    @staticmethod
    def _check_download(headers, size: int, md5_b64: str | None) -> list[str]:
        problems = []
        expected_size = headers.get("content-length")
        if expected_size is not None and int(expected_size) != size:
            problems.append(f"received {size} bytes, content-length {expected_size}")
        remote_md5 = headers.get("opc-content-md5")
        if md5_b64 is not None and remote_md5 is not None and remote_md5 != md5_b64:
            problems.append(f"MD5 of received bytes {md5_b64}, opc-content-md5 {remote_md5}")
        return problems

    def get_file(self, name: str, local_path: Path) -> None:
        full = self._full(name)
        local_path = Path(local_path)
        try:
            response = self.client.get_object(self.namespace, self.bucket, full)
        except Exception as exc:
            raise self._error("download", full, exc) from exc
        tmp = None
        try:
            local_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{local_path.name}.", suffix=".ccs-tmp", dir=local_path.parent)
            tmp = Path(tmp_name)
            size = 0
            digest = hashlib.md5()
            with os.fdopen(fd, "wb") as fh:
                for chunk in response.data.raw.stream(_CHUNK, decode_content=False):
                    fh.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            problems = self._check_download(
                response.headers, size, base64.b64encode(digest.digest()).decode("ascii")
            )
            if problems:
                raise StorageError(f"{self._where(full)}: download corrupted in transit: {'; '.join(problems)}", object_name=full)
            os.replace(tmp, local_path)
            tmp = None
        except Exception as exc:
            raise self._error(f"download to {local_path}", full, exc) from exc
        finally:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            response.data.close()

    def get_bytes(self, name: str) -> bytes:
        full = self._full(name)
        try:
            response = self.client.get_object(self.namespace, self.bucket, full)
            data = response.data.content
        except Exception as exc:
            raise self._error("download", full, exc) from exc
        problems = self._check_download(
            response.headers, len(data), base64.b64encode(hashlib.md5(data).digest()).decode("ascii")
        )
        if problems:
            raise StorageError(f"{self._where(full)}: download corrupted in transit: {'; '.join(problems)}", object_name=full)
        return data

    def exists(self, name: str) -> bool:
        # ListObjects rather than HeadObject: a HEAD 404 has no body, so a
        # missing bucket would look like a missing object.
        full = self._full(name)
        try:
            page = self.client.list_objects(
                self.namespace, self.bucket, prefix=full, start=full, limit=1, fields="name"
            ).data
        except Exception as exc:
            raise self._error("exists check", full, exc) from exc
        return bool(page.objects) and page.objects[0].name == full

    def list(self, prefix: str = "") -> list[str]:
        full_prefix = (self.prefix + "/" if self.prefix else "") + prefix
        strip = len(self.prefix) + 1 if self.prefix else 0
        names: list[str] = []
        start = None
        try:
            while True:
                kwargs = {"prefix": full_prefix or None, "fields": "name", "limit": self.list_page_size}
                if start:
                    kwargs["start"] = start
                page = self.client.list_objects(self.namespace, self.bucket, **kwargs).data
                names.extend(obj.name[strip:] for obj in page.objects)
                if not page.next_start_with or page.next_start_with == start:
                    break
                start = page.next_start_with
        except Exception as exc:
            raise self._error(f"list of prefix '{full_prefix}'", None, exc) from exc
        return sorted(names)

    def delete(self, name: str, *, missing_ok: bool = False) -> None:
        full = self._full(name)
        try:
            self.client.delete_object(self.namespace, self.bucket, full)
        except oci.exceptions.ServiceError as exc:
            if missing_ok and exc.status == 404 and exc.code != "BucketNotFound":
                return
            raise self._error("delete", full, exc) from exc
        except Exception as exc:
            raise self._error("delete", full, exc) from exc
