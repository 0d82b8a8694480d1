"""What every screen shares: title bar, footer, help, command palette, key bindings, keymap."""
