// libqrencode: QR code symbols for `ivr tokens add-app`. Wrapped once, by the Swift module `QRCode`.
#include <qrencode.h>
