import CRe
import Foundation
import VoiceCall

/// One live call: the pure `CallStateMachine` (in a `CallSession`, which also records what it
/// decided) wired to a libre SIP session and an RTP socket.
///
/// Everything here runs on the `ReLoop` thread. SIP and RTP callbacks become `CallEvent`s at the
/// monotonic instant they happen (seconds since the call started); the machine's actions become
/// SIP requests, RTP frames and timers. Timers and prompt ends are checked on each 20 ms media
/// tick, so they fire within one frame of their due time and carry their due time as the event's.
final class LiveCall: MediaClockClient, @unchecked Sendable {
    private unowned let phone: SIPPhone
    private let request: LiveCallRequest
    private let completion: @Sendable (LiveCallOutcome) -> Void
    private var session: CallSession
    /// Monotonic seconds at the start of the call; event times count from here.
    private var origin = 0.0
    private var transcript: [TranscriptEntry] = []
    private var finished: (CallResult, ResultDetail, at: Double)?

    // SIP
    private var sipSession: OpaquePointer?
    private var sdp: OpaquePointer?
    private var sdpMedia: OpaquePointer?
    private var callID: String?
    private var sipStatus: Int?
    private var failure: String?
    private var ringTimer: CallTimer?
    private var answered = false

    // Timers the machine armed, by due instant (call time).
    private var timers: [CallTimer: Double] = [:]

    // Media
    private let media = MediaStream()
    private var keys = KeyDetector()
    private var playback: (id: PromptID, type: MessageType, samples: [Int16], position: Int)?
    private var digits: DigitSender?
    /// The instant of a key whose answer (a new prompt) has not yet sent its first frame.
    private var keyAwaitingResponse: Double?

    init(phone: SIPPhone, request: LiveCallRequest, completion: @escaping @Sendable (LiveCallOutcome) -> Void) {
        self.phone = phone
        self.request = request
        self.completion = completion
        self.session = CallSession(plan: request.plan)
    }

    private var now: Double { monotonicSeconds() - origin }

    func start() {
        origin = monotonicSeconds()
        LoopGlobals.mediaClock.add(self)
        deliver(.start, at: 0)
    }

    /// Ends the call at once (the phone is closing): a hang-up from our side, recorded as the
    /// callee's hang-up would be, with the reason kept.
    func abort(reason: String) {
        guard finished == nil else { return }
        failure = reason
        deliver(.hungUp, at: now)
    }

    // MARK: Machine

    private func log(_ actor: TranscriptEntry.Actor, _ event: TranscriptEntry.Event, at time: Double) {
        transcript.append(TranscriptEntry(time: (time * 1000).rounded() / 1000, actor: actor, event: event))
    }

    private func deliver(_ kind: CallEvent, at time: Double) {
        guard finished == nil else { return }
        for action in session.handle(kind, at: time) { perform(action, at: time) }
    }

    private func perform(_ action: CallAction, at time: Double) {
        switch action {
        case .dial:
            log(.engine, .dial, at: time)
            dial()
        case .play(let type, let id):
            playback = (id, type, request.prompts[type] ?? [], 0)
            log(.engine, .play(type), at: time)
        case .stopPrompt(let id):
            if let playing = playback, playing.id == id {
                playback = nil
                log(.engine, .interrupted(playing.type), at: time)
            }
        case .sendDigits(let keys):
            digits = DigitSender(keys: Array(keys))
            log(.engine, .sentDigits(keys), at: time)
        case .startTimer(let timer, let seconds):
            if timer.purpose == .ring { ringTimer = timer }
            timers[timer] = time + seconds
            log(.engine, .timerStarted(timer.purpose, seconds: seconds), at: time)
        case .cancelTimer(let timer):
            timers[timer] = nil
        case .key(let shown, let handling):
            log(.caller, .key(shown, handling), at: time)
        case .entry(let verdict):
            log(.engine, .entry(verdict), at: time)
        case .denial:
            log(.engine, .denial, at: time)
        case .reportFraud:
            log(.engine, .fraudReported, at: time)
        case .hangUp:
            log(.engine, .hangUp, at: time)
        case .finish(let result, let detail):
            finished = (result, detail, time)
            log(.engine, .result(result, detail), at: time)
            // Tear down outside whatever libre callback brought us here.
            phone.loop.async { [self] in tearDown() }
        }
    }

