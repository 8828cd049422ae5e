"""Lifecycle shared by the loopback fakes (Object Storage, Customer Cloud Service): serve on 127.0.0.1, bounded."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackServer:
    """Mixin: `_serve(handler, name)` starts a ThreadingHTTPServer whose handler sees the fake as `state`;
    a watchdog stops it after `max_lifetime` seconds so a hung test cannot keep it alive; `_shutdown()` stops it."""

    max_lifetime: float
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _watchdog: threading.Timer | None = None

    def _serve(self, handler: type[BaseHTTPRequestHandler], name: str) -> None:
        Handler = type("Handler", (handler,), {"state": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name=name,
                                        daemon=True)
        self._thread.start()
        self._watchdog = threading.Timer(self.max_lifetime, self.stop)
        self._watchdog.daemon = True
        self._watchdog.start()

    def _shutdown(self) -> None:
        server, self._server = self._server, None
        if self._watchdog is not None and threading.current_thread() is not self._watchdog:
            self._watchdog.cancel()
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def stop(self) -> None:
        self._shutdown()

    @property
    def endpoint(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"
