// A gateway's watermark secret, the keys derived from it, and its key file.
//
// Key file format (UTF-8 text, at most 4 KiB, lines end with LF or CRLF):
//
//     # ModelGuard watermark key — keep secret
//     format: modelguard-watermark-key/1
//     gateway: gw-eu-1
//     secret: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
//
// Blank lines and lines starting with '#' are comments. Every other line is "field: value" (spaces and tabs around
// the value are ignored). The three fields are required, each exactly once, in any order; any other field is an
// error. format must be exactly "modelguard-watermark-key/1"; gateway is 1..64 printable ASCII characters without
// spaces; secret is exactly 64 hex digits (32 bytes, either case; written in lower case).
#include "core/watermark/Watermark.h"

#include "core/crypto/Crypto.h"
#include "core/text/Utf8.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace modelguard::watermark {

namespace {

constexpr std::string_view kSalt = "modelguard/watermark/v1";
constexpr std::string_view kClientInfoPrefix = "modelguard/watermark/v1/client:";
constexpr std::string_view kTagInfo = "modelguard/watermark/v1/gateway-tag";
constexpr std::string_view kFormat = "modelguard-watermark-key/1";
constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kMaxGatewayIdChars = 64;
constexpr std::size_t kMaxKeyFileBytes = 4096;

[[noreturn]] void fail(const std::string& message)
{
    throw std::runtime_error("watermark key: " + message);
}

bool isValidGatewayId(std::string_view id) noexcept
{
    if (id.empty() || id.size() > kMaxGatewayIdChars) {
        return false;
    }
    for (char ch : id) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x21U || c > 0x7EU) {
            return false;
        }
    }
    return true;
}

void requireValidGatewayId(std::string_view id)
{
    if (!isValidGatewayId(id)) {
        fail("bad gateway id: it must be 1 to 64 printable ASCII characters without spaces");
    }
}

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string systemError(const std::string& what, const std::string& path, int error)
{
    return "watermark key: cannot " + what + " '" + path + "': " + std::strerror(error);
}

/// Closes a file descriptor on scope exit.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) noexcept
        : m_fd(fd)
    { }
    ~FileDescriptor()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const noexcept { return m_fd; }
    /// Closes now and reports close()'s error (a write error may surface only here).
    int close() noexcept
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd = -1;
};

} // namespace

GatewayKey GatewayKey::generate(std::string gatewayId)
{
    if (gatewayId.empty()) {
        gatewayId = "gw-" + crypto::toHex(crypto::randomBytes(4));
    }
    requireValidGatewayId(gatewayId);
    return GatewayKey {std::move(gatewayId), crypto::randomBytes(kSecretBytes)};
}

crypto::Bytes GatewayKey::clientKey(std::string_view clientId) const
{
    std::string info(kClientInfoPrefix);
    info.append(clientId);
    return crypto::hkdfSha256(secret, crypto::asBytes(kSalt), crypto::asBytes(info), 32);
}

std::array<std::uint8_t, 4> GatewayKey::tag() const
{
    const crypto::Bytes derived = crypto::hkdfSha256(secret, crypto::asBytes(kSalt), crypto::asBytes(kTagInfo), 4);
    return {derived[0], derived[1], derived[2], derived[3]};
}