    // MARK: Media clock

    func tick(due: Double, now instant: Double) {
        guard finished == nil else { return }
        let time = instant - origin
        // Timers in due order; each carries its due instant.
        while let (timer, at) = timers.min(by: { $0.value < $1.value }), at <= time {
            timers[timer] = nil
            log(.engine, .timerExpired(timer.purpose), at: at)
            deliver(.timerFired(timer), at: at)
            guard finished == nil else { return }
        }
        guard media.isReady else { return }
        if skipNextFrame {
            skipNextFrame = false
            return
        }
        if var sender = digits {
            let packet = sender.next()
            digits = sender
            switch packet {
            case .event(let event, let marker, let tick): media.sendEvent(event, marker: marker, startTick: tick)
            case .silence: media.sendAudio(nil)
            case .done:
                digits = nil
                deliver(.digitsSent, at: time)
                guard finished == nil else { return }
                media.sendAudio(nil)
            }
        } else {
            if let current = playback, current.position >= current.samples.count {
                playback = nil
                deliver(.promptFinished(current.id), at: time)
                guard finished == nil else { return }
            }
            sendPromptFrame(time: time)
        }
        LoopGlobals.statistics.frameSent(lateness: monotonicSeconds() - due)
    }

    /// Sends the next 20 ms of the playing prompt (silence when none plays).
    private func sendPromptFrame(time: Double) {
        guard let current = playback else {
            media.sendAudio(nil)
            return
        }
        let end = min(current.samples.count, current.position + MediaStream.samplesPerFrame)
        media.sendAudio(current.samples[current.position..<end])
        playback?.position = end
        if let keyTime = keyAwaitingResponse {
            keyAwaitingResponse = nil
            LoopGlobals.statistics.keyAnswered(after: time - keyTime)
        }
    }

    // MARK: Keys

    private func keyPressed(_ key: DTMFKey, at time: Double) {
        guard answered, finished == nil else { return }
        let playingBefore = playback?.id
        deliver(.key(key), at: time)
        // A key that starts a new prompt is answered at once, not at the next grid slot: the
        // prompt's first frame leaves now and the slot that follows is skipped, so the stream keeps
        // its 20 ms average and the callee hears the answer up to a frame sooner.
        if let current = playback, current.id != playingBefore, digits == nil, media.isReady, !skipNextFrame {
            keyAwaitingResponse = time
            sendPromptFrame(time: now)
            skipNextFrame = true
        }
    }

    /// The next grid slot sends nothing: its frame already left early (`keyPressed`).
    private var skipNextFrame = false

    fileprivate func received(rtpTimestamp: UInt32, payloadType: UInt8, payload: UnsafeRawBufferPointer) {
        guard payloadType == media.eventPayloadType, let event = TelephoneEvent(payload: payload),
              let key = keys.packet(timestamp: rtpTimestamp, event: event)
        else { return }
        keyPressed(key, at: now)
    }

