"""Business rule of the send_due_reminders job: Mark the reminders whose time has come as due, so that the bot sends them.

It runs every 300 seconds, on one replica at a time.
This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_send_due_reminders.py``, yours too (amgen's tests run a double instead of this rule). The default rule reads what the job declares it
calls (Reminder.list Reminder.update ), following the ids it learns on the way, and
reports what it found; it changes no data. Write the rule here. Raise ``RecoverableError`` (src.domain.errors) for a
temporary failure (the message is retried with backoff) and ``FatalError`` when retrying cannot help (dead letter).
"""

from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi

JOB_NAME = "send_due_reminders"
DESCRIPTION = "Mark the reminders whose time has come as due, so that the bot sends them"  # fmt: skip


async def send_due_reminders(api: BusinessApi) -> JobOutcome:
    """Mark the reminders whose time has come as due, so that the bot sends them: one scheduled run."""
    outcome = JobOutcome(JOB_NAME)
    reminder_page = await api.reminder.find(
        sort="-created_at",
        limit=20,
    )
    outcome.counted["reminder"] = reminder_page.total
    if reminder_page.items:
        outcome.facts.remember(
            "reminder",
            reminder_page.items[0],
        )
    outcome.not_performed.append("reminder.update")
    return outcome
