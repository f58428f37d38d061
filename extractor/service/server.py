"""Running the service with uvicorn: one event loop in front of the worker process pool."""

from __future__ import annotations

import logging


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 2, model: str | None = None,
          timeout: float = 60.0, log_level: str = "info") -> None:
    import uvicorn

    from .app import create_app

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(workers=workers, model=model, timeout=timeout)
    # uvicorn's access log prints query strings; the service logs its own requests (guard.py).
    # Idle keep-alive connections are kept longer than clients keep theirs (httpx: 5 s), so a
    # client never sends on a connection the server is closing at that moment.
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False,
                timeout_keep_alive=30, timeout_graceful_shutdown=5)
