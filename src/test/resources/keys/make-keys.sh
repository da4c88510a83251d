#!/usr/bin/env bash
# Regenerates every key fixture in this directory with OpenSSL 3 (written with 3.0.19).
# All keys here are throwaway test keys; the passphrase "box-auth-test-only" protects nothing real.
# After regenerating, rerun PrivateKeysTest: every RSA-2048 fixture is one key in different forms,
# and the test checks them all against public.pem.
set -euo pipefail
cd "$(dirname "$0")"

PASS=box-auth-test-only

# Fails unless the PKCS#8 file's PBES2 parameters are exactly what its name claims.
# asn1parse prints the PRF OID only when it is not the default: no hmacWith... line means HMAC-SHA1.
check_pbes2() {
    local file=$1 prf=$2 cipher=$3 parsed want
    parsed=$(openssl asn1parse -in "$file")
    # INTEGER :0800 is the iteration count, 2048.
    for want in ':PBES2$' ':PBKDF2$' 'INTEGER *:0800$' ":$cipher\$"; do
        grep -q "$want" <<<"$parsed" || { echo "$file: asn1parse shows no $want" >&2; exit 1; }
    done
    if [ "$prf" = hmacWithSHA1 ]; then
        if grep -q ':hmacWith' <<<"$parsed"; then echo "$file: PRF is not the default HMAC-SHA1" >&2; exit 1; fi
    else
        grep -q ":$prf\$" <<<"$parsed" || { echo "$file: asn1parse shows no $prf" >&2; exit 1; }
    fi
    echo "$file: PBES2, PBKDF2 $prf, 2048 iterations, $cipher"
}

# A user who followed the seed page on OpenSSL 3: `genrsa -des3` writes PKCS#8 encrypted.
# Seen with asn1parse: PBES2 / PBKDF2, INTEGER :0800 (2048 iterations), hmacWithSHA256, des-ede3-cbc.
# Every other RSA-2048 fixture below is this same key in another form.
openssl genrsa -des3 -passout pass:"$PASS" -out genrsa-des3-pbkdf2-sha256.pem 2048
check_pbes2 genrsa-des3-pbkdf2-sha256.pem hmacWithSHA256 des-ede3-cbc

# A user who decrypted the key (`openssl pkey`, or a console key after `openssl pkcs8`): BEGIN PRIVATE KEY.
openssl pkey -in genrsa-des3-pbkdf2-sha256.pem -passin pass:"$PASS" -out pkcs8-unencrypted.pem

# The public half, as a user uploads it under "Add a Public Key" in the Developer Console.
openssl pkey -in pkcs8-unencrypted.pem -pubout -out public.pem

# A key the Developer Console generated ("Generate a Public/Private Keypair"): PBKDF2 with HMAC-SHA1,
# 2048 iterations, des-ede3-cbc.
# Seen with asn1parse: PBES2 / PBKDF2, INTEGER :0800, no PRF field (so the default, hmacWithSHA1),
# des-ede3-cbc.
openssl pkcs8 -topk8 -in pkcs8-unencrypted.pem -v2 des3 -v2prf hmacWithSHA1 -iter 2048 \
    -passout pass:"$PASS" -out console-pbkdf2-sha1-des3.pem
check_pbes2 console-pbkdf2-sha1-des3.pem hmacWithSHA1 des-ede3-cbc

# A user who re-encrypted with AES, as guides recommend: `openssl pkcs8 -topk8 -v2 aes-256-cbc`.
# Seen with asn1parse: PBES2 / PBKDF2, INTEGER :0800, hmacWithSHA256 (OpenSSL 3's default PRF),
# aes-256-cbc.
openssl pkcs8 -topk8 -in pkcs8-unencrypted.pem -v2 aes-256-cbc -passout pass:"$PASS" -out pkcs8-aes256.pem
check_pbes2 pkcs8-aes256.pem hmacWithSHA256 aes-256-cbc

