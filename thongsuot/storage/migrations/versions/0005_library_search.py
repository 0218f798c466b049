"""Library search and listing at 100,000 documents: level filled and indexed, date index for listings.

- `documents.level` (central / province / district / commune) backs the
  "Cấp" filter: rows stored before the level was read from the issuer name
  get it now (issuer code suffix, else the issuer's words), and it is indexed.
- `(date, id)` index: the library's default listing (newest first, a page of
  20) reads the index instead of sorting every row.

Revision ID: 0005_library_search
Revises: 0004_tracking
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005_library_search"
down_revision = "0004_tracking"
branch_labels = None
depends_on = None


# A frozen copy of the rules of `storage.documents.document_level` at this revision
# (a migration must not change meaning when the live code does).
_CODE_SUFFIXES = (("TW", "central"), ("TU", "province"), ("HU", "district"), ("DUK", "commune"), ("DU", "commune"))
_NAME_WORDS = (
    ("commune", r"\b(?:dang uy|ubnd|uy ban nhan dan) (?:xa|phuong|thi tran)\b"),
    ("district", r"\b(?:huyen uy|quan uy|thi uy|ubnd (?:huyen|quan|thi xa))\b"),
    ("province", r"\b(?:tinh uy|thanh uy|dang uy khoi|ubnd (?:tinh|thanh pho))\b"),
    ("central", r"\b(?:trung uong|bo chinh tri|ban bi thu|chinh phu|thu tuong|quoc hoi)\b"),
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", plain))


def document_level(issuer_code: str | None, issuer: str | None) -> str | None:
    if issuer_code:
        code = re.sub(r"\d+$", "", _fold(issuer_code).replace(" ", "").upper())
        if code in {"CP", "TTG", "QH"}:
            return "central"
        for suffix, level in _CODE_SUFFIXES:
            if code.endswith(suffix):
                return level
    if issuer:
        folded = _fold(issuer)
        for level, pattern in _NAME_WORDS:
            if re.search(pattern, folded):
                return level
    return None


def _backfill_levels() -> None:
    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id"), sa.column("issuer_code"), sa.column("issuer"), sa.column("level"))
    rows = conn.execute(sa.select(docs.c.id, docs.c.issuer_code, docs.c.issuer).where(docs.c.level.is_(None))).all()
    updates = [
        {"doc_id": i, "new_level": level}
        for i, code, issuer in rows
        if (level := document_level(code, issuer)) is not None
    ]
    if updates:
        stmt = sa.update(docs).where(docs.c.id == sa.bindparam("doc_id")).values(level=sa.bindparam("new_level"))
        conn.execute(stmt, updates)


def upgrade() -> None:
    _backfill_levels()
    op.create_index("ix_documents_level", "documents", ["level"])
    op.create_index("ix_documents_date_id", "documents", ["date", "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_date_id", "documents")
    op.drop_index("ix_documents_level", "documents")
