"""The Textual app. It only asks the core and renders."""
