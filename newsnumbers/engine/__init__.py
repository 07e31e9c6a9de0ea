"""The extraction engine: from article text to rows (recognise figures, then attribute them)."""
