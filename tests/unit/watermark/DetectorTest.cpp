// The Detector facade: payload attribution, lexical attribution among candidate clients with multiple-testing
// correction, evidence spans, verdicts on short, foreign and hostile input.
#include "LexicalTestCorpus.h"
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <gtest/gtest.h>

#include <random>

using namespace modelguard::watermark;
using namespace modelguard::watermark::lextest;

namespace {

EmbedOptions options(Scheme scheme)
{
    EmbedOptions o;
    o.scheme = scheme;
    o.issuedAtMinutes = 29000123;
    return o;
}

bool isAsciiLetters(std::string_view s)
{
    std::size_t letters = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto c = modelguard::text::decodeAt(s, pos);
        if (c.codePoint < 0x80) {
            if (!std::isalpha(static_cast<unsigned char>(c.codePoint))) {
                return false;
            }
            ++letters;
        } else if (!modelguard::text::isDefaultIgnorable(c.codePoint)) {
            return false;
        }
        pos += c.length;
    }
    return letters > 0;
}

} // namespace

TEST(DetectorTest, PayloadAttributesExactlyAndReportsTheLexicalTestOfThatClient)
{
    const GatewayKey gw1 = testGatewayKey(1, "gw-one");
    const GatewayKey gw2 = testGatewayKey(2, "gw-two");
    const std::string text = wordSamples(300, 100, 1).front();
    const std::string marked = Embedder(gw2, "client-7", options(Scheme::Both)).embed(text);
    const Detector detector({gw1, gw2});
    const DetectionResult r = detector.detect(marked);
    EXPECT_EQ(r.verdict, Verdict::Watermarked);
    EXPECT_TRUE(hasScheme(r.schemes, Scheme::Payload));
    EXPECT_EQ(r.gatewayId, "gw-two");
    EXPECT_EQ(r.clientId, "client-7");
    EXPECT_EQ(r.issuedAtMinutes, 29000123u);
    EXPECT_GE(r.payloadCopies, 2u);
    EXPECT_GT(r.scored, 0u);
    EXPECT_GT(r.green * 2, r.scored); // the lexical test of client-7 leans green
    std::size_t payloadRuns = 0;
    std::size_t wordSpans = 0;
    for (const EvidenceSpan& s : r.evidence) {
        ASSERT_LE(s.begin, s.end);
        ASSERT_LE(s.end, marked.size());
        if (s.kind == EvidenceSpan::Kind::PayloadRun) {
            ++payloadRuns;
        } else {
            ++wordSpans;
            EXPECT_TRUE(isAsciiLetters(std::string_view(marked).substr(s.begin, s.end - s.begin)));
        }
    }
    EXPECT_EQ(payloadRuns, r.payloadCopies);
    EXPECT_GE(wordSpans, r.scored);
    // An unknown gateway key finds nothing.
    const DetectionResult none = Detector({testGatewayKey(9, "gw-x")}).detect(marked);
    EXPECT_FALSE(hasScheme(none.schemes, Scheme::Payload));
    EXPECT_NE(none.verdict, Verdict::Watermarked);
}

