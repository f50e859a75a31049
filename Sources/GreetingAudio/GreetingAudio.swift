// The GreetingAudio module; see ARCHITECTURE.md.
