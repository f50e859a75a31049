// The VerificationStore module; see ARCHITECTURE.md.
