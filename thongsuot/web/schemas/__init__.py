"""The typed shapes of everything the JSON API answers (Pydantic response models), one module per area.

Pages and API routes build their data through the same functions returning
these models (or the domain dataclasses the models wrap), so the page and
the API cannot disagree. Models read domain objects by attribute
(`from_attributes`): a field is declared once here, never copied key by key.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# Timestamps are stored as naive UTC (SQLite keeps no zone); the API writes them with their zone ("…Z"),
# as RFC 3339 and the OpenAPI `date-time` format require.
UtcDateTime = Annotated[dt.datetime, AfterValidator(_as_utc)]


class Out(BaseModel):
    """Base of every response model: built from domain objects by attribute."""

    model_config = ConfigDict(from_attributes=True)
