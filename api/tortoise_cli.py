"""The config the ``tortoise`` command line reads (``[tool.tortoise]`` in pyproject.toml)."""

from api.db import tortoise_config

TORTOISE_ORM = tortoise_config()
