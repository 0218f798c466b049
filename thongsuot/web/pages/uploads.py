"""The upload list's progress: one job's files as an htmx partial that polls itself until every file is done."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from thongsuot.storage.accounts import User
from thongsuot.web import deps, upload
from thongsuot.web.render import Screen, respond

router = APIRouter()


@router.get("/upload/jobs/{job_id}")
def upload_job_partial(job_id: str, request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    data = upload.own_job(job_id, user).to_dict()
    screen = Screen("partials/upload_job.html", {"job": data}, partial="partials/upload_job.html")
    return respond(request, screen)