# A user on OpenSSL 1.x `genrsa -des3`, or OpenSSL 3 `genrsa -des3 -traditional`: BEGIN RSA PRIVATE KEY
# with Proc-Type: 4,ENCRYPTED and DEK-Info: DES-EDE3-CBC. `rsa -traditional -des3` writes the same
# format (both go through PEM_write_bio_RSAPrivateKey) and keeps the key the same as the others.
openssl rsa -in pkcs8-unencrypted.pem -traditional -des3 -passout pass:"$PASS" -out pkcs1-des3.pem
grep -q '^DEK-Info: DES-EDE3-CBC,' pkcs1-des3.pem

# The same traditional format with AES, as `openssl rsa -traditional -aes256` writes it (DEK-Info: AES-256-CBC).
openssl rsa -in pkcs8-unencrypted.pem -traditional -aes256 -passout pass:"$PASS" -out pkcs1-aes256.pem
grep -q '^DEK-Info: AES-256-CBC,' pkcs1-aes256.pem

# A user on OpenSSL 1.0 `pkcs8 -topk8`, whose default was PBES1 with SHA-1 and 3DES.
openssl pkcs8 -topk8 -in pkcs8-unencrypted.pem -v1 PBE-SHA1-3DES -passout pass:"$PASS" -out pkcs8-pbes1-sha1-des3.pem
grep -q ':pbeWithSHA1And3-KeyTripleDES-CBC$' <<<"$(openssl asn1parse -in pkcs8-pbes1-sha1-des3.pem)"

# A user whose unencrypted key came from OpenSSL 1.x `genrsa` or `rsa -traditional`: BEGIN RSA PRIVATE KEY.
openssl rsa -in pkcs8-unencrypted.pem -traditional -out pkcs1-unencrypted.pem

# A traditional key encrypted with a cipher box-auth does not decrypt (Camellia): UNSUPPORTED_ENCRYPTION.
openssl rsa -in pkcs8-unencrypted.pem -traditional -camellia256 -passout pass:"$PASS" \
    -out pkcs1-camellia256.pem
grep -q '^DEK-Info: CAMELLIA-256-CBC,' pkcs1-camellia256.pem

# A PKCS#8 key encrypted with scrypt (`openssl pkcs8 -topk8 -scrypt`), which box-auth does not decrypt:
# UNSUPPORTED_ENCRYPTION. Seen with asn1parse: PBES2 / scrypt (N=16384, r=8, p=1), aes-256-cbc.
openssl pkcs8 -topk8 -in pkcs8-unencrypted.pem -scrypt -passout pass:"$PASS" -out pkcs8-scrypt.pem
grep -q ':scrypt$' <<<"$(openssl asn1parse -in pkcs8-scrypt.pem)"

# A user who generated a key for ES256 instead (`genpkey`, PKCS#8): must be refused as not RSA.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-p256.pem

# The same mistake via `openssl ecparam -genkey`, which writes an EC PARAMETERS block before the key.
openssl ecparam -name prime256v1 -genkey -out ec-p256-ecparam.pem

# A user with an old 1024-bit key: must be refused as too short.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa-1024.pem

# The JSON file the Developer Console downloads, holding the console-style key with its newlines
# escaped as \n. Ids and secret are fake.
{
    printf '{\n  "boxAppSettings": {\n'
    printf '    "clientID": "fixture-client-id-not-real",\n'
    printf '    "clientSecret": "fixture-client-secret-not-real",\n'
    printf '    "appAuth": {\n'
    printf '      "publicKeyID": "fixture-key-id",\n'
    printf '      "privateKey": "%s",\n' "$(awk '{printf "%s\\n", $0}' console-pbkdf2-sha1-des3.pem)"
    printf '      "passphrase": "%s"\n' "$PASS"
    printf '    }\n  },\n  "enterpriseID": "12345678"\n}\n'
} >console-config.json
