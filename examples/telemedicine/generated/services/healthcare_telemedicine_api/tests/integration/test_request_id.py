"""``X-Request-ID`` is accepted or generated, echoed, and forwarded to the data services."""

import httpx

from shared.utils.request_id import REQUEST_ID_HEADER


async def test_incoming_request_id_is_echoed_and_forwarded(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
) -> None:
    headers = {REQUEST_ID_HEADER: "req_patient"}
    response = await client.get("/api/v1/patients", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_doctor"}
    response = await client.get("/api/v1/doctors", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_availability_slot"}
    response = await client.get("/api/v1/availability-slots", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_appointment"}
    response = await client.get("/api/v1/appointments", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_medical_record"}
    response = await client.get("/api/v1/medical-records", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_prescription"}
    response = await client.get("/api/v1/prescriptions", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    headers = {REQUEST_ID_HEADER: "req_reminder"}
    response = await client.get("/api/v1/reminders", headers=headers)
    assert response.headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == headers[REQUEST_ID_HEADER]


async def test_generated_request_id_is_forwarded(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
) -> None:
    response = await client.get("/api/v1/patients")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/doctors")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/availability-slots")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/appointments")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/medical-records")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/prescriptions")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]
    response = await client.get("/api/v1/reminders")
    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
    assert data_requests[-1].headers[REQUEST_ID_HEADER] == response.headers[REQUEST_ID_HEADER]


async def test_unsafe_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource", headers={REQUEST_ID_HEADER: "x" * 200})

    assert response.headers[REQUEST_ID_HEADER].startswith("req_")
