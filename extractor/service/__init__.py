"""The HTTP service: FastAPI on uvicorn, extraction in a pool of worker processes.

Needs the ``serve`` extra (``pip install 'news-facts-extractor[serve]'``). Importing this
package imports nothing of it; :func:`extractor.service.app.create_app` builds the app and
:func:`extractor.service.server.serve` runs it.
"""
