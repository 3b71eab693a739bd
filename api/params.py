"""Parameters and OpenAPI details the REST lookups share: the segments of a document id,
the province and agency filters, the error answers of each route, paging."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path as PathParam
from fastapi import Query

from policykg.api.models import ErrorBody

SEGMENT = r"^[A-Za-z0-9._~-]{1,120}$"
CODE = r"^[A-Za-z_]{1,40}$"


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a route's error statuses (the one error shape)."""
    text = {400: "bad request", 401: "missing or wrong write token", 403: "writes are off",
            404: "not found", 406: "no acceptable format", 413: "upload too large",
            422: "invalid parameters"}  # fmt: skip
    return {c: {"model": ErrorBody, "description": text[c]} for c in codes}


def example(value: Any, summary: str) -> dict[str, Any]:
    """One entry of ``openapi_examples``."""
    return {"summary": summary, "value": value}


# path segments of a document id
Issuer = Annotated[str, PathParam(pattern=SEGMENT, examples=["tuyen-quang"])]
Year = Annotated[str, PathParam(pattern=SEGMENT, examples=["2022"])]
Kind = Annotated[str, PathParam(pattern=SEGMENT, examples=["kh"])]
Local = Annotated[str, PathParam(pattern=SEGMENT, examples=["60-kh-ubnd"])]

ProvinceQ = Annotated[
    str | None,
    Query(
        max_length=80,
        description="province name or slug",
        openapi_examples={"nghe-an": example("Nghệ An", "Nghệ An")},
    ),
]
AgencyQ = Annotated[
    str | None,
    Query(
        max_length=300,
        description="agency id (`so-khcn/nghe-an`) or IRI",
        openapi_examples={
            "bo-khcn": example("bo-khcn/national", "Ministry of Science and Technology"),
        },
    ),
]


def paginate(items: list[Any], limit: int, offset: int) -> list[Any]:
    """One page of ``items``."""
    return items[offset : offset + limit]
