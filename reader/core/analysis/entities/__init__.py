"""People, places and organisations: candidates from capitalised runs, typed by
gazetteers and context, aliases merged. `find.find_entities` is the entry point."""
