// Embedder and StreamingEmbedder of Watermark.h. One pipeline serves both: embed() is stream()->push(all) +
// finish(), so the streaming and one-shot outputs are equal by construction.
//
// Pipeline per code point: UTF-8 decoding (incomplete sequences at a chunk end wait for the next chunk; invalid
// bytes become U+FFFD) → with the payload scheme, payload code points already in the input are dropped (those
// that stripPayload removes) → LexicalRewriter (lexical scheme) → payload insertion after every run of anchor
// letters (the stamper's afterWord), which needs no lookahead at all.
#include "core/text/Utf8.h"
#include "core/watermark/LexicalKey.h"
#include "core/watermark/LexicalRewriter.h"
#include "core/watermark/Lexicon.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>

namespace modelguard::watermark {

struct Embedder::Impl
{
    std::string clientId;
    EmbedOptions options;
    std::shared_ptr<const LexicalKey> lexicalKey; // null without the lexical scheme
    /// The payload stream of this client and minute, never advanced: every stream() starts from a copy. (Building it
    /// takes two HKDF derivations and an HMAC, several microseconds; a copy is a few hundred bytes.)
    std::optional<PayloadStamper> stamper;
};

namespace {

class StreamingEmbedderImpl final : public StreamingEmbedder
{
public:
    StreamingEmbedderImpl(std::shared_ptr<const LexicalKey> key, double strength, std::optional<PayloadStamper> stamper)
        : m_key(std::move(key))
        , m_rewriter(m_key.get(), strength)
        , m_stamper(std::move(stamper))
    { }

    std::string push(std::string_view chunk) override
    {
        if (m_finished) {
            return {};
        }
        m_carry.append(chunk);
        const std::size_t complete = text::completePrefixLength(m_carry);
        std::string out;
        process(std::string_view(m_carry).substr(0, complete), out);
        m_carry.erase(0, complete);
        return out;
    }

    std::string finish() override
    {
        if (m_finished) {
            return {};
        }
        m_finished = true;
        std::string out;
        process(m_carry, out); // a truncated sequence at the very end becomes U+FFFD
        m_carry.clear();
        m_lexical.clear();
        m_rewriter.finish(m_lexical);
        stamp(m_lexical, out);
        if (m_stamper && m_lastAnchor != 0) {
            out += m_stamper->afterWord(m_lastAnchor);
            m_lastAnchor = 0;
        }
        return out;
    }

private:
    void process(std::string_view bytes, std::string& out)
    {
        m_lexical.clear();
        if (std::all_of(bytes.begin(), bytes.end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; })) {
            // Plain ASCII (most English): nothing to sanitize or strip.
            if (!bytes.empty()) {
                m_inputAfterAnchor = isPayloadAnchor(static_cast<unsigned char>(bytes.back()));
            }
            m_rewriter.push(bytes, m_lexical);
            stamp(m_lexical, out);
            return;
        }
        // Sanitize (and drop old payload code points) into m_clean, with a fast path for runs of ASCII.
        m_clean.clear();
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            const std::size_t runStart = pos;
            while (pos < bytes.size() && static_cast<unsigned char>(bytes[pos]) < 0x80) {
                ++pos;
            }
            if (pos > runStart) {
                m_clean.append(bytes.substr(runStart, pos - runStart));
                m_inputAfterAnchor = isPayloadAnchor(static_cast<unsigned char>(bytes[pos - 1]));
                continue;
            }
            const text::DecodedChar c = text::decodeAt(bytes, pos);
            const char32_t cp = c.valid ? c.codePoint : text::kReplacementChar;
            const std::string_view raw = bytes.substr(pos, c.length);
            pos += c.length;
            if (m_stamper) {
                // Drop an old payload so that re-embedding does not stack frames.
                if (isPayloadCodePoint(cp) && m_inputAfterAnchor) {
                    continue;
                }
                m_inputAfterAnchor = isPayloadAnchor(cp);
            }
            if (c.valid) {
                m_clean.append(raw);
            } else {
                text::appendUtf8(m_clean, text::kReplacementChar);
            }
        }
        m_rewriter.push(m_clean, m_lexical);
        stamp(m_lexical, out);
    }

    // Copies lexical output to out, inserting the payload after each run of anchor letters.
    void stamp(std::string_view lexical, std::string& out)
    {
        if (!m_stamper) {
            out.append(lexical);
            return;
        }
        out.reserve(out.size() + lexical.size() * 3);
        std::size_t pos = 0;
        while (pos < lexical.size()) {
            const auto b = static_cast<unsigned char>(lexical[pos]);
            char32_t cp = b;
            std::size_t len = 1;
            if (b >= 0x80) {
                const text::DecodedChar c = text::decodeAt(lexical, pos);
                cp = c.codePoint;
                len = c.length;
            }
            const bool anchor = isPayloadAnchor(cp);
            if (m_lastAnchor != 0 && !anchor) {
                out += m_stamper->afterWord(m_lastAnchor);
            }
            m_lastAnchor = anchor ? cp : 0;
            out.append(lexical, pos, len);
            pos += len;
        }
    }

    std::shared_ptr<const LexicalKey> m_key;
    LexicalRewriter m_rewriter;
    std::optional<PayloadStamper> m_stamper;
    std::string m_carry;
    std::string m_clean;   // scratch: sanitized input of one push
    std::string m_lexical; // scratch: lexical output of one push
    bool m_inputAfterAnchor = false;
    char32_t m_lastAnchor = 0;
    bool m_finished = false;
};

} // namespace

Embedder::Embedder(const GatewayKey& gateway, std::string clientId, EmbedOptions options)
    : m_impl(std::make_unique<Impl>())
{
    if (!(options.strength >= 0.0 && options.strength <= 1.0)) {
        throw std::invalid_argument("watermark strength must be between 0 and 1");
    }
    if (options.issuedAtMinutes == 0) {
        const auto now =
            std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now().time_since_epoch());
        options.issuedAtMinutes = static_cast<std::uint32_t>(now.count());
    }
    m_impl->clientId = std::move(clientId);
    m_impl->options = options;
    if (hasScheme(options.scheme, Scheme::Payload)) {
        // Also validates the client id and the key now, so that stream() cannot fail later.
        m_impl->stamper.emplace(gateway, m_impl->clientId, options.issuedAtMinutes);
    }
    if (hasScheme(options.scheme, Scheme::Lexical)) {
        if (gateway.secret.empty()) {
            throw std::invalid_argument("watermark gateway key has no secret");
        }
        const crypto::Bytes key = gateway.clientKey(m_impl->clientId);
        m_impl->lexicalKey = std::make_shared<const LexicalKey>(key, Lexicon::builtin());
    }
}

Embedder::~Embedder() = default;
Embedder::Embedder(Embedder&&) noexcept = default;
Embedder& Embedder::operator=(Embedder&&) noexcept = default;

std::unique_ptr<StreamingEmbedder> Embedder::stream() const
{
    std::optional<PayloadStamper> stamper = m_impl->stamper; // a fresh copy, at the start of the payload stream
    return std::make_unique<StreamingEmbedderImpl>(m_impl->lexicalKey, m_impl->options.strength, std::move(stamper));
}

std::string Embedder::embed(std::string_view text) const
{
    auto s = stream();
    std::string out = s->push(text);
    out += s->finish();
    return out;
}

} // namespace modelguard::watermark
