// The CallScript module; see ARCHITECTURE.md.
