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
    ///
    /// The message goes in from a background queue and the command's standard error goes to a
    /// scratch file, so a command that floods its error output or never reads its input cannot
    /// stall us: only the timeout bounds the wait.
    func deliver(_ message: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-mail-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil),
              let errorFile = try? FileHandle(forWritingTo: errorURL)
        else { throw DeliveryError(reason: "cannot create a scratch file for the delivery command's errors") }
        defer {
            try? errorFile.close()
            try? FileManager.default.removeItem(at: errorURL)
        }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorFile
        // A command that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw DeliveryError(reason: "could not start '\(command)': \(error.localizedDescription)")
        }
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(message.utf8))
            try? writer.close()
        }

        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            // Foundation starts the command in a process group of its own: end the whole group,
            // so a pipeline or a backgrounded child cannot outlive the timeout.
            kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw DeliveryError(reason: "'\(command)' did not finish within \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0 else {
            let head = (try? FileHandle(forReadingFrom: errorURL).read(upToCount: 200)) ?? nil
            let detail = String(decoding: head ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DeliveryError(reason: "'\(command)' exited with status \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
    }

    struct DeliveryError: Error, Equatable, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }
}
