// libcrypto (OpenSSL 3): random bytes, digests, HMAC, PBKDF2, AES-GCM, constant-time compare.
// Wrapped once, by the Swift module `Cryptography`; nothing else imports this.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/err.h>
