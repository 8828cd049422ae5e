"""A loopback fake of the OCI Object Storage REST API, for the real ``oci`` SDK.

It serves, on ``127.0.0.1`` and a free port, the paths ``ObjectStorageClient``
and ``UploadManager`` (oci 2.189) call:

==========  ==============================================  ==========================
GET         ``/n`` or ``/n/``                                GetNamespace
PUT         ``/n/{ns}/b/{bucket}/o/{object}``                PutObject
GET / HEAD  ``/n/{ns}/b/{bucket}/o/{object}``                GetObject / HeadObject
DELETE      ``/n/{ns}/b/{bucket}/o/{object}``                DeleteObject
GET         ``/n/{ns}/b/{bucket}/o``                         ListObjects (prefix, start,
                                                             end, startAfter, limit,
                                                             delimiter, fields,
                                                             ``nextStartWith``)
POST        ``/n/{ns}/b/{bucket}/u``                         CreateMultipartUpload
GET         ``/n/{ns}/b/{bucket}/u``                         ListMultipartUploads
PUT         ``/n/{ns}/b/{bucket}/u/{object}?uploadId&uploadPartNum``  UploadPart
POST        ``/n/{ns}/b/{bucket}/u/{object}?uploadId``       CommitMultipartUpload
DELETE      ``/n/{ns}/b/{bucket}/u/{object}?uploadId``       AbortMultipartUpload
GET         ``/n/{ns}/b/{bucket}/u/{object}?uploadId``       ListMultipartUploadParts
==========  ==============================================  ==========================

Object names arrive URL-encoded (the SDK encodes ``/`` as ``%2F``).

Like the service it:

- requires ``Authorization: Signature ...`` on every request (401
  ``NotAuthenticated`` otherwise) and, when given the public key, verifies the
  RSA-SHA256 HTTP signature over the signed headers and the body's
  ``x-content-sha256``, so the SDK's real signing is exercised;
- answers errors as ``{"code": ..., "message": ...}`` JSON with the status
  (404 ``ObjectNotFound``, ``BucketNotFound``, ``NoSuchUpload``; 400
  ``UnmatchedContentMD5``, ``InvalidUploadPart``; 412 ``IfMatchFailed`` /
  ``IfNoneMatchFailed``...);
- sets ``content-length``, ``etag``, ``last-modified``, ``opc-request-id`` and
  ``opc-content-md5`` (single put) or ``opc-multipart-md5`` (multipart: MD5 of
  the concatenated part MD5s, ``-<parts>``), and checks a request's
  ``Content-MD5``;
- keeps a multipart upload invisible until it is committed.

Fault injection (attributes of :class:`FakeObjectStorage`):

- ``fail_part_numbers``: UploadPart of these part numbers answers 500;
- ``corrupt_stored_bytes``: the next stored objects get one byte flipped
  *after* the request was accepted; the service then honestly reports the
  checksums of what it stored (a storage-side corruption an upload
  verification must catch);
- ``corrupt_downloads``: GetObject bodies get one byte flipped in transit,
  headers unchanged;
- :meth:`FakeObjectStorage.tamper` replaces an object's bytes with
  consistent checksums (someone overwrote it after the manifest was written);
- ``max_list_limit``: the largest page ListObjects returns;
- ``part_delay``: seconds each UploadPart takes, so that
  ``max_parts_in_flight`` shows how many parts were uploaded in parallel.

Objects live in memory; tests read them through :meth:`objects` and
:meth:`open_uploads`. This is a test double built from the public API
reference and the SDK source, not Oracle's service: behaviour outside these
paths is not modelled.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, unquote, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from ..loopback import LoopbackServer

__all__ = ["DEFAULT_BUCKET", "DEFAULT_NAMESPACE", "FakeObjectStorage", "StoredObject"]

DEFAULT_NAMESPACE = "testns"
DEFAULT_BUCKET = "conv"

_OBJECT_RE = re.compile(r"^/n/([^/]+)/b/([^/]+)/o/(.+)$")
_LIST_RE = re.compile(r"^/n/([^/]+)/b/([^/]+)/o/?$")
_UPLOADS_RE = re.compile(r"^/n/([^/]+)/b/([^/]+)/u/?$")
_UPLOAD_RE = re.compile(r"^/n/([^/]+)/b/([^/]+)/u/(.+)$")
_AUTH_PARAM_RE = re.compile(r'(\w+)="([^"]*)"')


def _b64md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode("ascii")


def _flip(data: bytes) -> bytes:
    if not data:
        return data
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(ts: datetime) -> str:
    return ts.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class StoredObject:
    data: bytes
    etag: str
    created: datetime
    md5: str | None = None  # opc-content-md5 (single-part objects)
    multipart_md5: str | None = None  # opc-multipart-md5 (multipart objects)


@dataclass
class Upload:
    upload_id: str
    namespace: str
    bucket: str
    object: str
    created: datetime
    parts: dict[int, dict] = field(default_factory=dict)


class _Error(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class FakeObjectStorage(LoopbackServer):
    """State of the fake service plus its HTTP server (``start`` / ``stop``)."""

    def __init__(
        self,
        namespace: str = DEFAULT_NAMESPACE,
        buckets: tuple[str, ...] | list[str] = (DEFAULT_BUCKET,),
        *,
        public_key=None,
        key_id: str | None = None,
        max_list_limit: int = 1000,
        max_lifetime: float = 120.0,
    ):
        self.namespace = namespace
        self.buckets: dict[str, dict[str, StoredObject]] = {name: {} for name in buckets}
        self.uploads: dict[str, Upload] = {}
        self.public_key = public_key
        self.key_id = key_id
        self.max_list_limit = max_list_limit
        self.max_lifetime = max_lifetime
        self.fail_part_numbers: set[int] = set()
        self.corrupt_stored_bytes = False
        self.corrupt_downloads = False
        self.part_delay = 0.0  # seconds each UploadPart takes, to observe parallel parts
        self.parts_in_flight = 0
        self.max_parts_in_flight = 0
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.lock = threading.RLock()

    # ------------------------------------------------------------- lifecycle
    def start(self) -> "FakeObjectStorage":
        self._serve(_Handler, "fake-oci")
        return self

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ------------------------------------------------------- test inspection
    def objects(self, bucket: str = DEFAULT_BUCKET) -> dict[str, bytes]:
        with self.lock:
            return {name: obj.data for name, obj in self.buckets[bucket].items()}

    def open_uploads(self, bucket: str | None = None) -> list[Upload]:
        with self.lock:
            return [u for u in self.uploads.values() if bucket is None or u.bucket == bucket]

    def tamper(self, bucket: str, name: str, data: bytes | None = None) -> None:
        """Replace an object's bytes (default: one byte flipped), checksums consistent."""
        with self.lock:
            obj = self.buckets[bucket][name]
            new = _flip(obj.data) if data is None else data
            self.buckets[bucket][name] = StoredObject(
                data=new, etag=str(uuid.uuid4()), created=_now(), md5=_b64md5(new)
            )

    def put(self, bucket: str, name: str, data: bytes) -> None:
        """Create an object directly (test setup)."""
        with self.lock:
            self.buckets[bucket][name] = StoredObject(data=data, etag=str(uuid.uuid4()), created=_now(), md5=_b64md5(data))

    # ------------------------------------------------------------ auth check
    def check_auth(self, method: str, target: str, headers, body: bytes) -> None:
        auth = headers.get("authorization")
        if not auth or not auth.startswith("Signature "):
            raise _Error(401, "NotAuthenticated", "The required information to complete authentication was not provided.")
        params = dict(_AUTH_PARAM_RE.findall(auth))
        for required in ("keyId", "signature", "headers", "algorithm"):
            if required not in params:
                raise _Error(401, "NotAuthenticated", f"Signature is missing '{required}'.")
        if params["algorithm"] != "rsa-sha256":
            raise _Error(401, "NotAuthenticated", "Only rsa-sha256 signatures are supported.")
        if self.key_id is not None and params["keyId"] != self.key_id:
            raise _Error(401, "NotAuthenticated", "The key id is unknown.")
        signed = params["headers"].split()
        for required in ("date", "(request-target)", "host"):
            if required not in signed:
                raise _Error(401, "NotAuthenticated", f"Header '{required}' must be signed.")
        if method in ("POST", "PUT") and "x-content-sha256" in signed:
            expected = base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")
            if headers.get("x-content-sha256") != expected:
                raise _Error(401, "NotAuthenticated", "x-content-sha256 does not match the body.")
        date = headers.get("date")
        try:
            skew = abs(time.time() - email.utils.parsedate_to_datetime(date).timestamp())
        except (TypeError, ValueError):
            raise _Error(401, "NotAuthenticated", "The date header is missing or malformed.") from None
        if skew > 300:
            raise _Error(401, "NotAuthenticated", "The date header is more than 5 minutes off.")
        if self.public_key is None:
            return
        lines = []
        for name in signed:
            if name == "(request-target)":
                lines.append(f"(request-target): {method.lower()} {target}")
            else:
                value = headers.get(name)
                if value is None:
                    raise _Error(401, "NotAuthenticated", f"Signed header '{name}' is missing.")
                lines.append(f"{name}: {value}")
        try:
            self.public_key.verify(
                base64.b64decode(params["signature"]),
                "\n".join(lines).encode("ascii"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (InvalidSignature, ValueError):
            raise _Error(401, "NotAuthenticated", "The signature does not verify.") from None

    # ----------------------------------------------------------- operations
    def _bucket(self, namespace: str, bucket: str) -> dict[str, StoredObject]:
        if namespace != self.namespace:
            raise _Error(404, "NamespaceNotFound", f"You do not have authorization to perform this request, or the requested resource could not be found (namespace '{namespace}').")
        if bucket not in self.buckets:
            raise _Error(404, "BucketNotFound", f"Either the bucket named '{bucket}' does not exist in the namespace '{namespace}' or you are not authorized to access it")
        return self.buckets[bucket]

    def _object(self, namespace, bucket, name) -> StoredObject:
        objects = self._bucket(namespace, bucket)
        if name not in objects:
            raise _Error(404, "ObjectNotFound", f"The object '{name}' was not found in the bucket '{bucket}'")
        return objects[name]

    @staticmethod
    def _object_headers(obj: StoredObject) -> dict[str, str]:
        headers = {
            "etag": obj.etag,
            "last-modified": email.utils.format_datetime(obj.created, usegmt=True),
            "content-type": "application/octet-stream",
            "archival-state": "Available",
            "storage-tier": "Standard",
        }
        if obj.md5 is not None:
            headers["opc-content-md5"] = obj.md5
        if obj.multipart_md5 is not None:
            headers["opc-multipart-md5"] = obj.multipart_md5
        return headers

    @staticmethod
    def _check_preconditions(objects, name, headers):
        existing = objects.get(name)
        if_none_match = headers.get("if-none-match")
        if if_none_match == "*" and existing is not None:
            raise _Error(412, "IfNoneMatchFailed", f"The object '{name}' already exists")
        if_match = headers.get("if-match")
        if if_match and (existing is None or existing.etag != if_match):
            raise _Error(412, "IfMatchFailed", "The If-Match header does not match the current ETag")

    @staticmethod
    def _check_md5(headers, body: bytes):
        expected = headers.get("content-md5")
        if expected is not None and expected != _b64md5(body):
            raise _Error(
                400,
                "UnmatchedContentMD5",
                f"The computed MD5 of the request body ({_b64md5(body)}) does not match the Content-MD5 header ({expected})",
            )

    def handle(self, method: str, target: str, headers, body: bytes):
        """Return (status, headers, body bytes) or raise _Error."""
        split = urlsplit(target)
        path = split.path
        query = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        with self.lock:
            if path in ("/n", "/n/"):
                if method != "GET":
                    raise _Error(405, "MethodNotAllowed", "Only GET is supported on /n")
                return 200, {"content-type": "application/json"}, json.dumps(self.namespace).encode()

            if m := _LIST_RE.match(path):
                if method != "GET":
                    raise _Error(405, "MethodNotAllowed", "Only GET is supported on /o")
                return self._list_objects(unquote(m[1]), unquote(m[2]), query)

            if m := _OBJECT_RE.match(path):
                ns, bucket, name = unquote(m[1]), unquote(m[2]), unquote(m[3])
                return self._object_op(method, ns, bucket, name, headers, body)

            if m := _UPLOADS_RE.match(path):
                ns, bucket = unquote(m[1]), unquote(m[2])
                if method == "POST":
                    return self._create_upload(ns, bucket, body)
                if method == "GET":
                    return self._list_uploads(ns, bucket, query)
                raise _Error(405, "MethodNotAllowed", "Only GET and POST are supported on /u")

            if m := _UPLOAD_RE.match(path):
                ns, bucket, name = unquote(m[1]), unquote(m[2]), unquote(m[3])
                return self._upload_op(method, ns, bucket, name, query, headers, body)

        raise _Error(404, "NotFound", f"No such resource: {path}")

    def _object_op(self, method, ns, bucket, name, headers, body):
        objects = self._bucket(ns, bucket)
        if method == "PUT":
            self._check_preconditions(objects, name, headers)
            self._check_md5(headers, body)
            data = _flip(body) if self.corrupt_stored_bytes else body
            obj = StoredObject(data=data, etag=str(uuid.uuid4()), created=_now(), md5=_b64md5(data))
            objects[name] = obj
            out = self._object_headers(obj)
            return 200, {k: out[k] for k in ("etag", "last-modified", "opc-content-md5")}, b""
        if method in ("GET", "HEAD"):
            obj = self._object(ns, bucket, name)
            data = _flip(obj.data) if (self.corrupt_downloads and method == "GET") else obj.data
            out = self._object_headers(obj)
            out["content-length"] = str(len(obj.data))
            return 200, out, (data if method == "GET" else b"")
        if method == "DELETE":
            self._object(ns, bucket, name)
            self._check_preconditions(objects, name, {"if-match": headers.get("if-match")})
            del objects[name]
            return 204, {"last-modified": email.utils.format_datetime(_now(), usegmt=True)}, b""
        raise _Error(405, "MethodNotAllowed", f"{method} is not supported on objects")

    def _list_objects(self, ns, bucket, query):
        objects = self._bucket(ns, bucket)
        prefix = query.get("prefix", "")
        start = query.get("start")
        end = query.get("end")
        start_after = query.get("startAfter")
        delimiter = query.get("delimiter")
        if delimiter not in (None, "/"):
            raise _Error(400, "InvalidParameter", "Only '/' is supported as delimiter")
        try:
            limit = int(query.get("limit", "1000"))
        except ValueError:
            raise _Error(400, "InvalidParameter", "limit must be an integer") from None
        if not 1 <= limit <= 1000:
            raise _Error(400, "InvalidParameter", "limit must be between 1 and 1000")
        limit = min(limit, self.max_list_limit)
        fields = {f.strip() for f in query.get("fields", "name").split(",") if f.strip()}

        entries: list[tuple[str, bool]] = []  # (name or prefix, is_prefix)
        seen_prefixes: set[str] = set()
        for name in sorted(objects):
            if not name.startswith(prefix):
                continue
            if start is not None and name < start:
                continue
            if start_after is not None and name <= start_after:
                continue
            if end is not None and name >= end:
                continue
            if delimiter:
                rest = name[len(prefix) :]
                if delimiter in rest:
                    sub = prefix + rest.split(delimiter, 1)[0] + delimiter
                    if sub not in seen_prefixes:
                        seen_prefixes.add(sub)
                        entries.append((sub, True))
                    continue
            entries.append((name, False))

        page, rest = entries[:limit], entries[limit:]
        result_objects, prefixes = [], []
        for name, is_prefix in page:
            if is_prefix:
                prefixes.append(name)
                continue
            obj = objects[name]
            item = {"name": name}
            if "size" in fields:
                item["size"] = len(obj.data)
            if "md5" in fields:
                item["md5"] = obj.md5 or obj.multipart_md5
            if "etag" in fields:
                item["etag"] = obj.etag
            if "timeCreated" in fields:
                item["timeCreated"] = _iso(obj.created)
            if "timeModified" in fields:
                item["timeModified"] = _iso(obj.created)
            if "storageTier" in fields:
                item["storageTier"] = "Standard"
            result_objects.append(item)
        payload = {"objects": result_objects}
        if delimiter:
            payload["prefixes"] = prefixes
        if rest:
            payload["nextStartWith"] = rest[0][0]
        return 200, {"content-type": "application/json"}, json.dumps(payload).encode()

    def _upload_json(self, upload: Upload) -> dict:
        return {
            "namespace": upload.namespace,
            "bucket": upload.bucket,
            "object": upload.object,
            "uploadId": upload.upload_id,
            "timeCreated": _iso(upload.created),
            "storageTier": "Standard",
        }

    def _create_upload(self, ns, bucket, body):
        self._bucket(ns, bucket)
        try:
            details = json.loads(body or b"{}")
            name = details["object"]
        except (ValueError, KeyError, TypeError):
            raise _Error(400, "InvalidParameter", "CreateMultipartUploadDetails must name the object") from None
        upload = Upload(upload_id=str(uuid.uuid4()), namespace=ns, bucket=bucket, object=name, created=_now())
        self.uploads[upload.upload_id] = upload
        return 200, {"content-type": "application/json", "location": f"/n/{ns}/b/{bucket}/u/{name}"}, json.dumps(
            self._upload_json(upload)
        ).encode()

    def _list_uploads(self, ns, bucket, query):
        self._bucket(ns, bucket)
        uploads = sorted(
            (u for u in self.uploads.values() if u.bucket == bucket), key=lambda u: (u.object, u.upload_id)
        )
        limit = int(query.get("limit", "1000"))
        offset = int(query.get("page", "0") or 0)
        page = uploads[offset : offset + limit]
        headers = {"content-type": "application/json"}
        if offset + limit < len(uploads):
            headers["opc-next-page"] = str(offset + limit)
        return 200, headers, json.dumps([self._upload_json(u) for u in page]).encode()

    def _get_upload(self, ns, bucket, name, query) -> Upload:
        self._bucket(ns, bucket)
        upload_id = query.get("uploadId")
        upload = self.uploads.get(upload_id or "")
        if upload is None or upload.bucket != bucket or upload.object != name:
            raise _Error(404, "NoSuchUpload", f"The upload '{upload_id}' does not exist for object '{name}' in bucket '{bucket}'")
        return upload

    def _upload_op(self, method, ns, bucket, name, query, headers, body):
        upload = self._get_upload(ns, bucket, name, query)
        if method == "PUT":
            try:
                part_num = int(query.get("uploadPartNum", ""))
            except ValueError:
                raise _Error(400, "InvalidParameter", "uploadPartNum must be an integer") from None
            if not 1 <= part_num <= 10000:
                raise _Error(400, "InvalidParameter", "uploadPartNum must be between 1 and 10000")
            if part_num in self.fail_part_numbers:
                raise _Error(500, "InternalServerError", f"Injected failure of part {part_num}")
            self._check_md5(headers, body)
            part = {"data": body, "md5": _b64md5(body), "etag": str(uuid.uuid4())}
            upload.parts[part_num] = part
            return 200, {"etag": part["etag"], "opc-content-md5": part["md5"]}, b""
        if method == "POST":
            try:
                details = json.loads(body or b"{}")
                to_commit = sorted(details.get("partsToCommit") or [], key=lambda p: int(p["partNum"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise _Error(400, "InvalidParameter", "CommitMultipartUploadDetails is malformed") from None
            if not to_commit:
                raise _Error(400, "InvalidParameter", "partsToCommit must not be empty")
            pieces = []
            for item in to_commit:
                part = upload.parts.get(int(item["partNum"]))
                if part is None or part["etag"] != item.get("etag"):
                    raise _Error(400, "InvalidUploadPart", f"Part {item['partNum']} was not uploaded or its ETag does not match")
                pieces.append(part["data"])
            objects = self.buckets[bucket]
            self._check_preconditions(objects, name, headers)
            data = b"".join(pieces)
            if self.corrupt_stored_bytes:
                data = _flip(data)
            # Report what is stored: per-part MD5s over the stored bytes.
            digests, offset = [], 0
            for piece in pieces:
                digests.append(hashlib.md5(data[offset : offset + len(piece)]).digest())
                offset += len(piece)
            multipart = f"{base64.b64encode(hashlib.md5(b''.join(digests)).digest()).decode('ascii')}-{len(pieces)}"
            obj = StoredObject(data=data, etag=str(uuid.uuid4()), created=_now(), multipart_md5=multipart)
            objects[name] = obj
            del self.uploads[upload.upload_id]
            out = self._object_headers(obj)
            return 200, {k: out[k] for k in ("etag", "last-modified", "opc-multipart-md5")}, b""
        if method == "DELETE":
            del self.uploads[upload.upload_id]
            return 204, {}, b""
        if method == "GET":
            parts = [
                {"partNumber": n, "etag": p["etag"], "md5": p["md5"], "size": len(p["data"])}
                for n, p in sorted(upload.parts.items())
            ]
            return 200, {"content-type": "application/json"}, json.dumps(parts).encode()
        raise _Error(405, "MethodNotAllowed", f"{method} is not supported on uploads")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeObjectStorage/1.0"
    timeout = 30  # an idle keep-alive connection is dropped after this
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid 40 ms delayed-ACK stalls
    state: FakeObjectStorage  # set by FakeObjectStorage.start

    def log_message(self, format, *args):  # keep pytest output clean
        pass

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length else b""

    def _respond(self, status: int, headers: dict[str, str], body: bytes) -> None:
        request_id = uuid.uuid4().hex
        with self.state.lock:  # logged before answering, so a test sees it once the client has the answer
            self.state.requests.append((self.command, self.path, status))
        self.send_response(status)
        self.send_header("opc-request-id", request_id)
        self.send_header("date", email.utils.formatdate(usegmt=True))
        for key, value in headers.items():
            if key.lower() != "content-length":
                self.send_header(key, value)
        length = headers.get("content-length", str(len(body)))
        if status not in (204, 304):
            self.send_header("content-length", length)
        self.end_headers()
        if self.command != "HEAD" and body and status not in (204, 304):
            self.wfile.write(body)

    def _dispatch(self) -> None:
        is_part = self.command == "PUT" and "uploadPartNum=" in self.path
        if is_part:
            with self.state.lock:
                self.state.parts_in_flight += 1
                self.state.max_parts_in_flight = max(self.state.max_parts_in_flight, self.state.parts_in_flight)
        try:
            body = self._read_body()
            if is_part and self.state.part_delay:
                time.sleep(self.state.part_delay)
        finally:
            if is_part:
                with self.state.lock:
                    self.state.parts_in_flight -= 1
        try:
            self.state.check_auth(self.command, self.path, self.headers, body)
            status, headers, payload = self.state.handle(self.command, self.path, self.headers, body)
        except _Error as err:
            payload = b"" if self.command == "HEAD" else json.dumps({"code": err.code, "message": err.message}).encode()
            headers = {"content-type": "application/json"}
            if self.command == "HEAD":
                headers["content-length"] = "0"
            self._respond(err.status, headers, payload)
            return
        except Exception as exc:  # a bug in the fake: answer 500, do not hang the client
            self._respond(500, {"content-type": "application/json"}, json.dumps(
                {"code": "InternalServerError", "message": f"fake server error: {exc!r}"}).encode())
            return
        self._respond(status, headers, payload)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _dispatch
