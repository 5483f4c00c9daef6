#pragma once
// Helpers that build request records for the risk tests: deterministic text and a fixed clock.

#include "core/risk/RequestRecord.h"

#include <cstdint>
#include <string>
#include <vector>

namespace modelguard::risk::test {

inline constexpr TimestampMs kStart = 1'760'000'000'000; // a fixed epoch for the tests
inline constexpr TimestampMs kSecond = 1000;
inline constexpr TimestampMs kMinute = 60 * kSecond;
inline constexpr TimestampMs kHour = 60 * kMinute;

/// Small deterministic PRNG (SplitMix64) so that tests never depend on the platform's <random> distributions.
class TestRandom
{
public:
    explicit TestRandom(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }

private:
    std::uint64_t m_state;
};

inline const std::vector<std::string>& vocabulary()
{
    static const std::vector<std::string> words = {
        "garden", "river",   "planet",  "engine",   "violin", "harbour", "forest",  "castle",  "kitchen", "winter",
        "market", "doctor",  "pencil",  "mountain", "window", "bridge",  "library", "island",  "camera",  "rocket",
        "coffee", "ticket",  "museum",  "desert",   "pillow", "tunnel",  "lantern", "meadow",  "compass", "anchor",
        "basket", "glacier", "orchard", "printer",  "saddle", "thunder", "velvet",  "wallet",  "yogurt",  "zipper",
        "about",  "where",   "would",   "could",    "their",  "there",   "which",   "these",   "those",   "other",
        "recipe", "budget",  "server",  "network",  "poem",   "story",   "letter",  "history", "science", "music"};
    return words;
}

/// A natural-looking chat question about random words.
inline std::string chatPrompt(TestRandom& r, std::size_t words = 14)
{
    static const std::vector<std::string> openers = {"Can you tell me", "What do you think",   "How do I",
                                                     "Why is the",      "Please help me with", "Is it true that"};
    std::string s = openers[r.index(openers.size())];
    for (std::size_t i = 0; i < words; ++i) {
        s += ' ';
        s += vocabulary()[r.index(vocabulary().size())];
    }
    s += '?';
    return s;
}

inline RequestRecord chatRecord(const std::string& client, TimestampMs time, TestRandom& r)
{
    RequestRecord rec;
    rec.time = time;
    rec.clientId = client;
    rec.keyId = client + "-key";
    rec.sourceIp = "198.51.100." + std::to_string(1 + r.index(200));
    rec.model = "chat";
    rec.prompt = chatPrompt(r);
    rec.messageCount = 1 + static_cast<std::uint32_t>(r.index(5));
    rec.maxTokens = 512;
    rec.temperature = 0.7;
    rec.completed = true;
    rec.promptTokens = 30;
    rec.completionTokens = 150 + static_cast<std::uint32_t>(r.index(200));
    rec.finishReason = FinishReason::Stop;
    return rec;
}

} // namespace modelguard::risk::test
