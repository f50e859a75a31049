#!/bin/sh
# The state every sample in this folder runs against (the samples test applies these same lines).
# Run it once against a fresh state directory, then: ivr signin Samples/signins/*.signin
# A sample's own "# setting: KEY VALUE" lines are set just before it and put back just after.
set -e
ivr settings set trusted-ips.ranges 40.77.182.32/27,198.51.100.7/32
ivr settings set remember-mfa.enabled on
ivr settings set remember-mfa.days 90
ivr locations add Lab --trusted 2001:db8:1::/48
ivr users add alice@contoso.com --phone +14255550100
ivr users add bob@contoso.com --phone +14255550101
ivr users add boss@contoso.com --phone +14255550102
ivr users add legacy@contoso.com --phone +14255550103
ivr users add mallory@contoso.com --phone +14255550104
ivr users add pat@contoso.com --phone +14255550105
ivr users add guest@fabrikam.com --phone +14255550106
ivr users persistent-browser-session boss@contoso.com on
ivr users app-password legacy@contoso.com create
ivr users block mallory@contoso.com --reason Compromised
