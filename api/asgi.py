"""The ASGI entry point uvicorn imports (``api.asgi:app``)."""

from api.app import create_app
from api.logging_setup import adopt_logging
from api.settings import get_settings

adopt_logging(get_settings())  # uvicorn has set up its loggers by now: same lines for all
app = create_app()
