"""Prometheus metrics at ``/metrics``."""

import httpx
from prometheus_client.parser import text_string_to_metric_families

from shared.web.metrics import UNMATCHED_ROUTE


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_requests_are_counted_per_route_and_status(client: httpx.AsyncClient) -> None:
    await client.get("/health")
    await client.get("/health")
    await client.get("/api/v1/no-such-resource")

    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    ok = frozenset({("method", "GET"), ("route", "/health"), ("status", "200")})
    missing = frozenset({("method", "GET"), ("route", UNMATCHED_ROUTE), ("status", "404")})
    assert samples[("http_requests_total", ok)] == 2
    assert samples[("http_request_errors_total", missing)] == 1
    duration = frozenset({("method", "GET"), ("route", "/health")})
    assert samples[("http_request_duration_seconds_count", duration)] == 2