TEST(DetectorTest, LexicalAttributionAmongCandidates)
{
    const GatewayKey gw = testGatewayKey(5, "gw-five");
    const std::string text = wordSamples(4000, 20000, 1).front();
    const std::string marked = stripPayload(Embedder(gw, "bob", options(Scheme::Both)).embed(text));
    DetectOptions opts;
    opts.candidateClients = {"alice", "bob", "carol", "dave"};
    const Detector detector({testGatewayKey(4, "gw-four"), gw});
    const DetectionResult r = detector.detect(marked, opts);
    EXPECT_EQ(r.verdict, Verdict::Watermarked);
    EXPECT_EQ(r.schemes, Scheme::Lexical);
    EXPECT_EQ(r.clientId, "bob");
    EXPECT_EQ(r.gatewayId, "gw-five");
    EXPECT_LT(r.pValue, 1e-6);
    EXPECT_GT(r.z, 4.0);
    EXPECT_EQ(r.payloadCopies, 0u);
    EXPECT_TRUE(r.englishScorable);
    std::cout << "[figures] 4000-word lexical attribution among 8 pairs: T=" << r.scored << " S=" << r.green
              << " z=" << r.z << " p=" << r.pValue << "\n";

    // The same text unwatermarked: not flagged, nobody named.
    const DetectionResult clean = detector.detect(text, opts);
    EXPECT_EQ(clean.verdict, Verdict::NotWatermarked);
    EXPECT_FALSE(clean.clientId.has_value());
    EXPECT_GT(clean.pValue, 1e-6);
    // The corrected p-value is never below the single-test p-value of the same pair.
    DetectOptions one;
    one.candidateClients = {"bob"};
    const DetectionResult single = Detector({gw}).detect(marked, one);
    EXPECT_LE(single.pValue, r.pValue);
    EXPECT_EQ(single.scored, r.scored);
    EXPECT_EQ(single.green, r.green);
}

TEST(DetectorTest, ShortForeignAndHostileInput)
{
    const Detector detector({testGatewayKey(1)});
    const DetectionResult shortText = detector.detect("Hello there.");
    EXPECT_EQ(shortText.verdict, Verdict::TooShort);
    EXPECT_EQ(shortText.pValue, 1.0);

    std::string russian;
    for (int i = 0; i < 200; ++i) {
        russian += "\xD0\xAD\xD1\x82\xD0\xBE \xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 "
                   "\xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82 big house. ";
    }
    const DetectionResult foreign = detector.detect(russian);
    EXPECT_EQ(foreign.verdict, Verdict::TooShort);
    EXPECT_FALSE(foreign.englishScorable);
    EXPECT_LE(foreign.scored, 2u); // only the two English words, one pair each

    std::mt19937_64 rng(5);
    std::string bytes(200000, '\0');
    for (char& c : bytes) {
        c = static_cast<char>(rng() & 0xFF);
    }
    for (const std::string& in : {bytes, std::string(1 << 20, 'a'), std::string(50000, ' '), std::string()}) {
        const DetectionResult r = detector.detect(in);
        EXPECT_NE(r.verdict, Verdict::Watermarked);
        EXPECT_GE(r.pValue, 0.0);
        EXPECT_LE(r.pValue, 1.0);
    }
    // Ignorables do not split words: the same verdict and counts with zero-width spaces sprinkled in.
    const std::string text = wordSamples(400, 3000, 1).front();
    std::string sprinkled;
    for (char c : text) {
        sprinkled += c;
        if (c == 'e') {
            sprinkled += "\xE2\x80\x8B";
        }
    }
    const DetectionResult a = detector.detect(text);
    const DetectionResult b = detector.detect(sprinkled);
    EXPECT_EQ(a.scored, b.scored);
    EXPECT_EQ(a.green, b.green);
}

TEST(DetectorTest, ThresholdAndMinScoredOptions)
{
    const GatewayKey gw = testGatewayKey(6);
    const std::string text = wordSamples(4000, 60000, 1).front();
    const std::string marked = Embedder(gw, "", options(Scheme::Lexical)).embed(text);
    const Detector detector({gw});
    DetectOptions strict;
    strict.threshold = 1e-300;
    EXPECT_EQ(detector.detect(marked).verdict, Verdict::Watermarked); // default: client "" is tested
    EXPECT_NE(detector.detect(marked, strict).verdict, Verdict::Watermarked);
    DetectOptions needMany;
    needMany.minScored = 100000;
    EXPECT_EQ(detector.detect(marked, needMany).verdict, Verdict::TooShort);
    DetectOptions noEvidence;
    noEvidence.collectEvidence = false;
    EXPECT_TRUE(detector.detect(marked, noEvidence).evidence.empty());
}
