"""Events: the dated sentences of a set of articles, merged across sources. `build.build_timeline`."""
