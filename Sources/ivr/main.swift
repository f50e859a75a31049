import Foundation

// The `ivr` executable: parse the command line, run one command, exit 0, 1 or 2 (SPEC §10).
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
