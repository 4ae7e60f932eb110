"""A whole life cycle across every entity, through this service and the data service behind it."""

import httpx

from tests.helpers import create_borrower
from tests.helpers import create_lender
from tests.helpers import create_loan_application
from tests.helpers import create_investment
from tests.helpers import create_repayment
from tests.helpers import create_credit_score_record
from tests.helpers import create_audit_log_entry


async def test_every_entity_can_be_created_read_and_deleted(client: httpx.AsyncClient) -> None:
    created: list[tuple[str, str]] = []
    entity = await create_borrower(client)
    created.append(("/api/v1/borrowers", entity["id"]))
    entity = await create_lender(client)
    created.append(("/api/v1/lenders", entity["id"]))
    entity = await create_loan_application(client)
    created.append(("/api/v1/loan-applications", entity["id"]))
    entity = await create_investment(client)
    created.append(("/api/v1/investments", entity["id"]))
    entity = await create_repayment(client)
    created.append(("/api/v1/repayments", entity["id"]))
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
