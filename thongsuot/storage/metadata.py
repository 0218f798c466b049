"""The one SQLAlchemy MetaData every table of the application is declared on.

Unique constraints declared with `unique=True` stay unnamed (no "uq" convention),
as the migrations created them: each backend names them itself.

Kept in its own module so that each table module (tables, accounts, plans,
tracking_tables) can declare on it without importing the others;
`storage/schema.py` imports them all and is what compares the declared schema
with the migrations.
"""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
