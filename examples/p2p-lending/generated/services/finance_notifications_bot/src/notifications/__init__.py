"""Notifications: the message of every consumed event, sent to the subscribed chats."""
