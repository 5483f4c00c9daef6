// The Embedder facade on the built-in lexicon: streaming equals one-shot under any chunking, hostile input, the
// payload scheme attached after words, options validation.
#include "LexicalTestCorpus.h"
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <gtest/gtest.h>

#include <random>

using namespace modelguard::watermark;
using namespace modelguard::watermark::lextest;

namespace {

std::string streamed(const Embedder& e, std::string_view text, std::mt19937_64& rng, std::size_t maxChunk)
{
    auto s = e.stream();
    std::string out;
    std::size_t pos = 0;
    std::uniform_int_distribution<std::size_t> len(0, maxChunk);
    while (pos < text.size()) {
        const std::size_t n = std::min(len(rng), text.size() - pos);
        out += s->push(text.substr(pos, n));
        pos += n;
    }
    out += s->finish();
    return out;
}

std::string randomBytes(std::mt19937_64& rng, std::size_t n)
{
    std::string s(n, '\0');
    std::uniform_int_distribution<int> b(0, 255);
    for (char& c : s) {
        c = static_cast<char>(b(rng));
    }
    return s;
}

EmbedOptions options(Scheme scheme, double strength = 1.0)
{
    EmbedOptions o;
    o.scheme = scheme;
    o.strength = strength;
    o.issuedAtMinutes = 29000000;
    return o;
}

} // namespace

TEST(EmbedderTest, StreamingEqualsOneShotUnderRandomChunkings)
{
    const GatewayKey gw = testGatewayKey(1);
    std::mt19937_64 rng(20240601);
    std::vector<std::string> texts = wordSamples(250, 5000, 6);
    texts.push_back("It was a huge success, an honest answer, A UNIQUE chance; don't stop.\n\nThe car's owner "
                    "caf\xC3\xA9 na\xC3\xAFve \xF0\x9F\x98\x80 a\xE2\x80\x8B\xE2\x80\x8Bword  an");
    texts.push_back(randomBytes(rng, 3000));
    texts.push_back("\xE2\x82 broken \xF0\x9F\x98 utf8 \xC3 a \xFF\xFE big");
    for (Scheme scheme : {Scheme::Lexical, Scheme::Payload, Scheme::Both}) {
        const Embedder e(gw, "client-a", options(scheme));
        for (const auto& t : texts) {
            const std::string whole = e.embed(t);
            EXPECT_TRUE(modelguard::text::isValidUtf8(whole));
            for (std::size_t maxChunk : {1u, 2u, 3u, 7u, 64u}) {
                EXPECT_EQ(streamed(e, t, rng, maxChunk), whole) << "scheme " << schemeName(scheme);
            }
        }
    }
}

TEST(EmbedderTest, LexicalOnlyChangesWordsAndKeepsEverythingElse)
{
    const Embedder e(testGatewayKey(1), "client-a", options(Scheme::Lexical));
    const auto samples = wordSamples(200, 0, 50);
    std::size_t changedWords = 0;
    std::size_t words = 0;
    for (const auto& s : samples) {
        const std::string out = e.embed(s);
        const auto a = splitWords(s);
        const auto b = splitWords(out);
        ASSERT_EQ(a.size(), b.size()); // word-for-word, spacing kept
        for (std::size_t i = 0; i < a.size(); ++i) {
            changedWords += a[i] != b[i] ? 1 : 0;
        }
        words += a.size();
    }
    EXPECT_GT(changedWords, 0u);
    EXPECT_LT(changedWords * 10, words); // a light touch: well under 10 % of the words
    std::cout << "[figures] words changed at strength 1.0: " << changedWords << " of " << words << " ("
              << 100.0 * static_cast<double>(changedWords) / static_cast<double>(words) << " %)\n";
    // Strength 0 is the identity on valid text.
    const Embedder none(testGatewayKey(1), "client-a", options(Scheme::Lexical, 0.0));
    for (const auto& s : samples) {
        EXPECT_EQ(none.embed(s), s);
    }
}

TEST(EmbedderTest, PayloadRidesAfterWordsAndDecodes)
{
    const GatewayKey gw = testGatewayKey(3, "gw-eu-1");
    const Embedder e(gw, "client-42", options(Scheme::Both));
    const std::string text = wordSamples(120, 777, 1).front();
    const std::string out = e.embed(text);
    const std::vector<GatewayKey> keys {gw};
    const auto payloads = decodePayloads(out, keys);
    ASSERT_FALSE(payloads.empty());
    EXPECT_EQ(payloads.front().clientId, "client-42");
    EXPECT_EQ(payloads.front().gatewayId, "gw-eu-1");
    EXPECT_EQ(payloads.front().issuedAtMinutes, 29000000u);
    // Without the payload it is the lexical output.
    const Embedder lexical(gw, "client-42", options(Scheme::Lexical));
    EXPECT_EQ(stripPayload(out), lexical.embed(text));
    // Re-embedding does not stack payloads.
    EXPECT_EQ(stripPayload(e.embed(out)), stripPayload(out));
    EXPECT_EQ(e.embed(out).size(), out.size());
}

TEST(EmbedderTest, HostileInputNeverCrashesAndGivesValidUtf8)
{
    const Embedder e(testGatewayKey(1), "client-a", options(Scheme::Both));
    std::mt19937_64 rng(99);
    std::vector<std::string> inputs;
    inputs.push_back(randomBytes(rng, 100000));
    inputs.push_back(std::string(1 << 20, 'a'));           // 1 MB, one word
    inputs.push_back(std::string(100000, ' ') + "\n\t\r"); // whitespace only
    std::string invisible;
    for (int i = 0; i < 20000; ++i) {
        invisible += "\xE2\x80\x8B\xEF\xB8\x8F"; // ZWSP + VS16
    }
    inputs.push_back(invisible);
    inputs.push_back("\xE8\xBF\x99\xE6\x98\xAF\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\x87\xE6\x9C\xAC\xE3\x80\x82 "
                     "\xD0\xAD\xD1\x82\xD0\xBE \xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 "
                     "\xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82.");
    inputs.push_back(std::string("\0\0\0 a\0b", 8));
    inputs.push_back("");
    for (const auto& in : inputs) {
        const std::string out = e.embed(in);
        EXPECT_TRUE(modelguard::text::isValidUtf8(out));
        EXPECT_EQ(streamed(e, in, rng, 4096), out);
    }
    // The 1 MB word is passed through (plus its payload).
    EXPECT_EQ(stripPayload(e.embed(inputs[1])), inputs[1]);
}

TEST(EmbedderTest, RejectsBadOptions)
{
    EXPECT_THROW(Embedder(testGatewayKey(1), "c", options(Scheme::Lexical, 1.5)), std::invalid_argument);
    EXPECT_THROW(Embedder(testGatewayKey(1), "c", options(Scheme::Lexical, -0.1)), std::invalid_argument);
    EXPECT_THROW(Embedder(testGatewayKey(1), "", options(Scheme::Payload)), std::invalid_argument);
    GatewayKey noSecret;
    noSecret.gatewayId = "gw";
    EXPECT_THROW(Embedder(noSecret, "c", options(Scheme::Lexical)), std::invalid_argument);
    // A finished stream returns nothing more.
    const Embedder e(testGatewayKey(1), "c", options(Scheme::Lexical));
    auto s = e.stream();
    EXPECT_EQ(s->push("hello"), "");
    EXPECT_EQ(s->finish(), "hello");
    EXPECT_EQ(s->push("more"), "");
    EXPECT_EQ(s->finish(), "");
}
