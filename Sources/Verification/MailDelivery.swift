import Foundation

/// Hands queued e-mail to the configured delivery command (`/usr/sbin/sendmail -t` style: the
/// whole message on standard input, recipients taken from its headers).
///
/// The command is the admin's setting and runs through `/bin/sh -c`, as a crontab line would.
/// Exit status 0 means delivered; anything else, or no exit within `timeout`, leaves the message
/// queued for the next run, so nothing is lost.
struct MailDelivery {
    var command: String
    var timeout: TimeInterval = 30

    /// Delivers one message; throws a readable reason when the command fails.
    func deliver(_ message: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DeliveryError(reason: "could not start '\(command)': \(error.localizedDescription)")
        }
        // A command that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
        try? input.fileHandleForWriting.close()

        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw DeliveryError(reason: "'\(command)' did not finish within \(Int(timeout)) s")
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let detail = stderr.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)
            throw DeliveryError(reason: "'\(command)' exited with status \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
    }

    struct DeliveryError: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }
}
