import VoiceCall

/// Why a `.call` script was refused: the file, the line when one is to blame, and what was
/// expected — VoiceCall's ``FileLineError``; the message never contains a PIN.
public typealias CallScriptError = FileLineError
