#pragma once
// Public API of the watermark engine: what the gateway, the CLI and the console use. Everything else in
// core/watermark/ is an implementation detail of these types.
//
// Two schemes, usable alone or together (see docs/watermark.md):
//  * payload: an invisible, HMAC-signed frame (version, gateway tag, client id, issue minute) carried by invisible
//    code points attached to words, repeated through the text; a verbatim paste of ~40 words decodes.
//  * lexical: a keyed choice among interchangeable words; detection is a one-sided exact binomial test over unique
//    (context, class) pairs. Survives normalisation, light editing and distillation.
//
// Thread safety: GatewayKey, Embedder configuration and Detector are immutable after construction and may be
// shared between threads; a StreamingEmbedder is used by one thread at a time.

#include "core/crypto/Crypto.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::watermark {

/// Bit set of schemes.
enum class Scheme : std::uint8_t {
    None = 0,
    Payload = 1,
    Lexical = 2,
    Both = 3,
};
constexpr Scheme operator|(Scheme a, Scheme b) noexcept
{
    return static_cast<Scheme>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
constexpr bool hasScheme(Scheme set, Scheme s) noexcept
{
    return (static_cast<std::uint8_t>(set) & static_cast<std::uint8_t>(s)) != 0;
}
/// "payload", "lexical", "both", "none"; parseScheme returns nullopt for anything else.
std::string_view schemeName(Scheme s) noexcept;
std::optional<Scheme> parseScheme(std::string_view name) noexcept;

/// A gateway's watermark secret: a human-readable gateway id and 32 secret bytes. Every client key is derived from
/// it (HKDF-SHA256, info = "modelguard/watermark/v1/client:" + clientId), so the gateway stores one secret only.
struct GatewayKey
{
    std::string gatewayId; ///< printable ASCII, 1..64 chars, e.g. "gw-eu-1"
    crypto::Bytes secret;  ///< 32 bytes

    /// A new key with a random secret. gatewayId empty → "gw-" + 8 random hex digits.
    static GatewayKey generate(std::string gatewayId = {});
    /// Per-client 32-byte key (HKDF of secret and client id).
    crypto::Bytes clientKey(std::string_view clientId) const;
    /// 4-byte public tag that the payload carries to name the gateway without revealing the secret.
    std::array<std::uint8_t, 4> tag() const;
};

/// Key file I/O (text format documented in docs/watermark.md). save refuses to overwrite an existing file and
/// creates it with mode 0600. Both throw std::runtime_error with a message fit for a user.
GatewayKey loadGatewayKey(const std::string& path);
void saveGatewayKey(const GatewayKey& key, const std::string& path);
/// Same format in memory (for keys fetched from a gateway's admin API or the keychain).
GatewayKey parseGatewayKey(std::string_view text);
std::string serializeGatewayKey(const GatewayKey& key);

struct EmbedOptions
{
    Scheme scheme = Scheme::Both;
    /// Lexical strength in [0, 1]: the share of scorable words whose class is steered to a green member.
    double strength = 1.0;
    /// Issue time carried by the payload, in minutes since the Unix epoch. 0 → now.
    std::uint32_t issuedAtMinutes = 0;
};

/// Incremental embedder: feed the chunks of a response as they arrive (e.g. SSE deltas) and forward what push()
/// returns; finish() flushes the bounded lookahead. The concatenated output equals Embedder::embed(whole text).
/// Any byte sequence is accepted; invalid UTF-8 is replaced by U+FFFD, so the output is always valid UTF-8.
/// Lookahead (what push() may hold back): an incomplete UTF-8 sequence, the current word (with its trailing
/// invisible characters and one apostrophe) and one pending "a"/"an" plus up to 64 bytes of whitespace before the
/// next word; a word longer than 64 letters is passed through as it arrives.
class StreamingEmbedder
{
public:
    virtual ~StreamingEmbedder() = default;
    virtual std::string push(std::string_view chunk) = 0;
    virtual std::string finish() = 0;
};

/// Embeds the watermark of one (gateway, client) pair.
class Embedder
{
public:
    Embedder(const GatewayKey& gateway, std::string clientId, EmbedOptions options = {});
    ~Embedder();
    Embedder(Embedder&&) noexcept;
    Embedder& operator=(Embedder&&) noexcept;

    std::string embed(std::string_view text) const;
    std::unique_ptr<StreamingEmbedder> stream() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

enum class Verdict {
    Watermarked,
    NotWatermarked,
    TooShort,
};
std::string_view verdictName(Verdict v) noexcept; ///< "watermarked", "not_watermarked", "too_short"

struct EvidenceSpan
{
    enum class Kind {
        GreenWord,  ///< a scored word whose keyed choice is green
        RedWord,    ///< a scored word that is not green
        PayloadRun, ///< a run of invisible payload code points that decoded and verified
    };
    std::size_t begin = 0; ///< byte offset into the input text
    std::size_t end = 0;   ///< one past the last byte
    Kind kind = Kind::GreenWord;
};

struct DetectOptions
{
    /// Candidate client ids for lexical attribution. The payload names its own client, so it needs none.
    std::vector<std::string> candidateClients;
    /// Decision threshold on the (multiple-testing corrected) p-value.
    double threshold = 1e-6;
    /// Fewer unique scored pairs than this → TooShort (unless the payload verified).
    std::uint32_t minScored = 12;
    bool collectEvidence = true;
};

struct DetectionResult
{
    Verdict verdict = Verdict::TooShort;
    Scheme schemes = Scheme::None; ///< schemes whose evidence was found (payload verified / lexical significant)
    double pValue = 1.0;           ///< lexical p-value for the attributed client, corrected for the number tested
    double z = 0.0;                ///< lexical z-score for the attributed client
    std::uint32_t scored = 0;      ///< T: unique (context, class) pairs
    std::uint32_t green = 0;       ///< S: green hits among them
    std::optional<std::string> gatewayId;
    std::optional<std::string> clientId;
    std::optional<std::uint32_t> issuedAtMinutes; ///< from the payload
    std::uint32_t payloadCopies = 0;              ///< verified payload frames found
    bool englishScorable = true;                  ///< false when the text has (almost) no scorable English words
    std::vector<EvidenceSpan> evidence;
};

/// Detects and attributes watermarks for any number of gateways.
class Detector
{
public:
    explicit Detector(std::vector<GatewayKey> gateways);
    ~Detector();
    Detector(Detector&&) noexcept;
    Detector& operator=(Detector&&) noexcept;

    /// Never throws on any input bytes.
    DetectionResult detect(std::string_view text, const DetectOptions& options = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::watermark
