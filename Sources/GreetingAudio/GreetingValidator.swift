/// Decides whether a file may be a custom greeting (SPEC §4).
///
/// Order of work: the extension and the size are checked first (a file over the byte limit is
/// only sniffed from its first bytes, never decoded), then the content is sniffed, then the audio is measured by decoding. Every
/// problem found becomes one sentence in the report, so an admin sees all of them at once.
public enum GreetingValidator {
    /// Validates the file at `path` against `limits`.
    ///
    /// Never throws and never traps on file content: every failure is a reason in the report.
    /// Memory stays bounded whatever the file (fixed 64 KiB read buffers, decoding stopped at the
    /// duration limit).
    public static func validate(fileAt path: String, limits: GreetingLimits = .standard) -> GreetingReport {
        let ext = Self.fileExtension(of: path)
        var reasons: [GreetingProblem] = []
        if ext != "wav" && ext != "mp3" { reasons.append(.unsupportedExtension(ext)) }

        let file: AudioFile
        do {
            file = try AudioFile(path: path)
        } catch {
            return Self.report(path, format: nil, measurement: nil, size: 0, reasons: [.unreadable(error.message)] + reasons)
        }
        guard file.size <= limits.maxBytes else {
            // Never decoded, but the first bytes still say what it is (at most 64 KiB are read).
            var sniffer = WindowedReader(file: file)
            let format = (try? Container.sniff(&sniffer))?.format
            return Self.report(
                path, format: format, measurement: nil, size: file.size,
                reasons: [.tooLarge(size: file.size, limit: limits.maxBytes)] + reasons)
        }

        var reader = WindowedReader(file: file)
        var format: AudioFormat?
        var measurement: Measurement?
        do {
            let container = try Container.sniff(&reader)
            format = container.format
            if let format, ext == "wav" || ext == "mp3", ext != format.fileExtension {
                reasons.append(.extensionMismatch(found: ext, content: format))
            }
            switch container {
            case .empty:
                reasons.append(.empty)
            case .wave:
                measurement = try WAVMeasurer.measure(file, limit: limits.maxDuration)
            case .mpeg(let firstFrame, let junk, let layer):
                if layer != 3 {
                    reasons.append(.otherMPEGLayer(layer))
                } else if let first = MPEGFrameHeader(try reader.bytes(at: firstFrame, count: 4)) {
                    measurement = try MP3Measurer.measure(
                        file, reader: &reader, firstFrame: firstFrame, junk: junk, first: first,
                        limit: limits.maxDuration)
                } else {
                    reasons.append(.unrecognised)
                }
            case .truncatedID3:
                reasons.append(.truncated("its ID3 tag claims more bytes than the file holds"))
            case .impostor(let what):
                reasons.append(.notAccepted(what))
            case .unknown:
                reasons.append(.unrecognised)
            }
        } catch {
            reasons.append(.unreadable(error.message))
        }
        if let measurement {
            reasons += measurement.problems
            if let seconds = measurement.seconds, seconds >= limits.maxDuration {
                reasons.append(.tooLong(seconds: seconds, limit: limits.maxDuration, partial: measurement.partial))
            }
        }
        return Self.report(path, format: format, measurement: measurement, size: file.size, reasons: reasons)
    }

    private static func report(
        _ path: String, format: AudioFormat?, measurement: Measurement?, size: Int, reasons: [GreetingProblem]
    ) -> GreetingReport {
        GreetingReport(
            file: path, format: format, durationSeconds: measurement?.seconds, sizeBytes: size,
            reasons: reasons.map(\.message))
    }

    /// The lower-cased text after the last dot of the last path component ("" when none).
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}
