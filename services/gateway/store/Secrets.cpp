#include "services/gateway/store/Secrets.h"

#include "core/crypto/Crypto.h"

#include <array>
#include <cstdint>

namespace modelguard::gateway {

namespace {

constexpr std::string_view kBase32 = "abcdefghijklmnopqrstuvwxyz234567";
constexpr std::string_view kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

bool isBase32(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
}

bool isBase62(char c) noexcept
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isBlank(char c) noexcept
{
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && isBlank(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && isBlank(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) noexcept
{
    if (s.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != prefix[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

std::string randomBase32(std::size_t count)
{
    const crypto::Bytes bytes = crypto::randomBytes(count);
    std::string out;
    out.reserve(count);
    for (const std::uint8_t b : bytes) {
        out.push_back(kBase32[b & 31u]); // 256 is a multiple of 32: uniform
    }
    return out;
}

std::string randomBase62(std::size_t count)
{
    // 248 = 4 * 62: bytes >= 248 are rejected so that every character is equally likely.
    std::string out;
    out.reserve(count);
    while (out.size() < count) {
        const crypto::Bytes bytes = crypto::randomBytes(count - out.size() + 8);
        for (const std::uint8_t b : bytes) {
            if (b >= 248) {
                continue;
            }
            out.push_back(kBase62[b % 62u]);
            if (out.size() == count) {
                break;
            }
        }
    }
    return out;
}

std::string newGatewayId()
{
    return "gw-" + randomBase32(8);
}

std::string makeSecret(std::string_view prefix, std::string_view id)
{
    std::string secret;
    secret.reserve(prefix.size() + id.size() + 2 + kSecretRandomLength);
    secret.append(prefix).append("_").append(id).append("_").append(randomBase62(kSecretRandomLength));
    return secret;
}

std::string secretHash(std::string_view secret)
{
    const crypto::Sha256Digest digest = crypto::sha256(secret);
    return crypto::toHex(digest);
}

bool isValidSecretId(std::string_view id) noexcept
{
    if (id.size() != kSecretIdLength) {
        return false;
    }
    for (const char c : id) {
        if (!isBase32(c)) {
            return false;
        }
    }
    return true;
}

ParsedSecret parseSecret(std::string_view input, std::string_view prefix) noexcept
{
    ParsedSecret result;
    std::string_view s = trim(input);
    if (s.empty()) {
        result.status = SecretParse::Missing;
        return result;
    }
    if (startsWithNoCase(s, "bearer") && (s.size() == 6 || isBlank(s[6]))) {
        s = trim(s.substr(6));
    }
    const std::size_t expected = prefix.size() + 1 + kSecretIdLength + 1 + kSecretRandomLength;
    if (s.size() != expected || s.substr(0, prefix.size()) != prefix || s[prefix.size()] != '_'
        || s[prefix.size() + 1 + kSecretIdLength] != '_') {
        return result;
    }
    const std::string_view id = s.substr(prefix.size() + 1, kSecretIdLength);
    if (!isValidSecretId(id)) {
        return result;
    }
    for (const char c : s.substr(expected - kSecretRandomLength)) {
        if (!isBase62(c)) {
            return result;
        }
    }
    result.status = SecretParse::Ok;
    result.id = id;
    result.secret = s;
    return result;
}

} // namespace modelguard::gateway
