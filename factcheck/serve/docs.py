"""/docs: the API's Swagger UI, self-hosted as FastAPI documents it (get_swagger_ui_html pointed at local
files), its script and style sheet from the `fastapi-offline` package instead of a CDN. So the page works
offline, and runs under a Content-Security-Policy that lets nothing load from any other host: scripts,
styles and images from this server only, and the one inline script (Swagger UI's start) pinned by hash."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from ..html_common import csp_hash

ASSETS_URL = "/docs/assets"
# The files the page loads, by the name it asks for.
_ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css", "favicon.png": "image/png"}


def _assets_dir() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def add_docs(app: FastAPI) -> None:
    """Route /docs and its assets on an application made with docs_url=None."""
    html = get_swagger_ui_html(
        openapi_url=app.openapi_url,
        title=f"{app.title} — API",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
        # No validator badge: Swagger UI would fetch it from its own site.
        swagger_ui_parameters={"validatorUrl": None, **(app.swagger_ui_parameters or {})},
    ).body.decode("utf-8")
    inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    policy = (
        "default-src 'none'; "
        f"script-src 'self' {' '.join(csp_hash(s) for s in inline)}; "
        "style-src 'self'; img-src 'self' data:; connect-src 'self'; "  # Swagger's icons are data: URLs in its CSS
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    folder = _assets_dir()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    @app.get(ASSETS_URL + "/{name}", include_in_schema=False)
    def asset(name: str) -> FileResponse:
        from .app import ApiError

        if name not in _ASSETS:
            raise ApiError(404, "not_found", f"no asset {name}")
        return FileResponse(folder / name, media_type=_ASSETS[name], headers={"Cache-Control": "public, max-age=86400"})
