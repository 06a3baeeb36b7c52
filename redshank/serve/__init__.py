"""Serve stage: the HTTP API and dashboard of `redshank serve` (needs `pip install
'redshank[serve]'`).

    app.py      create_app(db): the FastAPI application, its routes and headers
    params.py   the event filters as query parameters; page cursors
    reader.py   store reads off the event loop, under a time limit
    views.py    what each endpoint reads from the store
    code.py     POST /api/code: coding a text without storing it
    models.py   request and response bodies (the OpenAPI spec)
    errors.py   the one JSON error shape
    static/     the dashboard (index.html at /, the rest under /static/)
"""
