"""Cross-source comparison: entities each outlet has alone, figures that agree or differ."""
