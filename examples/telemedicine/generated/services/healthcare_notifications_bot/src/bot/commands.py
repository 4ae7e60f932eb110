"""The bot's commands with their descriptions: the ``/help`` text and the menu Telegram shows."""

from aiogram.types import BotCommand

from src.core.config import PROJECT_TITLE

BOT_COMMANDS: tuple[BotCommand, ...] = (
    BotCommand(command="start", description="Subscribe to notifications and say hello"),
    BotCommand(command="help", description="List the commands"),
    BotCommand(command="doctors", description="List the doctors and their specialties"),
    BotCommand(command="slots", description="Show free consultation slots"),
    BotCommand(command="appointment", description="Show one appointment"),
    BotCommand(command="register", description="Register as a patient"),
    BotCommand(command="cancel", description="Cancel the current question"),
)


def help_text() -> str:
    """Every command with its description."""
    lines = [f"{PROJECT_TITLE} bot. Commands:"]
    lines += [f"/{command.command} — {command.description}" for command in BOT_COMMANDS]
    return "\n".join(lines)
