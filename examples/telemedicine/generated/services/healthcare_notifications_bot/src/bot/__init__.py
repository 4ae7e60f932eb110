"""The Telegram side: dispatcher, handlers, forms, replies and the web server."""