    fileprivate func receivedInfo(_ message: UnsafePointer<sip_msg>, sip: OpaquePointer?) {
        let body = bodyText(message)
        let type = "\(text(message.pointee.ctyp.type))/\(text(message.pointee.ctyp.subtype))".lowercased()
        let signal: Substring?
        switch type {
        case "application/dtmf-relay":
            signal = body.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix("signal=") }
                .map { $0.dropFirst("signal=".count).trimmingCharacters(in: .whitespaces)[...] }
        case "application/dtmf":
            signal = body.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        default:
            _ = sip_reply(sip, message, 415, "Unsupported Media Type")
            return
        }
        guard let signal, signal.count == 1, let key = DTMFKey(Character(signal.uppercased())) else {
            _ = sip_reply(sip, message, 400, "Bad DTMF Signal")
            return
        }
        _ = sip_reply(sip, message, 200, "OK")
        keyPressed(key, at: now)
    }

    // MARK: SIP

    private func dial() {
        guard let stack = phone.stack else {
            return failDial("the SIP phone is closed")
        }
        let config = phone.configuration
        var err = media.open(address: stack.mediaAddress, ports: config.rtpPorts, call: self)
        guard err == 0 else { return failDial("no RTP port free in \(config.rtpPorts): \(errorText(err))") }
        var local = stack.mediaAddress
        err = sdp_session_alloc(&sdp, &local)
        if err == 0 { err = sdp_media_add(&sdpMedia, sdp, "audio", media.localPort, "RTP/AVP") }
        if err == 0 {
            err |= ivr_sdp_format_add(sdpMedia, "0", "PCMU", 8000, 1, nil)
            err |= ivr_sdp_format_add(sdpMedia, "8", "PCMA", 8000, 1, nil)
            err |= ivr_sdp_format_add(sdpMedia, "101", "telephone-event", 8000, 1, "0-15")
            err |= ivr_sdp_media_set_lattr(sdpMedia, "ptime", "20")
        }
        var offer: UnsafeMutablePointer<mbuf>?
        if err == 0 { err = sdp_encode(&offer, sdp, true) }
        guard err == 0 else { return failDial("cannot build the SDP offer: \(errorText(err))") }
        defer { _ = mem_deref(offer) }

        let host = config.trunkHost
        let port = config.trunkPort == 5060 ? "" : ":\(config.trunkPort)"
        let transport = config.transport == .tcp ? ";transport=tcp" : ""
        let to = "sip:\(request.number)@\(host)\(port)\(transport)"
        let callerUser = request.callerID ?? "anonymous"
        let from = "sip:\(callerUser)@\(host)"
        let headers = request.callerID.map { "P-Asserted-Identity: <sip:\($0)@\(host)>\r\n" } ?? "Privacy: id\r\n"
        let me = Unmanaged.passUnretained(self).toOpaque()
        let credentials = Unmanaged.passUnretained(phone.credentials).toOpaque()
        err = ivr_sipsess_connect(
            &sipSession, stack.sessionSocket, to, nil, from, "ivr", offer,
            { username, password, _, arg in
                let credentials = Unmanaged<SIPPhone.Credentials>.fromOpaque(arg!).takeUnretainedValue()
                guard let user = credentials.username, let secret = credentials.password else { return EACCES }
                return str_dup(username, user) | str_dup(password, secret)
            }, credentials,
            { descp, msg, arg in LiveCall.from(arg).answerOffer(descp, msg) },
            { msg, arg in LiveCall.from(arg).receivedAnswer(msg) },
            { _, _ in },  // 180/183: ringing; early media is ignored
            { _, arg in LiveCall.from(arg).established() },
            { sip, msg, arg in if let msg { LiveCall.from(arg).receivedInfo(msg, sip: sip) } },
            { err, msg, arg in LiveCall.from(arg).closed(err, msg) },
            me, headers)
        guard err == 0, let sipSession else {
            return failDial("cannot send the INVITE to \(to): \(errorText(err))")
        }
        if let dialog = sipsess_dialog(sipSession), let id = sip_dialog_callid(dialog) { callID = String(cString: id) }
    }

    fileprivate static func from(_ arg: UnsafeMutableRawPointer?) -> LiveCall {
        Unmanaged<LiveCall>.fromOpaque(arg!).takeUnretainedValue()
    }

    /// The call could not be placed: it rang nowhere, so it ends as the ring timeout would.
    private func failDial(_ reason: String) {
        failure = reason
        phone.loop.async { [self] in ringingEnded() }
    }

    private func ringingEnded() {
        guard finished == nil, !answered, let ringTimer else { return }
        timers[ringTimer] = nil
        deliver(.timerFired(ringTimer), at: now)
    }

    private func receivedAnswer(_ msg: UnsafePointer<sip_msg>?) -> Int32 {
        guard let msg else { return EINVAL }
        let err = sdp_decode(sdp, msg.pointee.mb, false)
        guard err == 0 else { return err }
        return media.configure(from: sdpMedia) ? 0 : EPROTO
    }

    private func answerOffer(_ descp: UnsafeMutablePointer<UnsafeMutablePointer<mbuf>?>?, _ msg: UnsafePointer<sip_msg>?) -> Int32 {
        guard let msg else { return EINVAL }
        var err = sdp_decode(sdp, msg.pointee.mb, true)
        if err == 0 { err = sdp_encode(descp, sdp, false) }
        if err == 0 { _ = media.configure(from: sdpMedia) }
        return err
    }

    private func established() {
        guard !answered, finished == nil else { return }
        answered = true
        let time = now
        log(.caller, .answered, at: time)
        deliver(.answered, at: time)
    }

    private func closed(_ err: Int32, _ msg: UnsafePointer<sip_msg>?) {
        if answered {
            if err != 0 { failure = "the call's SIP dialog failed: \(errorText(err))" }
            let time = now
            log(.caller, .hangUp, at: time)
            deliver(.hungUp, at: time)
            return
        }
        if let msg, msg.pointee.scode >= 300 {
            sipStatus = Int(msg.pointee.scode)
            failure = "\(msg.pointee.scode) \(text(msg.pointee.reason))"
        } else if err != 0 {
            failure = "no answer from the trunk: \(errorText(err))"
            if err == ETIMEDOUT { sipStatus = 408 }
        }
        ringingEnded()
    }

    // MARK: End

    private var tornDown = false

    /// Releases everything libre holds for the call and hands the outcome over. Idempotent: the
    /// phone may tear a call down at once when it closes, before the scheduled tear-down runs.
    func tearDown() {
        guard !tornDown else { return }
        tornDown = true
        LoopGlobals.mediaClock.remove(self)
        // Dereferencing the session sends BYE (answered) or CANCEL (still ringing); libre keeps
        // it until that transaction ends.
        _ = mem_deref(UnsafeMutableRawPointer(sipSession))
        sipSession = nil
        media.close()
        _ = mem_deref(UnsafeMutableRawPointer(sdp))
        sdp = nil
        sdpMedia = nil
        phone.forget(self)
        let (result, detail, at) = finished ?? (.abandoned, .callerHungUp, now)
        let outcome = LiveCallOutcome(
            result: result, detail: detail, recording: session.recording, transcript: transcript, duration: (at * 1000).rounded() / 1000,
            sipCallId: callID, sipStatus: result == .notAnswered ? sipStatus : nil, failure: failure, codec: media.codec)
        let completion = completion
        DispatchQueue.global().async { completion(outcome) }
    }
}

