"""Dates and times (TimeML-style): rules find expressions, handlers resolve them against an
anchor. `find.find_times`, `find.infer_anchor`."""
