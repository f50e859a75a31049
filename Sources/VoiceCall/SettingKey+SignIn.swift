import SignIn

/// The sign-in settings of SPEC §8.5, as entries of the settings table. The rules themselves
/// (CIDR, public ranges, the 50-range limit, the last method on, remember days) live in the SignIn
/// module; these entries only call them and keep the result in ``Settings``.
extension SettingKey {
    static let signInKeys: [SettingKey] = [
        // allow-private comes before ranges, so setting the keys in table order (a restore) works.
        .allowPrivate,
        .trustedRanges,
        .field("trusted-ips.federated-intranet", \.trustedIPsFederatedIntranet, stored: "trustedIPsFederatedIntranet", .onOff),
        .method(.call, \.methodCall, stored: "methodCall"),
        .method(.text, \.methodText, stored: "methodText"),
        .method(.appNotification, \.methodAppNotification, stored: "methodAppNotification"),
        .method(.appCode, \.methodAppCode, stored: "methodAppCode"),
        .field("remember-mfa.enabled", \.rememberMFAEnabled, stored: "rememberMFAEnabled", .onOff),
        .field("remember-mfa.days", \.rememberMFADays, stored: "rememberMFADays", .rememberDays),
        .field("kmsi.show", \.kmsiShow, stored: "kmsiShow", .onOff),
    ]

    /// Keys that are refused whatever the value, with the reason (`ivr settings set` names it).
    public static let retired: [String: String] = [
        "methods.two-way-text": MethodSwitches.twoWayTextRefusal
    ]

    /// Advice to print after `value` was accepted for `name` (`remember-mfa.days` under 90), or `nil`.
    public static func advisory(after name: String, value: String) -> String? {
        guard name == "remember-mfa.days" else { return nil }
        return (try? RememberMFAPolicy.parseDays(value))?.warning
    }

    /// `trusted-ips.ranges`: checked against the current on-premises mode.
    static let trustedRanges: SettingKey = {
        let key = Settings.StoredName("trustedIPRanges")
        return SettingKey(
            name: "trusted-ips.ranges", storedName: "trustedIPRanges",
            allowedValues: "comma-separated public IPv4 ranges in CIDR (e.g. 40.77.182.32/27), at most 50, or 'none'",
            apply: { text, _, settings throws(SettingRefusal) in
                do {
                    let ranges = try TrustedIPRanges(parsing: text, allowPrivate: settings.trustedIPsAllowPrivate)
                    settings.trustedIPRanges = ranges.ranges.map(\.description)
                } catch {
                    throw SettingRefusal("\(error)")
                }
            },
            render: { $0.trustedIPRanges.isEmpty ? "none" : $0.trustedIPRanges.joined(separator: ",") },
            encode: { settings, container in try container.encode(settings.trustedIPRanges, forKey: key) },
            decode: { container, settings in
                if let value = try container.decodeIfPresent([String].self, forKey: key) { settings.trustedIPRanges = value }
            })
    }()

    /// `trusted-ips.allow-private`: turning it off is refused while a private range is trusted.
    static let allowPrivate: SettingKey = {
        let key = Settings.StoredName("trustedIPsAllowPrivate")
        let onOff = SettingFormat<Bool>.onOff
        return SettingKey(
            name: "trusted-ips.allow-private", storedName: "trustedIPsAllowPrivate", allowedValues: onOff.allowedValues,
            apply: { text, context, settings throws(SettingRefusal) in
                let on = try onOff.parse(text, context)
                if !on {
                    do {
                        // Empty text means no range, as `none` does.
                        _ = try TrustedIPRanges(parsing: settings.trustedIPRanges.joined(separator: ","), allowPrivate: false)
                    } catch {
                        throw SettingRefusal("trusted-ips.ranges holds ranges only on-premises mode allows (\(error)); change them first")
                    }
                }
                settings.trustedIPsAllowPrivate = on
            },
            render: { onOff.render($0.trustedIPsAllowPrivate) },
            encode: { settings, container in try container.encode(settings.trustedIPsAllowPrivate, forKey: key) },
            decode: { container, settings in
                if let value = try container.decodeIfPresent(Bool.self, forKey: key) { settings.trustedIPsAllowPrivate = value }
            })
    }()

    /// `methods.NAME`: on/off, refusing to turn off the last one on.
    static func method(_ method: SignInMethod, _ property: WritableKeyPath<Settings, Bool> & Sendable, stored: String) -> SettingKey {
        let key = Settings.StoredName(stored)
        let onOff = SettingFormat<Bool>.onOff
        return SettingKey(
            name: "methods.\(method.id)", storedName: stored, allowedValues: onOff.allowedValues + "; at least one method stays on",
            apply: { text, context, settings throws(SettingRefusal) in
                let on = try onOff.parse(text, context)
                do {
                    _ = try settings.methodSwitches.setting(method, on: on)
                } catch {
                    throw SettingRefusal("\(error)")
                }
                settings[keyPath: property] = on
            },
            render: { onOff.render($0[keyPath: property]) },
            encode: { settings, container in try container.encode(settings[keyPath: property], forKey: key) },
            decode: { container, settings in
                if let value = try container.decodeIfPresent(Bool.self, forKey: key) { settings[keyPath: property] = value }
            })
    }
}

extension SettingFormat where Value == Int {
    /// `remember-mfa.days`: 1–365 (the advisory under 90 is ``SettingKey/advisory(after:value:)``).
    static var rememberDays: SettingFormat {
        SettingFormat(
            allowedValues: "a whole number of days from 1 to 365 (90 or more advised)",
            parse: { text, _ throws(SettingRefusal) in
                do {
                    return try RememberMFAPolicy.parseDays(text).days
                } catch {
                    throw SettingRefusal("\(error)")
                }
            },
            render: { String($0) })
    }
}

extension Settings {
    /// The method switches as the SignIn module reads them.
    public var methodSwitches: MethodSwitches {
        var switches = MethodSwitches.all
        let states: [(SignInMethod, Bool)] = [
            (.call, methodCall), (.text, methodText), (.appNotification, methodAppNotification), (.appCode, methodAppCode),
        ]
        // Turning methods off one by one from "all on" can only fail at the last one, which the
        // settings never store; a stored all-off (hand-edited) keeps the last one on.
        for (method, on) in states where !on {
            switches = (try? switches.setting(method, on: false)) ?? switches
        }
        return switches
    }

    /// The sign-in policy of these settings, with the named locations from the store.
    public func signInPolicy(namedLocations: [NamedLocation]) -> SignInPolicy {
        return SignInPolicy(
            trustedIPs: (try? TrustedIPRanges(parsing: trustedIPRanges.joined(separator: ","), allowPrivate: trustedIPsAllowPrivate)) ?? .none,
            federatedIntranet: trustedIPsFederatedIntranet, namedLocations: namedLocations, methods: methodSwitches,
            rememberMFA: RememberMFAPolicy(enabled: rememberMFAEnabled, days: rememberMFADays), kmsiShow: kmsiShow)
    }
}