/// The RTP side of one call: a libre RTP socket, the negotiated codec and payload types, and the
/// running timestamp. Frames are sent by the call's media tick.
final class MediaStream {
    static let samplesPerFrame = 160

    private var socket: OpaquePointer?
    private var remote = sa()
    private(set) var codec: G711?
    /// The telephone-event payload type of the callee's answer (else 101): ours are sent with it,
    /// and the callee's arrive with it.
    private(set) var eventPayloadType: UInt8 = 101
    private var buffer: UnsafeMutablePointer<mbuf>?
    private var timestamp = UInt32.random(in: 0...UInt32.max)
    private var marker = true
    private(set) var localPort: UInt16 = 0

    var isReady: Bool { socket != nil && codec != nil && buffer != nil }

    func open(address: sa, ports: ClosedRange<UInt16>, call: LiveCall) -> Int32 {
        var local = address
        let err = rtp_listen(
            &socket, Int32(IPPROTO_UDP), &local, ports.lowerBound, ports.upperBound, true,
            { _, header, mb, arg in
                guard let header, let mb, let arg else { return }
                let call = Unmanaged<LiveCall>.fromOpaque(arg).takeUnretainedValue()
                let left = mbuf_get_left(mb)
                call.received(
                    rtpTimestamp: header.pointee.ts, payloadType: header.pointee.pt,
                    payload: UnsafeRawBufferPointer(start: mbuf_buf(mb), count: left))
            }, nil, Unmanaged.passUnretained(call).toOpaque())
        guard err == 0 else { return err }
        if let local = rtp_local(socket) { localPort = sa_port(local) }
        buffer = mbuf_alloc(Int(RTP_HEADER_SIZE) + Self.samplesPerFrame)
        return 0
    }

