"""``X-Request-ID`` is accepted or generated, echoed, and forwarded to the data services."""

import httpx

from shared.utils.request_id import REQUEST_ID_HEADER


async def test_incoming_request_id_is_echoed_and_forwarded(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
) -> None:
    headers = {REQUEST_ID_HEADER: "req_borrower"}
    response = await client.get("/api/v1/borrowers", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_lender"}
    response = await client.get("/api/v1/lenders", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_loan_application"}
    response = await client.get("/api/v1/loan-applications", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_investment"}
    response = await client.get("/api/v1/investments", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_repayment"}
    response = await client.get("/api/v1/repayments", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_credit_score_record"}
    response = await client.get("/api/v1/credit-score-records", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_audit_log_entry"}
    response = await client.get("/api/v1/audit-log-entries", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]


async def test_generated_request_id_is_forwarded(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
) -> None:
    response = await client.get("/api/v1/borrowers")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/lenders")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/loan-applications")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/investments")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/repayments")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/credit-score-records")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/audit-log-entries")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]


async def test_unsafe_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource", headers={REQUEST_ID_HEADER: "x" * 200})

    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