GatewayKey parseGatewayKey(std::string_view text)
{
    if (text.size() > kMaxKeyFileBytes) {
        fail("the key text is larger than 4 KiB");
    }
    if (!text::isValidUtf8(text) || text.find('\0') != std::string_view::npos) {
        fail("the key text is not UTF-8 text");
    }
    std::optional<std::string_view> format;
    std::optional<std::string_view> gateway;
    std::optional<std::string_view> secretHex;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view rawLine = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++lineNumber;
        const std::string_view line = trim(rawLine);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            fail("line " + std::to_string(lineNumber) + " is not of the form 'field: value'");
        }
        const std::string_view field = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        std::optional<std::string_view>* slot = nullptr;
        if (field == "format") {
            slot = &format;
        } else if (field == "gateway") {
            slot = &gateway;
        } else if (field == "secret") {
            slot = &secretHex;
        } else {
            fail("line " + std::to_string(lineNumber) + ": unknown field '" + text::sanitizeUtf8(field.substr(0, 32))
                 + "'");
        }
        if (slot->has_value()) {
            fail("line " + std::to_string(lineNumber) + ": field '" + std::string(field) + "' appears twice");
        }
        *slot = value;
    }
    if (!format) {
        fail("not a ModelGuard watermark key (no 'format:' line)");
    }
    if (*format != kFormat) {
        fail("unknown key format '" + text::sanitizeUtf8(format->substr(0, 64)) + "' (expected '" + std::string(kFormat)
             + "')");
    }
    if (!gateway) {
        fail("missing 'gateway:' line");
    }
    requireValidGatewayId(*gateway);
    if (!secretHex) {
        fail("missing 'secret:' line");
    }
    // The secret itself never appears in a message.
    if (secretHex->size() != 2 * kSecretBytes) {
        fail("wrong secret length: expected 64 hex digits (32 bytes), found " + std::to_string(secretHex->size())
             + " characters");
    }
    std::optional<crypto::Bytes> secret = crypto::fromHex(*secretHex);
    if (!secret) {
        fail("bad hex in secret: only the digits 0-9 and a-f (or A-F) are allowed");
    }
    return GatewayKey {std::string(*gateway), std::move(*secret)};
}

std::string serializeGatewayKey(const GatewayKey& key)
{
    requireValidGatewayId(key.gatewayId);
    if (key.secret.size() != kSecretBytes) {
        fail("wrong secret length: expected 32 bytes, found " + std::to_string(key.secret.size()));
    }
    std::string out = "# ModelGuard watermark key \xE2\x80\x94 keep secret\n";
    out += "format: ";
    out += kFormat;
    out += "\ngateway: ";
    out += key.gatewayId;
    out += "\nsecret: ";
    out += crypto::toHex(key.secret);
    out += '\n';
    return out;
}

GatewayKey loadGatewayKey(const std::string& path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) {
        throw std::runtime_error(systemError("open", path, errno));
    }
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0) {
        throw std::runtime_error(systemError("inspect", path, errno));
    }
    if (!S_ISREG(info.st_mode)) {
        throw std::runtime_error("watermark key: '" + path + "' is not a regular file");
    }
    if (info.st_size > static_cast<off_t>(kMaxKeyFileBytes)) {
        throw std::runtime_error("watermark key: '" + path + "' is larger than 4 KiB; not a key file");
    }
    std::string content(kMaxKeyFileBytes + 1, '\0');
    std::size_t total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + total, content.size() - total);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::runtime_error(systemError("read", path, errno));
        }
        if (n == 0) {
            break;
        }
        total += static_cast<std::size_t>(n);
    }
    if (total > kMaxKeyFileBytes) {
        throw std::runtime_error("watermark key: '" + path + "' is larger than 4 KiB; not a key file");
    }
    content.resize(total);
    try {
        return parseGatewayKey(content);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (in '" + path + "')");
    }
}

void saveGatewayKey(const GatewayKey& key, const std::string& path)
{
    const std::string content = serializeGatewayKey(key); // validates before anything touches the disk
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == EEXIST) {
            throw std::runtime_error("watermark key: '" + path + "' already exists; refusing to overwrite it");
        }
        throw std::runtime_error(systemError("create", path, error));
    }
    const auto removeAndThrow = [&](const std::string& what, int error) {
        ::unlink(path.c_str()); // we created it: leave nothing half-written behind
        throw std::runtime_error(systemError(what, path, error));
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd.get(), content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            removeAndThrow("write", errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
        removeAndThrow("sync", errno);
    }
    if (fd.close() != 0) {
        removeAndThrow("close", errno);
    }
}

} // namespace modelguard::watermark