    /// Takes the codec, the event payload type and the address from the callee's SDP.
    func configure(from media: OpaquePointer?) -> Bool {
        guard let media, let address = sdp_media_raddr(media), sa_isset(address, Int32(SA_ALL.rawValue)) else { return false }
        remote = address.pointee
        guard let format = sdp_media_rformat(media, nil), let name = format.pointee.name,
              let chosen = G711(encodingName: String(cString: name))
        else { return false }
        codec = chosen
        if let event = sdp_media_rformat(media, "telephone-event"), (0...127).contains(event.pointee.pt) {
            eventPayloadType = UInt8(event.pointee.pt)
        }
        return true
    }

    /// Sends one audio frame (samples coded, or silence); the timestamp advances 160.
    /// Sends one 20 ms frame: `samples` (padded with the codec's silence), or silence for `nil`.
    func sendAudio(_ samples: ArraySlice<Int16>?) {
        guard let codec, let buffer else { return }
        reset(buffer)
        let payload = mbuf_buf(buffer)!
        let count = Self.samplesPerFrame
        if let samples {
            codec.encode(samples, into: payload)
            if samples.count < count { payload.advanced(by: samples.count).update(repeating: codec.silence, count: count - samples.count) }
        } else {
            payload.update(repeating: codec.silence, count: count)
        }
        buffer.pointee.end = buffer.pointee.pos + count
        _ = rtp_send(socket, &remote, false, marker, codec.payloadType, timestamp, buffer)
        marker = false
        timestamp &+= UInt32(count)
    }

    /// Sends one telephone-event packet, stamped with its event's start (frames ago).
    func sendEvent(_ event: TelephoneEvent, marker: Bool, startTick: Int) {
        guard let buffer else { return }
        reset(buffer)
        let bytes = event.bytes
        _ = mbuf_write_mem(buffer, bytes, bytes.count)
        buffer.pointee.pos = Int(RTP_HEADER_SIZE)
        let start = timestamp &- UInt32(startTick * Self.samplesPerFrame)
        _ = rtp_send(socket, &remote, false, marker, eventPayloadType, start, buffer)
        timestamp &+= UInt32(Self.samplesPerFrame)
    }

    private func reset(_ buffer: UnsafeMutablePointer<mbuf>) {
        buffer.pointee.pos = Int(RTP_HEADER_SIZE)
        buffer.pointee.end = Int(RTP_HEADER_SIZE)
    }

    func close() {
        _ = mem_deref(UnsafeMutableRawPointer(socket))
        socket = nil
        _ = mem_deref(UnsafeMutableRawPointer(buffer))
        buffer = nil
    }
}

/// The text of a libre `pl` (pointer and length).
func text(_ value: pl) -> String {
    guard let pointer = value.p, value.l > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: value.l), as: UTF8.self)
}

/// A SIP message's body as text.
func bodyText(_ message: UnsafePointer<sip_msg>) -> String {
    guard let mb = message.pointee.mb, let start = mbuf_buf(mb) else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: start, count: min(mbuf_get_left(mb), 4096)), as: UTF8.self)
}
