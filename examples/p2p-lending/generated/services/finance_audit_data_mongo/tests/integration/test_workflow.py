"""A whole life cycle across every entity: create in dependency order, read, then delete children first."""

import httpx

from tests.helpers import create_credit_score_record
from tests.helpers import create_audit_log_entry


async def test_every_entity_can_be_created_listed_and_deleted(client: httpx.AsyncClient) -> None:
    created: list[tuple[str, str]] = []
    entity = await create_credit_score_record(client)
    created.append(("/api/v1/credit-score-records", entity["id"]))
    entity = await create_audit_log_entry(client)
    created.append(("/api/v1/audit-log-entries", entity["id"]))

    for url, entity_id in created:
        assert (await client.get(f"{url}/{entity_id}")).status_code == 200
        assert (await client.get(url)).json()["total"] >= 1

    for url, entity_id in reversed(created):
        response = await client.delete(f"{url}/{entity_id}")
        assert response.status_code == 204, response.text
