// Detector of Watermark.h: verified payload frames first (exact attribution, no false positives short of a MAC
// forgery), then the lexical test for every candidate (gateway, client) pair, attributed to the smallest p-value
// and corrected for the number of pairs tested.
#include "core/watermark/LexicalKey.h"
#include "core/watermark/LexicalScorer.h"
#include "core/watermark/Lexicon.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Statistics.h"
#include "core/watermark/Watermark.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>

namespace modelguard::watermark {

struct Detector::Impl
{
    std::vector<GatewayKey> gateways;
    const Lexicon& lexicon = Lexicon::builtin();
    LexicalParams params;

    mutable std::mutex mutex;
    mutable std::map<std::pair<std::size_t, std::string>, std::shared_ptr<const LexicalKey>> keys;
    static constexpr std::size_t kMaxKeys = 4096;

    // The cached key of one (gateway, client), derived on first use.
    std::shared_ptr<const LexicalKey> key(std::size_t gateway, const std::string& clientId) const
    {
        std::lock_guard lock(mutex);
        auto it = keys.find({gateway, clientId});
        if (it != keys.end()) {
            return it->second;
        }
        if (keys.size() >= kMaxKeys) {
            keys.clear();
        }
        auto k = std::make_shared<const LexicalKey>(gateways[gateway].clientKey(clientId), lexicon, params);
        keys.emplace(std::make_pair(gateway, clientId), k);
        return k;
    }

    DetectionResult run(std::string_view text, const DetectOptions& options) const;
};

Detector::Detector(std::vector<GatewayKey> gateways)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->gateways = std::move(gateways);
}

Detector::~Detector() = default;
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;

DetectionResult Detector::Impl::run(std::string_view text, const DetectOptions& options) const
{
    DetectionResult result;

    // 1. Payload frames.
    const std::vector<DecodedPayload> payloads = decodePayloads(text, gateways);
    std::optional<std::size_t> payloadGateway;
    std::string payloadClient;
    if (!payloads.empty()) {
        // The (gateway, client) named most often; ties go to the first seen.
        std::map<std::pair<std::string, std::string>, std::size_t> counts;
        for (const DecodedPayload& p : payloads) {
            ++counts[{p.gatewayId, p.clientId}];
        }
        const DecodedPayload* best = &payloads.front();
        for (const DecodedPayload& p : payloads) {
            if (counts[{p.gatewayId, p.clientId}] > counts[{best->gatewayId, best->clientId}]) {
                best = &p;
            }
        }
        for (std::size_t g = 0; g < gateways.size(); ++g) {
            if (gateways[g].gatewayId == best->gatewayId) {
                payloadGateway = g;
                break;
            }
        }
        payloadClient = best->clientId;
        result.gatewayId = best->gatewayId;
        result.clientId = best->clientId;
        result.issuedAtMinutes = best->issuedAtMinutes;
        result.payloadCopies = static_cast<std::uint32_t>(counts[{best->gatewayId, best->clientId}]);
        result.schemes = Scheme::Payload;
        if (options.collectEvidence) {
            for (const DecodedPayload& p : payloads) {
                result.evidence.push_back(EvidenceSpan {p.begin, p.end, EvidenceSpan::Kind::PayloadRun});
            }
        }
    }

    // 2. Lexical pairs, once for all keys.
    const LexicalScan scan = scanLexical(text, lexicon, params.contextWidth);
    result.scored = static_cast<std::uint32_t>(scan.pairs.size());
    result.englishScorable = !scan.pairs.empty() && scan.words >= scan.foreignRuns;

    std::vector<std::pair<std::size_t, std::string>> tests;
    if (payloadGateway) {
        tests.emplace_back(*payloadGateway, payloadClient);
    } else {
        const std::vector<std::string> none {std::string()};
        const std::vector<std::string>& clients = options.candidateClients.empty() ? none : options.candidateClients;
        for (std::size_t g = 0; g < gateways.size(); ++g) {
            for (const std::string& c : clients) {
                tests.emplace_back(g, c);
            }
        }
    }

    double bestLogP = 0.0;
    LexicalScore bestScore;
    std::shared_ptr<const LexicalKey> bestKey;
    std::size_t bestTest = 0;
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const auto k = key(tests[i].first, tests[i].second);
        const LexicalScore s = scoreLexical(scan, *k);
        if (!bestKey || s.logP < bestLogP) {
            bestLogP = s.logP;
            bestScore = s;
            bestKey = k;
            bestTest = i;
        }
    }
    const double logP = bestKey ? logCorrectedMinimum(bestLogP, tests.size()) : 0.0;
    result.pValue = bestKey ? expNonZero(logP) : 1.0;
    result.z = bestScore.z;
    result.green = bestScore.green;
    const bool lexicalEnough = scan.pairs.size() >= options.minScored;
    const bool lexicalSignificant = bestKey && lexicalEnough && result.pValue < options.threshold;
    if (lexicalSignificant) {
        result.schemes = result.schemes | Scheme::Lexical;
        if (!payloadGateway) {
            result.gatewayId = gateways[tests[bestTest].first].gatewayId;
            result.clientId = tests[bestTest].second;
        }
    }

    if (payloadGateway || lexicalSignificant) {
        result.verdict = Verdict::Watermarked;
    } else if (!lexicalEnough || !bestKey) {
        result.verdict = Verdict::TooShort;
    } else {
        result.verdict = Verdict::NotWatermarked;
    }

    if (options.collectEvidence && bestKey) {
        for (const LexicalScan::Occurrence& o : scan.occurrences) {
            // Every occurrence is shown with the colour of its own member under the pair's keyed choice.
            const PairDecision d = bestKey->decide(scan.pairs[o.pair].context, scan.pairs[o.pair].classId);
            const bool isGreen = ((d.greenMask >> o.member) & 1U) != 0;
            result.evidence.push_back(
                EvidenceSpan {o.begin, o.end, isGreen ? EvidenceSpan::Kind::GreenWord : EvidenceSpan::Kind::RedWord});
        }
        std::stable_sort(result.evidence.begin(), result.evidence.end(),
                         [](const EvidenceSpan& a, const EvidenceSpan& b) { return a.begin < b.begin; });
    }
    return result;
}

DetectionResult Detector::detect(std::string_view text, const DetectOptions& options) const
{
    try {
        return m_impl->run(text, options);
    } catch (const std::exception&) {
        // Out of memory or an OpenSSL failure: report "nothing found" rather than throw (the contract is never to
        // throw on input); the input itself cannot cause this.
        DetectionResult r;
        r.englishScorable = false;
        return r;
    }
}

} // namespace modelguard::watermark
