"""The window's parts: menus by role, the open tabs (their files read, their analyses asked for),
the store's door, reading preferences, export dialogs and settings."""
